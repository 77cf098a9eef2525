"""Messages for the reviews area: key → (English, Vietnamese)."""

MESSAGES: dict[str, tuple[str, str]] = {}

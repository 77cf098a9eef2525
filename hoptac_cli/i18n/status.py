"""Messages for the status area: key → (English, Vietnamese)."""

MESSAGES: dict[str, tuple[str, str]] = {}

"""Messages for the reports area: key → (English, Vietnamese)."""

MESSAGES: dict[str, tuple[str, str]] = {}

"""Notes for the user that are not errors: the domain layer leaves them here, the command
layer prints them on stderr once the command has succeeded (each once, in order)."""

_pending: list[str] = []


def note(message: str) -> None:
    if message not in _pending:
        _pending.append(message)


def take() -> list[str]:
    """The notes left so far, forgetting them."""
    found = list(_pending)
    _pending.clear()
    return found

"""The one exception a refused operation raises.

Commands never print errors themselves: they raise ``HoptacError`` with a message already
translated, and the CLI turns it into one line on stderr (followed by its ``details``, one
indented line each: the bad rows of a refused file) and exit code 1.
"""

from collections.abc import Iterable


class HoptacError(Exception):
    """A refused operation or an invalid value; nothing has been written."""

    exit_code = 1

    def __init__(self, message: str, details: Iterable[str] = ()):
        super().__init__(message)
        self.message = message
        #: further lines the refusal lists under its message (each bad row of a file)
        self.details = list(details)

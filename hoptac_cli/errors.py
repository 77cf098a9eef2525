"""The one exception a refused operation raises.

Commands never print errors themselves: they raise ``HoptacError`` with a message already
translated, and the CLI turns it into one line on stderr and exit code 1.
"""


class HoptacError(Exception):
    """A refused operation or an invalid value; nothing has been written."""

    exit_code = 1

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

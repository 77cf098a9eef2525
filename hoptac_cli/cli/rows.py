"""Long listings: a table shows its first rows, JSON and CSV everything (``--limit``, ``--all``).

A terminal table of thousands of rows is of no use to a person and costs seconds to lay out.
So a table stops after ``TABLE_ROWS`` rows, saying on stderr how many were left out and how to
see them; ``--all`` shows every row, ``--limit N`` the first N (in every format: a script
asking for ten records gets ten). JSON and CSV are for programs and carry every row.
"""

from typing import Annotated, Any, Optional

import typer

from hoptac_cli.errors import HoptacError
from hoptac_cli.i18n import t

#: rows a table shows unless told otherwise
TABLE_ROWS = 30

LimitOpt = Annotated[
    Optional[int],
    typer.Option(
        "--limit",
        min=1,
        metavar="N",
        help=f"Show at most N rows (a table shows {TABLE_ROWS} unless --all; JSON and CSV every row).",
    ),
]
AllOpt = Annotated[bool, typer.Option("--all", help=f"A table shows every row, not only the first {TABLE_ROWS}.")]


def check(limit: int | None, show_all: bool) -> None:
    """Refuse ``--limit`` with ``--all`` (before any work is done)."""
    if limit is not None and show_all:
        raise HoptacError(t("err.limit_all"))


def cap(fmt: str, limit: int | None, show_all: bool) -> int | None:
    """How many rows to print: ``--limit``, else ``TABLE_ROWS`` for a table, else all (None)."""
    check(limit, show_all)
    if limit is not None:
        return limit
    return None if show_all or fmt != "table" else TABLE_ROWS


def limited(rows: list[Any], fmt: str, limit: int | None, show_all: bool) -> tuple[list[Any], int]:
    """The rows to print and how many there were in all."""
    most = cap(fmt, limit, show_all)
    return (rows if most is None else rows[:most]), len(rows)


def left_out(shown: int, total: int) -> None:
    """One line on stderr when rows were left out: how many, and how to see them."""
    if total > shown:
        import sys

        from hoptac_cli.domain.numbers import show_number

        sys.stdout.flush()  # after the table, also when both streams go to one place

        typer.echo(f"{t('word.note')}: {t('note.rows_left_out', shown=show_number(shown), total=show_number(total))}", err=True)

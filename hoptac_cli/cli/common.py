"""What every command shares: global settings, the database session, output options."""


import contextlib
import enum
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from hoptac_cli.i18n import t

if TYPE_CHECKING:
    from sqlite_utils import Database

STATE: dict[str, object] = {"db": None, "quiet": False}


class OutputFormat(str, enum.Enum):
    table = "table"
    json = "json"
    csv = "csv"


FormatOpt = Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format: table, json or csv.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Shorthand for --format json.")]
AgreementOpt = Annotated[
    Optional[str], typer.Option("--agreement", "-a", help="Agreement (slug, id or name); optional when only one is active.")
]


def output_format(fmt: OutputFormat, as_json: bool) -> str:
    return "json" if as_json else fmt.value


def db_path() -> Path:
    from hoptac_cli.storage.db import resolve_path

    return resolve_path(STATE["db"])  # type: ignore[arg-type]


@contextlib.contextmanager
def session() -> Iterator["Database"]:
    """The open, up-to-date database; refuses to create a missing file."""
    from hoptac_cli.storage.db import open_db

    db = open_db(db_path())
    try:
        yield db
    finally:
        db.close()


def done(message: str, *, data_on_stdout: bool = False) -> None:
    """Confirmation of a write: one line on stdout, naming the id(s) created, so that scripts can
    capture it; on stderr when stdout already carries data (``-o -``, JSON, CSV); none with --quiet."""
    if STATE.get("quiet"):
        return
    typer.echo(message, err=data_on_stdout)


def note(message: str) -> None:
    """What hoptac chose for the user (a default period, a host by turn): one line on stderr."""
    typer.echo(message, err=True)


def warn(message: str) -> None:
    typer.echo(f"{t('word.warning')}: {message}", err=True)


def merged(result: dict) -> None:
    """Confirm a ``party merge`` or ``agency merge`` in one line."""
    from hoptac_cli.domain.dates import show_date

    names = ", ".join(row["name"] for row in result["merged"])
    if names:
        done(t("msg.merged", name=names, into=result["into"]["name"], date=show_date(result["since"])))
    else:
        done(t("msg.merge_unchanged"))

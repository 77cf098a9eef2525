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

STATE: dict[str, object] = {"db": None}


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
    """The open, up-to-date database; refuses to create a missing file. Notes the domain left
    (e.g. which agreement was used) are printed on stderr when the work succeeded."""
    from hoptac_cli import notes
    from hoptac_cli.storage.db import open_db

    notes.take()
    db = open_db(db_path())
    try:
        yield db
    finally:
        db.close()
    for message in notes.take():
        typer.echo(f"{t('word.note')}: {message}", err=True)


def done(message: str) -> None:
    """Confirmation of a write, on stderr so that stdout stays data."""
    typer.echo(message, err=True)


def warn(message: str) -> None:
    typer.echo(f"{t('word.warning')}: {message}", err=True)


def merged(result: dict) -> None:
    """Confirm a ``party merge`` or ``agency merge``: one line per row merged."""
    from hoptac_cli.domain.dates import show_date

    for row in result["merged"]:
        done(t("msg.merged", name=row["name"], into=result["into"]["name"], date=show_date(result["since"])))
    if not result["merged"]:
        done(t("msg.merge_unchanged"))

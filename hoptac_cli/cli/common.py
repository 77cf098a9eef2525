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

STATE: dict[str, object] = {"db": None, "by": None, "argv": [], "quiet": False}


class OutputFormat(str, enum.Enum):
    table = "table"
    json = "json"
    csv = "csv"


FormatOpt = Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format: table, json or csv.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Shorthand for --format json.")]
AgreementOpt = Annotated[
    Optional[str], typer.Option("--agreement", "-a", help="Agreement (slug, id or name); optional when only one is active.")
]


ByOpt = Annotated[
    Optional[str],
    typer.Option(
        "--by",
        metavar="NAME",
        help="Who makes this change, for the history (else the global --by, HOPTAC_BY or the system user).",
    ),
]
ForceOpt = Annotated[bool, typer.Option("--force", help="Replace the file if it exists (never the database itself).")]


def writes(function):  # type: ignore[no-untyped-def]
    """Mark a command that changes the database: it also takes ``--by NAME`` (who, for the history)."""
    import functools
    import inspect

    signature = inspect.signature(function)

    @functools.wraps(function)
    def command(*args, by=None, **kwargs):  # type: ignore[no-untyped-def]
        if by:
            STATE["by"] = by
        return function(*args, **kwargs)

    by = inspect.Parameter("by", inspect.Parameter.KEYWORD_ONLY, default=None, annotation=ByOpt)
    command.__signature__ = signature.replace(parameters=[*signature.parameters.values(), by])  # type: ignore[attr-defined]
    command.__annotations__ = {**function.__annotations__, "by": ByOpt}
    return command


def output_format(fmt: OutputFormat, as_json: bool) -> str:
    return "json" if as_json else fmt.value


def db_path() -> Path:
    from hoptac_cli.storage.db import resolve_path

    return resolve_path(STATE["db"])  # type: ignore[arg-type]


@contextlib.contextmanager
def session(write: bool = False, record: bool = True) -> Iterator["Database"]:
    """The open, up-to-date database; refuses to create a missing file.

    ``write=True`` for a command that changes the database: the whole command is then one
    ``BEGIN IMMEDIATE`` transaction (its checks and its writes see the same database) recorded as
    one history entry, and a file made by a newer hoptac is refused. ``record=False``: the
    command records its own history entry (``undo``). Notes the domain left (e.g. which
    agreement was used) are printed on stderr when the work succeeded."""
    from hoptac_cli import notes
    from hoptac_cli.storage.db import open_db

    notes.take()
    db = open_db(db_path(), write=write)
    try:
        _upgraded(db)
        if write and record:
            from hoptac_cli.domain.history import recording

            with recording(db, who=who(), command=command_line()):
                yield db
        else:
            yield db
    finally:
        db.close()
    for message in notes.take():
        typer.echo(f"{t('word.note')}: {message}", err=True)


def _upgraded(db: "Database") -> None:
    upgraded = getattr(db, "upgraded", None)
    if upgraded:
        note(t("msg.db_upgraded", old=upgraded["from"], new=upgraded["to"], backup=upgraded["backup"] or "—"))


def who() -> str:
    """Who is writing: ``--by NAME``, else HOPTAC_BY, else the operating-system user."""
    import os

    from hoptac_cli.domain.text import nfc
    from hoptac_cli.storage.history import os_user

    chosen = STATE.get("by") or os.environ.get("HOPTAC_BY")
    return nfc(str(chosen)) if chosen and str(chosen).strip() else os_user()


#: global options left out of the command line kept in history (the file is the history's own)
_UNRECORDED = ("--db", "--lang", "--by")


def command_line() -> str:
    """The command as typed, for the history: ``hoptac report add --action 3 ...``."""
    import shlex

    argv = STATE.get("argv")
    args = [str(arg) for arg in argv] if isinstance(argv, list) else []
    kept: list[str] = []
    skip = False
    for index, arg in enumerate(args):
        if skip:
            skip = False
            continue
        if arg in _UNRECORDED and index + 1 < len(args):
            skip = True
            continue
        if arg.startswith(tuple(f"{option}=" for option in _UNRECORDED)):
            continue
        kept.append(arg)
    return shlex.join(["hoptac", *kept])


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

"""``hoptac history`` and ``hoptac undo``: every write command, who made it, and taking one back."""


from typing import Annotated, Optional

import typer

from hoptac_cli.cli.common import FormatOpt, JsonOpt, OutputFormat, command_line, done, output_format, session, who, writes
from hoptac_cli.i18n import t
from hoptac_cli.render.output import Column, emit

COLUMNS = [
    Column("id", "col.id", justify="right"),
    Column("at", "col.at", "timestamp"),
    Column("who", "col.who"),
    Column("command", "col.command", ratio=2),
    Column("what", "col.history_changed", ratio=3),
]
#: CSV and JSON carry every field (JSON the structured changes as well)
CSV_COLUMNS = [
    *COLUMNS[:4],
    *(Column(key, f"col.{key}") for key in ("kind", "changed", "details", "state", "undoes", "undone_by")),
]
JSON_COLUMNS = [*CSV_COLUMNS, Column("changes", "col.changes")]
UNDOABLE_COLUMNS = [*COLUMNS, Column("blocked_by", "col.blocked_by", justify="right")]


def history(
    limit: Annotated[int, typer.Option("--limit", "-n", metavar="N", help="How many entries, newest first.")] = 20,
    action: Annotated[Optional[int], typer.Option("--action", help="Only changes to this action (its ID) and its reports.")] = None,
    fmt: FormatOpt = OutputFormat.table,
    as_json: JsonOpt = False,
) -> None:
    """List write commands: when, who, the command line and what it changed."""
    from hoptac_cli.domain.history import listing

    with session() as db:
        rows = listing(db, limit=limit, action_id=action)
    chosen = output_format(fmt, as_json)
    columns = {"json": JSON_COLUMNS, "csv": CSV_COLUMNS}.get(chosen, COLUMNS)
    emit(rows, columns, chosen, title=t("title.history_log"), empty=t("msg.no_history"))


@writes
def undo(
    entry: Annotated[Optional[int], typer.Argument(metavar="ID", help="The history entry to undo (default: the latest change).")] = None,
    list_: Annotated[bool, typer.Option("--list", help="List the changes that can be undone, and what blocks each.")] = False,
    fmt: FormatOpt = OutputFormat.table,
    as_json: JsonOpt = False,
) -> None:
    """Undo the latest change (or change ID) as one unit; undoing an undo puts the change back."""
    from hoptac_cli.domain import history as log

    if list_:
        with session() as db:
            rows = log.undoable(db)
        emit(rows, UNDOABLE_COLUMNS, output_format(fmt, as_json), title=t("title.undoable"), empty=t("msg.nothing_undoable"))
        return
    with session(write=True, record=False) as db:
        result = log.undo(db, entry, who=who(), command=command_line())
    done(t("msg.undone", id=result["entry"]["id"], command=result["entry"]["command"], changed=result["undo"]["changed"], undo=result["undo"]["id"]))


def register(app: typer.Typer) -> None:
    app.command("history")(history)
    app.command("undo")(undo)

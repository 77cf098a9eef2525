"""``hoptac history`` and ``hoptac undo``: every write command, who made it, and taking one back."""

from typing import Annotated, Optional

import typer

from hoptac_cli.cli.common import FormatOpt, JsonOpt, OutputFormat, command_line, done, output_format, session, who, writes
from hoptac_cli.i18n import t
from hoptac_cli.records import HISTORY_CSV, HISTORY_JSON, UNDOABLE
from hoptac_cli.render.output import emit

#: the longest old or new text a change shows in the table
_TEXT_CHARS = 40
#: a field of a table whose values are not an action's (``render.output.change_kind``)
_TABLE_KINDS: dict[tuple[str | None, str], str] = {("agreements", "status"): "label:agreement_status"}


def _value(field: str, value: object, table: str | None = None) -> str:
    """An old or new value of a changed field the way the interface shows it (a date dd/mm/yyyy,
    a status in words, a number with the language's separators, an id as #id, a text quoted)."""
    from hoptac_cli.render.output import change_kind, display

    if value is None or value == "":
        return "∅"
    kind = _TABLE_KINDS.get((table, field)) or change_kind(field)
    if kind != "text" or isinstance(value, bool):
        return display(value, "bool" if isinstance(value, bool) else kind)
    if field.endswith("_id") and isinstance(value, int):
        return f"#{value}"
    if isinstance(value, (int, float)):
        return display(value, "number")
    text = " ".join(str(value).split())
    return f"“{text[: _TEXT_CHARS - 3]}…”" if len(text) > _TEXT_CHARS else f"“{text}”"


def _changed_rows(rows: list[dict]) -> str:
    """Each row an entry changed, in words: ``nhiệm vụ #9: hạn hoàn thành 31/12/2025 → 30/06/2026``."""
    from hoptac_cli.i18n import fields, has

    parts = []
    for row in rows:
        table = f"table.{row['table']}"
        label = f"{t(table) if has(table) else row['table'].replace('_', ' ')} #{row['id']}"
        if row["op"] != "update":
            parts.append(f"{label} {t('history.row.' + row['op'])}")
            continue
        old = row.get("old") or {}
        changes = [
            f"{fields([key])} {_value(key, old.get(key), row['table'])} → {_value(key, value, row['table'])}"
            for key, value in (row.get("new") or {}).items()
            if key != "search_key"
        ]
        parts.append(f"{label}: {'; '.join(changes)}" if changes else f"{label} {t('history.row.update')}")
    return " | ".join(parts)


def readable(rows: list[dict]) -> list[dict]:
    """The entries with ``what_label``: what each changed as people read it (the table only; JSON
    and CSV keep the record's ``what``, ``details`` and structured ``changes``)."""
    for row in rows:
        changed = (row.get("changes") or {}).get("rows")
        detail = _changed_rows(changed) if changed else row.get("details_label")
        row["what_label"] = " — ".join(part for part in (detail or row.get("changed_label"), row.get("state_label")) if part)
    return rows


def history(
    limit: Annotated[int, typer.Option("--limit", "-n", metavar="N", help="How many entries, newest first.")] = 20,
    action: Annotated[
        Optional[int], typer.Option("--action", help="Only changes to this action (its ID) and its reports.")
    ] = None,
    fmt: FormatOpt = OutputFormat.table,
    as_json: JsonOpt = False,
) -> None:
    """List write commands: when, who, the command line and what it changed."""
    from hoptac_cli.domain.history import listing

    with session() as db:
        rows = listing(db, limit=limit, action_id=action)
    chosen = output_format(fmt, as_json)
    emit(
        readable(rows),
        HISTORY_JSON if chosen == "json" else HISTORY_CSV,
        chosen,
        title=t("title.history_log"),
        empty=t("msg.no_history"),
    )


@writes
def undo(
    entry: Annotated[
        Optional[int], typer.Argument(metavar="ID", help="The history entry to undo (default: the latest change).")
    ] = None,
    list_: Annotated[bool, typer.Option("--list", help="List the changes that can be undone, and what blocks each.")] = False,
    fmt: FormatOpt = OutputFormat.table,
    as_json: JsonOpt = False,
) -> None:
    """Undo the latest change (or change ID) as one unit; undoing an undo puts the change back."""
    from hoptac_cli.domain import history as log

    if list_:
        with session() as db:
            rows = log.undoable(db)
        chosen = output_format(fmt, as_json)
        emit(readable(rows), UNDOABLE, chosen, title=t("title.undoable"), empty=t("msg.nothing_undoable"))
        return
    with session(write=True, record=False) as db:
        result = log.undo(db, entry, who=who(), command=command_line())
    done(
        t(
            "msg.undone",
            id=result["entry"]["id"],
            command=result["entry"]["command"],
            changed=result["undo"]["changed_label"],
            undo=result["undo"]["id"],
        )
    )


def add_commands(app: typer.Typer) -> None:
    app.command("history")(history)
    app.command("undo")(undo)

"""Every write command is one history entry, and one unit of undo.

``recording`` wraps a write command: one ``BEGIN IMMEDIATE`` transaction, in which the checks
the write depends on and the write itself run, with the undo log recording every row changed
(``storage.history``). ``undo`` reverses an entry when nothing later depends on it; undoing an
undo puts the change back.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from hoptac_cli.errors import HoptacError
from hoptac_cli.i18n import current_lang, has, t, t_in
from hoptac_cli.records import DATA_LANG
from hoptac_cli.storage import history as store

if TYPE_CHECKING:
    from sqlite_utils import Database

Row = dict[str, Any]


@contextlib.contextmanager
def recording(db: Database, *, who: str, command: str, kind: str = "change", undoes: int | None = None) -> Iterator[int]:
    """One write command: a single IMMEDIATE transaction whose row changes are recorded as one
    history entry (none is kept when nothing changed, except for ``kind`` ``init``)."""
    if not store.has_history(db):  # a file too new or too old to have one: just the transaction
        with db.atomic():
            yield 0
        return
    with db.atomic():
        entry_id = store.add_entry(db, who=who, command=command, kind=kind, undoes=undoes)
        store.track(db, entry_id)
        try:
            yield entry_id
        finally:
            store.untrack(db)
        summary = store.summarise(db, entry_id)
        if summary is None and kind == "change":
            store.drop_entry(db, entry_id)
        else:
            store.close_entry(db, entry_id, summary)


def note(db: Database, *, who: str, command: str, kind: str, text: str | None = None) -> None:
    """An entry for something that changed the whole file (a restore), not undoable row by row."""
    if store.has_history(db):
        with db.atomic():
            store.add_entry(db, who=who, command=command, kind=kind, note=text)


# reading -------------------------------------------------------------------------------------


def _table_word(table: str, lang: str) -> str:
    return t_in(lang, f"table.{table}") if has(f"table.{table}") else table


def _value(value: Any) -> str:
    if value is None:
        return "∅"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    text = str(value)
    return f"“{text[:37]}…”" if len(text) > 40 else f"“{text}”"


#: derived columns not worth showing in a change's details
_QUIET = {"search_key"}


def describe(changes: Row | None, lang: str | None = None) -> str:
    """``reports: 1 added, 1 changed`` for each table, in ``lang`` (default: the interface's)."""
    if not changes:
        return ""
    lang = lang or current_lang()
    parts = []
    for table, ops in changes["counts"].items():
        counted = [t_in(lang, f"history.op.{op}", count=ops[op]) for op in ("insert", "update", "delete") if ops.get(op)]
        parts.append(f"{_table_word(table, lang)}: {', '.join(counted)}")
    return "; ".join(parts)


def details(changes: Row | None, lang: str | None = None) -> str:
    """For a small change, each row and what became of it: ``reviews #2 conclusion “A” → “B”``."""
    if not changes or not changes.get("rows"):
        return ""
    lang = lang or current_lang()
    lines = []
    for row in changes["rows"]:
        label = f"{_table_word(row['table'], lang)} #{row['id']}"
        if row["op"] == "update":
            fields = [
                f"{key} {_value((row['old'] or {}).get(key))} → {_value(value)}"
                for key, value in (row["new"] or {}).items()
                if key not in _QUIET
            ]
            lines.append(f"{label}: {'; '.join(fields)}" if fields else label)
        else:
            lines.append(label + " " + t_in(lang, "history.row." + row["op"]))
    return " | ".join(lines)


def state(entry: Row, lang: str | None = None) -> str:
    lang = lang or current_lang()
    if entry["undone_by"]:
        return t_in(lang, "history.state.undone", id=entry["undone_by"])
    if entry["undoes"]:
        return t_in(lang, "history.state.undoes", id=entry["undoes"])
    return ""


def _note(entry: Row, lang: str | None = None) -> str:
    lang = lang or current_lang()
    if entry["kind"] == "init":
        return t_in(lang, "history.created")
    if entry["kind"] == "restore" and entry["note"]:
        import json

        data = json.loads(entry["note"])
        return t_in(lang, "history.restored", source=data.get("source"), backup=data.get("backup") or "—")
    return entry["note"] or ""


def _words(entry: Row, lang: str) -> tuple[str, str, str, str]:
    """What an entry changed, in ``lang``: the counts, the rows, its undo state, and all in one."""
    changed, detail, status = (
        describe(entry["changes"], lang),
        details(entry["changes"], lang) or _note(entry, lang),
        state(entry, lang),
    )
    return changed, detail, status, " — ".join(part for part in (detail or changed, status) if part)


def shape(entry: Row) -> Row:
    """An entry as a record (``records.HISTORY_ENTRY``): what it changed as data, in the same words
    whatever the interface speaks (``DATA_LANG``), and in the interface's words for tables and
    messages (``changed_label``, ``details_label``, ``state_label``)."""
    changed, detail, status, what = _words(entry, DATA_LANG)
    labels = _words(entry, current_lang())[:3]
    return {
        "id": entry["id"],
        "at": entry["at"],
        "who": entry["who"],
        "command": entry["command"],
        "kind": entry["kind"],
        "what": what,
        "changed": changed,
        "details": detail,
        "state": status,
        "undoes": entry["undoes"],
        "undone_by": entry["undone_by"],
        "changes": entry["changes"],
        **dict(zip(("changed_label", "details_label", "state_label"), labels)),
    }


def listing(db: Database, *, limit: int | None = 20, action_id: int | None = None) -> list[Row]:
    if limit is not None and limit < 1:
        raise HoptacError(t("err.history_limit", value=limit))
    if not store.has_history(db):
        return []
    return [shape(entry) for entry in store.entries(db, limit=limit, action_id=action_id)]


def undoable(db: Database, *, limit: int = 20) -> list[Row]:
    """``undo --list``: the entries still in effect, newest first, with what blocks each."""
    if not store.has_history(db):
        return []
    rows = []
    for entry in store.entries(db, limit=limit, active_only=True):
        blocker = _blocker(db, entry["id"])
        rows.append({**shape(entry), "blocked_by": blocker})
    return rows


# undoing -------------------------------------------------------------------------------------


def _blocker(db: Database, entry_id: int) -> int | None:
    if not store.later_exists(db, entry_id):
        return None
    found = [found for found in (store.overlapping(db, entry_id), store.referencing(db, entry_id)) if found is not None]
    return min(found) if found else None


def _refuse_blocked(db: Database, entry: Row, blocker: int, reason: str | None = None) -> HoptacError:
    later = store.get(db, blocker)
    return HoptacError(
        t(
            "err.undo_blocked",
            id=entry["id"],
            later=blocker,
            command=later["command"] if later else "?",
            reason=f" ({reason})" if reason else "",
        )
    )


def target(db: Database, entry_id: int | None) -> Row:
    """The entry ``undo`` reverses: ``entry_id``, else the latest change still in effect."""
    if not store.has_history(db):
        raise HoptacError(t("err.undo_nothing"))
    if entry_id is None:
        entry = store.latest(db)
        if entry is None:
            raise HoptacError(t("err.undo_nothing"))
    else:
        entry = store.get(db, entry_id)
        if entry is None:
            raise HoptacError(t("err.undo_unknown", value=entry_id))
    if entry["undone_by"]:
        raise HoptacError(t("err.undo_already", id=entry["id"], by=entry["undone_by"]))
    if entry["kind"] == "restore":
        raise HoptacError(t("err.undo_restore", id=entry["id"], note=_note(entry) or "?"))
    if entry["kind"] in ("init", "upgrade") or not entry["changes"]:
        raise HoptacError(t("err.undo_no_changes", id=entry["id"], command=entry["command"]))
    return entry


def undo(db: Database, entry_id: int | None, *, who: str, command: str) -> Row:
    """Reverse one entry as a unit, recorded as a new entry; return both. The checks, the
    inverse statements and the foreign key check at commit are one transaction."""
    found: Row = {}
    try:
        with recording(db, who=who, command=command, kind="undo") as undo_id:
            entry = found["entry"] = target(db, entry_id)
            blocker = _blocker(db, entry["id"])
            if blocker is not None:
                raise _refuse_blocked(db, entry, blocker)
            store.set_undoes(db, undo_id, entry["id"])
            db.conn.execute("PRAGMA defer_foreign_keys = ON")
            store.replay(db, entry["id"])
            if store.strays(db, undo_id, entry["id"]):
                raise _refuse_blocked(db, entry, store.first_later(db, entry["id"]) or entry["id"])
            store.mark_undone(db, entry, undo_id)
    except sqlite3.IntegrityError as error:
        entry = found["entry"]
        blocker = store.first_later(db, entry["id"])
        if blocker is None:
            raise HoptacError(t("err.undo_conflict", id=entry["id"], reason=error)) from None
        raise _refuse_blocked(db, entry, blocker, str(error)) from None
    undo = store.get(db, undo_id)
    if undo is None:
        raise LookupError(f"history entry #{undo_id} was not written")
    return {"entry": shape(entry), "undo": shape(undo)}

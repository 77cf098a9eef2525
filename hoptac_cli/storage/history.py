"""The history of write commands and its undo log (SQLite's trigger-based undo technique).

Triggers on every tracked table record, for each row a write command inserts, updates or
deletes, the SQL statement that reverses it (``history_changes``), under the entry that
``history_state`` names. That entry is set and cleared inside the command's own transaction, so
no other connection ever sees it: writes made outside a hoptac write command (a migration, any
other tool) are not recorded. Undoing an entry runs its statements backwards; the cost follows
the size of the change, not of the database.

The triggers are generated from the schema as it is — every table, every column, whatever later
migrations add — and made again whenever the schema has changed since (``PRAGMA
schema_version``), e.g. after a migration, which drops them first, or a ``transform()``.

Not tracked: the history's own tables, SQLite's and sqlite-utils' bookkeeping (``sqlite_*``,
``_sqlite_migrations``), virtual tables and their shadow tables, and full-text indexes (tables
named ``search_*`` or ``*_fts*``): those are kept in step by their own triggers on the base
tables, which fire again when an undo replays its statements there.
"""

from __future__ import annotations

import getpass
import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database

Row = dict[str, Any]

HISTORY_TABLES = ("history", "history_changes", "history_state")
_FTS_NAME = re.compile(r"^search_|_fts($|_)", re.IGNORECASE)
_TRIGGER = "hoptac_undo_"
#: an entry with at most this many changed rows keeps each row's details in its summary
DETAIL_ROWS = 20


def os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name in the environment nor the password database
        return "?"


def has_history(db: Database) -> bool:
    return db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'history_state'").fetchone() is not None


# which tables, which columns -----------------------------------------------------------------


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[str, ...]
    key: tuple[str, ...]  # () for a rowid table, else the primary key columns (WITHOUT ROWID)
    action_column: str | None  # the column naming an action, for ``history --action``
    textual: tuple[bool, ...]  # per column: declared with a type that never holds a BLOB


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def tracked_tables(db: Database) -> list[Table]:
    """Every table whose rows a command may change, read from the schema as it is now."""
    rows = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name").fetchall()
    virtual = [name for name, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL TABLE")]
    shadow: set[str] = set()
    try:
        shadow = {row[1] for row in db.execute("PRAGMA table_list") if row[2] == "shadow"}
    except Exception:  # noqa: BLE001 - SQLite before 3.37 has no table_list
        pass
    tables = []
    for name, _sql in rows:
        if (
            name in HISTORY_TABLES
            or name.startswith(("sqlite_", "_sqlite_"))
            or name in virtual
            or name in shadow
            or any(name.startswith(v + "_") for v in virtual)
            or _FTS_NAME.search(name)
        ):
            continue
        info = db.execute(f"PRAGMA table_xinfo({_quote(name)})").fetchall()
        kept = [row for row in info if row[6] == 0]  # hidden 2/3: generated columns
        columns = tuple(row[1] for row in kept)
        textual = tuple(bool(row[2]) and "BLOB" not in row[2].upper() for row in kept)
        try:
            db.execute(f"SELECT rowid FROM {_quote(name)} LIMIT 0")
            key: tuple[str, ...] = ()
        except Exception:  # noqa: BLE001 - a WITHOUT ROWID table
            key = tuple(row[1] for row in sorted((r for r in info if r[5]), key=lambda r: r[5]))
        action = "rowid" if name == "actions" and not key else ("action_id" if "action_id" in columns else None)
        tables.append(Table(name, columns, key, action, textual))
    return tables


# the triggers --------------------------------------------------------------------------------


def _locator(table: Table, side: str) -> str:
    """SQL text (an expression) naming the row as seen from ``side`` (NEW or OLD)."""
    if not table.key:
        return f"'rowid='||{side}.rowid"
    return "||' AND '||".join(f"{_literal(_quote(column) + '=')}||quote({side}.{_quote(column)})" for column in table.key)


def _row_key(table: Table, side: str) -> str:
    if not table.key:
        return f"{side}.rowid"
    return "||','||".join(f"quote({side}.{_quote(column)})" for column in table.key)


def _action(table: Table, side: str) -> str:
    if table.action_column is None:
        return "NULL"
    return f"{side}.rowid" if table.action_column == "rowid" else f"{side}.{_quote(table.action_column)}"


def _old_json(table: Table) -> str:
    """The row's values before an update, as JSON (for showing what changed; BLOBs left out)."""
    pairs = []
    for column, textual in zip(table.columns, table.textual):
        value = f"OLD.{_quote(column)}"
        if not textual:
            value = f"CASE typeof({value}) WHEN 'blob' THEN NULL ELSE {value} END"
        pairs.append(f"{_literal(column)},{value}")
    return f"json_object({','.join(pairs)})"


_RECORDING = "(SELECT entry_id FROM history_state WHERE id=1)"


def trigger_sql(table: Table, number: int) -> list[str]:
    """The three triggers recording the inverse of every change to ``table`` while an entry is
    recorded. Kept compact: every connection parses them when it first reads the schema."""
    name = _quote(table.name)
    head = f"CREATE TRIGGER {_TRIGGER}{number}_{re.sub(r'[^A-Za-z0-9_]', '_', table.name)}_"
    when = f"ON {name} WHEN {_RECORDING} IS NOT NULL BEGIN INSERT INTO history_changes(entry_id,tbl,op,row_key,action_id,undo_sql,old_values)VALUES({_RECORDING},{_literal(table.name)}"
    glue = "||','||"
    # insert → delete it again
    on_insert = (
        f"{head}i AFTER INSERT {when},'insert',{_row_key(table, 'NEW')},{_action(table, 'NEW')},"
        f"{_literal('DELETE FROM ' + name + ' WHERE ')}||{_locator(table, 'NEW')},NULL);END"
    )
    # update → set every column (and the rowid) back
    assignments = [f"{_literal(_quote(column) + '=')}||quote(OLD.{_quote(column)})" for column in table.columns]
    if not table.key:
        assignments.insert(0, "'rowid='||OLD.rowid")
    on_update = (
        f"{head}u AFTER UPDATE {when},'update',{_row_key(table, 'NEW')},{_action(table, 'NEW')},"
        f"{_literal('UPDATE ' + name + ' SET ')}||{glue.join(assignments)}||' WHERE '||{_locator(table, 'NEW')},{_old_json(table)});END"
    )
    # delete → insert it again, with its rowid
    values = [f"quote(OLD.{_quote(column)})" for column in table.columns]
    target = ",".join(_quote(column) for column in table.columns)
    if not table.key:
        values.insert(0, "OLD.rowid")
        target = "rowid," + target
    on_delete = (
        f"{head}d BEFORE DELETE {when},'delete',{_row_key(table, 'OLD')},{_action(table, 'OLD')},"
        f"{_literal('INSERT INTO ' + name + '(' + target + ')VALUES(')}||{glue.join(values)}||')',NULL);END"
    )
    return [on_insert, on_update, on_delete]


def drop_triggers(db: Database) -> None:
    names = [
        row[0] for row in db.conn.execute(f"SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '{_TRIGGER}%'")
    ]
    for name in names:
        db.conn.execute(f"DROP TRIGGER IF EXISTS {_quote(name)}")


def ensure_triggers(db: Database) -> None:
    """Make the triggers again if the schema changed since they were made (inside the caller's
    transaction, so that no write slips between the check and the triggers)."""
    made_for = db.conn.execute("SELECT schema_version FROM history_state WHERE id = 1").fetchone()[0]
    if made_for == db.conn.execute("PRAGMA schema_version").fetchone()[0]:
        return
    drop_triggers(db)
    for number, table in enumerate(tracked_tables(db)):
        for sql in trigger_sql(table, number):
            db.conn.execute(sql)
    version = db.conn.execute("PRAGMA schema_version").fetchone()[0]
    db.conn.execute("UPDATE history_state SET schema_version = ? WHERE id = 1", [version])


def track(db: Database, entry_id: int) -> None:
    """Record every change from now on under ``entry_id`` (until ``untrack``, in this transaction)."""
    ensure_triggers(db)
    db.conn.execute("UPDATE history_state SET entry_id = ? WHERE id = 1", [entry_id])


def untrack(db: Database) -> None:
    db.conn.execute("UPDATE history_state SET entry_id = NULL WHERE id = 1")


# entries -------------------------------------------------------------------------------------


def add_entry(
    db: Database, *, who: str, command: str, kind: str = "change", undoes: int | None = None, note: str | None = None
) -> int:
    cursor = db.conn.execute(
        "INSERT INTO history (who, command, kind, undoes, note) VALUES (?, ?, ?, ?, ?)", [who, command, kind, undoes, note]
    )
    return cursor.lastrowid  # type: ignore[return-value]


def summarise(db: Database, entry_id: int) -> Row | None:
    """What an entry changed: row counts per table and operation, and for a small change each
    row with the fields it changed. ``None`` when it changed nothing."""
    counts: dict[str, dict[str, int]] = {}
    total = 0
    for table, op, number in db.conn.execute(
        "SELECT tbl, op, count(*) FROM history_changes WHERE entry_id = ? GROUP BY tbl, op ORDER BY min(id)", [entry_id]
    ):
        counts.setdefault(table, {})[op] = number
        total += number
    if not total:
        return None
    summary: Row = {"counts": counts, "rows": None}
    if total <= DETAIL_ROWS:
        summary["rows"] = _details(db, entry_id)
    return summary


def _details(db: Database, entry_id: int) -> list[Row]:
    """Each row the entry changed; for an update, the fields it changed with their values before
    and after (the row as it is now, at the end of the command)."""
    rows: list[Row] = []
    updated: dict[tuple[str, Any], Row] = {}
    for table, op, key, old in db.conn.execute(
        "SELECT tbl, op, row_key, old_values FROM history_changes WHERE entry_id = ? ORDER BY id", [entry_id]
    ).fetchall():
        if op != "update":
            rows.append({"table": table, "op": op, "id": key, "old": None, "new": None})
        elif (table, key) not in updated:  # changed twice: from the first old values to the last
            updated[table, key] = row = {"table": table, "op": op, "id": key, "old": json.loads(old) if old else {}, "new": None}
            rows.append(row)
    for (table, key), row in updated.items():
        cursor = db.conn.execute(f"SELECT * FROM {_quote(table)} WHERE rowid = ?", [key]) if isinstance(key, int) else None
        found = cursor.fetchone() if cursor else None
        if found is None:
            row["new"] = {}
            continue
        now = dict(zip((column[0] for column in cursor.description), found))  # type: ignore[union-attr]
        changed = [column for column in row["old"] if column in now and now[column] != row["old"][column]]
        row["old"], row["new"] = {column: row["old"][column] for column in changed}, {column: now[column] for column in changed}
    return rows


def close_entry(db: Database, entry_id: int, summary: Row | None) -> None:
    db.conn.execute(
        "UPDATE history SET changes = ? WHERE id = ?", [json.dumps(summary, ensure_ascii=False) if summary else None, entry_id]
    )


def drop_entry(db: Database, entry_id: int) -> None:
    db.conn.execute("DELETE FROM history_changes WHERE entry_id = ?", [entry_id])
    db.conn.execute("DELETE FROM history WHERE id = ?", [entry_id])


def _shape(row: Row) -> Row:
    row["changes"] = json.loads(row["changes"]) if row.get("changes") else None
    return row


def get(db: Database, entry_id: int) -> Row | None:
    rows = list(db.query("SELECT * FROM history WHERE id = ?", [entry_id]))
    return _shape(rows[0]) if rows else None


def entries(db: Database, *, limit: int | None = None, action_id: int | None = None, active_only: bool = False) -> list[Row]:
    """Entries, newest first; ``action_id``: those that changed the action or its rows."""
    sql = "SELECT * FROM history h"
    where: list[str] = []
    params: list[Any] = []
    if action_id is not None:
        where.append("h.id IN (SELECT entry_id FROM history_changes WHERE action_id = ?)")
        params.append(action_id)
    if active_only:
        where.append("h.undone_by IS NULL AND h.kind IN ('change', 'undo') AND h.changes IS NOT NULL")
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY h.id DESC"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [_shape(row) for row in db.query(sql, params)]


def latest(db: Database) -> Row | None:
    """The most recent entry still in effect that is not itself an undo."""
    rows = list(db.query("SELECT * FROM history WHERE undone_by IS NULL AND kind != 'undo' ORDER BY id DESC LIMIT 1"))
    return _shape(rows[0]) if rows else None


def later_exists(db: Database, entry_id: int) -> bool:
    return db.conn.execute("SELECT 1 FROM history WHERE id > ? LIMIT 1", [entry_id]).fetchone() is not None


#: a later entry that counts: in effect, and not the undo of a change made after ``:entry``
_LIVE = "h.undone_by IS NULL AND NOT (h.undoes IS NOT NULL AND h.undoes > :entry)"


def overlapping(db: Database, entry_id: int) -> int | None:
    """The first later entry in effect that changed a row this entry changed."""
    row = db.conn.execute(
        f"""
        SELECT min(later.entry_id) FROM history_changes mine
        JOIN history_changes later ON later.tbl = mine.tbl AND later.row_key = mine.row_key AND later.entry_id > :entry
        JOIN history h ON h.id = later.entry_id
        WHERE mine.entry_id = :entry AND {_LIVE}
        """,
        {"entry": entry_id},
    ).fetchone()
    return row[0]


def referencing(db: Database, entry_id: int) -> int | None:
    """The first later entry in effect whose rows refer (by a foreign key) to a row this entry
    inserted: undoing this entry would delete what they point to."""
    tables = {table.name: table for table in tracked_tables(db)}
    inserted = {
        row[0]
        for row in db.conn.execute("SELECT DISTINCT tbl FROM history_changes WHERE entry_id = ? AND op = 'insert'", [entry_id])
    }
    found: list[int] = []
    for child in tables.values():
        if child.key:
            continue
        for fk in db.conn.execute(f"PRAGMA foreign_key_list({_quote(child.name)})").fetchall():
            parent, source, target = fk[2], fk[3], fk[4]
            if parent not in inserted:
                continue
            parent_key = _quote(target) if target else "rowid"
            row = db.conn.execute(
                f"""
                SELECT min(later.entry_id) FROM history_changes later
                JOIN history h ON h.id = later.entry_id
                JOIN {_quote(child.name)} c ON c.rowid = later.row_key
                WHERE later.tbl = :child AND later.op != 'delete' AND later.entry_id > :entry AND {_LIVE}
                  AND c.{_quote(source)} IN (
                      SELECT p.{parent_key} FROM {_quote(parent)} p WHERE p.rowid IN (
                          SELECT row_key FROM history_changes WHERE entry_id = :entry AND tbl = :parent AND op = 'insert'))
                """,
                {"entry": entry_id, "child": child.name, "parent": parent},
            ).fetchone()
            if row[0] is not None:
                found.append(row[0])
    return min(found) if found else None


def first_later(db: Database, entry_id: int) -> int | None:
    row = db.conn.execute(f"SELECT min(h.id) FROM history h WHERE h.id > :entry AND {_LIVE}", {"entry": entry_id}).fetchone()
    return row[0]


def replay(db: Database, entry_id: int) -> None:
    """Run the entry's inverse statements, last change first."""
    cursor = db.conn.execute("SELECT undo_sql FROM history_changes WHERE entry_id = ? ORDER BY id DESC", [entry_id])
    for (statement,) in cursor.fetchall():
        db.conn.execute(statement)


def strays(db: Database, undo_id: int, entry_id: int) -> bool:
    """Did the undo ``undo_id`` change a row that ``entry_id`` never changed (a cascade, a
    trigger reaching into later work)?"""
    row = db.conn.execute(
        """
        SELECT 1 FROM history_changes u WHERE u.entry_id = ? AND NOT EXISTS (
            SELECT 1 FROM history_changes e WHERE e.entry_id = ? AND e.tbl = u.tbl AND e.row_key = u.row_key)
        LIMIT 1
        """,
        [undo_id, entry_id],
    ).fetchone()
    return row is not None


def set_undoes(db: Database, undo_id: int, entry_id: int) -> None:
    db.conn.execute("UPDATE history SET undoes = ? WHERE id = ?", [entry_id, undo_id])


def mark_undone(db: Database, entry: Row, undo_id: int) -> None:
    db.conn.execute("UPDATE history SET undone_by = ? WHERE id = ?", [undo_id, entry["id"]])
    if entry["undoes"] is not None:
        # Undoing an undo puts the change it had reversed back into effect.
        db.conn.execute("UPDATE history SET undone_by = NULL WHERE id = ?", [entry["undoes"]])

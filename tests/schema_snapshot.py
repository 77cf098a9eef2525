"""The schema that all of hoptac's migrations make, written out as text in ``tests/schema.sql``.

``tests/test_schema_snapshot.py`` compares a freshly made database with that file, so that a
released migration cannot change what it makes without a test failing. After adding a migration,
regenerate the file with one command, from the repository's root:

    .venv/bin/python -m tests.schema_snapshot

and read its diff: only the new migration's name and objects may appear in it.

The text is every table, index, trigger and view in ``sqlite_master`` (SQLite's own indexes for
UNIQUE and PRIMARY KEY constraints have no SQL and follow from their table), grouped by table,
with runs of spaces collapsed and each line re-indented, after the list of migrations applied.
The undo log's triggers are not in it: hoptac generates them from the schema at the first write
(``storage/history.py``), and a fresh file made by the migrations alone has none.
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
from pathlib import Path

SNAPSHOT = Path(__file__).with_name("schema.sql")

_ORDER = "CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 WHEN 'trigger' THEN 2 ELSE 3 END"


def normalise(sql: str) -> str:
    """One object's SQL with its spacing made regular: collapsed runs, four-space indentation."""
    lines = [" ".join(line.split()) for line in sql.strip().splitlines()]
    lines = [line for line in lines if line]
    return "\n".join([lines[0], *(f"    {line}" for line in lines[1:])])


def schema(path: Path) -> str:
    """The normalised schema of the database at ``path``, with the hoptac migrations applied."""
    conn = sqlite3.connect(path)
    try:
        names = [
            row[0] for row in conn.execute("SELECT name FROM _sqlite_migrations WHERE migration_set = 'hoptac' ORDER BY rowid")
        ]
        objects = conn.execute(
            f"SELECT tbl_name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY tbl_name, {_ORDER}, name"
        ).fetchall()
    finally:
        conn.close()
    parts = ["-- migrations applied, in order:\n" + "\n".join(f"--   {name}" for name in names)]
    table = None
    for tbl_name, sql in objects:
        if tbl_name != table:
            table = tbl_name
            parts.append(f"-- {table}")
        parts.append(normalise(sql) + ";")
    return "\n\n".join(parts) + "\n"


def fresh(path: Path) -> Path:
    """Make a new database at ``path`` as ``hoptac init`` does, without the first history entry."""
    from hoptac_cli.storage.db import create_db

    create_db(path).close()
    return path


def fresh_schema() -> str:
    with tempfile.TemporaryDirectory() as folder:
        return schema(fresh(Path(folder) / "fresh.db"))


def main() -> None:
    text = fresh_schema()
    old = SNAPSHOT.read_text(encoding="utf-8") if SNAPSHOT.exists() else ""
    SNAPSHOT.write_text(text, encoding="utf-8")
    print(f"{SNAPSHOT}: {'unchanged' if text == old else 'written'}", file=sys.stderr)


if __name__ == "__main__":
    main()

"""A released migration cannot change silently: the schema all migrations make is committed.

``tests/schema.sql`` is the full schema of a fresh database (every table, index, trigger and
view). After adding a migration, regenerate it and check its diff names only your migration:

    .venv/bin/python -m tests.schema_snapshot
"""

from __future__ import annotations

import difflib

from hoptac_cli.storage.migrations import known
from tests.schema_snapshot import SNAPSHOT, fresh_schema

REGENERATE = ".venv/bin/python -m tests.schema_snapshot"


def test_fresh_schema_is_the_committed_snapshot():
    made = fresh_schema()
    committed = SNAPSHOT.read_text(encoding="utf-8")
    if made != committed:
        diff = "".join(
            difflib.unified_diff(committed.splitlines(True), made.splitlines(True), "tests/schema.sql", "made by the migrations")
        )
        raise AssertionError(
            f"The migrations no longer make the schema in tests/schema.sql. A released migration must never change; "
            f"after adding a new one, regenerate the file with `{REGENERATE}` and commit it.\n{diff}"
        )


def test_the_snapshot_names_every_migration():
    committed = SNAPSHOT.read_text(encoding="utf-8")
    assert [line.removeprefix("--   ") for line in committed.splitlines() if line.startswith("--   ")] == known()

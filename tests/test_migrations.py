"""An old database file opens in a new version: migrations upgrade it and keep its data.

For every released schema version there is a file stopped at that version, holding rows in every
table it had; opening it with hoptac must upgrade it to exactly the schema of a fresh file
(``tests/schema.sql``), say so, and keep every row.
"""

from __future__ import annotations

import sqlite3

import pytest
from conftest import Hoptac
from hypothesis import given
from hypothesis import strategies as st
from sqlite_utils import Database

from hoptac_cli.storage.migrations import applied, known, upgrade
from tests.schema_snapshot import SNAPSHOT, schema

ACTION = "Khám chữa bệnh liên tỉnh; chuyển tuyến"  # a ';' in a value, as users write them

#: rows as early versions wrote them, each table in the first version that has it; a table's
#: rows go into every file that has the table, with the columns that version had
ROWS: dict[str, list[dict]] = {
    "parties": [
        {"id": 1, "slug": "hau-giang", "name": "Hậu Giang", "search_key": "hau-giang"},
        {"id": 2, "slug": "kien-giang", "name": "Kiên Giang", "search_key": "kien-giang"},
    ],
    "agreements": [
        {"id": 1, "slug": "cu", "title": "Chương trình cũ", "search_key": "chuong-trinh-cu", "start_year": 2021, "end_year": 2025}
    ],
    "agreement_parties": [{"agreement_id": 1, "party_id": 1, "position": 1}, {"agreement_id": 1, "party_id": 2, "position": 2}],
    "sectors": [{"id": 1, "agreement_id": 1, "position": 1, "slug": "y-te", "name": "Y tế", "search_key": "y-te"}],
    "agencies": [
        {"id": 1, "party_id": 1, "slug": "syt-hg", "name": "Sở Y tế tỉnh Hậu Giang", "search_key": "so-y-te-tinh-hau-giang"},
        {"id": 2, "party_id": 2, "slug": "syt-kg", "name": "Sở Y tế tỉnh Kiên Giang", "search_key": "so-y-te-tinh-kien-giang"},
    ],
    "actions": [
        {
            "id": 1,
            "sector_id": 1,
            "title": ACTION,
            "search_key": "kham-chua-benh-lien-tinh-chuyen-tuyen",
            "lead_agency_id": 1,
            "start_on": "2021-03-01",
            "due_on": "2025-12-31",
            "status": "in-progress",
            "unit": "lượt",
            "baseline": 0,
            "target": 100,
        },
    ],
    "action_partners": [{"action_id": 1, "agency_id": 2}],
    "action_events": [
        {
            "id": 1,
            "action_id": 1,
            "at": "2023-05-02 08:00:00",
            "kind": "change",
            "field": "status",
            "old_value": "not-started",
            "new_value": "in-progress",
        },
    ],
    "reports": [
        {
            "id": 1,
            "action_id": 1,
            "agency_id": 1,
            "period": "2023-H1",
            "period_start": "2023-01-01",
            "period_end": "2023-06-30",
            "progress": 40,
            "value": 40,
            "status": "in-progress",
            "result": "Đã khám cho 40 lượt người bệnh",
            "submitted_on": "2023-07-15",
        },
    ],
    "reviews": [
        {
            "id": 1,
            "agreement_id": 1,
            "year": 2023,
            "kind": "so-ket",
            "host_party_id": 1,
            "held_on": "2023-12-10",
            "conclusion": "Phối hợp chặt chẽ",
        }
    ],
    "commendations": [
        {
            "id": 1,
            "review_id": 1,
            "recipient": "Sở Y tế tỉnh Hậu Giang",
            "recipient_kind": "collective",
            "party_id": 1,
            "form": "Bằng khen",
            "reason": "Hoàn thành xuất sắc nhiệm vụ",
        },
    ],
    "document_settings": [{"id": 1, "key": "place", "value": "Vị Thanh"}],
}

#: every version before the current one: the file stops before this migration
EARLIER = known()[1:]


def old_file(path, stop_before: str) -> dict[str, list[dict]]:
    """A database made by the version before ``stop_before``, with rows; returns what was written."""
    db = Database(path)
    db.execute("PRAGMA synchronous = OFF")  # a test file: no need to wait for the disk
    upgrade(db, stop_before=stop_before)
    written = {}
    for table, rows in ROWS.items():
        if db[table].exists():
            columns = set(db[table].columns_dict)
            written[table] = [{key: value for key, value in row.items() if key in columns} for row in rows]
            db[table].insert_all(written[table])
    db.close()
    return written


def stored(path, written: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """The rows ``written`` as the file holds them now (the same columns, in the same order)."""
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        return {
            table: [dict(row) for row in conn.execute(f"SELECT {', '.join(rows[0])} FROM {table} ORDER BY rowid")]
            for table, rows in written.items()
        }
    finally:
        conn.close()


@pytest.mark.parametrize("stop_before", EARLIER)
def test_every_earlier_version_is_upgraded_on_open(tmp_path, stop_before):
    path = tmp_path / "old.db"
    written = old_file(path, stop_before)
    version = known().index(stop_before)
    runner = Hoptac(path)

    result = runner.ok("status")
    assert f"upgraded from version {version} to {len(known())}" in result.stderr
    assert "Chương trình cũ" in result.stdout
    assert schema(path) == SNAPSHOT.read_text(encoding="utf-8"), "an upgraded file differs from a fresh one"
    assert stored(path, written) == written
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT measure FROM actions").fetchall() == [("cumulative",)]
        if version < 4:  # 0004 dates the events already recorded
            assert conn.execute("SELECT recorded_on FROM action_events").fetchall() == [("2023-05-02",)]
    # The search index (0006) holds what the old file held; the data keeps hoptac's rules.
    assert [hit["action_id"] for hit in runner.json("search", "chuyen tuyen")] == [1]
    runner.ok("db", "check")
    # A second open has nothing left to apply.
    assert "upgraded" not in runner.ok("db", "version").stderr


def test_an_old_file_keeps_a_copy_of_itself(tmp_path):
    path = tmp_path / "old.db"
    old_file(path, EARLIER[0])
    Hoptac(path).ok("status")
    copies = list((tmp_path / "old.db.backups").iterdir())
    assert len(copies) == 1
    conn = sqlite3.connect(copies[0])
    try:
        assert [row[0] for row in conn.execute("SELECT name FROM _sqlite_migrations")] == known()[:1]
    finally:
        conn.close()


def test_stopping_before_a_migration_applies_only_the_earlier_ones(tmp_path):
    db = Database(tmp_path / "part.db")
    assert upgrade(db, stop_before=known()[3]) == known()[:3]
    assert applied(db) == known()[:3]
    assert upgrade(db) == known()[3:]
    assert upgrade(db) == []


def test_foreign_keys_are_enforced(hoptac):
    from hoptac_cli.storage.db import open_db

    db = open_db(hoptac.db)
    try:
        assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        try:
            db.execute("INSERT INTO agencies (party_id, slug, name, search_key) VALUES (99, 'x', 'x', 'x')")
        except sqlite3.IntegrityError:
            pass
        else:
            raise AssertionError("an agency of a missing party was accepted")
    finally:
        db.close()


SCRIPT = """
    CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL); -- a comment; with a ';'
    CREATE TABLE note_log (note_id INTEGER, what TEXT);
    CREATE TRIGGER notes_ai AFTER INSERT ON notes BEGIN
        INSERT INTO note_log VALUES (new.id, 'added; first');
        INSERT INTO note_log VALUES (new.id, 'added; second');
    END;
    INSERT INTO notes (text) VALUES ('a; b')
"""


_TEXT = st.text(st.sampled_from("a đ;'\"-*/()\n"), max_size=12)  # what could end a statement too soon


@given(st.lists(st.tuples(_TEXT, _TEXT, st.booleans()), min_size=1, max_size=4))
def test_statements_end_where_sqlite_says(parts):
    """Split at a ';' only where a statement ends, whatever text its strings and comments hold."""
    from hoptac_cli.storage.migrations import statements

    def literal(text):
        return "'" + text.replace("'", "''") + "'"

    written = []
    for value, comment, trigger in parts:
        if trigger:
            written.append(
                f"CREATE TRIGGER t AFTER INSERT ON a BEGIN INSERT INTO b VALUES ({literal(value)}); DELETE FROM b; END"
            )
        else:
            written.append(f"\nINSERT INTO a VALUES ({literal(value)}) /* {comment.replace('*', '')} */")
    assert list(statements(";".join(written))) == written
    assert list(statements(";".join(written) + ";\n")) == written


def trial(script: str):
    """A migration set of its own with one step running ``script`` as hoptac's steps do."""
    from sqlite_utils.migrations import Migrations

    from hoptac_cli.storage.migrations import _run

    trial = Migrations("trial")

    @trial(name="0001_notes")
    def notes(db):
        _run(db, script)

    return trial


def test_a_migration_script_may_hold_triggers_and_semicolons_in_text(tmp_path):
    """Statements end where SQLite says they do: not at a ';' inside a trigger, a string or a comment."""
    db = Database(tmp_path / "x.db")
    trial(SCRIPT).apply(db)
    assert db.execute("SELECT text FROM notes").fetchall() == [("a; b",)]
    assert db.execute("SELECT what FROM note_log ORDER BY rowid").fetchall() == [("added; first",), ("added; second",)]


def test_a_failing_migration_step_leaves_nothing_behind(tmp_path):
    """A step runs inside the transaction sqlite-utils opens for it (``executescript`` would
    commit that first): failing half-way, it leaves no table and stays pending."""
    db = Database(tmp_path / "x.db")
    steps = trial(SCRIPT + "; INSERT INTO missing VALUES (1)")
    with pytest.raises(sqlite3.OperationalError, match="no such table: missing"):
        steps.apply(db)
    assert db.table_names() == ["_sqlite_migrations"]
    assert [step.name for step in steps.pending(db)] == ["0001_notes"]

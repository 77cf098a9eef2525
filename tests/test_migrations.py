"""An old database file opens in a new version: migrations upgrade it and keep its data."""

import sqlite3

from sqlite_utils import Database

from hoptac_cli.storage.migrations import applied, migrations, upgrade
from tests.conftest import Hoptac


def test_first_migration_database_is_upgraded_on_open(tmp_path):
    path = tmp_path / "old.db"
    db = Database(path)
    second = migrations._migrations[1].name
    upgrade(db, stop_before=second)
    assert applied(db) == ["0001_core_register"]
    # Data as version 1 wrote it.
    db["parties"].insert_all(
        [{"id": 1, "slug": "hau-giang", "name": "Hậu Giang", "search_key": "hau-giang"},
         {"id": 2, "slug": "kien-giang", "name": "Kiên Giang", "search_key": "kien-giang"}]
    )
    db["agreements"].insert({"id": 1, "slug": "cu", "title": "Chương trình cũ", "search_key": "chuong-trinh-cu", "start_year": 2021, "end_year": 2025})
    db["agreement_parties"].insert_all([{"agreement_id": 1, "party_id": 1, "position": 1}, {"agreement_id": 1, "party_id": 2, "position": 2}])
    db.close()

    runner = Hoptac(path)
    shown = runner.json("agreement", "show")
    assert shown["title"] == "Chương trình cũ" and shown["report_cadence"] == "H" and shown["deadline_day"] == 20
    with sqlite3.connect(path) as conn:
        names = [row[0] for row in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY rowid")]
        assert names == [m.name for m in migrations._migrations]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    # A second open has nothing left to apply.
    assert runner.ok("db", "version").stdout.split() == names


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

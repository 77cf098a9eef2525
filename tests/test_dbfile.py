"""The database file: only hoptac databases are written, newer ones are only read, damage is
named with its remedy, and backup / restore / check keep a decade of records safe."""

import shutil
import sqlite3

import pytest
from conftest import Hoptac, digest, dump

from hoptac_cli.storage.db import APPLICATION_ID
from hoptac_cli.storage.migrations import known


def pragma(path, name):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"PRAGMA {name}").fetchone()[0]
    finally:
        conn.close()


def test_new_database_is_stamped_and_in_wal_mode(hoptac):
    assert pragma(hoptac.db, "application_id") == APPLICATION_ID
    assert pragma(hoptac.db, "user_version") == len(known())
    assert pragma(hoptac.db, "journal_mode") == "wal"


def foreign_sqlite(path):
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    conn.execute("INSERT INTO notes (text) VALUES ('ghi chú của ứng dụng khác')")
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    "kind, make, needle",
    [
        ("another application's SQLite", foreign_sqlite, "another application's SQLite database"),
        ("text", lambda path: path.write_text("hoptac.db chỉ là văn bản\n", encoding="utf-8"), "not an SQLite file"),
        ("image", lambda path: path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200)), "not an SQLite file"),
        ("empty", lambda path: path.write_bytes(b""), "only 'hoptac init'"),
        ("folder", lambda path: path.mkdir(), "is a folder"),
    ],
)
def test_a_file_that_is_not_a_hoptac_database_is_refused_without_writing(tmp_path, kind, make, needle):
    path = tmp_path / "other.db"
    make(path)
    runner = Hoptac(path)
    before = digest(path)
    for command in (["report", "list"], ["party", "add", "Sóc Trăng"], ["undo"], ["db", "backup", str(tmp_path / "b.db")]):
        result = runner.fails(*command)
        assert needle in result.stderr, (command, result.stderr)
    if kind != "empty":
        assert needle in runner.fails("init").stderr
    assert digest(path) == before
    assert sorted(item.name for item in tmp_path.iterdir()) == ["other.db"]  # not even a -wal or a backup


def test_an_empty_file_becomes_a_database_through_init_only(tmp_path):
    path = tmp_path / "new.db"
    path.write_bytes(b"")
    runner = Hoptac(path)
    runner.fails("party", "add", "Sóc Trăng")
    assert "Database created" in runner.ok("init").stdout
    runner.ok("party", "add", "Sóc Trăng")
    assert pragma(path, "application_id") == APPLICATION_ID


def test_a_newer_database_is_read_but_not_written(sample):
    conn = sqlite3.connect(sample.db)
    conn.execute(f"PRAGMA user_version = {len(known()) + 2}")
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('hoptac', '0099_future', '2030-01-01')"
    )
    conn.commit()
    conn.close()
    refused = sample.fails("party", "add", "Sóc Trăng")
    assert (
        f"schema version {len(known()) + 2}" in refused.stderr
        and "0099_future" in refused.stderr
        and "upgrade hoptac" in refused.stderr
    )
    sample.fails("undo")
    assert len(sample.json("party", "list")) == 4  # reading still works
    sample.ok("status")


def test_an_unstamped_hoptac_database_of_an_earlier_version_is_upgraded_after_a_backup(tmp_path):
    from sqlite_utils import Database

    from hoptac_cli.storage.migrations import migrations, upgrade

    path = tmp_path / "old.db"
    db = Database(path)
    upgrade(db, stop_before=migrations._migrations[2].name)  # as hoptac wrote it after 0002, unstamped
    db["parties"].insert({"slug": "hau-giang", "name": "Hậu Giang", "search_key": "hau-giang"})
    db.close()
    old = path.read_bytes()
    runner = Hoptac(path)
    result = runner.ok("party", "list", "--json")
    assert "upgraded from version 2" in result.stderr
    (backup,) = (tmp_path / "old.db.backups").iterdir()
    assert backup.name.endswith("-before-upgrade.db") and backup.read_bytes()[:16] == old[:16]
    assert [row[:4] for row in dump(backup)["parties"]] == [row[:4] for row in dump(path)["parties"]]
    assert "reviews" not in dump(backup) and "reviews" in dump(path)  # the copy is the old schema
    assert pragma(backup, "user_version") == 0 and pragma(path, "application_id") == APPLICATION_ID
    assert pragma(path, "user_version") == len(known())


def corrupt(path):
    """Overwrite the middle half of the file, where the tables' pages are (the schema on page 1 stays)."""
    data = bytearray(path.read_bytes())
    size = len(data)
    data[size // 4 : 3 * size // 4] = b"\xff" * (3 * size // 4 - size // 4)
    path.write_bytes(bytes(data))


def test_a_damaged_file_is_named_with_its_remedy(sample, tmp_path):
    copy = tmp_path / "damaged.db"
    shutil.copyfile(sample.db, copy)
    corrupt(copy)
    runner = Hoptac(copy)
    refused = 0
    for command in (["report", "list"], ["status"], ["action", "list"], ["agency", "list"], ["party", "add", "Sóc Trăng"]):
        result = runner(*command)
        if result.exit_code == 0:
            continue  # this command read no damaged page
        refused += 1
        assert result.exit_code == 1 and "damaged" in result.stderr, result.stderr
        assert "db check" in result.stderr and "db restore" in result.stderr and "unexpected" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    assert refused
    check = runner("db", "check")
    assert check.exit_code == 3 and check.stdout.strip() and "Traceback" not in check.stdout + check.stderr


def test_db_check_is_silent_on_a_sound_file_and_lists_each_problem(sample):
    result = sample.ok("db", "check")
    assert result.stdout == "" and result.stderr == ""
    conn = sqlite3.connect(sample.db)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.execute("UPDATE reports SET progress = 140 WHERE id = 1")
    conn.execute("UPDATE reports SET progress = 80 WHERE id = 2")  # still says done
    conn.execute("UPDATE reports SET period = '2030-H1', period_start = '2030-01-01', period_end = '2030-06-30' WHERE id = 3")
    conn.execute("UPDATE reports SET is_current = 0 WHERE id = 5")  # superseded by nothing
    conn.execute(
        "INSERT INTO reports (action_id, agency_id, period, period_start, period_end, revision, is_current, supersedes_id, progress, status, submitted_on) "
        "VALUES (9, 8, '2022-H2', '2022-07-01', '2022-12-31', 2, 1, 999, 10, 'in-progress', '2022-12-01')"
    )
    conn.execute("UPDATE actions SET lead_agency_id = 999 WHERE id = 20")
    conn.commit()
    conn.close()
    result = sample("db", "check")
    assert result.exit_code == 3
    lines = result.stdout.strip().splitlines()
    expected = [
        "foreign key: actions row 20 refers to a missing agencies row",
        "report 1: progress 140 is outside 0–100",
        "report 2: status done with progress 80% (below 100%)",
        "report 3: period 2030-H1 is outside its agreement's years (2021–2025)",
        "report 6: revises report 999, which does not exist",
        "report 5: a superseded version that no later version replaces (action 23, period 2022-H2)",
        "action 20: no lead agency",
    ]
    for line in expected:
        assert line in lines, (line, lines)
    assert "khóa ngoại" in sample("db", "check", lang="vi").stdout


def test_backup_is_a_consistent_copy_and_restore_brings_it_back(sample, tmp_path):
    copy = tmp_path / "copy.db"
    assert "Backup written" in sample.ok("db", "backup", str(copy)).stdout
    assert pragma(copy, "journal_mode") == "delete"  # one self-contained file
    assert dump(copy) == dump(sample.db)
    sample.fails("db", "backup", str(copy))  # never over an existing file without --force
    sample.ok("party", "add", "Sóc Trăng")
    sample.ok("db", "backup", str(copy), "--force")
    sample.ok("party", "add", "Bạc Liêu")
    saved = dump(copy)
    assert "--force" in sample.fails("db", "restore", str(copy)).stderr
    result = sample.ok("db", "restore", str(copy), "--force")
    assert "restored from" in result.stdout
    restored = dump(sample.db, history=True)
    assert {table: rows for table, rows in restored.items() if not table.startswith("history")} == {
        table: rows for table, rows in saved.items() if not table.startswith("history")
    }
    (kept,) = (tmp_path / "sample.db.backups").glob("*-before-restore.db")
    assert [row[2] for row in dump(kept)["parties"]][-1] == "bac-lieu"  # the file as it was
    history = sample.json("history", "--limit", "1")[0]
    assert history["kind"] == "restore" and kept.name in history["details"]
    assert "restored the whole file" in sample.fails("undo").stderr


def test_restore_refuses_a_file_it_cannot_trust(sample, tmp_path):
    text = tmp_path / "notes.db"
    text.write_text("không phải cơ sở dữ liệu", encoding="utf-8")
    assert f"{text} cannot be restored: it is not a hoptac database" in sample.fails("db", "restore", str(text), "--force").stderr
    other = tmp_path / "other.db"
    foreign_sqlite(other)
    assert "not a hoptac database" in sample.fails("db", "restore", str(other), "--force").stderr
    newer = tmp_path / "newer.db"
    sample.ok("db", "backup", str(newer))
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA user_version = 999")
    conn.commit()
    conn.close()
    assert "newer hoptac" in sample.fails("db", "restore", str(newer), "--force").stderr
    damaged = tmp_path / "damaged.db"
    sample.ok("db", "backup", str(damaged))
    corrupt(damaged)
    assert "damaged" in sample.fails("db", "restore", str(damaged), "--force").stderr
    assert "no file" in sample.fails("db", "restore", str(tmp_path / "missing.db"), "--force").stderr
    assert "the database itself" in sample.fails("db", "restore", str(sample.db), "--force").stderr
    assert not (tmp_path / "sample.db.backups").exists()  # nothing was replaced, nothing kept


@pytest.mark.parametrize("where", ["tables", "header"])
def test_restore_over_a_damaged_database(sample, tmp_path, where):
    good = tmp_path / "good.db"
    sample.ok("db", "backup", str(good))
    if where == "tables":
        corrupt(sample.db)
    else:  # the first page, which SQLite reads before anything else
        data = bytearray(sample.db.read_bytes())
        data[16:4096] = b"\x07" * (4096 - 16)
        sample.db.write_bytes(bytes(data))
        assert "damaged" in sample.fails("status").stderr
    sample.ok("db", "restore", str(good), "--force")
    assert sample.ok("db", "check").stdout == ""
    assert dump(sample.db)["parties"] == dump(good)["parties"]
    (kept,) = (tmp_path / "sample.db.backups").iterdir()
    assert kept.name.endswith(("-before-restore.db", "-before-restore-damaged.db"))


def test_writes_begin_immediate_with_a_long_busy_timeout(hoptac):
    """A second writer waits for the first instead of failing at once."""
    from hoptac_cli.storage.db import BUSY_TIMEOUT, open_db

    assert BUSY_TIMEOUT >= 30
    first = open_db(hoptac.db, write=True)
    second = open_db(hoptac.db, write=True)
    try:
        second.conn.execute("PRAGMA busy_timeout = 50")  # only so that the test is quick
        with first.atomic():
            first.execute("INSERT INTO parties (slug, name, search_key) VALUES ('a', 'A', 'a')")
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                with second.atomic():
                    pass  # BEGIN IMMEDIATE itself waits for the lock: no read-then-fail later
        assert first.conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 30_000
    finally:
        first.close()
        second.close()


def test_restore_where_there_is_no_database_yet(sample, tmp_path):
    copy = tmp_path / "copy.db"
    sample.ok("db", "backup", str(copy))
    fresh = Hoptac(tmp_path / "fresh.db")
    assert "there was no database there before" in fresh.ok("db", "restore", str(copy), "--force").stdout
    assert dump(fresh.db)["reports"] == dump(sample.db)["reports"]
    assert fresh.json("history", "--limit", "1")[0]["kind"] == "restore"

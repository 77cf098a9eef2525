"""Shared fixtures: a CliRunner bound to a temporary database, and the sample programme."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hoptac_cli.cli import app

# Plain, wide, colourless output so that assertions see whole words.
os.environ["TERMINAL_WIDTH"] = "200"
os.environ["COLUMNS"] = "200"
os.environ["_TYPER_FORCE_DISABLE_TERMINAL"] = "1"
os.environ["NO_COLOR"] = "1"
os.environ.pop("HOPTAC_DB", None)
os.environ.pop("HOPTAC_LANG", None)
os.environ.pop("HOPTAC_BY", None)
# A fixed "today" after the sample programme's end, so that overdue figures are stable.
os.environ["HOPTAC_TODAY"] = "2026-11-25"


class Hoptac:
    """Runs ``hoptac --db <tmp file> ...`` in-process and keeps the result."""

    def __init__(self, db: Path):
        self.db = db
        self.runner = CliRunner()

    def __call__(self, *args: str, lang: str = "en", input: str | None = None, env: dict | None = None):
        return self.runner.invoke(app, ["--db", str(self.db), "--lang", lang, *args], input=input, env=env)

    def ok(self, *args: str, **kwargs):
        result = self(*args, **kwargs)
        assert result.exit_code == 0, f"exit {result.exit_code}\nstdout: {result.stdout}\nstderr: {result.stderr}\n{result.exception!r}"
        return result

    def fails(self, *args: str, code: int = 1, **kwargs):
        """Run a command that must be refused; check it left the database byte-for-byte unchanged."""
        before = digest(self.db)
        result = self(*args, **kwargs)
        assert result.exit_code == code, f"exit {result.exit_code}\nstdout: {result.stdout}\nstderr: {result.stderr}"
        assert digest(self.db) == before, "a refused command changed the database"
        if code == 1:
            lines = result.stderr.strip().splitlines()
            assert len(lines) == 1, f"expected one error line, got: {result.stderr!r}"
            assert "Traceback" not in result.stderr
        return result

    def json(self, *args: str, **kwargs):
        import json

        return json.loads(self.ok(*args, "--format", "json", **kwargs).stdout)


def digest(path: Path) -> str | None:
    """What a refused command must leave unchanged. A database in WAL mode keeps recent writes in
    its ``-wal`` file, so its bytes alone prove nothing: compare a logical dump of every table
    (the history's included), the schema and the header fields instead; any other file (or a
    database not in WAL mode) also by its bytes."""
    if not path.exists():
        return None
    if path.is_dir():
        return "folder"
    parts = []
    try:
        conn = sqlite3.connect(path)
        try:
            mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
            parts += [f"{pragma}={conn.execute(f'PRAGMA {pragma}').fetchone()[0]}" for pragma in ("application_id", "user_version")]
            parts.append(f"journal_mode={mode}")
            parts += list(conn.iterdump())
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        mode = None
    if mode != "wal":
        parts.append(hashlib.sha256(path.read_bytes()).hexdigest())
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _rows(conn: sqlite3.Connection, table: str) -> list[tuple]:
    """A table's rows with their rowid; sorted rows for tables without one (FTS5's own tables)."""
    try:
        return conn.execute(f'SELECT rowid, * FROM "{table}" ORDER BY rowid').fetchall()
    except sqlite3.OperationalError:
        return sorted(conn.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr)


def dump(path: Path, *, history: bool = False) -> dict[str, list[tuple]]:
    """Every row of every table, with its rowid; the history's own tables only if asked."""
    conn = sqlite3.connect(path)
    try:
        tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        skipped = () if history else ("history", "history_changes", "history_state")
        found = {table: _rows(conn, table) for table in tables if table not in skipped and table != "sqlite_sequence"
                 and not table.startswith("search_rows_fts")}
        # The search index is derived by triggers from the tables it indexes: an undo puts the same
        # texts back under new ids, and FTS5 lays out its own b-tree as it likes (compared as text).
        if "search_rows" in found:
            found["search_rows"] = sorted(row[2:] for row in found["search_rows"])
        return found
    finally:
        conn.close()


def snapshot(tmp_path_factory, name: str, build) -> bytes:
    """Build a database once per session with ``build(Hoptac)`` and keep its bytes."""
    path = tmp_path_factory.mktemp(name) / f"{name}.db"
    build(Hoptac(path))
    return path.read_bytes()


def restored(tmp_path: Path, name: str, data: bytes) -> Hoptac:
    """A test's own copy of a snapshot: much faster than building it again."""
    path = tmp_path / f"{name}.db"
    path.write_bytes(data)
    return Hoptac(path)


@pytest.fixture(scope="session")
def _empty_bytes(tmp_path_factory) -> bytes:
    return snapshot(tmp_path_factory, "hoptac", lambda runner: runner.ok("init"))


@pytest.fixture
def hoptac(tmp_path: Path, _empty_bytes: bytes) -> Hoptac:
    """An initialised, empty database (copied from one `hoptac init` per session)."""
    return restored(tmp_path, "hoptac", _empty_bytes)


@pytest.fixture(scope="session")
def _sample_bytes(tmp_path_factory) -> bytes:
    return snapshot(tmp_path_factory, "sample", lambda runner: runner.ok("init", "--sample"))


@pytest.fixture
def sample(tmp_path: Path, _sample_bytes: bytes) -> Hoptac:
    """A database holding the sample programme (copied from one load per session)."""
    return restored(tmp_path, "sample", _sample_bytes)


@pytest.fixture
def two_parties(hoptac: Hoptac) -> Hoptac:
    """Two provinces, an agreement with two sectors and two agencies each side."""
    hoptac.ok("party", "add", "Hậu Giang")
    hoptac.ok("party", "add", "Kiên Giang")
    hoptac.ok("agreement", "add", "Chương trình thử", "--party", "hau-giang", "--party", "kien-giang", "--period", "2021-2025", "--slug", "thu")
    hoptac.ok("sector", "add", "Y tế")
    hoptac.ok("sector", "add", "Giao thông")
    hoptac.ok("agency", "add", "Sở Y tế tỉnh Hậu Giang", "--party", "hau-giang", "--slug", "syt-hg")
    hoptac.ok("agency", "add", "Sở Y tế tỉnh Kiên Giang", "--party", "kien-giang", "--slug", "syt-kg")
    hoptac.ok("agency", "add", "Sở Giao thông vận tải tỉnh Hậu Giang", "--party", "hau-giang", "--slug", "sgtvt-hg")
    hoptac.ok("agency", "add", "Sở Giao thông vận tải tỉnh Kiên Giang", "--party", "kien-giang", "--slug", "sgtvt-kg")
    return hoptac


def _build_many(runner: Hoptac) -> None:
    runner.ok("init")
    runner.ok("party", "add", "Hậu Giang")
    runner.ok("party", "add", "Kiên Giang")
    runner.ok("agreement", "add", "Chương trình lớn", "--party", "hau-giang", "--party", "kien-giang", "--period", "2021-2030", "--slug", "lon")
    runner.ok("sector", "add", "Y tế")
    runner.ok("agency", "add", "Sở Y tế tỉnh Hậu Giang", "--party", "hau-giang", "--slug", "syt-hg")
    conn = sqlite3.connect(runner.db)
    with conn:
        conn.execute(
            """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)
            INSERT INTO actions (sector_id, title, search_key, lead_agency_id) SELECT 1, 'Nhiệm vụ ' || i, 'nhiem-vu-' || i, 1 FROM n
            """
        )
    conn.close()


@pytest.fixture(scope="session")
def _many_bytes(tmp_path_factory) -> bytes:
    return snapshot(tmp_path_factory, "many", _build_many)


@pytest.fixture
def many(tmp_path: Path, _many_bytes: bytes) -> Hoptac:
    """One agreement (2021-2030) with 5,000 actions, all led by one agency: a template for any
    period has 5,000 rows."""
    return restored(tmp_path, "many", _many_bytes)

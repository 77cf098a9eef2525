"""Shared fixtures: a CliRunner bound to a temporary database, and the programmes tests start from.

Import helpers as ``from conftest import ...`` (pytest puts ``tests/`` on the path; ``tests.conftest``
would be a second copy of this module). A programme that takes more than one command to build is
built once per session (per xdist worker) with ``snapshot`` and copied for each test with
``restored`` or ``Hoptac.load``: a test never sees another test's changes.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest
import typer.testing
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


#: the click command typer builds from ``app``, one per interface language (see ``_command``)
_COMMANDS: dict[str, object] = {}


def _command(lang: str):
    """The click command tree of ``app``, built once per language and reused.

    ``hoptac`` builds this tree once per process, at start-up; typer's ``CliRunner.invoke`` would
    build it again for every call (three quarters of a short command's time in a test). Keeping one
    tree per language means a tree only ever speaks the language it was first asked for, as in a
    real process; parsing, callbacks and output are per call as before."""
    if lang not in _COMMANDS:
        _COMMANDS[lang] = typer.main.get_command(app)
    return _COMMANDS[lang]


class Hoptac:
    """Runs ``hoptac --db <tmp file> ...`` in-process and keeps the result."""

    def __init__(self, db: Path):
        self.db = db
        self.runner = CliRunner()

    def __call__(self, *args: str, lang: str = "en", input: str | None = None, env: dict | None = None):
        command = _command(lang)
        built, typer.testing._get_command = typer.testing._get_command, lambda _app: command
        try:
            return self.runner.invoke(app, ["--db", str(self.db), "--lang", lang, *args], input=input, env=env)
        finally:
            typer.testing._get_command = built

    def load(self, data: bytes) -> Hoptac:
        """Replace this database with a snapshot's bytes (the path stays: a fixture built on
        ``hoptac`` keeps being the same object and the same file). A write-ahead log left by an
        earlier use of the file would belong to other contents: it goes too."""
        for suffix in ("-wal", "-shm"):
            Path(f"{self.db}{suffix}").unlink(missing_ok=True)
        self.db.write_bytes(data)
        return self

    def ok(self, *args: str, **kwargs):
        result = self(*args, **kwargs)
        assert result.exit_code == 0, (
            f"exit {result.exit_code}\nstdout: {result.stdout}\nstderr: {result.stderr}\n{result.exception!r}"
        )
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


@pytest.fixture
def vietnam_time():
    """The process's local time is Vietnam's (UTC+7, no daylight saving) for the test: a time
    stored in UTC must be converted to be shown right (on a UTC machine, skipping the conversion
    would go unnoticed). POSIX spelling, so that it needs no time zone database."""
    import time

    before = os.environ.get("TZ")
    os.environ["TZ"] = "ICT-7"
    time.tzset()
    assert time.timezone == -7 * 3600 and time.daylight == 0
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = before
        time.tzset()


#: the benchmark kit, whose register generator some tests use at a small scale
BENCH = Path(__file__).parents[1] / "bench"


def bench_generator():
    """``bench/generate.py`` as a module (the benchmark kit is not a package)."""
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location("bench_generate", BENCH / "generate.py")
    module = sys.modules.setdefault("bench_generate", importlib.util.module_from_spec(spec))
    spec.loader.exec_module(module)
    return module


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
            parts += [
                f"{pragma}={conn.execute(f'PRAGMA {pragma}').fetchone()[0]}" for pragma in ("application_id", "user_version")
            ]
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
        found = {
            table: _rows(conn, table)
            for table in tables
            if table not in skipped and table != "sqlite_sequence" and not table.startswith("search_rows_fts")
        }
        # The search index is derived by triggers from the tables it indexes: an undo puts the same
        # texts back under new ids, and FTS5 lays out its own b-tree as it likes (compared as text).
        if "search_rows" in found:
            found["search_rows"] = sorted(row[2:] for row in found["search_rows"])
        return found
    finally:
        conn.close()


def snapshot(tmp_path_factory, name: str, build, *, start: bytes | None = None) -> bytes:
    """Build a database once per session with ``build(Hoptac)`` and keep its bytes; ``start``
    is the snapshot it builds on (else ``build`` starts from no file at all)."""
    path = tmp_path_factory.mktemp(name) / f"{name}.db"
    if start is not None:
        path.write_bytes(start)
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


def build_two_parties(h: Hoptac) -> None:
    h.ok("party", "add", "Hậu Giang")
    h.ok("party", "add", "Kiên Giang")
    h.ok(
        "agreement",
        "add",
        "Chương trình thử",
        "--party",
        "hau-giang",
        "--party",
        "kien-giang",
        "--period",
        "2021-2025",
        "--slug",
        "thu",
    )
    h.ok("sector", "add", "Y tế")
    h.ok("sector", "add", "Giao thông")
    h.ok("agency", "add", "Sở Y tế tỉnh Hậu Giang", "--party", "hau-giang", "--slug", "syt-hg")
    h.ok("agency", "add", "Sở Y tế tỉnh Kiên Giang", "--party", "kien-giang", "--slug", "syt-kg")
    h.ok("agency", "add", "Sở Giao thông vận tải tỉnh Hậu Giang", "--party", "hau-giang", "--slug", "sgtvt-hg")
    h.ok("agency", "add", "Sở Giao thông vận tải tỉnh Kiên Giang", "--party", "kien-giang", "--slug", "sgtvt-kg")


@pytest.fixture(scope="session")
def _two_parties_bytes(tmp_path_factory, _empty_bytes: bytes) -> bytes:
    return snapshot(tmp_path_factory, "two_parties", build_two_parties, start=_empty_bytes)


@pytest.fixture
def two_parties(hoptac: Hoptac, _two_parties_bytes: bytes) -> Hoptac:
    """Two provinces, an agreement (thu, 2021-2025) with two sectors (y-te, giao-thong) and two
    agencies each side (syt-hg, syt-kg, sgtvt-hg, sgtvt-kg); the same object and file as ``hoptac``."""
    return hoptac.load(_two_parties_bytes)


def build_actions(h: Hoptac) -> None:
    h.ok("action", "add", "Khám chữa bệnh", "--sector", "y-te", "--lead", "syt-hg", "--partner", "syt-kg")
    h.ok("action", "add", "Phẫu thuật tim", "--sector", "y-te", "--lead", "syt-kg", "--unit", "em", "--target", "20")
    h.ok("action", "add", "Nâng cấp đường", "--sector", "giao-thong", "--lead", "sgtvt-hg")


@pytest.fixture(scope="session")
def _actions_bytes(tmp_path_factory, _two_parties_bytes: bytes) -> bytes:
    return snapshot(tmp_path_factory, "actions", build_actions, start=_two_parties_bytes)


@pytest.fixture
def actions(hoptac: Hoptac, _actions_bytes: bytes) -> Hoptac:
    """``two_parties`` with three actions: 1 led by Sở Y tế Hậu Giang (partner Sở Y tế Kiên Giang);
    2 led by Sở Y tế Kiên Giang with a target of 20 children (em); 3 led by Sở GTVT Hậu Giang.
    (tests/test_reports.py has its own ``actions``, with dates and partners.)"""
    return hoptac.load(_actions_bytes)


def _build_many(runner: Hoptac) -> None:
    runner.ok("init")
    runner.ok("party", "add", "Hậu Giang")
    runner.ok("party", "add", "Kiên Giang")
    runner.ok(
        "agreement",
        "add",
        "Chương trình lớn",
        "--party",
        "hau-giang",
        "--party",
        "kien-giang",
        "--period",
        "2021-2030",
        "--slug",
        "lon",
    )
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


# The programme of tests/test_status.py (its docstring has the table), for status, export, summary,
# documents and reminders.

EVIL_TITLE = '=HYPERLINK("http://example.com/x","bấm vào đây")'


def build_programme(h: Hoptac) -> None:
    """The programme of tests/test_status.py's docstring, typed through the CLI."""
    h.ok("init")
    build_two_parties(h)  # the same parties, agreement, sectors and agencies, in the same order
    h.ok("sector", "add", "Công nghiệp")
    h.ok(
        "action",
        "add",
        "Khám sàng lọc tim",
        "--sector",
        "y-te",
        "--lead",
        "syt-hg",
        "--partner",
        "syt-kg",
        "--start",
        "01/01/2022",
        "--due",
        "31/12/2022",
        "--unit",
        "em",
        "--target",
        "20",
    )
    h.ok("action", "add", "Đào tạo bác sĩ", "--sector", "y-te", "--lead", "syt-kg", "--due", "31/12/2025")
    h.ok("action", "add", "Dự án hủy", "--sector", "y-te", "--lead", "syt-hg", "--due", "31/12/2023")
    h.ok("action", "add", "Cầu Cái Tư", "--sector", "giao-thong", "--lead", "sgtvt-hg", "--due", "30/06/2022")
    h.ok("action", "add", EVIL_TITLE, "--sector", "giao-thong", "--lead", "sgtvt-kg", "--due", "31/12/2027")
    report = ("report", "add", "--submitted", "20/06/2022")
    h.ok(*report, "--action", "1", "--period", "2022-H1", "--value", "10", "--result", "10 em được phẫu thuật")
    h.ok(
        "report", "add", "--action", "1", "--period", "2022-H2", "--value", "20", "--status", "done", "--submitted", "15/12/2022"
    )
    h.ok(*report, "--action", "2", "--period", "2022-H1", "--progress", "20")
    h.ok(*report, "--action", "2", "--period", "2022-H1", "--progress", "40", "--amend")
    h.ok(*report, "--action", "3", "--period", "2022-H1", "--progress", "10")
    h.ok(
        *report,
        "--action",
        "4",
        "--period",
        "2022-H1",
        "--progress",
        "70",
        "--status",
        "behind",
        "--difficulty",
        "Thiếu vốn đối ứng",
        "--proposal",
        "Đề nghị bố trí vốn trung hạn",
    )
    h.ok(
        "report",
        "add",
        "--action",
        "5",
        "--period",
        "2025-H2",
        "--progress",
        "30",
        "--submitted",
        "18/12/2025",
        "--proposal",
        "Đề nghị hỗ trợ mặt bằng",
    )
    h.ok("review", "add", "--year", "2023", "--held", "15/12/2023")
    h.ok("action", "cancel", "3", "--review", "1", "--reason", "Không còn phù hợp")


@pytest.fixture(scope="session")
def _programme_bytes(tmp_path_factory) -> bytes:
    return snapshot(tmp_path_factory, "programme", build_programme)


@pytest.fixture
def programme(tmp_path: Path, _programme_bytes: bytes) -> Hoptac:
    """The programme of tests/test_status.py (five actions, reports, a review cancelling one)."""
    return restored(tmp_path, "programme", _programme_bytes)


def configure_documents(h: Hoptac) -> None:
    """Who issues the programme's documents: database settings and one agreement override."""
    h.ok("settings", "governing_body", "UBND thành phố Cần Thơ")
    h.ok("settings", "issuing_body", "Sở Tài chính")
    h.ok("settings", "number_pattern", "{number}/BC-STC")
    h.ok("settings", "signer_authority", "KT. Giám đốc")
    h.ok("settings", "signer_title", "Phó Giám đốc")
    h.ok("settings", "signer_name", "Nguyễn Văn An")
    h.ok("settings", "recipients", "Ban Chỉ đạo; UBND tỉnh An Giang")
    h.ok("settings", "archive", "VT, KTĐN")
    h.ok("agreement", "update", "thu", "--place", "Cần Thơ")


@pytest.fixture(scope="session")
def _configured_bytes(tmp_path_factory, _programme_bytes: bytes) -> bytes:
    return snapshot(tmp_path_factory, "configured", configure_documents, start=_programme_bytes)


@pytest.fixture
def configured(tmp_path: Path, _configured_bytes: bytes) -> Hoptac:
    """``programme`` with its documents' issuer set."""
    return restored(tmp_path, "configured", _configured_bytes)

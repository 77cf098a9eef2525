"""No full scan of ``reports`` or ``actions`` behind the everyday questions (issue 12).

Every statement that ``status``, ``report missing``, ``report list`` and ``action list`` run is
captured (the connection's trace callback) and explained with ``EXPLAIN QUERY PLAN``; a ``SCAN``
of either table (with or without an index: a covering-index scan still reads every row) fails.
At national scale (~200,000 actions, ~2 million reports) such a scan is what makes a question
about one agreement cost as much as the whole register. Plans are the planner's own choice on a
small generated register: SQLite has no statistics here (hoptac never runs ANALYZE), so the plan
does not depend on the number of rows.
"""

from __future__ import annotations

import importlib.util
import re
import sqlite3
import sys
from pathlib import Path

import pytest
from conftest import restored

from hoptac_cli.cli import app

BENCH = Path(__file__).parents[1] / "bench"
TODAY = "2030-12-28"
#: tables whose full scan is refused (action_partners: as many rows as actions)
BIG = ("reports", "actions", "action_partners")
_ALIAS = re.compile(r"\b(?:FROM|JOIN)\s+([A-Za-z_]\w*)(?:\s+(?:AS\s+)?([A-Za-z_]\w*))?", re.IGNORECASE)
_KEYWORDS = {"where", "join", "left", "inner", "on", "group", "order", "limit", "union", "using", "natural", "cross"}


@pytest.fixture(scope="session")
def _register_bytes(tmp_path_factory) -> bytes:
    spec = importlib.util.spec_from_file_location("bench_generate", BENCH / "generate.py")
    module = sys.modules.setdefault("bench_generate", importlib.util.module_from_spec(spec))
    spec.loader.exec_module(module)
    path = tmp_path_factory.mktemp("plans") / "register.db"
    info = module.generate(path, agreements=2, actions_per_sector=2, periods=10, seed=2)
    assert info.today == TODAY
    return path.read_bytes()


@pytest.fixture
def register(tmp_path, _register_bytes):
    return restored(tmp_path, "register", _register_bytes)


def _statements(runner, monkeypatch, args: list[str]) -> tuple[list[str], list[str]]:
    """The SELECTs a command runs: (outside list_actions, inside list_actions)."""
    import hoptac_cli.storage.db as db_module
    from hoptac_cli.storage import register as store

    outside: list[str] = []
    inside: list[str] = []
    state = {"depth": 0}

    def trace(sql: str) -> None:
        if sql.lstrip().upper().startswith(("SELECT", "WITH")):
            (inside if state["depth"] else outside).append(sql)

    real_connect, real_list_actions = db_module.connect, store.list_actions

    def connect(path, *more):
        db = real_connect(path, *more)
        db.conn.set_trace_callback(trace)
        return db

    def list_actions(*args, **kwargs):
        state["depth"] += 1
        try:
            return real_list_actions(*args, **kwargs)
        finally:
            state["depth"] -= 1

    monkeypatch.setattr(db_module, "connect", connect)
    monkeypatch.setattr(store, "list_actions", list_actions)
    result = runner.runner.invoke(app, ["--db", str(runner.db), *args], env={"HOPTAC_TODAY": TODAY})
    assert result.exit_code == 0, result.stderr
    assert outside or inside
    return outside, inside


def full_scans(db: Path, sql: str, tables_refused: tuple[str, ...] = BIG) -> list[str]:
    """The plan lines of ``sql`` that read every row of one of ``tables_refused``."""
    names: dict[str, set[str]] = {}  # a name in the plan → the tables (or CTEs) it may stand for
    for table, alias in _ALIAS.findall(sql):
        names.setdefault(table.lower(), set()).add(table.lower())
        if alias and alias.lower() not in _KEYWORDS:
            names.setdefault(alias.lower(), set()).add(table.lower())
    with sqlite3.connect(db) as conn:
        plan = [row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + sql)]
    found = []
    for line in plan:
        match = re.match(r"SCAN (\w+)", line)
        if match and names.get(match[1].lower(), {match[1].lower()}) & set(tables_refused):
            found.append(f"{line}   <- {' '.join(sql.split())[:160]}")
    return found


COMMANDS = {
    "status": ["status"],
    "status --agreement": ["status", "--agreement", "{agreement}"],
    "status --sector": ["status", "--agreement", "{agreement}", "--sector", "y-te"],
    "report missing": ["report", "missing", "--agreement", "{agreement}", "--period", "2030-H2"],
    "report list --agency": ["report", "list", "--agency", "{agency}"],
    "report list --agreement --period": ["report", "list", "--agreement", "{agreement}", "--period", "2030-H2"],
    "report list --period": ["report", "list", "--period", "2030"],
    "action list --agency": ["action", "list", "--agency", "{agency}"],
    "action list --agreement --sector": ["action", "list", "--agreement", "{agreement}", "--sector", "y-te"],
}
#: commands whose actions come from storage.register.list_actions (status and status --agreement read
#: theirs with action_figures, whose statements the first test checks with every table refused)
USES_LIST_ACTIONS = ("status --sector", "report missing", "action list --agency", "action list --agreement --sector")


def _args(register, name: str) -> list[str]:
    with sqlite3.connect(register.db) as conn:
        agreement = conn.execute("SELECT slug FROM agreements ORDER BY id LIMIT 1").fetchone()[0]
        agency = conn.execute(
            "SELECT ag.slug FROM actions a JOIN agencies ag ON ag.id = a.lead_agency_id ORDER BY a.id LIMIT 1"
        ).fetchone()[0]
    return [arg.format(agreement=agreement, agency=agency) for arg in COMMANDS[name]]


@pytest.mark.parametrize("name", COMMANDS)
def test_no_full_scan_of_reports_or_actions(register, monkeypatch, name):
    outside, _ = _statements(register, monkeypatch, _args(register, name))
    scans = [line for sql in outside for line in full_scans(register.db, sql)]
    assert not scans, "\n".join(scans)


@pytest.mark.parametrize("name", USES_LIST_ACTIONS)
def test_list_actions_finds_its_actions_and_partners_by_index(register, monkeypatch, name):
    _, inside = _statements(register, monkeypatch, _args(register, name))
    assert inside, "the command no longer goes through list_actions: drop it from USES_LIST_ACTIONS"
    scans = [line for sql in inside for line in full_scans(register.db, sql, ("actions", "action_partners"))]
    assert not scans, "\n".join(scans)


@pytest.mark.parametrize("name", USES_LIST_ACTIONS)
def test_no_full_scan_of_reports_in_list_actions(register, monkeypatch, name):
    """Its window functions rank only the reports of the actions chosen by the agreement,
    sector or agency filter, never every current report of the register."""
    _, inside = _statements(register, monkeypatch, _args(register, name))
    assert inside, "the command no longer goes through list_actions: drop it from USES_LIST_ACTIONS"
    scans = [line for sql in inside for line in full_scans(register.db, sql, ("reports",))]
    assert not scans, "\n".join(scans)


def test_the_check_sees_a_scan(register):
    """The detector itself: a query with no usable index is reported, an indexed one is not."""
    assert full_scans(register.db, "SELECT * FROM reports r WHERE r.progress > 50")
    assert full_scans(register.db, "SELECT count(*) FROM actions")
    assert not full_scans(register.db, "SELECT * FROM reports r WHERE r.agency_id = 1")
    assert not full_scans(
        register.db, "SELECT * FROM action_partners p JOIN actions a ON a.id = p.action_id WHERE p.agency_id = 1"
    )
    assert not full_scans(register.db, "SELECT a.name FROM agencies a")  # the alias a is not actions here
    # one alias for two tables: suspect if either is refused
    assert full_scans(register.db, "SELECT * FROM agencies a WHERE a.id IN (SELECT a.lead_agency_id FROM actions a)")

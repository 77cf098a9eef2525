"""The benchmark database (``bench/generate.py``) is valid hoptac data: its schema is hoptac's own,
its rows obey hoptac's rules, and the figures hoptac prints from it match a hand-written SQL check
(``bench/sql/figures.sql`` for ``status``, the queries below for ``report missing``)."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

import pytest
from conftest import BENCH, Hoptac, bench_generator, restored

from hoptac_cli.domain.periods import Period, parse_period
from hoptac_cli.domain.text import fold


@pytest.fixture(scope="session")
def _national(tmp_path_factory):
    folder = tmp_path_factory.mktemp("national")
    info = bench_generator().generate(
        folder / "national.db", agreements=3, actions_per_sector=4, periods=10, seed=7, import_csv=folder / "missing.csv"
    )
    return (folder / "national.db").read_bytes(), info


@pytest.fixture
def national(tmp_path, _national):
    data, info = _national
    runner = restored(tmp_path, "national", data)
    runner.info = info
    runner.env = {"HOPTAC_TODAY": info.today}
    return runner


def _connect(runner: Hoptac) -> sqlite3.Connection:
    conn = sqlite3.connect(runner.db)
    conn.row_factory = sqlite3.Row
    return conn


def figures_sql(conn: sqlite3.Connection, period: Period, *, explicit: bool, today: dt.date) -> list[dict]:
    params = {
        "period_code": period.code,
        "period_start": period.start.isoformat(),
        "period_end": period.end.isoformat(),
        "day_before": (period.start - dt.timedelta(days=1)).isoformat(),
        "as_of": period.end.isoformat() if explicit else None,
        "reference": (period.end if explicit else today).isoformat(),
    }
    return [dict(row) for row in conn.execute((BENCH / "sql" / "figures.sql").read_text(encoding="utf-8"), params)]


# the schema and the rows -----------------------------------------------------------------------


def test_schema_is_exactly_hoptacs_and_the_file_is_sound(national, hoptac):
    def schema(path):
        # hoptac makes its undo triggers for the schema at the first write command (storage.history)
        with sqlite3.connect(path) as conn:
            return conn.execute(
                "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'hoptac_undo_%' ORDER BY type, name"
            ).fetchall()

    assert schema(national.db) == schema(hoptac.db)
    with sqlite3.connect(national.db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    national.ok("db", "check")  # hoptac's own checks: silent, exit 0


def test_the_34_provinces_their_agencies_and_the_agreements(national):
    conn = _connect(national)
    parties = conn.execute("SELECT name, kind FROM parties ORDER BY id").fetchall()
    assert len(parties) == 34 and len({row["name"] for row in parties}) == 34
    assert sum(1 for row in parties if row["kind"] == "city") == 6
    assert {"Hà Nội", "Thành phố Hồ Chí Minh", "Cần Thơ", "An Giang", "Đắk Lắk", "Khánh Hòa"} <= {row["name"] for row in parties}
    assert conn.execute("SELECT count(*) FROM agencies").fetchone()[0] == 34 * 15
    assert conn.execute("SELECT name FROM agencies WHERE slug = 'syt-can-tho'").fetchone()[0] == "Sở Y tế thành phố Cần Thơ"
    assert conn.execute("SELECT count(*) FROM agreements WHERE status = 'active'").fetchone()[0] == 3
    assert {row[0] for row in conn.execute("SELECT count(*) FROM agreement_parties GROUP BY agreement_id")} == {2}
    assert {row[0] for row in conn.execute("SELECT count(*) FROM sectors GROUP BY agreement_id")} == {12}


def test_names_keys_and_periods_are_as_hoptac_writes_them(national):
    conn = _connect(national)
    for table, column in (
        ("parties", "name"),
        ("agencies", "name"),
        ("sectors", "name"),
        ("agreements", "title"),
        ("actions", "title"),
    ):
        for row in conn.execute(f"SELECT {column} AS name, search_key FROM {table}"):
            assert row["search_key"] == fold(row["name"]), (table, row["name"])
    for table in ("parties", "agencies", "sectors", "agreements"):
        for (slug,) in conn.execute(f"SELECT slug FROM {table}"):
            assert fold(slug) == slug
    for row in conn.execute("SELECT DISTINCT period, period_start, period_end FROM reports"):
        period = parse_period(row["period"])
        assert (row["period_start"], row["period_end"]) == (period.start.isoformat(), period.end.isoformat())


def test_reports_obey_the_rules_of_report_add(national):
    conn = _connect(national)
    today = national.info.today
    reports = conn.execute(
        """SELECT r.*, a.lead_agency_id, a.start_on, a.target, g.deadline_day,
                  (SELECT group_concat(agency_id) FROM action_partners p WHERE p.action_id = r.action_id) AS partners
           FROM reports r JOIN actions a ON a.id = r.action_id JOIN sectors s ON s.id = a.sector_id
           JOIN agreements g ON g.id = s.agreement_id ORDER BY r.id"""
    ).fetchall()
    assert len(reports) > 500
    by_id = {row["id"]: row for row in reports}
    chains: dict[tuple, list] = {}
    for row in reports:
        chains.setdefault((row["action_id"], row["agency_id"], row["period"]), []).append(row)
        period = parse_period(row["period"])
        assert period.window[0].isoformat() <= row["submitted_on"] <= today
        assert row["start_on"] <= period.end.isoformat()
        assert row["agency_id"] == row["lead_agency_id"] or str(row["agency_id"]) in row["partners"].split(",")
        progress, status = row["progress"], row["status"]
        assert not (
            status == "done"
            and progress < 100
            or status == "not-started"
            and progress > 0
            or status == "behind"
            and progress >= 100
        )
        if row["target"] is not None:
            assert progress == min(100.0, round(row["value"] / row["target"] * 100, 1))
        else:
            assert row["value"] is None
    revised = 0
    for versions in chains.values():
        assert [version["revision"] for version in versions] == list(range(1, len(versions) + 1))
        assert [version["is_current"] for version in versions] == [0] * (len(versions) - 1) + [1]
        for older, newer in zip(versions, versions[1:]):
            revised += 1
            assert newer["supersedes_id"] == older["id"] and by_id[older["id"]]["submitted_on"] <= newer["submitted_on"]
    assert revised > 0
    late = conn.execute("SELECT count(*) FROM reports WHERE submitted_on > substr(period_end, 1, 8) || '20'").fetchone()[0]
    assert late > 0


def test_decisions_are_recorded_at_reviews_of_the_same_agreement(national):
    conn = _connect(national)
    decided = conn.execute(
        """SELECT a.id, a.status, e.kind, e.field, e.new_value, e.reason, rv.agreement_id AS review_agreement,
                  s.agreement_id
           FROM actions a JOIN sectors s ON s.id = a.sector_id
           JOIN action_events e ON e.action_id = a.id AND e.kind IN ('cancelled', 'paused', 'adjusted')
           JOIN reviews rv ON rv.id = e.review_id"""
    ).fetchall()
    kinds = {row["kind"] for row in decided}
    assert {"paused", "adjusted"} <= kinds or {"cancelled", "adjusted"} <= kinds
    for row in decided:
        assert row["review_agreement"] == row["agreement_id"]
        if row["kind"] != "adjusted":
            assert row["status"] == row["kind"] == row["new_value"]
        if row["kind"] == "cancelled":
            assert row["reason"]
    undecided = conn.execute(
        "SELECT count(*) FROM actions a WHERE a.status <> 'not-started' AND NOT EXISTS "
        "(SELECT 1 FROM action_events e WHERE e.action_id = a.id AND e.new_value = a.status AND e.review_id IS NOT NULL)"
    ).fetchone()[0]
    assert undecided == 0
    assert (
        conn.execute("SELECT count(*) FROM action_events WHERE kind = 'added'").fetchone()[0]
        == conn.execute("SELECT count(*) FROM actions").fetchone()[0]
    )


# hoptac's figures against SQL ---------------------------------------------------------------------


def _compare(shown: list[dict], expected: list[dict]) -> None:
    assert len(shown) == len(expected)
    for mine, theirs in zip(shown, expected):
        for key in (
            "row",
            "agreement",
            "period",
            "position",
            "sector_slug",
            "actions",
            "not_started",
            "in_progress",
            "done",
            "behind",
            "paused",
            "cancelled",
            "overdue",
            "reports_received",
            "reports_expected",
        ):
            assert mine[key] == theirs[key], (key, mine, theirs)
        if theirs["progress"] is None:
            assert mine["progress"] is None
        else:  # hoptac rounds the mean to one decimal
            assert abs(mine["progress"] - theirs["progress"]) <= 0.05 + 1e-9, (mine, theirs)


def _by_agreement(national, *args: str) -> tuple[list[dict], list[dict]]:
    """Every agreement's sector records (``status --agreement A``, in agreement order), and the
    one-row-per-programme records of ``status`` itself (several agreements are active)."""
    sectors = [row for slug in _slugs(national) for row in national.json("status", "--agreement", slug, *args, env=national.env)]
    return sectors, national.json("status", *args, env=national.env)


def _compare_programmes(programmes: list[dict], expected: list[dict]) -> None:
    """The programme rows are the totals rows of the SQL, one per agreement."""
    totals = {row["agreement"]: row for row in expected if row["row"] == "total"}
    assert sorted(row["agreement"] for row in programmes) == sorted(totals)
    for row in programmes:
        _compare([{**row, "row": "total", "position": None, "sector_slug": None}], [totals[row["agreement"]]])


def test_status_figures_match_sql(national):
    today = dt.date.fromisoformat(national.info.today)
    final = parse_period(national.info.final_period)
    sectors, programmes = _by_agreement(national)
    expected = figures_sql(_connect(national), final, explicit=False, today=today)
    _compare(sectors, expected)
    _compare_programmes(programmes, expected)
    totals = [row for row in expected if row["row"] == "total"]
    assert all(row["reports_received"] < row["reports_expected"] for row in totals)  # the last period is partly reported
    assert sum(row["done"] for row in totals) and sum(row["behind"] for row in totals) and sum(row["overdue"] for row in totals)


def test_status_as_of_the_last_period_matches_sql(national):
    """Explicitly as of a period: only reports up to its end count, overdue is judged at its end.
    (The reviews' decisions all fall before 2030, so the SQL may read them as they stand now.)"""
    today = dt.date.fromisoformat(national.info.today)
    final = parse_period(national.info.final_period)
    sectors, programmes = _by_agreement(national, "--period", final.code)
    expected = figures_sql(_connect(national), final, explicit=True, today=today)
    _compare(sectors, expected)
    _compare_programmes(programmes, expected)


def test_export_summary_of_every_agreement_matches_sql(national):
    """``export summary`` of all agreements pins each one's default period (its rows name it)."""
    final = parse_period(national.info.final_period)
    shown = json.loads(national.ok("export", "summary", "--format", "json", env=national.env).stdout)
    _compare(shown, figures_sql(_connect(national), final, explicit=True, today=final.end))


_OWED = """
SELECT a.id FROM actions a JOIN sectors s ON s.id = a.sector_id JOIN agreements g ON g.id = s.agreement_id
 WHERE g.slug = :agreement
   AND NOT (coalesce(g.ended_on, '') <> '' AND g.ended_on < :period_start)
   AND (coalesce(a.start_on, '') = '' OR a.start_on <= :period_end)
   AND CASE WHEN a.status IN ('cancelled', 'paused') THEN a.status
            ELSE coalesce((SELECT r.status FROM reports r
                            WHERE r.action_id = a.id AND r.is_current = 1 AND r.period_end <= :day_before
                            ORDER BY r.period_end DESC, r.submitted_on DESC, r.id DESC LIMIT 1), a.status) END
       NOT IN ('done', 'cancelled', 'paused')
"""
_RECEIVED = """
SELECT 1 FROM reports r WHERE r.action_id = :action AND r.is_current = 1
   AND r.period_start >= :period_start AND r.period_end <= :period_end
"""
_LATE = """
SELECT r.id, julianday(first) - julianday(:deadline) AS days_late FROM (
    SELECT r.id, (SELECT min(f.submitted_on) FROM reports f
                   WHERE f.action_id = r.action_id AND f.agency_id = r.agency_id AND f.period = r.period) AS first
      FROM reports r JOIN actions a ON a.id = r.action_id JOIN sectors s ON s.id = a.sector_id
      JOIN agreements g ON g.id = s.agreement_id
     WHERE g.slug = :agreement AND r.is_current = 1 AND r.period = :period_code) r
 WHERE first > :deadline ORDER BY r.id
"""


def missing_sql(conn: sqlite3.Connection, agreement: str, period: Period) -> dict:
    params = {
        "agreement": agreement,
        "period_code": period.code,
        "period_start": period.start.isoformat(),
        "period_end": period.end.isoformat(),
        "day_before": (period.start - dt.timedelta(days=1)).isoformat(),
        "deadline": period.deadline(20).isoformat(),
    }
    owed = [row[0] for row in conn.execute(_OWED, params)]
    missing = [action for action in owed if not conn.execute(_RECEIVED, {**params, "action": action}).fetchone()]
    late = {row[0]: int(row[1]) for row in conn.execute(_LATE, params)}
    return {"owed": len(owed), "missing": sorted(missing), "late": late}


@pytest.mark.parametrize("period", ["final", "2030-H1"])
def test_report_missing_matches_sql(national, period):
    period = parse_period(national.info.final_period if period == "final" else period)
    conn = _connect(national)
    slugs = [row[0] for row in conn.execute("SELECT slug FROM agreements ORDER BY id")]
    any_late = any_missing = False
    for slug in slugs:
        shown = national.json("report", "missing", "--agreement", slug, "--period", period.code, env=national.env)
        expected = missing_sql(conn, slug, period)
        assert shown["owed"] == expected["owed"]
        assert shown["reported"] == expected["owed"] - len(expected["missing"])
        assert sorted(row["action_id"] for row in shown["missing"]) == expected["missing"]
        assert {row["report_id"]: row["days_late"] for row in shown["late"]} == expected["late"]
        any_late |= bool(expected["late"])
        any_missing |= bool(expected["missing"])
    # the last period is only partly reported; an earlier one has late reports (and a few missing)
    assert any_missing and (any_late or period.code == national.info.final_period)


def test_the_missing_reports_file_imports_cleanly(national):
    info = national.info
    assert info.import_rows > 10
    final = info.final_period
    before = sum(
        len(national.json("report", "missing", "--agreement", slug, "--period", final, env=national.env)["missing"])
        for slug in _slugs(national)
    )
    result = national.ok("report", "import", info.import_csv, env=national.env)
    assert f"{info.import_rows} added" in result.stdout
    after = sum(
        len(national.json("report", "missing", "--agreement", slug, "--period", final, env=national.env)["missing"])
        for slug in _slugs(national)
    )
    assert before - after == info.import_rows


def _slugs(runner: Hoptac) -> list[str]:
    return [row[0] for row in _connect(runner).execute("SELECT slug FROM agreements ORDER BY id")]


def test_generator_refuses_an_existing_file_and_too_many_agreements(tmp_path):
    generator = bench_generator()
    (tmp_path / "taken.db").write_bytes(b"")
    with pytest.raises(SystemExit, match="exists"):
        generator.generate(tmp_path / "taken.db", agreements=1)
    with pytest.raises(SystemExit, match="561"):
        generator.generate(tmp_path / "new.db", agreements=562)

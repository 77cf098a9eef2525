"""National scale without changing a figure (issue 12, phase 2).

``storage.register.list_actions`` no longer ranks every current report with window functions:
each action's deciding report is looked up through its own index entries. The window query it
replaced is kept here, word for word, as the reference: on registers with lead changes, agency
mergers, partners reporting before and after the lead, indicators measured per period and a
cadence change (two periods ending the same day), every column of every action must be the
same, as of every day that matters. The rest checks what users see: ``status`` with several
programmes (one row each, ``--party``), ``report missing`` over every programme, and long
listings cut to their first rows in a table only.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import Hoptac, bench_generator, restored, snapshot
from hypothesis import given
from hypothesis import strategies as st

from hoptac_cli.domain.periods import parse_period
from hoptac_cli.domain.text import fold
from hoptac_cli.storage import register as store
from hoptac_cli.storage.db import open_db
from hoptac_cli.storage.where import Where

# The query of list_actions before phase 2 (main at 090c088), the reference of the rule.
_WINDOW_SQL = """
    WITH RECURSIVE
    chosen AS (
        SELECT a.id, a.lead_agency_id FROM actions a JOIN sectors s ON s.id = a.sector_id {where}
    ),
    leads(action_id, agency_id) AS (
        SELECT id, lead_agency_id FROM chosen
        UNION
        SELECT e.action_id, CAST(e.old_value AS INTEGER) FROM action_events e JOIN chosen c ON c.id = e.action_id
        WHERE e.field = 'lead_agency_id' AND e.old_value IS NOT NULL
        UNION
        SELECT l.action_id, ag.successor_id FROM leads l JOIN agencies ag ON ag.id = l.agency_id
        WHERE ag.successor_id IS NOT NULL
    ),
    filed AS (
        SELECT r.id, r.action_id, r.agency_id, r.period, r.period_end, r.progress, r.status, r.value,
               r.difficulty, r.submitted_on, l.agency_id IS NOT NULL AS by_lead
        FROM reports r JOIN chosen c ON c.id = r.action_id
        LEFT JOIN leads l ON l.action_id = r.action_id AND l.agency_id = r.agency_id
        WHERE r.is_current = 1 AND (:as_of IS NULL OR r.period_end <= :as_of)
    ),
    deciding AS (
        SELECT *, row_number() OVER (
            PARTITION BY action_id, period ORDER BY by_lead DESC, submitted_on DESC, id DESC) AS choice
        FROM filed
    ),
    latest AS (
        SELECT *, row_number() OVER (
                      PARTITION BY action_id ORDER BY period_end DESC, submitted_on DESC, id DESC) AS rank,
               sum(value) OVER (PARTITION BY action_id) AS value_sum
        FROM deciding WHERE choice = 1
    )
    SELECT a.id, a.title, a.sector_id, s.slug AS sector_slug, s.name AS sector,
           s.agreement_id, g.slug AS agreement_slug, g.title AS agreement, g.start_year AS agreement_start_year,
           a.lead_agency_id, l.name AS lead, a.start_on, a.due_on, a.status AS recorded_status,
           a.unit, a.baseline, a.target, a.measure, a.plan_ref, a.note, a.carried_from_id,
           a.carried_value, a.carried_progress,
           (SELECT group_concat(name, '; ') FROM (
                SELECT ag.name FROM action_partners ap JOIN agencies ag ON ag.id = ap.agency_id
                WHERE ap.action_id = a.id ORDER BY ag.id)) AS partners,
           ad.review_id AS added_review_id, ad.held_on AS added_held_on, ad.recorded_on AS added_recorded_on,
           lr.id AS report_id, lr.agency_id AS report_agency_id, lr.by_lead AS report_by_lead,
           lr.period AS report_period, lr.progress AS report_progress, lr.status AS report_status,
           lr.value AS report_value, lr.value_sum AS report_value_sum, lr.difficulty AS report_difficulty
    FROM chosen c
    JOIN actions a ON a.id = c.id
    JOIN sectors s ON s.id = a.sector_id
    JOIN agreements g ON g.id = s.agreement_id
    JOIN agencies l ON l.id = a.lead_agency_id
    LEFT JOIN (
        SELECT e.action_id, e.review_id, rv.held_on, e.recorded_on
        FROM action_events e JOIN reviews rv ON rv.id = e.review_id
        WHERE e.kind = 'added'
    ) ad ON ad.action_id = a.id
    LEFT JOIN latest lr ON lr.action_id = a.id AND lr.rank = 1
    ORDER BY s.agreement_id, s.position, a.id
"""


def window_list_actions(db, *, as_of: str | None = None) -> list[dict]:
    where = Where(as_of=as_of)
    return list(db.query(_WINDOW_SQL.format(where=where.sql()), where.params))


def _days(db) -> list[str | None]:
    """Every period end and the day before every period start the reports name, and now."""
    days: set[str | None] = {None}
    for (code,) in db.execute("SELECT DISTINCT period FROM reports").fetchall():
        period = parse_period(code)
        days |= {period.end.isoformat(), (period.start - dt.timedelta(days=1)).isoformat()}
    return sorted(days, key=lambda day: day or "9999")


def assert_same_as_window_query(path: Path) -> int:
    db = open_db(path)
    try:
        compared = 0
        for day in _days(db):
            old = window_list_actions(db, as_of=day)
            new = store.list_actions(db, as_of=day)
            assert [row["id"] for row in new] == [row["id"] for row in old], day
            for mine, theirs in zip(new, old):
                assert mine == theirs, (day, {key: (mine[key], theirs[key]) for key in theirs if mine[key] != theirs[key]})
            deciding = store.deciding_reports(db, as_of=day)
            for row in old:
                assert deciding[row["id"]] == {key: row[key] for key in deciding[row["id"]]}, (day, row["id"])
            compared += sum(1 for row in old if row["report_id"] is not None)
        return compared
    finally:
        db.close()


# a register with every case the rule has ----------------------------------------------------------


def build_rules(h: Hoptac) -> None:
    """Two programmes of Hậu Giang and Kiên Giang; reports that test each part of the rule."""
    ok = h.ok
    ok("init")
    ok("party", "add", "Hậu Giang")
    ok("party", "add", "Kiên Giang")
    ok("party", "add", "Cần Thơ", "--kind", "city")
    for name, slug, party in [
        ("Sở Giao thông vận tải tỉnh Hậu Giang", "gt-hg", "hau-giang"),
        ("Sở Giao thông vận tải tỉnh Kiên Giang", "gt-kg", "kien-giang"),
        ("Sở Xây dựng tỉnh Hậu Giang", "xd-hg", "hau-giang"),
        ("Sở Y tế tỉnh Hậu Giang", "yt-hg", "hau-giang"),
        ("Sở Y tế tỉnh Kiên Giang", "yt-kg", "kien-giang"),
        ("Sở Y tế thành phố Cần Thơ", "yt-ct", "can-tho"),
    ]:
        ok("agency", "add", name, "--party", party, "--slug", slug)
    ok(
        "agreement",
        "add",
        "Chương trình A",
        "--party",
        "hau-giang",
        "--party",
        "kien-giang",
        "--period",
        "2023-2026",
        "--slug",
        "a",
    )
    ok(
        "agreement",
        "add",
        "Chương trình B",
        "--party",
        "kien-giang",
        "--party",
        "can-tho",
        "--period",
        "2023-2026",
        "--slug",
        "b",
    )
    ok("sector", "add", "Giao thông", "--agreement", "a")
    ok("sector", "add", "Y tế", "--agreement", "a")
    ok("sector", "add", "Y tế", "--agreement", "b")

    def action(title, agreement, sector, lead, *more):
        ok("action", "add", title, "--agreement", agreement, "--sector", sector, "--lead", lead, *more)

    def report(action_id, period, *more):
        ok("report", "add", "--action", str(action_id), "--period", period, *more)

    action("Cầu Cái Tư", "a", "giao-thong", "gt-hg", "--partner", "gt-kg")  # 1
    action("Khám bệnh giáp ranh", "a", "y-te", "yt-hg", "--partner", "yt-kg")  # 2: its lead changes
    action(
        "Phẫu thuật tim", "a", "y-te", "yt-hg", "--partner", "yt-kg", "--unit", "em", "--target", "100", "--measure", "per-period"
    )  # 3
    action("Trao đổi chuyên gia", "b", "y-te", "yt-ct", "--partner", "yt-kg", "--due", "30/06/2026")  # 4
    action("Không ai báo cáo", "b", "y-te", "yt-kg")  # 5
    # 1: the lead's report decides its period even when a partner's came later; a period only a
    # partner reported is decided by the partner; after a merger the successor is the lead.
    report(1, "2023-H1", "--progress", "40", "--submitted", "10/06/2023")
    report(1, "2023-H1", "--progress", "50", "--agency", "gt-kg", "--submitted", "15/06/2023")
    report(1, "2023-H2", "--progress", "60", "--agency", "gt-kg", "--submitted", "20/12/2023")
    report(1, "2024-H1", "--progress", "70", "--submitted", "20/06/2024")
    report(1, "2024-H1", "--progress", "75", "--amend", "--submitted", "22/06/2024")
    ok("agency", "merge", "gt-hg", "--into", "xd-hg", "--on", "01/03/2025")
    report(1, "2025-H1", "--progress", "80", "--agency", "xd-hg", "--submitted", "10/06/2025")
    report(1, "2025-H1", "--progress", "90", "--agency", "gt-kg", "--submitted", "12/06/2025")
    # 2: reports of the old lead still count as the lead's after the lead changed
    report(2, "2023-H1", "--progress", "30", "--submitted", "10/06/2023")
    report(2, "2023-H1", "--progress", "35", "--agency", "yt-kg", "--submitted", "11/06/2023")
    ok("action", "update", "2", "--lead", "yt-kg", "--partner", "yt-hg")
    report(2, "2023-H2", "--progress", "45", "--agency", "yt-hg", "--submitted", "15/12/2023")
    report(2, "2023-H2", "--progress", "50", "--submitted", "16/12/2023")
    # 3: values per period add up over the periods' deciding reports (the partner's where alone)
    report(3, "2023-H1", "--value", "10", "--submitted", "10/06/2023")
    report(3, "2023-H2", "--value", "20", "--submitted", "10/12/2023")
    report(3, "2023-H2", "--value", "25", "--agency", "yt-kg", "--submitted", "11/12/2023")
    report(3, "2024-H1", "--value", "30", "--agency", "yt-kg", "--submitted", "10/06/2024")
    # 4: after the cadence changed, the lead's year report ends the day the partner's half-year
    # report does: each decides its own period, and the later submission (the partner's) wins
    report(4, "2023-H1", "--progress", "50", "--submitted", "10/06/2023")
    report(4, "2025-H2", "--progress", "65", "--agency", "yt-kg", "--submitted", "12/12/2025")
    ok("agreement", "update", "b", "--cadence", "yearly")
    report(4, "2025", "--progress", "70", "--submitted", "10/12/2025")
    report(5, "2025", "--progress", "20", "--submitted", "11/12/2025")


@pytest.fixture(scope="session")
def _rules_bytes(tmp_path_factory) -> bytes:
    return snapshot(tmp_path_factory, "scale-rules", build_rules)


@pytest.fixture
def rules(tmp_path, _rules_bytes) -> Hoptac:
    return restored(tmp_path, "scale-rules", _rules_bytes)


def test_deciding_reports_are_those_of_the_window_query(rules):
    assert assert_same_as_window_query(rules.db) > 20


def test_the_rule_itself_on_the_cases(rules):
    """What the window query decided, spelt out (so that the reference is not wrong twice)."""
    db = open_db(rules.db)
    now = {row["id"]: row for row in store.list_actions(db)}
    mid = {row["id"]: row for row in store.list_actions(db, as_of="2023-12-31")}
    db.close()
    assert mid[1]["report_progress"] == 60 and not mid[1]["report_by_lead"]  # only the partner reported 2023-H2
    assert now[1]["report_progress"] == 80 and now[1]["report_by_lead"]  # the successor of the lead outranks the partner
    assert mid[2]["report_progress"] == 50  # both leads (old and new): the later one
    assert now[3]["report_value_sum"] == 10 + 20 + 30  # the lead's 20 decides 2023-H2, not the partner's 25
    assert (now[4]["report_period"], now[4]["report_progress"], now[4]["report_by_lead"]) == ("2025-H2", 65, 0)


# the benchmark register -----------------------------------------------------------------------------


@pytest.fixture(scope="session")
def _register(tmp_path_factory):
    folder = tmp_path_factory.mktemp("scale")
    info = bench_generator().generate(folder / "register.db", agreements=4, actions_per_sector=3, periods=10, seed=11)
    return (folder / "register.db").read_bytes(), info


@pytest.fixture
def register(tmp_path, _register):
    data, info = _register
    runner = restored(tmp_path, "register", data)
    runner.info = info
    runner.env = {"HOPTAC_TODAY": info.today}
    return runner


def test_generated_register_same_as_the_window_query(register):
    assert assert_same_as_window_query(register.db) > 1000


# what users see -------------------------------------------------------------------------------------


def _totals(h: Hoptac, slug: str, *args: str) -> dict:
    (total,) = [row for row in h.json("status", "--agreement", slug, *args) if row["row"] == "total"]
    return total


def test_status_with_several_programmes_prints_one_row_each(rules):
    table = rules.ok("status").stdout
    assert "Active programmes: 2" in table and "Total" not in table  # no sector tables
    lines = [line.split() for line in table.splitlines()]
    assert [words[1] for words in lines if words[:1] in (["1"], ["2"])] == ["b", "a"]  # Cần Thơ before Hậu Giang
    rows = rules.json("status")
    assert rules.json("status", lang="vi") == rows  # data: the same in both languages
    assert [row["agreement"] for row in rows] == ["b", "a"]
    for row in rows:
        total = _totals(rules, row["agreement"])
        assert {key: row[key] for key in total if key in row} == {key: total[key] for key in total if key in row}
    assert rows[0]["parties"] == ["Cần Thơ", "Kiên Giang"] and rows[1]["parties"] == ["Hậu Giang", "Kiên Giang"]
    # one agreement named: its sector table, as before
    assert "Giao thông" in rules.ok("status", "--agreement", "a").stdout
    assert [row["row"] for row in rules.json("status", "--agreement", "a")] == ["sector", "sector", "total"]
    # as of a period: every row is seen at its end
    assert {row["period"] for row in rules.json("status", "--period", "2024")} == {"2024"}


def test_party_names_every_programme_it_takes_part_in_also_under_an_old_name(rules):
    rows = rules.json("status", "--party", "kien giang")
    assert [(row["agreement"], row["parties"]) for row in rows] == [
        ("b", ["Kiên Giang", "Cần Thơ"]),
        ("a", ["Kiên Giang", "Hậu Giang"]),
    ]
    assert [row["agreement"] for row in rules.json("status", "--party", "Cần Thơ")] == ["b"]
    rules.ok("party", "merge", "hau-giang", "--into", "can-tho", "--on", "01/07/2025")
    rows = rules.json("status", "--party", "can-tho")
    assert [row["agreement"] for row in rows] == ["a", "b"]  # the same parties now: by slug
    assert all(row["parties"] == ["Cần Thơ", "Kiên Giang"] for row in rows)  # the named party first, as it answers today
    assert "Cần Thơ (formerly: Hậu Giang)" in rules.ok("status", "--party", "can-tho").stdout
    assert [row["agreement"] for row in rules.json("status", "--party", "hau-giang")] == ["a"]
    rules.ok("agreement", "end", "b", "--on", "31/12/2025")
    assert "Kiên Giang takes part in no active programme" not in rules.ok("status", "--party", "kien-giang").stdout
    assert rules.json("status", "--party", "kien-giang")[0]["agreement"] == "a"
    refused = rules.fails("status", "--party", "kien-giang", "--agreement", "a")
    assert "--party" in refused.stderr and "--agreement" in refused.stderr
    assert "kien" in rules.fails("status", "--party", "kien gang").stderr.lower()


def test_report_missing_without_an_agreement_covers_every_programme_by_agency(register):
    env = register.env
    period = register.info.final_period
    slugs = [row["slug"] for row in register.json("agreement", "list", env=env)]
    each = {slug: register.json("report", "missing", "--period", period, "--agreement", slug, env=env) for slug in slugs}
    every = register.json("report", "missing", "--period", period, env=env)
    assert every["agreement"] is None and every["agreements"] == slugs
    assert register.json("report", "missing", "--period", period, env=env, lang="vi") == every
    assert every["owed"] == sum(found["owed"] for found in each.values())
    assert sorted((row["agreement"], row["action_id"]) for row in every["missing"]) == sorted(
        (slug, row["action_id"]) for slug, found in each.items() for row in found["missing"]
    )
    assert len(every["late"]) == sum(len(found["late"]) for found in each.values())
    # grouped: one province's departments together, each agency's programmes together
    keys = [(row["party"], row["agency"]) for row in every["missing"]]
    assert keys == sorted(keys, key=lambda key: (fold(key[0]), fold(key[1])))
    assert all(each[row["agreement"]]["deadline"] == row["deadline"] for row in every["missing"])
    party = every["missing"][0]["party"]
    mine = register.json("report", "missing", "--period", period, "--party", party, env=env)
    assert mine["missing"] == [row for row in every["missing"] if row["party"] == party]
    table = register.ok("report", "missing", "--period", period, env=env)
    assert "every active programme" in table.stdout and "programmes:" in table.stdout


def _listed_reports(table: str) -> list[str]:
    """The first line of each report in a ``report list`` table: its id and its action's."""
    import re

    return [line for line in table.splitlines() if re.match(r"\s*\d+\s+(\d{4} \S+\s+)?\d+\s{2,}\S", line)]


def test_a_long_listing_shows_its_first_rows_and_says_how_to_see_all(register):
    env = register.env
    every = register.json("report", "list", env=env)
    assert len(every) > 100  # JSON carries every row
    table = register.ok("report", "list", env=env)
    shown = _listed_reports(table.stdout)
    assert len(shown) == 30
    assert f"first 30 of {len(every):,} rows" in table.stderr and "--all" in table.stderr
    assert len(_listed_reports(register.ok("report", "list", "--all", env=env).stdout)) == len(every)
    assert len(register.json("report", "list", "--limit", "7", env=env)) == 7
    assert "7/" in register.ok("report", "list", "--limit", "7", env=env, lang="vi").stderr
    assert (
        register.ok(
            "report",
            "list",
            "--agreement",
            every[0]["agreement"],
            "--period",
            every[0]["period"],
            "--sector",
            every[0]["sector_slug"],
            env=env,
        ).stderr
        == ""
    )  # a short listing says nothing
    actions = register.json("action", "list", env=env)
    assert len(register.json("action", "list", "--limit", "3", env=env)) == 3 and len(actions) > 50
    assert f"of {len(actions):,} rows" in register.ok("action", "list", env=env).stderr
    refused = register.fails("report", "list", "--limit", "3", "--all", env=env)
    assert "--limit" in refused.stderr and "--all" in refused.stderr


# the figures of many agreements, read in one pass, are the pictures' own ---------------------------


def _pictures_agree(path: Path, periods: list[str | None]) -> int:
    from hoptac_cli.domain import status

    db = open_db(path)
    try:
        agreements = status.status_store.agreement_settings(db, [row[0] for row in db.execute("SELECT id FROM agreements")])
        compared = 0
        for period in periods:
            for pin in (False, True):
                full = list(status.pictures(db, agreements, period, pin_default=pin))
                lean = list(status.pictures(db, agreements, period, pin_default=pin, lean=True))
                for one, other in zip(full, lean):
                    assert one.agreement["id"] == other.agreement["id"] and one.period == other.period
                    keys = ("id", "sector_slug", "status", "progress", "overdue", "expected", "reported")
                    assert [{key: action[key] for key in keys} for action in one.actions] == [
                        {key: action[key] for key in keys} for action in other.actions
                    ], (one.agreement["slug"], period, pin)
                    assert status.overview_rows(one) == status.overview_rows(other)
                    compared += len(one.actions)
        return compared
    finally:
        db.close()


def test_lean_pictures_are_the_full_ones_on_the_rule_cases(rules):
    rules.ok("party", "merge", "hau-giang", "--into", "can-tho", "--on", "01/07/2025")
    rules.ok("agreement", "end", "b", "--on", "31/12/2025")
    periods = [None, "2023-H1", "2023-H2", "2024-H1", "2025-H2", "2026-H1", "2025", "2026"]
    assert _pictures_agree(rules.db, periods) > 50


def test_lean_pictures_are_the_full_ones_on_a_generated_register(register):
    import os

    os.environ["HOPTAC_TODAY"] = register.info.today
    try:
        assert _pictures_agree(register.db, [None, "2027-H1", "2029-H2", register.info.final_period]) > 1000
    finally:
        os.environ["HOPTAC_TODAY"] = "2026-11-25"


def test_figures_read_ahead_batch_by_batch_are_those_read_at_once(register, monkeypatch):
    """Many agreements' figures are read a batch at a time, the next batch's on a second
    connection in a worker thread: the same pictures as one batch read here."""
    import os

    from hoptac_cli.domain import status

    monkeypatch.setitem(os.environ, "HOPTAC_TODAY", register.info.today)
    db = open_db(register.db)
    try:
        agreements = status.status_store.agreement_settings(db, [row[0] for row in db.execute("SELECT id FROM agreements")])
        assert len(agreements) > 2
        for period in (None, register.info.final_period):
            for pin in (False, True):
                monkeypatch.setattr(status, "BATCH_ACTIONS", 10**9)
                once = [
                    status.overview_rows(shot) for shot in status.pictures(db, agreements, period, pin_default=pin, lean=True)
                ]
                monkeypatch.setattr(status, "BATCH_ACTIONS", 1)  # one agreement a batch: every next one read ahead
                read = [
                    status.overview_rows(shot) for shot in status.pictures(db, agreements, period, pin_default=pin, lean=True)
                ]
                assert read == once and len(read) == len(agreements)
    finally:
        db.close()


# the CSV writer builds its lines itself: the same bytes as the csv module ---------------------------

_CELLS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(alphabet=st.sampled_from(list("ab ,;\t\"\n\r'=+-@\u00a0\u3000\uff1dđẮ0")), max_size=8),
    st.lists(st.text(alphabet="ab=,;", max_size=3), max_size=3),
    st.dates(),
)


@given(rows=st.lists(st.lists(_CELLS, min_size=3, max_size=3), max_size=5), delimiter=st.sampled_from([",", ";", "\t"]))
def test_csv_lines_are_the_csv_modules(rows, delimiter):
    import csv
    import io

    from hoptac_cli.render.tabular import csv_value, write_csv

    keys = ["a", "b", "c"]
    records = [dict(zip(keys, row)) for row in rows]
    ours = io.StringIO()
    write_csv(ours, keys, keys, records, delimiter)
    theirs = io.StringIO()
    writer = csv.writer(theirs, lineterminator="\n", delimiter=delimiter)
    writer.writerow(keys)
    for row in records:
        writer.writerow([csv_value(row[key]) for key in keys])
    assert ours.getvalue() == theirs.getvalue()


def test_csv_of_rows_read_as_tuples_is_the_same(tmp_path):
    """An export's rows come off the cursor as tuples (storage.exports.Records); the file is the
    one the dicts give."""
    from hoptac_cli.render.tabular import Field, Sheet, write
    from hoptac_cli.storage.exports import Records

    keys = ["id", "text", "value"]
    rows = [(1, "=cmd", 2.5), (2, 'a "b", c', None), (3, "đúng\nhai dòng", True)]
    fields = [Field(key, key) for key in ("value", "id", "text")]
    write(str(tmp_path / "tuples.csv"), "csv", [Sheet("x", fields, Records(keys, iter(rows)))])
    write(str(tmp_path / "dicts.csv"), "csv", [Sheet("x", fields, [dict(zip(keys, row)) for row in rows])])
    assert (tmp_path / "tuples.csv").read_bytes() == (tmp_path / "dicts.csv").read_bytes()
    assert (tmp_path / "tuples.csv").read_bytes().startswith(b"\xef\xbb\xbfvalue,id,text\n2.5,1,'=cmd\n")

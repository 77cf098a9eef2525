"""The web view in-process (Datasette's own test client): every view's figures against the CLI's
JSON, on the sample programme and on a generated database; read-only; Vietnamese; search."""

import asyncio
import datetime as dt
import json
import subprocess
import sys
import urllib.parse

import pytest
from conftest import digest, restored, snapshot

from hoptac_cli.domain.periods import parse_period
from hoptac_cli.i18n import t_in
from hoptac_cli.web import metadata
from hoptac_cli.web.server import build

TODAY = dt.date(2026, 11, 25)  # conftest's HOPTAC_TODAY
WORDS = metadata.words()
STATUS_WORDS = {code: WORDS[f"status.{code}"] for code in ("not-started", "in-progress", "done", "behind", "paused", "cancelled")}
YES, NO = WORDS["yes"], WORDS["no"]


def fetch_all(ds, paths):
    """GET each path in one event loop; JSON for .json paths, else the response."""

    async def run():
        found = {}
        for path in paths:
            response = await ds.client.get(path)
            found[path] = response.json() if ".json" in path.split("?")[0] and response.status_code == 200 else response
        return found

    return asyncio.run(run())


def view(ds, name, **args):
    query = urllib.parse.urlencode({"_shape": "array", "_size": "max", **args})
    path = f"/hoptac/{name}.json?{query}"
    return fetch_all(ds, [path])[path]


def dmy(iso):
    return dt.date.fromisoformat(iso).strftime("%d/%m/%Y") if iso else None


# the generated database ------------------------------------------------------------------------


def _generate(h):
    """Two parties, a merged agency, three agreements (half-yearly, quarterly and ended, not yet
    begun), actions done, paused, cancelled, behind, late and not started, amended reports,
    partners' reports, and progress figures whose mean is an exact binary half (12.25); and the
    rules of issue 9: an action added by a review in 11/2024 (owes nothing before), decisions
    dated by their review (a pause and a new lead taking effect on 10/12/2025, recorded on
    25/11/2026), a partner's report next to the lead's (filed later, saying more) and a period
    only a partner reported, and indicators with a baseline, cumulative and per period."""
    ok = h.ok
    ok("init")
    ok("party", "add", "Hậu Giang")
    ok("party", "add", "Kiên Giang")
    for name, slug, party in [
        ("Sở Giao thông vận tải tỉnh Hậu Giang", "gt-hg", "hau-giang"),
        ("Sở Y tế tỉnh Hậu Giang", "yt-hg", "hau-giang"),
        ("Sở Giao thông vận tải tỉnh Kiên Giang", "gt-kg", "kien-giang"),
        ("Sở Y tế tỉnh Kiên Giang", "yt-kg", "kien-giang"),
        ("Sở Xây dựng tỉnh Hậu Giang", "xd-hg", "hau-giang"),
        ("Sở Công Thương tỉnh Hậu Giang", "ct-hg", "hau-giang"),
        ("Sở Công Thương tỉnh Kiên Giang", "ct-kg", "kien-giang"),
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
        "Chương trình Q",
        "--party",
        "hau-giang",
        "--party",
        "kien-giang",
        "--period",
        "2024-2025",
        "--slug",
        "q",
        "--cadence",
        "quarterly",
        "--deadline-day",
        "31",
    )
    ok(
        "agreement",
        "add",
        "Chương trình sau",
        "--party",
        "hau-giang",
        "--party",
        "kien-giang",
        "--period",
        "2027-2028",
        "--slug",
        "sau",
    )
    for agreement, sectors in (("a", ["Giao thông", "Y tế", "Công nghiệp"]), ("q", ["Giao thông"]), ("sau", ["Y tế"])):
        for sector in sectors:
            ok("sector", "add", sector, "--agreement", agreement)

    def action(title, agreement, sector, lead, *more):
        ok("action", "add", title, "--agreement", agreement, "--sector", sector, "--lead", lead, *more)

    action("Nâng cấp Đường tỉnh 962", "a", "giao-thong", "gt-hg", "--start", "01/01/2023", "--due", "30/06/2024")  # 1
    action("Xây dựng cầu Cái Tư", "a", "giao-thong", "gt-kg", "--partner", "gt-hg", "--due", "31/12/2025")  # 2
    action("Vận tải hành khách", "a", "giao-thong", "gt-kg")  # 3, paused below
    action("Khám bệnh vùng giáp ranh", "a", "y-te", "yt-hg", "--start", "01/07/2025", "--due", "30/06/2026")  # 4
    action("Phẫu thuật tim cho trẻ em", "a", "y-te", "yt-kg", "--due", "31/12/2024")  # 5
    action("Trao đổi chuyên gia", "a", "y-te", "yt-kg")  # 6, cancelled below
    action("Đường liên huyện", "q", "giao-thong", "gt-hg", "--due", "31/03/2025")  # 7
    action("Bến xe liên tỉnh", "q", "giao-thong", "gt-kg", "--start", "01/10/2024")  # 8
    action("Bệnh viện vùng", "sau", "y-te", "yt-hg")  # 9
    action("Cải tạo bến phà", "a", "giao-thong", "gt-hg", "--due", "31/12/2026")  # 10, its lead merged since

    def report(action_id, period, progress, *more):
        ok("report", "add", "--action", str(action_id), "--period", period, "--progress", str(progress), *more)

    report(1, "2023-H1", 40, "--result", "Khởi công", "--submitted", "10/06/2023")
    report(1, "2023-H2", 60, "--submitted", "28/12/2023")
    report(1, "2023-H2", 70, "--amend", "--difficulty", "Mưa bão kéo dài")
    report(1, "2024-H1", 100)
    report(2, "2024-H1", 30, "--agency", "gt-hg")  # the partner reports
    report(2, "2025-H2", 40, "--status", "behind", "--difficulty", "Thiếu vốn")
    report(4, "2025-H2", 12)
    report(5, "2024-H2", "12,5")
    report(7, "2024-Q4", 20)
    report(7, "2025-Q1", 50)
    report(8, "2025-Q1", 10)
    # Issue 9's rules, in the third sector of A (its means stay out of the 12.25 case above).
    ok("review", "add", "--agreement", "a", "--year", "2024", "--held", "15/11/2024")  # review 1
    action("Liên kết đào tạo nghề", "a", "cong-nghiep", "ct-kg", "--review", "1")  # 11, exists from 15/11/2024
    action(
        "Hỗ trợ tiêu thụ nông sản",
        "a",
        "cong-nghiep",
        "ct-hg",
        "--partner",
        "ct-kg",
        "--start",
        "01/01/2024",
        "--due",
        "31/12/2026",
    )  # 12
    report(12, "2024-H1", 30, "--submitted", "10/06/2024")
    report(12, "2024-H1", 80, "--agency", "ct-kg", "--status", "behind", "--submitted", "15/06/2024")
    report(12, "2025-H1", 60, "--agency", "ct-kg", "--submitted", "12/06/2025")  # only the partner
    report(12, "2025-H2", 45, "--submitted", "10/12/2025")
    report(12, "2025-H2", 90, "--agency", "ct-kg", "--status", "behind", "--submitted", "15/12/2025")
    action(
        "Kết nối giao thương doanh nghiệp",
        "a",
        "cong-nghiep",
        "ct-kg",
        "--partner",
        "ct-hg",
        "--start",
        "01/07/2024",
        "--unit",
        "doanh nghiệp",
        "--baseline",
        "20",
        "--target",
        "120",
        "--measure",
        "per-period",
    )  # 13
    for period, value, submitted in (
        ("2024-H2", "30", "10/12/2024"),
        ("2025-H1", "25", "10/06/2025"),
        ("2025-H2", "30", "10/12/2025"),
    ):
        ok("report", "add", "--action", "13", "--period", period, "--value", value, "--submitted", submitted)
    ok(
        "report",
        "add",
        "--action",
        "13",
        "--period",
        "2025-H2",
        "--value",
        "99",
        "--agency",
        "ct-hg",
        "--submitted",
        "12/12/2025",
    )
    action(
        "Trồng rừng ngập mặn",
        "a",
        "cong-nghiep",
        "ct-hg",
        "--start",
        "01/01/2025",
        "--unit",
        "ha",
        "--baseline",
        "100",
        "--target",
        "300",
    )  # 14, cumulative
    ok("report", "add", "--action", "14", "--period", "2025-H2", "--value", "160", "--submitted", "10/12/2025")
    action("Hội chợ thương mại vùng", "a", "cong-nghiep", "ct-hg", "--start", "01/01/2024")  # 15
    report(15, "2024-H2", 20, "--submitted", "10/12/2024")
    ok("review", "add", "--agreement", "a", "--year", "2025", "--held", "10/12/2025")  # review 2, recorded today
    ok("action", "update", "15", "--status", "paused", "--review", "2", "--reason", "Chờ quy hoạch")
    ok("action", "update", "5", "--lead", "yt-hg", "--review", "2", "--reason", "Bàn giao")
    ok("action", "update", "3", "--status", "paused", "--reason", "Chờ vốn")
    ok("action", "update", "6", "--status", "cancelled", "--reason", "Không còn phù hợp")
    ok("agency", "merge", "gt-hg", "--into", "xd-hg", "--on", "01/03/2025")
    ok("agreement", "end", "q", "--on", "15/05/2025")


@pytest.fixture(scope="session")
def _generated_bytes(tmp_path_factory):
    return snapshot(tmp_path_factory, "generated", _generate)


@pytest.fixture
def generated(tmp_path, _generated_bytes):
    return restored(tmp_path, "generated", _generated_bytes)


@pytest.fixture(params=["sample", "generated"])
def database(request):
    return request.getfixturevalue(request.param)


# every view against the CLI --------------------------------------------------------------------


def test_every_public_view_is_checked():
    """The comparisons below cover every view a visitor sees; a new view needs its own."""
    assert set(metadata.VIEWS) == {
        "tien_do_theo_linh_vuc",
        "nhiem_vu",
        "nhiem_vu_qua_han",
        "chua_bao_cao_ky_nay",
        "chua_bao_cao",
        "bao_cao_theo_ky",
    }


def test_progress_by_sector_is_hoptac_status(database):
    h = database
    ds = build(h.db)
    rows = view(ds, "tien_do_theo_linh_vuc")
    agreements = h.json("agreement", "list")
    assert {row["Chương trình"] for row in rows} == {row["title"] for row in agreements}
    for agreement in agreements:
        cli = h.json("status", "--agreement", agreement["slug"])
        web = [row for row in rows if row["Chương trình"] == agreement["title"]]
        assert len(web) == len(cli)
        for ours, theirs in zip(web, cli):
            assert ours["STT"] == theirs["position"]
            assert ours["Lĩnh vực"] == (theirs["sector"] if theirs["row"] == "sector" else WORDS["total"])
            assert ours["Số nhiệm vụ"] == theirs["actions"]
            for code, word in STATUS_WORDS.items():
                assert ours[word] == theirs[code.replace("-", "_")], (agreement["slug"], theirs["sector"], code)
            assert ours["Quá hạn"] == theirs["overdue"]
            assert ours["Tiến độ (%)"] == theirs["progress"], (agreement["slug"], theirs["sector"])
            assert ours["Báo cáo đã nhận"] == theirs["reports_received"]
            assert ours["Báo cáo phải nộp"] == theirs["reports_expected"]
            assert ours["Kỳ báo cáo"] == parse_period(theirs["period"]).label("vi")


def test_actions_with_latest_report_are_hoptac_action_list(database):
    h = database
    ds = build(h.db)
    web = {row["Mã"]: row for row in view(ds, "nhiem_vu")}
    cli = {row["id"]: row for row in h.json("action", "list")}
    assert web.keys() == cli.keys()
    for action_id, theirs in cli.items():
        ours = web[action_id]
        assert ours["Nhiệm vụ"] == theirs["title"] and ours["Lĩnh vực"] == theirs["sector"]
        assert ours["Cơ quan chủ trì"] == theirs["lead"]
        assert ours["Tình trạng"] == STATUS_WORDS[theirs["status"]], action_id
        assert ours["Tiến độ (%)"] == theirs["progress"], action_id
        assert ours["Quá hạn"] == (YES if theirs["overdue"] else NO), action_id
        assert ours["Kỳ báo cáo gần nhất"] == theirs["latest_period"]
        assert ours["Đạt được"] == theirs["value"]
        assert ours["Hạn hoàn thành"] == dmy(theirs["due_on"])
    # The latest difficulty is in the per-action status table.
    for agreement in h.json("agreement", "list"):
        for sector in h.json("sector", "list", "--agreement", agreement["slug"]):
            for theirs in h.json("status", "--agreement", agreement["slug"], "--sector", sector["slug"]):
                assert web[theirs["id"]]["Khó khăn, vướng mắc"] == theirs["latest_difficulty"]


def test_overdue_actions_are_hoptac_action_list_overdue(database):
    h = database
    ds = build(h.db)
    web = view(ds, "nhiem_vu_qua_han")
    cli = h.json("action", "list", "--overdue")
    assert sorted(row["Mã"] for row in web) == sorted(row["id"] for row in cli)
    due = {row["id"]: row["due_on"] for row in cli}
    for row in web:
        assert row["Số ngày quá hạn"] == (TODAY - dt.date.fromisoformat(due[row["Mã"]])).days
    assert [row["Hạn hoàn thành"] for row in web] == sorted(
        (row["Hạn hoàn thành"] for row in web), key=lambda d: d[6:] + d[3:5] + d[:2]
    )


def test_missing_reports_per_period_are_hoptac_report_missing(database):
    h = database
    ds = build(h.db)
    missing = view(ds, "chua_bao_cao")
    counts = view(ds, "bao_cao_theo_ky")
    titles = {row["title"]: row["slug"] for row in h.json("agreement", "list")}
    periods = [(titles[row["Chương trình"]], row["Mã kỳ"]) for row in counts]
    assert len(periods) >= 8
    for slug, period in periods:
        cli = h.json("report", "missing", "--period", period, "--agreement", slug)
        title = next(title for title, value in titles.items() if value == slug)
        ours = [row for row in missing if row["Chương trình"] == title and row["Mã kỳ"] == period]
        assert sorted((row["Mã NV"], row["Cơ quan phải báo cáo"], row["Trước đây"]) for row in ours) == sorted(
            (row["action_id"], row["agency"], row["formerly"]) for row in cli["missing"]
        ), (slug, period)
        for row in ours:
            assert row["Hạn gửi báo cáo"] == dmy(cli["deadline"])
            assert row["Đã quá hạn gửi"] == (YES if cli["past_deadline"] else NO)
            assert row["Kỳ báo cáo"] == parse_period(period).label("vi")
        (count,) = [row for row in counts if row["Chương trình"] == title and row["Mã kỳ"] == period]
        assert (count["Phải nộp"], count["Đã nhận"], count["Còn thiếu"]) == (cli["owed"], cli["reported"], len(cli["missing"]))
        total = h.json("status", "--agreement", slug, "--period", period)[-1]
        assert (count["Phải nộp"], count["Đã nhận"]) == (total["reports_expected"], total["reports_received"])


def test_not_reported_this_period_is_report_missing_for_the_status_period(database):
    h = database
    ds = build(h.db)
    web = view(ds, "chua_bao_cao_ky_nay")
    expected = []
    for agreement in h.json("agreement", "list"):
        period = h.json("status", "--agreement", agreement["slug"])[0]["period"]
        result = h("--lang", "en", "report", "missing", "--period", period, "--agreement", agreement["slug"], "--format", "json")
        if result.exit_code == 0:  # a period after the agreement ended is refused: nothing is owed
            expected += [(agreement["title"], row["action_id"], row["agency"]) for row in json.loads(result.stdout)["missing"]]
    assert sorted((row["Chương trình"], row["Mã NV"], row["Cơ quan phải báo cáo"]) for row in web) == sorted(expected)
    assert web, "the fixtures leave someone who has not reported"


def test_generated_database_has_the_cases_the_views_must_get_right(generated):
    """Guard the generated data: if a fixture change removed a case, the comparisons would prove less."""
    status = {row["id"]: row for row in generated.json("action", "list")}
    assert {row["status"] for row in status.values()} >= {"done", "paused", "cancelled", "behind", "in-progress", "not-started"}
    assert any(row["progress"] == 12.2 for row in generated.json("status", "--agreement", "a"))  # mean 12.25
    assert any(
        row["formerly"] for row in generated.json("report", "missing", "--period", "2025-H2", "--agreement", "a")["missing"]
    )

    def missing(period):
        return {
            row["action_id"]: row["agency"]
            for row in generated.json("report", "missing", "--period", period, "--agreement", "a")["missing"]
        }

    # Added by the review of 15/11/2024: owes nothing for 2024-H1, owes from 2024-H2.
    assert 11 not in missing("2024-H1") and 11 in missing("2024-H2")
    # Paused by the review of 10/12/2025 (recorded a year later): owed for 2025-H2, not for 2026-H1.
    assert 15 in missing("2025-H2") and 15 not in missing("2026-H1")
    # Handed over by that review: the lead of each period's end owes its report.
    assert (missing("2025-H1")[5], missing("2025-H2")[5]) == ("Sở Y tế tỉnh Kiên Giang", "Sở Y tế tỉnh Hậu Giang")
    # The lead's report decides, though the partner's came later and said more.
    assert (status[12]["status"], status[12]["progress"], status[12]["latest_period"]) == ("in-progress", 45.0, "2025-H2")
    # Per period from a baseline of 20 to 120: 30 + 25 + 30 (the partner's 99 not added) → 65%.
    assert (status[13]["value"], status[13]["progress"]) == (85.0, 65.0)
    assert (status[14]["value"], status[14]["progress"]) == (160.0, 30.0)


def test_new_writes_are_seen_without_restart(generated):
    ds = build(generated.db)
    before = {row["Mã"]: row for row in view(ds, "nhiem_vu")}
    assert before[4]["Tiến độ (%)"] == 12.0
    generated.ok("report", "add", "--action", "4", "--period", "2026-H1", "--progress", "55", "--result", "Khám cho 300 người")
    after = {row["Mã"]: row for row in view(ds, "nhiem_vu")}
    assert after[4]["Tiến độ (%)"] == 55.0 and after[4]["Kỳ báo cáo gần nhất"] == "2026-H1"
    hits = view(ds, "tim_kiem", tu_khoa="kham cho 300 nguoi")
    assert hits and hits[0]["Trích đoạn"] == "**Khám cho 300 người**"


# search ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["cau cai tu", "duong tinh", "Hậu Giang", "kham benh"])
def test_web_search_is_hoptac_search(sample, query):
    ds = build(sample.db)
    web = view(ds, "tim_kiem", tu_khoa=query)
    cli = sample.json("search", query, "--limit", "200")
    assert [row["Trích đoạn"] for row in web] == [row["snippet"] for row in cli]
    assert [row["Tìm thấy trong"] for row in web] == [t_in("vi", f"search.field.{row['kind']}.{row['field']}") for row in cli]
    assert [row["Lĩnh vực"] for row in web] == [row["sector"] for row in cli]
    for ours, theirs in zip(web, cli):
        if theirs["kind"] == "report":
            assert ours["Kỳ, thời gian"] == parse_period(theirs["period"]).label("vi")
        else:
            assert ours["Kỳ, thời gian"] == f"{dmy(theirs['date_from']) or '…'} – {dmy(theirs['date_to']) or '…'}"


def test_search_page_marks_the_words_found(sample):
    ds = build(sample.db)
    page = fetch_all(ds, ["/hoptac/tim_kiem?tu_khoa=cau+cai+tu"])["/hoptac/tim_kiem?tu_khoa=cau+cai+tu"]
    assert page.status_code == 200
    assert "<mark>Cầu Cái Tư</mark>" in page.text
    assert view(ds, "tim_kiem", tu_khoa="") == [] and view(ds, "tim_kiem", tu_khoa="???") == []


# read-only, SQL off, Vietnamese ----------------------------------------------------------------


def test_nothing_can_be_written_and_sql_is_off_by_default(sample):
    ds = build(sample.db)
    before = digest(sample.db)

    async def run():
        posts = [
            await ds.client.post(path, data={"sql": "DELETE FROM actions"})
            for path in ("/hoptac/actions", "/hoptac/tim_kiem", "/hoptac", "/hoptac/-/query", "/-/dashboards/tong-quan")
        ]
        sql = await ds.client.get("/hoptac.json?" + urllib.parse.urlencode({"sql": "select count(*) from actions"}))
        where = await ds.client.get("/hoptac/actions.json?_where=1")
        return posts, sql, where

    posts, sql, where = asyncio.run(run())
    assert {response.status_code for response in posts} == {405}
    assert sql.status_code == 403 and where.status_code == 403
    assert digest(sample.db) == before


def test_sql_flag_allows_read_only_queries(sample):
    ds = build(sample.db, sql=True)
    before = digest(sample.db)
    assert view_sql(ds, "select count(*) AS n from actions")["rows"] == [[26]]
    for statement in ("delete from actions", "update actions set title = 'x'", "drop table actions"):
        assert view_sql(ds, statement).status_code in (400, 403)
    assert digest(sample.db) == before


def view_sql(ds, sql):
    path = "/hoptac.json?" + urllib.parse.urlencode({"sql": sql})
    return fetch_all(ds, [path])[path]


def test_dashboard_and_its_queries_work_while_sql_is_off(sample):
    ds = build(sample.db)
    page = fetch_all(ds, ["/-/dashboards/tong-quan"])["/-/dashboards/tong-quan"]
    assert page.status_code == 302 and "chuong_trinh=" in page.headers["location"]
    config = ds.plugin_config("datasette-dashboards")["tong-quan"]
    title = config["filters"]["chuong_trinh"]["default"]
    target = page.headers["location"]
    shown = fetch_all(ds, [target])[target]
    assert shown.status_code == 200 and "Tiến độ theo lĩnh vực (%)" in shown.text
    from datasette_dashboards import replace_opts_in_query

    for slug, chart in config["charts"].items():
        sql = replace_opts_in_query(chart["query"], {"chuong_trinh": title})
        path = "/hoptac.json?" + urllib.parse.urlencode({"sql": sql, "chuong_trinh": title, "_shape": "objects"})
        response = fetch_all(ds, [path])[path]
        assert response["rows"], slug
    # The same query with one character changed is somebody else's SQL: refused.
    path = "/hoptac.json?" + urllib.parse.urlencode({"sql": config["charts"]["qua-han"]["query"] + " ", "chuong_trinh": title})
    assert fetch_all(ds, [path])[path].status_code == 403


def test_vietnamese_titles_hidden_tables_labels_and_facets(sample):
    ds = build(sample.db)
    found = fetch_all(
        ds,
        [
            "/hoptac.json",
            "/",
            "/hoptac/nhiem_vu.json?_size=1",
            "/hoptac/actions.json?id=10&_labels=on&_shape=array",
            "/hoptac/reports",
        ],
    )
    home = found["/"].text
    assert "<h1>Chương trình hợp tác phát triển kinh tế - xã hội giữa tỉnh Hậu Giang" in home
    assert 'href="/-/dashboards/tong-quan"' in home and "Chưa báo cáo kỳ này" in home
    tables = {table["name"]: table for table in found["/hoptac.json"]["tables"]}
    for name in ("search_rows", "search_rows_fts", "web_settings", "_sqlite_migrations"):
        assert tables[name]["hidden"], name
    assert not tables["actions"]["hidden"]
    # The internal web_* views are closed to visitors: only the Vietnamese ones are listed.
    assert {row["name"] for row in found["/hoptac.json"]["views"]} == set(metadata.VIEWS)
    assert ds.table_metadata("hoptac", "nhiem_vu")["title"] == "Nhiệm vụ và báo cáo gần nhất"
    facets = found["/hoptac/nhiem_vu.json?_size=1"]["facet_results"]
    assert {"Lĩnh vực", "Tình trạng", "Cơ quan chủ trì", "Kỳ báo cáo gần nhất"} <= set(facets)
    (row,) = found["/hoptac/actions.json?id=10&_labels=on&_shape=array"]
    assert row["lead_agency_id"]["label"] == "Sở Giao thông vận tải tỉnh Kiên Giang"
    assert "Báo cáo định kỳ (mọi phiên bản)" in found["/hoptac/reports"].text


def test_views_use_hoptac_today_and_follow_the_clock_without_it(sample, monkeypatch):
    import sqlite3

    build(sample.db)
    with sqlite3.connect(sample.db) as conn:
        assert conn.execute("SELECT value FROM web_settings WHERE key = 'today'").fetchone() == ("2026-11-25",)
    monkeypatch.delenv("HOPTAC_TODAY")
    build(sample.db)
    with sqlite3.connect(sample.db) as conn:
        assert conn.execute("SELECT * FROM web_settings").fetchall() == []
        assert conn.execute("SELECT today FROM web_today").fetchone()[0] == dt.date.today().isoformat()


def test_a_figure_stopped_by_the_time_limit_stops_its_query_as_a_timeout(generated):
    """The views' figures are Python functions that query the database. When Datasette's time
    limit (a progress handler) stops their query, the statement that called them must end as
    "interrupted", which Datasette reports as a query that took too long (or a facet that timed
    out), not as "user-defined function raised exception" (an error page)."""
    import sqlite3

    from hoptac_cli.web import functions

    conn = sqlite3.connect(generated.db)
    functions.install(conn)
    checks = []
    conn.set_progress_handler(lambda: checks.append(1) or len(checks) > 50, 1)  # stops inside the function's query
    with pytest.raises(sqlite3.OperationalError, match="^interrupted$"):
        conn.execute("SELECT hoptac_actions('2026-11-25')").fetchall()
    conn.set_progress_handler(None, 1)
    (text,) = conn.execute("SELECT hoptac_actions('2026-11-25')").fetchone()
    assert {row["id"] for row in json.loads(text)} == {row["id"] for row in generated.json("action", "list")}
    conn.close()


def test_a_later_migration_runs_on_a_database_the_web_view_has_served(sample, monkeypatch):
    """The views call functions only ``hoptac serve`` registers, and an ``ALTER TABLE … RENAME``
    re-reads every view: an upgrade drops them first, and serve makes them again."""
    from sqlite_utils.migrations import Migrations

    from hoptac_cli.storage.migrations import migrations

    build(sample.db)

    def rename(db):
        db.execute("ALTER TABLE web_settings RENAME TO web_settings_old")
        db.execute("ALTER TABLE web_settings_old RENAME TO web_settings")

    monkeypatch.setattr(migrations, "_migrations", [*migrations._migrations, Migrations._Migration("9999_test_rename", rename)])
    assert sample.ok("db", "version").stdout.split()[-1] == "9999_test_rename"
    assert sample.json("status")
    assert view(build(sample.db), "nhiem_vu")


# the command -----------------------------------------------------------------------------------


def test_serve_refusals(sample, tmp_path):
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        error = sample.fails("serve", "--port", str(port)).stderr
        assert f"port {port} on 127.0.0.1 is already in use" in error
    assert "65535" in sample.fails("serve", "--port", "70000").stderr
    assert "no such address" in sample.fails("serve", "--host", "203.0.113.77", "--port", "8001").stderr
    missing = sample.runner.invoke(
        __import__("hoptac_cli.cli", fromlist=["app"]).app, ["--db", str(tmp_path / "none.db"), "serve"]
    )
    assert missing.exit_code == 1 and "none.db" in missing.stderr


def test_serve_without_the_web_extra_says_how_to_install_it(sample, monkeypatch):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "datasette" else real(name, *a))
    error = sample.fails("serve").stderr
    assert "pip install 'hoptac[web]'" in error and "datasette" in error


def test_other_commands_do_not_import_datasette(sample):
    code = (
        "import sys; from typer.testing import CliRunner; from hoptac_cli.cli import app;"
        f"r = CliRunner().invoke(app, ['--db', {str(sample.db)!r}, 'status']); assert r.exit_code == 0, r.output;"
        f"r = CliRunner().invoke(app, ['--db', {str(sample.db)!r}, 'search', 'cau']); assert r.exit_code == 0, r.output;"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('datasette', 'uvicorn', 'datasette_dashboards')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_serve_starts_datasette_read_only_on_loopback(sample, monkeypatch):
    """The command as a user runs it, with the server loop and the browser replaced."""
    import socket
    import webbrowser

    import uvicorn

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    started, opened = [], []
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: started.append(options))
    monkeypatch.setattr(webbrowser, "open", opened.append)
    result = sample.ok("serve", "--open", "--port", str(port), lang="vi")
    assert started == [{"host": "127.0.0.1", "port": port, "log_level": "warning", "lifespan": "on", "workers": 1}]
    assert opened == [f"http://127.0.0.1:{port}/-/dashboards/tong-quan"]
    assert f"(chỉ đọc) tại http://127.0.0.1:{port}/" in result.stderr and "Cảnh báo" not in result.stderr
    shared = sample.ok("serve", "--host", "0.0.0.0", "--port", str(port), "--sql").stderr
    assert "anyone who can reach this computer" in shared and "--sql: visitors may run" in shared


def test_datasette_opens_the_file_read_only_not_immutable(sample):
    ds = build(sample.db)
    database = ds.get_database("hoptac")
    assert database.is_mutable and not database.is_memory
    conn = database.connect()
    try:
        with pytest.raises(Exception, match="readonly"):
            conn.execute("DELETE FROM actions")
    finally:
        conn.close()

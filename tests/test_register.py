"""The core register through the real CLI: parties, agreements, sectors, agencies, actions."""

import json
import sqlite3
import unicodedata

import pytest
from conftest import Hoptac


def rows(db, sql, *params):
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, params).fetchall()


# database location ---------------------------------------------------------------------------


def test_db_path_follows_option_then_environment_then_user_dir(tmp_path):
    runner = Hoptac(tmp_path / "x.db")
    assert runner.runner.invoke(runner_app(), ["--db", "a.db", "db", "path"]).stdout.strip() == "a.db"
    env_result = runner.runner.invoke(runner_app(), ["db", "path"], env={"HOPTAC_DB": str(tmp_path / "env.db")})
    assert env_result.stdout.strip() == str(tmp_path / "env.db")
    default = runner.runner.invoke(runner_app(), ["db", "path"], env={"HOPTAC_DB": None, "XDG_DATA_HOME": str(tmp_path / "xdg")})
    assert default.stdout.strip() == str(tmp_path / "xdg" / "hoptac" / "hoptac.db")


def runner_app():
    from hoptac_cli.cli import app

    return app


def test_reading_a_missing_database_says_so_and_creates_nothing(tmp_path):
    runner = Hoptac(tmp_path / "nothing.db")
    for command in (["party", "list"], ["status"], ["action", "list"], ["agreement", "show"]):
        result = runner(*command)
        assert result.exit_code == 1
        assert "hoptac init" in result.stderr and "nothing.db" in result.stderr
    assert not (tmp_path / "nothing.db").exists()


def test_init_creates_then_reports_ready(tmp_path):
    runner = Hoptac(tmp_path / "sub" / "new.db")
    first = runner.ok("init")
    assert "created" in first.stdout
    second = runner.ok("init")
    assert "ready" in second.stdout


def test_sample_is_refused_into_a_database_that_has_agreements(sample):
    result = sample.fails("init", "--sample")
    assert "--db" in result.stderr


def test_not_a_database_is_a_one_line_error(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("không phải cơ sở dữ liệu")
    result = Hoptac(path).fails("party", "list")
    assert "notes.db" in result.stderr


# parties -------------------------------------------------------------------------------------


def test_party_add_and_list(hoptac):
    hoptac.ok("party", "add", "Hậu Giang")
    hoptac.ok("party", "add", "Cần Thơ", "--kind", "city")
    listed = hoptac.json("party", "list")
    assert [(p["slug"], p["name"], p["kind"]) for p in listed] == [
        ("hau-giang", "Hậu Giang", "province"),
        ("can-tho", "Cần Thơ", "city"),
    ]
    table = hoptac.ok("party", "list", lang="vi").stdout
    assert "Cần Thơ" in table and "thành phố" in table


def test_decomposed_input_is_stored_nfc(hoptac):
    hoptac.ok("party", "add", unicodedata.normalize("NFD", "Kiên Giang"))
    (name,) = rows(hoptac.db, "SELECT name FROM parties")[0]
    assert name == unicodedata.normalize("NFC", "Kiên Giang")


@pytest.mark.parametrize(
    "args, fragment",
    [
        (["party", "add", "HẬU GIANG"], "already exists"),
        (["party", "add", "Hau Giang"], "hau-giang"),
        (["party", "add", "Bạc Liêu", "--kind", "huyen"], "province, city, other"),
        (["party", "add", "Bạc Liêu", "--slug", "Bạc Liêu"], "bac-lieu"),
        (["party", "add", "   "], "empty"),
    ],
)
def test_party_refusals(hoptac, args, fragment):
    hoptac.ok("party", "add", "Hậu Giang")
    result = hoptac.fails(*args)
    assert fragment in result.stderr


# agreements ----------------------------------------------------------------------------------


def test_agreement_with_signatories_and_show(two_parties):
    two_parties.ok(
        "agreement",
        "add",
        "Chương trình 2026-2030",
        "--party",
        "Hậu Giang",
        "--party",
        "kien giang",
        "--period",
        "2026–2030",
        "--signed",
        "15/03/2026",
        "--signatory",
        "hau-giang=Nguyễn Văn A, Chủ tịch UBND tỉnh",
        "--slug",
        "ct-2026",
    )
    shown = two_parties.json("agreement", "show", "ct-2026")
    assert shown["signed_on"] == "2026-03-15" and shown["start_year"] == 2026 and shown["end_year"] == 2030
    assert shown["parties"][0]["signatory_name"] == "Nguyễn Văn A"
    assert shown["parties"][0]["signatory_title"] == "Chủ tịch UBND tỉnh"
    table = two_parties.ok("agreement", "show", "ct-2026").stdout
    assert "15/03/2026" in table and "Nguyễn Văn A" in table
    listed = two_parties.json("agreement", "list")
    assert [a["slug"] for a in listed] == ["thu", "ct-2026"]


def test_agreement_must_be_named_when_several_are_active(two_parties):
    two_parties.ok(
        "agreement", "add", "Chương trình khác", "--party", "hau-giang", "--party", "kien-giang", "--period", "2026-2030"
    )
    result = two_parties.fails("sector", "add", "Công nghiệp")
    assert "--agreement" in result.stderr and "thu" in result.stderr and "chuong-trinh-khac" in result.stderr
    two_parties.ok("sector", "add", "Công nghiệp", "--agreement", "chuong trinh khac")


@pytest.mark.parametrize(
    "args, fragment",
    [
        (["--party", "hau-giang", "--party", "hau-giang", "--period", "2021-2025"], "two or more"),
        (["--party", "hau-giang", "--period", "2021-2025"], "two or more"),
        (["--party", "hau-giang", "--party", "kien-giag", "--period", "2021-2025"], "kien-giang"),
        (["--party", "hau-giang", "--party", "kien-giang", "--period", "2025-2021"], "2021-2025"),
        (["--party", "hau-giang", "--party", "kien-giang", "--period", "2021"], "2021-2025"),
        (["--party", "hau-giang", "--party", "kien-giang", "--period", "2021-2025", "--signed", "31/02/2022"], "31/02/2022"),
        (["--party", "hau-giang", "--party", "kien-giang", "--period", "2021-2025", "--signatory", "hau-giang"], "Full name"),
        (["--party", "hau-giang", "--party", "kien-giang", "--period", "2021-2025", "--cadence", "monthly"], "half-yearly"),
    ],
)
def test_agreement_refusals(two_parties, args, fragment):
    result = two_parties.fails("agreement", "add", "Chương trình mới", *args)
    assert fragment in result.stderr


def test_agreement_without_option_is_a_usage_error(two_parties):
    two_parties.fails("agreement", "add", "Chương trình mới", "--party", "hau-giang", code=2)


# sectors and agencies ------------------------------------------------------------------------


def test_sectors_listed_in_order_and_duplicates_refused(two_parties):
    listed = two_parties.json("sector", "list")
    assert [(s["position"], s["slug"]) for s in listed] == [(1, "y-te"), (2, "giao-thong")]
    result = two_parties.fails("sector", "add", "Y TẾ")
    assert "y-te" in result.stderr
    two_parties.ok("sector", "add", "Văn hóa - thể thao - du lịch")
    assert "van-hoa" in two_parties.fails("sector", "add", "Văn hoá - thể thao - du lịch").stderr


def test_agencies_by_party(two_parties):
    assert [a["slug"] for a in two_parties.json("agency", "list", "--party", "Kiên Giang")] == ["syt-kg", "sgtvt-kg"]
    assert "did you mean" in two_parties.fails("agency", "list", "--party", "Kien Gang").stderr
    assert "syt-hg" in two_parties.fails("agency", "add", "Sở khác", "--party", "hau-giang", "--slug", "syt-hg").stderr


# actions -------------------------------------------------------------------------------------


def add_heart_surgery(runner):
    return runner.ok(
        "action",
        "add",
        "Hỗ trợ phẫu thuật tim cho trẻ em",
        "--sector",
        "y te",
        "--lead",
        "syt-hg",
        "--partner",
        "syt-kg",
        "--start",
        "01/01/2022",
        "--due",
        "31/12/2023",
        "--unit",
        "em",
        "--target",
        "20",
        "--plan",
        "Số 12/KH-SYT, 10/01/2022",
    )


def test_action_add_list_show(two_parties):
    assert "Added action 1" in add_heart_surgery(two_parties).stdout
    two_parties.ok("action", "add", "Nâng cấp Quốc lộ 61", "--sector", "giao-thong", "--lead", "sgtvt-kg", "--due", "2030-12-31")
    listed = two_parties.json("action", "list")
    assert [a["title"] for a in listed] == ["Hỗ trợ phẫu thuật tim cho trẻ em", "Nâng cấp Quốc lộ 61"]
    first = listed[0]
    assert first["partners"] == ["Sở Y tế tỉnh Kiên Giang"] and first["target"] == 20 and first["unit"] == "em"
    assert first["status"] == "not-started" and first["overdue"] is True and first["due_on"] == "2023-12-31"
    shown = two_parties.ok("action", "show", "1").stdout
    assert "31/12/2023" in shown and "Số 12/KH-SYT, 10/01/2022" in shown and "Sở Y tế tỉnh Kiên Giang" in shown


def test_action_list_filters(two_parties):
    add_heart_surgery(two_parties)
    two_parties.ok("action", "add", "Nâng cấp Quốc lộ 61", "--sector", "giao-thong", "--lead", "sgtvt-kg", "--due", "31/12/2030")
    two_parties.ok("action", "update", "2", "--status", "đang thực hiện")

    def ids(*args):
        return [a["id"] for a in two_parties.json("action", "list", *args)]

    assert ids("--sector", "Y TẾ") == [1]
    assert ids("--status", "in-progress") == [2]
    assert ids("--status", "dang-thuc-hien") == [2]
    assert ids("--agency", "syt-kg") == [1]  # partner counts
    assert ids("--agency", "sgtvt-kg") == [2]
    assert ids("--overdue") == [1]
    assert ids("--agreement", "thu", "--sector", "giao") == [2]
    csv_out = two_parties.ok("action", "list", "--format", "csv").stdout.splitlines()
    assert csv_out[0].startswith("id,sector,title,lead,due_on,status,progress,overdue")
    assert len(csv_out) == 3
    assert "done" in two_parties.fails("action", "list", "--status", "xong").stderr


def test_action_update_keeps_history(two_parties):
    add_heart_surgery(two_parties)
    two_parties.ok("action", "update", "1", "--due", "30/06/2024", "--lead", "syt-kg", "--partner", "syt-hg")
    detail = two_parties.json("action", "show", "1")
    assert detail["due_on"] == "2024-06-30" and detail["lead"] == "Sở Y tế tỉnh Kiên Giang"
    changes = {(e["field"], e["old_value"], e["new_value"]) for e in detail["history"] if e["kind"] == "updated"}
    assert ("due_on", "2023-12-31", "2024-06-30") in changes
    assert {field for field, *_ in changes} == {"due_on", "lead_agency_id", "partners"}


@pytest.mark.parametrize(
    "args, fragment",
    [
        (["--sector", "nong nghiep", "--lead", "syt-hg"], "y-te"),
        (["--sector", "y-te", "--lead", "so-y-te"], "syt-hg"),
        (["--sector", "y-te", "--lead", "syt-hg", "--due", "31/02/2022"], "31/02/2022"),
        (["--sector", "y-te", "--lead", "syt-hg", "--partner", "syt-hg"], "lead"),
        (["--sector", "y-te", "--lead", "syt-hg", "--start", "01/06/2023", "--due", "01/01/2023"], "01/01/2023"),
        (["--sector", "y-te", "--lead", "syt-hg", "--unit", "em"], "--target"),
        (["--sector", "y-te", "--lead", "syt-hg", "--unit", "em", "--target", "hai mươi"], "hai mươi"),
        (["--sector", "y-te", "--lead", "syt-hg", "--unit", "em", "--target", "0"], "greater than zero"),
        (["--sector", "y-te", "--lead", "s"], "ambiguous"),
    ],
)
def test_action_add_refusals(two_parties, args, fragment):
    result = two_parties.fails("action", "add", "Một nhiệm vụ", *args)
    assert fragment in result.stderr


def test_action_refusals_on_existing(two_parties):
    add_heart_surgery(two_parties)
    assert (
        "id 1"
        in two_parties.fails("action", "add", "hỗ trợ PHẪU THUẬT tim cho trẻ em", "--sector", "y-te", "--lead", "syt-hg").stderr
    )
    assert "nothing to change" in two_parties.fails("action", "update", "1", "--due", "31/12/2023").stderr
    assert "999" in two_parties.fails("action", "update", "999", "--title", "x").stderr
    assert "999" in two_parties.fails("action", "show", "999").stderr
    two_parties.fails("action", "show", "một", code=2)


def test_messages_and_headers_in_vietnamese(two_parties):
    add_heart_surgery(two_parties)
    table = two_parties.ok("action", "list", lang="vi").stdout
    assert "Chủ trì" in table and "chưa thực hiện" in table and "Quá hạn" in table
    error = two_parties.fails("action", "show", "999", lang="vi").stderr
    assert error.startswith("Lỗi: không có nhiệm vụ mã 999")


def test_language_from_environment(two_parties):
    result = two_parties.runner.invoke(runner_app(), ["--db", str(two_parties.db), "sector", "list"], env={"HOPTAC_LANG": "vi"})
    assert "Lĩnh vực" in result.stdout


def test_json_output_has_no_colour_and_parses(sample):
    result = sample.ok("action", "list", "--json", env={"NO_COLOR": None, "FORCE_COLOR": "1"})
    assert "\x1b[" not in result.stdout
    assert len(json.loads(result.stdout)) == 26


def test_help_names_what_each_option_takes(hoptac):
    text = hoptac.ok("action", "add", "--help").stdout
    assert "--due DATE" in text and "--lead AGENCY" in text and "--sector SECTOR" in text
    assert "<str>" not in text.split("Options:")[1]


def test_history_shows_local_day_and_minute(two_parties, vietnam_time):
    import datetime as dt

    add_heart_surgery(two_parties)
    (event,) = two_parties.json("action", "show", "1")["history"]
    utc = dt.datetime.fromisoformat(event["at"])  # stored in UTC, as SQLite's datetime('now')
    shown = two_parties.ok("action", "show", "1").stdout
    assert (utc + dt.timedelta(hours=7)).strftime("%d/%m/%Y %H:%M") in shown
    assert utc.strftime("%d/%m/%Y %H:%M") not in shown

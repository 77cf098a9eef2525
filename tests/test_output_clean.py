"""Output that never lies or leaks: JSON and CSV are data, the same in every language; messages
name fields as users know them, with right grammar; text is cleaned at the door; CSV cells are
neutralised alike everywhere; no input ends in the generic "unexpected ..." message."""

from __future__ import annotations

import csv
import io
import re
import sqlite3

import pytest
from conftest import Hoptac, digest, restored, snapshot
from test_import import read_csv, write_csv

# the sample programme with a review, a decision, a commendation and an amended report
SHOWN = [
    ("party", "list"),
    ("agency", "list"),
    ("sector", "list"),
    ("agreement", "list"),
    ("agreement", "show"),
    ("action", "list"),
    ("action", "show", "9"),
    ("action", "show", "22"),
    ("report", "list"),
    ("report", "list", "--revisions"),
    ("report", "show", "7"),
    ("report", "missing", "--period", "2025-H2"),
    ("report", "missing", "--period", "2022-H2"),
    ("review", "list"),
    ("review", "show", "1"),
    ("commend", "list"),
    ("status",),
    ("status", "--sector", "y-te"),
    ("status", "--period", "2022-H2"),
    ("status", "--sector", "giao-thong", "--period", "2022-H2"),
]
EXPORTS = [("export", kind, "-o", "-") for kind in ("summary", "actions", "reports")] + [
    ("export", "summary", "-o", "-", "--period", "2022-H2"),
    ("export", "actions", "-o", "-", "--sector", "y-te"),
]
#: words that belong to tables only
LABELS = re.compile(r"Total|Tổng cộng|\(formerly|\(trước đây|6 tháng|2025 H2|interim review|sơ kết|not started|chưa thực hiện")


def build_rich_sample(h: Hoptac) -> None:
    """The sample (already loaded) with a review, a decision, a commendation and an amended report."""
    h.ok("review", "add", "--year", "2024", "--host", "kien-giang", "--held", "18/12/2024")
    h.ok("action", "update", "9", "--due", "30/06/2026", "--review", "1", "--reason", "Chờ bố trí vốn")
    h.ok(
        "commend",
        "add",
        "--review",
        "1",
        "--recipient",
        "Sở Giao thông vận tải tỉnh Kiên Giang",
        "--collective",
        "--form",
        "bang khen chu tich tinh",
        "--date",
        "19/12/2024",
    )
    h.ok("report", "add", "--action", "22", "--period", "2025-H2", "--progress", "80", "--submitted", "18/12/2025")
    h.ok("report", "add", "--action", "22", "--period", "2025-H2", "--progress", "90", "--amend")


@pytest.fixture(scope="session")
def _rich_bytes(tmp_path_factory, _sample_bytes) -> bytes:
    return snapshot(tmp_path_factory, "rich", build_rich_sample, start=_sample_bytes)


@pytest.fixture
def rich(tmp_path, _rich_bytes) -> Hoptac:
    return restored(tmp_path, "rich", _rich_bytes)


def test_json_and_csv_are_the_same_bytes_in_both_languages(rich, tmp_path):
    runs = [(*command, "--format", fmt) for command in SHOWN for fmt in ("json", "csv")]
    runs += [(*command, "--format", fmt) for command in EXPORTS for fmt in ("json", "csv")]
    template = tmp_path / "mau.csv"
    rich.ok("report", "template", "--period", "2025-H2", "-o", str(template))
    runs += [("report", "import", str(template), "--dry-run", "--format", fmt) for fmt in ("json", "csv")]
    for args in runs:
        english = rich.ok(*args).stdout_bytes
        vietnamese = rich.ok(*args, lang="vi").stdout_bytes
        assert english == vietnamese, args
        text = english.decode("utf-8-sig")
        assert english.strip() and not LABELS.search(text), (args, LABELS.search(text))
        assert not re.search(r"\b\d\d/\d\d/\d{4}\b", text), args  # dates are ISO


def test_an_ended_agreement_shows_the_same_data_in_both_languages(rich):
    rich.ok("review", "add", "--year", "2025", "--kind", "tong-ket", "--held", "19/12/2025")
    rich.ok("agreement", "end", "hg-kg-2021-2025", "--on", "31/12/2025", "--review", "2")
    for fmt in ("json", "csv"):
        english = rich.ok("agreement", "show", "hg-kg-2021-2025", "--format", fmt).stdout
        assert english == rich.ok("agreement", "show", "hg-kg-2021-2025", "--format", fmt, lang="vi").stdout
        assert "final review" not in english
    assert rich.json("agreement", "show", "hg-kg-2021-2025")["end_review_id"] == 2
    assert "final review 2025 (#2)" in rich.ok("agreement", "show", "hg-kg-2021-2025").stdout


def test_window_is_an_iso_interval_and_a_readable_one_in_the_table(rich):
    assert rich.json("report", "show", "7")["window"] == "2025-06-15/2025-12-14"
    assert "15/06/2025 – 14/12/2025" in rich.ok("report", "show", "7").stdout


def test_total_is_a_word_of_tables_only(rich):
    rows = rich.json("status")
    assert rows[-1]["row"] == "total" and rows[-1]["sector"] is None
    assert "Tổng cộng" in rich.ok("status", lang="vi").stdout and "Total" in rich.ok("status").stdout


# messages ------------------------------------------------------------------------------------


def test_messages_name_fields_as_users_know_them(rich):
    english = rich.ok("action", "update", "10", "--due", "30/06/2026", "--target", "2", "--unit", "cầu")
    assert "due date, unit of measure, target" in english.stdout and "due_on" not in english.stdout
    vietnamese = rich.ok("action", "update", "10", "--due", "31/07/2026", "--review", "1", lang="vi")
    assert "hạn hoàn thành" in vietnamese.stdout and "due_on" not in vietnamese.stdout
    assert "host" in rich.ok("review", "update", "1", "--host", "hau-giang").stdout
    updated = rich.ok("review", "update", "1", "--host", "kien-giang", "--held", "17/12/2024", lang="vi").stdout
    assert "tỉnh đăng cai, ngày tổ chức" in updated and "host_party_id" not in updated and "held_on" not in updated
    history = rich.ok("action", "show", "10").stdout
    assert "due date" in history and "due_on" not in history
    assert "hạn hoàn thành" in rich.ok("action", "show", "10", lang="vi").stdout
    assert rich.json("action", "show", "10")["history"][1]["field"] == "due_on"  # JSON keeps the code


def test_counts_agree_with_their_nouns(rich, tmp_path):
    assert ": 1 action, 1 overdue" in rich.ok("status", "--sector", "y-te").stdout
    assert ": 1 nhiệm vụ, 1 quá hạn" in rich.ok("status", "--sector", "y-te", lang="vi").stdout
    missing = rich.ok("report", "missing", "--period", "2025-H2").stdout
    assert "actions owing a report" in missing and "0 reports filed after" in missing
    out = tmp_path / "one.csv"
    assert (
        "Wrote 1 action to" in rich.ok("report", "template", "--period", "2025-H2", "--agency", "syt-hg", "-o", str(out)).stdout
    )
    assert "Wrote 1 commendation to" in rich.ok("commend", "list", "-o", str(tmp_path / "c.csv")).stdout
    one = (
        "export",
        "reports",
        "--sector",
        "lao-dong-thuong-binh-va-xa-hoi",
        "--period",
        "2022-H2",
        "-o",
        str(tmp_path / "r.csv"),
    )
    assert "Exported 1 row to" in rich.ok(*one).stdout


# text cleaned at the door --------------------------------------------------------------------


def test_a_word_line_break_in_a_result_does_not_break_the_word_report(rich, tmp_path):
    """Pasted from Word, a result holds \\x0b (a manual line break); .docx refused it."""
    rich.ok(
        "report",
        "add",
        "--action",
        "21",
        "--period",
        "2025-H2",
        "--progress",
        "30",
        "--submitted",
        "10/12/2025",
        "--result",
        "Đã tiếp nhận 3 kỹ thuật\x0bĐào tạo 12 bác sĩ\r\nSửa lỗi\u2028xong",
    )
    stored = [row for row in rich.json("report", "list") if row["action_id"] == 21][0]["result"]
    assert stored == "Đã tiếp nhận 3 kỹ thuật\nĐào tạo 12 bác sĩ\nSửa lỗi\nxong"
    out = tmp_path / "bao-cao.docx"
    rich.ok("summary", "--period", "2025-H2", "-o", str(out))
    from docx import Document

    document = Document(str(out))
    texts = [paragraph.text for paragraph in document.paragraphs]
    texts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert any("Đào tạo 12 bác sĩ" in text for text in texts)


@pytest.mark.parametrize("bad", ["\x1b[31mđỏ", "a\x00b", "chuông\x07", "\u202egnirts"])
def test_control_characters_in_arguments_are_refused(rich, bad):
    result = rich.fails("action", "update", "10", "--note", bad)
    assert "--note" in result.stderr and "U+" in result.stderr and "\x1b" not in result.stderr
    assert "ký tự điều khiển" in rich.fails("action", "add", bad, "--sector", "y-te", "--lead", "syt-hg", lang="vi").stderr


def test_titles_are_one_line_and_long_text_keeps_its_lines(rich):
    rich.ok("action", "add", "Khám\nchữa\tbệnh  ", "--sector", "y-te", "--lead", "syt-hg", "--note", "dòng 1\n\tdòng 2")
    row = rich.json("action", "list", "--sector", "y-te")[-1]
    assert (row["title"], row["note"]) == ("Khám chữa bệnh", "dòng 1\n\tdòng 2")


def test_imported_text_is_cleaned(rich, tmp_path):
    template = tmp_path / "mau.csv"
    rich.ok("report", "template", "--period", "2025-H2", "--agency", "syt-hg", "-o", str(template))
    rows = read_csv(template)
    header = rows[0]
    rows[1][header.index("Tiến độ (%)")] = "50"
    rows[1][header.index("Kết quả thực hiện")] = "Kết quả\x0bdòng hai\x1b[2J\x00"
    write_csv(template, rows)
    rich.ok("report", "import", str(template))
    (row,) = [row for row in rich.json("report", "list") if row["action_id"] == 21]
    assert row["result"] == "Kết quả\ndòng hai[2J"


def test_stored_escape_sequences_never_reach_the_terminal(rich):
    with sqlite3.connect(rich.db) as db:
        db.execute("UPDATE actions SET title = ? WHERE id = 21", ["Chuyển giao\x1b[2J kỹ thuật"])
    db.close()
    for args in (("action", "list"), ("action", "show", "21"), ("status", "--sector", "y-te")):
        assert "\x1b" not in rich.ok(*args).stdout, args


# one CSV writer ------------------------------------------------------------------------------

FORMULAS = ['=HYPERLINK("http://x","bấm")', "＝1+1", "+1 dự án", "-5% chi phí", "@SUM(A1)"]


def test_csv_listings_neutralise_formulas_like_exports(rich):
    for number, title in enumerate(FORMULAS):
        rich.ok("action", "add", "--sector", "y-te", "--lead", "syt-hg", "--note", f"{number}", "--", title)
    listed = list(csv.DictReader(io.StringIO(rich.ok("action", "list", "--sector", "y-te", "--format", "csv").stdout)))
    exported = list(
        csv.DictReader(io.StringIO(rich.ok("export", "actions", "--sector", "y-te", "-o", "-").stdout_bytes.decode("utf-8-sig")))
    )
    assert [row["title"] for row in listed[1:]] == ["'" + title for title in FORMULAS]
    assert [row["title"] for row in exported] == [row["title"] for row in listed]
    # a record shown as CSV goes through the same writer (the sample has 26 actions: @SUM is the 31st)
    assert rich.ok("action", "show", "31", "--format", "csv").stdout.count("'@SUM(A1)") == 1


@pytest.mark.parametrize("text", [" =1+1", "\t=1+1", "\r=1", "\n=1", "  @x", "\u3000＋1", "\tplain"])
def test_the_writer_neutralises_hidden_formula_starts(text):
    from hoptac_cli.render.tabular import csv_value, neutralise

    assert neutralise(text) == "'" + text and csv_value(text) == "'" + text


def test_neutralised_cells_read_back_as_typed(rich, tmp_path):
    from hoptac_cli.render.tabular import neutralise
    from hoptac_cli.render.template import _from_csv

    for text in ["=1+1", "-5%", "＝x", "'quoted'", "plain", "a =1"]:
        assert _from_csv(neutralise(text)) == text


# no "unexpected ..." for any input -----------------------------------------------------------

HUGE = "99999999999999999999"


@pytest.mark.parametrize(
    "args",
    [
        ("action", "show", HUGE),
        ("action", "update", HUGE, "--title", "x"),
        ("report", "add", "--action", HUGE, "--period", "2025-H2", "--progress", "5"),
        ("report", "show", HUGE),
        ("review", "show", HUGE),
        ("commend", "add", "--review", HUGE, "--recipient", "x", "--collective", "--form", "x"),
        ("commend", "list", "--year", HUGE),
        ("agreement", "carry", "hg-kg-2021-2025", "--to", "hg-kg-2021-2025", "--action", HUGE),
        ("status", "--sector", "²"),
        ("action", "list", "--agency", "①"),
        ("agency", "list", "--party", "²"),
        ("action", "list", "--sector", HUGE + HUGE),
        ("action", "update", "10", "--note", "đ\udcff"),
        ("action", "add", "x\udcc3", "--sector", "y-te", "--lead", "syt-hg"),
    ],
)
def test_odd_input_gets_a_one_line_explanation(rich, args):
    for lang in ("en", "vi"):
        result = rich.fails(*args, lang=lang)
        assert "unexpected" not in result.stderr and "không mong đợi" not in result.stderr, result.stderr


def test_import_refuses_a_huge_cell_and_odd_ids_in_one_line(rich, tmp_path):
    big = tmp_path / "big.csv"
    write_csv(big, [["Mã nhiệm vụ", "Kỳ báo cáo", "Tiến độ (%)", "Kết quả thực hiện"], ["21", "2025-H2", "10", "x" * 140_000]])
    result = rich.fails("report", "import", str(big))
    assert "row 2" in result.stderr and "32,767" in result.stderr and "unexpected" not in result.stderr
    assert "32.767" in rich.fails("report", "import", str(big), lang="vi").stderr
    odd = tmp_path / "odd.csv"
    write_csv(odd, [["Mã nhiệm vụ", "Kỳ báo cáo", "Tiến độ (%)"], ["²", "2025-H2", "10"], [HUGE, "2025-H2", "10"]])
    before = digest(rich.db)
    refused = rich("report", "import", str(odd))
    assert refused.exit_code == 1 and digest(rich.db) == before
    assert "unexpected" not in refused.stderr and "row 2" in refused.stderr and "row 3" in refused.stderr

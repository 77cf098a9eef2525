"""``hoptac export``: CSV bytes, XLSX cells, JSON records, refusals, and flat memory."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import tracemalloc
from pathlib import Path

import pytest
from conftest import EVIL_TITLE, Hoptac

BOM = b"\xef\xbb\xbf"


def _csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig"))))


def test_csv_has_bom_header_and_neutralised_formulas(programme, tmp_path):
    out = tmp_path / "actions.csv"
    result = programme.ok("export", "actions", "-o", str(out))
    assert "5" in result.stdout and str(out) in result.stdout
    raw = out.read_bytes()
    assert raw.startswith(BOM)
    rows = _csv(out)
    assert [row["id"] for row in rows] == ["1", "2", "3", "4", "5"]
    assert rows[4]["title"] == "'" + EVIL_TITLE
    assert not any(value.startswith(("=", "+", "-", "@")) for row in rows for value in row.values())
    assert rows[0]["due_on"] == "2022-12-31" and rows[0]["partners"] == "Sở Y tế tỉnh Kiên Giang"
    # Without --period the rows are the picture of the default period, 2025-H2, as of its end
    # (31/12/2025): action 2, due that day, is not overdue yet.
    assert {row["period"] for row in rows} == {"2025-H2"} and {row["as_of"] for row in rows} == {"2025-12-31"}
    assert rows[1]["status"] == "in-progress" and rows[1]["overdue"] == "0" and "status_label" not in rows[1]


def test_csv_is_data_and_xlsx_headers_follow_the_interface_language(programme, tmp_path):
    from openpyxl import load_workbook

    english, vietnamese = tmp_path / "en.csv", tmp_path / "vi.csv"
    programme.ok("export", "summary", "-o", str(english))
    programme.ok("export", "summary", "-o", str(vietnamese), lang="vi")
    assert english.read_bytes() == vietnamese.read_bytes()
    assert _csv(vietnamese)[0]["sector"] == "Y tế"
    out = tmp_path / "summary.xlsx"
    programme.ok("export", "summary", "-o", str(out), lang="vi")
    sheet = load_workbook(out).worksheets[0]
    header = [cell.value for cell in sheet[1]]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert "Lĩnh vực" in header and rows[-1][header.index("Lĩnh vực")] == "Tổng cộng"


def test_summary_export_carries_the_status_figures(programme, tmp_path):
    out = tmp_path / "summary.json"
    programme.ok("export", "summary", "-o", str(out), "--period", "2022-H1")
    exported = json.loads(out.read_text(encoding="utf-8"))
    shown = programme.json("status", "--period", "2022-H1")
    assert exported == [{key: row[key] for key in exported[0]} for row in shown]
    assert exported[-1]["row"] == "total" and exported[-1]["progress"] == 34.0


def test_reports_export_current_versions_and_period_filter(programme, tmp_path):
    out = tmp_path / "reports.json"
    programme.ok("export", "reports", "-o", str(out))
    rows = json.loads(out.read_text(encoding="utf-8"))
    # six reports filed, one of them amended: the superseded version is not exported
    assert len(rows) == 6
    assert [row["progress"] for row in rows if row["action_id"] == 2] == [40.0]
    programme.ok("export", "reports", "-o", str(out), "--period", "2022-H2", "--sector", "y-te", "--force")
    assert [(row["action_id"], row["period"]) for row in json.loads(out.read_text(encoding="utf-8"))] == [(1, "2022-H2")]


def test_dash_writes_csv_to_stdout(programme):
    result = programme.ok("export", "summary", "-o", "-")
    # A pipe feeds other programs: no BOM unless asked for (issue 14); a file always has one.
    assert not result.stdout_bytes.startswith(BOM) and result.stdout_bytes.startswith(b"agreement,")
    assert "Công nghiệp" in result.stdout and result.stderr == ""
    assert programme.ok("export", "summary", "-o", "-", "--bom").stdout_bytes.startswith(BOM)
    as_json = json.loads(programme.ok("export", "actions", "-o", "-", "--format", "json").stdout)
    assert as_json[4]["title"] == EVIL_TITLE  # JSON keeps the text as it is


def test_xlsx_opens_with_typed_cells(programme, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "actions.xlsx"
    programme.ok("export", "actions", "-o", str(out))
    book = load_workbook(out)
    assert book.sheetnames == ["Actions"]
    sheet = book["Actions"]
    assert sheet.freeze_panes == "A2"
    header = [cell.value for cell in sheet[1]]
    assert header[:5] == ["ID", "Agreement", "Sector", "Sector slug", "Action"] and sheet["A1"].font.b
    rows = {row[0]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows[5][4] == EVIL_TITLE and sheet.cell(row=6, column=5).data_type == "s"  # text, not a formula
    assert rows[1][header.index("Due")].date().isoformat() == "2022-12-31"
    assert rows[1][header.index("Progress")] == 1 and sheet.cell(2, header.index("Progress") + 1).number_format == "0%"
    assert sheet.column_dimensions["E"].width >= 40


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (("export", "actions", "-o", "{tmp}/x.txt"), "x.txt"),
        (("export", "actions", "-o", "{tmp}/x.csv", "--format", "ods"), "ods"),
        (("export", "actions", "-o", "{tmp}/missing/x.csv"), "missing"),
        (("export", "actions", "-o", "{tmp}"), "-o"),
        (("export", "vouchers", "-o", "{tmp}/x.csv"), "vouchers"),
        (("export", "actions", "-o", "{tmp}/x.csv", "--sector", "khong-co"), "khong-co"),
        (("export", "reports", "-o", "{tmp}/x.csv", "--period", "2022-H9"), "2022-H9"),
    ],
)
def test_bad_input_writes_nothing(programme, tmp_path, args, named):
    result = programme.fails(*(arg.format(tmp=tmp_path) for arg in args))
    assert named in result.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == ["programme.db"]


def test_xlsx_cells_people_like(programme, tmp_path):
    from openpyxl import load_workbook

    programme.ok(
        "action",
        "add",
        "Vốn đối ứng",
        "--sector",
        "giao-thong",
        "--lead",
        "sgtvt-hg",
        "--unit",
        "đồng",
        "--target",
        "1.200.000.000",
        "--due",
        "31/12/2025",
    )
    programme.ok(
        "action",
        "add",
        "Nạo vét kênh",
        "--sector",
        "giao-thong",
        "--lead",
        "sgtvt-kg",
        "--unit",
        "km",
        "--target",
        "12",
        "--due",
        "31/12/2025",
    )
    programme.ok("report", "add", "--action", "6", "--period", "2022-H2", "--value", "300.000.000,4", "--submitted", "15/12/2022")
    programme.ok("report", "add", "--action", "7", "--period", "2022-H2", "--value", "2,5", "--submitted", "15/12/2022")
    out = tmp_path / "nhiem-vu.xlsx"
    programme.ok("export", "actions", "-o", str(out), lang="vi")
    book = load_workbook(out)
    assert book.sheetnames == ["Nhiệm vụ"]
    sheet = book["Nhiệm vụ"]
    header = [cell.value for cell in sheet[1]]
    assert header[:5] == ["Mã", "Chương trình", "Lĩnh vực", "Tên ngắn lĩnh vực", "Nhiệm vụ"]
    assert all(cell.font.b for cell in sheet[1]) and sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:Y{sheet.max_row}" and sheet.max_row == 8

    def cell(action_id, name):
        return sheet.cell(action_id + 1, header.index(name) + 1)

    assert cell(2, "Tiến độ").value == 0.4 and cell(2, "Tiến độ").number_format == "0%"
    assert cell(1, "Quá hạn").value == "Không" and cell(4, "Quá hạn").value == "Có"  # not 1/0
    assert cell(1, "Hạn hoàn thành").is_date and cell(1, "Hạn hoàn thành").number_format == "DD/MM/YYYY"
    assert cell(6, "Mục tiêu").value == 1_200_000_000 and cell(6, "Mục tiêu").number_format == "#,##0"
    assert cell(6, "Giá trị đạt được").number_format == "#,##0"  # money in whole đồng, even with a fraction
    assert cell(7, "Giá trị đạt được").value == 2.5 and cell(7, "Giá trị đạt được").number_format == "#,##0.0#"
    assert cell(1, "Mã").number_format == "#,##0"
    widths = {
        name: sheet.column_dimensions[chr(ord("A") + header.index(name))].width for name in ("Mã", "Nhiệm vụ", "Hạn hoàn thành")
    }
    assert widths["Mã"] <= 8 and widths["Nhiệm vụ"] >= 40 and 10 <= widths["Hạn hoàn thành"] <= 20

    programme.ok("export", "actions", "-o", str(out), "--format", "xlsx", "--force")
    english = load_workbook(out)["Actions"]
    assert english.cell(5, [c.value for c in english[1]].index("Overdue") + 1).value == "yes"


def test_summary_xlsx_has_a_native_bar_chart(programme, tmp_path):
    import zipfile

    from openpyxl import load_workbook

    out = tmp_path / "tong-hop.xlsx"
    programme.ok("export", "summary", "-o", str(out), "--period", "2022-H1")
    with zipfile.ZipFile(out) as archive:
        charts = [name for name in archive.namelist() if name.startswith("xl/charts/")]
        assert charts == ["xl/charts/chart1.xml"]
        chart = archive.read(charts[0]).decode("utf-8")
    assert '<barDir val="bar"/>' in chart and "'Summary'!$O$2:$O$4" in chart and "'Summary'!$E$2:$E$4" in chart
    assert "Progress by sector — thu, 2022-H1" in chart
    sheet = load_workbook(out)["Summary"]
    assert [sheet.cell(row, 15).value for row in range(2, 6)] == [
        0.333,
        0.35,
        None,
        0.34,
    ]  # 33.3% (action 3 is cancelled only in 2023), 35%, none; total 34%


def test_csv_delimiter_and_contradicting_extensions(programme, tmp_path):
    out = tmp_path / "actions.csv"
    programme.ok("export", "actions", "-o", str(out), "--delimiter", ";")
    lines = out.read_bytes().decode("utf-8-sig").splitlines()
    assert lines[0].startswith("id;agreement;sector;") and lines[1].startswith("1;thu;Y tế;")
    rows = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig")), delimiter=";"))
    assert rows[5][4] == "'" + EVIL_TITLE  # still neutralised
    programme.ok("export", "summary", "-o", str(tmp_path / "t.tsv.csv"), "--delimiter", "tab")
    assert "\t" in (tmp_path / "t.tsv.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    template = tmp_path / "mau.csv"
    programme.ok("report", "template", "--period", "2022-H2", "-o", str(template), "--delimiter", ";")
    assert template.read_text(encoding="utf-8-sig").startswith("Mã nhiệm vụ;Kỳ báo cáo;")


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (("export", "actions", "-o", "{tmp}/x.json", "--format", "csv"), "x.json"),
        (("export", "actions", "-o", "{tmp}/x.xlsx", "--format", "json"), "--format"),
        (("export", "actions", "-o", "{tmp}/x.xlsx", "--delimiter", ";"), "CSV"),
        (("export", "actions", "-o", "{tmp}/x.csv", "--delimiter", "|"), "|"),
        (("report", "template", "--period", "2022-H2", "-o", "{tmp}/x.xlsx", "--delimiter", ";"), "CSV"),
    ],
)
def test_delimiter_and_format_refusals(programme, tmp_path, args, named):
    result = programme.fails(*(arg.format(tmp=tmp_path) for arg in args))
    assert named in result.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == ["programme.db"]


def _bench():
    spec = importlib.util.spec_from_file_location("bench_export", Path(__file__).parents[1] / "bench" / "export.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _peak(hoptac: Hoptac, out: Path) -> int:
    tracemalloc.start()
    try:
        hoptac.ok("export", "reports", "-o", str(out))
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.slow  # generates 220,000 reports and exports them: about 30 s
def test_memory_stays_flat_from_20_000_to_200_000_reports(tmp_path):
    bench = _bench()
    small, large = tmp_path / "small.db", tmp_path / "large.db"
    bench.generate(small, 20_000)
    bench.generate(large, 200_000)
    Hoptac(small).ok("export", "summary", "-o", str(tmp_path / "warm-up.csv"))  # imports are not rows
    peak_small = _peak(Hoptac(small), tmp_path / "small.csv")
    peak_large = _peak(Hoptac(large), tmp_path / "large.csv")
    assert sum(1 for _ in (tmp_path / "large.csv").open(encoding="utf-8-sig")) == 200_001
    # Holding 200,000 rows would take hundreds of MB; streaming keeps the peak where it was.
    assert peak_large < peak_small * 1.5 + 2_000_000, (peak_small, peak_large)
    assert peak_large < 20_000_000, peak_large


def test_writer_neutralises_every_formula_start_and_streams_json(tmp_path):
    from hoptac_cli.render.tabular import Field, Sheet, write

    texts = ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "plain", ""]
    fields = [Field("text", "Text"), Field("n", "N", "number")]
    out = tmp_path / "w.csv"
    write(str(out), None, [Sheet("s", fields, iter([{"text": text, "n": -1.5} for text in texts]))])
    cells = [line.split(",")[0] for line in out.read_bytes().decode("utf-8-sig").split("\n")[1:-1]]
    assert cells[:4] == ["'=1+1", "'+1", "'-1", "'@SUM(A1)"] and cells[6:] == ["plain", ""]
    assert out.read_text(encoding="utf-8-sig").split("\n")[1].endswith(",-1.5")  # numbers stay numbers
    two = tmp_path / "w.json"
    write(str(two), None, [Sheet("a", fields, iter([{"text": "x", "n": 1}])), Sheet("b", fields, iter([]))])
    assert json.loads(two.read_text(encoding="utf-8")) == {"a": [{"text": "x", "n": 1}], "b": []}

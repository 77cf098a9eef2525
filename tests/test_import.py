"""Department files: template → filled file → refused with every bad row → fixed → imported."""

import csv
import json
import unicodedata

from conftest import digest


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def write_csv(path, rows, bom=True):
    with open(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)


def fill(rows, action_id, **cells):
    header = rows[0]
    columns = {
        "progress": "Tiến độ (%)",
        "value": "Giá trị đạt được",
        "status": "Tình trạng",
        "result": "Kết quả thực hiện",
        "difficulty": "Khó khăn, vướng mắc",
        "submitted": "Ngày gửi (dd/mm/yyyy)",
    }
    for row in rows[1:]:
        if row[0] == str(action_id):
            for key, value in cells.items():
                row[header.index(columns[key])] = value


def test_template_csv_has_bom_vietnamese_headers_and_one_row_per_led_action(actions, tmp_path):
    out = tmp_path / "syt-hg.csv"
    result = actions.ok("report", "template", "--period", "2022-H2", "--agency", "syt-hg", "-o", str(out))
    assert "Wrote 1 action to" in result.stdout
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = read_csv(out)
    assert rows[0][:5] == ["Mã nhiệm vụ", "Kỳ báo cáo", "Cơ quan báo cáo", "Nội dung nhiệm vụ", "Lĩnh vực"]
    assert rows[1][:5] == ["1", "2022-H2", "Sở Y tế tỉnh Hậu Giang", "Khám chữa bệnh", "Y tế"]
    every = read_csv(
        actions.ok("report", "template", "--period", "2022-H2", "-o", str(tmp_path / "all.csv")) and tmp_path / "all.csv"
    )
    assert [row[0] for row in every[1:]] == ["1", "2", "3"] and every[2][5:7] == ["em", "20"]
    assert "already exists" in actions.fails("report", "template", "--period", "2022-H2", "-o", str(out)).stderr
    actions.ok("report", "template", "--period", "2022-H2", "-o", str(out), "--force")
    assert ".xlsx or .csv" in actions.fails("report", "template", "--period", "2022-H2", "-o", str(tmp_path / "t.json")).stderr
    actions.fails("report", "template", "--period", "2022-Q1", "-o", str(tmp_path / "q.csv"))
    assert not (tmp_path / "q.csv").exists()


def test_csv_round_trip(actions, tmp_path):
    template = tmp_path / "template.csv"
    actions.ok("report", "template", "--period", "2022-H2", "-o", str(template))
    rows = read_csv(template)
    nfd = unicodedata.normalize("NFD", "Đã khám cho 120 lượt người dân")
    fill(rows, 1, progress="40", result=nfd, submitted="10/12/2022")
    fill(rows, 2, value="25", status="chưa thực hiện")  # bad: status contradicts 100%
    fill(rows, 3, progress="140")  # bad: out of range
    filled = tmp_path / "filled.csv"
    write_csv(filled, rows)

    before = digest(actions.db)
    refused = actions("report", "import", str(filled))
    assert refused.exit_code == 1 and digest(actions.db) == before
    lines = refused.stderr.strip().splitlines()
    assert lines[0] == "Error: nothing imported from filled.csv: errors in 2 of 3 rows"
    assert lines[1].startswith("  row 3, column 'Tình trạng': 'chưa thực hiện' (not started) contradicts a progress of 100%")
    assert lines[2].startswith("  row 4, column 'Tiến độ (%)': '140' must be a percentage between 0 and 100")
    assert len(lines) == 3 and refused.stdout == ""

    fill(rows, 2, status="")
    fill(rows, 3, progress="")  # left blank: this agency does not report on it this time
    write_csv(filled, rows, bom=False)  # UTF-8 without a BOM is accepted too
    dry = actions.ok("report", "import", str(filled), "--dry-run", "--format", "json")
    assert digest(actions.db) == before and "Dry run" in dry.stderr
    accepted = actions.ok("report", "import", str(filled), "--format", "json")
    # stdout carries the JSON: the confirmation goes to stderr
    assert "2 added, 0 amended, 0 already imported, 1 row left blank" in accepted.stderr
    json.loads(accepted.stdout)
    stored = {row["action_id"]: row for row in actions.json("report", "list")}
    assert stored[1]["result"] == unicodedata.normalize("NFC", nfd) and stored[1]["submitted_on"] == "2022-12-10"
    assert (stored[2]["value"], stored[2]["progress"], stored[2]["status"]) == (25, 100, "done")
    assert stored[2]["source"] == "import: filled.csv"

    again = actions.json("report", "import", str(filled))
    assert [row["outcome"] for row in again] == ["already", "already"]
    assert len(actions.json("report", "list", "--revisions")) == 2

    fill(rows, 1, progress="55")
    write_csv(filled, rows)
    conflict = actions("report", "import", str(filled))
    assert conflict.exit_code == 1 and "row 2" in conflict.stderr and "--amend" in conflict.stderr
    amended = actions.json("report", "import", str(filled), "--amend")
    assert [row["outcome"] for row in amended] == ["amended", "already"]
    assert actions.json("report", "show", str(amended[0]["report_id"]))["revision"] == 2


def test_xlsx_round_trip_with_percent_cells(actions, tmp_path):
    from openpyxl import load_workbook

    template = tmp_path / "mau.xlsx"
    actions.ok("report", "template", "--period", "2022-H2", "--agency", "Sở Y tế tỉnh Kiên Giang", "-o", str(template))
    book = load_workbook(template)
    sheet = book.worksheets[0]
    headers = [cell.value for cell in sheet[3]]  # under a title and a note
    assert headers[0] == "Mã nhiệm vụ" and sheet.max_row == 4 and sheet.cell(4, 1).value == 2
    sheet.cell(4, headers.index("Giá trị đạt được") + 1).value = 8
    sheet.cell(4, headers.index("Kết quả thực hiện") + 1).value = unicodedata.normalize("NFD", "Phẫu thuật 8 em")
    book.save(template)
    imported = actions.json("report", "import", str(template))
    assert imported[0]["outcome"] == "added"
    (row,) = actions.json("report", "list")
    assert (row["progress"], row["value"], row["result"]) == (40, 8, "Phẫu thuật 8 em")

    # a percentage typed in Excel arrives as 0.4 with a % format
    actions.ok("report", "template", "--period", "2023-H1", "-o", str(template), "--force")
    book = load_workbook(template)
    sheet = book.worksheets[0]
    headers = [cell.value for cell in sheet[3]]
    cell = sheet.cell(4, headers.index("Tiến độ (%)") + 1)
    cell.value, cell.number_format = 0.4, "0%"
    book.save(template)
    actions.ok("report", "import", str(template))
    assert actions.json("report", "list", "--period", "2023-H1")[0]["progress"] == 40


def test_xlsx_template_departments_cannot_get_wrong(actions, tmp_path):
    from openpyxl import load_workbook

    actions.ok("report", "add", "--action", "2", "--period", "2022-H1", "--value", "8", "--submitted", "20/06/2022")
    template = tmp_path / "syt-kg.xlsx"
    actions.ok("report", "template", "--period", "2022-H2", "--agency", "syt-kg", "-o", str(template))
    book = load_workbook(template)
    assert book.sheetnames == ["Báo cáo 2022-H2", "Hướng dẫn"]
    sheet = book.worksheets[0]
    assert sheet["A1"].value == "BÁO CÁO KẾT QUẢ THỰC HIỆN 6 THÁNG CUỐI NĂM 2022 — SỞ Y TẾ TỈNH KIÊN GIANG"
    assert "Hạn gửi báo cáo: 20/12/2022" in sheet["A2"].value
    headers = [cell.value for cell in sheet[3]]
    column = {name: headers.index(name) + 1 for name in headers}
    assert sheet.freeze_panes == "A4"
    # last period's figures, for reference
    assert sheet.cell(4, column["Tiến độ kỳ trước (%)"]).value == 40 and sheet.cell(4, column["Giá trị đạt kỳ trước"]).value == 8
    # a drop-down of status words, and progress checked between 0 and 100
    rules = {str(rule.sqref): rule for rule in sheet.data_validations.dataValidation}
    status = rules[f"{sheet.cell(4, column['Tình trạng']).coordinate}"]
    assert status.type == "list" and "Đã hoàn thành" in status.formula1 and "Chậm tiến độ" in status.formula1
    progress = rules[f"{sheet.cell(4, column['Tiến độ (%)']).coordinate}"]
    assert (progress.type, progress.operator, progress.formula1, progress.formula2) == ("decimal", "between", "0", "100")
    # identifiers locked, the department's columns open
    assert sheet.protection.sheet
    assert sheet.cell(4, column["Mã nhiệm vụ"]).protection.locked and sheet.cell(4, column["Kỳ báo cáo"]).protection.locked
    assert (
        not sheet.cell(4, column["Tiến độ (%)"]).protection.locked and not sheet.cell(4, column["Tình trạng"]).protection.locked
    )
    notes = [row[0] for row in book["Hướng dẫn"].iter_rows(values_only=True)]
    assert notes[0] == "HƯỚNG DẪN ĐIỀN BÁO CÁO 6 THÁNG CUỐI NĂM 2022" and any(
        "Tiến độ (%): số từ 0 đến 100" in line for line in notes
    )

    sheet.cell(4, column["Giá trị đạt được"]).value = 14
    sheet.cell(4, column["Tình trạng"]).value = "Chậm tiến độ"
    book.save(template)
    actions.ok("report", "import", str(template))
    (row,) = actions.json("report", "list", "--period", "2022-H2")
    assert (row["value"], row["progress"], row["status"]) == (14, 70, "behind")


def test_title_rows_above_the_header_are_accepted(actions, tmp_path):
    rows = [
        ["BÁO CÁO 6 THÁNG CUỐI NĂM 2022"],
        ["Sở Y tế tỉnh Hậu Giang", "", "ngày 10/12/2022"],
        [],
        ["Mã nhiệm vụ", "Kỳ báo cáo", "Tiến độ (%)"],
        ["1", "2022-H2", "30"],
    ]
    write_csv(tmp_path / "tieu-de.csv", rows)
    result = actions.json("report", "import", str(tmp_path / "tieu-de.csv"))
    assert [(row["row"], row["outcome"]) for row in result] == [(5, "added")]  # the spreadsheet's own row number


def test_import_a_folder_each_file_all_or_nothing(actions, tmp_path):
    folder = tmp_path / "nop-ve"
    folder.mkdir()
    for agency in ("syt-hg", "sgtvt-hg"):
        actions.ok("report", "template", "--period", "2022-H2", "--agency", agency, "-o", str(folder / f"{agency}.csv"))
    good, bad = read_csv(folder / "syt-hg.csv"), read_csv(folder / "sgtvt-hg.csv")
    fill(good, 1, progress="60", result="Khám cho 300 lượt người")
    fill(bad, 3, progress="120")
    write_csv(folder / "syt-hg.csv", good)
    write_csv(folder / "sgtvt-hg.csv", bad)
    (folder / "~$syt-hg.xlsx").write_bytes(b"an Excel lock file")
    (folder / "ghi-chu.txt").write_text("not a department file")

    before = digest(actions.db)
    dry = actions("report", "import", str(folder), "--dry-run", "--format", "json")
    assert dry.exit_code == 1 and digest(actions.db) == before
    result = actions("report", "import", str(folder), "--format", "json")
    assert result.exit_code == 1
    import json

    assert json.loads(result.stdout) == [
        {
            "file": "sgtvt-hg.csv",
            "agency": "Sở Giao thông vận tải tỉnh Hậu Giang",
            "added": 0,
            "amended": 0,
            "already": 0,
            "errors": 1,
        },
        {"file": "syt-hg.csv", "agency": "Sở Y tế tỉnh Hậu Giang", "added": 1, "amended": 0, "already": 0, "errors": 0},
    ]
    lines = result.stderr.strip().splitlines()
    assert lines[0] == "Error: nothing imported from sgtvt-hg.csv: errors in 1 of 1 row"
    assert lines[1].startswith("  row 2, column 'Tiến độ (%)': '120' must be a percentage between 0 and 100")
    assert lines[-1].startswith("2 files: 1 refused")
    assert [(row["action_id"], row["progress"]) for row in actions.json("report", "list")] == [(1, 60)]
    table = actions("report", "import", str(folder)).stdout
    assert "syt-hg.csv" in table and "Rows with errors" in table

    empty = tmp_path / "trong"
    empty.mkdir()
    assert "no .xlsx or .csv file" in actions.fails("report", "import", str(empty)).stderr


def test_file_level_refusals(actions, tmp_path):
    assert "no file" in actions.fails("report", "import", str(tmp_path / "none.csv")).stderr
    (tmp_path / "x.txt").write_text("a,b")
    assert "neither .xlsx nor .csv" in actions.fails("report", "import", str(tmp_path / "x.txt")).stderr
    (tmp_path / "latin.csv").write_bytes(b"M\xe3 nhi\xeam v\xf2,K\xec\n1,2022-H1\n")  # a legacy 8-bit code page
    assert "not UTF-8" in actions.fails("report", "import", str(tmp_path / "latin.csv")).stderr
    write_csv(tmp_path / "cols.csv", [["Mã nhiệm vụ", "Ghi chú"], ["1", "x"]])
    assert "'Kỳ báo cáo', 'Tiến độ (%)'" in actions.fails("report", "import", str(tmp_path / "cols.csv")).stderr
    (tmp_path / "fake.xlsx").write_bytes(b"not a workbook")
    assert "cannot read" in actions.fails("report", "import", str(tmp_path / "fake.xlsx")).stderr


def test_row_errors_cover_ids_periods_agencies_and_duplicates(actions, tmp_path):
    header = ["Mã nhiệm vụ", "Kỳ báo cáo", "Cơ quan báo cáo", "Tiến độ (%)", "Tình trạng"]
    rows = [
        header,
        ["abc", "2022-H2", "", "10", ""],
        ["99", "2022-H2", "", "10", ""],
        ["1", "2022-H3", "", "10", ""],
        ["1", "2022-H2", "Sở GTVT", "10", ""],
        ["1", "2022-H2", "", "10", ""],
        ["1", "H2/2022", "syt-hg", "20", ""],
        ["", "2022-H2", "", "10", ""],
        ["'=1+1", "2022-H2", "", "10", ""],
    ]
    write_csv(tmp_path / "bad.csv", rows)
    result = actions("report", "import", str(tmp_path / "bad.csv"))
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()[1:]
    assert [line.split(":")[0].strip() for line in lines] == [
        "row 2, column 'Mã nhiệm vụ'",
        "row 3, column 'Mã nhiệm vụ'",
        "row 4, column 'Kỳ báo cáo'",
        "row 5, column 'Cơ quan báo cáo'",
        "row 7, column 'Mã nhiệm vụ'",
        "row 8, column 'Mã nhiệm vụ'",
        "row 9, column 'Mã nhiệm vụ'",
    ]
    assert "repeats row 6" in lines[4] and "'=1+1' is not an action id" in lines[6]


def test_progress_bar_only_on_a_terminal(monkeypatch):
    import io
    import sys

    from hoptac_cli.cli.report import IMPORT_BAR
    from hoptac_cli.i18n import t
    from hoptac_cli.render.progress import progress

    def _progress(total):  # the bar ``report import`` shows
        return progress(t("title.import"), total, threshold=IMPORT_BAR)

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    # Not a terminal (a pipe, a file): whatever pytest's own stderr is (a terminal under `pytest -s`).
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    with _progress(500) as tick:
        assert tick is None
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    with _progress(10) as tick:
        assert tick is None  # too short to bother
    with _progress(500) as tick:
        for _ in range(500):
            tick()
    assert "Import" in terminal.getvalue()


def test_an_imported_report_follows_a_withdrawn_version_of_its_chain(actions, tmp_path):
    """After a withdrawal, a report filed again by file continues the chain, as ``report add`` does."""
    actions.ok("report", "add", "--action", "1", "--period", "2022-H2", "--progress", "30")
    actions.ok("report", "withdraw", "1", "--reason", "Gửi nhầm kỳ")
    out = tmp_path / "syt-hg.csv"
    actions.ok("report", "template", "--period", "2022-H2", "--agency", "syt-hg", "-o", str(out))
    rows = read_csv(out)
    fill(rows, 1, progress="40", submitted="05/12/2022")
    write_csv(out, rows)
    actions.ok("report", "import", str(out))
    (current,) = [row for row in actions.json("report", "list") if row["action_id"] == 1]
    chain = actions.json("report", "show", str(current["id"]))["history"]
    assert [(row["id"], row["revision"], row["current"]) for row in chain] == [(1, 1, False), (current["id"], 2, True)]
    assert actions.json("report", "show", str(current["id"]))["supersedes_id"] == 1
    assert actions.ok("db", "check").stdout == ""

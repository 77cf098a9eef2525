"""``report remind``: one reminder letter per agency that owes reports, and a list for a mail merge.

In the test programme, 2022-H2 (deadline 20/12/2022) is owed by Sở GTVT Hậu Giang (action 4),
Sở GTVT Kiên Giang (action 5), Sở Y tế Hậu Giang (action 3, cancelled only by the 2023 review)
and Sở Y tế Kiên Giang (action 2).
"""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import EVIL_TITLE

LETTERS = [
    "don-doc-2022-H2-sgtvt-hg.docx",
    "don-doc-2022-H2-sgtvt-kg.docx",
    "don-doc-2022-H2-syt-hg.docx",
    "don-doc-2022-H2-syt-kg.docx",
]


def test_one_letter_per_agency_and_a_mail_merge_list(configured, tmp_path):
    from docx import Document
    from openpyxl import load_workbook

    folder = tmp_path / "nhac"
    result = configured.ok(
        "report",
        "remind",
        "--period",
        "2022-H2",
        "-o",
        str(folder),
        "--date",
        "05/01/2023",
        "--by",
        "15/01/2023",
        "--signer-name",
        "Trần Thị Bình",
    )
    assert sorted(path.name for path in folder.iterdir()) == sorted([*LETTERS, "don-doc-2022-H2.xlsx"])
    assert "Wrote 4 reminder letters (4 actions)" in result.stdout
    assert "Sở Y tế tỉnh Kiên Giang" in result.stdout

    letter = Document(str(folder / "don-doc-2022-H2-syt-kg.docx"))
    heading, table, signature = letter.tables
    left = [p.text for row in heading.rows for p in row.cells[0].paragraphs if p.text]
    assert left[:2] == ["UBND THÀNH PHỐ CẦN THƠ", "SỞ TÀI CHÍNH"]
    assert left[2] == "Số: …/…" and left[3].startswith("V/v đôn đốc gửi báo cáo")  # a letter's number, and its V/v line
    assert heading.rows[1].cells[1].text == "Cần Thơ, ngày 05 tháng 01 năm 2023"
    text = "\n".join(p.text for p in letter.paragraphs)
    assert "Kính gửi: Sở Y tế tỉnh Kiên Giang" in text
    assert "trước ngày 20/12/2022" in text and "trước ngày 15/01/2023" in text and "Trân trọng./." in text
    assert [cell.text for cell in table.rows[1].cells] == ["1", "2", "Đào tạo bác sĩ", "Y tế", "20/12/2022", "16"]
    assert (
        table.rows[0]._tr.find(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}trPr/"
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblHeader"
        )
        is not None
    )
    recipients, signer = signature.rows[0].cells
    assert [p.text for p in recipients.paragraphs] == ["Nơi nhận:", "- Như trên;", "- Lưu: VT, KTĐN."]
    assert [p.text for p in signer.paragraphs if p.text] == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Trần Thị Bình"]
    assert letter.sections[0].page_width.mm == pytest.approx(210, abs=0.1)

    book = load_workbook(folder / "don-doc-2022-H2.xlsx")
    sheet = book.active
    header = [cell.value for cell in sheet[1]]
    assert header == ["Agency", "Formerly", "Action ID", "Action", "Sector", "Deadline", "Days late", "Letter"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [(row[0], row[2]) for row in rows] == [
        ("Sở Giao thông vận tải tỉnh Hậu Giang", 4),
        ("Sở Giao thông vận tải tỉnh Kiên Giang", 5),
        ("Sở Y tế tỉnh Hậu Giang", 3),
        ("Sở Y tế tỉnh Kiên Giang", 2),
    ]
    assert rows[1][3] == EVIL_TITLE and sheet.cell(3, 4).data_type == "s"  # text, never a formula
    assert rows[0][5] == dt.datetime(2022, 12, 20) and rows[0][6] == 16 and rows[0][7] == LETTERS[0]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:H5" and sheet["A1"].font.b


def test_one_agency_markdown_and_refusal_to_overwrite(configured, tmp_path):
    folder = tmp_path / "nhac"
    configured.ok(
        "report",
        "remind",
        "--period",
        "2022-H2",
        "-o",
        str(folder),
        "--agency",
        "Sở Y tế Kiên Giang",
        "--format",
        "md",
        lang="vi",
    )
    assert sorted(path.name for path in folder.iterdir()) == ["don-doc-2022-H2-syt-kg.md", "don-doc-2022-H2.xlsx"]
    letter = (folder / "don-doc-2022-H2-syt-kg.md").read_text(encoding="utf-8")
    assert "Kính gửi: Sở Y tế tỉnh Kiên Giang" in letter and "| 1 | 2 | Đào tạo bác sĩ | Y tế | 20/12/2022 | 1436 |" in letter

    before = {path.name: path.read_bytes() for path in folder.iterdir()}
    refused = configured.fails("report", "remind", "--period", "2022-H2", "-o", str(folder), "--format", "md")
    assert "don-doc-2022-H2" in refused.stderr and "--force" in refused.stderr
    assert {path.name: path.read_bytes() for path in folder.iterdir()} == before  # nothing written, not even the others
    configured.ok("report", "remind", "--period", "2022-H2", "-o", str(folder), "--format", "md", "--force")
    assert len(list(folder.iterdir())) == 5


def test_nobody_owes_nothing_written(programme, tmp_path):
    folder = tmp_path / "nhac"
    programme.ok("report", "add", "--action", "5", "--period", "2022-H1", "--progress", "5", "--submitted", "30/06/2022")
    result = programme.ok("report", "remind", "--period", "2022-H1", "-o", str(folder))
    assert "No agency owes a report for 2022 H1" in result.stdout and not folder.exists()
    # Sở Y tế Hậu Giang's actions were done in 2022 or cancelled by the 2023 review
    result = programme.ok("report", "remind", "--period", "2024-H1", "--agency", "syt-hg", "-o", str(folder))
    assert "No agency owes" in result.stdout and not folder.exists()


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (("--period", "2022-H2", "-o", "{tmp}/nhac", "--format", "pdf"), "pdf"),
        (("--period", "2022-H9", "-o", "{tmp}/nhac"), "2022-H9"),
        (("--period", "2022-H2", "-o", "{tmp}/programme.db"), "programme.db"),
        (("--period", "2022-H2", "-o", "{tmp}/no/such/folder"), "folder"),
        (("--period", "2022-H2", "-o", "{tmp}/nhac", "--agency", "khong-co"), "khong-co"),
        (("--period", "2022-H2", "-o", "{tmp}/nhac", "--by", "01/01/2020"), "01/01/2020"),
    ],
)
def test_bad_input_writes_nothing(programme, tmp_path, args, named):
    result = programme.fails("report", "remind", *(arg.format(tmp=tmp_path) for arg in args))
    assert named in result.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == ["programme.db"]

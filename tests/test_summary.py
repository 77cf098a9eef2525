"""``hoptac summary``: the consolidated report, as Markdown and .docx from one model."""

from __future__ import annotations

import pytest
from test_status import _programme_bytes, programme  # noqa: F401 - fixtures

OUTLINE = [
    "I. TÌNH HÌNH TRIỂN KHAI",
    "II. KẾT QUẢ THỰC HIỆN THEO LĨNH VỰC",
    "III. ĐÁNH GIÁ CHUNG",
    "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI",
    "V. KIẾN NGHỊ, ĐỀ XUẤT",
    "PHỤ LỤC: TÌNH HÌNH THỰC HIỆN CÁC NỘI DUNG HỢP TÁC",
]


def test_markdown_report_has_the_outline_and_the_gaps(programme, tmp_path):
    out = tmp_path / "bao-cao.md"
    result = programme.ok("summary", "--period", "2022-H2", "-o", str(out))
    assert str(out) in result.stdout
    text = out.read_text(encoding="utf-8")
    positions = [text.index(f"## {heading}") for heading in OUTLINE]
    assert positions == sorted(positions)
    assert "6 tháng cuối năm 2022" in text
    # I: figures as of 31/12/2022 — the same as `status --period 2022-H2`
    assert "đã nhận 1/4 báo cáo" in text
    # II: sector by sector, with the indicator value
    assert "### 3. Công nghiệp\n\nChưa có nhiệm vụ" in text
    assert "đạt 20/20 em" in text
    # III: empty sector, overdue bridge, missing reports by lead agency; the causes left to the author
    assert "Lĩnh vực chưa có nhiệm vụ cụ thể: Công nghiệp." in text
    assert "Quá hạn: Cầu Cái Tư" in text and "hạn 30/06/2022" in text
    assert "Chưa gửi báo cáo kỳ này: Sở Y tế tỉnh Kiên Giang — nhiệm vụ 2 (Đào tạo bác sĩ)" in text
    assert "Chưa gửi báo cáo kỳ này: Sở Giao thông vận tải tỉnh Hậu Giang" in text
    assert "*[Phần này do người soạn báo cáo bổ sung.]*" in text
    # IV: nothing falls due in 2023-H1 in this programme
    assert "6 tháng đầu năm 2023" in text and "Không có nhiệm vụ đến hạn trong kỳ tới." in text
    # annex: one row per action plus the empty sector
    annex = text[text.index("| STT |"):]
    assert annex.splitlines()[0] == "| STT | Lĩnh vực | Nội dung hợp tác | Chủ trì | Phối hợp | Thời gian | Kết quả | Tình trạng | Khó khăn | Đề xuất |"
    assert len([line for line in annex.splitlines() if line.startswith("| ") and not line.startswith("| STT")]) == 6


def test_proposals_and_next_period(programme, tmp_path):
    out = tmp_path / "bao-cao.md"
    programme.ok("summary", "--period", "2022-H1", "-o", str(out))
    text = out.read_text(encoding="utf-8")
    five = text[text.index("## V."):text.index("## PHỤ LỤC")]
    assert "Sở Giao thông vận tải tỉnh Hậu Giang (Cầu Cái Tư): Đề nghị bố trí vốn trung hạn" in five
    four = text[text.index("## IV."):text.index("## V.")]
    assert "Khám sàng lọc tim" in four and "hạn 31/12/2022" in four
    assert "10 em được phẫu thuật" in text


def test_docx_opens_with_the_same_headings_and_annex(programme, tmp_path):
    from docx import Document

    md, docx_path = tmp_path / "r.md", tmp_path / "r.docx"
    programme.ok("summary", "--period", "2022-H2", "-o", str(md))
    programme.ok("summary", "--period", "2022-H2", "-o", str(docx_path))
    document = Document(str(docx_path))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    for heading in OUTLINE:
        assert heading in headings
    assert headings[0] == "BÁO CÁO"
    (table,) = document.tables
    assert [cell.text for cell in table.rows[0].cells][:3] == ["STT", "Lĩnh vực", "Nội dung hợp tác"]
    assert len(table.rows) == 7
    body = "\n".join(p.text for p in document.paragraphs)
    markdown = md.read_text(encoding="utf-8")
    # one model: every bullet of the Markdown is a paragraph of the .docx
    bullets = [line[2:] for line in markdown.splitlines() if line.startswith("- ")]
    assert bullets and all(bullet in body for bullet in bullets)


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (("--period", "2022-H2", "-o", "{tmp}/r.pdf"), "r.pdf"),
        (("--period", "2022-H5", "-o", "{tmp}/r.md"), "2022-H5"),
        (("--period", "2022-H2", "-o", "{tmp}/nowhere/r.md"), "nowhere"),
        (("--period", "2022-H2", "--agreement", "khac", "-o", "{tmp}/r.docx"), "khac"),
    ],
)
def test_bad_input_writes_nothing(programme, tmp_path, args, named):
    result = programme.fails("summary", *(arg.format(tmp=tmp_path) for arg in args))
    assert named in result.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == ["programme.db"]

"""``hoptac summary``: the consolidated report, as Markdown and .docx from one model."""

from __future__ import annotations

import pytest

OUTLINE = [
    "I. TÌNH HÌNH TRIỂN KHAI",
    "II. KẾT QUẢ THỰC HIỆN THEO LĨNH VỰC",
    "III. ĐÁNH GIÁ CHUNG",
    "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI",
    "V. KIẾN NGHỊ, ĐỀ XUẤT",
    "Phụ lục",
]


def test_markdown_report_has_the_outline_and_the_gaps(programme, tmp_path):
    out = tmp_path / "bao-cao.md"
    result = programme.ok("summary", "--period", "2022-H2", "-o", str(out))
    assert str(out) in result.stdout
    text = out.read_text(encoding="utf-8")
    positions = [text.index(f"## {heading}") for heading in OUTLINE]
    assert positions == sorted(positions)
    assert "6 tháng cuối năm 2022" in text
    # I: figures as of 31/12/2022 — the same as `status --period 2022-H2` (action 3 was not cancelled yet)
    assert "đã nhận 1/5 báo cáo" in text
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
    # annex: a group row per sector, one row per action, and a line for the empty sector
    annex = text[text.index("| STT |") :]
    assert annex.splitlines()[0] == (
        "| STT | Nội dung hợp tác | Chủ trì | Phối hợp | Thời gian | Tiến độ (%) | Kết quả | Tình trạng "
        "| Khó khăn, vướng mắc | Đề xuất, kiến nghị |"
    )
    rows = [line for line in annex.splitlines() if line.startswith("| ") and not line.startswith("| STT")]
    assert [row for row in rows if row.startswith("| **")] == [
        "| **I** | **Y tế** |  |  |  |  |  |  |  |  |",
        "| **II** | **Giao thông** |  |  |  |  |  |  |  |  |",
        "| **III** | **Công nghiệp** |  |  |  |  |  |  |  |  |",
    ]
    assert len(rows) == 3 + 5 + 1
    assert (
        "| 1 | Khám sàng lọc tim | Sở Y tế tỉnh Hậu Giang | Sở Y tế tỉnh Kiên Giang | 01/01/2022 –<br>31/12/2022 | 100 | Đạt 20/20 em (lũy kế) |"
        in annex
    )


def test_proposals_and_next_period(programme, tmp_path):
    out = tmp_path / "bao-cao.md"
    programme.ok("summary", "--period", "2022-H1", "-o", str(out))
    text = out.read_text(encoding="utf-8")
    five = text[text.index("## V.") : text.index("## Phụ lục")]
    assert "Sở Giao thông vận tải tỉnh Hậu Giang (Cầu Cái Tư): Đề nghị bố trí vốn trung hạn" in five
    four = text[text.index("## IV.") : text.index("## V.")]
    assert "Khám sàng lọc tim" in four and "hạn 31/12/2022" in four
    assert "10 em được phẫu thuật" in text


def test_indicators_read_naturally(programme, tmp_path):
    programme.ok(
        "action",
        "add",
        "Học bổng",
        "--sector",
        "y-te",
        "--lead",
        "syt-hg",
        "--unit",
        "suất",
        "--target",
        "12",
        "--due",
        "31/12/2025",
    )
    out = tmp_path / "r.md"
    programme.ok("summary", "--period", "2022-H1", "-o", str(out))
    text = out.read_text(encoding="utf-8")
    assert "Khám sàng lọc tim (chủ trì: Sở Y tế tỉnh Hậu Giang): đang thực hiện, tiến độ 50%; đạt 10/20 em (lũy kế)." in text
    # nothing reported against the target: no "đạt 0/12 suất"
    (line,) = [line for line in text.splitlines() if line.startswith("- Học bổng")]
    assert "đạt" not in line and "0/12" not in text
    # the body's last sentence ends as Decree 30 ends a text
    five = text[text.index("## V.") : text.index("| ***Nơi nhận:***")]
    assert five.rstrip().endswith("./.")


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (("--period", "2022-H2", "-o", "{tmp}/r.pdf"), "r.pdf"),
        (("--period", "2022-H5", "-o", "{tmp}/r.md"), "2022-H5"),
        (("--period", "2022-H2", "-o", "{tmp}/nowhere/r.md"), "nowhere"),
        (("--period", "2022-H2", "--agreement", "khac", "-o", "{tmp}/r.docx"), "khac"),
        (("--period", "2022-H2", "--number", "5/BC", "-o", "{tmp}/r.docx"), "5/BC"),
        (("--period", "2022-H2", "--date", "31/02/2023", "-o", "{tmp}/r.docx"), "31/02/2023"),
        (("--period", "2022-H2", "--signer-authority", "Thay mặt UBND", "-o", "{tmp}/r.docx"), "TM."),
        (("--period", "2022-H2", "--number-pattern", "BC-STC", "-o", "{tmp}/r.docx"), "{number}"),
    ],
)
def test_bad_input_writes_nothing(programme, tmp_path, args, named):
    result = programme.fails("summary", *(arg.format(tmp=tmp_path) for arg in args))
    assert named in result.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == ["programme.db"]

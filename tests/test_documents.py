"""The consolidated report as an administrative document (Decree 30/2020/NĐ-CP, Appendix I),
and the settings that say who issues it."""

from __future__ import annotations

import re

import pytest

TNR = "Times New Roman"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DATE = re.compile(r"\d{2}/\d{2}/\d{4}")
NUMBER = re.compile(r"^\d[\d.,]*%?$")
#: Times digit and separator widths (em): a conservative check independent of the renderer's
DIGIT_EM, SEPARATOR_EM = 0.5, 0.278


def _texts(cell):
    return [p.text for p in cell.paragraphs if p.text]


def _size(paragraph):
    sizes = {run.font.size.pt for run in paragraph.runs if run.font.size}
    return sizes.pop() if len(sizes) == 1 else None


def test_docx_follows_decree_30(configured, tmp_path):
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    out = tmp_path / "bao-cao.docx"
    configured.ok("summary", "--period", "2022-H2", "--number", "5", "--date", "05/01/2023", "-o", str(out))
    document = Document(str(out))

    # A4 portrait, margins within the decree's ranges
    first = document.sections[0]
    assert (round(first.page_width.mm), round(first.page_height.mm)) == (210, 297)
    assert 20 <= round(first.top_margin.mm) <= 25 and 20 <= round(first.bottom_margin.mm) <= 25
    assert 30 <= round(first.left_margin.mm) <= 35 and 15 <= round(first.right_margin.mm) <= 20

    # page numbers centred in the top margin, not on page 1
    assert first.different_first_page_header_footer
    assert not "".join(p.text for p in first.first_page_header.paragraphs).strip()
    number = first.header.paragraphs[0]
    assert number.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert "PAGE" in "".join(node.text for node in number._p.iter(f"{W}instrText"))

    # Times New Roman and black everywhere: no theme font or colour left to win over them
    for part in (document.styles.element, document.element):
        for fonts in part.iter(f"{W}rFonts"):
            assert not any(name.endswith("Theme") or name.endswith("theme") for name in fonts.attrib), fonts.attrib
            assert fonts.get(f"{W}ascii") in (None, TNR)
        for color in part.iter(f"{W}color"):
            assert color.get(f"{W}val") in ("000000", "auto") and color.get(f"{W}themeColor") is None
    assert document.styles["Normal"].font.name == TNR

    # the heading table
    heading, signature, annex = document.tables
    left, right = heading.rows[0].cells
    governing, issuing = left.paragraphs[0], left.paragraphs[1]
    assert governing.text == "UBND THÀNH PHỐ CẦN THƠ" and not any(run.bold for run in governing.runs)
    assert issuing.text == "SỞ TÀI CHÍNH" and all(run.bold for run in issuing.runs)
    assert left.paragraphs[2]._p.find(f"{W}pPr/{W}pBdr/{W}bottom") is not None  # the short rule
    assert _texts(heading.rows[1].cells[0]) == ["Số: 05/BC-STC"]
    motto, independence = right.paragraphs[0], right.paragraphs[1]
    assert motto.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and all(run.bold for run in motto.runs)
    assert independence.text == "Độc lập - Tự do - Hạnh phúc" and all(run.bold for run in independence.runs)
    assert right.paragraphs[2]._p.find(f"{W}pPr/{W}pBdr/{W}bottom") is not None
    (date_line,) = heading.rows[1].cells[1].paragraphs
    assert date_line.text == "Cần Thơ, ngày 05 tháng 01 năm 2023" and all(run.italic for run in date_line.runs)

    # type and summary line, then the body: 14 pt, justified, first-line indent, ≥ 6 pt apart
    body = [p for p in document.paragraphs if p.text]
    kind, subject = body[0], body[1]
    assert kind.text == "BÁO CÁO" and kind.alignment == WD_ALIGN_PARAGRAPH.CENTER and all(run.bold for run in kind.runs)
    assert subject.text.startswith("Kết quả 6 tháng cuối năm 2022 thực hiện Chương trình thử")
    assert subject.alignment == WD_ALIGN_PARAGRAPH.CENTER and all(run.bold for run in subject.runs)
    text = [p for p in body[2:] if p.text != "Phụ lục"][: body.index(next(p for p in body if p.text == "Phụ lục")) - 2]
    assert text[0].text.startswith("Thực hiện Chương trình thử, Sở Tài chính báo cáo")
    for paragraph in text:
        fmt = paragraph.paragraph_format
        assert paragraph.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY, paragraph.text
        assert 1.0 <= fmt.first_line_indent.cm <= 1.27 + 1e-6
        assert fmt.space_after.pt >= 6 and 1.0 <= fmt.line_spacing <= 1.5
        assert _size(paragraph) in (13, 14)
    headings = [p.text for p in text if all(run.bold for run in p.runs)]
    assert headings[:2] == ["I. TÌNH HÌNH TRIỂN KHAI", "II. KẾT QUẢ THỰC HIỆN THEO LĨNH VỰC"]

    # signature block and recipients
    recipients, signer = signature.rows[0].cells
    where = recipients.paragraphs[0]
    assert where.text == "Nơi nhận:" and all(run.bold and run.italic for run in where.runs) and _size(where) == 12
    assert _texts(recipients)[1:] == ["- Ban Chỉ đạo;", "- UBND tỉnh An Giang;", "- Lưu: VT, KTĐN."]
    assert _texts(signer) == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn An"]
    assert all(run.bold for p in signer.paragraphs for run in p.runs)

    # the annex: a landscape section, "Phụ lục", a header row repeated on every page
    wide = document.sections[1]
    assert wide.orientation == WD_ORIENT.LANDSCAPE and wide.page_width > wide.page_height
    assert not wide.different_first_page_header_footer  # the annex's first page is numbered
    assert "Phụ lục" in [p.text for p in document.paragraphs]
    assert "(Kèm theo Báo cáo số 05/BC-STC ngày 05/01/2023 của Sở Tài chính)" in [p.text for p in document.paragraphs]
    assert annex.rows[0]._tr.find(f"{W}trPr/{W}tblHeader") is not None
    assert annex.rows[0].cells[5].text == "Tiến độ (%)"
    progress = [row.cells[5] for row in annex.rows[1:] if NUMBER.match(row.cells[5].text)]
    assert progress and all(cell.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT for cell in progress)

    # Word checks the schema's element order: one fixed layout per table, before tblLook
    for properties in document.element.iter(f"{W}tblPr"):
        names = [child.tag.removeprefix(W) for child in properties]
        assert names.count("tblLayout") == 1 and names.index("tblLayout") < names.index("tblLook"), names

    # no cell is too narrow for a date or a number it holds
    checked = 0
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                words = [w for w in cell.text.split() if DATE.search(w) or NUMBER.match(w)]
                if not words:
                    continue
                sizes = [run.font.size.pt for p in cell.paragraphs for run in p.runs if run.font.size] or [14]
                room = cell.width.pt - 2 * 0.19 / 2.54 * 72
                for word in words:
                    digits = sum(ch.isdigit() for ch in word)
                    needed = (digits * DIGIT_EM + (len(word) - digits) * SEPARATOR_EM) * max(sizes)
                    assert needed <= room, (word, needed, room)
                    checked += 1
    assert checked > 10


def test_markdown_carries_what_the_docx_says(configured, tmp_path):
    from docx import Document

    md, docx = tmp_path / "r.md", tmp_path / "r.docx"
    for out in (md, docx):
        configured.ok("summary", "--period", "2022-H2", "--date", "05/01/2023", "-o", str(out))
    markdown = md.read_text(encoding="utf-8").replace("**", "").replace("*", "").replace("<br>", "\n").replace("\\|", "|")
    document = Document(str(docx))
    paragraphs = [p.text for p in document.paragraphs] + [
        p.text for table in document.tables for row in table.rows for cell in row.cells for p in cell.paragraphs
    ]
    missing = [
        text for text in paragraphs if text.strip() and text.replace("\n", "<br>") not in markdown and text not in markdown
    ]
    assert not missing
    assert markdown.index("BÁO CÁO") < markdown.index("I. TÌNH HÌNH") < markdown.index("Nơi nhận:") < markdown.index("Phụ lục")


def test_settings_database_agreement_and_document(programme, tmp_path):
    h = programme
    listed = {row["key"]: row for row in h.json("settings")}
    assert listed["issuing_body"]["source"] == "unset" and listed["archive"] == {
        **listed["archive"],
        "value": "VT",
        "source": "default",
    }
    h.ok("settings", "co-quan-ban-hanh", "Sở  Kế hoạch và Đầu tư")  # a Vietnamese name for the key, spaces tidied
    assert h.ok("settings", "issuing_body").stdout == "Sở Kế hoạch và Đầu tư\n"
    h.ok("settings", "recipients", "--", "- Ban Chỉ đạo;\n- UBND tỉnh Kiên Giang;")  # as pasted from a letter
    assert h.ok("settings", "recipients").stdout == "Ban Chỉ đạo; UBND tỉnh Kiên Giang\n"
    h.ok("agreement", "update", "thu", "--issuing-body", "Sở Tài chính", "--recipient", "Ban Chỉ đạo")
    seen = {row["key"]: row for row in h.json("settings", "--agreement", "thu")}
    assert (seen["issuing_body"]["value"], seen["issuing_body"]["source"]) == ("Sở Tài chính", "agreement")
    assert h.json("settings")[1]["value"] == "Sở Kế hoạch và Đầu tư"  # the database's own value is kept

    out = tmp_path / "r.md"
    result = h.ok("summary", "--period", "2022-H2", "-o", str(out), "--place", "Vị Thanh", "--date", "15/06/2023")
    text = out.read_text(encoding="utf-8")
    assert "**SỞ TÀI CHÍNH**" in text and "*Vị Thanh, ngày 15 tháng 6 năm 2023*" in text
    assert "- Ban Chỉ đạo;<br>- Lưu: VT." in text and "Kiên Giang;" not in text.split("Nơi nhận")[1]
    # what is still unset is said once, and shown as "…" for the author
    assert "signer_title, signer_name" in result.stderr and "Số: …/BC-…" in text and "**…**" in text

    h.ok("agreement", "update", "thu", "--clear", "issuing_body")
    h.ok("summary", "--period", "2022-H2", "-o", str(out), "--issuing-body", "Văn phòng UBND tỉnh", "--force")
    assert "**VĂN PHÒNG UBND TỈNH**" in out.read_text(encoding="utf-8")
    h.ok("settings", "recipients", "--unset")
    assert h.ok("settings", "recipients").stdout.strip() == "recipients is not set"


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (("settings", "isuing_body", "Sở Tài chính"), "did you mean issuing_body?"),
        (("settings", "signer_authority", "Thay mặt UBND"), "TM., KT., TL., TUQ., Q."),
        (("settings", "number_pattern", "BC-STC"), "{number}/BC-STC"),
        (("settings", "place", "   "), "--unset"),
        (("settings", "place", "--unset"), "place is not set"),
        (("settings", "place", "Cần Thơ", "--unset"), "--unset"),
        (("settings", "place", "Cần Thơ", "--agreement", "khac"), "khac"),
        (("agreement", "update", "thu", "--clear", "place"), "place is not set"),
        (("agreement", "update", "thu", "--signer-authority", "Ký thay"), "TM."),
    ],
)
def test_bad_settings_are_refused(programme, args, named):
    assert named in programme.fails(*args).stderr


def test_settings_speak_vietnamese(programme):
    result = programme.fails("settings", "dia danh x", "Cần Thơ", lang="vi")
    assert "'dia danh x' không phải khóa thiết lập (có phải place?)" in result.stderr
    assert "Địa danh ghi ngày tháng" in programme.ok("settings", lang="vi").stdout


def test_names_are_the_parties_and_agencies_as_they_are_on_the_date(programme, tmp_path):
    h = programme
    h.ok("party", "add", "Cần Thơ", "--kind", "city")
    h.ok("agency", "add", "Sở Xây dựng thành phố Cần Thơ", "--party", "can-tho", "--slug", "sxd-ct")
    h.ok("party", "merge", "hau-giang", "--into", "can-tho", "--on", "01/07/2025")
    h.ok("agency", "merge", "sgtvt-hg", "--into", "sxd-ct", "--on", "01/07/2025")
    out = tmp_path / "r.md"
    h.ok("summary", "--period", "2022-H2", "-o", str(out))  # dated today, 25/11/2026
    now = out.read_text(encoding="utf-8")
    assert "Các bên tham gia: Cần Thơ (trước đây: Hậu Giang), Kiên Giang." in now
    assert "Cầu Cái Tư (chủ trì: Sở Xây dựng thành phố Cần Thơ)" in now
    assert "Chưa gửi báo cáo kỳ này: Sở Xây dựng thành phố Cần Thơ" in now
    h.ok("summary", "--period", "2022-H2", "--date", "10/01/2023", "-o", str(out), "--force")
    then = out.read_text(encoding="utf-8")
    assert (
        "Các bên tham gia: Hậu Giang, Kiên Giang." in then
        and "Cầu Cái Tư (chủ trì: Sở Giao thông vận tải tỉnh Hậu Giang)" in then
    )

"""Administrative documents as .docx, laid out as Decree 30/2020/NĐ-CP (Appendix I) asks.

- A4, margins top/bottom 20 mm, left 30 mm, right 15 mm; Times New Roman everywhere, black
  (Word's theme fonts and colours are removed from every style); page numbers centred in the
  top margin from page 2.
- The heading table: governing body (capitals) over the issuing body (capitals, bold, short rule)
  and "Số: …" on the left; the national motto (bold, rule as long as the motto) and the place and
  date (italic) on the right.
- Body 14 pt, justified, first-line indent 1.27 cm, 6 pt after each paragraph, line spacing 1.15.
- Signature block (authority, title, name) beside "Nơi nhận:" (bold italic 12 pt; recipients
  11 pt, "- …;" each, ending "- Lưu: …").
- An annex in its own landscape section: "Phụ lục", its title, the document it accompanies,
  then a table whose header row repeats on every page and whose columns are wide enough for the
  longest date or number they hold (``render.metrics``), numbers right-aligned.
"""

from __future__ import annotations

import functools
import re
from typing import IO, Any

from hoptac_cli.domain.official import BLANK, MOTTO, Block, Document, Table
from hoptac_cli.render.metrics import longest_word, text_width

FONT = "Times New Roman"
BODY_PT = 14
TABLE_PT = 12
ANNEX_PT = 11
INDENT_CM = 1.27
#: page geometry in millimetres (Decree 30: top/bottom 20-25, left 30-35, right 15-20)
PAGE = {"width": 210, "height": 297, "top": 20, "bottom": 20, "left": 30, "right": 15, "header": 10}
#: a table cell's default left + right margins in Word and LibreOffice (0.19 cm each), in points
CELL_PADDING_PT = 2 * 0.19 / 2.54 * 72
#: share of the text width taken by the left column of the heading and signature tables
HEADING_LEFT = 0.40
SIGNATURE_LEFT = 0.45
#: a word that must never break: a date, a number, a percentage
UNBREAKABLE = re.compile(r"^[(\[]?[\d][\d.,/%:\-–]*[)\].,;]?$")


def write(document: Document, stream: IO[bytes]) -> None:
    """Write ``document`` as .docx to ``stream``."""
    from docx import Document as NewDocx

    _PROTOTYPES.clear()
    docx = NewDocx()
    _fonts(docx)
    section = docx.sections[0]
    _page(section, landscape=False)
    section.different_first_page_header_footer = True
    _page_number(section)
    text_width_pt = _usable_width(landscape=False)

    _heading_table(docx, document, text_width_pt)
    if document.type_name:
        _paragraph(docx, document.type_name, bold=True, align="center", before=18, after=0)
        _paragraph(docx, document.subject, bold=True, align="center", after=0)
        _rule(docx, text_width_pt / 3, text_width_pt, after=10)
    for addressee in document.addressees[:1]:
        _paragraph(docx, f"Kính gửi: {addressee}", align="center", before=12, after=12)
    for block in document.body:
        _block(docx, block, text_width_pt, TABLE_PT)
    _signature_table(docx, document, text_width_pt)

    if document.annex:
        from docx.enum.section import WD_SECTION

        annex = document.annex
        section = docx.add_section(WD_SECTION.NEW_PAGE)
        _page(section, landscape=annex.landscape)
        section.different_first_page_header_footer = False
        wide = _usable_width(landscape=annex.landscape)
        _paragraph(docx, "Phụ lục", bold=True, align="center", after=0)
        _paragraph(docx, annex.title, bold=True, align="center", after=0)
        _paragraph(docx, annex.reference, italic=True, align="center", after=0)
        _rule(docx, wide / 6, wide, after=10)
        for block in annex.blocks:
            _block(docx, block, wide, ANNEX_PT)
    docx.save(stream)


# page, fonts, fields -------------------------------------------------------------------------


def _usable_width(*, landscape: bool) -> float:
    across = PAGE["height"] if landscape else PAGE["width"]
    return (across - PAGE["left"] - PAGE["right"]) / 25.4 * 72


def _page(section: Any, *, landscape: bool) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    width, height = (PAGE["height"], PAGE["width"]) if landscape else (PAGE["width"], PAGE["height"])
    section.page_width, section.page_height = Mm(width), Mm(height)
    section.top_margin, section.bottom_margin = Mm(PAGE["top"]), Mm(PAGE["bottom"])
    section.left_margin, section.right_margin = Mm(PAGE["left"]), Mm(PAGE["right"])
    section.header_distance = section.footer_distance = Mm(PAGE["header"])


def _fonts(docx: Any) -> None:
    """Times New Roman and black in the document defaults and every style: the default template's
    theme fonts (Calibri, Calibri Light) and theme colours (blue headings) would win otherwise."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    styles = docx.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    run_defaults = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    if run_defaults.find(qn("w:rFonts")) is None:
        run_defaults.insert(0, OxmlElement("w:rFonts"))
    for fonts in styles.iter(qn("w:rFonts")):
        for name in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
            fonts.attrib.pop(qn(f"w:{name}"), None)
        for name in ("ascii", "hAnsi", "cs", "eastAsia"):
            fonts.set(qn(f"w:{name}"), FONT)
    for color in styles.iter(qn("w:color")):
        for name in ("themeColor", "themeShade", "themeTint"):
            color.attrib.pop(qn(f"w:{name}"), None)
        color.set(qn("w:val"), "000000")
    normal = docx.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    # East Asian and complex-script slots too, so no character falls back to another font.
    normal_fonts = normal.element.rPr.rFonts
    for name in ("cs", "eastAsia"):
        normal_fonts.set(qn(f"w:{name}"), FONT)


def _page_number(section: Any) -> None:
    """A centred PAGE field in the header; the first page has its own, empty header."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "2"), ("end", None)):
        run = paragraph.add_run()
        run.font.size = Pt(BODY_PT)
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif text == " PAGE ":
            instruction = OxmlElement("w:instrText")
            instruction.set(qn("xml:space"), "preserve")
            instruction.text = text
            run._r.append(instruction)
        else:
            run.text = text


# paragraphs ----------------------------------------------------------------------------------

_ALIGN = {"left": "LEFT", "center": "CENTER", "right": "RIGHT", "justify": "JUSTIFY"}


def _paragraph(
    container: Any,
    text: str,
    *,
    size: float = BODY_PT,
    bold: bool = False,
    italic: bool = False,
    align: str = "justify",
    indent: bool = False,
    before: float = 0,
    after: float = 6,
    spacing: float = 1.0,
    reuse: bool = False,
) -> Any:
    """One paragraph; ``reuse`` fills a new table cell's empty first paragraph instead.

    A new paragraph formatted like an earlier one is a copy of that one's properties (and of
    its run's, with this text): the report on a national programme has hundreds of them, and
    python-docx took about a millisecond to format each. The XML is the same."""
    import copy

    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt
    from docx.text.paragraph import Paragraph

    key = (size, bold, italic, align, indent, before, after, spacing)
    known = None if reuse else _PROTOTYPES.get(key)
    if known is not None and (known[1] is not None or not text):
        properties, run = known
        body = getattr(container, "_body", container)  # a document adds to its body, a cell to itself
        element = body._element.add_p()  # where python-docx puts a new paragraph
        element.append(copy.deepcopy(properties))
        if text:
            from hoptac_cli.domain.text import clean

            element.append(_filled(run, clean(text)))
        return Paragraph(element, body)
    paragraph = container.paragraphs[0] if reuse else container.add_paragraph()
    paragraph.alignment = getattr(WD_ALIGN_PARAGRAPH, _ALIGN[align])
    fmt = paragraph.paragraph_format
    fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(before), Pt(after), spacing
    if indent:
        fmt.first_line_indent = Cm(INDENT_CM)
    if text:
        from hoptac_cli.domain.text import clean  # text stored before cleaning at the door may hold controls Word refuses

        run = paragraph.add_run(clean(text))
        run.font.size = Pt(size)
        run.bold, run.italic = bold, italic
    if not reuse:
        prototype = None
        if text:
            prototype = copy.deepcopy(run._r)
            prototype.text = ""
        if key not in _PROTOTYPES or _PROTOTYPES[key][1] is None:
            _PROTOTYPES[key] = (copy.deepcopy(paragraph._p.pPr), prototype)
    return paragraph


#: paragraph properties and a formatted empty run per formatting, for the document being written
_PROTOTYPES: dict[tuple, tuple[Any, Any]] = {}


def _rule(container: Any, length_pt: float, space_pt: float, *, reuse: bool = False, after: float = 2) -> None:
    """A centred horizontal rule ``length_pt`` long: an empty paragraph with a bottom border,
    indented on both sides within ``space_pt``."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    paragraph = _paragraph(container, "", align="center", after=after, reuse=reuse)
    side = max(0.0, (space_pt - length_pt) / 2)
    fmt = paragraph.paragraph_format
    fmt.left_indent = fmt.right_indent = Pt(side)
    fmt.line_spacing = Pt(6)  # a length: exactly 6 pt, so the rule sits a little under the text
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for name, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "000000")):
        bottom.set(qn(f"w:{name}"), value)
    borders.append(bottom)
    properties = paragraph._p.get_or_add_pPr()
    # pBdr must come before the spacing and indentation elements in pPr
    anchor = properties.find(qn("w:spacing"))
    if anchor is None:
        properties.append(borders)
    else:
        anchor.addprevious(borders)


def _block(docx: Any, block: Block, width_pt: float, table_pt: float) -> None:
    if block.kind == "heading":
        _paragraph(docx, block.text, bold=True, indent=True, before=6, after=6, spacing=1.15)
    elif block.kind == "paragraph":
        _paragraph(docx, block.text, italic=block.note, indent=True, spacing=1.15)
    elif block.kind == "bullets":
        for item in block.items:
            _paragraph(docx, f"- {item}", indent=True, spacing=1.15)
    elif block.kind == "table" and block.table is not None:
        _table(docx, block.table, width_pt, table_pt)
        _paragraph(docx, "", after=0, spacing=0.5)  # air between the table and what follows


# tables --------------------------------------------------------------------------------------


def column_widths(table: Table, total_pt: float, size: float) -> list[float]:
    """Column widths in points: each at least as wide as its widest date, number or header word
    (plus cell padding), long text words allowed to wrap, the spare width shared by weight."""
    floors, wants = [], []
    cap = total_pt * 0.15
    known: dict[str, float] = {}  # an annex repeats its dates, numbers, statuses and words: measure each once

    def width_of(text: str) -> float:
        width = known.get(text)
        if width is None:
            width = known[text] = text_width(text, size)
        return width

    for index, column in enumerate(table.columns):
        floor = longest_word(column.header, size, bold=True)
        # a text column is at least wide enough for its header on two lines, even when empty
        want = max(floor, text_width(column.header, size, bold=True) / 2 if column.weight else 0)
        for row in table.rows:
            if row.group or index >= len(row.cells):
                continue
            for word in row.cells[index].split():
                width = width_of(word)
                if UNBREAKABLE.match(word) or column.weight == 0:
                    floor = max(floor, width)
                want = max(want, min(width, cap))
            if column.weight == 0:  # short columns (numbers, dates, statuses) keep each line whole
                for line in row.cells[index].split("\n"):
                    want = max(want, min(width_of(line), cap))
        floors.append(floor + CELL_PADDING_PT + 1)
        wants.append(max(floor, want) + CELL_PADDING_PT + 1)
    widths = list(wants)
    excess = sum(widths) - total_pt
    if excess > 0:  # let long words of text columns wrap, never a date or a number
        give = [want - floor for want, floor in zip(wants, floors)]
        if sum(give) > 0:
            share = min(1.0, excess / sum(give))
            widths = [want - room * share for want, room in zip(wants, give)]
    spare = total_pt - sum(widths)
    # Columns that hold more text get more of the spare width; an empty one little of it.
    weights = [
        column.weight
        * (len(column.header) + sum(len(row.cells[index]) for row in table.rows if not row.group and index < len(row.cells)))
        ** 0.5
        for index, column in enumerate(table.columns)
    ]
    if spare > 0 and sum(weights) > 0:
        widths = [width + spare * weight / sum(weights) for width, weight in zip(widths, weights)]
    return widths


def _table(docx: Any, table: Table, total_pt: float, size: float) -> None:
    from docx.oxml import OxmlElement
    from docx.shared import Pt

    widths = column_widths(table, total_pt, size)
    grid = docx.add_table(rows=1, cols=len(table.columns))
    grid.style = "Table Grid"
    _fixed(grid, widths)
    for column, width in zip(grid.columns, widths):
        column.width = Pt(width)
    header = grid.rows[0]
    properties = header._tr.get_or_add_trPr()
    for name in ("w:cantSplit", "w:tblHeader"):
        properties.append(OxmlElement(name))
    for cell, column, width in zip(header.cells, table.columns, widths):
        cell.width = Pt(width)
        _paragraph(cell, column.header, size=size, bold=True, align="center", after=0, reuse=True)
    blank = None  # a data row as python-docx lays it out, without its text: copied for the others
    heading = None  # and a group's heading row (its title cell merged across): copied for the others
    for row in table.rows:
        if blank is not None and not row.group:
            _copy_row(grid, blank, row.cells)
            continue
        if heading is not None and row.group:
            _copy_row(grid, heading, (row.cells + ["", ""])[:2])
            continue
        added = grid.add_row()
        added._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # a row never straddles two pages
        cells = added.cells
        for cell, width in zip(cells, widths):
            cell.width = Pt(width)
        if row.group:
            number, title = (row.cells + ["", ""])[:2]
            _paragraph(cells[0], number, size=size, bold=True, align="center", after=0, reuse=True)
            merged = cells[1].merge(cells[-1])
            _paragraph(merged, title, size=size, bold=True, align="left", after=0, reuse=True)
            heading = _blank_row(added._tr, size, bold=True)
            continue
        for cell, text, column in zip(cells, row.cells, table.columns):
            _paragraph(cell, text, size=size, align=column.align, after=0, reuse=True)
        blank = _blank_row(added._tr, size)


def _blank_row(tr: Any, size: float, *, bold: bool = False) -> tuple[Any, Any]:
    """A copy of a data row without its runs, and a run formatted as ``_paragraph`` formats a
    cell's text (``bold``: a group's heading). The annex of a national programme has hundreds of rows: laying each cell out
    through python-docx took seconds; copying the row's XML gives the same elements."""
    import copy

    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt
    from docx.text.paragraph import Paragraph

    row = copy.deepcopy(tr)
    for run in row.iter(qn("w:r")):
        run.getparent().remove(run)
    # a paragraph of no document, only to build a run with python-docx's own API
    run = Paragraph(OxmlElement("w:p"), None).add_run("")  # type: ignore[arg-type]
    run.font.size = Pt(size)
    run.bold, run.italic = bold, False
    return row, run._r


def _copy_row(grid: Any, blank: tuple[Any, Any], texts: list[str]) -> None:
    """A data row like ``blank``'s, holding ``texts`` (cleaned as ``_paragraph`` cleans them)."""
    from hoptac_cli.domain.text import clean

    row, run = blank
    tr = row.__copy__()  # lxml: a deep copy (what copy.deepcopy calls, without its bookkeeping)
    paragraph = _tag("w:p")
    for cell, text in zip(tr.iterchildren(_tag("w:tc")), texts):
        if text:
            cell.find(paragraph).append(_filled(run, clean(text)))
    grid._tbl.append(tr)


@functools.cache
def _tag(name: str) -> str:
    """``qn(name)``, worked out once per name (an annex asks for the same few thousands of times)."""
    from docx.oxml.ns import qn

    return qn(name)


def _filled(run: Any, text: str) -> Any:
    """A copy of the formatted empty ``run`` holding ``text``, element for element as
    python-docx's ``run.text`` writes it (each stretch of text one w:t, each tab a w:tab, each
    line break a w:br), without its walk through every character."""
    from lxml import etree

    r = run.__copy__()  # lxml: a deep copy
    for part in _BREAKS.split(text) if _BREAKS.search(text) else (text,):
        if part == "\t":
            etree.SubElement(r, _tag("w:tab"))
        elif part in ("\n", "\r"):
            etree.SubElement(r, _tag("w:br"))
        elif part:  # python-docx's CT_R.add_t
            t = etree.SubElement(r, _tag("w:t"))
            t.text = part
            if len(part.strip()) < len(part):
                t.set(_tag("xml:space"), "preserve")
    return r


#: what python-docx writes as an element of its own in a run: a tab, a line break
_BREAKS = re.compile(r"([\t\n\r])")


def _fixed(grid: Any, widths: list[float]) -> None:
    """A fixed layout (python-docx adds w:tblLayout in its schema place) as wide as its columns."""
    from docx.oxml.ns import qn

    grid.autofit = False
    total = grid._tbl.tblPr.find(qn("w:tblW"))
    total.set(qn("w:type"), "dxa")
    total.set(qn("w:w"), str(round(sum(widths) * 20)))


def _borderless(docx: Any, widths: list[float]) -> Any:
    from docx.shared import Pt

    grid = docx.add_table(rows=1, cols=len(widths))
    _fixed(grid, widths)
    for column, cell, width in zip(grid.columns, grid.rows[0].cells, widths):
        column.width = cell.width = Pt(width)
    return grid


def _heading_table(docx: Any, document: Document, width_pt: float) -> None:
    from docx.shared import Pt

    issuer = document.issuer
    widths = [width_pt * HEADING_LEFT, width_pt * (1 - HEADING_LEFT)]
    grid = _borderless(docx, widths)
    left, right = grid.rows[0].cells
    first = True
    if issuer.governing_body:
        _paragraph(left, issuer.governing_body.upper(), size=13, align="center", after=0, reuse=True)
        first = False
    name = issuer.issuing_name.upper()
    _paragraph(left, name, size=13, bold=True, align="center", after=0, reuse=first)
    inner_left = widths[0] - CELL_PADDING_PT
    _rule(left, min(text_width(name, 13, bold=True), inner_left) * 0.4, inner_left)
    _paragraph(right, MOTTO[0], size=12, bold=True, align="center", after=0, reuse=True)
    _paragraph(right, MOTTO[1], size=13, bold=True, align="center", after=0)
    inner_right = widths[1] - CELL_PADDING_PT
    _rule(right, text_width(MOTTO[1], 13, bold=True), inner_right)

    below = grid.add_row().cells
    for cell, width in zip(below, widths):
        cell.width = Pt(width)
    _paragraph(below[0], f"Số: {issuer.number}", size=13, align="center", before=4, after=0, reuse=True)
    if not document.type_name:  # a letter: its summary line under the number
        _paragraph(below[0], document.subject, size=12, align="center", before=4, after=0)
    _paragraph(below[1], issuer.date_line, size=14, italic=True, align="center", before=4, after=0, reuse=True)


def _signature_table(docx: Any, document: Document, width_pt: float) -> None:
    issuer = document.issuer
    _paragraph(docx, "", after=0)
    widths = [width_pt * SIGNATURE_LEFT, width_pt * (1 - SIGNATURE_LEFT)]
    grid = _borderless(docx, widths)
    from docx.oxml import OxmlElement

    grid.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    left, right = grid.rows[0].cells
    _paragraph(left, "Nơi nhận:", size=12, bold=True, italic=True, align="left", after=0, reuse=True)
    for recipient in document.recipients:
        _paragraph(left, f"- {recipient};", size=11, align="left", after=0)
    _paragraph(left, f"- Lưu: {issuer.archive}.", size=11, align="left", after=0)
    first = True
    for line in issuer.authority:
        _paragraph(right, line.upper(), bold=True, align="center", after=0, reuse=first)
        first = False
    _paragraph(right, (issuer.signer_title or BLANK).upper(), bold=True, align="center", after=0, reuse=first)
    for _ in range(4):
        _paragraph(right, "", after=0)
    _paragraph(right, issuer.signer_name or BLANK, bold=True, align="center", after=0)

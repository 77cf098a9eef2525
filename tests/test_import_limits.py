"""Import files are bounded: a file cannot make hoptac exhaust memory, whatever it claims."""

import csv
import zipfile

from hoptac_cli.render import template

_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
_PARTS = {
    "[Content_Types].xml": _XML + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>",
    "_rels/.rels": _XML + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>",
    "xl/workbook.xml": _XML + '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": _XML + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    "</Relationships>",
}


def workbook(path, rows_xml):
    sheet = (
        _XML
        + '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        + rows_xml
        + "</sheetData></worksheet>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in _PARTS.items():
            archive.writestr(name, text)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)


def header_xml():
    cells = "".join(
        f'<c r="{column}1" t="inlineStr"><is><t>{name}</t></is></c>'
        for column, name in zip("ABC", ("action_id", "period", "progress"))
    )
    return f'<row r="1">{cells}</row>'


def test_a_cell_far_to_the_right_does_not_widen_every_row(two_parties, tmp_path):
    """Each row with a cell in column XFD made openpyxl pad rows to 16,384 cells (450 MB for
    3,000 rows of a 21 KB file); only the first columns are read now."""
    two_parties.ok("action", "add", "Khám chữa bệnh", "--sector", "y-te", "--lead", "syt-hg")
    rows = "".join(
        f'<row r="{r}"><c r="A{r}"><v>1</v></c><c r="B{r}" t="inlineStr"><is><t>2022-H2</t></is></c><c r="XFD{r}"><v>1</v></c></row>'
        for r in range(2, 3002)
    )
    path = tmp_path / "wide.xlsx"
    workbook(path, header_xml() + rows)
    header, data = template.read_table(path)
    assert header[:3] == ["action_id", "period", "progress"] and len(data) == 3000
    assert max(len(cells) for _, cells in data) == template.MAX_COLUMNS


def test_unzipped_size_rows_and_cells_are_bounded(two_parties, tmp_path, monkeypatch):
    monkeypatch.setattr(template, "MAX_BYTES", 100_000)
    big = tmp_path / "big.xlsx"
    workbook(big, header_xml() + "".join(f'<row r="{r}"><c r="A{r}"><v>1</v></c></row>' for r in range(2, 6000)))
    assert big.stat().st_size < 100_000  # small on disk, large once unzipped
    assert "(unzipped); an import file may hold at most 0.1 MB" in two_parties.fails("report", "import", str(big)).stderr

    long_csv = tmp_path / "long.csv"
    with open(long_csv, "w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows([["action_id", "period", "progress"], ["1", "2022-H2", "x" * 200_000]])
    monkeypatch.setattr(template, "MAX_BYTES", 10_000_000)
    refused = two_parties.fails("report", "import", str(long_csv))
    assert "a cell longer than 32,767 characters" in refused.stderr and "row 2" in refused.stderr

    monkeypatch.setattr(template, "MAX_ROWS", 10)
    many = tmp_path / "many.csv"
    with open(many, "w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows([["action_id", "period", "progress"]] + [["1", "2022-H2", ""]] * 20)
    assert "more than 10 rows" in two_parties.fails("report", "import", str(many)).stderr

    monkeypatch.setattr(template, "MAX_BYTES", 100)
    assert "at most 0.0 MB" in two_parties.fails("report", "import", str(many)).stderr

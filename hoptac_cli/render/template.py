"""Department files: the XLSX fill-in template, and reading any returned file back as text.

The template (``write_template``) is one a department can't get wrong: a title above the
header, the identifying and reference columns locked (grey), a drop-down of status words, a
0–100 check on progress, the previous period's figures for reference, and a sheet of
instructions in Vietnamese.

Reading (``read_table``): the first sheet of an XLSX workbook or a CSV file, every cell as NFC
text (an empty cell as ``""``), so that the importer validates a typed value and a spreadsheet
value the same way. Row numbers are the spreadsheet's own, so that an error message points at
the row a person sees; a title row or two above the header is skipped.

Files are bounded before they can exhaust memory (documented in the README): a CSV file or the
unzipped parts of an XLSX workbook up to ``MAX_BYTES``, at most ``MAX_ROWS`` rows, the first
``MAX_COLUMNS`` columns read, and a cell up to ``MAX_CELL`` characters (Excel's own limit).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from hoptac_cli.domain.text import nfc, nfc_each
from hoptac_cli.errors import HoptacError
from hoptac_cli.i18n import t, t_in
from hoptac_cli.records import DEPARTMENT_LANG, Field

#: how many non-blank rows may stand above the header (titles, notes)
HEADER_SEARCH = 10
#: a CSV file, or the unzipped parts of an XLSX workbook, may hold this many bytes
MAX_BYTES = 50 * 1024 * 1024
#: rows read from a file (blank ones included)
MAX_ROWS = 100_000
#: columns read from a row (a template has 14; anything further right is ignored)
MAX_COLUMNS = 50
#: characters in one cell, as in Excel
MAX_CELL = 32_767


def read_table(path: Path, is_header: Callable[[list[str]], bool] | None = None) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header cells and the non-blank data rows (with their row numbers) of ``path``; the
    header is the first of the top rows that ``is_header`` accepts (else the first row)."""
    header, data, _ = iter_table(path, is_header)
    return header, list(data)


def iter_table(
    path: Path, is_header: Callable[[list[str]], bool] | None = None
) -> tuple[list[str], Iterator[tuple[int, list[str]]], int]:
    """``read_table`` as a stream: the header, the data rows one at a time (a bad cell further
    down, or a row beyond ``MAX_ROWS``, is refused when it is reached), and about how many rows
    the file holds (for a progress bar)."""
    if not path.is_file():
        raise HoptacError(t("err.import_missing", value=str(path)))
    suffix = path.suffix.lower()
    if suffix == ".csv":
        rows, size = _csv_rows(path)
    elif suffix == ".xlsx":
        rows, size = _xlsx_rows(path)
    else:
        raise HoptacError(t("err.import_extension", value=str(path)))
    numbered = ((number, cells) for number, cells in _bounded(path, rows) if any(cells))
    top = list(itertools.islice(numbered, HEADER_SEARCH))
    if not top:
        return [], iter(()), 0
    at = 0
    if is_header is not None:
        at = next((index for index, (_, cells) in enumerate(top) if is_header(cells)), 0)
    return top[at][1], itertools.chain(top[at + 1 :], numbered), size


def _bounded(path: Path, rows: Iterator[list[str]]) -> Iterator[tuple[int, list[str]]]:
    """The rows with their numbers, refusing the file at a row beyond ``MAX_ROWS`` or a cell
    longer than ``MAX_CELL``."""
    from hoptac_cli.domain.numbers import show_number

    for number, cells in enumerate(rows, start=1):
        if number > MAX_ROWS:
            raise HoptacError(t("err.import_rows", value=path.name, limit=show_number(MAX_ROWS)))
        if cells and max(map(len, cells)) > MAX_CELL:
            column, cell = next((column, cell) for column, cell in enumerate(cells, start=1) if len(cell) > MAX_CELL)
            raise HoptacError(
                t(
                    "err.import_cell",
                    value=path.name,
                    row=number,
                    column=column,
                    size=show_number(len(cell)),
                    limit=show_number(MAX_CELL),
                )
            )
        yield number, cells


def _mb(count: int) -> str:
    megabytes = count / (1024 * 1024)
    return f"{megabytes:.0f}" if megabytes >= 10 else f"{megabytes:.1f}"


def _too_big(path: Path, size: int) -> HoptacError:
    return HoptacError(t("err.import_bytes", value=path.name, size=_mb(size), limit=_mb(MAX_BYTES)))


def _csv_rows(path: Path) -> tuple[Iterator[list[str]], int]:
    import csv

    from hoptac_cli.domain.numbers import show_number

    size = path.stat().st_size
    if size > MAX_BYTES:
        raise _too_big(path, size)
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:  # with or without the BOM
            top = "".join(itertools.islice(handle, HEADER_SEARCH))
    except UnicodeDecodeError:
        raise HoptacError(t("err.import_encoding", value=str(path))) from None
    # Excel in some locales saves CSV with semicolons.
    delimiter = max((",", ";", "\t"), key=top.count)
    with open(path, "rb") as raw:
        lines = sum(block.count(b"\n") for block in iter(lambda: raw.read(1 << 20), b""))

    def rows() -> Iterator[list[str]]:
        csv.field_size_limit(MAX_CELL + 2)  # a longer cell is an error below, not a huge string
        with open(path, encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle, delimiter=delimiter)
            try:
                for row in reader:
                    cells = nfc_each(row[:MAX_COLUMNS])
                    if "'" in "".join(cells):  # rarely: then a cell may start with one
                        cells = [_quoted(cell) for cell in cells]
                    yield cells
            except UnicodeDecodeError:
                raise HoptacError(t("err.import_encoding", value=str(path))) from None
            except csv.Error as error:
                # The csv module refuses a cell over its field limit and broken quoting.
                row_number = reader.line_num
                if "field larger than field limit" in str(error):
                    raise HoptacError(
                        t("err.import_cell_too_long", file=path.name, row=row_number, limit=show_number(MAX_CELL))
                    ) from None
                raise HoptacError(t("err.import_csv", file=path.name, row=row_number, reason=error)) from None

    return rows(), lines


def _from_csv(cell: str) -> str:
    """One cell of a CSV file as typed (``_csv_rows`` does the same a row at a time)."""
    return _quoted(nfc(cell)) if cell else cell


def _quoted(text: str) -> str:
    """A cell (``nfc`` already) as typed: without the ' hoptac put before a formula start."""
    if not text.startswith("'"):
        return text
    # A cell hoptac neutralised when it wrote the file (a leading ' before a formula start) reads back as typed.
    from hoptac_cli.render.tabular import neutralise

    return text[1:] if neutralise(text[1:]) == text else text


def _xlsx_rows(path: Path) -> tuple[Iterator[list[str]], int]:
    import zipfile

    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(path) as archive:
            unzipped = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, OSError) as error:
        raise HoptacError(t("err.import_unreadable", value=str(path), reason=type(error).__name__)) from None
    if unzipped > MAX_BYTES:
        raise _too_big(path, unzipped)
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # not a zip, not a workbook, damaged: openpyxl raises several kinds
        raise HoptacError(t("err.import_unreadable", value=str(path), reason=type(error).__name__)) from None
    sheet = book.worksheets[0]

    def rows() -> Iterator[list[str]]:
        try:
            # max_col: a cell far to the right would otherwise pad every row to that width
            for row in sheet.iter_rows(max_col=MAX_COLUMNS):
                yield [_from_xlsx(cell) for cell in row]
        finally:
            book.close()

    return rows(), sheet.max_row or 0


def _from_xlsx(cell: Any) -> str:
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (int, float)):
        from hoptac_cli.domain.numbers import canonical

        if "%" in (getattr(cell, "number_format", None) or ""):
            value = round(value * 100, 10)  # a cell typed "40%" holds 0.4
        # Written back exactly as domain.numbers reads it: 3600 stays 3600, 1.125 becomes "1,125".
        return canonical(value)
    return nfc(str(value))


# the fill-in template ------------------------------------------------------------------------


@dataclass
class Template:
    """What ``write_template`` lays out: the columns (``records.DEPARTMENT_ROW``'s fields, headed
    in Vietnamese), the rows, which columns a department fills in, and the words of the title,
    the status list and the instructions."""

    columns: list[Field]
    rows: list[dict[str, Any]]
    editable: tuple[str, ...]
    title: str
    subtitle: str
    sheet: str
    statuses: list[str]
    instructions: list[str] = field(default_factory=list)
    instructions_sheet: str = "Hướng dẫn"


#: the width of a column whose field gives none (characters)
_TEMPLATE_WIDTH = 14
_LOCKED_FILL = "E7E6E6"
_INPUT_FILL = "FFF2CC"


def write_template(stream: IO[bytes], template: Template) -> None:
    """The XLSX fill-in file (normal openpyxl mode: the file is small and needs validations)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    ws = book.active
    ws.title = template.sheet[:31]
    width = len(template.columns)
    last_letter = get_column_letter(width)
    ws["A1"] = template.title
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"] = template.subtitle
    ws["A2"].font = Font(italic=True)
    ws.merge_cells(f"A1:{last_letter}1")
    ws.merge_cells(f"A2:{last_letter}2")
    header_row = 3
    locked = PatternFill("solid", fgColor=_LOCKED_FILL)
    editable = PatternFill("solid", fgColor=_INPUT_FILL)
    wrap = Alignment(wrap_text=True, vertical="top")
    for number, column in enumerate(template.columns, start=1):
        cell = ws.cell(header_row, number, t_in(DEPARTMENT_LANG, column.header))
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        cell.fill = editable if column.key in template.editable else locked
        ws.column_dimensions[get_column_letter(number)].width = column.width or _TEMPLATE_WIDTH
    ws.row_dimensions[header_row].height = 45
    first, last = header_row + 1, header_row + max(1, len(template.rows))
    for offset, row in enumerate(template.rows):
        for number, column in enumerate(template.columns, start=1):
            value = row.get(column.key)
            cell = ws.cell(first + offset, number, value)
            cell.alignment = wrap
            if column.key in template.editable:
                cell.protection = Protection(locked=False)
            else:
                cell.fill = locked
            if column.kind == "number" and value is not None:
                cell.number_format = "#,##0.##" if not float(value).is_integer() else "#,##0"
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"  # a title that looks like a formula stays text
    keys = [column.key for column in template.columns]

    def column_range(key: str) -> str:
        letter = get_column_letter(keys.index(key) + 1)
        return f"{letter}{first}:{letter}{last}"

    if "status" in keys:
        choices = DataValidation(type="list", formula1='"' + ",".join(template.statuses) + '"', allow_blank=True)
        choices.error, choices.errorTitle = "Chọn một tình trạng trong danh sách.", "Tình trạng"
        choices.prompt, choices.promptTitle = "Để trống thì tình trạng được suy ra từ tiến độ.", "Tình trạng"
        choices.showErrorMessage = choices.showInputMessage = True
        choices.add(column_range("status"))
        ws.add_data_validation(choices)
    if "progress" in keys:
        percent = DataValidation(type="decimal", operator="between", formula1="0", formula2="100", allow_blank=True)
        percent.error, percent.errorTitle = "Tiến độ là số phần trăm từ 0 đến 100.", "Tiến độ (%)"
        percent.prompt, percent.promptTitle = (
            "Số từ 0 đến 100. Nhiệm vụ có chỉ tiêu: điền giá trị đạt được thay cho tiến độ.",
            "Tiến độ (%)",
        )
        percent.showErrorMessage = percent.showInputMessage = True
        percent.add(column_range("progress"))
        ws.add_data_validation(percent)
    if "value" in keys:
        amount = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True)
        amount.error, amount.errorTitle = "Giá trị đạt được là một số không âm.", "Giá trị đạt được"
        amount.showErrorMessage = True
        amount.add(column_range("value"))
        ws.add_data_validation(amount)
    ws.freeze_panes = ws.cell(first, 1)
    ws.auto_filter.ref = f"A{header_row}:{last_letter}{last}"
    ws.protection.sheet = True
    # Locked cells stay locked; people may still resize, filter and sort.
    ws.protection.formatColumns = ws.protection.formatRows = ws.protection.autoFilter = ws.protection.sort = False

    notes = book.create_sheet(template.instructions_sheet[:31])
    notes.column_dimensions["A"].width = 110
    for number, line in enumerate(template.instructions, start=1):
        cell = notes.cell(number, 1, line)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if number == 1:
            cell.font = Font(bold=True, size=13)
    book.active = 0
    book.save(stream)

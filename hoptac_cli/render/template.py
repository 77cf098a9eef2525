"""Reading department files back: the first sheet of an XLSX workbook or a CSV file, as text.

Every cell comes back as NFC text (an empty cell as ``""``), so that the importer validates a
typed value and a spreadsheet value the same way. Row numbers are the spreadsheet's own (the
header is row 1), so that an error message points at the row a person sees.

Files are bounded before they can exhaust memory (documented in the README): a CSV file or the
unzipped parts of an XLSX workbook up to ``MAX_BYTES``, at most ``MAX_ROWS`` rows, the first
``MAX_COLUMNS`` columns read, and a cell up to ``MAX_CELL`` characters (Excel's own limit).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hoptac_cli.domain.text import nfc
from hoptac_cli.errors import HoptacError
from hoptac_cli.i18n import t

#: what ``render.tabular`` puts before a CSV cell that a spreadsheet would run as a formula
_NEUTRALISED = ("'=", "'+", "'-", "'@")
#: a CSV file, or the unzipped parts of an XLSX workbook, may hold this many bytes
MAX_BYTES = 50 * 1024 * 1024
#: rows read from a file (blank ones included)
MAX_ROWS = 100_000
#: columns read from a row (a template has 14; anything further right is ignored)
MAX_COLUMNS = 50
#: characters in one cell, as in Excel
MAX_CELL = 32_767


def read_table(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header cells and the non-blank data rows (with their row numbers) of ``path``."""
    if not path.is_file():
        raise HoptacError(t("err.import_missing", value=str(path)))
    suffix = path.suffix.lower()
    if suffix == ".csv":
        rows = _csv_rows(path)
    elif suffix == ".xlsx":
        rows = _xlsx_rows(path)
    else:
        raise HoptacError(t("err.import_extension", value=str(path)))
    numbered = []
    for number, cells in enumerate(rows, start=1):
        if number > MAX_ROWS:
            raise HoptacError(t("err.import_rows", value=path.name, limit=f"{MAX_ROWS:,}".replace(",", ".")))
        for column, cell in enumerate(cells, start=1):
            if len(cell) > MAX_CELL:
                raise HoptacError(t("err.import_cell", value=path.name, row=number, column=column, size=len(cell), limit=MAX_CELL))
        if any(cells):
            numbered.append((number, cells))
    if not numbered:
        return [], []
    (_, header), *data = numbered
    return header, data


def _mb(count: int) -> str:
    megabytes = count / (1024 * 1024)
    return f"{megabytes:.0f}" if megabytes >= 10 else f"{megabytes:.1f}"


def _too_big(path: Path, size: int) -> HoptacError:
    return HoptacError(t("err.import_bytes", value=path.name, size=_mb(size), limit=_mb(MAX_BYTES)))


def _csv_rows(path: Path) -> Iterator[list[str]]:
    import csv
    import io

    size = path.stat().st_size
    if size > MAX_BYTES:
        raise _too_big(path, size)
    try:
        text = path.read_text(encoding="utf-8-sig")  # with or without the BOM
    except UnicodeDecodeError:
        raise HoptacError(t("err.import_encoding", value=str(path))) from None
    first = text.split("\n", 1)[0]
    # Excel in some locales saves CSV with semicolons.
    delimiter = max((",", ";", "\t"), key=first.count)
    csv.field_size_limit(MAX_CELL + 2)  # a longer cell is an error below, not a huge string
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    number = 0
    try:
        for number, row in enumerate(reader, start=1):  # noqa: B007 - kept for the message
            yield [_from_csv(cell) for cell in row[:MAX_COLUMNS]]
    except csv.Error:
        raise HoptacError(t("err.import_cell", value=path.name, row=number + 1, column="?", size=f"> {MAX_CELL}", limit=MAX_CELL)) from None


def _from_csv(cell: str) -> str:
    text = nfc(cell)
    return text[1:] if text.startswith(_NEUTRALISED) else text


def _xlsx_rows(path: Path) -> Iterator[list[str]]:
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
    try:
        sheet = book.worksheets[0]
        # max_col: a cell far to the right would otherwise pad every row to that width
        for row in sheet.iter_rows(max_col=MAX_COLUMNS):
            yield [_from_xlsx(cell) for cell in row]
    finally:
        book.close()


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
        if "%" in (getattr(cell, "number_format", None) or ""):
            value = value * 100  # a cell typed "40%" holds 0.4
        return _number(value)
    return nfc(str(value))


def _number(value: float) -> str:
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.6f}".rstrip("0")

"""Reading department files back: the first sheet of an XLSX workbook or a CSV file, as text.

Every cell comes back as NFC text (an empty cell as ``""``), so that the importer validates a
typed value and a spreadsheet value the same way. Row numbers are the spreadsheet's own (the
header is row 1), so that an error message points at the row a person sees.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from hoptac_cli.domain.text import nfc
from hoptac_cli.errors import HoptacError
from hoptac_cli.i18n import t

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
    numbered = [(number, cells) for number, cells in enumerate(rows, start=1) if any(cells)]
    if not numbered:
        return [], []
    (_, header), *data = numbered
    return header, data


def _csv_rows(path: Path) -> list[list[str]]:
    import csv
    import io

    from hoptac_cli.domain.numbers import show_number

    try:
        text = path.read_text(encoding="utf-8-sig")  # with or without the BOM
    except UnicodeDecodeError:
        raise HoptacError(t("err.import_encoding", value=str(path))) from None
    first = text.split("\n", 1)[0]
    # Excel in some locales saves CSV with semicolons.
    delimiter = max((",", ";", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = []
    try:
        for row in reader:
            rows.append([_from_csv(cell) for cell in row])
    except csv.Error as error:
        # The csv module refuses a cell over its field limit (131,072 characters) and broken quoting.
        row_number = reader.line_num
        if "field larger than field limit" in str(error):
            raise HoptacError(t("err.import_cell_too_long", file=path.name, row=row_number, limit=show_number(csv.field_size_limit()))) from None
        raise HoptacError(t("err.import_csv", file=path.name, row=row_number, reason=error)) from None
    return rows


def _from_csv(cell: str) -> str:
    from hoptac_cli.render.tabular import neutralise

    text = nfc(cell)
    # A cell hoptac neutralised when it wrote the file (a leading ' before a formula start) reads back as typed.
    return text[1:] if text.startswith("'") and neutralise(text[1:]) == text else text


def _xlsx_rows(path: Path) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # not a zip, not a workbook, damaged: openpyxl raises several kinds
        raise HoptacError(t("err.import_unreadable", value=str(path), reason=type(error).__name__)) from None
    try:
        sheet = book.worksheets[0]
        return [[_from_xlsx(cell) for cell in row] for row in sheet.iter_rows()]
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
        from hoptac_cli.domain.numbers import canonical

        if "%" in (getattr(cell, "number_format", None) or ""):
            value = round(value * 100, 10)  # a cell typed "40%" holds 0.4
        # Written back exactly as domain.numbers reads it: 3600 stays 3600, 1.125 becomes "1,125".
        return canonical(value)
    return nfc(str(value))

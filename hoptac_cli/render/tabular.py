"""Streaming tabular files: CSV, XLSX and JSON written from row iterators.

Rows are consumed one at a time, so an export of any size runs in flat memory. A file is
written to a temporary sibling and renamed into place at the end: a failed export leaves no
half-written file (``render.files``). ``-`` writes to stdout.

Choices, documented in the README:
- CSV is UTF-8 with a BOM (Excel then reads Vietnamese correctly), one header row, ``\\n`` line
  ends; dates are ISO ``yyyy-mm-dd`` (every spreadsheet locale reads ISO as a date, while
  ``dd/mm/yyyy`` is read as month/day in an English Excel); lists are joined with ``; ``;
  booleans are 1/0; a text cell starting with ``=``, ``+``, ``-``, ``@``, tab or carriage
  return gets a leading ``'`` so that a spreadsheet never runs it as a formula.
- XLSX (openpyxl, write-only): one sheet per kind, bold frozen header row, widths by column
  kind, dates as real date cells shown ``dd/mm/yyyy``, text always stored as text (never as
  a formula, so it needs no prefix).
- JSON: the records as they are (ISO dates, raw numbers, lists), one array per sheet; several
  sheets make an object keyed by sheet name.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from hoptac_cli.errors import HoptacError
from hoptac_cli.i18n import t

FORMATS = ("csv", "json", "xlsx")
#: first characters that make a spreadsheet treat a CSV cell as a formula
_FORMULA_START = frozenset("=+-@\t\r")
#: column widths in the XLSX file by kind; text columns may ask for more with ``width``
_WIDTHS = {"date": 12, "number": 14, "int": 8, "bool": 8}


@dataclass(frozen=True)
class Field:
    """One column: the record key, its (already translated) header, and the kind of value.

    ``kind`` is ``text``, ``date`` (ISO text in the record), ``number``, ``int``, ``bool`` or
    ``list``; it only changes how XLSX cells are typed and how wide the column is.
    """

    key: str
    header: str
    kind: str = "text"
    width: int | None = None


@dataclass
class Sheet:
    """A named table: its columns and an iterator of row dicts (consumed once)."""

    name: str
    fields: list[Field]
    rows: Iterable[dict[str, Any]] = field(default_factory=list)


def choose_format(target: str, fmt: str | None) -> str:
    """``fmt`` when given, else the file's extension; ``-`` without ``fmt`` means CSV."""
    if fmt is not None:
        chosen = fmt.lower()
        if chosen not in FORMATS:
            raise HoptacError(t("err.export_format", value=fmt, accepted=", ".join(FORMATS)))
        return chosen
    if target == "-":
        return "csv"
    suffix = Path(target).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise HoptacError(t("err.export_extension", value=target, accepted=", ".join(f".{f}" for f in FORMATS)))
    return suffix


def write(target: str, fmt: str | None, sheets: list[Sheet], *, force: bool = False) -> str:
    """Write ``sheets`` to ``target`` (a path or ``-``) in ``fmt`` (or by extension); return the
    format. The file is written safely (``render.files``): never over an existing file without
    ``force``, never over the database, never half a file."""
    from hoptac_cli.render import files

    files.check_target(target, force=force)
    chosen = choose_format(target, fmt)
    if chosen == "csv" and len(sheets) != 1:
        raise ValueError("a CSV file holds exactly one sheet")
    writer = {"csv": _write_csv, "json": _write_json, "xlsx": _write_xlsx}[chosen]
    with files.output(target, force=force) as stream:
        writer(stream, sheets)
    return chosen


# CSV -----------------------------------------------------------------------------------------

def neutralise(text: str) -> str:
    """Prefix ``'`` to text a spreadsheet would otherwise run as a formula."""
    return f"'{text}" if text[:1] in _FORMULA_START else text


def csv_value(value: Any) -> Any:
    """One cell; the common types are tested first because this runs for every cell."""
    kind = type(value)
    if kind is str:
        return f"'{value}" if value[:1] in _FORMULA_START else value
    if value is None:
        return ""
    if kind is bool:
        return int(value)
    if kind is list or kind is tuple:
        return neutralise("; ".join(str(item) for item in value))
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _write_csv(stream: IO[bytes], sheets: list[Sheet]) -> None:
    import csv
    import io

    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    try:
        writer = csv.writer(text, lineterminator="\n")
        (sheet,) = sheets
        writer.writerow([column.header for column in sheet.fields])
        keys = [column.key for column in sheet.fields]
        for row in sheet.rows:
            writer.writerow([csv_value(row.get(key)) for key in keys])
        text.flush()
    finally:
        text.detach()  # the caller owns the byte stream


# JSON ----------------------------------------------------------------------------------------

def _write_json(stream: IO[bytes], sheets: list[Sheet]) -> None:
    def emit(text: str) -> None:
        stream.write(text.encode("utf-8"))

    single = len(sheets) == 1
    if not single:
        emit("{\n")
    for index, sheet in enumerate(sheets):
        if not single:
            emit(("" if index == 0 else ",\n") + json.dumps(sheet.name, ensure_ascii=False) + ": ")
        keys = [column.key for column in sheet.fields]
        emit("[")
        first = True
        for row in sheet.rows:
            record = json.dumps({key: row.get(key) for key in keys}, ensure_ascii=False, default=str)
            emit(("\n  " if first else ",\n  ") + record)
            first = False
        emit("\n]" if not first else "]")
    emit("\n}\n" if not single else "\n")


# XLSX ----------------------------------------------------------------------------------------

def _write_xlsx(stream: IO[bytes], sheets: list[Sheet]) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    bold = Font(bold=True)
    for sheet in sheets:
        ws = book.create_sheet(_sheet_title(sheet.name))
        ws.freeze_panes = "A2"
        for number, column in enumerate(sheet.fields, start=1):
            width = column.width or _WIDTHS.get(column.kind, 30)
            ws.column_dimensions[get_column_letter(number)].width = max(width, len(column.header) + 2)
        header = []
        for column in sheet.fields:
            cell = WriteOnlyCell(ws, value=column.header)
            cell.font = bold
            header.append(cell)
        ws.append(header)

        def cell_for(value: Any, kind: str) -> Any:
            if value is None or value == "":
                return None
            if kind == "date" and isinstance(value, str):
                cell = WriteOnlyCell(ws, value=dt.date.fromisoformat(value[:10]))
                cell.number_format = "DD/MM/YYYY"
                return cell
            if isinstance(value, bool):
                return int(value)
            if isinstance(value, (list, tuple)):
                value = "; ".join(str(item) for item in value)
            if isinstance(value, str):
                value = ILLEGAL_CHARACTERS_RE.sub("", value)
                if value.startswith("="):
                    cell = WriteOnlyCell(ws, value=value)
                    cell.data_type = "s"  # text, never a formula
                    return cell
            return value

        kinds = [(column.key, column.kind) for column in sheet.fields]
        for row in sheet.rows:
            ws.append([cell_for(row.get(key), kind) for key, kind in kinds])
    book.save(stream)


def _sheet_title(name: str) -> str:
    """Excel refuses sheet names longer than 31 characters or holding ``[]:*?/\\``."""
    cleaned = "".join("_" if char in "[]:*?/\\" else char for char in name)
    return cleaned[:31] or "Sheet"

"""Streaming tabular files: CSV, XLSX and JSON written from row iterators.

Rows are consumed one at a time, so an export of any size runs in flat memory. A file is
written to a temporary sibling and renamed into place at the end: a failed export leaves no
half-written file. ``-`` writes to stdout.

Choices, documented in the README:
- CSV is data: UTF-8 with a BOM in a file (Excel then reads Vietnamese correctly; none on stdout
  unless ``--bom``, since a pipe feeds other programs), one header row of the
  stable record keys (the same in every interface language), ``\\n`` line ends; dates are ISO
  ``yyyy-mm-dd`` (every spreadsheet locale reads ISO as a date, while ``dd/mm/yyyy`` is read as
  month/day in an English Excel); lists are joined with ``; ``; booleans are 1/0; a text cell
  starting with ``=``, ``+``, ``-``, ``@`` or their fullwidth forms (also after spaces or tabs),
  or with a tab or line break, gets a leading ``'`` so that a spreadsheet never runs it as a
  formula. Listings printed with ``--format csv`` go through the same ``write_csv``. A form
  people fill in (the report template) keeps its column titles.
- XLSX (openpyxl, write-only) is for people: one sheet per kind, bold frozen header row in the
  interface language, widths by column kind, dates as real date cells shown ``dd/mm/yyyy``,
  text always stored as text (never as a formula, so it needs no prefix).
- JSON: the records as they are (ISO dates, raw numbers, lists), one array per sheet; several
  sheets make an object keyed by sheet name.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from hoptac_cli.errors import HoptacError
from hoptac_cli.i18n import t

FORMATS = ("csv", "json", "xlsx")
#: first characters that make a spreadsheet treat a CSV cell as a formula (with their fullwidth
#: forms, which some spreadsheets fold to ASCII), also after leading blanks
_FORMULA_START = frozenset("=+-@\uff1d\uff0b\uff0d\uff20")
#: a cell starting with one of these is neutralised whatever follows (a spreadsheet may drop them)
_BLANK_START = frozenset("\t\r\n")
_BLANKS = " \t\r\n\u00a0\u3000"
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
    #: a form for people to fill in (the report template): its CSV header keeps the column titles
    form: bool = False


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


def check_target(target: str) -> None:
    """Refuse an output path that cannot be written before any work is done."""
    if target == "-":
        return
    path = Path(target)
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir() or not folder.is_dir() or not os.access(folder, os.W_OK):
        raise HoptacError(t("err.output_path", value=target))
    if path.exists() and not os.access(path, os.W_OK):
        raise HoptacError(t("err.output_path", value=target))


def write(target: str, fmt: str | None, sheets: list[Sheet], *, bom: bool | None = None) -> str:
    """Write ``sheets`` to ``target`` (a path or ``-``) in ``fmt`` (or by extension); return the format.

    A CSV file starts with a BOM (Excel then reads Vietnamese correctly); CSV on stdout, read by
    other programs through a pipe, has none unless ``bom`` asks for it."""
    chosen = choose_format(target, fmt)
    check_target(target)
    if chosen == "csv" and len(sheets) != 1:
        raise ValueError("a CSV file holds exactly one sheet")
    with binary_output(target) as stream:
        if chosen == "csv":
            _write_csv(stream, sheets, bom=target != "-" if bom is None else bom)
        else:
            {"json": _write_json, "xlsx": _write_xlsx}[chosen](stream, sheets)
    return chosen


@contextlib.contextmanager
def binary_output(target: str) -> Iterator[IO[bytes]]:
    """stdout's byte stream, or a temporary file renamed to ``target`` only on success."""
    if target == "-":
        sys.stdout.flush()
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    path = Path(target)
    partial = path.with_name(f".{path.name}.part")
    try:
        with open(partial, "wb") as stream:
            yield stream
        os.replace(partial, path)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise HoptacError(t("err.output_write", value=target, reason=error.strerror or error)) from None
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


# CSV -----------------------------------------------------------------------------------------

def neutralise(text: str) -> str:
    """Prefix ``'`` to text a spreadsheet would otherwise run as a formula: starting with ``=``,
    ``+``, ``-``, ``@`` (or their fullwidth forms) even after spaces or tabs, or with a tab,
    carriage return or line feed."""
    if not text:
        return text
    if text[0] in _BLANK_START or text.lstrip(_BLANKS)[:1] in _FORMULA_START:
        return f"'{text}"
    return text


def csv_value(value: Any) -> Any:
    """One cell; the common types are tested first because this runs for every cell."""
    kind = type(value)
    if kind is str:
        return neutralise(value)
    if value is None:
        return ""
    if kind is bool:
        return int(value)
    if kind is list or kind is tuple:
        return neutralise("; ".join(str(item) for item in value))
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def write_csv(text: IO[str], header: list[str], keys: list[str], rows: Iterable[dict[str, Any]]) -> None:
    """The one CSV writer, for listings on stdout and for files: a header row, then one line per
    row with every cell through ``csv_value`` (formula starts neutralised, lists joined)."""
    import csv

    writer = csv.writer(text, lineterminator="\n")
    writer.writerow([neutralise(name) for name in header])
    for row in rows:
        writer.writerow([csv_value(row.get(key)) for key in keys])


def _write_csv(stream: IO[bytes], sheets: list[Sheet], *, bom: bool = True) -> None:
    import io

    text = io.TextIOWrapper(stream, encoding="utf-8-sig" if bom else "utf-8", newline="")
    try:
        (sheet,) = sheets
        keys = [column.key for column in sheet.fields]
        # Data for other programs: the stable keys, the same in every interface language; a
        # form that people fill in (the report template) keeps its column titles.
        write_csv(text, [column.header for column in sheet.fields] if sheet.form else keys, keys, sheet.rows)
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

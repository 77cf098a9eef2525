"""Streaming tabular files: CSV, XLSX and JSON written from row iterators.

Rows are consumed one at a time, so an export of any size runs in flat memory. A file is
written to a temporary sibling and renamed into place at the end: a failed export leaves no
half-written file (``render.files``). ``-`` writes to stdout.

Choices, documented in the README:
- CSV is data: UTF-8 with a BOM in a file (Excel then reads Vietnamese correctly; none on stdout
  unless ``--bom``, since a pipe feeds other programs), one header row of the
  stable record keys (the same in every interface language), ``\\n`` line ends; dates are ISO
  ``yyyy-mm-dd`` (every spreadsheet locale reads ISO as a date, while ``dd/mm/yyyy`` is read as
  month/day in an English Excel); lists are joined with ``; ``; booleans are 1/0; a text cell
  starting with ``=``, ``+``, ``-``, ``@`` or their fullwidth forms (also after spaces or tabs),
  or with a tab or line break, gets a leading ``'`` so that a spreadsheet never runs it as a
  formula. Listings printed with ``--format csv`` go through the same ``write_csv``. A form
  people fill in (the report template) keeps its column titles. Cells are separated by ``,``
  unless another delimiter is asked for (``;`` for an Excel whose list separator is ``;``, as
  with Vietnamese regional settings).
- XLSX is for people: ``render.xlsx`` (typed, formatted cells, headers in the interface
  language, fitted widths, autofilter, optional chart).
- JSON: the records as they are (ISO dates, raw numbers, lists), one array per sheet; several
  sheets make an object keyed by sheet name.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from hoptac_cli.errors import HoptacError
from hoptac_cli.i18n import t
from hoptac_cli.records import Field

FORMATS = ("csv", "json", "xlsx")
#: extensions that name a file format: ``-o x.json --format csv`` contradicts itself
KNOWN_EXTENSIONS = (*FORMATS, "xls", "ods", "tsv", "md", "docx", "doc", "pdf", "html")
#: delimiters a CSV may use, by the names they may be typed as
DELIMITERS = {",": ",", ";": ";", "tab": "\t", "\t": "\t", "\\t": "\t"}
#: first characters that make a spreadsheet treat a CSV cell as a formula (with their fullwidth
#: forms, which some spreadsheets fold to ASCII), also after leading blanks
_FORMULA_START = frozenset("=+-@\uff1d\uff0b\uff0d\uff20")
#: a cell starting with one of these is neutralised whatever follows (a spreadsheet may drop them)
_BLANK_START = frozenset("\t\r\n")
_BLANKS = " \t\r\n\u00a0\u3000"


@dataclass
class Sheet:
    """A named table: its columns (``hoptac_cli.records`` fields) and an iterator of row dicts
    (consumed once)."""

    name: str
    fields: list[Field]
    rows: Iterable[dict[str, Any]] = field(default_factory=list)
    #: a form for people to fill in (the report template): its CSV header keeps the column titles
    form: bool = False
    chart: Any = None  # a ``render.xlsx.Chart`` drawn in XLSX files
    #: the language of the headers people read (default: the interface's)
    lang: str | None = None

    def headers(self) -> list[str]:
        """The column titles people read (XLSX, a form's CSV)."""
        from hoptac_cli.i18n import current_lang, t_in

        lang = self.lang or current_lang()
        return [t_in(lang, column.header) for column in self.fields]


def choose_format(target: str, fmt: str | None) -> str:
    """``fmt`` when given, else the file's extension; ``-`` without ``fmt`` means CSV. A file
    whose extension names another format than ``fmt`` is refused."""
    if fmt is not None:
        chosen = fmt.lower()
        if chosen not in FORMATS:
            raise HoptacError(t("err.export_format", value=fmt, accepted=", ".join(FORMATS)))
        suffix = Path(target).suffix.lower().lstrip(".") if target != "-" else ""
        if suffix in KNOWN_EXTENSIONS and suffix != chosen:
            raise HoptacError(t("err.format_contradiction", value=target, suffix=suffix, fmt=chosen))
        return chosen
    if target == "-":
        return "csv"
    suffix = Path(target).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise HoptacError(t("err.export_extension", value=target, accepted=", ".join(f".{f}" for f in FORMATS)))
    return suffix


def write(
    target: str, fmt: str | None, sheets: list[Sheet], *, force: bool = False, delimiter: str = ",", bom: bool | None = None
) -> str:
    """Write ``sheets`` to ``target`` (a path or ``-``) in ``fmt`` (or by extension); return the
    format. The file is written safely (``render.files``): never over an existing file without
    ``force``, never over the database, never half a file. A CSV file starts with a BOM (Excel
    then reads Vietnamese correctly); CSV on stdout, read by other programs through a pipe, has
    none unless ``bom`` asks for it."""
    from hoptac_cli.render import files

    files.check_target(target, force=force)
    chosen = choose_format(target, fmt)
    with files.output(target, force=force) as stream:
        write_to(stream, chosen, sheets, delimiter=delimiter, bom=target != "-" if bom is None else bom)
    return chosen


def parse_delimiter(text: str | None, fmt: str) -> str:
    """``--delimiter``: ``,`` (default), ``;`` or ``tab``; only a CSV file has one."""
    if text is None:
        return ","
    if fmt != "csv":
        raise HoptacError(t("err.delimiter_not_csv", fmt=fmt))
    if text not in DELIMITERS:
        raise HoptacError(t("err.choice", option="--delimiter", value=text, accepted="',', ';', tab"))
    return DELIMITERS[text]


def write_to(stream: IO[bytes], fmt: str, sheets: list[Sheet], *, delimiter: str = ",", bom: bool = True) -> None:
    """Write ``sheets`` in ``fmt`` to an open byte stream."""
    if fmt == "csv" and len(sheets) != 1:
        raise ValueError("a CSV file holds exactly one sheet")
    if fmt == "csv":
        _write_csv(stream, sheets, delimiter, bom=bom)
    elif fmt == "json":
        _write_json(stream, sheets)
    else:
        from hoptac_cli.render import xlsx

        xlsx.write(stream, sheets)


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


#: first characters after which ``neutralise`` may change a text (else it is left as it is)
_RISKY_START = frozenset(_BLANKS) | _FORMULA_START | _BLANK_START
#: values written as ``str()`` gives them (None as an empty cell), as the csv module does
_NUMBERS = frozenset((int, float, type(None)))


def write_csv(text: IO[str], header: list[str], keys: list[str], rows: Iterable[dict[str, Any]], delimiter: str = ",") -> None:
    """The one CSV writer, for listings on stdout and for files: a header row, then one line per
    row with every cell through ``csv_value`` (formula starts neutralised, lists joined).

    Lines are what the csv module writes (minimal quoting: a cell holding the delimiter, a
    quote or a line feed is quoted, quotes doubled; ``\n`` ends a line), but built here: two
    million rows go through, and the csv module examines every character of every cell,
    which cost more than reading the rows. Numbers, empty cells and text that can be neither
    a formula nor need quoting are passed on without a call."""
    import csv

    writer = csv.writer(text, lineterminator="\n", delimiter=delimiter)
    writer.writerow([neutralise(name) for name in header])
    if len(keys) < 2:  # a row of one empty cell is '""' to the csv module: its own rules, then
        for row in rows:
            writer.writerow([csv_value(row.get(key)) for key in keys])
        return

    def other(value: Any) -> str:
        value = csv_value(value)
        if type(value) is not str:
            return str(value)
        if delimiter in value or '"' in value or "\n" in value:
            return '"' + value.replace('"', '""') + '"'
        return value

    numbers, risky = _NUMBERS, _RISKY_START
    lines: list[str] = []
    for values in _values(rows, keys):
        lines.append(
            delimiter.join(
                [
                    value
                    if (kind := type(value)) is str
                    and value
                    and value[0] not in risky
                    and delimiter not in value
                    and '"' not in value
                    and "\n" not in value
                    else ("" if value is None else str(value))
                    if kind in numbers
                    else other(value)
                    for value in values
                ]
            )
        )
        if len(lines) == 1024:
            lines.append("")
            text.write("\n".join(lines))
            lines = []
    if lines:
        lines.append("")
        text.write("\n".join(lines))


def _values(rows: Iterable[dict[str, Any]], keys: list[str]) -> Iterator[Iterable[Any]]:
    """Each row's values in the order of ``keys``: straight from the tuples of rows that have
    them in another order (``storage.exports.Records``), else looked up in each dict."""
    import operator

    tuples, known = getattr(rows, "tuples", None), getattr(rows, "keys", None)
    if tuples is not None and isinstance(known, list) and all(key in known for key in keys):
        pick = operator.itemgetter(*(known.index(key) for key in keys))
        return map(pick, tuples())
    return (map(row.get, keys) for row in rows)


class _Utf8Chunks:
    """Text written to a byte stream as UTF-8 (after a BOM), a chunk of lines at a time: the
    CSV writer writes each line on its own, and encoding them one by one cost more than
    formatting them."""

    def __init__(self, stream: IO[bytes], *, bom: bool = True, size: int = 1 << 16):
        self.stream, self.size, self.held = stream, size, 0
        self.parts: list[str] = []
        if bom:
            stream.write("\ufeff".encode("utf-8"))

    def write(self, text: str) -> int:
        self.parts.append(text)
        self.held += len(text)
        if self.held >= self.size:
            self.flush()
        return len(text)

    def flush(self) -> None:
        if self.parts:
            self.stream.write("".join(self.parts).encode("utf-8"))
            self.parts, self.held = [], 0


def _write_csv(stream: IO[bytes], sheets: list[Sheet], delimiter: str = ",", *, bom: bool = True) -> None:
    (sheet,) = sheets
    text = _Utf8Chunks(stream, bom=bom)
    keys = [column.key for column in sheet.fields]
    # Data for other programs: the stable keys, the same in every interface language; a
    # form that people fill in (the report template) keeps its column titles.
    write_csv(text, sheet.headers() if sheet.form else keys, keys, sheet.rows, delimiter)  # type: ignore[arg-type]
    text.flush()


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

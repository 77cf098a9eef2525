"""Spreadsheets people like to open: the XLSX writer behind ``export``, ``report remind`` and
``commend list -o``.

Written in openpyxl's write-only mode, so that a sheet of any length streams in flat memory:
- a bold header row, frozen, with an autofilter over the whole table;
- column widths fitted to the header and the first ``SAMPLE`` rows (write-only mode fixes
  widths before the first row, so the rest of the stream cannot widen them);
- numbers as numbers: thousands grouped, decimals only where there are some, amounts whose unit
  is đồng as whole đồng; percentages as percentages (``40`` → 40%); dates as date cells shown
  dd/mm/yyyy; yes/no (Có/Không in Vietnamese) instead of 1/0; lists joined with "; "; text
  always text (never run as a formula);
- optionally a native bar chart (``Chart``) drawn from some of the rows, e.g. progress by sector.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any

from hoptac_cli.domain.statuses import STATUSES
from hoptac_cli.domain.text import fold
from hoptac_cli.i18n import t

if TYPE_CHECKING:
    from hoptac_cli.render.tabular import Sheet

#: rows read ahead to fit column widths
SAMPLE = 200
MIN_WIDTH, MAX_WIDTH = 6, 60
#: folded units whose amounts are money, shown in whole đồng
MONEY_UNITS = frozenset({"dong", "vnd", "d", "dong-vn", "viet-nam-dong"})
FORMATS = {
    "int": "#,##0",
    "whole": "#,##0",
    "decimal": "#,##0.0#",
    "percent": "0%",
    "percent_decimal": "0.0%",
    "date": "DD/MM/YYYY",
}


@dataclass(frozen=True)
class Chart:
    """A bar chart of ``value_key`` by ``category_key`` over the rows ``include`` accepts; each
    run of consecutive accepted rows with the same ``title(row)`` (one agreement's sectors) gets
    its own chart."""

    title: Callable[[dict[str, Any]], str]
    category_key: str
    value_key: str
    include: Callable[[dict[str, Any]], bool]
    axis_title: str = ""


def is_money(unit: str | None) -> bool:
    return bool(unit) and fold(unit or "") in MONEY_UNITS


#: how a field's kind (``hoptac_cli.records``) is written; any other kind is text
_CELL_KINDS = {
    "int": "int",
    "number": "number",
    "amount": "number",
    "percent": "percent",
    "date": "date",
    "bool": "bool",
    "status": "status",
}


def _shown(value: Any, kind: str) -> str:
    """Roughly what the cell shows, to size its column."""
    if value is None:
        return ""
    if kind == "status":
        return t(f"status.{value}")
    if kind == "date":
        return "00/00/0000"
    if kind == "bool":
        return t("xlsx.yes") if value else t("xlsx.no")
    if kind == "percent":
        return f"{value}%"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (int, float)):
        return f"{value:,}"
    if isinstance(value, (list, tuple)):
        return "; ".join(str(item) for item in value)
    return str(value)


def write(stream: IO[bytes], sheets: list[Sheet]) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    bold = Font(bold=True)
    yes, no = t("xlsx.yes"), t("xlsx.no")
    words = {code: t(f"status.{code}") for code in STATUSES}
    for sheet in sheets:
        ws = book.create_sheet(sheet_title(sheet.name))
        ws.freeze_panes = "A2"
        rows: Iterator[dict[str, Any]] = iter(sheet.rows)
        sample = list(itertools.islice(rows, SAMPLE))
        headers = sheet.headers()
        kinds = [_CELL_KINDS.get(column.kind, "text") for column in sheet.fields]
        for number, (column, title, kind) in enumerate(zip(sheet.fields, headers, kinds), start=1):
            fitted = max([len(title) * 1.15 + 2] + [len(_shown(row.get(column.key), kind)) * 1.1 + 2 for row in sample])
            width = max(MIN_WIDTH, min(MAX_WIDTH, fitted))
            ws.column_dimensions[get_column_letter(number)].width = round(width, 1)
        header = []
        for title in headers:
            cell = WriteOnlyCell(ws, value=title)
            cell.font = bold
            header.append(cell)
        ws.append(header)

        def cell_for(value: Any, kind: str, row: dict[str, Any], unit_key: str | None, ws: Any = ws) -> Any:
            if value is None or value == "":
                return None
            if kind == "status":
                return words.get(value, value)
            if kind == "date" and isinstance(value, str):
                cell = WriteOnlyCell(ws, value=dt.date.fromisoformat(value[:10]))
                cell.number_format = FORMATS["date"]
                return cell
            if kind == "bool" or isinstance(value, bool):
                return yes if value else no
            if kind in ("int", "number", "percent") and isinstance(value, (int, float)):
                whole = float(value).is_integer()
                if kind == "percent":
                    cell = WriteOnlyCell(ws, value=value / 100)
                    cell.number_format = FORMATS["percent" if whole else "percent_decimal"]
                    return cell
                cell = WriteOnlyCell(ws, value=int(value) if whole else value)
                money = unit_key is not None and is_money(row.get(unit_key))
                cell.number_format = FORMATS["whole" if whole or money else "decimal"]
                return cell
            if isinstance(value, (list, tuple)):
                value = "; ".join(str(item) for item in value)
            if isinstance(value, str):
                value = ILLEGAL_CHARACTERS_RE.sub("", value)
                if value.startswith("="):
                    cell = WriteOnlyCell(ws, value=value)
                    cell.data_type = "s"  # text, never a formula
                    return cell
            return value

        specs = [(column.key, kind, column.unit) for column, kind in zip(sheet.fields, kinds)]
        count = 0
        picked: list[tuple[int, str]] = []  # row numbers the chart draws, with their chart's title
        for row in itertools.chain(sample, rows):
            ws.append([cell_for(row.get(key), kind, row, unit_key) for key, kind, unit_key in specs])
            count += 1
            if sheet.chart and sheet.chart.include(row):
                picked.append((count + 1, sheet.chart.title(row)))
        last = get_column_letter(max(1, len(sheet.fields)))
        ws.auto_filter.ref = f"A1:{last}{count + 1}"
        if sheet.chart and picked:
            _charts(ws, sheet, picked, count)
    book.save(stream)


def _charts(ws: Any, sheet: Sheet, picked: list[tuple[int, str]], count: int) -> None:
    """One horizontal bar chart per run of consecutive picked rows, placed below the table."""
    from openpyxl.chart import BarChart, Reference

    spec = sheet.chart
    assert spec is not None
    keys = [column.key for column in sheet.fields]
    category = keys.index(spec.category_key) + 1
    value = keys.index(spec.value_key) + 1
    runs: list[tuple[str, list[int]]] = []
    for number, title in picked:
        if runs and runs[-1][1][-1] == number - 1 and runs[-1][0] == title:
            runs[-1][1].append(number)
        else:
            runs.append((title, [number]))
    anchor_row = count + 3
    for title, run in runs:
        chart = BarChart()
        chart.type = "bar"  # horizontal: long sector names stay readable
        chart.style = 10
        chart.title = title
        chart.legend = None
        chart.y_axis.title = spec.axis_title or None
        chart.y_axis.number_format = "0%"
        chart.y_axis.scaling.min = 0
        chart.y_axis.scaling.max = 1
        chart.x_axis.scaling.orientation = "maxMin"  # first sector on top, as in the table
        chart.x_axis.delete = False
        chart.y_axis.delete = False
        data = Reference(ws, min_col=value, min_row=run[0], max_row=run[-1])
        labels = Reference(ws, min_col=category, min_row=run[0], max_row=run[-1])
        chart.add_data(data, titles_from_data=False)
        chart.set_categories(labels)
        chart.height = max(6.0, 0.8 * len(run) + 2)
        chart.width = 18
        ws.add_chart(chart, f"B{anchor_row}")
        anchor_row += int(chart.height * 2) + 2


def sheet_title(name: str) -> str:
    """Excel refuses sheet names longer than 31 characters or holding ``[]:*?/\\``."""
    cleaned = "".join("_" if char in "[]:*?/\\" else char for char in name)
    return cleaned[:31] or "Sheet"

"""Print records as a Rich table, JSON or CSV.

Records are plain dicts with stable English snake_case keys and raw values (ISO dates, status
codes, unrounded-elsewhere numbers). JSON and CSV print them as they are, byte for byte the same
in every interface language; the table shows the same values the way people read them
(``dd/mm/yyyy``, translated status, grouped numbers). A key ending in ``_label`` holds words for
the table only (a period's name, "(formerly: …)") and never reaches JSON or CSV.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from hoptac_cli.i18n import t

FORMATS = ("table", "json", "csv")
#: keys holding words for people, in the interface language: tables only
_LABEL_SUFFIX = "_label"
#: kinds of value that are short and unreadable when wrapped
_COMPACT = ("date", "number", "percent", "bool", "timestamp")


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # catalogue key
    kind: str = "text"  # text | date | interval | timestamp | number | percent | status | bool | label:<catalogue prefix>
    justify: str = "left"
    ratio: int | None = None  # share of spare width for long text columns in a table


def display(value: Any, kind: str) -> str:
    """One value as a person reads it in a table."""
    if value is None or value == "":
        return ""
    if kind == "date":
        from hoptac_cli.domain.dates import show_date

        return show_date(value)
    if kind == "interval":
        from hoptac_cli.domain.dates import show_date

        start, _, end = str(value).partition("/")
        return f"{show_date(start)} – {show_date(end)}"
    if kind == "status":
        return t(f"status.{value}")
    if kind == "timestamp":
        return _local_time(value)
    if kind.startswith("label:"):
        from hoptac_cli.i18n import has

        key = f"{kind[6:]}.{value}"
        return t(key) if has(key) else str(value)
    if kind == "number":
        from hoptac_cli.domain.numbers import show_number

        return show_number(value)
    if kind == "percent":
        from hoptac_cli.domain.numbers import show_number

        return f"{show_number(value)}%"
    if kind == "bool":
        return t("word.yes") if value else t("word.no")
    if isinstance(value, list):
        return "; ".join(str(item) for item in value)
    return str(value)


def _local_time(value: str) -> str:
    """SQLite's ``datetime('now')`` (UTC) as the user's local ``dd/mm/yyyy HH:MM``."""
    import datetime as dt

    moment = dt.datetime.fromisoformat(value).replace(tzinfo=dt.timezone.utc).astimezone()
    return moment.strftime("%d/%m/%Y %H:%M")


def console(stderr: bool = False):
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data_only(data), ensure_ascii=False, indent=2, default=str) + "\n")


def data_only(data: Any) -> Any:
    """``data`` without the table-only ``*_label`` keys, at any depth."""
    if isinstance(data, dict):
        return {key: data_only(value) for key, value in data.items() if not str(key).endswith(_LABEL_SUFFIX)}
    if isinstance(data, list):
        return [data_only(item) for item in data]
    return data


def print_csv(rows: Iterable[dict[str, Any]], keys: list[str]) -> None:
    """CSV on stdout through the one CSV writer of the exports (formula starts neutralised)."""
    from hoptac_cli.render.tabular import write_csv

    write_csv(sys.stdout, keys, keys, rows)


def emit(
    rows: list[dict[str, Any]],
    columns: list[Column],
    fmt: str,
    *,
    title: str | None = None,
    empty: str | None = None,
    footer: Callable[[], None] | None = None,
) -> None:
    """Print a listing in the chosen format. JSON and CSV carry every key of ``columns``."""
    keys = [column.key for column in columns if not column.key.endswith(_LABEL_SUFFIX)]
    if fmt == "json":
        print_json([{key: row.get(key) for key in keys} for row in rows])
        return
    if fmt == "csv":
        print_csv(rows, keys)
        return
    out = console()
    if not rows:
        out.print(empty or t("msg.nothing"))
        return
    from rich.table import Table

    # A column nobody filled in only costs width on a narrow terminal.
    shown = [column for column in columns if any(row.get(column.key) not in (None, "", []) for row in rows)]
    table = Table(title=_escape(title) if title else None, header_style="bold", expand=any(column.ratio for column in shown))
    for column in shown:
        table.add_column(
            t(column.header),
            justify=column.justify,
            overflow="fold",
            no_wrap=column.kind in _COMPACT or column.justify == "right",
            ratio=column.ratio,
        )
    for row in rows:
        table.add_row(*(_escape(display(row.get(column.key), column.kind)) for column in shown))
    out.print(table)
    if footer:
        footer()


def emit_record(record: dict[str, Any], fields: list[Column], fmt: str, *, title: str | None = None) -> None:
    """Print one record: a two-column table of field and value, or JSON/CSV of the whole record."""
    if fmt == "json":
        print_json(record)
        return
    if fmt == "csv":
        flat = {
            key: value
            for key, value in record.items()
            if (not isinstance(value, (list, dict)) or _is_flat(value)) and not key.endswith(_LABEL_SUFFIX)
        }
        print_csv([flat], list(flat))
        return
    from rich.table import Table

    table = Table(title=_escape(title) if title else None, show_header=False, box=None, padding=(0, 2, 0, 0))
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")
    for field in fields:
        value = display(record.get(field.key), field.kind)
        if value:
            table.add_row(t(field.header), _escape(value))
    console().print(table)


def _is_flat(value: Any) -> bool:
    return isinstance(value, list) and all(not isinstance(item, (dict, list)) for item in value)


def _escape(text: str) -> str:
    """Text for a Rich table: markup escaped, control characters (other than line breaks and
    tabs) dropped so that stored text never sends escape sequences to the terminal."""
    from rich.markup import escape

    from hoptac_cli.domain.text import clean

    return escape(clean(text))


def section(title: str) -> None:
    console().print(f"\n[bold]{_escape(title)}[/bold]")

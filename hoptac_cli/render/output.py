"""Print records as a Rich table, JSON or CSV.

Records are plain dicts with stable English snake_case keys and raw values (ISO dates, status
codes, unrounded-elsewhere numbers). JSON and CSV print them as they are, byte for byte the same
in every interface language; the table shows the same values the way people read them
(``dd/mm/yyyy``, translated status, grouped numbers). A key ending in ``_label`` holds words for
the table only (a period's name, "(formerly: …)") and never reaches JSON or CSV.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import Any

from hoptac_cli.i18n import t
from hoptac_cli.records import Column, Field, Listing

#: keys holding words for people, in the interface language: tables only
_LABEL_SUFFIX = "_label"
#: a column that can wait gives way when the table gets at least this much shorter without it
SHORTER = 0.85
#: … or when all of them giving way brings the columns within this much of a comfortable fit
NEARLY = 1.1
#: kinds of value that are short and unreadable when wrapped
_COMPACT = ("date", "number", "amount", "percent", "bool", "timestamp")


def display(value: Any, kind: str) -> str:
    """One value as a person reads it in a table (``kind``: see ``hoptac_cli.records``)."""
    if value is None or value == "":
        return ""
    if kind == "date":
        from hoptac_cli.domain.dates import show_date

        return show_date(value)
    if kind == "interval":
        from hoptac_cli.domain.dates import show_date

        start, _, end = str(value).partition("/")  # ISO 8601 "start/end"; an end not set is "…"
        return f"{show_date(start) or '…'} – {show_date(end) or '…'}" if start or end else ""
    if kind == "status":
        return t(f"status.{value}")
    if kind == "timestamp":
        return _local_time(value)
    if kind.startswith("label:"):
        from hoptac_cli.i18n import has

        key = f"{kind[6:]}.{value}"
        return t(key) if has(key) else str(value)
    if kind in ("number", "amount"):
        from hoptac_cli.domain.numbers import show_number

        return show_number(value)
    if kind == "percent":
        from hoptac_cli.domain.numbers import show_number

        return f"{show_number(value)}%"
    if kind == "bool":
        return t("word.yes") if value else t("word.no")
    if kind == "period":
        return show_period(value)
    if isinstance(value, list):
        return "; ".join(str(item) for item in value)
    return str(value)


def show_period(code: str) -> str:
    """A stored period code (``2025-H2``) the way the interface language names periods."""
    from hoptac_cli.domain.periods import parse_period
    from hoptac_cli.errors import HoptacError

    try:
        return parse_period(str(code)).label()
    except HoptacError:
        return str(code)


#: how the old and new values of a changed field are shown (history tables)
_CHANGE_KINDS = {"status": "status", "target": "number", "baseline": "number", "value": "number", "progress": "percent"}


def change_kind(field: str | None) -> str:
    """The kind of value a history row's ``old_value``/``new_value`` holds, from its ``field``."""
    field = field or ""
    if field.endswith("_on") or field in ("date", "decided_on", "signed_on"):
        return "date"
    return _CHANGE_KINDS.get(field, "text")


def cell(row: dict[str, Any], column: Column) -> str:
    """One table cell: the row's value for ``column`` as a person reads it."""
    value = row.get(column.key)
    if column.kind == "change":
        # ids (a lead agency, partners) are named by the domain in ``<key>_label``
        label = row.get(f"{column.key}{_LABEL_SUFFIX}")
        return str(label) if label not in (None, "") else display(value, change_kind(row.get("field")))
    return display(value, column.kind)


def _local_time(value: str) -> str:
    """SQLite's ``datetime('now')`` (UTC) as the user's local ``dd/mm/yyyy HH:MM``."""
    import datetime as dt

    moment = dt.datetime.fromisoformat(value).replace(tzinfo=dt.UTC).astimezone()
    return moment.strftime("%d/%m/%Y %H:%M")


def console(stderr: bool = False):
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def print_json(data: Any) -> None:
    import json  # only for --json: a table needs none of it

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
    listing: Listing | list[Column] | list[Field],
    fmt: str,
    *,
    title: str | None = None,
    empty: str | None = None,
) -> None:
    """Print a listing (``hoptac_cli.records``) in the chosen format: its table, or the fields
    its JSON and CSV carry. A list of columns is a listing whose JSON and CSV carry them."""
    if not isinstance(listing, Listing):
        # columns make a table; bare fields are what JSON and CSV carry (no table)
        columns_given = [item for item in listing if isinstance(item, Column)]
        fields = [item for item in listing if isinstance(item, Field)]
        listing = Listing(columns_given) if len(columns_given) == len(listing) else Listing([], fields)
    columns, keys = listing.table, listing.keys
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
    out.print(table(rows, columns, out.width, title=title))


def table(rows: list[dict[str, Any]], columns: list[Column], width: int, *, title: str | None = None):  # type: ignore[no-untyped-def]
    """The Rich table of a listing laid out for ``width`` columns (see ``render.table``).

    Columns nobody filled in are left out; a ``same`` column whose value is the same on every
    row is said once in the caption; on a narrow terminal the ``narrow`` columns give way.
    """
    from hoptac_cli.render.table import COMFORT, Spec, build, fits, measure, overhead, tall

    # A column nobody filled in only costs width on a narrow terminal.
    shown = [column for column in columns if any(row.get(column.key) not in (None, "", []) for row in rows)]
    notes = []
    if len(rows) > 1:
        for column in [column for column in shown if column.same]:
            distinct = {cell(row, column) for row in rows}
            if len(distinct) == 1:
                notes.append(f"{t(column.header)}: {_clean(distinct.pop())}")
                shown.remove(column)
    texts: dict[str, list[str]] = {column.key: [_clean(cell(row, column)) for row in rows] for column in shown}
    sections: list[bool] = [False] * len(rows)
    for column in [column for column in shown if column.group]:
        values = texts[column.key]
        sections = [index + 1 < len(values) and values[index + 1] != value for index, value in enumerate(values)]
        texts[column.key] = ["" if index and values[index - 1] == value else value for index, value in enumerate(values)]
    headers = {column.key: t(column.header) for column in shown}

    def spec(column: Column, headers: dict[str, str]) -> Spec:
        wraps = not (column.kind in _COMPACT or column.justify == "right")
        ratio = column.ratio or 1
        return Spec(headers[column.key], column.justify, wraps, column.lines, comfort=COMFORT + 8 * (ratio - 1), ratio=ratio)

    def narrowed(
        layout: list[Column], texts: dict[str, list[str]], headers: dict[str, str], step: Column
    ) -> tuple[list[Column], dict[str, list[str]], dict[str, str]]:
        """The columns without ``step``, or with it under the column it merges into."""
        kept = [column for column in layout if column is not step]
        new_texts, new_headers = dict(texts), dict(headers)
        target = next((column for column in kept if column.key == step.merge), None)
        if target is not None:
            # A new value under the old one reads as a change: "→ new".
            below = [f"→ {text}" if text and step.kind == "change" else text for text in texts[step.key]]
            new_texts[target.key] = [
                f"{above}\n{extra}" if above and extra else above or extra for above, extra in zip(texts[target.key], below)
            ]
            new_headers[target.key] = f"{headers[target.key]} / {headers[step.key]}"
        return kept, new_texts, new_headers

    # Narrowing steps, the highest ``narrow`` first, while the columns do not fit comfortably.
    # When taking them all makes the columns fit comfortably, they are taken until they do;
    # otherwise a step is taken only when the words would not fit without it, or when it makes
    # the table clearly shorter (a column that can wait is not worth rows much taller).
    def comfortable(layout: list[Column], texts: dict[str, list[str]], headers: dict[str, str], room: float = 1) -> bool:
        return fits([measure(spec(column, headers), texts[column.key]) for column in layout], int(width * room))

    steps = sorted((column for column in shown if column.narrow), key=lambda column: -column.narrow)
    reachable = (shown, texts, headers)
    for step in steps:
        reachable = narrowed(*reachable, step)
    reachable_fits = comfortable(*reachable, room=NEARLY)
    for step in steps:
        if comfortable(shown, texts, headers):
            break
        kept, new_texts, new_headers = narrowed(shown, texts, headers, step)
        specs = [spec(column, headers) for column in shown]
        squeezed = sum(measure(s, texts[c.key]).least for s, c in zip(specs, shown)) + overhead(len(shown)) > width
        if not (reachable_fits or squeezed):
            before = tall(specs, [texts[c.key] for c in shown], width)
            after = tall([spec(column, new_headers) for column in kept], [new_texts[c.key] for c in kept], width)
            if after > SHORTER * before:
                continue
        shown, texts, headers = kept, new_texts, new_headers
    specs = [spec(column, headers) for column in shown]
    # Last resort: a column whose words cannot all fit gives way rather than have them cut.
    while len(shown) > 1:
        least = [measure(s, texts[c.key]).least for s, c in zip(specs, shown)]
        if sum(least) + overhead(len(shown)) <= width:
            break
        widest = max(range(1, len(shown)), key=lambda i: least[i])
        shown.pop(widest)
        specs.pop(widest)
    return build(
        specs,
        [[texts[column.key][index] for column in shown] for index in range(len(rows))],
        width,
        title=_clean(title) if title else None,
        caption="; ".join(notes) or None,
        sections=sections,
    )


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
    from rich.text import Text

    from hoptac_cli.render.table import cell_width, longest_word, wrap

    out = console()
    pairs = [(t(field.header), _clean(cell(record, field))) for field in fields]
    pairs = [(label, value) for label, value in pairs if value]
    # The field names take what they need, up to a third of the width; the values, the rest.
    longest = max((cell_width(label) for label, _ in pairs), default=0)
    name_width = min(longest, max(out.width // 3, max((longest_word(label) for label, _ in pairs), default=0)))
    sizes = [name_width, max(out.width - name_width - 2, 1)]
    if title:
        out.print(Text(wrap(_clean(title), out.width), style="bold"))
    table = Table(show_header=False, box=None, padding=(0, 2, 0, 0), pad_edge=False)
    table.add_column(style="bold", width=sizes[0], no_wrap=True, overflow="fold")
    table.add_column(width=max(sizes[1], 1), no_wrap=True, overflow="fold")
    for label, value in pairs:
        table.add_row(Text(wrap(label, sizes[0])), Text(wrap(value, sizes[1])))
    out.print(table)


def _is_flat(value: Any) -> bool:
    return isinstance(value, list) and all(not isinstance(item, (dict, list)) for item in value)


def _clean(text: str) -> str:
    """Stored text for a table: control characters (other than line breaks and tabs) dropped so
    that stored text never sends escape sequences to the terminal; tabs become spaces."""
    from hoptac_cli.domain.text import clean

    return clean(text).replace("\t", " ")


def _escape(text: str) -> str:
    """Text for Rich markup: escaped and cleaned."""
    from rich.markup import escape

    return escape(_clean(text))


def paragraph(text: str) -> None:
    """A sentence under a table, wrapped at spaces to the terminal's width."""
    from rich.text import Text

    console().print(Text(_clean(text)))


def section(title: str) -> None:
    console().print(f"\n[bold]{_escape(title)}[/bold]")

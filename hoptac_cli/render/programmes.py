"""``hoptac status`` with several active agreements: one row per programme.

Records come from ``domain.status.programmes`` (stable keys, ISO dates); this module only lays
them out for a terminal: the programme's slug (what ``--agreement`` takes), its parties as they
answer today, the number of actions, overdue, mean progress as a bar and the reports received
out of those expected. When every programme is seen at the same period, the caption says which
(as the sector table's does); otherwise a Period column does.
"""

from __future__ import annotations

from typing import Any

from hoptac_cli.i18n import t

Row = dict[str, Any]

#: what JSON and CSV carry for each programme
KEYS = (
    "agreement", "title", "parties", "period", "as_of", "deadline", "actions",
    "not_started", "in_progress", "done", "behind", "paused", "cancelled",
    "overdue", "progress", "reports_received", "reports_expected",
)


def bar(progress: float | None, width: int):  # type: ignore[no-untyped-def]
    """``█████░░░░░ 45.5%``: the share done as a bar, then the figure itself."""
    from rich.text import Text

    from hoptac_cli.render.output import display

    filled = round((progress or 0) / 100 * width)
    text = Text("█" * filled, style="green")
    text.append("░" * (width - filled), style="dim")
    text.append(f" {display(progress or 0, 'percent')}")
    return text


def heading(count: int, party: str | None) -> str:
    from hoptac_cli.domain.numbers import show_number

    if party is not None:
        return t("stat.programmes_of", party=party, count=show_number(count))
    return t("stat.programmes_heading", count=show_number(count))


def _caption(rows: list[Row]) -> tuple[str, bool]:
    """The caption, and whether the programmes differ in period (then a column says it)."""
    from hoptac_cli.domain.dates import show_date

    first = rows[0]
    same = all((row["period"], row["as_of"], row["deadline"], row["explicit"]) ==
               (first["period"], first["as_of"], first["deadline"], first["explicit"]) for row in rows)
    if not same:
        return t("stat.programmes_caption_mixed", date=show_date(first["as_of"])), True
    if first["explicit"]:
        caption = t("stat.caption_period", period=first["period_label"], date=show_date(first["as_of"]))
    else:
        caption = t("stat.caption_today", date=show_date(first["as_of"]), period=first["period_label"],
                    deadline=show_date(first["deadline"]))
    return f"{caption} {t('stat.programmes_hint')}", False


def print_programmes(rows: list[Row], *, total: int, party: str | None, start: int = 1) -> None:
    """The table of programmes (``rows``: those shown, out of ``total``), under a heading."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from hoptac_cli.domain.text import clean
    from hoptac_cli.render.output import console, display

    out = console()
    out.print(Text(clean(heading(total, party)), style="bold"))
    if not rows:
        return
    caption, mixed = _caption(rows)
    # Narrow terminals (80 columns) drop the row number and the bar: the slug names the row and
    # the percentage says what the bar shows.
    narrow = out.width < 100
    table = Table(box=box.SIMPLE_HEAD, header_style="bold", padding=(0, 1), caption=caption, caption_justify="left",
                  show_edge=not narrow, pad_edge=not narrow)
    if not narrow:
        table.add_column(t("col.no"), justify="right")
    table.add_column(t("stat.col.programme"), no_wrap=True)  # what --agreement takes: never cut
    table.add_column(t("stat.col.parties"), min_width=8, ratio=1)
    if mixed:
        table.add_column(t("stat.col.period"), no_wrap=True)
    for header in ("stat.col.actions", "stat.col.overdue"):
        table.add_column(t(header), justify="right", no_wrap=True)
    table.add_column(t("stat.col.progress"), justify="right" if narrow else "left", no_wrap=True)
    table.add_column(t("stat.col.reports"), justify="right", no_wrap=True)
    width = 10 if out.width >= 120 else 5
    for number, row in enumerate(rows, start=start):
        if not row["actions"]:
            progress = Text(t("stat.no_actions"), style="bold yellow")
        elif narrow:
            progress = Text(display(row["progress"] or 0, "percent"))
        else:
            progress = bar(row["progress"], width)
        cells = [
            *([] if narrow else [str(number)]),
            Text(row["agreement"]),
            Text(clean(row["parties_label"])),
            *([row["period_label"]] if mixed else []),
            str(row["actions"]),
            Text(str(row["overdue"]), style="bold red" if row["overdue"] else ""),
            progress,
            f"{row['reports_received']}/{row['reports_expected']}",
        ]
        table.add_row(*cells)
    out.print(table)

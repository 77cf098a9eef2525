"""``hoptac status`` with several active agreements: one row per programme.

Records come from ``domain.status.programmes`` (``records.PROGRAMME``: stable keys, ISO dates); this module only lays
them out for a terminal: the programme's slug (what ``--agreement`` takes), its parties as they
answer today, the number of actions, overdue, mean progress as a bar and the reports received
out of those expected. When every programme is seen at the same period, the caption says which
(as the sector table's does); otherwise a Period column does.
"""

from __future__ import annotations

from typing import Any

from hoptac_cli.i18n import formerly, t

Row = dict[str, Any]


def heading(count: int, party: str | None) -> str:
    from hoptac_cli.domain.numbers import show_number

    if party is not None:
        return t("stat.programmes_of", party=party, count=show_number(count))
    return t("stat.programmes_heading", count=show_number(count))


def _caption(rows: list[Row]) -> tuple[str, bool]:
    """The caption, and whether the programmes differ in period (then a column says it)."""
    from hoptac_cli.domain.dates import show_date
    from hoptac_cli.render.output import show_period

    first = rows[0]
    same = all(
        (row["period"], row["as_of"], row["deadline"], row["explicit"])
        == (first["period"], first["as_of"], first["deadline"], first["explicit"])
        for row in rows
    )
    if not same:
        return t("stat.programmes_caption_mixed", date=show_date(first["as_of"])), True
    if first["explicit"]:
        caption = t("stat.caption_period", period=show_period(first["period"]), date=show_date(first["as_of"]))
    else:
        caption = t(
            "stat.caption_today",
            date=show_date(first["as_of"]),
            period=show_period(first["period"]),
            deadline=show_date(first["deadline"]),
        )
    return f"{caption} {t('stat.programmes_hint')}", False


def print_programmes(rows: list[Row], *, total: int, party: str | None, start: int = 1) -> None:
    """The table of programmes (``rows``: those shown, out of ``total``), under a heading, laid
    out like the sector table (``render.table``)."""
    from rich.text import Text

    from hoptac_cli.domain.text import clean
    from hoptac_cli.records import PROGRAMME
    from hoptac_cli.render.output import console, display, show_period
    from hoptac_cli.render.status import WIDE, bar
    from hoptac_cli.render.table import Spec, build

    out = console()
    out.print(Text(clean(heading(total, party)), style="bold"))
    if not rows:
        return
    caption, mixed = _caption(rows)
    # Narrow terminals (80 columns) drop the row number and the bar: the slug names the row and
    # the percentage says what the bar shows.
    narrow = out.width < WIDE

    def named(key: str) -> str:
        return t(PROGRAMME.header(key))

    specs = [
        *([] if narrow else [Spec(t("col.no"), "right", wrap=False)]),
        Spec(named("agreement"), wrap=False),  # what --agreement takes: never cut
        Spec(named("parties"), comfort=12, ratio=2),
        *([Spec(named("period"), wrap=False)] if mixed else []),
        Spec(named("actions"), "right", wrap=False),
        Spec(named("overdue"), "right", wrap=False),
        Spec(named("progress"), "right" if narrow else "left", wrap=False),
        Spec(t("col.reports"), "right", wrap=False),  # received/expected
    ]
    width = 10 if out.width >= 120 else 5
    table: list[list[str | Text]] = []
    for number, row in enumerate(rows, start=start):
        if not row["actions"]:
            progress = Text(t("stat.no_actions"), style="bold yellow")
        elif narrow:
            progress = Text(display(row["progress"] or 0, "percent"))
        else:
            progress = bar(row["progress"], width)
        table.append(
            [
                *([] if narrow else [str(number)]),
                Text(row["agreement"]),
                # one party a line when the terminal is narrow, rather than a name broken in two
                Text(
                    clean(("\n" if narrow else ", ").join(formerly(party["name"], party["formerly"]) for party in row["signing"]))
                ),
                *([show_period(row["period"])] if mixed else []),
                str(row["actions"]),
                Text(str(row["overdue"]), style="bold red" if row["overdue"] else ""),
                progress,
                f"{row['reports_received']}/{row['reports_expected']}",
            ]
        )
    out.print(build(specs, table, out.width, caption=caption))

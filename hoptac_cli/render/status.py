"""The ``hoptac status`` tables: how far each sector is, or each action of one sector.

Laid out for the terminal's width by ``render.table``: on a wide terminal the status counts are
words on one line ("21 not started, 4 done"); on a narrow one they are one compact cell of
symbols ("○21 ●4") explained once under the table. A due date that every action shares is said
once under the table, sectors without actions are named there too, and long names wrap at
spaces only (at 80 columns the sample's 12 sectors fit a 30-line screen).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from hoptac_cli.domain.statuses import STATUSES
from hoptac_cli.domain.text import clean
from hoptac_cli.i18n import count, formerly, t

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from hoptac_cli.domain.status import Picture

Row = dict[str, Any]

#: colours of status words; with NO_COLOR the words alone carry the meaning
STATUS_STYLE = {"done": "green", "behind": "red", "paused": "yellow", "cancelled": "dim"}
#: one symbol per status for the compact cell (explained under the table)
SYMBOLS = {"not-started": "○", "in-progress": "◐", "done": "●", "behind": "▲", "paused": "‖", "cancelled": "✕"}
#: a difficulty longer than this is cut in the table (JSON and CSV keep it whole)
DIFFICULTY_CHARS = 60
#: from this width on, progress bars are 10 characters long instead of 5
WIDE = 100


def shorten(text: str, limit: int) -> str:
    """The first line of ``text``, cut at a word boundary to ``limit`` characters with an ellipsis."""
    line = " ".join(text.split())
    if len(line) <= limit:
        return line
    cut = line[: limit - 1].rsplit(" ", 1)[0] or line[: limit - 1]
    return cut.rstrip(",;:.") + "…"


def bar(progress: float | None, width: int) -> Text:
    """``█████░░░░░ 45,5%``: the share done as a bar, then the figure itself."""
    from rich.text import Text

    from hoptac_cli.render.output import display

    filled = round((progress or 0) / 100 * width)
    text = Text("█" * filled, style="green")
    text.append("░" * (width - filled), style="dim")
    text.append(f" {display(progress or 0, 'percent')}")
    return text


def _console() -> Console:
    from hoptac_cli.render.output import console

    return console()


def _heading(out: Console, text: str, *, bold: bool = True) -> None:
    """A title printed above the table, wrapped at spaces to the terminal's width."""
    from rich.text import Text

    from hoptac_cli.render.table import wrap

    out.print(Text(wrap(clean(text), out.width), style="bold" if bold else ""))


def caption(shot: Picture) -> str:
    from hoptac_cli.domain.dates import show_date

    period = shot.period.label()
    if shot.explicit:
        return t("stat.caption_period", period=period, date=show_date(shot.period.end))
    deadline = show_date(shot.period.deadline(shot.agreement["deadline_day"]))
    return t("stat.caption_today", date=show_date(shot.reference), period=period, deadline=deadline)


def _by_status(row: Row, compact: bool) -> Text:
    """The status counts of a row: "○21 ◐1 ●4" (compact) or "21 not started, 1 in progress"."""
    from rich.text import Text

    cell = Text()
    for status in STATUSES:
        number = row[status.replace("-", "_")]
        if number:
            if cell:
                cell.append(" " if compact else ", ")
            words = f"{SYMBOLS[status]}{number}" if compact else f"{number} {t(f'status.{status}')}"
            cell.append(words, style=STATUS_STYLE.get(status, ""))
    return cell


def legend(rows: list[Row]) -> str:
    """What the symbols of the compact status cells mean (only those in the table)."""
    used = [status for status in STATUSES if any(row[status.replace("-", "_")] for row in rows)]
    return "  ".join(f"{SYMBOLS[status]} {t(f'status.{status}')}" for status in used)


def print_overview(shot: Picture, rows: list[Row]) -> None:
    """One agreement's sectors: actions, status counts, overdue, progress, reports received."""
    from rich.text import Text

    from hoptac_cli.records import SECTOR_FIGURES
    from hoptac_cli.render.table import Spec, build, fits, measure, tall

    def named(key: str) -> str:
        return t(SECTOR_FIGURES.header(key))

    out = _console()
    width = out.width
    _heading(out, shot.agreement["title"])
    _heading(
        out,
        t("stat.parties", parties=", ".join(formerly(party["name"], party["formerly"]) for party in shot.parties)),
        bold=False,
    )
    bar_width = 10 if width >= WIDE else 5
    empty = [clean(row["sector"]) for row in rows if row["row"] != "total" and row["actions"] == 0]

    made: dict[bool, list[list[Any]]] = {}

    def cells(compact: bool) -> list[list[Any]]:
        """The rows' cells, words or symbols (made once each: the layout asks several times)."""
        if compact in made:
            return made[compact]
        table = made[compact] = []
        for row in rows:
            total = row["row"] == "total"
            none = row["actions"] == 0 and not total
            table.append(
                [
                    "" if total else str(row["position"]),
                    Text(
                        t("word.total") if total else clean(row["sector"]),
                        style="bold" if total else "bold yellow" if none else "",
                    ),
                    str(row["actions"]),
                    Text("⚠" if compact else t("stat.no_actions"), style="bold yellow") if none else _by_status(row, compact),
                    Text(str(row["overdue"]), style="bold red" if row["overdue"] else ""),
                    Text("–") if none else bar(row["progress"], bar_width),
                    f"{row['reports_received']}/{row['reports_expected']}",
                ]
            )
        return table

    def specs(compact: bool) -> list[Spec]:
        return [
            Spec(named("position"), "right", wrap=False),
            Spec(named("sector"), lines=2, comfort=24, ratio=3),
            Spec(named("actions"), "right", wrap=False),
            Spec(t("col.by_status"), wrap=compact),
            Spec(named("overdue"), "right", wrap=False),
            Spec(named("progress"), wrap=False),
            Spec(t("col.reports"), "right", wrap=False),  # received/expected
        ]

    def plain(table: list[list[Any]]) -> list[list[str]]:
        return [[cell.plain if isinstance(cell, Text) else cell for cell in row] for row in table]

    # The counts in words when they fit on one line and cost the sector names at most one line
    # more than the compact symbols (explained in a legend) would.
    def height(compact: bool) -> int:
        columns, texts = specs(compact), plain(cells(compact))
        return tall(columns, [[row[i] for row in texts] for i in range(len(columns))], width)

    words = specs(False), plain(cells(False))
    compact = (
        not fits([measure(spec, [row[i] for row in words[1]]) for i, spec in enumerate(words[0])], width)
        or height(False) > height(True) + 1
    )
    table, columns = cells(compact), specs(compact)
    notes = [caption(shot)]
    if compact:
        notes.append(legend(rows))
    if empty:
        notes.append(t("stat.empty_sectors", sectors=", ".join(empty)))
    sections = [index == len(rows) - 2 for index in range(len(rows))]
    styles = ["bold" if row["row"] == "total" else None for row in rows]
    out.print(build(columns, table, width, caption="\n".join(notes), sections=sections, row_styles=styles))


def _agencies(row: Row, partners: bool) -> Text:
    from rich.text import Text

    text = Text(clean(row["lead"]), style="bold")
    if partners:
        for partner in row["partners"]:
            text.append(f"\n+ {clean(partner)}", style="dim")
    return text


def _progress_cell(row: Row, bar_width: int) -> Text:
    from hoptac_cli.render.output import display

    text = bar(row["progress"], bar_width)
    if row["target"] is not None:
        value = display(row["value"], "number") or "–"
        text.append(f"\n{value}/{display(row['target'], 'number')} {row['unit'] or ''}".rstrip())
    return text


def print_detail(shot: Picture, totals: Row, rows: list[Row]) -> None:
    """One sector's actions: agencies, due date and status, progress, the latest report."""
    from rich.text import Text

    from hoptac_cli.domain.dates import show_date
    from hoptac_cli.records import ACTION_FIGURES
    from hoptac_cli.render.output import display, show_period
    from hoptac_cli.render.table import Spec, build, fits, measure

    def named(key: str) -> str:
        return t(ACTION_FIGURES.header(key))

    out = _console()
    width = out.width
    header = t(
        "stat.detail_header",
        sector=totals["sector"],
        agreement=shot.agreement["title"],
        actions=count("count.action", totals["actions"]),
        overdue=totals["overdue"],
        received=totals["reports_received"],
        expected=totals["reports_expected"],
        progress=display(totals["progress"], "percent") or "–",
    )
    _heading(out, header)
    if not rows:
        out.print(Text(t("stat.no_actions_sector"), style="bold yellow"))
        return
    notes = [caption(shot)]
    dues = {row["due_on"] for row in rows}
    same_due = len(rows) > 1 and len(dues) == 1
    if same_due and dues != {None}:
        notes.append(f"{named('due_on')}: {show_date(dues.pop())}")
    bar_width = 10 if width >= WIDE else 5

    def state(row: Row) -> Text:
        cell = Text(show_date(row["due_on"]) + "\n" if row["due_on"] and not same_due else "")
        cell.append(t(f"status.{row['status']}"), style=STATUS_STYLE.get(row["status"], ""))
        if row["overdue"]:
            cell.append(f"\n{t('stat.overdue_mark')}", style="bold red")
        return cell

    def latest(row: Row, inline: bool) -> Text:
        period = show_period(row["latest_period"]) if row["latest_period"] else "–"
        cell = Text(period, style="dim" if inline else "")
        if row["latest_difficulty"]:
            difficulty = shorten(clean(row["latest_difficulty"]), DIFFICULTY_CHARS)
            cell.append(f": {difficulty}" if inline else f"\n{difficulty}", style="dim")
        return cell

    def title(row: Row, inline: bool) -> Text:
        cell = Text(clean(row["title"]))
        if inline and row["latest_period"]:
            cell.append("\n")
            cell.append_text(latest(row, True))
        return cell

    def layout(partners: bool, inline: bool) -> tuple[list[Spec], list[list[Any]]]:
        columns = [
            Spec(named("id"), "right", wrap=False),
            Spec(named("title"), lines=None if inline else 4, comfort=24, ratio=3),
            Spec(t("col.lead_partners") if partners else named("lead"), comfort=20, ratio=2),
            Spec(named("status") if same_due else t("col.due_status")),
            Spec(named("progress"), comfort=bar_width + 6),
        ]
        if not inline:
            columns.append(Spec(t("col.latest_report"), lines=3, ratio=2))
        table = []
        for row in rows:
            cells = [str(row["id"]), title(row, inline), _agencies(row, partners), state(row), _progress_cell(row, bar_width)]
            if not inline:
                cells.append(latest(row, False))
            table.append(cells)
        return columns, table

    # Narrower: the partner agencies drop out first, then the latest report goes under the title.
    for partners, inline in ((True, False), (False, False), (False, True)):
        columns, table = layout(partners, inline)
        texts = [[cell.plain if isinstance(cell, Text) else cell for cell in row] for row in table]
        if fits([measure(spec, [row[i] for row in texts]) for i, spec in enumerate(columns)], width):
            break
    out.print(build(columns, table, width, caption="\n".join(notes)))

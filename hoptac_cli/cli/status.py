"""``hoptac status``: how far each sector is, or, with ``--sector``, each action of one sector."""


from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from hoptac_cli.cli.common import AgreementOpt, FormatOpt, JsonOpt, OutputFormat, output_format, session
from hoptac_cli.cli.rows import AllOpt, LimitOpt
from hoptac_cli.domain.text import clean
from hoptac_cli.i18n import count, t
from hoptac_cli.render.output import Column, emit

if TYPE_CHECKING:
    from rich.text import Text

    from hoptac_cli.domain.status import Picture

Row = dict[str, Any]

SectorOpt = Annotated[Optional[str], typer.Option("--sector", "-s", help="One sector (slug, id or name): one row per action.")]
PeriodOpt = Annotated[
    Optional[str],
    typer.Option("--period", "-p", help="As of this period (2022-H1, H1/2022, 2022): only reports up to its end count."),
]

#: what JSON and CSV carry; the table shows the same values
OVERVIEW_COLUMNS = [
    Column(key, f"stat.col.{key}")
    for key in (
        "row", "agreement", "period", "as_of", "position", "sector", "sector_slug", "actions",
        "not_started", "in_progress", "done", "behind", "paused", "cancelled",
        "overdue", "progress", "reports_received", "reports_expected",
    )
]
DETAIL_COLUMNS = [
    Column(key, f"stat.col.{key}")
    for key in (
        "id", "agreement", "sector_slug", "period", "as_of", "title", "lead", "partners", "start_on", "due_on", "status",
        "progress", "overdue", "unit", "baseline", "target", "measure", "value", "latest_period", "latest_difficulty",
        "expected", "reported",
    )
]
#: a difficulty longer than this is cut in the table (JSON and CSV keep it whole)
_DIFFICULTY_CHARS = 60
#: colours of status words; with NO_COLOR the words alone carry the meaning
_STATUS_STYLE = {"done": "green", "behind": "red", "paused": "yellow", "cancelled": "dim"}


PartyOpt = Annotated[
    Optional[str],
    typer.Option("--party", help="Every active programme this province or city takes part in, one row each."),
]


def status(
    agreement: AgreementOpt = None,
    sector: SectorOpt = None,
    period: PeriodOpt = None,
    party: PartyOpt = None,
    limit: LimitOpt = None,
    show_all: AllOpt = False,
    fmt: FormatOpt = OutputFormat.table,
    as_json: JsonOpt = False,
) -> None:
    """Progress by sector (or by action with --sector): status counts, overdue, reports received.
    With several active programmes (or --party): one row per programme."""
    from hoptac_cli.domain import status as domain

    chosen = output_format(fmt, as_json)
    with session() as db:
        if party is not None or (agreement is None and sector is None and domain.several_active(db)):
            _programmes(db, party, agreement, sector, period, chosen, limit, show_all)
            return
        if sector is not None:
            shot, totals, rows = domain.sector_detail(db, sector, agreement, period)
            if chosen == "table":
                _print_detail(shot, totals, rows)
            else:
                emit(rows, DETAIL_COLUMNS, chosen)
            return
        pictures = domain.overview(db, agreement, period)
    if chosen != "table":
        emit([row for _, rows in pictures for row in rows], OVERVIEW_COLUMNS, chosen)
        return
    for shot, rows in pictures:
        _print_overview(shot, rows)


def _programmes(db, party, agreement, sector, period, chosen, limit, show_all) -> None:  # type: ignore[no-untyped-def]
    """One row per active programme (of the party): the table shows the first rows."""
    from hoptac_cli.cli import rows as listing
    from hoptac_cli.domain import status as domain
    from hoptac_cli.errors import HoptacError
    from hoptac_cli.render import programmes

    if party is not None and (agreement is not None or sector is not None):
        raise HoptacError(t("err.party_one_agreement", option="--agreement" if agreement is not None else "--sector"))
    listing.check(limit, show_all)
    named, found = domain.programmes(db, period, party)
    shown, total = listing.limited(found, chosen, limit, show_all)
    if chosen != "table":
        emit(shown, [Column(key, key) for key in programmes.KEYS], chosen)
    elif not found:
        typer.echo(t("stat.no_programmes_of", party=named["name"]) if named else t("stat.no_programmes"))
    else:
        programmes.print_programmes(shown, total=total, party=named["name"] if named else None)
    listing.left_out(len(shown), total)


# the tables ----------------------------------------------------------------------------------

def _table(caption: str):
    from rich import box
    from rich.table import Table

    return Table(box=box.SIMPLE_HEAD, header_style="bold", padding=(0, 1), caption=caption, caption_justify="left")


def _heading(text: str, *, bold: bool = True) -> None:
    """A title printed above the table, so that a long one wraps instead of being cut."""
    from rich.text import Text

    from hoptac_cli.render.output import console

    console().print(Text(clean(text), style="bold" if bold else ""))


def _bar_width() -> int:
    from hoptac_cli.render.output import console

    return 10 if console().width >= 100 else 5


def bar(progress: float | None, width: int) -> "Text":
    """``█████░░░░░ 45.5%``: the share done as a bar, then the figure itself."""
    from rich.text import Text

    from hoptac_cli.render.output import display

    filled = round((progress or 0) / 100 * width)
    text = Text("█" * filled, style="green")
    text.append("░" * (width - filled), style="dim")
    text.append(f" {display(progress or 0, 'percent')}")
    return text


def _caption(shot: "Picture") -> str:
    from hoptac_cli.domain.dates import show_date

    period = shot.period.label()
    if shot.explicit:
        return t("stat.caption_period", period=period, date=show_date(shot.period.end))
    deadline = show_date(shot.period.deadline(shot.agreement["deadline_day"]))
    return t("stat.caption_today", date=show_date(shot.reference), period=period, deadline=deadline)


def _print_overview(shot: "Picture", rows: list[Row]) -> None:
    from rich.text import Text

    from hoptac_cli.domain.statuses import STATUSES
    from hoptac_cli.render.output import console

    _heading(shot.agreement["title"])
    _heading(t("stat.parties", parties=", ".join(shot.parties)), bold=False)
    table = _table(_caption(shot))
    table.add_column(t("col.no"), justify="right")
    table.add_column(t("col.sector"), min_width=12)
    table.add_column(t("stat.col.actions"), justify="right")
    table.add_column(t("stat.col.by_status"), min_width=12)
    table.add_column(t("stat.col.overdue"), justify="right")
    table.add_column(t("stat.col.progress"), min_width=11)
    table.add_column(t("stat.col.reports"), justify="right")
    width = _bar_width()
    for number, row in enumerate(rows, start=1):
        total = row["row"] == "total"
        by_status = Text()
        for status in STATUSES:
            count = row[status.replace("-", "_")]
            if count:
                by_status.append(("\n" if by_status else "") + f"{count} {t(f'status.{status}')}", style=_STATUS_STYLE.get(status, ""))
        empty = row["actions"] == 0 and not total
        progress = Text(t("stat.no_actions"), style="bold yellow") if empty else bar(row["progress"], width)
        table.add_row(
            "" if total else str(row["position"]),
            Text(t("word.total") if total else clean(row["sector"]), style="bold" if total else "bold yellow" if empty else ""),
            str(row["actions"]),
            by_status,
            Text(str(row["overdue"]), style="bold red" if row["overdue"] else ""),
            progress,
            f"{row['reports_received']}/{row['reports_expected']}",
            style="bold" if total else None,
            end_section=number == len(rows) - 1,
        )
    console().print(table)



def _agencies(row: Row) -> "Text":
    from rich.text import Text

    text = Text(clean(row["lead"]), style="bold")
    for partner in row["partners"]:
        text.append(f"\n+ {clean(partner)}", style="dim")
    return text


def _progress_cell(row: Row, width: int) -> "Text":
    from hoptac_cli.render.output import display

    text = bar(row["progress"], width)
    if row["target"] is not None:
        value = display(row["value"], "number") or "–"
        text.append(f"\n{value}/{display(row['target'], 'number')} {row['unit'] or ''}".rstrip())
    return text


def _print_detail(shot: "Picture", totals: Row, rows: list[Row]) -> None:
    from rich.text import Text

    from hoptac_cli.render.output import console, display

    out = console()
    header = t(
        "stat.detail_header", sector=totals["sector"], agreement=shot.agreement["title"], actions=count("count.action", totals["actions"]),
        overdue=totals["overdue"], received=totals["reports_received"], expected=totals["reports_expected"],
        progress=display(totals["progress"], "percent") or "–",
    )
    _heading(header)
    if not rows:
        out.print(Text(t("stat.no_actions_sector"), style="bold yellow"))
        return
    table = _table(_caption(shot))
    table.add_column(t("stat.col.id"), justify="right")
    table.add_column(t("stat.col.title"), min_width=14)
    table.add_column(t("stat.col.agencies"), min_width=12)
    table.add_column(t("stat.col.due_status"), min_width=10)
    table.add_column(t("stat.col.progress"), min_width=10)
    table.add_column(t("stat.col.latest_report"), min_width=12)
    width = _bar_width()
    for row in rows:
        state = Text(display(row["due_on"], "date") + "\n" if row["due_on"] else "")
        state.append(t(f"status.{row['status']}"), style=_STATUS_STYLE.get(row["status"], ""))
        if row["overdue"]:
            state.append(f"\n{t('stat.overdue_mark')}", style="bold red")
        latest = Text(row["latest_period"] or "–")
        if row["latest_difficulty"]:
            latest.append(f"\n{shorten(clean(row['latest_difficulty']), _DIFFICULTY_CHARS)}", style="dim")
        table.add_row(str(row["id"]), Text(clean(row["title"])), _agencies(row), state, _progress_cell(row, width), latest)
    out.print(table)


def shorten(text: str, limit: int) -> str:
    """The first line of ``text``, cut at a word boundary to ``limit`` characters with an ellipsis."""
    line = " ".join(text.split())
    if len(line) <= limit:
        return line
    cut = line[: limit - 1].rsplit(" ", 1)[0] or line[: limit - 1]
    return cut.rstrip(",;:.") + "…"


def register(app: typer.Typer) -> None:
    app.command("status")(status)

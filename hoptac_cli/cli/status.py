"""``hoptac status``: how far each sector is, or, with ``--sector``, each action of one sector."""


from typing import Annotated, Any, Optional

import typer

from hoptac_cli.cli.common import AgreementOpt, FormatOpt, JsonOpt, OutputFormat, output_format, session
from hoptac_cli.render.output import Column, emit

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


def status(
    agreement: AgreementOpt = None,
    sector: SectorOpt = None,
    period: PeriodOpt = None,
    fmt: FormatOpt = OutputFormat.table,
    as_json: JsonOpt = False,
) -> None:
    """Progress by sector (or by action with --sector): status counts, overdue, reports received."""
    from hoptac_cli.domain import status as domain
    from hoptac_cli.render.status import print_detail, print_overview

    chosen = output_format(fmt, as_json)
    with session() as db:
        if sector is not None:
            shot, totals, rows = domain.sector_detail(db, sector, agreement, period)
            if chosen == "table":
                print_detail(shot, totals, rows)
            else:
                emit(rows, DETAIL_COLUMNS, chosen)
            return
        pictures = domain.overview(db, agreement, period)
    if chosen != "table":
        emit([row for _, rows in pictures for row in rows], OVERVIEW_COLUMNS, chosen)
        return
    for shot, rows in pictures:
        print_overview(shot, rows)


def shorten(text: str, limit: int) -> str:
    """Kept here for its callers; the status tables live in ``render.status``."""
    from hoptac_cli.render.status import shorten as cut

    return cut(text, limit)


def register(app: typer.Typer) -> None:
    app.command("status")(status)

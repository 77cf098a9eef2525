"""``hoptac status``: how far each sector is, or, with ``--sector``, each action of one sector."""

from typing import Annotated, Any, Optional

import typer

from hoptac_cli.cli.common import AgreementOpt, FormatOpt, JsonOpt, OutputFormat, output_format, session
from hoptac_cli.cli.rows import AllOpt, LimitOpt
from hoptac_cli.i18n import t
from hoptac_cli.records import PROGRAMMES, STATUS_DETAIL, STATUS_OVERVIEW
from hoptac_cli.render.output import emit

Row = dict[str, Any]

SectorOpt = Annotated[Optional[str], typer.Option("--sector", "-s", help="One sector (slug, id or name): one row per action.")]
PeriodOpt = Annotated[
    Optional[str],
    typer.Option("--period", "-p", help="As of this period (2022-H1, H1/2022, 2022): only reports up to its end count."),
]


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
    from hoptac_cli.render.status import print_detail, print_overview

    chosen = output_format(fmt, as_json)
    with session() as db:
        if party is not None or (agreement is None and sector is None and domain.several_active(db)):
            _programmes(db, party, agreement, sector, period, chosen, limit, show_all)
            return
        if sector is not None:
            shot, totals, rows = domain.sector_detail(db, sector, agreement, period)
            if chosen == "table":
                print_detail(shot, totals, rows)
            else:
                emit(rows, STATUS_DETAIL, chosen)
            return
        pictures = domain.overview(db, agreement, period)
    if chosen != "table":
        emit([row for _, rows in pictures for row in rows], STATUS_OVERVIEW, chosen)
        return
    for shot, rows in pictures:
        print_overview(shot, rows)


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
        emit(shown, PROGRAMMES, chosen)
    elif not found:
        typer.echo(t("stat.no_programmes_of", party=named["name"]) if named else t("stat.no_programmes"))
    else:
        programmes.print_programmes(shown, total=total, party=named["name"] if named else None)
    listing.left_out(len(shown), total)


def add_commands(app: typer.Typer) -> None:
    app.command("status")(status)

"""``hoptac status``: the state of each sector of an agreement."""

from __future__ import annotations

import typer

from hoptac_cli.cli.common import AgreementOpt, FormatOpt, JsonOpt, OutputFormat, output_format, session
from hoptac_cli.domain.statuses import STATUSES
from hoptac_cli.i18n import t
from hoptac_cli.render.output import Column, emit

COLUMNS = [
    Column("position", "col.no", justify="right"),
    Column("sector", "col.sector"),
    Column("actions", "col.actions", justify="right"),
    *(Column(status.replace("-", "_"), f"status.{status}", justify="right") for status in STATUSES),
]


def status(agreement: AgreementOpt = None, fmt: FormatOpt = OutputFormat.table, as_json: JsonOpt = False) -> None:
    """One row per sector of the agreement with its actions counted by status."""
    from hoptac_cli.domain.status import sector_overview

    with session() as db:
        header, rows = sector_overview(db, agreement)
    chosen = output_format(fmt, as_json)
    emit(rows, COLUMNS if chosen == "table" else [Column("sector_slug", "col.slug"), *COLUMNS], chosen, title=header["name"])


def register(app: typer.Typer) -> None:
    app.command("status")(status)

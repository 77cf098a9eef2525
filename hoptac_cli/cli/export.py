"""``hoptac export summary|actions|reports``: the figures as CSV, XLSX or JSON files, streamed."""


import sys
from collections.abc import Iterator
from typing import Annotated, Any, Optional

import typer

from hoptac_cli.cli.common import AgreementOpt, ForceOpt, done, session
from hoptac_cli.i18n import count, t

#: (record key, catalogue key of the header, kind) per export; JSON uses the keys as they are
FIELDS: dict[str, list[tuple[str, str, str]]] = {
    "summary": [
        ("agreement", "stat.col.agreement", "text"),
        ("period", "stat.col.period", "text"),
        ("as_of", "stat.col.as_of", "date"),
        ("position", "stat.col.position", "int"),
        ("sector", "stat.col.sector", "text"),
        ("sector_slug", "stat.col.sector_slug", "text"),
        ("actions", "stat.col.actions", "int"),
        *((key, f"stat.col.{key}", "int") for key in ("not_started", "in_progress", "done", "behind", "paused", "cancelled")),
        ("overdue", "stat.col.overdue", "int"),
        ("progress", "stat.col.progress", "percent"),
        ("reports_received", "stat.col.reports_received", "int"),
        ("reports_expected", "stat.col.reports_expected", "int"),
        ("row", "stat.col.row", "text"),
    ],
    "actions": [
        ("id", "stat.col.id", "int"),
        ("agreement", "stat.col.agreement", "text"),
        ("sector", "stat.col.sector", "text"),
        ("sector_slug", "stat.col.sector_slug", "text"),
        ("title", "stat.col.title", "text"),
        ("lead", "stat.col.lead", "text"),
        ("partners", "stat.col.partners", "list"),
        ("start_on", "stat.col.start_on", "date"),
        ("due_on", "stat.col.due_on", "date"),
        ("status", "stat.col.status_code", "text"),
        ("status_label", "stat.col.status", "text"),
        ("progress", "stat.col.progress", "percent"),
        ("overdue", "stat.col.overdue", "bool"),
        ("unit", "stat.col.unit", "text"),
        ("baseline", "stat.col.baseline", "amount"),
        ("target", "stat.col.target", "amount"),
        ("measure", "stat.col.measure", "text"),
        ("value", "stat.col.value", "amount"),
        ("latest_period", "stat.col.latest_period", "text"),
        ("latest_difficulty", "stat.col.latest_difficulty", "text"),
        ("plan_ref", "stat.col.plan_ref", "text"),
        ("period", "stat.col.period", "text"),
        ("as_of", "stat.col.as_of", "date"),
        ("expected", "stat.col.expected", "bool"),
        ("reported", "stat.col.reported", "bool"),
    ],
    "reports": [
        ("id", "stat.col.id", "int"),
        ("agreement", "stat.col.agreement", "text"),
        ("sector", "stat.col.sector", "text"),
        ("sector_slug", "stat.col.sector_slug", "text"),
        ("action_id", "stat.col.action_id", "int"),
        ("action", "stat.col.title", "text"),
        ("agency", "stat.col.agency", "text"),
        ("period", "stat.col.period", "text"),
        ("period_start", "stat.col.period_start", "date"),
        ("period_end", "stat.col.period_end", "date"),
        ("revision", "stat.col.revision", "int"),
        ("progress", "stat.col.progress", "percent"),
        ("value", "stat.col.value", "amount"),
        ("unit", "stat.col.unit", "text"),
        ("target", "stat.col.target", "amount"),
        ("status", "stat.col.status_code", "text"),
        ("status_label", "stat.col.status", "text"),
        ("result", "stat.col.result", "text"),
        ("difficulty", "stat.col.difficulty", "text"),
        ("proposal", "stat.col.proposal", "text"),
        ("submitted_on", "stat.col.submitted_on", "date"),
        ("source", "stat.col.source", "text"),
    ],
}
#: "amount" fields are numbers in the unit named by the record's "unit" (whole đồng for money)
_AMOUNT = "amount"


def export(
    kind: Annotated[str, typer.Argument(metavar="summary|actions|reports", help="What to export.")],
    agreement: AgreementOpt = None,
    sector: Annotated[Optional[str], typer.Option("--sector", "-s", help="Only this sector.")] = None,
    period: Annotated[
        Optional[str],
        typer.Option("--period", "-p", help="summary/actions: as of this period; reports: only this period's."),
    ] = None,
    output: Annotated[str, typer.Option("--output", "-o", help="File to write (.csv, .xlsx, .json); - for stdout.")] = "-",
    fmt: Annotated[Optional[str], typer.Option("--format", "-f", help="csv, json or xlsx (default: from the extension).")] = None,
    delimiter: Annotated[
        Optional[str], typer.Option("--delimiter", help="CSV only: ',' (default), ';' (for an Excel set to Vietnamese) or tab.")
    ] = None,
    force: ForceOpt = False,
    bom: Annotated[bool, typer.Option("--bom", help="Start CSV on stdout with a BOM too (a CSV file always has one, for Excel).")] = False,
) -> None:
    """Export the status figures, the actions or the reports; rows are streamed, not held in memory."""
    from hoptac_cli.domain.exports import records
    from hoptac_cli.errors import HoptacError
    from hoptac_cli.render.files import check_target
    from hoptac_cli.render.progress import progress
    from hoptac_cli.render.tabular import Field, Sheet, choose_format, parse_delimiter, write
    from hoptac_cli.render.xlsx import Chart

    check_target(output, force=force)
    chosen = choose_format(output, fmt)
    separator = parse_delimiter(delimiter, chosen)
    if output == "-" and chosen == "xlsx" and sys.stdout.isatty():
        raise HoptacError(t("err.xlsx_terminal"))
    # CSV and JSON are data, the same in every interface language: keys, codes, ISO dates.
    # XLSX is for people: headers, status words and the "Total" row in the interface language.
    for_people = chosen == "xlsx"
    with session() as db:
        rows = records(db, kind, agreement_ref=agreement, sector_ref=sector, period_ref=period, labels=for_people)
        rows = _worded(rows) if for_people else rows
        fields = [
            Field(key, t(header), "number", unit_key="unit") if field_kind == _AMOUNT else Field(key, t(header), field_kind)
            for key, header, field_kind in FIELDS[kind]
            if for_people or not key.endswith("_label")
        ]
        chart = None
        if kind == "summary" and for_people:
            chart = Chart(
                title=lambda row: t("xlsx.chart_progress", agreement=row["agreement"], period=row["period"]),
                category_key="sector", value_key="progress", include=lambda row: row["row"] == "sector",
            )
        with progress(t("msg.exporting")) as tick:
            counted = _counted(rows, tick)
            write(output, chosen, [Sheet(t(f"export.sheet.{kind}"), fields, counted, chart=chart)],
                  delimiter=separator, force=force, bom=bom or None)
    if output != "-":
        done(t("msg.exported", count=count("count.row", counted.count), path=output))


def _worded(rows: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Rows for a spreadsheet people read: the totals row says so in the sector column."""
    total = t("word.total")
    for row in rows:
        if row.get("row") == "total" and row.get("sector") is None:
            row["sector"] = total
        yield row


def _counted(rows: Iterator[dict[str, Any]], tick: Any) -> Any:
    """The rows, counting themselves for the confirmation line: as they are when they do and no
    progress bar is shown (``storage.exports.Records``, whose tuples a CSV writer may read),
    else through ``_Counter``."""
    if tick is None and hasattr(rows, "tuples") and hasattr(rows, "count"):
        return rows
    return _Counter(rows, tick)


class _Counter:
    """Passes rows through, counting them for the confirmation line (and the progress bar)."""

    def __init__(self, rows: Iterator[dict[str, Any]], tick: Any):
        self.rows, self.count, self.tick = rows, 0, tick

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for row in self.rows:
            self.count += 1
            if self.tick is not None:
                self.tick()
            yield row


def add_commands(app: typer.Typer) -> None:
    app.command("export")(export)

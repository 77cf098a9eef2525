"""``hoptac export summary|actions|reports``: the figures as CSV, XLSX or JSON files, streamed."""

import sys
from collections.abc import Iterable, Iterator
from typing import Annotated, Any, Optional

import typer

from hoptac_cli.cli.common import AgreementOpt, ForceOpt, done, session
from hoptac_cli.i18n import count, t


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
    bom: Annotated[
        bool, typer.Option("--bom", help="Start CSV on stdout with a BOM too (a CSV file always has one, for Excel).")
    ] = False,
) -> None:
    """Export the status figures, the actions or the reports; rows are streamed, not held in memory."""
    from hoptac_cli import records
    from hoptac_cli.domain.exports import records as exported
    from hoptac_cli.errors import HoptacError
    from hoptac_cli.render.files import check_target
    from hoptac_cli.render.progress import progress
    from hoptac_cli.render.tabular import Sheet, choose_format, parse_delimiter, write
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
        rows = exported(db, kind, agreement_ref=agreement, sector_ref=sector, period_ref=period)
        rows = _worded(rows) if for_people else rows
        fields = {"summary": records.EXPORT_SUMMARY, "actions": records.EXPORT_ACTIONS, "reports": records.EXPORT_REPORTS}[kind]
        fields = records.for_people(fields) if for_people else fields
        chart = None
        if kind == "summary" and for_people:
            chart = Chart(
                title=lambda row: t("xlsx.chart_progress", agreement=row["agreement"], period=row["period"]),
                category_key="sector",
                value_key="progress",
                include=lambda row: row["row"] == "sector",
            )
        with progress(t("msg.exporting")) as tick:
            counted = _counted(rows, tick)
            write(
                output,
                chosen,
                [Sheet(t(f"export.sheet.{kind}"), fields, counted, chart=chart)],
                delimiter=separator,
                force=force,
                bom=bom or None,
            )
    if output != "-":
        done(t("msg.exported", count=count("count.row", counted.count), path=output))


def _worded(rows: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Rows for a spreadsheet people read: the totals row says so in the sector column."""
    total = t("word.total")
    for row in rows:
        if row.get("row") == "total" and row.get("sector") is None:
            row["sector"] = total
        yield row


def _counted(rows: Iterable[dict[str, Any]], tick: Any) -> Any:
    """The rows, counting themselves for the confirmation line: as they are when they do and no
    progress bar is shown (``storage.exports.Records``, whose tuples a CSV writer may read),
    else through ``_Counter``."""
    if tick is None and hasattr(rows, "tuples") and hasattr(rows, "count"):
        return rows
    return _Counter(rows, tick)


class _Counter:
    """Passes rows through, counting them for the confirmation line (and the progress bar)."""

    def __init__(self, rows: Iterable[dict[str, Any]], tick: Any):
        self.rows, self.count, self.tick = rows, 0, tick

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for row in self.rows:
            self.count += 1
            if self.tick is not None:
                self.tick()
            yield row


def add_commands(app: typer.Typer) -> None:
    app.command("export")(export)

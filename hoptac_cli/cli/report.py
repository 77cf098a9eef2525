"""``hoptac report``: periodic reports (báo cáo định kỳ), who still owes one, department files."""

from typing import Annotated, Any, Optional

import typer

from hoptac_cli import records
from hoptac_cli.cli.common import (
    AgreementOpt,
    ForceOpt,
    FormatOpt,
    JsonOpt,
    OutputFormat,
    done,
    note,
    output_format,
    session,
    writes,
)
from hoptac_cli.cli.rows import AllOpt, LimitOpt
from hoptac_cli.errors import HoptacError
from hoptac_cli.i18n import count, t
from hoptac_cli.render.output import emit, emit_record, print_json, section

report_app = typer.Typer(
    help="Periodic reports: file, amend, list, find who has not reported.", no_args_is_help=True, rich_markup_mode=None
)

PeriodOpt = Annotated[str, typer.Option("--period", "-p", help="Reporting period: 2022-H1, H1/2022, 2022-Q3, 2022 ...")]
SectorOpt = Annotated[Optional[str], typer.Option("--sector", "-s", help="Sector (slug, id or name).")]
AgencyOpt = Annotated[Optional[str], typer.Option("--agency", help="Agency (slug, id or name).")]
ReportIdArg = Annotated[int, typer.Argument(metavar="ID", help="The report's id.")]


@report_app.command("add")
@writes
def add(
    action_id: Annotated[int, typer.Option("--action", help="The action's id.")],
    period: Annotated[
        Optional[str],
        typer.Option("--period", "-p", help="Reporting period: 2022-H1, H1/2022, 2022-Q3, 2022 ... (default: the current one)."),
    ] = None,
    progress: Annotated[Optional[str], typer.Option("--progress", help="Progress in percent, 0-100.")] = None,
    value: Annotated[
        Optional[str], typer.Option("--value", help="Achieved amount for an action with an indicator target.")
    ] = None,
    status: Annotated[Optional[str], typer.Option("--status", help="Status; derived from progress when left out.")] = None,
    result: Annotated[Optional[str], typer.Option("--result", help="Results in the period (kết quả).")] = None,
    difficulty: Annotated[Optional[str], typer.Option("--difficulty", help="Difficulties (khó khăn, vướng mắc).")] = None,
    proposal: Annotated[Optional[str], typer.Option("--proposal", help="Proposals (đề xuất, kiến nghị).")] = None,
    agency: Annotated[Optional[str], typer.Option("--agency", help="Reporting agency: the lead (default) or a partner.")] = None,
    submitted: Annotated[Optional[str], typer.Option("--submitted", help="Submission date, dd/mm/yyyy; default today.")] = None,
    amend: Annotated[
        bool, typer.Option("--amend", help="Replace this agency's report for the period, keeping the earlier version.")
    ] = False,
) -> None:
    """File an agency's report on one action for one period."""
    from hoptac_cli.domain import reports
    from hoptac_cli.domain.numbers import show_number

    with session(write=True) as db:
        if period is None:
            from hoptac_cli.domain.reporting import current_period

            chosen = current_period(db, action_id)
            period = chosen.code
            note(t("msg.period_default", period=chosen.label()))
        fields = reports.ReportFields(
            action_id=action_id,
            period=period,
            progress=progress,
            value=value,
            status=status,
            result=result,
            difficulty=difficulty,
            proposal=proposal,
            agency=agency,
            submitted=submitted,
        )
        row = reports.add(db, fields, amend=amend)
    amount = (
        t("msg.report_value", value=show_number(row["value"]), target=show_number(row["target"]), unit=row["unit"] or "")
        if row["value"] is not None
        else ""
    )
    from hoptac_cli.render.output import show_period

    figures = dict(
        id=row["id"],
        action=row["action_id"],
        period=show_period(row["period"]),
        agency=row["agency"],
        amount=amount,
        progress=show_number(row["progress"]),
        status=t(f"status.{row['status']}"),
    )
    if row["amends"]:
        done(t("msg.report_amended", amends=row["amends"], revision=row["revision"], **figures))
    else:
        done(t("msg.report_added", **figures))


@report_app.command("withdraw")
@writes
def withdraw(
    report_id: ReportIdArg,
    reason: Annotated[str, typer.Option("--reason", help="Why the report is withdrawn (kept with it).")],
) -> None:
    """Withdraw a report filed by mistake: it stops counting, its versions stay visible."""
    from hoptac_cli.domain import corrections

    with session(write=True) as db:
        row = corrections.withdraw_report(db, report_id, reason)
    done(t("msg.report_withdrawn", id=report_id, action=row["action_id"], period=row["period"]))


@report_app.command("list")
def list_(
    agreement: AgreementOpt = None,
    sector: SectorOpt = None,
    period: Annotated[Optional[str], typer.Option("--period", "-p", help="Only this period.")] = None,
    agency: AgencyOpt = None,
    revisions: Annotated[bool, typer.Option("--revisions", help="Also list superseded versions.")] = False,
    limit: LimitOpt = None,
    show_all: AllOpt = False,
    fmt: FormatOpt = OutputFormat.table,
    as_json: JsonOpt = False,
) -> None:
    """List reports (current versions; --revisions adds the earlier ones)."""
    from hoptac_cli.cli import rows as listing
    from hoptac_cli.domain import reports

    chosen = output_format(fmt, as_json)
    listing.check(limit, show_all)
    with session() as db:
        rows = reports.find(db, agreement=agreement, sector=sector, period=period, agency=agency, revisions=revisions)
    shown, total = listing.limited(rows, chosen, limit, show_all)
    _name_periods(shown)
    emit(
        shown,
        records.REPORT_REVISIONS if revisions else records.REPORTS,
        chosen,
        title=t("title.reports"),
        empty=t("msg.no_reports"),
    )
    listing.left_out(len(shown), total)


@report_app.command("show")
def show(report_id: ReportIdArg, fmt: FormatOpt = OutputFormat.table, as_json: JsonOpt = False) -> None:
    """Show one report with its revision history."""
    from hoptac_cli.domain import reports

    with session() as db:
        row = reports.detail(db, report_id)
    chosen = output_format(fmt, as_json)
    if chosen == "json":
        print_json(row)
        return
    _name_periods([row])
    emit_record(row, records.REPORT_DETAIL, chosen, title=t("title.report", id=row["id"], period=row["period_label"]))
    if chosen == "table":
        section(t("title.report_history"))
        for version in row["history"]:
            version["changed_text"] = "\n".join(_change(change) for change in version["changed"])
        emit(row["history"], records.REPORT_VERSIONS, chosen)


def _name_periods(rows: list[dict]) -> None:
    """Each report's period in words, for the table (``period_label``; JSON and CSV keep the code)."""
    from hoptac_cli.render.output import show_period

    for row in rows:
        row["period_label"] = show_period(row["period"])


def _change(change: dict) -> str:
    """``progress: 40 → 60``: one field a revision changed, as a person reads it."""
    from hoptac_cli.render.output import display
    from hoptac_cli.render.status import shorten

    kind = {"progress": "number", "value": "number", "status": "status"}.get(change["field"], "text")

    def shown(value: object) -> str:
        return shorten(display(value, kind), 40) if value not in (None, "") else "–"

    label = t(f"changed.{change['field']}")
    return f"{label}: {shown(change['old'])} → {shown(change['new'])}"


@report_app.command("missing")
def missing(
    period: PeriodOpt,
    agreement: AgreementOpt = None,
    party: Annotated[Optional[str], typer.Option("--party", help="Only the agencies of this province or city.")] = None,
    limit: LimitOpt = None,
    show_all: AllOpt = False,
    fmt: FormatOpt = OutputFormat.table,
    as_json: JsonOpt = False,
) -> None:
    """Per lead agency, the actions with no report for the period; and the reports filed late.
    Without --agreement and with several active programmes: every programme, by agency."""
    from hoptac_cli.cli import rows as listing
    from hoptac_cli.domain import reports
    from hoptac_cli.domain.dates import show_date
    from hoptac_cli.i18n import formerly
    from hoptac_cli.render.output import show_period

    chosen = output_format(fmt, as_json)
    listing.check(limit, show_all)
    with session() as db:
        found = reports.missing(db, period, agreement, every_active=True, party_ref=party)
    if chosen == "json":
        print_json(found)
        return
    if chosen == "csv":
        rows = [{"kind": "missing", "period": found["period"], **row} for row in found["missing"]]
        rows += [{"kind": "late", "period": found["period"], **row} for row in found["late"]]
        shown, total = listing.limited(rows, chosen, limit, show_all)
        emit(shown, records.MISSING_CSV, chosen)
        listing.left_out(len(shown), total)
        return
    for row in (*found["missing"], *found["late"]):
        row["agency_label"] = formerly(row["agency"], row["formerly"])
    period_label = show_period(found["period"])
    several = found["agreement"] is None
    deadline = show_date(found["deadline"]) if found["deadline"] else None
    if several:
        # Every programme's agency together; a deadline shared by all goes into the titles.
        period_words = period_label + (f" ({t('col.deadline').lower()} {deadline})" if deadline else "")
        title = t("title.missing_all", period=period_words)
        missing_table, late_table, agreement_column = records.MISSING_TABLE, records.LATE_TABLE, records.MISSING_AGREEMENT
        columns = [
            missing_table[0],
            agreement_column,
            *(c for c in missing_table[1:] if not deadline or c.kind not in ("date", "bool")),
        ]
        late_columns = [late_table[0], agreement_column, *(c for c in late_table[1:] if not deadline or c.key != "deadline")]
        late_title = t("title.late", deadline=deadline) if deadline else t("title.late_all")
    else:
        title = t("title.missing", period=period_label, deadline=deadline)
        columns, late_title, late_columns = records.MISSING_TABLE, t("title.late", deadline=deadline), records.LATE_TABLE
    shown, total = listing.limited(found["missing"], chosen, limit, show_all)
    emit(shown, columns, chosen, title=title, empty=t("msg.none_missing", period=period_label))
    listing.left_out(len(shown), total)
    if found["late"]:
        section(late_title)
        shown, total = listing.limited(found["late"], chosen, limit, show_all)
        emit(shown, late_columns, chosen)
        listing.left_out(len(shown), total)
    # The figures under the table are part of the answer: stdout, whatever --quiet says.
    from hoptac_cli.render.output import paragraph

    figures = dict(
        owed=count("count.action", found["owed"]),
        reported=found["reported"],
        missing=len(found["missing"]),
        late=count("count.report", len(found["late"])),
    )
    if several:
        paragraph(t("msg.missing_summary_all", programmes=count("count.programme", len(found["agreements"])), **figures))
    else:
        paragraph(t("msg.missing_summary", deadline=deadline, **figures))


@report_app.command("template")
def template(
    period: PeriodOpt,
    output: Annotated[str, typer.Option("--output", "-o", help="The file to write: FILE.xlsx or FILE.csv.")],
    agency: Annotated[
        Optional[str], typer.Option("--agency", help="Only the actions this agency leads (default: every lead agency).")
    ] = None,
    agreement: AgreementOpt = None,
    force: ForceOpt = False,
    delimiter: Annotated[Optional[str], typer.Option("--delimiter", help="CSV only: ',' (default), ';' or tab.")] = None,
) -> None:
    """Write a fill-in file for a period: one row per action an agency leads. The XLSX file has
    drop-downs, checks, locked identifiers, last period's figures and instructions in Vietnamese."""
    from pathlib import Path

    from hoptac_cli.domain import importer
    from hoptac_cli.render import tabular
    from hoptac_cli.render.files import check_target, write_file
    from hoptac_cli.render.template import Template, write_template

    check_target(output, force=force)
    if Path(output).suffix.lower() not in (".xlsx", ".csv"):
        raise HoptacError(t("err.template_extension", value=output))
    target = Path(output)
    separator = tabular.parse_delimiter(delimiter, target.suffix.lower().lstrip("."))
    with session() as db:
        when, chosen, rows = importer.template(db, period, agreement, agency)
        words = importer.template_words(db, when, agreement, chosen)
    if target.suffix.lower() == ".xlsx":
        sheet = Template(
            columns=list(records.DEPARTMENT_ROW),
            rows=rows,
            editable=importer.EDITABLE,
            title=words["title"],
            subtitle=words["subtitle"],
            sheet=words["sheet"],
            statuses=words["statuses"],
            instructions=words["instructions"],
        )
        write_file(output, lambda stream: write_template(stream, sheet))
    else:
        form = tabular.Sheet(
            f"{importer.words('title')} {when.code}", list(records.DEPARTMENT_ROW), rows, form=True, lang=records.DEPARTMENT_LANG
        )
        tabular.write(output, None, [form], delimiter=separator, force=force)
    done(
        t(
            "msg.template_written",
            rows=count("count.action", len(rows)),
            path=output,
            period=when.label(),
            agency=f", {chosen['name']}" if chosen else "",
        )
    )


@report_app.command("import")
@writes
def import_(
    file: Annotated[
        str,
        typer.Argument(metavar="FILE|FOLDER", help="A filled-in .xlsx or .csv made by 'report template', or a folder of them."),
    ],
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Validate only; write nothing.")] = False,
    amend: Annotated[
        bool, typer.Option("--amend", help="Replace reports already in the database with the file's figures.")
    ] = False,
    limit: LimitOpt = None,
    show_all: AllOpt = False,
    fmt: FormatOpt = OutputFormat.table,
    as_json: JsonOpt = False,
) -> None:
    """Import a department file, every row or none; or every .xlsx/.csv file of a folder, each
    file every row or none (exit code 1 when a file was refused)."""
    from pathlib import Path

    from hoptac_cli.cli import rows as listing
    from hoptac_cli.domain import importer
    from hoptac_cli.render.progress import progress
    from hoptac_cli.render.template import iter_table

    chosen = output_format(fmt, as_json)
    listing.check(limit, show_all)
    path = Path(file)
    if path.is_dir():
        _import_folder(path, dry_run=dry_run, amend=amend, fmt=chosen)
        return
    # The rows are streamed from the file: a 100,000-row file is never held whole.
    header, data, size = iter_table(path, importer.looks_like_header)
    with session(write=not dry_run) as db, progress(t("title.import"), size, threshold=IMPORT_BAR) as tick:
        plan = importer.check(db, path, header, data, amend=amend, tick=tick, stage=not dry_run)
        if dry_run:
            _dry(plan)
        else:
            importer.write(db, plan)
    shown, total = listing.limited(plan.rows, chosen, limit, show_all)
    emit(shown, records.IMPORTED_ROWS, chosen, title=t("title.import"))
    listing.left_out(len(shown), total)
    counts = _counts(plan)
    done(
        t("msg.import_dry_run" if dry_run else "msg.import_done", file=path.name, empty=count("count.row", plan.blank), **counts),
        data_on_stdout=chosen != "table",
    )


#: a file of fewer rows imports too fast to be worth a progress bar
IMPORT_BAR = 50
#: how many problems of a refused file are repeated under the table
FIRST_PROBLEMS = 3


def _dry(plan) -> None:  # type: ignore[no-untyped-def]
    for row in plan.rows:
        row["outcome"] = {"added": "would-add", "amended": "would-amend"}.get(row["outcome"], row["outcome"])


def _counts(plan) -> dict[str, int]:  # type: ignore[no-untyped-def]
    kinds = {"added": ("added", "would-add"), "amended": ("amended", "would-amend"), "already": ("already",)}
    return {name: sum(1 for row in plan.rows if row["outcome"] in outcomes) for name, outcomes in kinds.items()}


def _import_folder(folder, *, dry_run: bool, amend: bool, fmt: str) -> None:  # type: ignore[no-untyped-def]
    """Each file all-or-nothing, in name order; refused files are listed with their first problems."""
    from hoptac_cli.domain import importer
    from hoptac_cli.render.template import read_table

    files = importer.folder_files(folder)
    results: list[dict[str, Any]] = []
    refused: list[tuple[str, str, list[str]]] = []
    with session(write=not dry_run) as db:
        for path in files:
            row = {"file": path.name, "agency": "", "added": 0, "amended": 0, "already": 0, "errors": 0}
            try:
                header, data = read_table(path, importer.looks_like_header)
                row["agency"] = importer.agencies_named(header, data)
                plan = importer.check(db, path, header, data, amend=amend, stage=not dry_run)
            except importer.ImportRefused as error:
                row["errors"] = len({problem.row for problem in error.errors})
                refused.append((path.name, error.message, error.details))
            except HoptacError as error:
                row["errors"] = 1
                refused.append((path.name, error.message, error.details))
            else:
                if dry_run:
                    _dry(plan)
                else:
                    importer.write(db, plan)
                row.update(_counts(plan))
                row["agency"] = "; ".join(dict.fromkeys(item["agency"] for item in plan.rows)) or row["agency"]
            results.append(row)
    emit(results, records.IMPORTED_FILES, fmt, title=t("title.import_folder", folder=str(folder)))
    for name, message, problems in refused:
        typer.echo(f"{t('word.error')}: {message}" if name in message else f"{t('word.error')}: {name}: {message}", err=True)
        for problem in problems[:FIRST_PROBLEMS]:
            typer.echo(f"  {problem}", err=True)
        if len(problems) > FIRST_PROBLEMS:
            typer.echo("  " + t("msg.import_more_problems", count=len(problems) - FIRST_PROBLEMS), err=True)
    totals = {key: sum(row[key] for row in results) for key in ("added", "amended", "already")}
    done(
        t(
            "msg.import_folder_dry_run" if dry_run else "msg.import_folder_done",
            files=len(results),
            refused=len(refused),
            **totals,
        ),
        data_on_stdout=fmt != "table",
    )
    if refused:
        raise typer.Exit(1)


def add_commands(app: typer.Typer) -> None:
    app.add_typer(report_app, name="report")

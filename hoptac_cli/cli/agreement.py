"""``hoptac agreement``: cooperation programmes between parties."""


from typing import Annotated, Optional

import typer

from hoptac_cli.cli.common import FormatOpt, JsonOpt, OutputFormat, done, note, output_format, session
from hoptac_cli.i18n import count, t
from hoptac_cli.render.output import Column, emit, emit_record, print_json, section

agreement_app = typer.Typer(help="Agreements (cooperation programmes).", no_args_is_help=True, rich_markup_mode=None)

LIST_COLUMNS = [
    Column("id", "col.id", justify="right"),
    Column("slug", "col.slug"),
    Column("title", "col.title", lines=3),
    Column("period", "col.period"),
    Column("parties", "col.parties", narrow=3),
    Column("signed_on", "col.signed_on", "date", narrow=2),
    Column("status", "col.status", "label:agreement_status"),
    Column("sectors", "col.sectors", justify="right", narrow=1),
    Column("actions", "col.actions", justify="right"),
]
DETAIL_FIELDS = [
    Column("id", "col.id"),
    Column("slug", "col.slug"),
    Column("title", "col.title"),
    Column("period", "col.period"),
    Column("signed_on", "col.signed_on", "date"),
    Column("status", "col.status", "label:agreement_status"),
    Column("ended_on", "col.ended_on", "date"),
    Column("end_review_label", "col.end_review"),
    Column("predecessor", "col.predecessor"),
    Column("successor", "col.followed_by"),
    Column("chain_text", "col.chain"),
    Column("predecessor_note", "col.predecessor_note"),
    Column("report_cadence", "col.report_cadence", "label:cadence"),
    Column("deadline_day", "col.deadline_day"),
    Column("note", "col.note"),
]
PARTY_COLUMNS = [
    Column("name", "col.party"),
    Column("signatory_name", "col.signatory"),
    Column("signatory_title", "col.signatory_title"),
    Column("now", "col.party_now"),
]
SECTOR_COLUMNS = [
    Column("position", "col.no", justify="right"),
    Column("slug", "col.slug", narrow=1),
    Column("name", "col.sector"),
    Column("actions", "col.actions", justify="right"),
]

PartyOpt = Annotated[list[str], typer.Option("--party", help="A signing party; repeat for each (two or more).")]


@agreement_app.command("add")
def add(
    title: Annotated[str, typer.Argument(help="Title of the programme.")],
    parties: PartyOpt,
    period: Annotated[str, typer.Option("--period", "-p", help="Years covered, e.g. 2021-2025.")],
    signed: Annotated[Optional[str], typer.Option("--signed", help="Signing date, dd/mm/yyyy.")] = None,
    signatories: Annotated[
        Optional[list[str]], typer.Option("--signatory", help='"P=Full name, title" for a party; repeatable.')
    ] = None,
    slug: Annotated[Optional[str], typer.Option("--slug", help="Short name; generated from the title by default.")] = None,
    predecessor: Annotated[Optional[str], typer.Option("--predecessor", help="The agreement this one follows.")] = None,
    predecessor_note: Annotated[
        Optional[str], typer.Option("--predecessor-note", help="Earlier programmes not in the database, as text.")
    ] = None,
    note: Annotated[Optional[str], typer.Option("--note")] = None,
    cadence: Annotated[str, typer.Option("--cadence", help="Reporting cadence: half-yearly, quarterly or yearly.")] = "half-yearly",
    deadline_day: Annotated[int, typer.Option("--deadline-day", help="Reports are due on this day of the period's last month.")] = 20,
) -> None:
    """Add an agreement between two or more parties."""
    from hoptac_cli.domain import register
    from hoptac_cli.domain.periods import parse_cadence

    with session() as db:
        agreement_id = register.add_agreement(
            db,
            title,
            parties=parties,
            period=period,
            signed=signed,
            signatories=signatories,
            slug=slug,
            predecessor=predecessor,
            predecessor_note=predecessor_note,
            note=note,
            cadence=parse_cadence(cadence),
            deadline_day=deadline_day,
        )
        row = register.agreement(db, str(agreement_id))
    done(t("msg.added", kind=t("kind.agreement"), id=agreement_id, name=row["name"], slug=row["slug"]))


@agreement_app.command("list")
def list_(fmt: FormatOpt = OutputFormat.table, as_json: JsonOpt = False) -> None:
    """List agreements."""
    from hoptac_cli.storage import register as store

    with session() as db:
        rows = store.list_agreements(db)
    for row in rows:
        row["period"] = f"{row['start_year']}–{row['end_year']}"
    emit(rows, LIST_COLUMNS, output_format(fmt, as_json), title=t("title.agreements"))


@agreement_app.command("show")
def show(
    agreement: Annotated[Optional[str], typer.Argument(help="Agreement; optional when only one is active.")] = None,
    fmt: FormatOpt = OutputFormat.table,
    as_json: JsonOpt = False,
) -> None:
    """Show an agreement with its parties, signatories, sectors and the chain of programmes."""
    from hoptac_cli.domain import lifecycle

    with session() as db:
        detail = lifecycle.detail(db, agreement)
    chosen = output_format(fmt, as_json)
    if chosen == "json":
        print_json(detail)
        return
    emit_record(detail, DETAIL_FIELDS, chosen, title=detail["title"])
    if chosen == "table":
        section(t("title.parties"))
        emit(detail["parties"], PARTY_COLUMNS, chosen)
        section(t("title.sectors"))
        emit(detail["sectors"], SECTOR_COLUMNS, chosen, empty=t("msg.no_sectors"))


@agreement_app.command("end")
def end(
    agreement: Annotated[str, typer.Argument(help="The agreement that ends.")],
    on: Annotated[str, typer.Option("--on", help="Date it ends, dd/mm/yyyy.")],
    review: Annotated[Optional[int], typer.Option("--review", help="The final (tong-ket) review that closed it.")] = None,
) -> None:
    """Close an agreement; no report is accepted for a period after its end."""
    from hoptac_cli.domain import lifecycle
    from hoptac_cli.domain.dates import show_date

    with session() as db:
        row = lifecycle.end(db, agreement, on=on, review_id=review)
    done(t("msg.agreement_ended", slug=row["slug"], date=show_date(row["ended_on"]), status=t(f"agreement_status.{row['status']}")))


@agreement_app.command("carry")
def carry(
    agreement: Annotated[str, typer.Argument(help="The agreement the actions are in.")],
    to: Annotated[str, typer.Option("--to", help="The successor agreement that takes them over.")],
    actions: Annotated[Optional[list[int]], typer.Option("--action", help="An action to carry over (its ID); repeatable.")] = None,
    unfinished: Annotated[bool, typer.Option("--unfinished", help="Carry every action not done or cancelled.")] = False,
    due: Annotated[Optional[str], typer.Option("--due", help="Due date of the copies, dd/mm/yyyy (none by default).")] = None,
) -> None:
    """Copy unfinished actions into the successor agreement; each copy links to the original and its reports."""
    from hoptac_cli.domain import lifecycle

    with session() as db:
        result = lifecycle.carry(db, agreement, to=to, action_ids=actions, unfinished=unfinished, due=due)
    for original, copy in result["skipped"]:
        note(t("msg.carry_skipped", original=original, copy=copy))
    made = result["made"]
    if len(made) == 1:
        done(t("msg.carried", original=made[0][0], copy=made[0][1], target=result["target"]))
    elif made:
        pairs = ", ".join(f"{original} → {copy}" for original, copy in made)
        done(t("msg.carried_many", count=count("count.action", len(made)), target=result["target"], pairs=pairs))


@agreement_app.command("update")
def update(
    agreement: Annotated[Optional[str], typer.Argument(help="Agreement; optional when only one is active.")] = None,
    cadence: Annotated[Optional[str], typer.Option("--cadence", help="Reporting cadence: half-yearly, quarterly or yearly.")] = None,
    deadline_day: Annotated[Optional[int], typer.Option("--deadline-day", help="Reports are due on this day of the period's last month.")] = None,
) -> None:
    """Change an agreement's reporting cadence or deadline day."""
    from hoptac_cli.domain import reports

    with session() as db:
        row = reports.set_schedule(db, agreement, cadence=cadence, deadline_day=deadline_day)
    done(t("msg.schedule_set", slug=row["slug"], cadence=t(f"cadence.{row['report_cadence']}"), day=row["deadline_day"]))


def register(app: typer.Typer) -> None:
    app.add_typer(agreement_app, name="agreement")

"""``hoptac agreement``: cooperation programmes between parties."""

from typing import Annotated, Any, Optional

import typer

from hoptac_cli.cli.common import FormatOpt, JsonOpt, OutputFormat, done, note, output_format, session, writes
from hoptac_cli.i18n import count, t
from hoptac_cli.i18n import fields as fields_named
from hoptac_cli.records import AGREEMENT_DETAIL, AGREEMENT_SECTORS, AGREEMENTS, SIGNATORIES
from hoptac_cli.render.output import emit, emit_record, print_json, section

agreement_app = typer.Typer(help="Agreements (cooperation programmes).", no_args_is_help=True, rich_markup_mode=None)

PartyOpt = Annotated[list[str], typer.Option("--party", help="A signing party; repeat for each (two or more).")]


@agreement_app.command("add")
@writes
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
    note: Annotated[Optional[str], typer.Option("--note", help="A note.")] = None,
    cadence: Annotated[
        str, typer.Option("--cadence", help="Reporting cadence: half-yearly, quarterly or yearly.")
    ] = "half-yearly",
    deadline_day: Annotated[
        int, typer.Option("--deadline-day", help="Reports are due on this day of the period's last month.")
    ] = 20,
) -> None:
    """Add an agreement between two or more parties."""
    from hoptac_cli.domain import register
    from hoptac_cli.domain.periods import parse_cadence

    with session(write=True) as db:
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
    from hoptac_cli.domain import register

    with session() as db:
        rows = register.find_agreements(db)
    emit(rows, AGREEMENTS, output_format(fmt, as_json), title=t("title.agreements"))


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
    emit_record(detail, AGREEMENT_DETAIL, chosen, title=detail["title"])
    if chosen == "table":
        section(t("title.parties"))
        emit(detail["parties"], SIGNATORIES, chosen)
        section(t("title.sectors"))
        emit(detail["sectors"], AGREEMENT_SECTORS, chosen, empty=t("msg.no_sectors"))


@agreement_app.command("end")
@writes
def end(
    agreement: Annotated[str, typer.Argument(help="The agreement that ends.")],
    on: Annotated[str, typer.Option("--on", help="Date it ends, dd/mm/yyyy.")],
    review: Annotated[Optional[int], typer.Option("--review", help="The final (tong-ket) review that closed it.")] = None,
) -> None:
    """Close an agreement; no report is accepted for a period after its end."""
    from hoptac_cli.domain import lifecycle
    from hoptac_cli.domain.dates import show_date

    with session(write=True) as db:
        row = lifecycle.end(db, agreement, on=on, review_id=review)
    done(
        t("msg.agreement_ended", slug=row["slug"], date=show_date(row["ended_on"]), status=t(f"agreement_status.{row['status']}"))
    )


@agreement_app.command("carry")
@writes
def carry(
    agreement: Annotated[str, typer.Argument(help="The agreement the actions are in.")],
    to: Annotated[str, typer.Option("--to", help="The successor agreement that takes them over.")],
    actions: Annotated[
        Optional[list[int]], typer.Option("--action", help="An action to carry over (its ID); repeatable.")
    ] = None,
    unfinished: Annotated[bool, typer.Option("--unfinished", help="Carry every action not done or cancelled.")] = False,
    due: Annotated[Optional[str], typer.Option("--due", help="Due date of the copies, dd/mm/yyyy (none by default).")] = None,
) -> None:
    """Copy unfinished actions into the successor agreement; each copy links to the original and its reports."""
    from hoptac_cli.domain import lifecycle

    with session(write=True) as db:
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
@writes
def update(
    agreement: Annotated[Optional[str], typer.Argument(help="Agreement; optional when only one is active.")] = None,
    cadence: Annotated[
        Optional[str], typer.Option("--cadence", help="Reporting cadence: half-yearly, quarterly or yearly.")
    ] = None,
    deadline_day: Annotated[
        Optional[int], typer.Option("--deadline-day", help="Reports are due on this day of the period's last month.")
    ] = None,
    governing_body: Annotated[
        Optional[str], typer.Option("--governing-body", help="Its documents' governing body (cơ quan chủ quản).")
    ] = None,
    issuing_body: Annotated[
        Optional[str], typer.Option("--issuing-body", help="Its documents' issuing body (cơ quan ban hành).")
    ] = None,
    place: Annotated[Optional[str], typer.Option("--place", help="Place in its documents' date line.")] = None,
    number_pattern: Annotated[
        Optional[str], typer.Option("--number-pattern", help="Report number and symbol, e.g. '{number}/BC-STC'.")
    ] = None,
    letter_number_pattern: Annotated[
        Optional[str],
        typer.Option("--letter-number-pattern", help="Reminder letter number and symbol, e.g. '{number}/STC-KTĐN'."),
    ] = None,
    signer_authority: Annotated[
        Optional[str], typer.Option("--signer-authority", help="TM./KT. line(s) above the signer's title.")
    ] = None,
    signer_title: Annotated[Optional[str], typer.Option("--signer-title", help="The signer's title.")] = None,
    signer_name: Annotated[Optional[str], typer.Option("--signer-name", help="The signer's full name.")] = None,
    recipients: Annotated[Optional[list[str]], typer.Option("--recipient", help="A recipient (Nơi nhận); repeatable.")] = None,
    archive: Annotated[Optional[str], typer.Option("--archive", help="What follows 'Lưu:'.")] = None,
    clear: Annotated[
        Optional[list[str]], typer.Option("--clear", help="Drop this agreement's own value of a document setting; repeatable.")
    ] = None,
    title: Annotated[Optional[str], typer.Option("--title", help="The corrected title.")] = None,
    slug: Annotated[Optional[str], typer.Option("--slug", help="The corrected short name.")] = None,
    period: Annotated[Optional[str], typer.Option("--period", "-p", help="The corrected years, e.g. 2021-2025.")] = None,
    signed: Annotated[Optional[str], typer.Option("--signed", help="The corrected signing date, dd/mm/yyyy.")] = None,
    signatories: Annotated[
        Optional[list[str]], typer.Option("--signatory", help='"P=Full name, title" for a signing party; repeatable.')
    ] = None,
    note: Annotated[Optional[str], typer.Option("--note", help="A note.")] = None,
    predecessor_note: Annotated[
        Optional[str], typer.Option("--predecessor-note", help="Earlier programmes not in the database, as text.")
    ] = None,
) -> None:
    """Correct an agreement (title, slug, years, signing date, signatories, notes), change its
    reporting cadence or deadline day, or set who issues its documents (overriding 'hoptac
    settings' for this agreement); kept in the history, undo takes it back."""
    from hoptac_cli.cli.settings import OPTION_NAMES
    from hoptac_cli.domain import corrections, settings
    from hoptac_cli.domain import register as register_domain

    given = dict(
        governing_body=governing_body,
        issuing_body=issuing_body,
        place=place,
        number_pattern=number_pattern,
        letter_number_pattern=letter_number_pattern,
        signer_authority=signer_authority,
        signer_title=signer_title,
        signer_name=signer_name,
        recipients=recipients,
        archive=archive,
    )
    names = {**OPTION_NAMES, "letter_number_pattern": "--letter-number-pattern"}
    corrected: dict[str, Any] = dict(
        title=title,
        slug=slug,
        period=period,
        signed=signed,
        signatories=signatories,
        note=note,
        predecessor_note=predecessor_note,
        cadence=cadence,
        deadline_day=deadline_day,
    )
    with session(write=True) as db:
        changes = settings.prepare(given, names)
        row = register_domain.agreement(db, agreement)
        cleared = settings.check_clear(db, row["id"], clear or [])
        fields: list[str] = []
        if any(value is not None for value in corrected.values()) or not (changes or clear):
            row, fields = corrections.update_agreement(db, agreement, **corrected)
        result = settings.update_agreement(db, row["id"], changes, cleared) if changes or clear else None
    if {"report_cadence", "deadline_day"} & set(fields):
        done(t("msg.schedule_set", slug=row["slug"], cadence=t(f"cadence.{row['report_cadence']}"), day=row["deadline_day"]))
    others = [field for field in fields if field not in ("report_cadence", "deadline_day")]
    if others:
        done(t("msg.corrected", kind=t("kind.agreement"), id=row["id"], slug=row["slug"], fields=fields_named(others)))
    if result:
        for key in result["cleared"]:
            done(t("msg.agreement_setting_cleared", slug=row["slug"], name=key))
        for key, value in result["set"].items():
            done(t("msg.agreement_setting", slug=row["slug"], name=key, value=value))


def add_commands(app: typer.Typer) -> None:
    app.add_typer(agreement_app, name="agreement")

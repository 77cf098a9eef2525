"""``hoptac commend``: commendations (khen thưởng) decided at review meetings."""

from typing import Annotated, Optional

import typer

from hoptac_cli.cli.common import AgreementOpt, ForceOpt, FormatOpt, JsonOpt, OutputFormat, done, output_format, session, writes
from hoptac_cli.i18n import fields as fields_named
from hoptac_cli.i18n import t
from hoptac_cli.i18n.reviews import FORMS
from hoptac_cli.records import COMMENDATION, COMMENDATIONS
from hoptac_cli.render.output import emit

commend_app = typer.Typer(help="Commendations decided at reviews.", no_args_is_help=True, rich_markup_mode=None)


def _complete_form(incomplete: str) -> list[str]:
    from hoptac_cli.domain.text import fold

    return [form for form in FORMS if fold(form).startswith(fold(incomplete))]


CommendationIdArg = Annotated[int, typer.Argument(metavar="ID", help="The commendation's id.")]


@commend_app.command("add")
@writes
def add(
    review: Annotated[int, typer.Option("--review", help="The review that decided the commendation (its ID).")],
    recipient: Annotated[str, typer.Option("--recipient", help="Name of the organisation or person.")],
    form: Annotated[
        str,
        typer.Option(
            "--form",
            help="Form of commendation; usual forms: " + "; ".join(FORMS) + ". Other text is kept as typed.",
            autocompletion=_complete_form,
        ),
    ],
    collective: Annotated[bool, typer.Option("--collective", help="The recipient is a collective (tập thể).")] = False,
    individual: Annotated[bool, typer.Option("--individual", help="The recipient is a person (cá nhân).")] = False,
    unit: Annotated[Optional[str], typer.Option("--unit", help="The recipient's unit, e.g. 'Sở Y tế tỉnh Hậu Giang'.")] = None,
    party: Annotated[Optional[str], typer.Option("--party", help="The party the recipient belongs to.")] = None,
    decision: Annotated[Optional[str], typer.Option("--decision", help='Decision number, e.g. "Số 123/QĐ-UBND".')] = None,
    date: Annotated[Optional[str], typer.Option("--date", help="Date of the decision, dd/mm/yyyy.")] = None,
    reason: Annotated[Optional[str], typer.Option("--reason", help="What the recipient is commended for.")] = None,
) -> None:
    """Record a commendation decided at a review."""
    from hoptac_cli.domain import reviews

    with session(write=True) as db:
        commendation_id, stored = reviews.add_commendation(
            db,
            review_id=review,
            recipient=recipient,
            collective=collective,
            individual=individual,
            form=form,
            unit=unit,
            party=party,
            decision=decision,
            date=date,
            reason=reason,
        )
    done(t("msg.commend_added", id=commendation_id, recipient=recipient.strip(), form=stored))


@commend_app.command("list")
def list_(
    agreement: AgreementOpt = None,
    year: Annotated[Optional[int], typer.Option("--year", help="Only commendations of this year's review.")] = None,
    party: Annotated[
        Optional[str], typer.Option("--party", help="Only this party's recipients (and those of parties merged into it).")
    ] = None,
    output: Annotated[
        Optional[str], typer.Option("--output", "-o", help="Write to a file (.csv, .xlsx or .json); '-' for stdout.")
    ] = None,
    fmt: FormatOpt = OutputFormat.table,
    as_json: JsonOpt = False,
    force: ForceOpt = False,
    bom: Annotated[
        bool, typer.Option("--bom", help="With -o -: start the CSV with a BOM too (a CSV file always has one).")
    ] = False,
) -> None:
    """List commendations; --format csv|json or -o FILE to export them."""
    from hoptac_cli.domain import reviews

    if output is not None:
        from hoptac_cli.render.files import check_target

        check_target(output, force=force)
    with session() as db:
        rows = reviews.find_commendations(db, agreement_ref=agreement, year=year, party_ref=party)
    chosen = output_format(fmt, as_json)
    if output is None:
        emit(rows, COMMENDATIONS, chosen, title=t("title.commendations"))
        return
    from hoptac_cli.render import tabular

    sheet = tabular.Sheet(t("title.commendations"), list(COMMENDATION), rows)
    tabular.write(output, None if chosen == "table" else chosen, [sheet], force=force, bom=bom or None)
    if output != "-":
        from hoptac_cli.i18n import count

        done(t("msg.commend_written", count=count("count.commendation", len(rows)), path=output))


@commend_app.command("update")
@writes
def update(
    commendation_id: CommendationIdArg,
    review: Annotated[Optional[int], typer.Option("--review", help="The review that really decided it (its ID).")] = None,
    recipient: Annotated[Optional[str], typer.Option("--recipient", help="The corrected name.")] = None,
    form: Annotated[
        Optional[str], typer.Option("--form", help="The corrected form of commendation.", autocompletion=_complete_form)
    ] = None,
    collective: Annotated[bool, typer.Option("--collective", help="The recipient is a collective (tập thể).")] = False,
    individual: Annotated[bool, typer.Option("--individual", help="The recipient is a person (cá nhân).")] = False,
    unit: Annotated[Optional[str], typer.Option("--unit", help="The recipient's unit.")] = None,
    party: Annotated[Optional[str], typer.Option("--party", help="The party the recipient belongs to ('' for none).")] = None,
    decision: Annotated[Optional[str], typer.Option("--decision", help="Decision number.")] = None,
    date: Annotated[Optional[str], typer.Option("--date", help="Date of the decision, dd/mm/yyyy.")] = None,
    reason: Annotated[Optional[str], typer.Option("--reason", help="What the recipient is commended for.")] = None,
) -> None:
    """Correct a commendation (kept in the history; undo takes it back)."""
    from hoptac_cli.domain import corrections

    with session(write=True) as db:
        fields = corrections.update_commendation(
            db,
            commendation_id,
            review_id=review,
            recipient=recipient,
            collective=collective,
            individual=individual,
            form=form,
            unit=unit,
            party=party,
            decision=decision,
            date=date,
            reason=reason,
        )
    done(t("msg.commend_updated", id=commendation_id, fields=fields_named(fields)))


@commend_app.command("remove")
@writes
def remove(commendation_id: CommendationIdArg) -> None:
    """Remove a commendation recorded by mistake."""
    from hoptac_cli.domain import corrections

    with session(write=True) as db:
        row = corrections.remove_commendation(db, commendation_id)
    done(t("msg.commend_removed", id=commendation_id, recipient=row["recipient"], form=row["form"]))


def add_commands(app: typer.Typer) -> None:
    app.add_typer(commend_app, name="commend")

"""``hoptac review``: the yearly review meetings (hội nghị sơ kết / tổng kết) hosted in turn."""

from typing import Annotated, Optional

import typer

from hoptac_cli.cli.common import AgreementOpt, FormatOpt, JsonOpt, OutputFormat, done, note, output_format, session, writes
from hoptac_cli.i18n import formerly, t
from hoptac_cli.records import AGREEMENTS_ENDED, REVIEW_CHANGES, REVIEW_COMMENDATIONS, REVIEW_DETAIL, REVIEWS
from hoptac_cli.render.output import emit, emit_record, print_json, section

review_app = typer.Typer(
    help="Yearly review meetings (sơ kết / tổng kết) and their decisions.", no_args_is_help=True, rich_markup_mode=None
)


ReviewIdArg = Annotated[int, typer.Argument(metavar="ID", help="The review's id.")]


@review_app.command("add")
@writes
def add(
    year: Annotated[int, typer.Option("--year", help="The year reviewed, e.g. 2022.")],
    agreement: AgreementOpt = None,
    host: Annotated[Optional[str], typer.Option("--host", help="Host party; by default the party whose turn it is.")] = None,
    held: Annotated[Optional[str], typer.Option("--held", help="Date of the meeting, dd/mm/yyyy.")] = None,
    kind: Annotated[str, typer.Option("--kind", help="so-ket (yearly interim review) or tong-ket (final review).")] = "so-ket",
    conclusion: Annotated[Optional[str], typer.Option("--conclusion", help="The meeting's conclusions.")] = None,
) -> None:
    """Record a review meeting of an agreement."""
    from hoptac_cli.domain import reviews

    with session(write=True) as db:
        review_id, proposed = reviews.add_review(
            db, agreement_ref=agreement, year=year, kind=kind, host=host, held=held, conclusion=conclusion
        )
        row = reviews.review(db, review_id)
    if proposed is not None:
        host_words = formerly(proposed["name"], proposed["formerly"])
        previous = proposed["previous"]
        if previous:
            note(t("msg.review_host_proposed", host=host_words, previous=previous["host"], year=previous["year"]))
        else:
            note(t("msg.review_host_first", host=host_words))
    done(
        t(
            "msg.review_added",
            id=review_id,
            kind=t(f"review_kind.{row['kind']}"),
            year=row["year"],
            agreement=row["agreement"],
            host=row["host"],
        )
    )


@review_app.command("update")
@writes
def update(
    review_id: ReviewIdArg,
    host: Annotated[Optional[str], typer.Option("--host", help="The party that hosted the meeting.")] = None,
    held: Annotated[Optional[str], typer.Option("--held", help="Date of the meeting, dd/mm/yyyy.")] = None,
    conclusion: Annotated[Optional[str], typer.Option("--conclusion", help="The meeting's conclusions.")] = None,
) -> None:
    """Correct a review's host, date or conclusions."""
    from hoptac_cli.domain import reviews

    with session(write=True) as db:
        fields = reviews.update_review(db, review_id, host=host, held=held, conclusion=conclusion)
    from hoptac_cli.render.output import display

    done(t("msg.review_updated", id=review_id, fields=", ".join(display(field, "label:field") for field in fields)))


@review_app.command("list")
def list_(agreement: AgreementOpt = None, fmt: FormatOpt = OutputFormat.table, as_json: JsonOpt = False) -> None:
    """List review meetings, with how many changes and commendations each decided."""
    from hoptac_cli.domain import reviews

    with session() as db:
        rows = reviews.find_reviews(db, agreement)
    emit(rows, REVIEWS, output_format(fmt, as_json), title=t("title.reviews"))


@review_app.command("show")
def show(review_id: ReviewIdArg, fmt: FormatOpt = OutputFormat.table, as_json: JsonOpt = False) -> None:
    """Show a review with every change it made to actions and its commendations."""
    from hoptac_cli.domain import reviews

    with session() as db:
        detail = reviews.detail(db, review_id)
    chosen = output_format(fmt, as_json)
    if chosen == "json":
        print_json(detail)
        return
    emit_record(detail, REVIEW_DETAIL, chosen, title=f"{reviews.label(detail)} — {detail['agreement']}")
    if chosen == "table":
        if detail["ended"]:
            section(t("title.agreements_ended"))
            emit(detail["ended"], AGREEMENTS_ENDED, chosen)
        section(t("title.review_changes"))
        emit(detail["changes_made"], REVIEW_CHANGES, chosen)
        section(t("title.commendations"))
        emit(detail["commendations_made"], REVIEW_COMMENDATIONS, chosen)


def add_commands(app: typer.Typer) -> None:
    app.add_typer(review_app, name="review")

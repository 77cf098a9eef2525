"""``hoptac action``: concrete actions (nhiệm vụ) in a sector, with lead and partner agencies."""

from typing import Annotated, Optional

import typer

from hoptac_cli.cli.common import AgreementOpt, FormatOpt, JsonOpt, OutputFormat, done, output_format, session, writes
from hoptac_cli.cli.rows import AllOpt, LimitOpt
from hoptac_cli.i18n import t
from hoptac_cli.records import ACTION_DETAIL, ACTION_HISTORY, ACTIONS
from hoptac_cli.render.output import emit, emit_record, print_json, section

action_app = typer.Typer(help="Actions: what each sector's agencies do.", no_args_is_help=True, rich_markup_mode=None)

SectorOpt = Annotated[Optional[str], typer.Option("--sector", "-s", help="Sector (slug, id or name).")]
PartnerOpt = Annotated[Optional[list[str]], typer.Option("--partner", help="A partner agency; repeatable.")]
StartOpt = Annotated[Optional[str], typer.Option("--start", help="Planned start, dd/mm/yyyy.")]
DueOpt = Annotated[Optional[str], typer.Option("--due", help="Due date, dd/mm/yyyy.")]
UnitOpt = Annotated[Optional[str], typer.Option("--unit", help="Indicator unit, e.g. 'em', 'đồng', 'học sinh'.")]
TargetOpt = Annotated[Optional[str], typer.Option("--target", help="Indicator target, e.g. 20 or 1.200.000.000.")]
BaselineOpt = Annotated[
    Optional[str], typer.Option("--baseline", help="Indicator value at the start; progress runs from it to the target.")
]
MeasureOpt = Annotated[
    Optional[str],
    typer.Option(
        "--measure", help="How reported values add up: cumulative (achieved so far, the default) or per-period (summed)."
    ),
]
PlanOpt = Annotated[Optional[str], typer.Option("--plan", help='Signed plan reference: "document number, date".')]
NoteOpt = Annotated[Optional[str], typer.Option("--note", help="A note.")]
ActionIdArg = Annotated[int, typer.Argument(metavar="ID", help="The action's id.")]
ReviewOpt = Annotated[Optional[int], typer.Option("--review", help="The review (its ID) that decided this.")]
ReasonOpt = Annotated[Optional[str], typer.Option("--reason", help="Why; kept in the action's history.")]


@action_app.command("add")
@writes
def add(
    title: Annotated[str, typer.Argument(help="What will be done.")],
    sector: Annotated[str, typer.Option("--sector", "-s", help="Sector (slug, id or name).")],
    lead: Annotated[str, typer.Option("--lead", help="Lead agency (chủ trì).")],
    agreement: AgreementOpt = None,
    partners: PartnerOpt = None,
    start: StartOpt = None,
    due: DueOpt = None,
    unit: UnitOpt = None,
    target: TargetOpt = None,
    baseline: BaselineOpt = None,
    measure: MeasureOpt = None,
    plan: PlanOpt = None,
    note: NoteOpt = None,
    review: Annotated[
        Optional[int], typer.Option("--review", help="The review (its ID) that added the action; its agreement is used.")
    ] = None,
) -> None:
    """Add an action to a sector (with --review: a review's decision to supplement the list)."""
    from hoptac_cli.domain import register, reviews

    fields = register.ActionFields(
        title=title,
        lead=lead,
        partners=partners,
        start=start,
        due=due,
        unit=unit,
        target=target,
        baseline=baseline,
        measure=measure,
        plan=plan,
        note=note,
    )
    with session(write=True) as db:
        if review is None:
            action_id = register.add_action(db, fields, sector_ref=sector, agreement_ref=agreement)
        else:
            action_id = reviews.supplement(db, fields, sector_ref=sector, review_id=review, agreement_ref=agreement)
            label = reviews.label(reviews.review(db, review))
    done(t("msg.action_added", id=action_id) if review is None else t("msg.action_supplemented", id=action_id, review=label))


@action_app.command("list")
def list_(
    agreement: AgreementOpt = None,
    sector: SectorOpt = None,
    status: Annotated[Optional[str], typer.Option("--status", help="Only actions with this status.")] = None,
    agency: Annotated[Optional[str], typer.Option("--agency", help="Only actions this agency leads or supports.")] = None,
    overdue: Annotated[bool, typer.Option("--overdue", help="Only actions past their due date, not done or cancelled.")] = False,
    limit: LimitOpt = None,
    show_all: AllOpt = False,
    fmt: FormatOpt = OutputFormat.table,
    as_json: JsonOpt = False,
) -> None:
    """List actions, filtered."""
    from hoptac_cli.cli import rows as listing
    from hoptac_cli.domain import actions

    chosen = output_format(fmt, as_json)
    listing.check(limit, show_all)
    with session() as db:
        rows = actions.find(db, agreement=agreement, sector=sector, status=status, agency=agency, overdue=overdue)
    shown, total = listing.limited(rows, chosen, limit, show_all)
    sectors = {row["sector"] for row in rows}
    if chosen == "table" and len(sectors) == 1:
        # One sector: name it in the title rather than on every row.
        emit(shown, ACTIONS.without("sector"), chosen, title=f"{t('title.actions')} — {sectors.pop()}")
    else:
        emit(shown, ACTIONS, chosen, title=t("title.actions"))
    listing.left_out(len(shown), total)


@action_app.command("show")
def show(action_id: ActionIdArg, fmt: FormatOpt = OutputFormat.table, as_json: JsonOpt = False) -> None:
    """Show one action with its history."""
    from hoptac_cli.domain import actions

    with session() as db:
        row = actions.detail(db, action_id)
    chosen = output_format(fmt, as_json)
    if chosen == "json":
        print_json(row)
        return
    emit_record(row, ACTION_DETAIL, chosen, title=f"#{row['id']} {row['title']}")
    if chosen == "table":
        section(t("title.history"))
        emit(row["history"], ACTION_HISTORY, chosen)


@action_app.command("update")
@writes
def update(
    action_id: ActionIdArg,
    title: Annotated[Optional[str], typer.Option("--title", help="The new title.")] = None,
    status: Annotated[
        Optional[str],
        typer.Option(
            "--status", help="The new status (not-started, in-progress, done, behind, or in Vietnamese, e.g. 'đang thực hiện')."
        ),
    ] = None,
    start: StartOpt = None,
    due: DueOpt = None,
    lead: Annotated[Optional[str], typer.Option("--lead", help="New lead agency.")] = None,
    partners: Annotated[Optional[list[str]], typer.Option("--partner", help="Replace the partner agencies; repeatable.")] = None,
    unit: UnitOpt = None,
    target: TargetOpt = None,
    baseline: BaselineOpt = None,
    measure: MeasureOpt = None,
    plan: PlanOpt = None,
    note: NoteOpt = None,
    review: ReviewOpt = None,
    reason: ReasonOpt = None,
) -> None:
    """Change an action; every change is kept in its history (with --review: as that review's adjustment)."""
    from hoptac_cli.domain import register, reviews

    changes = register.ActionFields(
        title=title,
        status=status,
        start=start,
        due=due,
        lead=lead,
        partners=partners,
        unit=unit,
        target=target,
        baseline=baseline,
        measure=measure,
        plan=plan,
        note=note,
    )
    with session(write=True) as db:
        events = reviews.adjust(db, action_id, changes, review_id=review, reason=reason)
        label = reviews.label(reviews.review(db, review)) if review is not None else None
    from hoptac_cli.render.output import display

    fields = ", ".join(display(event["field"], "label:field") for event in events)
    done(
        t("msg.action_updated", id=action_id, fields=fields)
        if label is None
        else t("msg.action_adjusted", id=action_id, review=label, fields=fields)
    )


@action_app.command("remove")
@writes
def remove(action_id: ActionIdArg) -> None:
    """Remove an action added by mistake (refused once it has reports: cancel it instead)."""
    from hoptac_cli.domain import corrections

    with session(write=True) as db:
        row = corrections.remove_action(db, action_id)
    done(t("msg.action_removed", id=action_id, title=row["title"]))


def _decide(action_id: int, decision: str, review: int | None, reason: str | None) -> None:
    from hoptac_cli.domain import reviews

    with session(write=True) as db:
        status = reviews.decide(db, action_id, decision, review_id=review, reason=reason)
    done(t("msg.action_decided", id=action_id, status=t(f"status.{status}")))


@action_app.command("cancel")
@writes
def cancel(
    action_id: ActionIdArg,
    review: Annotated[int, typer.Option("--review", help="The review (its ID) that decided to cancel the action.")],
    reason: Annotated[str, typer.Option("--reason", help="Why the action is cancelled.")],
) -> None:
    """Cancel an action by a review's decision."""
    _decide(action_id, "cancel", review, reason)


@action_app.command("pause")
@writes
def pause(action_id: ActionIdArg, review: ReviewOpt = None, reason: ReasonOpt = None) -> None:
    """Pause an action (tạm dừng); reports no longer decide its status until it is resumed."""
    _decide(action_id, "pause", review, reason)


@action_app.command("resume")
@writes
def resume(action_id: ActionIdArg, review: ReviewOpt = None, reason: ReasonOpt = None) -> None:
    """Resume a paused action, back to the status it had before the pause."""
    _decide(action_id, "resume", review, reason)


def add_commands(app: typer.Typer) -> None:
    app.add_typer(action_app, name="action")

"""Periodic reports: validate, file and amend them; list them; find who still owes one.

One report = one agency, one action, one period. Amending never overwrites: the earlier
version stays (``is_current = 0``) and the new one points to it, so figures use the latest
version and ``report show`` can print the whole history; an amendment keeps every field it
does not give. The same ``prepare`` validates a typed ``report add`` and every row of an
imported file.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from hoptac_cli.domain import register, timeline
from hoptac_cli.domain.dates import parse_date, show_date, today
from hoptac_cli.domain.mergers import with_predecessors
from hoptac_cli.domain.numbers import parse_number, show_number
from hoptac_cli.domain.periods import Period, containing, parse_period
from hoptac_cli.domain.progress import contradicts, derive, owes_report, report_progress, report_status
from hoptac_cli.domain.statuses import CLOSED, DECIDED, parse_status
from hoptac_cli.domain.succession import Successions
from hoptac_cli.domain.text import fold, nfc_or_none
from hoptac_cli.errors import HoptacError
from hoptac_cli.i18n import t
from hoptac_cli.storage import register as store
from hoptac_cli.storage import reports as report_store
from hoptac_cli.storage import reviews as review_store
from hoptac_cli.storage import status as status_store

if TYPE_CHECKING:
    from sqlite_utils import Database

Row = dict[str, Any]

#: how a field is named in messages when typed on the command line
CLI_LABELS = {
    "action_id": "--action",
    "period": "--period",
    "progress": "--progress",
    "value": "--value",
    "status": "--status",
    "agency": "--agency",
    "submitted": "--submitted",
}
#: the report fields that make two versions different (the submission date does not)
CONTENT = ("progress", "value", "status", "result", "difficulty", "proposal")


class FieldError(HoptacError):
    """A refused value, with the field it came from (an import names the column)."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


#: the parses an import repeats on the same text (its dates, percentages and periods), each
#: worked out once: pure functions of the text, and a refusal is never kept (it raises again)
_parse_number = functools.lru_cache(maxsize=4096)(parse_number)
_parse_date = functools.lru_cache(maxsize=1024)(parse_date)
_parse_period = functools.lru_cache(maxsize=256)(parse_period)


def _checked(field: str, parse: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    try:
        return parse(*args, **kwargs)
    except FieldError:
        raise
    except HoptacError as error:
        raise FieldError(field, error.message) from None


@dataclass(frozen=True)
class ReportFields:
    """A report as given (typed options, a row of a department file, the sample's entries): raw
    text, not yet validated; None where not given (an amendment keeps the earlier version's)."""

    action_id: int
    period: str
    progress: str | None = None
    value: str | None = None
    status: str | None = None
    result: str | None = None
    difficulty: str | None = None
    proposal: str | None = None
    agency: str | None = None
    submitted: str | None = None


@dataclass
class Draft:
    """A validated report, not yet written; ``existing`` is the current version it would replace."""

    action: Row
    agency: Row
    period: Period
    values: Row
    existing: Row | None

    def same_as_existing(self) -> bool:
        return self.existing is not None and all(self.existing[key] == self.values[key] for key in CONTENT)


# validation ----------------------------------------------------------------------------------


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def check_period(agreement: Row, period: Period, label: str = "--period") -> None:
    """The period must be of the agreement's cadence, within its years and not after it ended."""
    cadence = agreement["report_cadence"]
    if period.kind != cadence:
        raise FieldError(
            "period",
            t(
                "err.report_cadence",
                option=label,
                value=period.code,
                cadence=t(f"cadence.{cadence}"),
                example=Period(period.year, cadence).code,
            ),
        )
    if not period.overlaps(dt.date(agreement["start_year"], 1, 1), dt.date(agreement["end_year"], 12, 31)):
        years = register.year_span(agreement["start_year"], agreement["end_year"])
        raise FieldError("period", t("err.report_period_agreement", option=label, value=period.code, years=years))
    ended = _date(agreement.get("ended_on"))
    if ended and period.start > ended:
        raise FieldError("period", t("err.report_period_ended", option=label, value=period.code, ended=show_date(ended)))


def check_begun(agreement: Row, period: Period, label: str = "--period", now: dt.date | None = None) -> None:
    """No report, and no summary, for a period that has not begun: refused naming the current one."""
    now = now or today()
    if period.start > now:
        current = containing(agreement["report_cadence"], now)
        raise FieldError("period", t("err.period_not_begun", option=label, value=period.code, current=current.label()))


def _figures(
    basis: Row, existing: Row | None, progress: str | None, value: str | None, labels: dict[str, str]
) -> tuple[float, float | None, bool]:
    """Progress and value of the report, and whether they were given (else kept from ``existing``).
    ``basis`` is the action as of the day before the period, with the indicator in force at its end."""
    if progress is not None and value is not None or (progress is None and value is None and existing is None):
        raise FieldError("progress", t("err.report_progress_or_value", progress=labels["progress"], value=labels["value"]))
    if value is not None:
        if basis["target"] is None:
            raise FieldError(
                "value", t("err.report_value_no_indicator", option=labels["value"], id=basis["id"], progress=labels["progress"])
            )
        amount = _checked("value", _parse_number, value, option=labels["value"])
        if amount < 0:
            raise FieldError("value", t("err.report_value_negative", option=labels["value"], value=value))
        return report_progress(basis, amount), amount, True
    kept = existing["value"] if existing and basis["target"] is not None else None
    if progress is None:
        if kept is not None:
            percent = report_progress(basis, kept)
        elif existing is not None:
            percent = existing["progress"]
        else:  # refused above: nothing given and no earlier version to keep it from
            raise LookupError("a report's figures kept from no earlier version")
        return percent, kept, False
    text = progress.strip().removesuffix("%")
    percent = _checked("progress", _parse_number, text, option=labels["progress"])
    if not 0 <= percent <= 100:
        raise FieldError("progress", t("err.report_progress_range", option=labels["progress"], value=progress))
    return round(percent, 1), kept, True


def _status(text: str | None, progress: float, label: str, existing: Row | None = None) -> str:
    """The status given; else, amending, the earlier one (a status that only followed the earlier
    progress follows the new one, and one the new progress contradicts gives way); else the
    status the progress means (``progress.report_status``)."""
    if text is None:
        if existing is not None:
            earlier = existing["status"]
            if earlier != report_status(existing["progress"]) and not contradicts(earlier, progress):
                return earlier
        return report_status(progress)
    status = _checked("status", parse_status, text)
    if contradicts(status, progress):
        raise FieldError(
            "status",
            t(
                "err.report_status_progress",
                option=label,
                status=t(f"status.{status}"),
                value=text,
                progress=show_number(progress),
            ),
        )
    return status


class Lookups:
    """What validating a report reads besides the report itself: the action (now, the day
    before the period and at its end), its agreement, partners and agencies named. ``report
    add`` reads them one by one; an import makes one ``Lookups`` for the whole file, resolves
    each agency name once and reads the actions of a batch of rows in one go (``prefetch``),
    keeping only that batch (memory stays flat)."""

    def __init__(self, db: Database):
        self.db = db
        self.now = today()  # read once: an import's rows would each ask three times
        self.successions = Successions(db, "agencies")
        self._agreements: dict[int, Row] = {}
        self._agencies: dict[str, Row | HoptacError] = {}
        self._actions: dict[int, Row] = {}
        self._views: dict[tuple[int, str], tuple[Row, Row]] = {}
        self._partners: dict[int, list[int]] = {}
        self._filed: dict[tuple[int, int, str], Row] | None = None
        self._candidates: list[Row] | None = None

    def prefetch(self, wanted: list[tuple[int, Period]]) -> None:
        """Read the actions of ``(action id, period)`` pairs at once, forgetting earlier ones;
        and the current reports they have for those periods."""
        self._actions, self._views, self._partners, self._filed = {}, {}, {}, None
        ids = sorted({action_id for action_id, _ in wanted})
        if not ids:
            return
        self._filed = {
            (row["action_id"], row["agency_id"], row["period"]): row
            for row in report_store.current_of(self.db, ids, sorted({period.code for _, period in wanted}))
        }
        for action_id, partner in store.partner_ids(self.db, ids):
            self._partners.setdefault(action_id, []).append(partner)
        by_period: dict[Period, set[int]] = {}
        for action_id, period in wanted:
            by_period.setdefault(period, set()).add(action_id)
        for period, members in by_period.items():
            # The actions as they stand (read once: every row of a department file is usually
            # of one period), and as of the day before the period and at its end.
            days: list[tuple[dt.date | None, bool]] = [(period.start - dt.timedelta(days=1), False), (period.end, False)]
            if not self._actions:
                days.insert(0, (None, False))
            found = timeline.views(self.db, days, action_ids=sorted(members), partners=False)  # partners: by id, below
            if len(found) == 3:
                self._actions = {row["id"]: row for row in found.pop(0)}
            earlier, at_end = found
            ending = {row["id"]: row for row in at_end}
            for row in earlier:
                self._views[(row["id"], period.code)] = (row, ending[row["id"]])
        missing = [action_id for action_id in ids if action_id not in self._actions]
        if missing:  # the actions of rows of another period
            self._actions.update((row["id"], row) for row in store.list_actions(self.db, action_ids=missing, partners=False))

    def action(self, action_id: int) -> Row:
        if action_id in self._actions:
            return self._actions[action_id]
        return register.action(self.db, action_id)

    def agreement(self, agreement_id: int) -> Row:
        if agreement_id not in self._agreements:
            self._agreements[agreement_id] = store.get(self.db, "agreements", agreement_id)
        return self._agreements[agreement_id]

    def views(self, action_id: int, period: Period) -> tuple[Row, Row]:
        """The action as of the day before the period began and at its end (every action, existing or not)."""
        if (action_id, period.code) in self._views:
            return self._views[(action_id, period.code)]
        (before,) = timeline.actions(self.db, action_ids=[action_id], day=period.start - dt.timedelta(days=1), existing=False)
        (at_end,) = timeline.actions(self.db, action_ids=[action_id], day=period.end, existing=False)
        return before, at_end

    def partners(self, action_id: int) -> list[int]:
        if action_id in self._actions:
            return self._partners.get(action_id, [])
        return [row["id"] for row in store.action_partners(self.db, action_id)]

    def current(self, action_id: int, agency_id: int, period: Period) -> Row | None:
        """The agency's current report on the action for the period, if any."""
        if self._filed is not None and action_id in self._actions:
            return self._filed.get((action_id, agency_id, period.code))
        return report_store.current(self.db, action_id, agency_id, period.code)

    def agency(self, ref: str) -> Row:
        """``register.agency``, each reference resolved once (a refusal too)."""
        if ref not in self._agencies:
            from hoptac_cli.domain import refs

            if self._candidates is None:
                self._candidates = store.candidates(self.db, "agencies")
            try:
                self._agencies[ref] = refs.resolve(ref, self._candidates, kind="agency")
            except HoptacError as error:
                self._agencies[ref] = error
        found = self._agencies[ref]
        if isinstance(found, HoptacError):
            raise found
        return found


def _agency(lookups: Lookups, action: Row, ref: str | None) -> Row:
    """The lead by default; else the lead, a partner, or whoever has since taken one of them over."""
    if ref is None:
        return lookups.agency(str(action["lead_agency_id"]))
    found = _checked("agency", lookups.agency, ref)
    allowed = [action["lead_agency_id"], *lookups.partners(action["id"])]
    now = lookups.now
    successions = lookups.successions
    if found["id"] in allowed or successions.current(found["id"], now) in {successions.current(i, now) for i in allowed}:
        return found
    raise FieldError("agency", t("err.report_agency", value=ref, name=found["name"], id=action["id"], lead=action["lead"]))


def _submitted(text: str | None, period: Period, label: str, now: dt.date) -> str:
    """The date given, else today (``now``); either way not in the future and not before the
    period's data window opens."""
    day = now if text is None else _checked("submitted", _parse_date, text, option=label)
    if day > now:
        raise FieldError("submitted", t("err.report_submitted_future", option=label, value=text))
    opens = period.window[0]
    if day < opens:
        if text is None:
            raise FieldError(
                "submitted",
                t("err.report_today_early", option=label, today=show_date(now), period=period.code, opens=show_date(opens)),
            )
        raise FieldError(
            "submitted", t("err.report_submitted_early", option=label, value=text, period=period.code, opens=show_date(opens))
        )
    return day.isoformat()


def _check_alive(db: Database, before: Row, period: Period, label: str) -> None:
    """Refuse a period the action does not live in: before it existed, after it was carried to a
    successor agreement, cancelled or paused (as of the day before the period began), or past
    its due date once finished (an unfinished late action still owes its reports)."""
    action_id = before["id"]
    exists = dt.date.fromisoformat(before["exists_from"])
    if period.end < exists or (before["status"] in CLOSED and before["due_on"] and before["due_on"] < period.start.isoformat()):
        raise FieldError(
            "period",
            t(
                "err.report_period_action",
                option=label,
                value=period.code,
                id=action_id,
                start=show_date(exists),
                due=show_date(before["due_on"]) or "…",
            ),
        )
    if before["carried_on"]:
        copy = review_store.carried_copies(db, action_id)[0]
        raise FieldError(
            "period",
            t(
                "err.report_carried",
                option=label,
                value=period.code,
                id=action_id,
                target=copy["agreement"],
                copy=copy["id"],
                date=show_date(before["carried_on"]),
            ),
        )
    if before["status"] in DECIDED:
        raise FieldError(
            "period",
            t(
                "err.report_decided",
                option=label,
                value=period.code,
                id=action_id,
                status=t(f"status.{before['status']}"),
                date=show_date(before["decided_on"] or before["exists_from"]),
            ),
        )


def prepare(db: Database, fields: ReportFields, *, labels: dict[str, str] = CLI_LABELS, lookups: Lookups | None = None) -> Draft:
    """Validate one report completely, writing nothing; raise ``FieldError`` on the first fault.
    When the agency has filed for the period before, what is not given is kept from that report.
    ``lookups`` (an import's) holds what the rows of a file share."""
    lookups = lookups or Lookups(db)
    action = _checked("action_id", lookups.action, fields.action_id)
    when = _checked("period", _parse_period, fields.period)
    agreement = lookups.agreement(action["agreement_id"])
    check_period(agreement, when, labels["period"])
    check_begun(agreement, when, labels["period"], lookups.now)
    day_before = when.start - dt.timedelta(days=1)
    before, at_end = lookups.views(action["id"], when)
    before = derive(before, day_before)
    _check_alive(db, before, when, labels["period"])
    # The indicator in force at the period's end; an indicator added since serves earlier periods too.
    indicator = at_end if at_end["target"] is not None else action
    basis = {**before, **{key: indicator[key] for key in ("target", "baseline", "unit", "measure")}}
    reporter = _agency(lookups, action, fields.agency)
    existing = lookups.current(action["id"], reporter["id"], when)
    percent, amount, given = _figures(basis, existing, fields.progress, fields.value, labels)
    chosen = _status(fields.status, percent, labels["status"], existing)
    if given and fields.value is None and amount is not None and existing is not None and chosen != "done":
        implied = report_progress(basis, amount)
        if implied != percent:
            raise FieldError(
                "progress",
                t(
                    "err.report_progress_kept_value",
                    option=labels["progress"],
                    value=show_number(percent),
                    amount=show_number(amount),
                    unit=basis["unit"] or "",
                    id=existing["id"],
                    implied=show_number(implied),
                    value_option=labels["value"],
                ),
            )
    values = {
        "progress": percent,
        "value": amount,
        "status": chosen,
        "result": _kept(fields.result, existing, "result"),
        "difficulty": _kept(fields.difficulty, existing, "difficulty"),
        "proposal": _kept(fields.proposal, existing, "proposal"),
        "submitted_on": _submitted(fields.submitted, when, labels["submitted"], lookups.now),
    }
    return Draft(action, reporter, when, values, existing)


def _kept(text: str | None, existing: Row | None, field: str) -> str | None:
    """A text given (an empty one clears it), else the earlier version's."""
    if text is None:
        return existing[field] if existing else None
    return nfc_or_none(text)


# writing -------------------------------------------------------------------------------------


def _record(draft: Draft, source: str | None, previous: Row | None) -> Row:
    """The row of a new version; ``previous`` is the version it follows, if any."""
    return {
        "action_id": draft.action["id"],
        "agency_id": draft.agency["id"],
        "period": draft.period.code,
        "period_start": draft.period.start.isoformat(),
        "period_end": draft.period.end.isoformat(),
        "revision": previous["revision"] + 1 if previous else 1,
        "is_current": 1,
        "supersedes_id": previous["id"] if previous else None,
        "source": source,
        **draft.values,
    }


def save(db: Database, draft: Draft, *, source: str | None = None) -> int:
    """Write a validated draft as a new chain or a new revision; the caller holds the transaction.
    After a withdrawal the chain goes on: the new version follows the withdrawn one."""
    previous = draft.existing
    if previous:
        report_store.retire(db, previous["id"])
    else:
        previous = report_store.latest(db, draft.action["id"], draft.agency["id"], draft.period.code)
    return report_store.insert(db, _record(draft, source, previous))


def stage(db: Database, drafts: list[Draft], *, source: str | None = None, first: bool = False) -> None:
    """Keep validated drafts of distinct chains to write later with ``save_staged`` (an import
    stages each batch of rows as it is validated: memory stays flat); ``first`` starts afresh."""
    if first:
        report_store.begin_staging(db)
    report_store.stage(db, (_record(draft, source, draft.existing) for draft in drafts))


def save_staged(db: Database) -> list[int]:
    """Write what ``stage`` kept, in order; the new ids. The caller holds the transaction."""
    return report_store.insert_staged(db)


def drop_staged(db: Database) -> None:
    report_store.drop_staging(db)


def add(db: Database, fields: ReportFields, *, amend: bool = False, source: str | None = None) -> Row:
    """``report add``: refuse a second report for the same chain unless amending, and an amendment
    that changes nothing."""
    draft = prepare(db, fields)
    if draft.existing and not amend:
        raise HoptacError(t("err.report_exists", id=draft.existing["id"], period=draft.period.code, agency=draft.agency["name"]))
    if draft.existing is not None and draft.same_as_existing():
        raise HoptacError(t("err.report_unchanged", id=draft.existing["id"]))
    with db.atomic():
        report_id = save(db, draft, source=source)
    return {
        "id": report_id,
        "amends": draft.existing["id"] if draft.existing else None,
        "revision": draft.existing["revision"] + 1 if draft.existing else 1,
        "action_id": draft.action["id"],
        "period": draft.period.code,
        "agency": draft.agency["name"],
        "unit": draft.action["unit"],
        "target": draft.action["target"],
        **draft.values,
    }


# reading -------------------------------------------------------------------------------------


def shape(row: Row, deadline_day: int | None = None) -> Row:
    """A report as listings print it: stable keys, raw values (``render`` names the period)."""
    shaped = {
        "id": row["id"],
        "agreement": row["agreement"],
        "period": row["period"],
        "action_id": row["action_id"],
        "action": row["action"],
        "sector": row["sector"],
        "sector_slug": row["sector_slug"],
        "agency": row["agency"],
        "agency_slug": row["agency_slug"],
        "progress": row["progress"],
        "value": row["value"],
        "unit": row["unit"],
        "target": row["target"],
        "status": row["status"],
        "result": row["result"],
        "difficulty": row["difficulty"],
        "proposal": row["proposal"],
        "submitted_on": row["submitted_on"],
        "revision": row["revision"],
        "current": bool(row["is_current"]),
        "supersedes_id": row["supersedes_id"],
        "source": row["source"],
        "withdrawn_on": row.get("withdrawn_on"),
        "withdrawn_reason": row.get("withdrawn_reason"),
    }
    if deadline_day is not None:
        deadline = parse_period(row["period"]).deadline(deadline_day)
        shaped["deadline"] = deadline.isoformat()
        shaped["late"] = row["first_submitted_on"] > deadline.isoformat()
    return shaped


def _agency_ids(db: Database, ref: str) -> list[int]:
    """An agency and every agency it has absorbed: the new Sở answers for the old Sở's reports."""
    return with_predecessors(db, "agencies", register.agency(db, ref)["id"])


def find(
    db: Database,
    *,
    agreement: str | None = None,
    sector: str | None = None,
    period: str | None = None,
    agency: str | None = None,
    revisions: bool = False,
) -> list[Row]:
    rows = report_store.find(
        db,
        agreement_id=register.agreement(db, agreement)["id"] if agreement else None,
        sector_id=register.sector(db, sector, agreement)["id"] if sector else None,
        period=parse_period(period).code if period else None,
        agency_ids=_agency_ids(db, agency) if agency else None,
        revisions=revisions,
    )
    return [shape(row) for row in rows]


def detail(db: Database, report_id: int) -> Row:
    """One report with its period's window and deadline, and every version of its chain."""
    row = report_store.get(db, report_id)
    if row is None:
        raise HoptacError(t("err.report_unknown", value=report_id))
    agreement = store.get(db, "agreements", row["agreement_id"])
    shaped = shape(row, agreement["deadline_day"])
    period = parse_period(row["period"])
    opens, closes = period.window
    shaped["window"] = f"{opens.isoformat()}/{closes.isoformat()}"  # ISO 8601 interval; tables show dd/mm/yyyy – dd/mm/yyyy
    history, previous = [], None
    for version in report_store.chain(db, row["action_id"], row["agency_id"], row["period"]):
        history.append(
            {
                key: version[key]
                for key in (
                    "id",
                    "revision",
                    "progress",
                    "value",
                    "status",
                    "submitted_on",
                    "source",
                    "created_at",
                    "withdrawn_on",
                )
            }
            | {"current": bool(version["is_current"]), "changed": changed(previous, version)}
        )
        previous = version
    shaped["history"] = history
    return shaped


def changed(previous: Row | None, version: Row) -> list[Row]:
    """What a revision changed in its report's content, field by field (nothing for the first)."""
    if previous is None:
        return []
    return [
        {"field": field, "old": previous[field], "new": version[field]} for field in CONTENT if previous[field] != version[field]
    ]


# completeness --------------------------------------------------------------------------------


def owed(db: Database, agreement: Row, period: Period, *, actions: Callable[..., list[Row]] | None = None) -> list[Row]:
    """Actions that owe a report for ``period``, by ``progress.owes_report`` (the one definition
    that ``status`` and ``summary`` use too), as they were at the period's end (so with the lead
    of the time); none once the agreement has ended before it. ``actions`` stands for
    ``timeline.actions`` (the web view passes one that keeps each day's actions for its pages)."""
    if actions is None:
        return owed_by_agreement(db, [agreement], period)[agreement["id"]]
    if _ended_before(agreement, period):
        return []
    day_before = period.start - dt.timedelta(days=1)
    earlier = actions(db, agreement_id=agreement["id"], day=day_before, existing=False)
    at_end = actions(db, agreement_id=agreement["id"], day=period.end)
    return [row for _, row in _owing(earlier, at_end, period)]


def _ended_before(agreement: Row, period: Period) -> bool:
    ended = _date(agreement.get("ended_on"))
    return bool(ended and period.start > ended)


def _owing(earlier: Iterable[Row], at_end: Iterable[Row], period: Period) -> Iterator[tuple[int, Row]]:
    """(agreement id, action at the period's end) of the actions that, as they stood the day
    before the period began (``earlier``), owe a report for it."""
    day_before = period.start - dt.timedelta(days=1)
    ending = {row["id"]: row for row in at_end}
    for row in earlier:
        if owes_report(derive(row, day_before), period.start, period.end):
            yield row["agreement_id"], ending[row["id"]]


#: how many actions are read at once when many agreements are asked about (memory stays flat)
BATCH_ACTIONS = 6000


def owed_by_agreement(db: Database, agreements: list[Row], period: Period, *, partners: bool = True) -> dict[int, list[Row]]:
    """``owed`` for several agreements, a batch of agreements at a time (one read per batch)."""
    day_before = period.start - dt.timedelta(days=1)
    found: dict[int, list[Row]] = {row["id"]: [] for row in agreements}
    live = [row for row in agreements if not _ended_before(row, period)]
    sizes = status_store.action_counts(db, [row["id"] for row in live]) if len(live) > 1 else {}
    batch: list[int] = []
    held = 0
    for index, agreement in enumerate(live):
        batch.append(agreement["id"])
        held += sizes.get(agreement["id"], 0)
        if index < len(live) - 1 and held + sizes.get(live[index + 1]["id"], 0) <= BATCH_ACTIONS:
            continue
        scope: Row = {"agreement_id": batch[0]} if len(batch) == 1 else {"agreement_ids": batch}
        earlier, at_end = timeline.views(db, [(day_before, False), (period.end, True)], partners=partners, **scope)
        for agreement_id, row in _owing(earlier, at_end, period):
            found[agreement_id].append(row)
        batch, held = [], 0
    return found


def _who(successions: Successions, agencies: dict[int, Row], parties: dict[int, str], agency_id: int, now: dt.date) -> Row:
    """The agency that answers now for ``agency_id``, naming the old one when it has merged."""
    current = successions.current(agency_id, now)
    name = agencies[current]["name"]
    formerly = agencies[agency_id]["name"] if current != agency_id else None
    return {"agency_id": current, "agency": name, "formerly": formerly, "party": parties[agencies[current]["party_id"]]}


def _covered(db: Database, period: Period, agreement_ref: str | None, every_active: bool) -> list[Row]:
    """The agreements ``missing`` looks at: the one named (or the only active one), else, with
    ``every_active`` and several active, every active agreement the period belongs to."""
    active = status_store.agreement_settings(db, None)
    if agreement_ref is not None or not every_active or len(active) < 2:
        agreement = store.get(db, "agreements", register.agreement(db, agreement_ref)["id"])
        check_period(agreement, period)
        return [agreement]
    covered, refusal = [], None
    for agreement in active:
        try:
            check_period(agreement, period)
        except FieldError as error:
            refusal = refusal or error
            continue
        covered.append(agreement)
    if not covered:
        raise refusal  # type: ignore[misc]
    return covered


def _common(values: list[Any]) -> Any:
    return values[0] if values and all(value == values[0] for value in values) else None


def missing(
    db: Database, period_text: str, agreement_ref: str | None = None, *, every_active: bool = False, party_ref: str | None = None
) -> Row:
    """Who owes a report for the period, and who filed theirs after the deadline: for one
    agreement, or (``every_active`` with no agreement named and several active) for every
    active agreement the period belongs to, grouped by province and agency; ``party_ref``
    keeps the agencies of one province (under its name now or one it absorbed)."""
    period = parse_period(period_text)
    covered = _covered(db, period, agreement_ref, every_active)
    several = len(covered) > 1 or (agreement_ref is None and every_active and len(status_store.agreement_settings(db, None)) > 1)
    now = today()
    successions = Successions(db, "agencies")
    agencies = {row["id"]: row for row in status_store.agencies(db)}
    parties = {row["id"]: row["name"] for row in store.candidates(db, "parties")}
    wanted = None
    if party_ref is not None:
        wanted = set(with_predecessors(db, "parties", register.party(db, party_ref)["id"]))
    deadlines = {row["id"]: period.deadline(row["deadline_day"]) for row in covered}
    ids = [row["id"] for row in covered]
    # Any current report on the action for the period counts, whoever filed it (the lead, a
    # partner, or an agency since merged): the same rule as the status table's "received".
    filed = status_store.reported_actions(db, ids, period.start.isoformat(), period.end.isoformat())
    due = owed_by_agreement(db, covered, period, partners=False)
    slugs = {row["id"]: row["slug"] for row in covered}
    rows, owing = [], 0
    for agreement_id, actions in due.items():
        deadline = deadlines[agreement_id]
        for action in actions:
            who = _who(successions, agencies, parties, action["lead_agency_id"], now)
            if wanted is not None and agencies[who["agency_id"]]["party_id"] not in wanted:
                continue
            owing += 1
            if action["id"] in filed:
                continue
            rows.append(
                {
                    **who,
                    "agreement": slugs[agreement_id],
                    "action_id": action["id"],
                    "action": action["title"],
                    "sector": action["sector"],
                    "deadline": deadline.isoformat(),
                    "past_deadline": now > deadline,
                }
            )
    late = []
    for row in report_store.find(db, agreement_ids=ids, period=period.code):
        deadline = deadlines[row["agreement_id"]]
        if row["first_submitted_on"] <= deadline.isoformat():
            continue
        who = _who(successions, agencies, parties, row["agency_id"], now)
        if wanted is not None and agencies[who["agency_id"]]["party_id"] not in wanted:
            continue
        late.append(
            {
                **who,
                "agreement": row["agreement"],
                "report_id": row["id"],
                "action_id": row["action_id"],
                "action": row["action"],
                "deadline": deadline.isoformat(),
                "submitted_on": row["first_submitted_on"],
                "days_late": (dt.date.fromisoformat(row["first_submitted_on"]) - deadline).days,
            }
        )
    # By the agency as it answers now (then the one it absorbed): the same order in every language.
    if several:  # one province's departments together, then each agency's programmes

        def order(row: Row) -> tuple:
            return fold(row["party"]), fold(row["agency"]), fold(row["formerly"] or ""), row["agreement"], row["action_id"]
    else:

        def order(row: Row) -> tuple:
            return row["agency"], row["formerly"] or "", row["action_id"]

    rows.sort(key=order)
    late.sort(key=order)
    deadline = _common(list(deadlines.values()))
    return {
        "agreement": None if several else covered[0]["slug"],
        "agreements": [row["slug"] for row in covered],
        "period": period.code,
        "deadline": deadline.isoformat() if deadline else None,
        "past_deadline": now > deadline if deadline else None,
        "owed": owing,
        "reported": owing - len(rows),
        "missing": rows,
        "late": late,
    }

"""How far each sector is: the figures behind ``hoptac status``, the exports and the summary.

Every figure is computed here once, with the definitions of ``domain.progress``, and rounded
once; the table, JSON, CSV, XLSX and the consolidated report only present it.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from hoptac_cli.domain import register, timeline
from hoptac_cli.domain.actions import shape
from hoptac_cli.domain.dates import today
from hoptac_cli.domain.periods import Period, containing, latest_closed, parse_period, periods_between
from hoptac_cli.domain.progress import (
    derive,
    effective_progress,
    effective_status,
    indicator_progress,
    is_overdue,
    mean_of,
    owes_report,
)
from hoptac_cli.domain.statuses import STATUSES
from hoptac_cli.domain.succession import Successions
from hoptac_cli.storage import register as store
from hoptac_cli.storage import status as status_store
from hoptac_cli.storage.db import second_reader

if TYPE_CHECKING:
    from sqlite_utils import Database

Row = dict[str, Any]

#: record keys of the per-status counts, in catalogue order
STATUS_KEYS = tuple(status.replace("-", "_") for status in STATUSES)


@dataclass
class Picture:
    """One agreement seen at one period: its sectors and its actions with their derived figures.

    ``explicit`` is true when the period was asked for: only reports up to its end count and
    overdue is judged at its end. Otherwise every report counts, overdue is judged today, and the
    period (the latest whose deadline has passed) only sets which reports are expected.
    """

    agreement: Row
    period: Period
    explicit: bool
    reference: dt.date
    sectors: list[Row]
    actions: list[Row]  # shaped actions plus ``expected``, ``reported`` and ``progress_before``
    parties: list[Row]  # the signing parties as they answer today: ``name``, and ``formerly`` the one that signed


def agreements(db: Database, agreement_ref: str | None) -> list[Row]:
    """The named agreement, else every active one, else the one ``register.agreement`` falls back on."""
    if agreement_ref is None:
        found = status_store.agreement_settings(db, None)
        if found:
            return found
    return status_store.agreement_settings(db, [register.agreement(db, agreement_ref)["id"]])


def default_period(agreement: Row, now: dt.date | None = None) -> Period:
    """The latest period of the agreement's cadence whose deadline has passed, kept within the
    agreement's years (a finished programme defaults to its last period), and never one that
    has not begun: before a programme starts, the current period. ``now`` defaults to today
    (the web view passes its own "today")."""
    kind = agreement["report_cadence"]
    first = periods_between(kind, dt.date(agreement["start_year"], 1, 1), dt.date(agreement["start_year"], 1, 1))[0]
    last = periods_between(kind, dt.date(agreement["end_year"], 12, 31), dt.date(agreement["end_year"], 12, 31))[0]
    now = now or today()
    chosen = max(first, min(latest_closed(kind, agreement["deadline_day"], now), last))
    return containing(kind, now) if chosen.start > now else chosen


def period_of(agreement: Row, period_ref: str | None) -> tuple[Period, bool]:
    """The asked-for period, else ``default_period``; and whether it was asked for."""
    if period_ref is not None:
        return parse_period(period_ref), True
    return default_period(agreement), False


def picture(db: Database, agreement: Row, period_ref: str | None, *, sector_id: int | None = None) -> Picture:
    return next(pictures(db, [agreement], period_ref, sector_id=sector_id))


#: how many actions the pictures of one batch of agreements hold at most (memory stays flat)
BATCH_ACTIONS = 6000


def pictures(
    db: Database,
    agreements: list[Row],
    period_ref: str | None,
    *,
    sector_id: int | None = None,
    pin_default: bool = False,
    with_partners: bool = True,
    lean: bool = False,
) -> Iterator[Picture]:
    """The picture of each agreement (``agreement_settings`` rows), in the order given, built a
    batch of agreements at a time: the actions of a batch, their history and their deciding
    reports (now or at the period's end, and the day before the period began) are read in one
    go. ``pin_default`` treats each agreement's default period as if it had been asked for (the
    exports: every row is the picture of the period it names). ``lean`` pictures serve the
    figures only (``figures``, ``overview_rows``): their actions hold the derived status,
    progress, overdue, expected and reported, not the words a listing prints nor
    ``progress_before``."""
    periods = []
    for agreement in agreements:
        if period_ref is None and pin_default:
            periods.append((default_period(agreement), True))
        else:
            periods.append(period_of(agreement, period_ref))
    sizes = status_store.action_counts(db, [row["id"] for row in agreements]) if len(agreements) > 1 else {}
    now = today()
    parties = _Parties(db, now)
    batches: list[tuple[list[Row], list[tuple[Period, bool]]]] = []
    batch: list[int] = []
    held = 0
    for index, agreement in enumerate(agreements):
        batch.append(index)
        held += sizes.get(agreement["id"], 0)
        last = index == len(agreements) - 1
        if not last and held + sizes.get(agreements[index + 1]["id"], 0) <= BATCH_ACTIONS:
            continue
        batches.append(([agreements[i] for i in batch], [periods[i] for i in batch]))
        batch, held = [], 0
    reader = second_reader(db) if lean and len(batches) > 1 else None
    if reader is None:
        for members, times in batches:
            yield from _batch(db, members, times, sector_id, parties, with_partners, lean)
        return
    # Many agreements' figures: a worker reads the next batch's actions (most of the time, in
    # SQLite) on a second connection while this batch's are counted.
    from concurrent.futures import ThreadPoolExecutor

    try:
        with ThreadPoolExecutor(max_workers=1) as worker:
            ahead = worker.submit(_read_ahead, reader, *batches[0], sector_id, now)
            for index, (members, times) in enumerate(batches):
                plain = ahead.result()
                if index + 1 < len(batches):
                    ahead = worker.submit(_read_ahead, reader, *batches[index + 1], sector_id, now)
                yield from _batch(db, members, times, sector_id, parties, with_partners, lean, plain)
    finally:
        reader.close()


def _groups(agreements: list[Row], periods: list[tuple[Period, bool]]) -> dict[tuple[Period, bool], list[Row]]:
    """The agreements of a batch by the (period, explicit) they are seen at: each group is read together."""
    groups: dict[tuple[Period, bool], list[Row]] = {}
    for agreement, key in zip(agreements, periods):
        groups.setdefault(key, []).append(agreement)
    return groups


def _scope(ids: list[int], sector_id: int | None) -> Row:
    scope: Row = {"sector_id": sector_id} if sector_id is not None else {}
    if len(ids) == 1:
        scope["agreement_id"] = ids[0]
    else:
        scope["agreement_ids"] = ids
    return scope


def _plain(db: Database, scope: Row, period: Period, explicit: bool, reference: dt.date) -> Any:
    """A cursor over the actions of a lean picture that no decision has changed, with their
    figures derived by the query (``storage.register.action_figures``, ``DERIVED_COLUMNS``)."""
    cut = period.end.isoformat() if explicit else None
    day_before = period.start - dt.timedelta(days=1)
    start, end = period.start.isoformat(), period.end.isoformat()
    return store.action_figures(
        db,
        [cut, day_before.isoformat()],
        reported=(start, end),
        derived=(reference.isoformat(), end),
        decided=(timeline.DECIDED_FIELDS, False),
        **scope,
    )


def _read_ahead(
    reader: Database, agreements: list[Row], periods: list[tuple[Period, bool]], sector_id: int | None, now: dt.date
) -> dict[tuple[Period, bool], list[tuple]]:
    """``_plain``'s rows of each group of a batch, read on ``reader`` (in a worker thread)."""
    return {
        (period, explicit): list(
            _plain(reader, _scope([row["id"] for row in members], sector_id), period, explicit, period.end if explicit else now)
        )
        for (period, explicit), members in _groups(agreements, periods).items()
    }


def _batch(
    db: Database,
    agreements: list[Row],
    periods: list[tuple[Period, bool]],
    sector_id: int | None,
    parties: _Parties,
    with_partners: bool,
    lean: bool,
    plain: dict[tuple[Period, bool], list[tuple]] | None = None,
) -> Iterator[Picture]:
    """The pictures of some agreements; those sharing a period are read together (``plain``:
    their lean actions no decision changed, read ahead)."""
    built: dict[int, Picture] = {}
    for (period, explicit), members in _groups(agreements, periods).items():
        ids = [row["id"] for row in members]
        scope = _scope(ids, sector_id)
        start, end = period.start, period.end
        reference = end if explicit else today()
        day_before = start - dt.timedelta(days=1)
        window = (start.isoformat(), end.isoformat())
        if lean:
            over = {row["id"] for row in members if _ended(row, period)}
            rows = _lean_actions(
                db, scope, period, explicit, reference, over, None if plain is None else plain[(period, explicit)]
            )
        else:
            rows, earlier = timeline.views(
                db, [(period.end if explicit else None, True), (day_before, False)], partners=with_partners, **scope
            )
            before = {row["id"]: derive(row, day_before) for row in earlier}
            reported = status_store.reported_actions(db, ids, *window)
        by_agreement: dict[int, list[Row]] = {agreement_id: [] for agreement_id in ids}
        for row in rows:
            by_agreement[row["agreement_id"]].append(row)
        sectors: dict[int, list[Row]] = {agreement_id: [] for agreement_id in ids}
        for sector in status_store.sectors(db, ids):
            if sector_id is None or sector["id"] == sector_id:
                sectors[sector["agreement_id"]].append(sector)
        signed = parties.of(ids)
        for agreement in members:
            ended = _ended(agreement, period)
            actions = []
            if lean:
                actions = by_agreement[agreement["id"]]
            else:
                for row in by_agreement[agreement["id"]]:
                    action = shape(derive(row, reference))
                    prior = before[row["id"]]
                    action["expected"] = not ended and owes_report(prior, start, end)
                    action["progress_before"] = prior["progress"]
                    action["reported"] = row["id"] in reported
                    actions.append(action)
            built[agreement["id"]] = Picture(
                agreement, period, explicit, reference, sectors[agreement["id"]], actions, signed[agreement["id"]]
            )
    for agreement in agreements:
        yield built[agreement["id"]]


def _ended(agreement: Row, period: Period) -> bool:
    """Did the agreement end before the period began (then nothing is expected of it)?"""
    return bool(agreement["ended_on"] and agreement["ended_on"] < period.start.isoformat())


def _lean_actions(
    db: Database,
    scope: Row,
    period: Period,
    explicit: bool,
    reference: dt.date,
    ended: set[int],
    plain: list[tuple] | None = None,
) -> list[Row]:
    """The actions of a lean picture, in programme order: ``id``, ``agreement_id``,
    ``sector_slug`` and the figures ``status``, ``progress``, ``overdue``, ``expected``,
    ``reported``, each action taken as ``timeline.actions`` would give it on the period's end
    (or now) and on the day before the period. Actions no decision has changed are read with
    their figures derived by the query (``storage.register.action_figures``, by the rules of
    ``domain.progress``; only the rounding of progress is done here, Python's); the others are
    rebuilt by the timeline and derived by ``domain.progress`` itself."""
    day = period.end if explicit else None
    cut = day.isoformat() if day else None
    day_before = period.start - dt.timedelta(days=1)
    start, end, today_iso = period.start.isoformat(), period.end.isoformat(), reference.isoformat()
    cuts, window = [cut, day_before.isoformat()], (start, end)
    found: list[Row] = []
    keep = found.append
    if plain is None:
        plain = _plain(db, scope, period, explicit, reference)
    # one tight pass over most of a national register's actions: locals, no calls but the rounding
    for (
        action_id,
        agreement_id,
        sector_slug,
        position,
        exists,
        status,
        overdue,
        expected,
        reported,
        kind,
        amount,
        target,
        baseline,
    ) in plain:
        if cut and exists > cut:
            continue
        if kind == 0:
            progress = 100.0
        elif kind == 1:
            progress = indicator_progress(amount, target, baseline)
        else:
            progress = round(float(amount or 0.0), 1)
        keep(
            {
                "id": action_id,
                "agreement_id": agreement_id,
                "sector_slug": sector_slug,
                "position": position,
                "status": status,
                "progress": progress,
                "overdue": overdue == 1,
                "expected": expected == 1 and agreement_id not in ended,
                "reported": reported == 1,
            }
        )
    changes = timeline.changes_of(db, **scope)
    if changes:  # decided on since: both days rebuilt by the timeline, derived by domain.progress
        names: dict[int, str] = {}
        keys, later = (*store.FIGURE_COLUMNS, *store.FIGURE_REPORT_COLUMNS), store.FIGURE_REPORT_COLUMNS
        first = len(keys)
        for values in store.action_figures(db, cuts, reported=window, action_ids=sorted(changes)):  # in scope already
            row = dict(zip(keys, values))
            prior = {**row, **dict(zip(later, values[first : first + len(later)]))}
            events = changes[row["id"]]
            timeline.rebuild(db, prior, events, day_before, False, names)
            if not timeline.rebuild(db, row, events, day, True, names):
                continue
            status = effective_status(row)
            prior["status"] = effective_status(prior)
            found.append(
                {
                    "id": row["id"],
                    "agreement_id": row["agreement_id"],
                    "sector_slug": row["sector_slug"],
                    "position": row["sector_position"],
                    "status": status,
                    "progress": effective_progress(row, status),
                    "overdue": is_overdue(row, today_iso, status),
                    "expected": row["agreement_id"] not in ended and owes_report(prior, start, end),
                    "reported": bool(row["reported"]),
                }
            )
        # two runs in programme order, merged (by the sort's galloping: about one pass)
        found.sort(key=operator.itemgetter("agreement_id", "position", "id"))
    return found


class _Parties:
    """The signing parties of agreements as they answer today (``name``, ``formerly``)."""

    def __init__(self, db: Database, now: dt.date):
        self.db, self.now = db, now
        self.successions = Successions(db, "parties")
        self.names = {row["id"]: row["name"] for row in store.candidates(db, "parties")}

    def answering(self, party_id: int) -> Row:
        """The party that answers now for ``party_id`` (``name``), and the one that signed when it has merged (``formerly``)."""
        current = self.successions.current(party_id, self.now)
        return {"name": self.names[current], "formerly": self.names[party_id] if current != party_id else None}

    def of(self, agreement_ids: list[int]) -> dict[int, list[Row]]:
        """Each agreement's parties as they answer now."""
        return {key: [self.answering(party) for party in parties] for key, parties in self.ids(agreement_ids).items()}

    def ids(self, agreement_ids: list[int]) -> dict[int, list[int]]:
        """Each agreement's signing parties (ids), in signing order."""
        found: dict[int, list[int]] = {agreement_id: [] for agreement_id in agreement_ids}
        for row in status_store.agreement_party_ids(self.db, agreement_ids):
            found[row["agreement_id"]].append(row["party_id"])
        return found


# many agreements at once -----------------------------------------------------------------------


def several_active(db: Database) -> bool:
    """Does the register hold more than one active agreement (``status`` then lists programmes)?"""
    return len(store.active_agreements(db)) > 1


def programmes(db: Database, period_ref: str | None, party_ref: str | None = None) -> tuple[Row | None, list[Row]]:
    """One record per active agreement (every one the party takes part in, when a party is
    named, under its own name or a name it absorbed): its parties as they answer today (by
    name; the named party first), the period and reference date of its figures (``picture``)
    and the totals of ``figures``; sorted by those party names, then agreement. Also the party
    named, if one was."""
    from hoptac_cli.domain.mergers import with_predecessors
    from hoptac_cli.domain.text import fold

    found = status_store.agreement_settings(db, None)
    now = today()
    parties = _Parties(db, now)
    signing = parties.ids([row["id"] for row in found])
    party = None
    if party_ref is not None:
        party = register.party(db, party_ref)
        wanted = set(with_predecessors(db, "parties", party["id"]))
        found = [row for row in found if wanted & set(signing[row["id"]])]
    first = parties.successions.current(party["id"], now) if party else None

    def order(party_id: int) -> tuple[bool, str]:
        return parties.successions.current(party_id, now) != first, fold(
            parties.names[parties.successions.current(party_id, now)]
        )

    rows = []
    for shot in pictures(db, found, period_ref, lean=True):
        agreement = shot.agreement
        ids = sorted(signing[agreement["id"]], key=order)
        rows.append(
            {
                "agreement": agreement["slug"],
                "title": agreement["title"],
                "parties": list(dict.fromkeys(parties.names[parties.successions.current(party_id, now)] for party_id in ids)),
                "signing": [parties.answering(party_id) for party_id in ids],
                "period": shot.period.code,
                "as_of": shot.reference.isoformat(),
                "explicit": shot.explicit,
                "deadline": shot.period.deadline(agreement["deadline_day"]).isoformat(),
                **figures(shot.actions),
            }
        )
    rows.sort(key=lambda row: ([fold(name) for name in row["parties"]], row["agreement"]))
    return party, rows


def _tally(actions: list[Row]) -> Row:
    """``figures`` of some actions, in one tight pass (a national register has 200,000): counts
    by status, overdue, the progress of those not cancelled in the order counted (the mean is
    summed in that order), reports received and expected."""
    counts = dict.fromkeys(STATUSES, 0)
    progress: list[float] = []
    keep = progress.append
    overdue = received = expected = 0
    for action in actions:
        status = action["status"]
        counts[status] += 1
        if status != "cancelled":
            keep(action["progress"])
        if action["overdue"]:
            overdue += 1
        if action["expected"]:
            expected += 1
            if action["reported"]:
                received += 1
    row: Row = {"actions": len(actions)}
    for status, key in zip(STATUSES, STATUS_KEYS):
        row[key] = counts[status]
    row["overdue"] = overdue
    row["progress"] = mean_of(progress)
    row["reports_received"] = received
    row["reports_expected"] = expected
    return row


def figures(actions: list[Row]) -> Row:
    """Counts by status, overdue, mean progress (``progress.mean_progress``) and reports
    received/expected of some actions."""
    return _tally(actions)


def overview_rows(shot: Picture) -> list[Row]:
    """One record per sector, then a totals record (``row`` tells them apart): ``figures`` of
    each sector's actions and of all, each counted in the picture's order."""
    common = {"agreement": shot.agreement["slug"], "period": shot.period.code, "as_of": shot.reference.isoformat()}
    members: dict[str, list[Row]] = {sector["slug"]: [] for sector in shot.sectors}
    for action in shot.actions:
        found = members.get(action["sector_slug"])
        if found is not None:
            found.append(action)
    rows = [
        {
            "row": "sector",
            **common,
            "position": sector["position"],
            "sector": sector["name"],
            "sector_slug": sector["slug"],
            **_tally(members[sector["slug"]]),
        }
        for sector in shot.sectors
    ]
    # The totals row is told apart by ``row``; the word "Total" is for tables only.
    rows.append({"row": "total", **common, "position": None, "sector": None, "sector_slug": None, **_tally(shot.actions)})
    return rows


def overview(db: Database, agreement_ref: str | None, period_ref: str | None) -> list[tuple[Picture, list[Row]]]:
    """Each agreement's picture with its per-sector records."""
    shots = list(pictures(db, agreements(db, agreement_ref), period_ref, lean=True))
    return [(shot, overview_rows(shot)) for shot in shots]


def sector_detail(
    db: Database, sector_ref: str, agreement_ref: str | None, period_ref: str | None
) -> tuple[Picture, Row, list[Row]]:
    """The sector's picture, its figures and one record per action."""
    found = store.get(db, "sectors", register.sector(db, sector_ref, agreement_ref)["id"])
    (agreement,) = status_store.agreement_settings(db, [found["agreement_id"]])
    shot = picture(db, agreement, period_ref, sector_id=found["id"])
    rows = [{**action, "period": shot.period.code, "as_of": shot.reference.isoformat()} for action in shot.actions]
    return shot, {"sector": found["name"], "sector_slug": found["slug"], **figures(shot.actions)}, rows

"""How far each sector is: the figures behind ``hoptac status``, the exports and the summary.

Every figure is computed here once, with the definitions of ``domain.progress``, and rounded
once; the table, JSON, CSV, XLSX and the consolidated report only present it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from hoptac_cli.domain import register, timeline
from hoptac_cli.domain.actions import shape
from hoptac_cli.domain.dates import today
from hoptac_cli.domain.mergers import current
from hoptac_cli.domain.periods import Period, containing, latest_closed, parse_period, periods_between
from hoptac_cli.domain.progress import derive, mean_progress, owes_report
from hoptac_cli.domain.statuses import STATUSES
from hoptac_cli.i18n import t
from hoptac_cli.storage import register as store
from hoptac_cli.storage import status as status_store

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
    parties: list[str]  # the signing parties as they answer today: "Cần Thơ (formerly: Hậu Giang)"


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
    period, explicit = period_of(agreement, period_ref)
    reference = period.end if explicit else today()
    scope = {"agreement_id": agreement["id"], "sector_id": sector_id}
    rows = timeline.actions(db, day=period.end if explicit else None, **scope)
    day_before = period.start - dt.timedelta(days=1)
    before = {row["id"]: derive(row, day_before) for row in timeline.actions(db, day=day_before, existing=False, **scope)}
    ended = agreement["ended_on"] and agreement["ended_on"] < period.start.isoformat()
    reported = status_store.reported_actions(db, agreement["id"], period.start.isoformat(), period.end.isoformat())
    actions = []
    for row in rows:
        action = shape(derive(row, reference))
        action["expected"] = not ended and owes_report(before[row["id"]], period.start, period.end)
        action["progress_before"] = before[row["id"]]["progress"]
        action["reported"] = row["id"] in reported
        actions.append(action)
    sectors = store.list_sectors(db, agreement["id"])
    if sector_id is not None:
        sectors = [sector for sector in sectors if sector["id"] == sector_id]
    now = today()
    parties = [current(db, "parties", row["id"], now)["label"] for row in store.agreement_parties(db, agreement["id"])]
    return Picture(agreement, period, explicit, reference, sectors, actions, parties)


def figures(actions: list[Row]) -> Row:
    """Counts by status, overdue, mean progress and reports received/expected of some actions."""
    row: Row = {"actions": len(actions)}
    for status, key in zip(STATUSES, STATUS_KEYS):
        row[key] = sum(1 for action in actions if action["status"] == status)
    row["overdue"] = sum(1 for action in actions if action["overdue"])
    row["progress"] = mean_progress(actions)
    row["reports_received"] = sum(1 for action in actions if action["expected"] and action["reported"])
    row["reports_expected"] = sum(1 for action in actions if action["expected"])
    return row


def overview_rows(shot: Picture) -> list[Row]:
    """One record per sector, then a totals record (``row`` tells them apart)."""
    common = {"agreement": shot.agreement["slug"], "period": shot.period.code, "as_of": shot.reference.isoformat()}
    rows = []
    for sector in shot.sectors:
        mine = [action for action in shot.actions if action["sector_slug"] == sector["slug"]]
        rows.append(
            {"row": "sector", **common, "position": sector["position"], "sector": sector["name"],
             "sector_slug": sector["slug"], **figures(mine)}
        )
    # The totals row is told apart by ``row``; the word "Total" is for tables only.
    rows.append({"row": "total", **common, "position": None, "sector": None, "sector_slug": None, **figures(shot.actions)})
    return rows


def overview(db: Database, agreement_ref: str | None, period_ref: str | None) -> list[tuple[Picture, list[Row]]]:
    """Each agreement's picture with its per-sector records."""
    shots = [picture(db, agreement, period_ref) for agreement in agreements(db, agreement_ref)]
    return [(shot, overview_rows(shot)) for shot in shots]


def sector_detail(db: Database, sector_ref: str, agreement_ref: str | None, period_ref: str | None) -> tuple[Picture, Row, list[Row]]:
    """The sector's picture, its figures and one record per action."""
    found = store.get(db, "sectors", register.sector(db, sector_ref, agreement_ref)["id"])
    (agreement,) = status_store.agreement_settings(db, [found["agreement_id"]])
    shot = picture(db, agreement, period_ref, sector_id=found["id"])
    rows = [{**action, "period": shot.period.code, "as_of": shot.reference.isoformat()} for action in shot.actions]
    return shot, {"sector": found["name"], "sector_slug": found["slug"], **figures(shot.actions)}, rows

"""Actions as they were on a given day: when each came to exist, and the decisions in force.

The register keeps each action as it stands today and every change in ``action_events`` with
its old and new value. Going back to a day means undoing the changes that took effect after
it: a change takes effect on the date of the review that decided it (its meeting date), else
on the day it was recorded. The rules are stated in ``domain.progress``.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from hoptac_cli.storage import register as store

if TYPE_CHECKING:
    from sqlite_utils import Database

Row = dict[str, Any]

#: the fields a decision changes, shown as they were on the day asked for
DECIDED_FIELDS = ("status", "due_on", "lead_agency_id", "target", "baseline", "unit", "measure")
_NUMBERS = ("target", "baseline")


def effective_on(review_held_on: str | None, recorded_on: str) -> str:
    """The day a change takes effect: its review's meeting date, else the day it was recorded."""
    return review_held_on or recorded_on


def exists_from(row: Row) -> str:
    """ISO day from which an action exists: its start; else the date of the review that added it;
    else its agreement's first day."""
    if row["start_on"]:
        return row["start_on"]
    if row.get("added_review_id") is not None:
        return effective_on(row["added_held_on"], row["added_recorded_on"])
    return f"{row['agreement_start_year']:04d}-01-01"


def _value(field: str, text: str | None) -> Any:
    if text is None:
        return None
    if field == "lead_agency_id":
        return int(text)
    if field in _NUMBERS:
        return float(text)
    return text


def actions(
    db: Database,
    *,
    day: dt.date | None,
    agreement_id: int | None = None,
    agreement_ids: list[int] | None = None,
    sector_id: int | None = None,
    agency_ids: list[int] | None = None,
    action_ids: list[int] | None = None,
    existing: bool = True,
    partners: bool = True,
) -> list[Row]:
    """The actions (``storage.register.list_actions`` rows) as they were at the end of ``day``:
    reports up to it, decisions in force on it, and, when ``existing``, only the actions that
    existed by then. ``day=None`` means as they stand now, every action and report included.
    Every row gains ``exists_from``, ``carried_on`` (the day it was carried over to a successor
    agreement, if it was) and ``decided_on`` (the day its status was last decided, if ever)."""
    (rows,) = views(
        db,
        [(day, existing)],
        agreement_id=agreement_id,
        agreement_ids=agreement_ids,
        sector_id=sector_id,
        agency_ids=agency_ids,
        action_ids=action_ids,
        partners=partners,
    )
    return rows


def views(
    db: Database,
    days: list[tuple[dt.date | None, bool]],
    *,
    agreement_id: int | None = None,
    agreement_ids: list[int] | None = None,
    sector_id: int | None = None,
    agency_ids: list[int] | None = None,
    action_ids: list[int] | None = None,
    partners: bool = True,
) -> list[list[Row]]:
    """The same actions as ``actions`` gives them, on several days at once (``(day, existing)``
    each): the actions and their history are read once, and only the deciding report is looked
    up again for each further day."""
    scope: dict[str, Any] = {
        "agreement_id": agreement_id,
        "agreement_ids": agreement_ids,
        "sector_id": sector_id,
        "agency_ids": agency_ids,
        "action_ids": action_ids,
    }
    cuts = [day.isoformat() if day else None for day, _ in days]
    rows = store.list_actions(db, **scope, as_of=cuts[0], partners=partners)
    if not rows:
        return [[] for _ in days]
    copies = [rows]
    for cut in cuts[1:]:
        deciding = store.deciding_reports(db, **scope, as_of=cut)
        copies.append([{**row, **deciding[row["id"]]} for row in rows])
    changes = _changes(db, scope)
    names: dict[int, str] = {}
    return [_as_of(db, copy, changes, day, existing, names) for copy, (day, existing) in zip(copies, days)]


def _changes(db: Database, scope: Row) -> dict[int, list[Row]]:
    changes: dict[int, list[Row]] = {}
    for event in store.action_changes(db, DECIDED_FIELDS, **scope):
        event["effective_on"] = effective_on(event["review_held_on"], event["recorded_on"])
        changes.setdefault(event["action_id"], []).append(event)
    return changes


def changes_of(db: Database, **scope: Any) -> dict[int, list[Row]]:
    """The decisions and carry-overs of the actions in scope, by action, dated (``effective_on``)."""
    return _changes(db, scope)


def rebuild(db: Database, row: Row, events: list[Row], day: dt.date | None, existing: bool, names: dict[int, str]) -> bool:
    """Set ``row`` (a ``list_actions`` or ``action_figures`` row of an action with ``events``)
    as it was at the end of ``day``, as ``actions`` does; False when, with ``existing``, the
    action did not exist yet."""
    return bool(_as_of(db, [row], {row["id"]: events}, day, existing, names))


def _as_of(
    db: Database, rows: list[Row], changes: dict[int, list[Row]], day: dt.date | None, existing: bool, names: dict[int, str]
) -> list[Row]:
    cut = day.isoformat() if day else None
    found = []
    for row in rows:
        row["exists_from"] = exists_from(row)
        if existing and cut and row["exists_from"] > cut:
            continue
        events = changes.get(row["id"], ())
        if not events:  # never changed: as it stands (the common case, kept cheap)
            row["carried_on"] = row["decided_on"] = None
            found.append(row)
            continue
        carried = [event["effective_on"] for event in events if event["kind"] == "carried-to"]
        row["carried_on"] = min(carried) if carried else None
        if cut:
            if row["carried_on"] and row["carried_on"] > cut:
                row["carried_on"] = None
            lead_now = row["lead_agency_id"]
            _rewind(row, events, cut)
            if row["lead_agency_id"] != lead_now:
                if not names:
                    names.update((agency["id"], agency["name"]) for agency in store.candidates(db, "agencies"))
                row["lead"] = names[row["lead_agency_id"]]
        decided = [event for event in events if event["field"] == "status" and (not cut or event["effective_on"] <= cut)]
        row["decided_on"] = decided[-1]["effective_on"] if decided else None
        found.append(row)
    return found


def _rewind(row: Row, events: list[Row], cut: str) -> None:
    """Set each decided field to its value at the end of ``cut``: the newest change in force
    then (in the order recorded), else the value before the first change."""
    by_field: dict[str, list[Row]] = {}
    for event in events:  # in the order recorded
        by_field.setdefault(event["field"], []).append(event)
    for field in DECIDED_FIELDS:
        mine = by_field.get(field)
        if not mine:
            continue
        in_force = [event for event in mine if event["effective_on"] <= cut]
        text = in_force[-1]["new_value"] if in_force else mine[0]["old_value"]
        row[_COLUMN.get(field, field)] = _value(field, text)


#: where a decided field is kept in a row
_COLUMN = {"status": "recorded_status"}

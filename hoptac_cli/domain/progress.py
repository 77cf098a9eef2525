"""Progress arithmetic: one set of definitions used by every listing, status table and export.

- An action's status: ``cancelled`` or ``paused`` when so decided on the action itself; else
  the status of its latest current report; else the status recorded on the action.
- An action's progress: 100 when done; else its latest report's progress; else 0.
- Overdue: a due date before the reference date (the period's end, or today) and not done or
  cancelled.
- A sector's progress: the mean progress of its actions that are not cancelled.
- A report is expected for a period from every action active in it: started by the period's end,
  not cancelled or paused, and not already done before the period began. It is received when
  the action has a current report for a period lying within that period.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hoptac_cli.domain.statuses import CLOSED

Row = dict[str, Any]

#: decided on the action itself, these outrank anything a report says
_DECIDED = ("cancelled", "paused")


def effective_status(action: Row) -> str:
    recorded = action["recorded_status"]
    if recorded in _DECIDED:
        return recorded
    return action.get("report_status") or recorded


def effective_progress(action: Row, status: str | None = None) -> float:
    status = status or effective_status(action)
    if status == "done":
        return 100.0
    return round(float(action.get("report_progress") or 0.0), 1)


def is_overdue(action: Row, reference: dt.date, status: str | None = None) -> bool:
    status = status or effective_status(action)
    due = action.get("due_on")
    return bool(due) and due < reference.isoformat() and status not in CLOSED


def derive(action: Row, reference: dt.date) -> Row:
    """The action with ``status``, ``progress`` and ``overdue`` filled in."""
    status = effective_status(action)
    return {
        **action,
        "status": status,
        "progress": effective_progress(action, status),
        "overdue": is_overdue(action, reference, status),
    }


def owes_report(before: Row, period_end: dt.date) -> bool:
    """Is a report expected for the period? ``before`` is the action derived as of the day
    before the period starts, so that an action finishing during the period still reports."""
    started = not before.get("start_on") or before["start_on"] <= period_end.isoformat()
    return started and before["status"] not in ("done", "cancelled", "paused")


def mean_progress(actions: list[Row]) -> float | None:
    """Mean progress over the actions that are not cancelled; None when there are none."""
    counted = [row["progress"] for row in actions if row["status"] != "cancelled"]
    if not counted:
        return None
    return round(sum(counted) / len(counted), 1)

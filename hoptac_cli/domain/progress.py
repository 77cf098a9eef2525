"""Progress arithmetic: one set of definitions used by every listing, status table and export.

- As of a period: a picture as of a period shows only what existed, was reported and was
  decided by the period's end (``domain.timeline`` rebuilds the action as it was). An action
  exists from its start date; else, when a review added it, from that review's date (its
  meeting date, else the day the review's decision was recorded); else from its agreement's
  start. A decision (cancel, pause, resume, a new due date, target, baseline, unit, measure or
  lead) takes effect on its review's date, else on the day it was recorded.
- The deciding report: for each period, the lead agency's current report (the lead, an
  earlier lead, or an agency that has taken one of them over by a merger); where only
  partners reported, the latest partner's. A partner's report adds its own result to the
  summary but never overrides the lead's figures. The action's deciding report is that of the
  latest period reported.
- An action's status: ``cancelled`` or ``paused`` when so decided on the action itself; else
  the status of its deciding report; else the status recorded on the action.
- A report's status: the one it gives, which must not contradict its progress (``done`` below
  100, ``not-started`` above 0, ``behind`` at 100); else ``not-started`` at 0, ``done`` at 100,
  ``in-progress`` between (an amendment keeps a status the earlier version chose, unless the new
  progress contradicts it).
- Indicators: reported values are cumulative ("achieved so far", the default) or per period
  (``--measure per-period``: summed over the periods' deciding reports). The achieved value is
  the deciding report's value, or that sum; a carried action starts from what its original
  had achieved (a cumulative report replaces it, per-period reports add to it).
- An action's progress: 100 when done; else, when its deciding report gives a value for an
  indicator, (achieved − baseline) / (target − baseline), capped to 0–100; else the deciding
  report's progress; else what a carried action had reached; else 0.
- Overdue: a due date before the reference date (the period's end, or today) and not done or
  cancelled.
- A sector's progress: the mean progress of its actions that are not cancelled.
- Done in a period: done by its end, and not yet at 100 the day before it began. Stalled in a
  period: neither overdue nor done or cancelled, and behind, or owing the period's report with
  no more progress than the day before it began (the consolidated report's shortcomings).
- A report is expected for a period from every action that exists by the period's end and, as
  of the day before the period began, was not cancelled, paused, done or carried over to a
  successor agreement. It is received when the action has a current report for a period lying
  within that period.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hoptac_cli.domain.statuses import CLOSED, DECIDED, RESTING

Row = dict[str, Any]

#: how an indicator's reported values add up
MEASURES = ("cumulative", "per-period")


def effective_status(action: Row) -> str:
    recorded = action["recorded_status"]
    if recorded in DECIDED:
        return recorded
    return action.get("report_status") or recorded


def report_status(progress: float) -> str:
    """The status a report means when it gives none: nothing yet, under way, or done."""
    if progress <= 0:
        return "not-started"
    return "done" if progress >= 100 else "in-progress"


def contradicts(status: str, progress: float) -> bool:
    """Does a report's status contradict its progress?"""
    return (
        (status == "done" and progress < 100)
        or (status == "not-started" and progress > 0)
        or (status == "behind" and progress >= 100)
    )


def indicator_progress(value: float, target: float, baseline: float | None) -> float:
    """(value − baseline) / (target − baseline) in percent, capped to 0–100, one decimal."""
    start = baseline or 0.0
    share = (value - start) / (target - start) * 100
    return round(min(100.0, max(0.0, share)), 1)


def achieved(action: Row) -> float | None:
    """The indicator value achieved by the action's deciding report (see the module rules)."""
    if action.get("target") is None:
        return None
    carried = action.get("carried_value")
    if action.get("measure") == "per-period":
        total = action.get("report_value_sum")
        if total is None and carried is None:
            return None
        return (carried or 0.0) + (total or 0.0)
    value = action.get("report_value")
    return value if value is not None else carried


def effective_progress(action: Row, status: str | None = None) -> float:
    status = status or effective_status(action)
    if status == "done":
        return 100.0
    target = action.get("target")
    if action.get("report_id") is not None:
        amount = achieved(action)  # not None when the report gives a value
        if target is not None and action.get("report_value") is not None and amount is not None:
            return indicator_progress(amount, target, action.get("baseline"))
        return round(float(action.get("report_progress") or 0.0), 1)
    if target is not None and action.get("carried_value") is not None:
        return indicator_progress(action["carried_value"], target, action.get("baseline"))
    return round(float(action.get("carried_progress") or 0.0), 1)


def report_progress(action: Row, value: float) -> float:
    """The progress a report giving ``value`` means. ``action`` is the action as of the day
    before the report's period (for per-period values: the sum of the earlier periods)."""
    if action.get("measure") == "per-period":
        value += action.get("carried_value") or 0.0
        value += action.get("report_value_sum") or 0.0
    return indicator_progress(value, action["target"], action.get("baseline"))


def _iso(day: dt.date | str) -> str:
    return day if isinstance(day, str) else day.isoformat()


def is_overdue(action: Row, reference: dt.date | str, status: str | None = None) -> bool:
    """``reference`` is a date, or its ISO text (figures of many actions pass it once made)."""
    status = status or effective_status(action)
    due = action.get("due_on")
    return bool(due and due < _iso(reference)) and status not in CLOSED


def derive(action: Row, reference: dt.date | str) -> Row:
    """The action with ``status``, ``progress``, ``achieved`` and ``overdue`` filled in."""
    status = effective_status(action)
    return {
        **action,
        "status": status,
        "progress": effective_progress(action, status),
        "achieved": achieved(action),
        "overdue": is_overdue(action, reference, status),
    }


def owes_report(before: Row, period_start: dt.date | str, period_end: dt.date | str) -> bool:
    """Is a report expected for the period? ``before`` is the action derived as of the day
    before the period starts (with ``exists_from`` and ``carried_on`` from ``domain.timeline``),
    so that an action finishing during the period still reports."""
    exists = before["exists_from"] <= _iso(period_end)
    carried = bool(before.get("carried_on")) and before["carried_on"] < _iso(period_start)
    return exists and not carried and before["status"] not in RESTING


def done_in_period(action: Row) -> bool:
    """``action`` as of a period's end, with ``progress_before`` (the day before it began)."""
    return action["status"] == "done" and action["progress_before"] < 100


def stalled(action: Row) -> bool:
    """``action`` as of a period's end, with ``expected`` and ``progress_before``."""
    if action["overdue"] or action["status"] in CLOSED:
        return False
    return action["status"] == "behind" or (action["expected"] and action["progress"] <= action["progress_before"])


def mean_progress(actions: list[Row]) -> float | None:
    """Mean progress over the actions that are not cancelled; None when there are none."""
    return mean_of([row["progress"] for row in actions if row["status"] != "cancelled"])


def mean_of(progress: list[float]) -> float | None:
    """``mean_progress`` of the progress of the actions counted, in their order."""
    if not progress:
        return None
    return round(sum(progress) / len(progress), 1)

"""Which reporting period a report is for when the user does not say."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from hoptac_cli.domain import register
from hoptac_cli.domain.dates import today
from hoptac_cli.domain.periods import Period, periods_between
from hoptac_cli.storage import status as status_store

if TYPE_CHECKING:
    from sqlite_utils import Database


def current_period(db: Database, action_id: int) -> Period:
    """The period of the action's agreement that holds today (its cadence: half-year, quarter or
    year), kept within the agreement's years: a finished programme's last period, a programme
    not yet begun its first. Departments report in the period's last month, before its
    deadline, so today's period is the one being reported on."""
    action = register.action(db, action_id)
    (agreement,) = status_store.agreement_settings(db, [action["agreement_id"]])
    kind = agreement["report_cadence"]
    now = today()
    first = periods_between(kind, dt.date(agreement["start_year"], 1, 1), dt.date(agreement["start_year"], 1, 1))[0]
    last = periods_between(kind, dt.date(agreement["end_year"], 12, 31), dt.date(agreement["end_year"], 12, 31))[0]
    return max(first, min(periods_between(kind, now, now)[0], last))

"""The SQL functions the web view's SQL views call: hoptac's own rules, run in Python.

The views of ``storage/web.py`` gather, count and format rows; every figure that follows a
rule of the README's Definitions is asked of the same Python that ``hoptac status``,
``action list`` and ``report missing`` run, so that no rule is written twice:

- ``hoptac_actions(today)``: a JSON array of every action as ``action list`` shows it on
  ``today`` (``domain.timeline.actions`` as it stands, ``domain.progress.derive``): ``id``,
  ``status``, ``progress``, ``overdue`` (0/1), ``achieved``, ``report_id`` (the deciding report);
- ``hoptac_owed(agreement_id, period)``: a JSON array of the actions that owe a report for the
  period (``id``), with the lead of the period's end (``lead_agency_id``) and whether the report
  came in (``reported``): ``domain.reports.owed`` and ``storage.status.reported_actions``, as
  ``report missing`` and ``status`` ask them;
- ``hoptac_periods(cadence, start_year, end_year, deadline_day, today)``: a JSON array of the
  agreement's periods (``domain.periods``) with their deadline and Vietnamese label, marking the
  one ``status`` shows by default (``domain.status.default_period``), added when it lies outside
  the agreement's years (a programme that has not begun);
- ``hoptac_agency_now(agency_id, day)``: who answers for an agency on ``day`` after mergers
  (``domain.succession.Successions.current``);
- ``hoptac_period_label(code)``: ``Period.label("vi")``;
- ``hoptac_mean_progress(status, progress, position, id)`` (aggregate):
  ``domain.progress.mean_progress``, adding up in the order ``status`` does.

The JSON arrays are read with SQLite's ``json_each``: one call per page and period rather than
one per action. They are registered on each of Datasette's connections by
``plugin.prepare_connection``; a plain ``sqlite3`` shell reading the views says "no such
function".

Each connection keeps the actions it rebuilt for a day until the database changes (``PRAGMA
data_version`` tells another connection's commit), so that the periods of a page share their
days (a period's last day is the day before the next one) and the count and facets of a page
reuse what its rows computed; ``hoptac serve`` runs Datasette's queries on one connection, so
every page shares what is kept. The functions only read. When Datasette's time limit stops a
query a function runs, the function stops the statement that called it the same way, so that
Datasette reports a query that took too long (or a facet that timed out), not an error.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import sqlite3
from collections.abc import Callable
from typing import Any

from hoptac_cli.domain import reports, timeline
from hoptac_cli.domain.periods import Period, parse_period, periods_between
from hoptac_cli.domain.progress import derive, mean_progress
from hoptac_cli.domain.succession import Successions
from hoptac_cli.storage import status as status_store

Row = dict[str, Any]

#: what one connection keeps: a page asks for one day per period boundary (quarter ends include
#: half-year ends), and the actions of one day take about 3 MB per thousand actions
_KEPT = 64
#: the fields of an action ``hoptac_actions`` gives
ACTION_KEYS = ("id", "status", "progress", "overdue", "achieved", "report_id")


def _json(rows: list[Row]) -> str:
    return json.dumps(rows, ensure_ascii=False)


def _stoppable(method: Callable[..., Any]) -> Callable[..., Any]:
    """A function that gives way to Datasette's time limit (see the module's docstring)."""

    @functools.wraps(method)
    def run(self: Figures, *args: Any) -> Any:
        try:
            return method(self, *args)
        except sqlite3.OperationalError as error:
            if error.args != ("interrupted",):
                raise
            self._conn.interrupt()
            return None

    return run


class Figures:
    """The functions of one connection, with what they have computed since the data last changed."""

    def __init__(self, conn: sqlite3.Connection):
        from sqlite_utils import Database

        self._conn = conn
        # The connection as the domain code takes it: no pragma set, no plug-in run.
        self._db = Database(conn, recursive_triggers=False, execute_plugins=False)
        self._version: tuple[int, int] | None = None
        self._kept: dict[Any, Any] = {}

    def _cached(self, key: Any, compute: Callable[[], Any]) -> Any:
        """``compute()``, kept until another connection commits (or this one writes)."""
        version = (self._conn.execute("PRAGMA data_version").fetchone()[0], self._conn.total_changes)
        if version != self._version:
            self._kept.clear()
            self._version = version
        if key not in self._kept:
            if len(self._kept) >= _KEPT:
                self._kept.pop(next(iter(self._kept)))
            self._kept[key] = compute()
        return self._kept[key]

    def timeline(self, db: Any, *, day: dt.date | None, agreement_id: int | None = None, existing: bool = True) -> list[Row]:
        """``timeline.actions`` for the arguments ``reports.owed`` gives, every action of the day
        rebuilt once and kept: the same rows, chosen the same way (the agreement's; with
        ``existing``, those that existed by the day). The rows are shared: read them only."""
        every = self._cached(("timeline", day), lambda: timeline.actions(self._db, day=day, existing=False))
        cut = day.isoformat() if day else None
        return [
            row
            for row in every
            if (agreement_id is None or row["agreement_id"] == agreement_id)
            and not (existing and cut and row["exists_from"] > cut)
        ]

    @_stoppable
    def actions(self, today: str) -> str:
        def compute() -> str:
            reference = dt.date.fromisoformat(today)
            derived = [derive(row, reference) for row in self.timeline(self._db, day=None)]
            return _json([{key: row[key] for key in ACTION_KEYS} for row in derived])

        return self._cached(("actions", today), compute)

    @_stoppable
    def owed(self, agreement_id: int, period: str) -> str:
        def compute() -> str:
            (agreement,) = status_store.agreement_settings(self._db, [agreement_id])
            span = parse_period(period)
            rows = reports.owed(self._db, agreement, span, actions=self.timeline)
            filed = status_store.reported_actions(self._db, agreement_id, span.start.isoformat(), span.end.isoformat())
            return _json(
                [{"id": row["id"], "lead_agency_id": row["lead_agency_id"], "reported": row["id"] in filed} for row in rows]
            )

        return self._cached(("owed", agreement_id, period), compute)

    @_stoppable
    def agency_now(self, agency_id: int | None, day: str) -> int | None:
        if agency_id is None:
            return None
        successions = self._cached("successions", lambda: Successions(self._db, "agencies"))
        return successions.current(agency_id, dt.date.fromisoformat(day))


@functools.lru_cache(maxsize=256)
def periods(cadence: str, start_year: int, end_year: int, deadline_day: int, today: str) -> str:
    """The agreement's periods as JSON (see the module's docstring)."""
    from hoptac_cli.domain.status import default_period

    agreement = {"report_cadence": cadence, "start_year": start_year, "end_year": end_year, "deadline_day": deadline_day}
    chosen = default_period(agreement, dt.date.fromisoformat(today))
    within = periods_between(cadence, dt.date(start_year, 1, 1), dt.date(end_year, 12, 31))
    every: list[Period] = sorted({*within, chosen})
    return _json(
        [
            {
                "period": period.code,
                "start": period.start.isoformat(),
                "end": period.end.isoformat(),
                "deadline": period.deadline(deadline_day).isoformat(),
                "label": period.label("vi"),
                "is_default": period == chosen,
                "within": period in within,
            }
            for period in every
        ]
    )


def period_label(code: str | None) -> str | None:
    return parse_period(code).label("vi") if code else None


class MeanProgress:
    """``mean_progress`` as an SQL aggregate; ``position`` and ``id`` give the order in which
    ``status`` adds the figures up (sector position, then action), whatever order SQL feeds them."""

    def __init__(self) -> None:
        self._rows: list[tuple[Any, Any, Row]] = []

    def step(self, status: str, progress: float, position: Any, action_id: Any) -> None:
        self._rows.append((position, action_id, {"status": status, "progress": progress}))

    def finalize(self) -> float | None:
        self._rows.sort(key=lambda row: (row[0] is None, row[0] or 0, row[1] or 0))
        return mean_progress([row for _, _, row in self._rows])


def install(conn: sqlite3.Connection) -> None:
    """Make the functions above available on ``conn``."""
    figures = Figures(conn)
    conn.create_function("hoptac_actions", 1, figures.actions, deterministic=True)
    conn.create_function("hoptac_owed", 2, figures.owed, deterministic=True)
    conn.create_function("hoptac_agency_now", 2, figures.agency_now, deterministic=True)
    conn.create_function("hoptac_periods", 5, periods, deterministic=True)
    conn.create_function("hoptac_period_label", 1, period_label, deterministic=True)
    # typeshed's aggregate protocol knows one-argument steps only
    conn.create_aggregate("hoptac_mean_progress", 4, MeanProgress)  # type: ignore[arg-type]

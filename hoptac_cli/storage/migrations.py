"""The schema, as an ordered list of migrations that never change once released.

sqlite-utils' ``Migrations`` applies the steps and records each one in ``_sqlite_migrations``
together with its changes (one savepoint each). ``upgrade`` applies every pending step in one
transaction, with foreign keys off, as table rebuilds require, and checks the foreign keys
afterwards. An old file is upgraded the first time a newer hoptac opens it.
``tests/schema.sql`` holds the schema all steps make: regenerate it after adding one
(``python -m tests.schema_snapshot``); a released step that changes it fails the tests.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database


class _Step:
    """One migration, as sqlite-utils' ``Migrations._Migration`` holds it."""

    __slots__ = ("name", "fn", "transactional")

    def __init__(self, name: str, fn: Callable[..., Any], transactional: bool = True) -> None:
        self.name, self.fn, self.transactional = name, fn, transactional


class _Migrations:
    """sqlite-utils' ``Migrations("hoptac")``, made the first time it is used (``pending``,
    ``apply`` …) and sharing this list of steps: the steps and their names (``known()``) are there
    without importing sqlite-utils (~50 ms), so that opening an up-to-date file does not import
    it (``storage.db``)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._steps: list[Any] = []
        self._made: Any = None

    @property
    def _migrations(self) -> list[Any]:
        return self._steps

    @_migrations.setter
    def _migrations(self, steps: list[Any]) -> None:
        self._steps = steps
        if self._made is not None:
            self._made._migrations = steps

    def __call__(
        self, *, name: str | None = None, transactional: bool = True
    ) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        def step(function: Callable[..., Any]) -> Callable[..., Any]:
            step_name = name or function.__name__
            if any(known.name == step_name for known in self._steps):
                raise ValueError(f"Migration '{step_name}' is already registered in set '{self.name}'")
            self._steps.append(_Step(step_name, function, transactional))
            return function

        return step

    def __getattr__(self, attribute: str) -> Any:
        if attribute.startswith("__") or attribute in ("_steps", "_made"):
            raise AttributeError(attribute)
        if self._made is None:
            from sqlite_utils.migrations import Migrations

            made = Migrations(self.name)
            made._migrations = self._steps
            self._made = made
        return getattr(self._made, attribute)


migrations = _Migrations("hoptac")

_STATUS_CHECK = "CHECK (status IN ('not-started','in-progress','done','behind','paused','cancelled'))"


def statements(script: str) -> Iterator[str]:
    """The SQL statements of ``script``, each ending where SQLite says it ends
    (``sqlite3.complete_statement``): a ';' inside a trigger's body, a string or a comment does not."""
    current: str | None = None
    for piece in script.split(";"):
        current = piece if current is None else f"{current};{piece}"
        if sqlite3.complete_statement(f"{current};"):
            if current.strip():
                yield current
            current = None
    if current is not None and current.strip():
        yield current  # unfinished: SQLite says what is wrong with it


def _run(db: Database, script: str) -> None:
    """Run the statements of ``script`` one by one inside the transaction the step runs in
    (``executescript`` would commit it first)."""
    for statement in statements(script):
        db.execute(statement)


@migrations(name="0001_core_register")
def core_register(db: Database) -> None:
    _run(
        db,
        f"""
        CREATE TABLE parties (
            id INTEGER PRIMARY KEY,
            slug TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            search_key TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'province' CHECK (kind IN ('province', 'city', 'other')),
            created_at TEXT NOT NULL DEFAULT (datetime('now'))
        );
        CREATE TABLE agreements (
            id INTEGER PRIMARY KEY,
            slug TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            search_key TEXT NOT NULL,
            start_year INTEGER NOT NULL,
            end_year INTEGER NOT NULL CHECK (end_year >= start_year),
            signed_on TEXT,
            predecessor_id INTEGER REFERENCES agreements(id),
            predecessor_note TEXT,
            status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'ended', 'superseded')),
            note TEXT,
            created_at TEXT NOT NULL DEFAULT (datetime('now'))
        );
        CREATE TABLE agreement_parties (
            agreement_id INTEGER NOT NULL REFERENCES agreements(id),
            party_id INTEGER NOT NULL REFERENCES parties(id),
            position INTEGER NOT NULL,
            signatory_name TEXT,
            signatory_title TEXT,
            PRIMARY KEY (agreement_id, party_id)
        );
        CREATE TABLE sectors (
            id INTEGER PRIMARY KEY,
            agreement_id INTEGER NOT NULL REFERENCES agreements(id),
            position INTEGER NOT NULL,
            slug TEXT NOT NULL,
            name TEXT NOT NULL,
            search_key TEXT NOT NULL,
            UNIQUE (agreement_id, slug)
        );
        CREATE TABLE agencies (
            id INTEGER PRIMARY KEY,
            party_id INTEGER NOT NULL REFERENCES parties(id),
            slug TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            search_key TEXT NOT NULL,
            created_at TEXT NOT NULL DEFAULT (datetime('now'))
        );
        CREATE TABLE actions (
            id INTEGER PRIMARY KEY,
            sector_id INTEGER NOT NULL REFERENCES sectors(id),
            title TEXT NOT NULL,
            search_key TEXT NOT NULL,
            lead_agency_id INTEGER NOT NULL REFERENCES agencies(id),
            start_on TEXT,
            due_on TEXT,
            status TEXT NOT NULL DEFAULT 'not-started' {_STATUS_CHECK},
            unit TEXT,
            baseline REAL,
            target REAL,
            plan_ref TEXT,
            note TEXT,
            created_at TEXT NOT NULL DEFAULT (datetime('now'))
        );
        CREATE INDEX actions_sector ON actions(sector_id);
        CREATE INDEX actions_lead ON actions(lead_agency_id);
        CREATE TABLE action_partners (
            action_id INTEGER NOT NULL REFERENCES actions(id),
            agency_id INTEGER NOT NULL REFERENCES agencies(id),
            PRIMARY KEY (action_id, agency_id)
        );
        CREATE TABLE action_events (
            id INTEGER PRIMARY KEY,
            action_id INTEGER NOT NULL REFERENCES actions(id),
            at TEXT NOT NULL DEFAULT (datetime('now')),
            kind TEXT NOT NULL,
            field TEXT,
            old_value TEXT,
            new_value TEXT,
            reason TEXT
        );
        CREATE INDEX action_events_action ON action_events(action_id)
        """,
    )


@migrations(name="0002_periodic_reports")
def periodic_reports(db: Database) -> None:
    _run(
        db,
        f"""
        ALTER TABLE agreements ADD COLUMN report_cadence TEXT NOT NULL DEFAULT 'H'
            CHECK (report_cadence IN ('H', 'Q', 'Y'));
        ALTER TABLE agreements ADD COLUMN deadline_day INTEGER NOT NULL DEFAULT 20
            CHECK (deadline_day BETWEEN 1 AND 31);
        CREATE TABLE reports (
            id INTEGER PRIMARY KEY,
            action_id INTEGER NOT NULL REFERENCES actions(id),
            agency_id INTEGER NOT NULL REFERENCES agencies(id),
            period TEXT NOT NULL,
            period_start TEXT NOT NULL,
            period_end TEXT NOT NULL,
            revision INTEGER NOT NULL DEFAULT 1,
            is_current INTEGER NOT NULL DEFAULT 1,
            supersedes_id INTEGER REFERENCES reports(id),
            progress REAL NOT NULL CHECK (progress BETWEEN 0 AND 100),
            value REAL,
            status TEXT NOT NULL {_STATUS_CHECK},
            result TEXT,
            difficulty TEXT,
            proposal TEXT,
            submitted_on TEXT NOT NULL,
            source TEXT,
            created_at TEXT NOT NULL DEFAULT (datetime('now'))
        );
        CREATE UNIQUE INDEX reports_current ON reports(action_id, agency_id, period) WHERE is_current = 1;
        CREATE INDEX reports_period ON reports(period_end, is_current);
        CREATE INDEX reports_action ON reports(action_id, is_current)
        """,
    )


@migrations(name="0003_reviews_and_mergers")
def reviews_and_mergers(db: Database) -> None:
    _run(
        db,
        """
        CREATE TABLE reviews (
            id INTEGER PRIMARY KEY,
            agreement_id INTEGER NOT NULL REFERENCES agreements(id),
            year INTEGER NOT NULL,
            kind TEXT NOT NULL DEFAULT 'so-ket' CHECK (kind IN ('so-ket', 'tong-ket')),
            host_party_id INTEGER REFERENCES parties(id),
            held_on TEXT,
            conclusion TEXT,
            created_at TEXT NOT NULL DEFAULT (datetime('now'))
        );
        CREATE TABLE commendations (
            id INTEGER PRIMARY KEY,
            review_id INTEGER NOT NULL REFERENCES reviews(id),
            recipient TEXT NOT NULL,
            recipient_kind TEXT NOT NULL CHECK (recipient_kind IN ('collective', 'individual')),
            unit TEXT,
            party_id INTEGER REFERENCES parties(id),
            form TEXT NOT NULL,
            decision TEXT,
            decided_on TEXT,
            reason TEXT,
            created_at TEXT NOT NULL DEFAULT (datetime('now'))
        );
        ALTER TABLE action_events ADD COLUMN review_id INTEGER REFERENCES reviews(id);
        ALTER TABLE parties ADD COLUMN successor_id INTEGER REFERENCES parties(id);
        ALTER TABLE parties ADD COLUMN succeeded_on TEXT;
        ALTER TABLE agencies ADD COLUMN successor_id INTEGER REFERENCES agencies(id);
        ALTER TABLE agencies ADD COLUMN succeeded_on TEXT;
        ALTER TABLE agreements ADD COLUMN ended_on TEXT;
        ALTER TABLE agreements ADD COLUMN end_review_id INTEGER REFERENCES reviews(id);
        ALTER TABLE actions ADD COLUMN carried_from_id INTEGER REFERENCES actions(id)
        """,
    )


@migrations(name="0004_periods_and_indicators")
def periods_and_indicators(db: Database) -> None:
    """How an indicator's reported values add up, what a carried action had achieved, and the
    day (hoptac's "today") each action event was recorded, which dates a decision taken
    without a review."""
    _run(
        db,
        """
        ALTER TABLE actions ADD COLUMN measure TEXT NOT NULL DEFAULT 'cumulative'
            CHECK (measure IN ('cumulative', 'per-period'));
        ALTER TABLE actions ADD COLUMN carried_value REAL;
        ALTER TABLE actions ADD COLUMN carried_progress REAL CHECK (carried_progress BETWEEN 0 AND 100);
        ALTER TABLE action_events ADD COLUMN recorded_on TEXT;
        UPDATE action_events SET recorded_on = substr(at, 1, 10);
        CREATE INDEX action_events_review ON action_events(review_id)
        """,
    )


def upgrade(db: Database, *, stop_before: str | None = None) -> list[str]:
    """Apply pending migrations; return their names. ``stop_before`` (a step's name: sqlite-utils
    stops before it) serves the upgrade tests.

    All pending migrations run in one transaction (``BEGIN IMMEDIATE`` with hoptac's connection):
    an interrupted upgrade leaves the old schema, and a second process opening the same old file
    at the same moment waits, then finds nothing left to apply.
    """
    if not migrations.pending(db):
        return []
    from hoptac_cli.storage import web
    from hoptac_cli.storage.history import drop_triggers

    db.execute("PRAGMA foreign_keys = OFF")
    try:
        with db.atomic():
            drop_triggers(db)  # made again for the new schema by the next write (they would block DROP COLUMN)
            # The web view's SQL views call functions only ``hoptac serve`` registers, and any
            # ``ALTER TABLE … RENAME`` re-reads every view: drop them (serve makes them again).
            web.drop(db)
            before = set(applied(db))
            migrations.apply(db, stop_before=stop_before)
            problems = db.execute("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise RuntimeError(f"foreign key check failed after migration: {problems[:5]}")
            # A migration that rebuilt a table (transform) dropped its search triggers: put them back.
            from hoptac_cli.storage import search

            search.ensure(db)
    finally:
        db.execute("PRAGMA foreign_keys = ON")
    return [name for name in applied(db) if name not in before]


def applied(db: Database) -> list[str]:
    return [migration.name for migration in migrations.applied(db)]


def known() -> list[str]:
    """The migrations this hoptac knows, in order; their number is the schema version."""
    return [migration.name for migration in migrations._migrations]


@migrations(name="0005_history")
def history(db: Database) -> None:
    """The history of write commands and the undo log (``storage.history``), and withdrawn reports.

    ``history_changes`` holds one row per row a command inserted, updated or deleted, with the
    SQL statement that reverses it (SQLite's trigger-based undo log). The triggers that fill it
    are generated from the schema as it is (again whenever the schema changes), so later
    migrations need nothing here; ``history_state`` says which entry is being recorded (none
    outside a hoptac write command) and for which schema the triggers were made. Reports gain
    the date and reason of a withdrawal; ``supersedes_id`` gets the index that keeps deleting one
    report (an undo) from scanning every report for its foreign key.
    """
    _run(
        db,
        """
        CREATE TABLE history (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL DEFAULT (datetime('now')),
            who TEXT NOT NULL,
            command TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'change' CHECK (kind IN ('change', 'undo', 'init', 'upgrade', 'restore')),
            changes TEXT,
            note TEXT,
            undoes INTEGER REFERENCES history(id),
            undone_by INTEGER REFERENCES history(id)
        );
        CREATE TABLE history_changes (
            id INTEGER PRIMARY KEY,
            entry_id INTEGER NOT NULL REFERENCES history(id),
            tbl TEXT NOT NULL,
            op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
            row_key,
            action_id INTEGER,
            undo_sql TEXT NOT NULL,
            old_values TEXT
        );
        CREATE TABLE history_state (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            entry_id INTEGER REFERENCES history(id),
            schema_version INTEGER
        );
        INSERT INTO history_state (id) VALUES (1);
        CREATE INDEX history_changes_entry ON history_changes(entry_id);
        CREATE INDEX history_changes_row ON history_changes(tbl, row_key);
        CREATE INDEX history_changes_action ON history_changes(action_id) WHERE action_id IS NOT NULL;
        CREATE INDEX reports_supersedes ON reports(supersedes_id);
        ALTER TABLE reports ADD COLUMN withdrawn_on TEXT;
        ALTER TABLE reports ADD COLUMN withdrawn_reason TEXT
        """,
    )


@migrations(name="0006_search")
def search_index(db: Database) -> None:
    """Full-text search over actions, current reports, review conclusions and commendation
    reasons, built for the existing data (see ``storage/search.py``); and the web view's settings."""
    from hoptac_cli.storage import search

    search.install(db)
    db.execute("CREATE TABLE web_settings (key TEXT PRIMARY KEY, value TEXT)")


@migrations(name="0007_document_settings")
def document_settings(db: Database) -> None:
    """Who issues documents (bodies, place, number patterns, signer, recipients): one row per
    key for the whole database (``agreement_id`` NULL) or overriding it for one agreement."""
    _run(
        db,
        """
        CREATE TABLE document_settings (
            id INTEGER PRIMARY KEY,
            agreement_id INTEGER REFERENCES agreements(id),
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            updated_at TEXT NOT NULL DEFAULT (datetime('now'))
        );
        CREATE UNIQUE INDEX document_settings_scope_key ON document_settings(ifnull(agreement_id, 0), key)
        """,
    )


@migrations(name="0008_scale_indexes")
def scale_indexes(db: Database) -> None:
    """Indexes for the agency filters at national scale (561 agreements, ~2 million reports):
    ``report list --agency`` and the first-submission look-up of a chain (``reports``: agency,
    action, period), ``action list --agency`` through partners (``action_partners``: agency)."""
    _run(
        db,
        """
        CREATE INDEX IF NOT EXISTS reports_agency ON reports(agency_id, action_id, period);
        CREATE INDEX IF NOT EXISTS action_partners_agency ON action_partners(agency_id, action_id)
        """,
    )


@migrations(name="0009_scale_queries")
def scale_queries(db: Database) -> None:
    """Indexes for the figures at national scale (issue 12). ``reports_latest``: each action's
    current reports newest first (period end, submission, id), carrying what the figures read
    (agency, period, progress, status, value, period start), so that finding an action's
    deciding report, and whether it reported in a period, never touches the report rows; it
    starts with (action, current) and so replaces ``reports_action``. ``action_events_changes``:
    an action's events by kind and field, with the review and day that date them (the review
    that added an action, whether a target or measure was ever decided); it replaces
    ``action_events_action`` (its prefix)."""
    _run(
        db,
        """
        CREATE INDEX IF NOT EXISTS reports_latest ON reports(
            action_id, is_current, period_end, submitted_on, id, agency_id, period, progress, status, value, period_start);
        DROP INDEX IF EXISTS reports_action;
        CREATE INDEX IF NOT EXISTS action_events_changes ON action_events(action_id, kind, field, review_id, recorded_on);
        DROP INDEX IF EXISTS action_events_action
        """,
    )

"""Queries and writes for periodic reports and their revision chains.

A chain is every version filed by one agency for one action and period; exactly one of them
is current (``is_current = 1``, enforced by a partial unique index). Functions neither
validate nor translate; callers wrap writes in ``db.atomic()``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from hoptac_cli.storage.where import Where

if TYPE_CHECKING:
    from sqlite_utils import Database

Row = dict[str, Any]

_SELECT = """
    SELECT r.id, r.action_id, a.title AS action, s.id AS sector_id, s.name AS sector, s.slug AS sector_slug,
           g.id AS agreement_id, g.slug AS agreement, r.agency_id, ag.name AS agency, ag.slug AS agency_slug,
           r.period, r.period_start, r.period_end, r.revision, r.is_current, r.supersedes_id,
           r.progress, r.value, a.unit, a.target, r.status, r.result, r.difficulty, r.proposal,
           r.submitted_on, r.source, r.created_at, r.withdrawn_on, r.withdrawn_reason,
           (SELECT min(f.submitted_on) FROM reports f
            WHERE f.action_id = r.action_id AND f.agency_id = r.agency_id AND f.period = r.period) AS first_submitted_on
    FROM reports r
    JOIN actions a ON a.id = r.action_id
    JOIN sectors s ON s.id = a.sector_id
    JOIN agreements g ON g.id = s.agreement_id
    JOIN agencies ag ON ag.id = r.agency_id
"""


def _rows(db: Database, sql: str, params: Any = ()) -> list[Row]:
    return list(db.query(sql, params))


def insert(db: Database, row: Row) -> int:
    """One new version (a plain INSERT: an import writes tens of thousands in one transaction)."""
    columns = list(row)
    sql = f"INSERT INTO reports ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"
    return int(db.execute(sql, [row[column] for column in columns]).lastrowid or 0)


#: the columns a staged version holds (``stage``, ``insert_staged``)
_STAGED = (
    "action_id",
    "agency_id",
    "period",
    "period_start",
    "period_end",
    "revision",
    "is_current",
    "supersedes_id",
    "progress",
    "value",
    "status",
    "result",
    "difficulty",
    "proposal",
    "submitted_on",
    "source",
)


def begin_staging(db: Database) -> None:
    """An empty temporary table for versions to write (``stage``, then ``insert_staged``): an
    import keeps its validated rows there rather than in memory."""
    db.execute("DROP TABLE IF EXISTS temp.staged_reports")
    db.execute(f"CREATE TEMP TABLE staged_reports (seq INTEGER PRIMARY KEY, {', '.join(_STAGED)})")


def stage(db: Database, rows: Iterable[Row]) -> None:
    with db.atomic():  # a transaction of the temporary table only: nothing reaches the file
        db.conn.executemany(
            f"INSERT INTO temp.staged_reports ({', '.join(_STAGED)}) VALUES ({', '.join('?' for _ in _STAGED)})",
            ([row[column] for column in _STAGED] for row in rows),
        )


def drop_staging(db: Database) -> None:
    db.execute("DROP TABLE IF EXISTS temp.staged_reports")


def insert_staged(db: Database) -> list[int]:
    """Write the staged versions, in the order staged, retiring the ones they supersede; their
    ids. One UPDATE and one INSERT ... SELECT: the triggers on ``reports`` (the search index's
    among them) then run inside one statement, where one statement per row would make the
    full-text index flush and merge every row. The caller holds the transaction."""
    columns = ", ".join(_STAGED)
    try:
        db.execute(
            "UPDATE reports SET is_current = 0 WHERE id IN (SELECT supersedes_id FROM temp.staged_reports WHERE supersedes_id IS NOT NULL)"
        )
        # A chain whose last version was withdrawn goes on after it (as ``report add`` does).
        db.execute(
            """
            UPDATE temp.staged_reports SET (supersedes_id, revision) = (
                SELECT r.id, r.revision + 1 FROM reports r
                WHERE r.agency_id = staged_reports.agency_id AND r.action_id = staged_reports.action_id
                  AND r.period = staged_reports.period
                ORDER BY r.revision DESC, r.id DESC LIMIT 1)
            WHERE supersedes_id IS NULL AND EXISTS (
                SELECT 1 FROM reports r
                WHERE r.agency_id = staged_reports.agency_id AND r.action_id = staged_reports.action_id
                  AND r.period = staged_reports.period)
            """
        )
        db.execute(f"INSERT INTO reports ({columns}) SELECT {columns} FROM temp.staged_reports ORDER BY seq")
        # One current version per chain: each staged row is found again by its chain.
        ids = db.execute(
            """
            SELECT r.id FROM temp.staged_reports s
            JOIN reports r ON r.action_id = s.action_id AND r.agency_id = s.agency_id AND r.period = s.period AND r.is_current = 1
            ORDER BY s.seq
            """
        ).fetchall()
    finally:
        drop_staging(db)
    return [row[0] for row in ids]


def retire(db: Database, report_id: int) -> None:
    """Mark a version as superseded (before its successor is inserted: one current per chain)."""
    db.execute("UPDATE reports SET is_current = 0 WHERE id = ?", [report_id])


def current(db: Database, action_id: int, agency_id: int, period: str) -> Row | None:
    rows = _rows(
        db,
        "SELECT * FROM reports WHERE action_id = ? AND agency_id = ? AND period = ? AND is_current = 1",
        [action_id, agency_id, period],
    )
    return rows[0] if rows else None


def latest(db: Database, action_id: int, agency_id: int, period: str) -> Row | None:
    """The last version of a chain, current or not (withdrawn)."""
    rows = _rows(
        db,
        "SELECT * FROM reports WHERE action_id = ? AND agency_id = ? AND period = ? ORDER BY revision DESC, id DESC LIMIT 1",
        [action_id, agency_id, period],
    )
    return rows[0] if rows else None


def current_of(db: Database, action_ids: list[int], periods: list[str]) -> list[Row]:
    """The current reports of the actions for the periods (every agency's)."""
    where = Where()
    where.add("is_current = 1")
    where.within("action_id", "action", action_ids)
    where.within("period", "period", periods)
    return _rows(db, "SELECT * FROM reports" + where.sql(), where.params)


def get(db: Database, report_id: int) -> Row | None:
    rows = _rows(db, _SELECT + " WHERE r.id = ?", [report_id])
    return rows[0] if rows else None


def chain(db: Database, action_id: int, agency_id: int, period: str) -> list[Row]:
    """Every version of one chain, oldest first."""
    return _rows(
        db,
        _SELECT + " WHERE r.action_id = ? AND r.agency_id = ? AND r.period = ? ORDER BY r.revision",
        [action_id, agency_id, period],
    )


def find(
    db: Database,
    *,
    agreement_id: int | None = None,
    agreement_ids: list[int] | None = None,
    sector_id: int | None = None,
    period: str | None = None,
    agency_ids: list[int] | None = None,
    action_ids: list[int] | None = None,
    revisions: bool = False,
) -> list[Row]:
    """Reports matching every given filter; current versions only unless ``revisions``."""
    where = Where()
    if not revisions:
        where.add("r.is_current = 1")
    where.equal("s.agreement_id", "agreement_id", agreement_id)
    where.within("s.agreement_id", "agreements", agreement_ids)
    where.equal("a.sector_id", "sector_id", sector_id)
    if period is not None:
        # A year ("2022") also finds the half-years and quarters reported within it.
        where.add("(r.period = :period OR substr(r.period, 1, 4) = :period)", period=period)
        # Redundant (every such period ends within its year), but it lets the period index
        # answer instead of a scan of every report.
        where.add(
            "r.period_end BETWEEN :year_start AND :year_end", year_start=f"{period[:4]}-01-01", year_end=f"{period[:4]}-12-31"
        )
    where.within("r.agency_id", "agency", agency_ids)
    where.within("r.action_id", "action", action_ids)
    return _rows(
        db, _SELECT + where.sql() + " ORDER BY r.period_end, r.period, r.action_id, r.agency_id, r.revision", where.params
    )

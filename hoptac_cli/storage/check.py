"""The queries of ``db check``: SQLite's own checks, then hoptac's rules on the data.

They run on a plain ``sqlite3`` connection, read only, and tolerate an older schema (a column
that a later migration adds is simply not checked).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

Row = dict[str, Any]


def _rows(conn: sqlite3.Connection, sql: str) -> Iterator[Row]:
    cursor = conn.execute(sql)
    keys = [column[0] for column in cursor.description]
    for values in cursor:
        yield dict(zip(keys, values))


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}


def integrity(conn: sqlite3.Connection) -> list[str]:
    """``PRAGMA integrity_check``: no lines when the file is sound."""
    lines = [row[0] for row in conn.execute("PRAGMA integrity_check")]
    return [] if lines == ["ok"] else lines


def foreign_keys(conn: sqlite3.Connection) -> Iterator[Row]:
    for table, rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check"):
        yield {"table": table, "row": rowid, "parent": parent}


def progress_out_of_range(conn: sqlite3.Connection) -> Iterator[Row]:
    return _rows(
        conn, "SELECT id, progress AS value FROM reports WHERE NOT (progress BETWEEN 0 AND 100) OR progress IS NULL ORDER BY id"
    )


def done_below_full(conn: sqlite3.Connection) -> Iterator[Row]:
    """Reports saying done with less than 100%: the action they decide is done below 100%."""
    return _rows(conn, "SELECT id, progress AS value FROM reports WHERE status = 'done' AND progress < 100 ORDER BY id")


def outside_agreement(conn: sqlite3.Connection) -> Iterator[Row]:
    return _rows(
        conn,
        """
        SELECT r.id, r.period, g.start_year AS first, g.end_year AS last
        FROM reports r
        JOIN actions a ON a.id = r.action_id
        JOIN sectors s ON s.id = a.sector_id
        JOIN agreements g ON g.id = s.agreement_id
        WHERE r.period_end < printf('%04d-01-01', g.start_year) OR r.period_start > printf('%04d-12-31', g.end_year)
        ORDER BY r.id
        """,
    )


def revisions_missing(conn: sqlite3.Connection) -> Iterator[Row]:
    return _rows(
        conn,
        """
        SELECT r.id, r.supersedes_id AS supersedes FROM reports r LEFT JOIN reports p ON p.id = r.supersedes_id
        WHERE r.supersedes_id IS NOT NULL AND p.id IS NULL ORDER BY r.id
        """,
    )


def revisions_other_chain(conn: sqlite3.Connection) -> Iterator[Row]:
    return _rows(
        conn,
        """
        SELECT r.id, r.supersedes_id AS supersedes FROM reports r JOIN reports p ON p.id = r.supersedes_id
        WHERE p.action_id != r.action_id OR p.agency_id != r.agency_id OR p.period != r.period ORDER BY r.id
        """,
    )


def revisions_orphaned(conn: sqlite3.Connection) -> Iterator[Row]:
    """Superseded versions that no later version replaces (and that were not withdrawn)."""
    withdrawn = "AND r.withdrawn_on IS NULL" if "withdrawn_on" in _columns(conn, "reports") else ""
    return _rows(
        conn,
        f"""
        SELECT r.id, r.action_id AS action, r.period FROM reports r LEFT JOIN reports n ON n.supersedes_id = r.id
        WHERE r.is_current = 0 {withdrawn} AND n.id IS NULL ORDER BY r.id
        """,
    )


def without_lead(conn: sqlite3.Connection) -> Iterator[Row]:
    return _rows(
        conn,
        "SELECT a.id FROM actions a LEFT JOIN agencies g ON g.id = a.lead_agency_id WHERE g.id IS NULL ORDER BY a.id",
    )

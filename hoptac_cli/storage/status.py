"""Queries behind ``hoptac status`` and the consolidated report."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database

Row = dict[str, Any]


def agreement_settings(db: Database, agreement_ids: list[int] | None) -> list[Row]:
    """Agreements with their reporting cadence and deadline: the given ones, else the active ones."""
    sql = "SELECT id, slug, title, status, start_year, end_year, report_cadence, deadline_day, ended_on FROM agreements"
    if agreement_ids is None:
        return list(db.query(sql + " WHERE status = 'active' ORDER BY id"))
    marks = ", ".join("?" for _ in agreement_ids)
    return list(db.query(sql + f" WHERE id IN ({marks}) ORDER BY id", agreement_ids))


def reported_actions(db: Database, agreement_id: int, start: str, end: str) -> set[int]:
    """Actions of the agreement with a current report for a period lying within [start, end]."""
    rows = db.execute(
        """
        SELECT DISTINCT r.action_id FROM reports r
        JOIN actions a ON a.id = r.action_id JOIN sectors s ON s.id = a.sector_id
        WHERE s.agreement_id = ? AND r.is_current = 1 AND r.period_start >= ? AND r.period_end <= ?
        """,
        [agreement_id, start, end],
    ).fetchall()
    return {row[0] for row in rows}


def period_reports(db: Database, agreement_id: int, start: str, end: str) -> list[Row]:
    """Current reports of the agreement for periods lying within [start, end], in action order."""
    return list(
        db.query(
            """
            SELECT r.id, r.action_id, r.agency_id, ag.name AS agency, r.period, r.progress, r.value,
                   r.status, r.result, r.difficulty, r.proposal, r.submitted_on
            FROM reports r
            JOIN actions a ON a.id = r.action_id JOIN sectors s ON s.id = a.sector_id
            JOIN agencies ag ON ag.id = r.agency_id
            WHERE s.agreement_id = ? AND r.is_current = 1 AND r.period_start >= ? AND r.period_end <= ?
            ORDER BY s.position, a.id, r.period_end, r.id
            """,
            [agreement_id, start, end],
        )
    )

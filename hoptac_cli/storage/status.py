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


def _marks(values: list[int]) -> str:
    return ", ".join("?" for _ in values) or "NULL"


def reported_actions(db: Database, agreement_ids: int | list[int], start: str, end: str) -> set[int]:
    """Actions of the agreement(s) with a current report for a period lying within [start, end]:
    each action's own reports of those periods, found through its entries of the action index
    (a period within [start, end] ends within it)."""
    ids = [agreement_ids] if isinstance(agreement_ids, int) else list(agreement_ids)
    rows = db.execute(
        f"""
        SELECT a.id FROM sectors s CROSS JOIN actions a ON a.sector_id = s.id
        WHERE s.agreement_id IN ({_marks(ids)}) AND EXISTS (
            SELECT 1 FROM reports r
            WHERE r.action_id = a.id AND r.is_current = 1 AND r.period_end BETWEEN ? AND ? AND r.period_start >= ?)
        """,
        [*ids, start, end, start],
    ).fetchall()
    return {row[0] for row in rows}


def action_counts(db: Database, agreement_ids: list[int]) -> dict[int, int]:
    """How many actions each agreement holds."""
    rows = db.execute(
        f"""
        SELECT s.agreement_id, count(*) FROM sectors s CROSS JOIN actions a ON a.sector_id = s.id
        WHERE s.agreement_id IN ({_marks(agreement_ids)}) GROUP BY s.agreement_id
        """,
        agreement_ids,
    ).fetchall()
    return dict(rows)


def agreement_party_ids(db: Database, agreement_ids: list[int]) -> list[Row]:
    """The signing parties of the agreements, in signing order."""
    return list(
        db.query(
            f"""
            SELECT agreement_id, party_id FROM agreement_parties
            WHERE agreement_id IN ({_marks(agreement_ids)}) ORDER BY agreement_id, position
            """,
            agreement_ids,
        )
    )


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


def agencies(db: Database) -> list[Row]:
    """Every agency with its party (for naming who owes reports)."""
    return list(db.query("SELECT id, slug, name, party_id FROM agencies ORDER BY id"))


def sectors(db: Database, agreement_ids: list[int]) -> list[Row]:
    """The sectors of the agreements, in agreement and position order (``list_sectors`` without
    counting each sector's actions: a picture counts what it shows)."""
    return list(
        db.query(
            f"""
            SELECT s.id, s.slug, s.name, s.position, s.agreement_id, g.slug AS agreement
            FROM sectors s JOIN agreements g ON g.id = s.agreement_id
            WHERE s.agreement_id IN ({_marks(agreement_ids)}) ORDER BY s.agreement_id, s.position
            """,
            agreement_ids,
        )
    )

"""Queries and writes behind the correction commands (update, unmerge, remove, withdraw).

Functions take an open ``Database`` and plain values; they neither validate nor translate.
Callers wrap writes in ``db.atomic()``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database

Row = dict[str, Any]


def _one(db: Database, sql: str, params: Any = ()) -> Row | None:
    rows = list(db.query(sql, params))
    return rows[0] if rows else None


def report_outside(db: Database, agreement_id: int, first: str, last: str) -> Row | None:
    """A report (any version) of the agreement for a period not within [first, last]."""
    return _one(
        db,
        """
        SELECT r.id, r.period FROM reports r JOIN actions a ON a.id = r.action_id JOIN sectors s ON s.id = a.sector_id
        WHERE s.agreement_id = ? AND (r.period_start < ? OR r.period_end > ?) ORDER BY r.period_start, r.id LIMIT 1
        """,
        [agreement_id, first, last],
    )


def set_signatory(db: Database, agreement_id: int, party_id: int, name: str | None, title: str | None) -> None:
    db.execute(
        "UPDATE agreement_parties SET signatory_name = ?, signatory_title = ? WHERE agreement_id = ? AND party_id = ?",
        [name, title, agreement_id, party_id],
    )


def merged_into(db: Database, table: str, row_id: int) -> list[Row]:
    assert table in ("parties", "agencies")
    return list(db.query(f"SELECT id, name FROM {table} WHERE successor_id = ? ORDER BY id", [row_id]))


def report_count(db: Database, action_id: int) -> int:
    return db.execute("SELECT count(*) FROM reports WHERE action_id = ?", [action_id]).fetchone()[0]


def delete_action(db: Database, action_id: int) -> None:
    """An action with what is only its own: partners and history events."""
    db.execute("DELETE FROM action_partners WHERE action_id = ?", [action_id])
    db.execute("DELETE FROM action_events WHERE action_id = ?", [action_id])
    db.execute("DELETE FROM actions WHERE id = ?", [action_id])


def report(db: Database, report_id: int) -> Row | None:
    return _one(db, "SELECT * FROM reports WHERE id = ?", [report_id])


def current_of_chain(db: Database, row: Row) -> Row | None:
    return _one(
        db,
        "SELECT * FROM reports WHERE action_id = ? AND agency_id = ? AND period = ? AND is_current = 1",
        [row["action_id"], row["agency_id"], row["period"]],
    )


def withdraw(db: Database, report_id: int, on: str, reason: str) -> None:
    db.execute("UPDATE reports SET is_current = 0, withdrawn_on = ?, withdrawn_reason = ? WHERE id = ?", [on, reason, report_id])


def commendation(db: Database, commendation_id: int) -> Row | None:
    return _one(db, "SELECT * FROM commendations WHERE id = ?", [commendation_id])


def delete(db: Database, table: str, row_id: int) -> None:
    assert table in ("commendations",)
    db.execute(f"DELETE FROM {table} WHERE id = ?", [row_id])

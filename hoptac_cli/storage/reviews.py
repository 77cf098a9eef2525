"""Queries and writes for reviews, commendations, the agreement lifecycle and mergers.

Functions take an open ``Database`` and plain values; they neither validate nor translate.
Callers wrap writes in ``db.atomic()`` so that one command is one transaction.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from hoptac_cli.storage import register as register_store
from hoptac_cli.storage.where import Where

if TYPE_CHECKING:
    from sqlite_utils import Database

Row = dict[str, Any]

_REVIEW_SELECT = """
    SELECT r.id, r.agreement_id, g.slug AS agreement, g.title AS agreement_title, r.year, r.kind,
           r.host_party_id, p.name AS host, r.held_on, r.conclusion, r.created_at,
           (SELECT count(*) FROM action_events e WHERE e.review_id = r.id) AS changes,
           (SELECT count(*) FROM commendations c WHERE c.review_id = r.id) AS commendations
    FROM reviews r
    JOIN agreements g ON g.id = r.agreement_id
    LEFT JOIN parties p ON p.id = r.host_party_id
"""


def _rows(db: Database, sql: str, params: Any = ()) -> list[Row]:
    return list(db.query(sql, params))


# reviews -------------------------------------------------------------------------------------


def get_review(db: Database, review_id: int) -> Row | None:
    rows = _rows(db, _REVIEW_SELECT + " WHERE r.id = ?", [review_id])
    return rows[0] if rows else None


def list_reviews(db: Database, agreement_id: int | None = None) -> list[Row]:
    if agreement_id is None:
        return _rows(db, _REVIEW_SELECT + " ORDER BY g.start_year, r.agreement_id, r.year, r.kind, r.id")
    return _rows(db, _REVIEW_SELECT + " WHERE r.agreement_id = ? ORDER BY r.year, r.kind, r.id", [agreement_id])


def find_review(db: Database, agreement_id: int, year: int, kind: str) -> Row | None:
    rows = _rows(db, "SELECT id FROM reviews WHERE agreement_id = ? AND year = ? AND kind = ?", [agreement_id, year, kind])
    return rows[0] if rows else None


def review_changes(db: Database, review_id: int) -> list[Row]:
    """Every action event recorded through the review, with the action's title."""
    return _rows(
        db,
        """
        SELECT e.id, e.at, e.action_id, a.title AS action, e.kind, e.field, e.old_value, e.new_value, e.reason
        FROM action_events e JOIN actions a ON a.id = e.action_id
        WHERE e.review_id = ? ORDER BY e.id
        """,
        [review_id],
    )


def agreements_ended_by(db: Database, review_id: int) -> list[Row]:
    return _rows(db, "SELECT id, slug, title, ended_on FROM agreements WHERE end_review_id = ? ORDER BY id", [review_id])


# commendations -------------------------------------------------------------------------------


def list_commendations(
    db: Database,
    *,
    review_id: int | None = None,
    agreement_id: int | None = None,
    year: int | None = None,
    party_ids: list[int] | None = None,
) -> list[Row]:
    where = Where()
    where.equal("c.review_id", "review_id", review_id)
    where.equal("r.agreement_id", "agreement_id", agreement_id)
    where.equal("r.year", "year", year)
    where.within("c.party_id", "party", party_ids or None)
    sql = """
        SELECT c.id, c.review_id, r.year, r.kind AS review_kind, g.slug AS agreement, c.recipient,
               c.recipient_kind, c.unit, c.party_id, p.name AS party, c.form, c.decision, c.decided_on, c.reason
        FROM commendations c
        JOIN reviews r ON r.id = c.review_id
        JOIN agreements g ON g.id = r.agreement_id
        LEFT JOIN parties p ON p.id = c.party_id
    """
    return _rows(db, sql + where.sql() + " ORDER BY g.start_year, r.year, c.review_id, c.id", where.params)


# the agreement lifecycle ---------------------------------------------------------------------


def successor_agreements(db: Database, agreement_id: int) -> list[Row]:
    return _rows(
        db,
        "SELECT id, slug, title, start_year, end_year, status FROM agreements WHERE predecessor_id = ? ORDER BY id",
        [agreement_id],
    )


def carried_copies(db: Database, action_id: int) -> list[Row]:
    """Actions carried over from ``action_id`` into later agreements."""
    return _rows(
        db,
        """
        SELECT a.id, a.title, g.slug AS agreement
        FROM actions a JOIN sectors s ON s.id = a.sector_id JOIN agreements g ON g.id = s.agreement_id
        WHERE a.carried_from_id = ? ORDER BY a.id
        """,
        [action_id],
    )


def copy_action(db: Database, action_id: int, values: Row) -> int:
    """Insert a copy of the action ``action_id`` with ``values`` overriding its columns."""
    source = _rows(
        db,
        "SELECT title, search_key, unit, baseline, target, measure, plan_ref, note FROM actions WHERE id = ?",
        [action_id],
    )[0]
    return register_store.last_id(db.table("actions").insert({**source, **values, "carried_from_id": action_id}))

"""Queries and writes for the core register: parties, agreements, sectors, agencies, actions.

Functions take an open ``Database`` and plain values; they neither validate nor translate.
Callers wrap writes in ``db.atomic()`` so that one command is one transaction.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from hoptac_cli.storage.where import Where

if TYPE_CHECKING:
    from sqlite_utils import Database

Row = dict[str, Any]

#: tables whose rows can be named by reference, with the column holding their display name
NAMED_TABLES = {"parties": "name", "agreements": "title", "sectors": "name", "agencies": "name"}


def _rows(db: Database, sql: str, params: Any = ()) -> list[Row]:
    return list(db.query(sql, params))


def _one(db: Database, sql: str, params: Any = ()) -> Row | None:
    rows = _rows(db, sql, params)
    return rows[0] if rows else None


def insert(db: Database, table: str, row: Row) -> int:
    return db[table].insert(row).last_pk


def update(db: Database, table: str, row_id: int, changes: Row) -> None:
    if changes:
        db[table].update(row_id, changes)


def candidates(db: Database, table: str, *, scope_column: str | None = None, scope_id: int | None = None) -> list[Row]:
    """Rows that a reference may name: id, slug, display name and folded search key."""
    name = NAMED_TABLES[table]
    sql = f"SELECT id, slug, {name} AS name, search_key FROM {table}"
    if scope_column:
        return _rows(db, sql + f" WHERE {scope_column} = ? ORDER BY id", [scope_id])
    return _rows(db, sql + " ORDER BY id")


def slug_taken(db: Database, table: str, slug: str, *, scope_column: str | None = None, scope_id: int | None = None) -> Row | None:
    name = NAMED_TABLES[table]
    sql = f"SELECT id, slug, {name} AS name FROM {table} WHERE slug = ?"
    params: list[Any] = [slug]
    if scope_column:
        sql += f" AND {scope_column} = ?"
        params.append(scope_id)
    return _one(db, sql, params)


def name_taken(db: Database, table: str, search_key: str, *, scope_column: str | None = None, scope_id: int | None = None) -> Row | None:
    """A row whose folded name is ``search_key`` (within the scope), if any."""
    name = NAMED_TABLES[table]
    sql = f"SELECT id, slug, {name} AS name FROM {table} WHERE search_key = ?"
    params: list[Any] = [search_key]
    if scope_column:
        sql += f" AND {scope_column} = ?"
        params.append(scope_id)
    return _one(db, sql + " ORDER BY id", params)


def get(db: Database, table: str, row_id: int) -> Row | None:
    return _one(db, f"SELECT * FROM {table} WHERE id = ?", [row_id])


# parties -------------------------------------------------------------------------------------

def list_parties(db: Database) -> list[Row]:
    return _rows(
        db,
        """
        SELECT p.id, p.slug, p.name, p.kind, p.successor_id, s.name AS successor, p.succeeded_on,
               (SELECT count(*) FROM agencies a WHERE a.party_id = p.id) AS agencies,
               (SELECT count(*) FROM agreement_parties ap WHERE ap.party_id = p.id) AS agreements
        FROM parties p LEFT JOIN parties s ON s.id = p.successor_id
        ORDER BY p.id
        """,
    )


# agreements ----------------------------------------------------------------------------------

def add_agreement_party(db: Database, row: Row) -> None:
    db["agreement_parties"].insert(row)


def list_agreements(db: Database) -> list[Row]:
    return _rows(
        db,
        """
        SELECT g.id, g.slug, g.title, g.start_year, g.end_year, g.signed_on, g.status,
               (SELECT group_concat(name, ', ') FROM (
                    SELECT p.name FROM agreement_parties ap JOIN parties p ON p.id = ap.party_id
                    WHERE ap.agreement_id = g.id ORDER BY ap.position)) AS parties,
               (SELECT count(*) FROM sectors s WHERE s.agreement_id = g.id) AS sectors,
               (SELECT count(*) FROM actions a JOIN sectors s ON s.id = a.sector_id
                WHERE s.agreement_id = g.id) AS actions
        FROM agreements g ORDER BY g.start_year, g.id
        """,
    )


def active_agreements(db: Database) -> list[Row]:
    return _rows(db, "SELECT id, slug, title FROM agreements WHERE status = 'active' ORDER BY id")


def agreement_parties(db: Database, agreement_id: int) -> list[Row]:
    return _rows(
        db,
        """
        SELECT p.id, p.slug, p.name, p.kind, p.successor_id, ap.signatory_name, ap.signatory_title
        FROM agreement_parties ap JOIN parties p ON p.id = ap.party_id
        WHERE ap.agreement_id = ? ORDER BY ap.position
        """,
        [agreement_id],
    )


# sectors -------------------------------------------------------------------------------------

def next_sector_position(db: Database, agreement_id: int) -> int:
    row = _one(db, "SELECT coalesce(max(position), 0) + 1 AS n FROM sectors WHERE agreement_id = ?", [agreement_id])
    return row["n"]


def list_sectors(db: Database, agreement_id: int | None) -> list[Row]:
    sql = """
        SELECT s.id, s.slug, s.name, s.position, s.agreement_id, g.slug AS agreement,
               (SELECT count(*) FROM actions a WHERE a.sector_id = s.id) AS actions
        FROM sectors s JOIN agreements g ON g.id = s.agreement_id
    """
    if agreement_id is None:
        return _rows(db, sql + " ORDER BY s.agreement_id, s.position")
    return _rows(db, sql + " WHERE s.agreement_id = ? ORDER BY s.position", [agreement_id])


# agencies ------------------------------------------------------------------------------------

def list_agencies(db: Database, party_id: int | None) -> list[Row]:
    sql = """
        SELECT a.id, a.slug, a.name, a.party_id, p.name AS party, a.successor_id,
               s.name AS successor, a.succeeded_on,
               (SELECT count(*) FROM actions x WHERE x.lead_agency_id = a.id) AS lead_actions
        FROM agencies a JOIN parties p ON p.id = a.party_id
        LEFT JOIN agencies s ON s.id = a.successor_id
    """
    if party_id is None:
        return _rows(db, sql + " ORDER BY a.party_id, a.id")
    return _rows(db, sql + " WHERE a.party_id = ? ORDER BY a.id", [party_id])


# actions -------------------------------------------------------------------------------------

_ACTION_SELECT = """
    SELECT a.id, a.title, a.sector_id, s.slug AS sector_slug, s.name AS sector,
           s.agreement_id, g.slug AS agreement_slug, g.title AS agreement,
           a.lead_agency_id, l.name AS lead, a.start_on, a.due_on, a.status AS recorded_status,
           a.unit, a.baseline, a.target, a.plan_ref, a.note, a.carried_from_id,
           (SELECT group_concat(name, '; ') FROM (
                SELECT ag.name FROM action_partners ap JOIN agencies ag ON ag.id = ap.agency_id
                WHERE ap.action_id = a.id ORDER BY ag.id)) AS partners,
           lr.id AS report_id, lr.period AS report_period, lr.progress AS report_progress,
           lr.status AS report_status, lr.value AS report_value, lr.difficulty AS report_difficulty
    FROM actions a
    JOIN sectors s ON s.id = a.sector_id
    JOIN agreements g ON g.id = s.agreement_id
    JOIN agencies l ON l.id = a.lead_agency_id
    LEFT JOIN (
        SELECT * FROM (
            SELECT r.*, row_number() OVER (
                PARTITION BY r.action_id ORDER BY r.period_end DESC, r.submitted_on DESC, r.id DESC) AS rank
            FROM reports r
            WHERE r.is_current = 1 AND (:as_of IS NULL OR r.period_end <= :as_of)
        ) WHERE rank = 1
    ) lr ON lr.action_id = a.id
"""


def list_actions(
    db: Database,
    *,
    agreement_id: int | None = None,
    sector_id: int | None = None,
    agency_ids: list[int] | None = None,
    action_ids: list[int] | None = None,
    as_of: str | None = None,
) -> list[Row]:
    """Actions with their sector, lead, partners and latest current report (up to ``as_of``)."""
    where = Where(as_of=as_of)
    where.equal("s.agreement_id", "agreement_id", agreement_id)
    where.equal("a.sector_id", "sector_id", sector_id)
    if agency_ids:
        marks = where.marks("agency", agency_ids)
        where.add(f"(a.lead_agency_id IN ({marks}) OR a.id IN (SELECT action_id FROM action_partners WHERE agency_id IN ({marks})))")
    where.within("a.id", "action", action_ids)
    return _rows(db, _ACTION_SELECT + where.sql() + " ORDER BY s.agreement_id, s.position, a.id", where.params)


def action_partners(db: Database, action_id: int) -> list[Row]:
    return _rows(
        db,
        """
        SELECT ag.id, ag.slug, ag.name FROM action_partners ap JOIN agencies ag ON ag.id = ap.agency_id
        WHERE ap.action_id = ? ORDER BY ag.id
        """,
        [action_id],
    )


def set_action_partners(db: Database, action_id: int, agency_ids: list[int]) -> None:
    db.execute("DELETE FROM action_partners WHERE action_id = ?", [action_id])
    if agency_ids:
        db["action_partners"].insert_all({"action_id": action_id, "agency_id": agency} for agency in agency_ids)


def add_event(db: Database, row: Row) -> int:
    return db["action_events"].insert(row).last_pk


def action_events(db: Database, action_id: int) -> list[Row]:
    return _rows(
        db,
        """
        SELECT e.id, e.at, e.kind, e.field, e.old_value, e.new_value, e.reason, e.review_id
        FROM action_events e WHERE e.action_id = ? ORDER BY e.id
        """,
        [action_id],
    )


def successors(db: Database, table: str) -> dict[int, tuple[int, str | None]]:
    """``{old id: (successor id, effective date)}`` for every merged party or agency."""
    assert table in ("parties", "agencies")
    return {
        row["id"]: (row["successor_id"], row["succeeded_on"])
        for row in db.query(f"SELECT id, successor_id, succeeded_on FROM {table} WHERE successor_id IS NOT NULL")
    }

"""Queries and writes for the core register: parties, agreements, sectors, agencies, actions.

Functions take an open ``Database`` and plain values; they neither validate nor translate.
Callers wrap writes in ``db.atomic()`` so that one command is one transaction.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from hoptac_cli.storage.where import Where

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.db import Table

Row = dict[str, Any]

#: tables whose rows can be named by reference, with the column holding their display name
NAMED_TABLES = {"parties": "name", "agreements": "title", "sectors": "name", "agencies": "name"}


def _rows(db: Database, sql: str, params: Any = ()) -> list[Row]:
    return list(db.query(sql, params))


def _one(db: Database, sql: str, params: Any = ()) -> Row | None:
    rows = _rows(db, sql, params)
    return rows[0] if rows else None


def last_id(table: Table) -> int:
    """The id of the row ``table.insert`` just wrote (every hoptac table has an integer key)."""
    key = table.last_pk
    if key is None:
        raise LookupError(f"no row was written to {table.name}")
    return int(key)


def insert(db: Database, table: str, row: Row) -> int:
    return last_id(db.table(table).insert(row))


def update(db: Database, table: str, row_id: int, changes: Row) -> None:
    if changes:
        db.table(table).update(row_id, changes)


def candidates(db: Database, table: str, *, scope_column: str | None = None, scope_id: int | None = None) -> list[Row]:
    """Rows that a reference may name: id, slug, display name and folded search key."""
    name = NAMED_TABLES[table]
    sql = f"SELECT id, slug, {name} AS name, search_key FROM {table}"
    if scope_column:
        return _rows(db, sql + f" WHERE {scope_column} = ? ORDER BY id", [scope_id])
    return _rows(db, sql + " ORDER BY id")


def slug_taken(
    db: Database, table: str, slug: str, *, scope_column: str | None = None, scope_id: int | None = None
) -> Row | None:
    name = NAMED_TABLES[table]
    sql = f"SELECT id, slug, {name} AS name FROM {table} WHERE slug = ?"
    params: list[Any] = [slug]
    if scope_column:
        sql += f" AND {scope_column} = ?"
        params.append(scope_id)
    return _one(db, sql, params)


def name_taken(
    db: Database, table: str, search_key: str, *, scope_column: str | None = None, scope_id: int | None = None
) -> Row | None:
    """A row whose folded name is ``search_key`` (within the scope), if any."""
    name = NAMED_TABLES[table]
    sql = f"SELECT id, slug, {name} AS name FROM {table} WHERE search_key = ?"
    params: list[Any] = [search_key]
    if scope_column:
        sql += f" AND {scope_column} = ?"
        params.append(scope_id)
    return _one(db, sql + " ORDER BY id", params)


def get(db: Database, table: str, row_id: int) -> Row:
    """The row ``row_id`` of ``table``, known to exist (an id a reference resolved to, or a
    foreign key): its absence is a bug, not a user's mistake."""
    row = find(db, table, row_id)
    if row is None:
        raise LookupError(f"{table} #{row_id} is not in the database")
    return row


def find(db: Database, table: str, row_id: int) -> Row | None:
    """The row ``row_id`` of ``table``, or None: for an id a user typed."""
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
    db.table("agreement_parties").insert(row)


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


def latest_ended_agreement(db: Database) -> Row | None:
    """Among agreements that are not active, the one that ended last; with the number of agreements."""
    return _one(
        db,
        """
        SELECT id, slug, title, status, ended_on, (SELECT count(*) FROM agreements) AS agreements
        FROM agreements WHERE status != 'active'
        ORDER BY ended_on IS NULL, ended_on DESC, id DESC LIMIT 1
        """,
    )


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
    return db.execute("SELECT coalesce(max(position), 0) + 1 FROM sectors WHERE agreement_id = ?", [agreement_id]).fetchone()[0]


def list_sectors(db: Database, agreement_id: int | None, *, agreement_ids: list[int] | None = None) -> list[Row]:
    sql = """
        SELECT s.id, s.slug, s.name, s.position, s.agreement_id, g.slug AS agreement,
               (SELECT count(*) FROM actions a WHERE a.sector_id = s.id) AS actions
        FROM sectors s JOIN agreements g ON g.id = s.agreement_id
    """
    if agreement_ids is not None:
        marks = ", ".join("?" for _ in agreement_ids) or "NULL"
        return _rows(db, sql + f" WHERE s.agreement_id IN ({marks}) ORDER BY s.agreement_id, s.position", agreement_ids)
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

# The deciding report of each action, by the rule of ``domain.progress``: per period the lead
# agency's current report (the lead, any earlier lead, or an agency that took one of them over),
# else the latest partner's; of those the latest period's; with the sum of their values.
#
# It is found per action by correlated subqueries that walk the action's own entries of the
# ``reports_latest`` index (action, current, period end, submission, id, ...: migration 0009),
# newest first, and stop at the first report that no other report of its period outranks. So
# a question about one agreement, one sector or one action reads only those actions' reports,
# and all 200,000 actions of a national register are answered in one pass without sorting or
# ranking two million reports.
_CHOSEN = """
    WITH RECURSIVE
    chosen AS MATERIALIZED (
        SELECT a.id, a.lead_agency_id FROM actions a JOIN sectors s ON s.id = a.sector_id {where}
    ),
    -- the agencies besides the current lead whose reports are the lead's: earlier leads, and
    -- agencies that took over the lead or an earlier lead by a merger (few: an automatic index)
    leads(action_id, agency_id) AS (
        SELECT c.id, ag.successor_id FROM chosen c JOIN agencies ag ON ag.id = c.lead_agency_id
        WHERE ag.successor_id IS NOT NULL
        UNION
        SELECT e.action_id, CAST(e.old_value AS INTEGER) FROM chosen c JOIN action_events e ON e.action_id = c.id
        WHERE e.field = 'lead_agency_id' AND e.old_value IS NOT NULL
        UNION
        SELECT l.action_id, ag.successor_id FROM leads l JOIN agencies ag ON ag.id = l.agency_id
        WHERE ag.successor_id IS NOT NULL
    )
"""


def _by_lead(report: str) -> str:
    """Is the report ``report`` (an alias) the lead's, for the action ``c`` of ``chosen``?"""
    return f"({report}.agency_id = c.lead_agency_id OR EXISTS (SELECT 1 FROM leads l WHERE l.action_id = c.id AND l.agency_id = {report}.agency_id))"


# A report that decides its period: no other current report of the action for the same period
# outranks it (the lead's first, then the later submission, then the later entry). ``cut``
# names the parameter holding the last day whose reports count (NULL: every report).
def _decides(cut: str) -> str:
    return f"""
    r.action_id = c.id AND r.is_current = 1 AND (:{cut} IS NULL OR r.period_end <= :{cut})
    AND NOT EXISTS (
        SELECT 1 FROM reports o
        WHERE o.action_id = c.id AND o.is_current = 1 AND o.period_end = r.period_end AND o.id <> r.id
          AND o.period = r.period
          AND ({_by_lead("o")}, o.submitted_on, o.id) > ({_by_lead("r")}, r.submitted_on, r.id)
    )
"""


def _deciding_id(cut: str) -> str:
    return f"""(
    SELECT r.id FROM reports r WHERE {_decides(cut)}
    ORDER BY r.period_end DESC, r.submitted_on DESC, r.id DESC LIMIT 1
)"""


def _value_sum(cut: str, report: str) -> str:
    """The sum of the deciding reports' values, for indicators measured per period; only an
    action that has (or had) a target can have reported values."""
    return f"""CASE WHEN {report}.id IS NOT NULL AND (a.target IS NOT NULL OR EXISTS (
        SELECT 1 FROM action_events t WHERE t.action_id = c.id AND t.field = 'target'))
    THEN (SELECT sum(r.value) FROM reports r WHERE {_decides(cut)}) END"""


_DECIDING_ID = _deciding_id("as_of")
_REPORT_COLUMNS = f"""
    lr.id AS report_id, lr.agency_id AS report_agency_id,
    CASE WHEN lr.id IS NOT NULL THEN {_by_lead("lr")} END AS report_by_lead,
    lr.period AS report_period, lr.progress AS report_progress, lr.status AS report_status,
    lr.value AS report_value, {_value_sum("as_of", "lr")} AS report_value_sum, lr.difficulty AS report_difficulty
"""
_ACTION_SQL = (
    _CHOSEN
    + f"""
    SELECT a.id, a.title, a.sector_id, s.slug AS sector_slug, s.name AS sector,
           s.agreement_id, g.slug AS agreement_slug, g.title AS agreement, g.start_year AS agreement_start_year,
           a.lead_agency_id, l.name AS lead, a.start_on, a.due_on, a.status AS recorded_status,
           a.unit, a.baseline, a.target, a.measure, a.plan_ref, a.note, a.carried_from_id,
           a.carried_value, a.carried_progress,
           {{partners}} AS partners,
           ad.review_id AS added_review_id, rv.held_on AS added_held_on, ad.recorded_on AS added_recorded_on,
           {_REPORT_COLUMNS}
    FROM chosen c
    JOIN actions a ON a.id = c.id
    JOIN sectors s ON s.id = a.sector_id
    JOIN agreements g ON g.id = s.agreement_id
    JOIN agencies l ON l.id = a.lead_agency_id
    LEFT JOIN action_events ad ON ad.action_id = a.id AND ad.kind = 'added' AND ad.review_id IS NOT NULL
    LEFT JOIN reviews rv ON rv.id = ad.review_id
    LEFT JOIN reports lr ON lr.id = {_DECIDING_ID}
    ORDER BY s.agreement_id, s.position, a.id
"""
)
_PARTNERS = """(SELECT group_concat(name, '; ') FROM (
                SELECT ag.name FROM action_partners ap JOIN agencies ag ON ag.id = ap.agency_id
                WHERE ap.action_id = a.id ORDER BY ag.id))"""
# Only the deciding report of each chosen action, as of another day (``deciding_reports``).
_DECIDING_SQL = (
    _CHOSEN
    + f"""
    SELECT c.id AS action_id, {_REPORT_COLUMNS}
    FROM chosen c
    JOIN actions a ON a.id = c.id
    LEFT JOIN reports lr ON lr.id = {_DECIDING_ID}
"""
)


def _action_filter(
    where: Where,
    agreement_id: int | None,
    sector_id: int | None,
    agency_ids: list[int] | None = None,
    action_ids: list[int] | None = None,
    agreement_ids: list[int] | None = None,
) -> None:
    where.equal("s.agreement_id", "agreement_id", agreement_id)
    where.within("s.agreement_id", "agreements", agreement_ids)
    where.equal("a.sector_id", "sector_id", sector_id)
    if agency_ids:
        marks = where.marks("agency", agency_ids)
        where.add(
            f"(a.lead_agency_id IN ({marks}) OR a.id IN (SELECT action_id FROM action_partners WHERE agency_id IN ({marks})))"
        )
    where.within("a.id", "action", action_ids)


def list_actions(
    db: Database,
    *,
    agreement_id: int | None = None,
    agreement_ids: list[int] | None = None,
    sector_id: int | None = None,
    agency_ids: list[int] | None = None,
    action_ids: list[int] | None = None,
    as_of: str | None = None,
    partners: bool = True,
) -> list[Row]:
    """Actions with their sector, lead, partners (``partners=False``: left out, ``None``), the
    review that added them (if one did) and their deciding report among the current ones up to
    ``as_of`` (see the query above), in programme order."""
    where = Where(as_of=as_of)
    _action_filter(where, agreement_id, sector_id, agency_ids, action_ids, agreement_ids)
    sql = _ACTION_SQL.format(where=where.sql(), partners=_PARTNERS if partners else "NULL")
    return _rows(db, sql, where.params)


#: what ``action_figures`` reads of an action, and of its deciding report on each day asked for
FIGURE_COLUMNS = (
    "id",
    "agreement_id",
    "sector_id",
    "sector_slug",
    "sector_position",
    "agreement_start_year",
    "lead_agency_id",
    "start_on",
    "due_on",
    "recorded_status",
    "baseline",
    "target",
    "measure",
    "carried_value",
    "carried_progress",
    "added_review_id",
    "added_held_on",
    "added_recorded_on",
    "reported",
)
FIGURE_REPORT_COLUMNS = ("report_id", "report_period", "report_progress", "report_status", "report_value", "report_value_sum")
#: what ``action_figures(derived=...)`` gives instead: an action's figures, derived
DERIVED_COLUMNS = (
    "id",
    "agreement_id",
    "sector_slug",
    "sector_position",
    "exists_from",
    "status",
    "overdue",
    "expected",
    "reported",
    "progress_kind",
    "progress_amount",
    "target",
    "baseline",
)
#: ``timeline.exists_from``: the start, else the day of the review that added it, else the agreement's first day
_EXISTS_FROM = """CASE WHEN coalesce(a.start_on, '') <> '' THEN a.start_on
            WHEN ad.review_id IS NOT NULL THEN coalesce(nullif(rv.held_on, ''), ad.recorded_on)
            ELSE printf('%04d-01-01', g.start_year) END"""


def _status(report: str) -> str:
    """``progress.effective_status``: decided on the action, else its deciding report's, else recorded."""
    return f"CASE WHEN a.status IN ('cancelled', 'paused') THEN a.status ELSE coalesce({report}.status, a.status) END"


def action_figures(
    db: Database,
    cuts: list[str | None],
    *,
    agreement_id: int | None = None,
    agreement_ids: list[int] | None = None,
    sector_id: int | None = None,
    agency_ids: list[int] | None = None,
    action_ids: list[int] | None = None,
    reported: tuple[str, str] | None = None,
    derived: tuple[str, str] | None = None,
    decided: tuple[tuple[str, ...], bool] | None = None,
) -> Any:
    """A cursor over the actions with only what their figures need, in programme order: the
    values of ``FIGURE_COLUMNS``, then the ``FIGURE_REPORT_COLUMNS`` of their deciding report up
    to each day of ``cuts`` (None: every report) in turn, ``list_actions``' columns of the same
    names: one pass over the actions for every day at once. With ``reported`` = (start, end),
    ``reported`` says whether the action has a current report for a period within it.
    ``report_value_sum`` is given only where the figures use it: for an indicator measured per
    period (now, or before a change of measure).

    ``decided`` = (fields, True) keeps the actions with an event changing one of ``fields`` or
    carrying them over (``action_changes``), (fields, False) the others. For those others,
    ``derived`` = (reference day, period end), with two ``cuts`` (the period's end or now, and
    the day before it), gives ``DERIVED_COLUMNS`` instead: what ``domain.progress`` derives for
    an action as it stands (``exists_from``; its status on the first day; overdue on the
    reference day; whether a report is expected, the agreement's end aside; what its progress
    is computed from: 0 done, 1 an indicator's achieved amount, 2 a percentage)."""
    where = Where(**{f"cut{index}": cut for index, cut in enumerate(cuts)})
    _action_filter(where, agreement_id, sector_id, agency_ids, action_ids, agreement_ids)
    if decided is not None:
        fields, changed = decided
        where.add(
            f"""{"" if changed else "NOT "}EXISTS (SELECT 1 FROM action_events e WHERE e.action_id = a.id
                AND (e.field IN ({where.marks("decided", fields)}) OR e.kind = 'carried-to'))"""
        )
    assert derived is None or (decided is not None and not decided[1]), "derived figures are those of unchanged actions"
    columns = [
        "a.id AS id",
        "s.agreement_id AS agreement_id",
        "a.sector_id AS sector_id",
        "s.slug AS sector_slug",
        "s.position AS sector_position",
        "g.start_year AS agreement_start_year",
        "a.lead_agency_id AS lead_agency_id",
        "a.start_on AS start_on",
        "a.due_on AS due_on",
        "a.status AS recorded_status",
        "a.baseline AS baseline",
        "a.target AS target",
        "a.measure AS measure",
        "a.carried_value AS carried_value",
        "a.carried_progress AS carried_progress",
        "ad.review_id AS added_review_id",
        "rv.held_on AS added_held_on",
        "ad.recorded_on AS added_recorded_on",
    ]
    if reported is not None:
        where.params.update(window_start=reported[0], window_end=reported[1])
        columns.append("""EXISTS (
            SELECT 1 FROM reports w WHERE w.action_id = c.id AND w.is_current = 1
              AND w.period_end BETWEEN :window_start AND :window_end AND w.period_start >= :window_start) AS reported""")
    else:
        columns.append("NULL AS reported")
    joins = []
    measured = "a.measure = 'per-period'"
    if derived is None:  # an action no decision changed is measured as it is now
        measured += " OR EXISTS (SELECT 1 FROM action_events t WHERE t.action_id = c.id AND t.field = 'measure')"
    for index in range(len(cuts)):
        alias = f"r{index}"
        if derived is not None and index == 1:
            # The day before only decides whether a report is expected: its status, read from the
            # index (no report row), and not at all for an action decided cancelled or paused.
            columns.append(f"""CASE WHEN a.status IN ('cancelled', 'paused') THEN a.status ELSE coalesce((
                SELECT r.status FROM reports r WHERE {_decides("cut1")}
                ORDER BY r.period_end DESC, r.submitted_on DESC, r.id DESC LIMIT 1), a.status) END AS status_before""")
            continue
        columns += [f"{alias}.{name} AS {alias}_{name}" for name in ("id", "period", "progress", "status", "value")]
        columns.append(
            f"""CASE WHEN {alias}.id IS NOT NULL AND ({measured})
            THEN (SELECT sum(r.value) FROM reports r WHERE {_decides(f"cut{index}")}) END AS {alias}_value_sum"""
        )
        joins.append(f"LEFT JOIN reports {alias} ON {alias}.id = {_deciding_id(f'cut{index}')}")
    if derived is not None:
        assert len(cuts) == 2
        where.params.update(reference=derived[0], period_end=derived[1])
        columns += [f"{_EXISTS_FROM} AS exists_from", f"{_status('r0')} AS status_now"]
    sql = (
        _CHOSEN.format(where=where.sql())
        + f"""
    SELECT {", ".join(columns)}
    FROM chosen c
    JOIN actions a ON a.id = c.id
    JOIN sectors s ON s.id = a.sector_id
    JOIN agreements g ON g.id = s.agreement_id
    LEFT JOIN action_events ad ON ad.action_id = a.id AND ad.kind = 'added' AND ad.review_id IS NOT NULL
    LEFT JOIN reviews rv ON rv.id = ad.review_id
    {" ".join(joins)}
    ORDER BY s.agreement_id, s.position, a.id
    """
    )
    if derived is not None:
        # The rules of domain.progress (is_overdue, owes_report, effective_progress) for an
        # action as it stands: tests/test_scale.py holds these figures to the ones the domain
        # derives itself, action by action.
        sql = f"""
        SELECT x.id, x.agreement_id, x.sector_slug, x.sector_position, x.exists_from, x.status_now,
               coalesce(x.due_on, '') <> '' AND x.due_on < :reference AND x.status_now NOT IN ('done', 'cancelled') AS overdue,
               x.exists_from <= :period_end AND x.status_before NOT IN ('done', 'cancelled', 'paused') AS expected,
               x.reported,
               CASE WHEN x.status_now = 'done' THEN 0
                    WHEN x.r0_id IS NOT NULL THEN CASE WHEN x.target IS NOT NULL AND x.r0_value IS NOT NULL THEN 1 ELSE 2 END
                    WHEN x.target IS NOT NULL AND x.carried_value IS NOT NULL THEN 1
                    ELSE 2 END AS progress_kind,
               CASE WHEN x.r0_id IS NOT NULL THEN
                        CASE WHEN x.target IS NOT NULL AND x.r0_value IS NOT NULL THEN
                                  CASE WHEN x.measure = 'per-period' THEN coalesce(x.carried_value, 0.0) + coalesce(x.r0_value_sum, 0.0)
                                       ELSE x.r0_value END
                             ELSE x.r0_progress END
                    WHEN x.target IS NOT NULL AND x.carried_value IS NOT NULL THEN x.carried_value
                    ELSE x.carried_progress END AS progress_amount,
               x.target, x.baseline
        FROM ({sql}) x
        ORDER BY x.agreement_id, x.sector_position, x.id
        """
    return db.execute(sql, where.params)


def deciding_reports(
    db: Database,
    *,
    agreement_id: int | None = None,
    agreement_ids: list[int] | None = None,
    sector_id: int | None = None,
    agency_ids: list[int] | None = None,
    action_ids: list[int] | None = None,
    as_of: str | None = None,
) -> dict[int, Row]:
    """``{action id: its report_* columns}`` as ``list_actions`` gives them, as of ``as_of``:
    the same actions seen on another day without reading them again."""
    where = Where(as_of=as_of)
    _action_filter(where, agreement_id, sector_id, agency_ids, action_ids, agreement_ids)
    return {row.pop("action_id"): row for row in _rows(db, _DECIDING_SQL.format(where=where.sql()), where.params)}


def action_changes(
    db: Database,
    fields: tuple[str, ...],
    *,
    agreement_id: int | None = None,
    agreement_ids: list[int] | None = None,
    sector_id: int | None = None,
    agency_ids: list[int] | None = None,
    action_ids: list[int] | None = None,
) -> list[Row]:
    """Events that changed one of ``fields`` or carried an action over, with the date of the
    review that decided them (if any) and the day they were recorded, oldest first."""
    where = Where()
    _action_filter(where, agreement_id, sector_id, agency_ids, action_ids, agreement_ids)
    where.add(f"(e.field IN ({where.marks('field', fields)}) OR e.kind = 'carried-to')")
    return _rows(
        db,
        """
        SELECT e.id, e.action_id, e.kind, e.field, e.old_value, e.new_value, e.review_id,
               rv.held_on AS review_held_on, coalesce(e.recorded_on, substr(e.at, 1, 10)) AS recorded_on
        FROM action_events e
        JOIN actions a ON a.id = e.action_id
        JOIN sectors s ON s.id = a.sector_id
        LEFT JOIN reviews rv ON rv.id = e.review_id
        """
        + where.sql()
        + " ORDER BY e.id",
        where.params,
    )


def action_partners(db: Database, action_id: int) -> list[Row]:
    return _rows(
        db,
        """
        SELECT ag.id, ag.slug, ag.name FROM action_partners ap JOIN agencies ag ON ag.id = ap.agency_id
        WHERE ap.action_id = ? ORDER BY ag.id
        """,
        [action_id],
    )


def partner_ids(db: Database, action_ids: list[int]) -> list[tuple[int, int]]:
    """``(action id, partner agency id)`` of the actions, in agency order."""
    marks = ", ".join("?" for _ in action_ids) or "NULL"
    return db.execute(
        f"SELECT action_id, agency_id FROM action_partners WHERE action_id IN ({marks}) ORDER BY action_id, agency_id",
        list(action_ids),
    ).fetchall()


def set_action_partners(db: Database, action_id: int, agency_ids: list[int]) -> None:
    db.execute("DELETE FROM action_partners WHERE action_id = ?", [action_id])
    if agency_ids:
        db.table("action_partners").insert_all({"action_id": action_id, "agency_id": agency} for agency in agency_ids)


def add_event(db: Database, row: Row) -> int:
    return last_id(db.table("action_events").insert(row))


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

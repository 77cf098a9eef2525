"""The full-text search index: which texts it holds, the triggers that keep it in sync, queries.

``search_rows`` holds one row per searchable text (an action's title, note or plan reference; a
current report's result, difficulty or proposal; a review's conclusion; a commendation's reason)
with the text as written and a *folded* shadow copy. SQLite's FTS5 table ``search_rows_fts``
indexes the shadow copy with ``unicode61 remove_diacritics 2``, which folds case and every
Vietnamese tone and vowel mark but not đ/Đ (it has no decomposition): the shadow copy maps those
by hand, with the same map as ``domain.text.fold``, which folds the query. Triggers on the source
tables write ``search_rows``; sqlite-utils' triggers on ``search_rows`` write the FTS index.
Superseded report versions leave the index: only current ones are searchable.

``transform()`` drops a table's triggers: ``ensure`` (run after every upgrade) puts back any that
are missing and rebuilds the index from the source tables.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from hoptac_cli.domain.text import BY_HAND  # a constant of a leaf module: the one folding map

if TYPE_CHECKING:
    from sqlite_utils import Database

Row = dict[str, Any]

TOKENIZE = "unicode61 remove_diacritics 2"

#: source table → (kind, searchable columns, condition for a row to be indexed, columns it reads)
SOURCES: dict[str, tuple[str, tuple[str, ...], str, tuple[str, ...]]] = {
    "actions": ("action", ("title", "note", "plan_ref"), "1", ()),
    "reports": ("report", ("result", "difficulty", "proposal"), "{row}.is_current = 1", ("is_current",)),
    "reviews": ("review", ("conclusion",), "1", ()),
    "commendations": ("commendation", ("reason",), "1", ()),
}
#: the sqlite-utils triggers that copy ``search_rows`` into the FTS index
FTS_TRIGGERS = ("search_rows_ai", "search_rows_ad", "search_rows_au")


def folded_sql(expression: str) -> str:
    """SQL folding the letters Unicode cannot decompose; FTS5 folds the rest."""
    for letter, plain in BY_HAND.items():
        expression = f"replace({expression}, '{letter}', '{plain}')"
    return expression


def _inserts(table: str, row: str) -> list[str]:
    """INSERT statements writing the texts of source rows: ``new`` in a trigger, else every row."""
    kind, columns, condition, _ = SOURCES[table]
    source = "" if row == "new" else f" FROM {table} {row}"
    return [
        f"INSERT INTO search_rows (kind, source_id, field, text, folded) "
        f"SELECT '{kind}', {row}.id, '{column}', {row}.{column}, {folded_sql(f'{row}.{column}')}{source} "
        f"WHERE trim(coalesce({row}.{column}, '')) != '' AND {condition.format(row=row)}"
        for column in columns
    ]


def trigger_sql(table: str) -> dict[str, str]:
    """The three triggers of one source table, by name."""
    kind, columns, _, condition_columns = SOURCES[table]
    delete = f"DELETE FROM search_rows WHERE kind = '{kind}' AND source_id = old.id;"
    inserts = "; ".join(_inserts(table, "new"))
    watched = ", ".join(("id", *columns, *condition_columns))
    return {
        f"search_{table}_ai": f"CREATE TRIGGER search_{table}_ai AFTER INSERT ON {table} BEGIN {inserts}; END",
        f"search_{table}_au": (
            f"CREATE TRIGGER search_{table}_au AFTER UPDATE OF {watched} ON {table} BEGIN {delete} {inserts}; END"
        ),
        f"search_{table}_ad": f"CREATE TRIGGER search_{table}_ad AFTER DELETE ON {table} BEGIN {delete} END",
    }


def install(db: Database) -> None:
    """Create the index, its triggers and fill it (the ``0006_search`` migration)."""
    db.execute(
        """
        CREATE TABLE search_rows (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            source_id INTEGER NOT NULL,
            field TEXT NOT NULL,
            text TEXT NOT NULL,
            folded TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX search_rows_source ON search_rows(kind, source_id)")
    db.table("search_rows").enable_fts(["folded"], fts_version="FTS5", tokenize=TOKENIZE, create_triggers=True)
    _create_source_triggers(db)
    rebuild(db)


def _create_source_triggers(db: Database) -> list[str]:
    existing = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall()}
    created = []
    for table in SOURCES:
        for name, sql in trigger_sql(table).items():
            if name not in existing:
                db.execute(sql)
                created.append(name)
    return created


def rebuild(db: Database) -> None:
    """Refill ``search_rows`` from the source tables and rebuild the FTS index from it."""
    db.execute("DELETE FROM search_rows")
    for table in SOURCES:
        for statement in _inserts(table, "s"):
            db.execute(statement)
    db.execute("INSERT INTO search_rows_fts(search_rows_fts) VALUES ('rebuild')")


def ensure(db: Database) -> list[str]:
    """Put back any trigger that a table rebuild dropped, then rebuild the index; return their names."""
    if not db.table("search_rows").exists():
        return []
    with db.atomic():
        names = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall()}
        missing_fts = [name for name in FTS_TRIGGERS if name not in names]
        if missing_fts:
            for name in FTS_TRIGGERS:
                db.execute(f"DROP TRIGGER IF EXISTS {name}")
            db.table("search_rows").enable_fts(
                ["folded"], fts_version="FTS5", tokenize=TOKENIZE, create_triggers=True, replace=True
            )
        created = _create_source_triggers(db)
        if created or missing_fts:
            rebuild(db)
    return missing_fts + created


# querying ------------------------------------------------------------------------------------

#: every indexed text with what it belongs to: agreement, sector, action, period and dates
HITS_SQL = """
    SELECT h.id, h.kind, h.field, h.source_id, h.text,
           coalesce(sa.agreement_id, sr.agreement_id, v.agreement_id, cv.agreement_id) AS agreement_id,
           coalesce(a.sector_id, ra.sector_id) AS sector_id,
           coalesce(a.id, ra.id) AS action_id,
           coalesce(a.title, ra.title) AS action,
           r.period AS period,
           coalesce(v.year, cv.year) AS review_year,
           coalesce(v.id, cv.id) AS review_id,
           coalesce(v.kind, cv.kind) AS review_kind,
           c.recipient AS recipient,
           coalesce(a.start_on, r.period_start, v.held_on, c.decided_on, cv.held_on) AS date_from,
           coalesce(a.due_on, r.period_end, v.held_on, c.decided_on, cv.held_on) AS date_to
    FROM search_rows h
    LEFT JOIN actions a ON h.kind = 'action' AND a.id = h.source_id
    LEFT JOIN sectors sa ON sa.id = a.sector_id
    LEFT JOIN reports r ON h.kind = 'report' AND r.id = h.source_id
    LEFT JOIN actions ra ON ra.id = r.action_id
    LEFT JOIN sectors sr ON sr.id = ra.sector_id
    LEFT JOIN reviews v ON h.kind = 'review' AND v.id = h.source_id
    LEFT JOIN commendations c ON h.kind = 'commendation' AND c.id = h.source_id
    LEFT JOIN reviews cv ON cv.id = c.review_id
"""


def ranked_sql(where: str = "") -> str:
    """Hits matching the FTS5 query ``:match``, best first: those holding ``:phrase`` (the words
    in a row) before the others, then by FTS5's bm25 ``rank``; at most ``:limit``."""
    return f"""
        SELECT hit.*, search_rows_fts.rank AS rank,
               search_rows_fts.rowid IN (SELECT rowid FROM search_rows_fts WHERE search_rows_fts MATCH :phrase) AS phrase
        FROM search_rows_fts JOIN ({HITS_SQL}) hit ON hit.id = search_rows_fts.rowid
        WHERE search_rows_fts MATCH :match {where}
        ORDER BY phrase DESC, rank, hit.id
        LIMIT :limit
    """


def search(
    db: Database,
    match: str,
    phrase: str,
    *,
    agreement_id: int | None = None,
    sector_id: int | None = None,
    period: tuple[str, str, str] | None = None,
    limit: int = 50,
) -> list[Row]:
    """Indexed texts matching the FTS5 query ``match``, those matching ``phrase`` first, then by
    relevance (see ``ranked_sql``).

    ``period`` is (code, first day, last day): a report of that period or one lying within it
    (a year finds its halves), a review or commendation dated within it (by the review's year
    when undated), an action under way during it.
    """
    from hoptac_cli.storage.where import Where

    where = Where(match=match, phrase=phrase, limit=limit)
    where.equal("hit.agreement_id", "agreement_id", agreement_id)
    where.equal("hit.sector_id", "sector_id", sector_id)
    if period is not None:
        code, first, last = period
        where.add(
            """(CASE hit.kind
                  WHEN 'report' THEN hit.period = :period OR (length(:period) = 4 AND substr(hit.period, 1, 4) = :period)
                  WHEN 'action' THEN coalesce(hit.date_from, '') <= :last AND coalesce(hit.date_to, '9999') >= :first
                  ELSE CASE WHEN hit.date_from IS NOT NULL THEN hit.date_from BETWEEN :first AND :last
                            ELSE hit.review_year BETWEEN substr(:first, 1, 4) + 0 AND substr(:last, 1, 4) + 0 END
                END)""",
            period=code,
            first=first,
            last=last,
        )
    conditions = " AND ".join(where.clauses)
    return list(db.query(ranked_sql(f"AND {conditions}" if conditions else ""), where.params))

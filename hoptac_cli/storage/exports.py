"""Streaming queries for exports: rows come off the cursor one at a time, never as a list."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database

Row = dict[str, Any]


class Records:
    """Rows straight off a cursor, consumed once: iterating gives dicts; ``tuples`` gives the
    rows as they come, in the order of ``keys``, for a writer that needs no dict per row (the
    CSV of two million reports). ``count`` says how many have been read."""

    def __init__(self, keys: list[str], cursor: Iterator[tuple]):
        self.keys, self._cursor, self.count = keys, cursor, 0

    def tuples(self) -> Iterator[tuple]:
        for values in self._cursor:
            self.count += 1
            yield values

    def __iter__(self) -> Iterator[Row]:
        keys = self.keys
        for values in self.tuples():
            yield dict(zip(keys, values))


def iter_reports(
    db: Database, *, agreement_ids: list[int], sector_id: int | None = None, start: str | None = None, end: str | None = None
) -> Records:
    """Current reports of the agreements (optionally one sector, optionally periods lying within
    [start, end]) with their action, sector and agency, in programme order."""
    where = [f"s.agreement_id IN ({', '.join('?' for _ in agreement_ids)})", "r.is_current = 1"]
    params: list[Any] = list(agreement_ids)
    if sector_id is not None:
        where.append("a.sector_id = ?")
        params.append(sector_id)
    if start is not None and end is not None:
        where.append("r.period_start >= ? AND r.period_end <= ?")
        params += [start, end]
    cursor = db.execute(
        f"""
        SELECT r.id, g.slug AS agreement, s.position AS sector_position, s.name AS sector, s.slug AS sector_slug,
               r.action_id, a.title AS action, ag.name AS agency, r.period, r.period_start, r.period_end,
               r.revision, r.progress, r.value, a.unit, a.target, r.status, r.result, r.difficulty, r.proposal,
               r.submitted_on, r.source
        FROM reports r
        JOIN actions a ON a.id = r.action_id
        JOIN sectors s ON s.id = a.sector_id
        JOIN agreements g ON g.id = s.agreement_id
        JOIN agencies ag ON ag.id = r.agency_id
        WHERE {" AND ".join(where)}
        ORDER BY s.agreement_id, s.position, r.action_id, r.period_end, r.agency_id, r.id
        """,
        params,
    )
    return Records([column[0] for column in cursor.description], cursor)

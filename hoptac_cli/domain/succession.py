"""Successors after mergers (the 2025 reorganisation): who answers *now* for an old party or agency.

Historical rows are never rewritten; a merged party or agency points to its successor with an
effective date, and questions about the present follow that chain.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from hoptac_cli.storage import register as store

if TYPE_CHECKING:
    from sqlite_utils import Database


class Successions:
    """The successor chains of one table (``parties`` or ``agencies``), read once per command."""

    def __init__(self, db: Database, table: str):
        self._links = store.successors(db, table)

    def current(self, row_id: int, as_of: dt.date) -> int:
        """The id that stands for ``row_id`` on ``as_of``: itself, or its latest effective successor."""
        seen = {row_id}
        while row_id in self._links:
            successor, since = self._links[row_id]
            if since and since > as_of.isoformat():
                break
            if successor in seen:  # a cycle would be a data error; stop rather than loop
                break
            seen.add(successor)
            row_id = successor
        return row_id

    def predecessors(self, row_id: int) -> list[int]:
        """Every id whose chain leads to ``row_id`` (not including itself)."""
        found: list[int] = []
        frontier = [row_id]
        while frontier:
            target = frontier.pop()
            for old, (successor, _since) in self._links.items():
                if successor == target and old not in found and old != row_id:
                    found.append(old)
                    frontier.append(old)
        return found

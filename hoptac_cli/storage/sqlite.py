"""hoptac's sqlite-utils ``Database``: every write transaction begins IMMEDIATE.

sqlite-utils' ``atomic()`` starts a deferred ``BEGIN``: a transaction that reads first and
writes later can then fail at once with "database is locked" while another process writes,
whatever the busy timeout. ``BEGIN IMMEDIATE`` takes the write lock up front (waiting up to
the busy timeout for it), so that the checks a write depends on and the write itself see the
same database. Imported only where a connection is made (sqlite-utils is slow to import).
"""

from __future__ import annotations

import contextlib
from collections.abc import Generator

from sqlite_utils import Database


class HoptacDatabase(Database):
    """A ``Database`` whose outermost ``atomic()`` block is ``BEGIN IMMEDIATE``; nested ones are
    savepoints, as in sqlite-utils."""

    @contextlib.contextmanager
    def atomic(self) -> Generator[Database, None, None]:
        if self.conn.in_transaction:
            with super().atomic():
                yield self
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            self.rollback()
            raise
        try:
            self.conn.execute("COMMIT")
        except BaseException:
            self.rollback()
            raise

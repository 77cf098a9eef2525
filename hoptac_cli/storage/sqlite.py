"""hoptac's database connection: reads in plain ``sqlite3``, everything else through sqlite-utils.

Importing sqlite-utils costs ~50 ms (it pulls in click, dateutil, pluggy), more than a read
command's own work on the sample. ``HoptacDatabase`` therefore answers what reads use —
``execute``, ``query``, ``conn``, ``close`` — with the ``sqlite3`` connection itself, behaving as
sqlite-utils' ``Database`` does, and hands every other attribute (``atomic``, ``db["table"]``,
migrations …) to a sqlite-utils ``Database`` made on the same connection the first time one is
needed (``full``).

In that ``Database`` every write transaction begins IMMEDIATE. sqlite-utils' ``atomic()`` starts
a deferred ``BEGIN``: a transaction that reads first and writes later can then fail at once with
"database is locked" while another process writes, whatever the busy timeout. ``BEGIN
IMMEDIATE`` takes the write lock up front (waiting up to the busy timeout for it), so that the
checks a write depends on and the write itself see the same database.
"""

from __future__ import annotations

import contextlib
import functools
import sqlite3
from collections.abc import Generator, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database

#: statements that begin or end a transaction: ``execute`` does not commit after them
_TRANSACTION_CONTROL = {"BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE"}


class HoptacDatabase:
    """A connection as sqlite-utils' ``Database`` offers it (with foreign keys and WAL set by
    ``storage.db.connect``); sqlite-utils is imported only for what plain reads do not use."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._full: Database | None = None
        self.upgraded: dict[str, Any] | None = None
        conn.execute("PRAGMA recursive_triggers = on")  # as sqlite-utils sets it

    @property
    def full(self) -> Database:
        """The sqlite-utils ``Database`` on this connection (its outermost ``atomic()`` IMMEDIATE)."""
        if self._full is None:
            self._full = _immediate_database()(self.conn, recursive_triggers=False, execute_plugins=False)
        return self._full

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name in ("conn", "_full"):
            raise AttributeError(name)
        return getattr(self.full, name)

    def __getitem__(self, table: str) -> Any:
        return self.full[table]

    def __enter__(self) -> HoptacDatabase:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    def execute(self, sql: str, parameters: Any = None) -> sqlite3.Cursor:
        """As ``Database.execute``: a write outside a transaction is committed at once."""
        was_in_transaction = self.conn.in_transaction
        try:
            cursor = self.conn.execute(sql, parameters) if parameters is not None else self.conn.execute(sql)
        except Exception:
            if not was_in_transaction and self.conn.in_transaction:
                self.conn.execute("ROLLBACK")  # the implicit transaction the failed statement opened
            raise
        if (
            not was_in_transaction
            and self.conn.in_transaction
            and cursor.description is None
            and first_keyword(sql) not in _TRANSACTION_CONTROL
        ):
            self.conn.execute("COMMIT")
        return cursor

    def query(self, sql: str, params: Any = None) -> Iterator[dict[str, Any]]:
        """As ``Database.query``: rows as dictionaries. A ``SELECT`` or ``WITH`` statement runs here,
        inside a savepoint as sqlite-utils runs it (a statement that returns no rows is undone and
        refused); any other statement goes to sqlite-utils."""
        if first_keyword(sql) not in ("SELECT", "WITH"):
            return self.full.query(sql, params)
        args: tuple[Any, ...] = (params,) if params is not None else ()
        self.conn.execute('SAVEPOINT "hoptac_query"')
        released = False
        try:
            cursor = self.conn.execute(sql, *args)
            if cursor.description is None:
                raise ValueError("query() can only be used with SQL that returns rows - use execute() for other statements")
            keys = unique_keys([column[0] for column in cursor.description])
            try:
                self.conn.execute('RELEASE "hoptac_query"')
                released = True
            except sqlite3.OperationalError:
                # a writing statement still running (… RETURNING): finish it, then release
                rows = cursor.fetchall()
                self.conn.execute('RELEASE "hoptac_query"')
                released = True
                return (dict(zip(keys, row)) for row in rows)
            return (dict(zip(keys, row)) for row in cursor)
        finally:
            if not released and self.conn.in_transaction:
                self.conn.execute('ROLLBACK TO "hoptac_query"')
                self.conn.execute('RELEASE "hoptac_query"')


def first_keyword(sql: str) -> str:
    """The first keyword of a statement, upper-cased, after white space, ``;``, comments and a
    byte-order mark ("" when there is none)."""
    index, length = 0, len(sql)
    while index < length:
        if sql[index].isspace() or sql[index] in ";\ufeff":
            index += 1
        elif sql.startswith("--", index):
            end = sql.find("\n", index)
            index = length if end < 0 else end + 1
        elif sql.startswith("/*", index):
            end = sql.find("*/", index + 2)
            index = length if end < 0 else end + 2
        else:
            break
    end = index
    while end < length and (sql[end].isalpha() or sql[end] == "_"):
        end += 1
    return sql[index:end].upper()


def unique_keys(keys: list[str]) -> list[str]:
    """Column names made unique as sqlite-utils makes them: a repeated one gets ``_2``, ``_3`` …"""
    if len(set(keys)) == len(keys):
        return keys
    taken, seen, result = set(keys), set(), []
    for key in keys:
        if key in seen:
            suffix, new = 2, key
            while new in seen or new in taken:
                new = f"{key}_{suffix}"
                suffix += 1
            key = new
        seen.add(key)
        result.append(key)
    return result


@functools.cache
def _immediate_database() -> type[Database]:
    """sqlite-utils' ``Database`` whose outermost ``atomic()`` block is ``BEGIN IMMEDIATE``;
    nested ones are savepoints, as in sqlite-utils."""
    from sqlite_utils import Database

    class ImmediateDatabase(Database):
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

    return ImmediateDatabase

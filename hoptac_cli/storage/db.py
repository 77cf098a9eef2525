"""Locating, examining, opening, upgrading, copying and restoring the database file.

Only hoptac databases are written. Before anything is written a file is examined: it must be an
SQLite file stamped with hoptac's ``application_id`` (or, made before the stamp existed, holding
hoptac's migrations), and not made by a newer hoptac. A directory, a text or image file, another
application's SQLite file or an empty file is refused; a 0-byte file becomes a database only
through ``init``. Connections use WAL, enforce foreign keys, wait up to ``BUSY_TIMEOUT`` seconds
for a lock, and begin every write transaction IMMEDIATE (``storage.sqlite``). Opening an
up-to-date file reads its migrations with plain ``sqlite3``: sqlite-utils is imported only when
some are pending (or for a write).
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from hoptac_cli.errors import HoptacError
from hoptac_cli.i18n import t

if TYPE_CHECKING:
    from sqlite_utils import Database

#: ``PRAGMA application_id`` of every hoptac database: "hopt" in ASCII
APPLICATION_ID = 0x686F7074
#: seconds a command waits for another one's write lock before giving up
BUSY_TIMEOUT = 30.0
_MAGIC = b"SQLite format 3\x00"
#: SQLite's primary result codes for a damaged file and for a file that is not a database
_DAMAGED_CODES = (11, 26)


def resolve_path(explicit: str | None) -> Path:
    """``--db``, else HOPTAC_DB, else ``hoptac.db`` in the per-user data directory."""
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get("HOPTAC_DB")
    if from_env:
        return Path(from_env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("hoptac", appauthor=False)) / "hoptac.db"


#: the database the CLI works on (``--db``), as a function: no file is ever written over it
_PROTECTED: list[Callable[[], Path]] = []


def protect(database: Callable[[], Path]) -> None:
    """No file hoptac writes (``render.files``) may be the database ``database()`` names, nor a
    file SQLite keeps beside it; the path is worked out only when a file is about to be written."""
    _PROTECTED[:] = [database]


def protected() -> list[Path]:
    return [path for database in _PROTECTED for path in companions(database())]


def companions(path: Path) -> list[Path]:
    """The database file and the files SQLite keeps beside it."""
    return [path, *(path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal"))]


def is_damage(error: BaseException) -> bool:
    """Is ``error`` SQLite saying the file is damaged (or not a database at all)?"""
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in _DAMAGED_CODES
    text = str(error).lower()
    return "malformed" in text or "not a database" in text


def damaged(path: Path, reason: object) -> HoptacError:
    return HoptacError(t("err.db_damaged", path=str(path), reason=reason))


# examining a file ----------------------------------------------------------------------------


class FileState:
    """What a file is, found without writing to it. (A plain class: every command opening the
    database imports this module, and a dataclass costs ~0.5 ms of start-up.)"""

    def __init__(
        self,
        kind: str,
        *,
        reason: str = "",
        application_id: int = 0,
        version: int = 0,
        user_version: int = 0,
        migrations: list[str] | None = None,
        conn: sqlite3.Connection | None = None,
    ) -> None:
        self.kind = kind  # missing | folder | empty | unreadable | not-sqlite | damaged | blank | foreign | hoptac
        self.reason = reason
        self.application_id = application_id
        self.version = version  # the schema version: user_version, or the migrations applied if more
        self.user_version = user_version
        self.migrations: list[str] = migrations if migrations is not None else []
        self.conn = conn

    def __repr__(self) -> str:
        return f"FileState(kind={self.kind!r}, reason={self.reason!r}, version={self.version})"

    @property
    def unknown(self) -> list[str]:
        """Migrations applied to the file that this hoptac does not know."""
        from hoptac_cli.storage.migrations import known

        names = set(known())
        return [name for name in self.migrations if name not in names]

    @property
    def newer(self) -> bool:
        from hoptac_cli.storage.migrations import known

        return bool(self.unknown) or self.version > len(known())

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def _raw(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(str(path), timeout=BUSY_TIMEOUT)


def examine(path: Path) -> FileState:
    """Classify ``path``; for an SQLite file the state keeps the open connection (``conn``)."""
    if not path.exists():
        return FileState("missing")
    if path.is_dir():
        return FileState("folder")
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(_MAGIC))
    except OSError as error:
        return FileState("unreadable", reason=error.strerror or str(error))
    if not head:
        return FileState("empty")
    if head != _MAGIC:
        return FileState("not-sqlite")
    conn = _raw(path)
    try:
        application_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        objects = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        names: list[str] = []
        if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sqlite_migrations'").fetchone():
            names = [
                row[0]
                for row in conn.execute("SELECT name FROM _sqlite_migrations WHERE migration_set = 'hoptac' ORDER BY rowid")
            ]
    except sqlite3.DatabaseError as error:
        conn.close()
        if is_damage(error):
            return FileState("damaged", reason=str(error))
        raise
    if application_id == APPLICATION_ID or (application_id == 0 and names):
        kind = "hoptac"
    elif application_id == 0 and objects == 0 and version == 0:
        kind = "blank"
    else:
        kind = "foreign"
    state = FileState(
        kind, application_id=application_id, version=max(version, len(names)), user_version=version, migrations=names, conn=conn
    )
    if kind != "hoptac":
        state.close()
    return state


def refusal(path: Path, state: FileState, *, init: bool = False) -> HoptacError | None:
    """Why a command may not open ``path`` (``init`` may also make a database of an empty file)."""
    where = str(path)
    if state.kind == "missing":
        return None if init else HoptacError(t("err.db_missing", path=where))
    if state.kind in ("empty", "blank"):
        return None if init else HoptacError(t("err.db_empty", path=where))
    if state.kind == "damaged":
        return damaged(path, state.reason)
    if state.kind == "hoptac":
        return None
    key = {"folder": "err.db_folder", "unreadable": "err.db_unreadable", "not-sqlite": "err.db_not_sqlite"}.get(
        state.kind, "err.db_foreign"
    )
    return HoptacError(t(key, path=where, reason=state.reason))


def newer_refusal(path: Path, state: FileState) -> HoptacError:
    from hoptac_cli.storage.migrations import known

    return HoptacError(
        t("err.db_newer", path=str(path), version=state.version, known=len(known()), unknown=", ".join(state.unknown) or "—")
    )


# connections ---------------------------------------------------------------------------------


def connect(path: Path, conn: sqlite3.Connection | None = None) -> Database:
    """A connection in WAL mode with foreign keys enforced and a busy timeout; no checks, no
    migration. It reads without sqlite-utils, which it imports only for writes (``storage.sqlite``)."""
    from hoptac_cli.storage.sqlite import HoptacDatabase

    db = HoptacDatabase(conn or _raw(path))
    db.execute("PRAGMA foreign_keys = ON")
    mode = db.execute("PRAGMA journal_mode").fetchone()[0]
    if str(mode).lower() != "wal":
        try:
            db.execute("PRAGMA journal_mode = WAL")
        except sqlite3.OperationalError:
            pass  # a read-only file or folder: it stays in its journal mode
    # It answers every method of sqlite-utils' Database that hoptac calls (the rest it hands on).
    return cast("Database", db)


def open_db(path: Path, *, write: bool = False, backup_before_upgrade: bool = True) -> Database:
    """Open an existing hoptac database and bring its schema up to date; never create a file.

    A file made by a newer hoptac is refused for writing and opened as it is for reading.
    Upgrading an existing file first keeps a copy of it (``automatic_backup``)."""
    state = examine(path)
    problem = refusal(path, state)
    if problem is not None:
        raise problem
    if state.newer and write:
        state.close()
        raise newer_refusal(path, state)
    db = connect(path, state.conn)
    db.upgraded = None  # type: ignore[attr-defined]
    if state.newer:
        return db
    try:
        _upgrade(db, path, state, backup=backup_before_upgrade)
    except BaseException:
        db.close()
        raise
    return db


def create_db(path: Path) -> Database:
    """``init``: create the database at ``path`` (its folder too), or make one of an empty file,
    or upgrade an existing hoptac database; refuse anything else."""
    state = examine(path)
    problem = refusal(path, state, init=True)
    if problem is not None:
        raise problem
    if state.newer:
        state.close()
        raise newer_refusal(path, state)
    if state.kind == "missing":
        path.parent.mkdir(parents=True, exist_ok=True)
    db = connect(path, state.conn)
    db.upgraded = None  # type: ignore[attr-defined]
    try:
        _upgrade(db, path, state, backup=True)
    except BaseException:
        db.close()
        raise
    return db


def _upgrade(db: Database, path: Path, state: FileState, *, backup: bool) -> None:
    from hoptac_cli.storage.migrations import applied, known, migrations, upgrade

    names = known()
    if state.migrations == names and state.application_id == APPLICATION_ID and state.user_version == len(names):
        return  # up to date and stamped: nothing to ask the file again
    if migrations.pending(db):
        copy = automatic_backup(db, path, "before-upgrade") if backup and state.migrations else None
        names = upgrade(db)
        if names and state.migrations:
            db.upgraded = {"from": len(state.migrations), "to": len(applied(db)), "backup": str(copy) if copy else None}  # type: ignore[attr-defined]
    stamp(db)


def stamp(db: Database) -> None:
    """Mark the file as hoptac's and record its schema version (once; cheap to call again)."""
    from hoptac_cli.storage.migrations import applied, known

    names = set(known())
    version = sum(1 for name in applied(db) if name in names)
    current = (db.execute("PRAGMA application_id").fetchone()[0], db.execute("PRAGMA user_version").fetchone()[0])
    if current != (APPLICATION_ID, version):
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute(f"PRAGMA user_version = {int(version)}")


# copies --------------------------------------------------------------------------------------


def copy_into(db: Database, target: Path) -> None:
    """Write a consistent copy of ``db`` into ``target`` (a new or empty file) with SQLite's
    online backup API, as one self-contained file (rollback journal, not WAL)."""
    dest = sqlite3.connect(str(target))
    try:
        db.conn.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")
    finally:
        dest.close()


def backups_folder(path: Path) -> Path:
    """Where automatic copies of ``path`` are kept: ``hoptac.db.backups`` beside it."""
    return path.with_name(path.name + ".backups")


def automatic_backup(db: Database, path: Path, reason: str) -> Path:
    """Copy ``db`` (the file at ``path``) into its backups folder before a risky change."""
    from hoptac_cli.render.files import new_file

    folder = backups_folder(path)
    folder.mkdir(parents=True, exist_ok=True)
    moment = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    with new_file(folder, f"{path.stem}-{moment}-{reason}", ".db") as made:
        copy_into(db, made.temporary)
    return made.path  # type: ignore[return-value]


def verify_copy(path: Path, shown: Path | None = None) -> FileState:
    """Check a file offered to ``db restore``: a healthy hoptac database, not newer than this
    hoptac. Returns its state (connection closed); raises ``HoptacError`` otherwise, naming the
    file as ``shown`` (the user's file, when ``path`` is a private copy of it)."""
    name = str(shown or path)
    state = examine(path)
    if state.kind == "damaged":
        raise HoptacError(t("err.restore_damaged", path=name, reason=state.reason))
    if state.kind != "hoptac":
        raise HoptacError(t("err.restore_not_hoptac", path=name))
    try:
        if state.newer:
            raise HoptacError(t("err.restore_newer", path=name, version=state.version, unknown=", ".join(state.unknown) or "—"))
        problems = [row[0] for row in state.conn.execute("PRAGMA integrity_check")]  # type: ignore[union-attr]
        if problems != ["ok"]:
            raise HoptacError(t("err.restore_damaged", path=name, reason=problems[0]))
    except sqlite3.DatabaseError as error:
        raise HoptacError(t("err.restore_damaged", path=name, reason=error)) from None
    finally:
        state.close()
    return state


def replace_contents(db: Database, source: Path) -> None:
    """Overwrite the open database ``db`` with the database in ``source`` (online backup API:
    other processes see the new contents at their next transaction)."""
    origin = sqlite3.connect(str(source))
    try:
        origin.backup(db.conn)
    finally:
        origin.close()


def restore(path: Path, source: Path) -> Path | None:
    """Replace the database at ``path`` with the hoptac database in ``source`` (checked first:
    sound, hoptac's, not newer), keeping a copy of the current file in its backups folder; return
    that copy (``None`` when there was no database yet). ``source`` itself is only read."""
    import shutil

    from hoptac_cli.render import files

    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise HoptacError(t("err.output_folder", value=str(path)))
    with files.scratch_copy(source, folder) as copy:
        verify_copy(copy, shown=source)
        state = examine(path)
        if state.kind == "missing":
            files.move_into_place(copy, path)
            return None
        if state.kind == "damaged":
            # The current file cannot be read: keep its bytes as they are, then swap the files.
            backups = backups_folder(path)
            backups.mkdir(parents=True, exist_ok=True)
            moment = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            with files.new_file(backups, f"{path.stem}-{moment}-before-restore-damaged", ".db") as made:
                shutil.copyfile(path, made.temporary)
            for companion in companions(path)[1:]:
                companion.unlink(missing_ok=True)
            files.move_into_place(copy, path)
            return made.path
        problem = refusal(path, state)
        if problem is not None:
            raise problem
        if state.newer:
            state.close()
            raise newer_refusal(path, state)
        db = connect(path, state.conn)
        try:
            kept = automatic_backup(db, path, "before-restore")
            try:
                replace_contents(db, copy)
            except sqlite3.Error as error:
                raise HoptacError(t("err.restore_failed", path=str(source), reason=error)) from None
        finally:
            db.close()
        return kept


def second_reader(db: Database) -> Database | None:
    """Another connection to ``db``'s file, for reading only, usable from another thread (a
    worker reads the next batch of a long listing ahead while this one is worked on: SQLite
    runs a statement without holding Python's lock); None for a database in memory."""
    row = db.execute("PRAGMA database_list").fetchone()
    if not row or not row[2]:
        return None
    from hoptac_cli.storage.sqlite import HoptacDatabase

    conn = sqlite3.connect(row[2], timeout=BUSY_TIMEOUT, check_same_thread=False)
    conn.execute("PRAGMA query_only = ON")
    return cast("Database", HoptacDatabase(conn))

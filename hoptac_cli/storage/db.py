"""Locating, opening and upgrading the database file."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from hoptac_cli.errors import HoptacError
from hoptac_cli.i18n import t

if TYPE_CHECKING:
    from sqlite_utils import Database


def resolve_path(explicit: str | None) -> Path:
    """``--db``, else HOPTAC_DB, else ``hoptac.db`` in the per-user data directory."""
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get("HOPTAC_DB")
    if from_env:
        return Path(from_env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("hoptac", appauthor=False)) / "hoptac.db"


def connect(path: Path) -> Database:
    """A connection with foreign keys enforced; no migration."""
    from sqlite_utils import Database

    db = Database(path, execute_plugins=False)
    db.execute("PRAGMA foreign_keys = ON")
    return db


def open_db(path: Path) -> Database:
    """Open an existing database and bring its schema up to date; never create a file."""
    if not path.exists():
        raise HoptacError(t("err.db_missing", path=str(path)))
    try:
        db = connect(path)
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except Exception as error:  # sqlite3.DatabaseError: not a database, locked, ...
        raise HoptacError(t("err.db_unreadable", path=str(path), reason=str(error))) from None
    from hoptac_cli.storage.migrations import upgrade

    upgrade(db)
    return db


def create_db(path: Path) -> Database:
    """Create (or upgrade) the database file at ``path``, making its folder if needed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    db = connect(path)
    from hoptac_cli.storage.migrations import upgrade

    upgrade(db)
    return db

"""Queries and writes for document settings (who issues documents), per database or agreement."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database

Row = dict[str, Any]


def read(db: Database, agreement_id: int | None) -> dict[str, str]:
    """The settings of one scope: the whole database (``None``) or one agreement's overrides."""
    if agreement_id is None:
        rows = db.execute("SELECT key, value FROM document_settings WHERE agreement_id IS NULL").fetchall()
    else:
        rows = db.execute("SELECT key, value FROM document_settings WHERE agreement_id = ?", [agreement_id]).fetchall()
    return {key: value for key, value in rows}


def put(db: Database, agreement_id: int | None, key: str, value: str) -> None:
    """Set one key in one scope (the caller holds the transaction)."""
    remove(db, agreement_id, key)
    db.execute("INSERT INTO document_settings (agreement_id, key, value) VALUES (?, ?, ?)", [agreement_id, key, value])


def remove(db: Database, agreement_id: int | None, key: str) -> None:
    db.execute("DELETE FROM document_settings WHERE ifnull(agreement_id, 0) = ifnull(?, 0) AND key = ?", [agreement_id, key])

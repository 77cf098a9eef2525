"""Mergers of parties and agencies (the 2025 reorganisation).

A merger only records, on each old row, its successor and the date from which the successor
answers for it; nothing historical is rewritten. Questions about the present follow the chain
(``domain.succession.Successions``); historical listings keep the names they had.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from hoptac_cli.domain import register
from hoptac_cli.domain.dates import parse_date, show_date
from hoptac_cli.domain.succession import Successions
from hoptac_cli.errors import HoptacError
from hoptac_cli.i18n import t
from hoptac_cli.storage import register as store

if TYPE_CHECKING:
    from sqlite_utils import Database

Row = dict[str, Any]

#: what a merger is of → (its table, how a reference to one resolves)
KINDS = {"party": ("parties", register.party), "agency": ("agencies", register.agency)}


def merge(db: Database, kind: str, olds: list[str], *, into: str, on: str) -> Row:
    """Record ``into`` as the successor of every ``olds`` from the date ``on``; return the
    successor (``into``), the date (``since``) and the rows newly merged (``merged``: an
    identical merger recorded before is left as it is)."""
    table, resolve = KINDS[kind]
    target = resolve(db, into)
    since = parse_date(on, option="--on").isoformat()
    links = store.successors(db, table)
    names = {row["id"]: row["name"] for row in store.candidates(db, table)}
    rows = [resolve(db, ref) for ref in olds]
    for row in rows:
        if row["id"] == target["id"]:
            raise HoptacError(t("err.merge_self", kind=t(f"kind.{kind}"), value=row["name"]))
        if _reaches(links, target["id"], row["id"]):
            raise HoptacError(t("err.merge_cycle", value=row["name"], into=target["name"]))
    if kind == "agency":
        _same_party(db, rows, target, dt.date.fromisoformat(since))
    if target["id"] in links and (links[target["id"]][1] or "") <= since:
        later, later_since = links[target["id"]]
        raise HoptacError(
            t(
                "err.merge_into_merged",
                kind=t(f"kind.{kind}"),
                value=target["name"],
                successor=names[later],
                date=show_date(later_since),
            )
        )
    merged: list[Row] = []
    for row in rows:
        if row["id"] in links:
            successor, when = links[row["id"]]
            if successor != target["id"]:
                raise HoptacError(
                    t(
                        "err.merge_already",
                        value=row["name"],
                        successor=names[successor],
                        date=show_date(when),
                        into=target["name"],
                    )
                )
            if when != since:
                raise HoptacError(t("err.merge_other_date", value=row["name"], successor=target["name"], date=show_date(when)))
        elif all(row["id"] != done["id"] for done in merged):
            merged.append(row)
    with db.atomic():
        for row in merged:
            store.update(db, table, row["id"], {"successor_id": target["id"], "succeeded_on": since})
    return {"into": target, "since": since, "merged": merged}


def _same_party(db: Database, rows: list[Row], target: Row, since: dt.date) -> None:
    """An agency merges into an agency of its own party, or of the party that has absorbed its
    party by the merger's date (Sở Tài chính tỉnh Hậu Giang into Sở Tài chính thành phố Cần Thơ)."""
    into_party = store.get(db, "agencies", target["id"])["party_id"]
    parties = Successions(db, "parties")
    for row in rows:
        party_id = store.get(db, "agencies", row["id"])["party_id"]
        if party_id != into_party and parties.current(party_id, since) != into_party:
            raise HoptacError(
                t(
                    "err.merge_other_party",
                    value=row["name"],
                    party=store.get(db, "parties", party_id)["name"],
                    into=target["name"],
                    into_party=store.get(db, "parties", into_party)["name"],
                )
            )


def _reaches(links: dict[int, tuple[int, str | None]], start: int, goal: int) -> bool:
    """Does the successor chain from ``start`` (followed to its end) pass through ``goal``?"""
    seen = {start}
    while start in links:
        start = links[start][0]
        if start == goal:
            return True
        if start in seen:
            return False
        seen.add(start)
    return False


def with_predecessors(db: Database, table: str, row_id: int) -> list[int]:
    """``row_id`` and every id merged into it, directly or through others."""
    return [row_id, *Successions(db, table).predecessors(row_id)]


def current(db: Database, table: str, row_id: int, as_of: dt.date) -> Row:
    """The row that answers for ``row_id`` on ``as_of``, with ``formerly`` naming ``row_id``
    when that is another row (else ``None``)."""
    now_id = Successions(db, table).current(row_id, as_of)
    row = store.get(db, table, now_id)
    formerly = store.get(db, table, row_id)["name"] if now_id != row_id else None
    return {**row, "formerly": formerly}

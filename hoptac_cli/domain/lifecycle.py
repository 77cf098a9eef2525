"""The life of an agreement: it ends (usually at a tổng kết review), a successor follows it, and
unfinished actions are carried over into the successor.

Statuses: ``active`` until ended; ``ended`` once closed; ``superseded`` once closed and followed
by a successor agreement (whichever of the two is recorded last).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from hoptac_cli.domain import mergers, register, reviews
from hoptac_cli.domain.dates import parse_date, parse_optional_date, show_date, today
from hoptac_cli.domain.progress import derive
from hoptac_cli.domain.statuses import CLOSED
from hoptac_cli.domain.succession import Successions
from hoptac_cli.domain.text import fold
from hoptac_cli.errors import HoptacError
from hoptac_cli.i18n import t
from hoptac_cli.storage import register as store
from hoptac_cli.storage import reviews as review_store

if TYPE_CHECKING:
    from sqlite_utils import Database

Row = dict[str, Any]

# compiled when first used (re caches it), not at import
_YEAR = r"\b(?:19|20)\d{2}\b"


# ending --------------------------------------------------------------------------------------


def end(db: Database, agreement_ref: str | None, *, on: str, review_id: int | None = None) -> Row:
    """Close the agreement on ``on``; ``review_id`` is the tổng kết review that closed it."""
    row = store.get(db, "agreements", register.agreement(db, agreement_ref)["id"])
    if row["status"] != "active":
        raise HoptacError(
            t(
                "err.agreement_closed",
                value=row["slug"],
                status=t(f"agreement_status.{row['status']}"),
                date=show_date(row["ended_on"]),
            )
        )
    ended_on = parse_date(on, option="--on").isoformat()
    now = today()
    if ended_on > now.isoformat():
        raise HoptacError(t("err.end_in_future", value=show_date(ended_on), today=show_date(now)))
    earliest = row["signed_on"] or f"{row['start_year']}-01-01"
    if ended_on < earliest:
        raise HoptacError(t("err.end_before_start", value=show_date(ended_on), start=show_date(earliest), agreement=row["slug"]))
    if review_id is not None:
        closing = reviews.review(db, review_id)
        if closing["agreement_id"] != row["id"]:
            raise HoptacError(
                t("err.end_review_other", review=reviews.label(closing), agreement=closing["agreement"], value=row["slug"])
            )
        if closing["kind"] != "tong-ket":
            raise HoptacError(t("err.end_review_kind", review=reviews.label(closing)))
    status = "superseded" if review_store.successor_agreements(db, row["id"]) else "ended"
    with db.atomic():
        store.update(db, "agreements", row["id"], {"ended_on": ended_on, "status": status, "end_review_id": review_id})
    return {**row, "ended_on": ended_on, "status": status}


# the chain of programmes ---------------------------------------------------------------------


def chain(db: Database, agreement_id: int) -> list[Row]:
    """The agreements linked to this one by ``predecessor`` both ways, earliest first."""
    found = [store.get(db, "agreements", agreement_id)]
    seen = {agreement_id}
    while found[0]["predecessor_id"] and found[0]["predecessor_id"] not in seen:
        seen.add(found[0]["predecessor_id"])
        found.insert(0, store.get(db, "agreements", found[0]["predecessor_id"]))
    while True:
        following = [row for row in review_store.successor_agreements(db, found[-1]["id"]) if row["id"] not in seen]
        if not following:
            break
        seen.add(following[0]["id"])
        found.append(store.get(db, "agreements", following[0]["id"]))
    return [
        {
            "id": row["id"],
            "slug": row["slug"],
            "title": row["title"],
            "period": register.year_span(row["start_year"], row["end_year"]),
            "status": row["status"],
        }
        for row in found
    ]


def chain_text(links: list[Row], earliest_note: str | None) -> str:
    """``2006 → … → 2021–2025 → 2026–2030``: earlier programmes known only from the first
    agreement's predecessor note appear as its earliest year and an ellipsis."""
    parts = [row["period"] for row in links]
    if earliest_note:
        years = [year for year in re.findall(_YEAR, earliest_note) if year < parts[0][:4]]
        parts = [*(years[:1]), "…", *parts]
    return " → ".join(parts)


def detail(db: Database, agreement_ref: str | None) -> Row:
    """``agreement show``: the agreement, its parties (with who stands for them now), sectors,
    the chain of programmes and the review that closed it."""
    found = register.agreement_detail(db, agreement_ref)
    now = today()
    for party in found["parties"]:
        current = mergers.current(db, "parties", party["id"], now)
        party["now"] = current["name"] if current["formerly"] else None
    links = chain(db, found["id"])
    earliest = store.get(db, "agreements", links[0]["id"])
    following = review_store.successor_agreements(db, found["id"])
    closing = reviews.review(db, found["end_review_id"]) if found["end_review_id"] else None
    return {
        **found,
        "chain": links,
        "chain_text": chain_text(links, earliest["predecessor_note"]) if len(links) > 1 or earliest["predecessor_note"] else None,
        "successor": following[0]["title"] if following else None,
        "end_review_label": reviews.label(closing) if closing else None,  # words for the table; JSON has end_review_id
    }


# carrying actions over -----------------------------------------------------------------------


def carry(
    db: Database,
    source_ref: str,
    *,
    to: str,
    action_ids: list[int] | None = None,
    unfinished: bool = False,
    due: str | None = None,
) -> Row:
    """Copy unfinished actions of ``source_ref`` into ``to``; return the target's slug and the
    (original, copy) pairs ``made`` and ``skipped`` (carried before). Copies keep the title, indicator and
    plan, go to the sector with the same slug, are led by today's successors of the original
    agencies, keep what the original achieved (its value and progress), and link back to the
    original (whose reports stay with it)."""
    source = register.agreement(db, source_ref)
    target = store.get(db, "agreements", register.agreement(db, to)["id"])
    if target["id"] == source["id"]:
        raise HoptacError(t("err.carry_same", value=target["slug"]))
    if target["status"] != "active":
        raise HoptacError(t("err.carry_target_closed", value=target["slug"], status=t(f"agreement_status.{target['status']}")))
    if bool(action_ids) == unfinished:
        raise HoptacError(t("err.carry_what"))
    due_on = parse_optional_date(due, option="--due")
    now = today()
    originals = {row["id"]: derive(row, now) for row in store.list_actions(db, agreement_id=source["id"])}
    carried = {
        row["carried_from_id"]: row["id"] for row in store.list_actions(db, agreement_id=target["id"]) if row["carried_from_id"]
    }
    if unfinished:
        wanted = [row for row in originals.values() if row["status"] not in CLOSED]
    else:
        wanted = [
            _carriable(db, originals, carried, action_id, source["slug"], target["slug"])
            for action_id in dict.fromkeys(action_ids or [])
        ]
    skipped = [(row["id"], carried[row["id"]]) for row in wanted if row["id"] in carried]
    wanted = [row for row in wanted if row["id"] not in carried]
    if not wanted:
        raise HoptacError(t("err.carry_nothing", value=source["slug"], target=target["slug"]))
    sectors = {row["slug"]: row for row in store.list_sectors(db, target["id"])}
    for row in wanted:
        if row["sector_slug"] not in sectors:
            raise HoptacError(
                t("err.carry_no_sector", id=row["id"], sector=row["sector_slug"], name=row["sector"], target=target["slug"])
            )
        if due_on and row["start_on"] and due_on < row["start_on"]:
            raise HoptacError(t("err.due_before_start", due=show_date(due_on), start=show_date(row["start_on"])))
        for existing in store.list_actions(db, sector_id=sectors[row["sector_slug"]]["id"]):
            if fold(existing["title"]) == fold(row["title"]):
                raise HoptacError(t("err.action_duplicate", value=row["title"], id=existing["id"]))
    agencies = Successions(db, "agencies")
    made: list[tuple[int, int]] = []
    with db.atomic():
        for row in wanted:
            lead = agencies.current(row["lead_agency_id"], now)
            partners = [agencies.current(partner["id"], now) for partner in store.action_partners(db, row["id"])]
            copy_id = review_store.copy_action(
                db,
                row["id"],
                {
                    "sector_id": sectors[row["sector_slug"]]["id"],
                    "lead_agency_id": lead,
                    "start_on": row["start_on"],
                    "due_on": due_on,
                    "status": "in-progress" if row["status"] == "behind" else row["status"],
                    # what the original achieved goes with the copy (its reports stay with the original)
                    "carried_value": row["achieved"],
                    "carried_progress": row["progress"],
                },
            )
            store.set_action_partners(db, copy_id, [agency for agency in dict.fromkeys(partners) if agency != lead])
            register.record_event(
                db,
                {
                    "action_id": row["id"],
                    "kind": "carried-to",
                    "field": "agreement",
                    "old_value": source["slug"],
                    "new_value": f"{target['slug']} #{copy_id}",
                },
            )
            register.record_event(
                db,
                {
                    "action_id": copy_id,
                    "kind": "carried-from",
                    "field": "agreement",
                    "old_value": f"{source['slug']} #{row['id']}",
                    "new_value": target["slug"],
                },
            )
            made.append((row["id"], copy_id))
    return {"target": target["slug"], "made": made, "skipped": skipped}


def _carriable(db: Database, originals: dict[int, Row], carried: dict[int, int], action_id: int, source: str, target: str) -> Row:
    if action_id not in originals:
        other = register.action(db, action_id)
        raise HoptacError(t("err.carry_not_in", id=action_id, agreement=other["agreement_slug"], value=source))
    row = originals[action_id]
    if row["status"] in CLOSED:
        raise HoptacError(t("err.carry_finished", id=action_id, status=t(f"status.{row['status']}")))
    if action_id in carried:
        raise HoptacError(t("err.carry_again", id=action_id, target=target, copy=carried[action_id]))
    return row


def links(db: Database, action: Row) -> Row:
    """Where an action was carried from and to, as text for ``action show``."""
    origin = register.action(db, action["carried_from_id"]) if action["carried_from_id"] else None
    return {
        "carried_from": f"#{origin['id']} {origin['title']} ({origin['agreement_slug']})" if origin else None,
        "carried_to": [f"#{row['id']} ({row['agreement']})" for row in review_store.carried_copies(db, action["id"])],
    }

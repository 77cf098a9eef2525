"""Annual reviews (hội nghị sơ kết / tổng kết), the decisions taken through them, commendations.

The parties host the yearly review in turn, in the order they are named in the agreement. A
review's decisions on actions (supplement, adjust, pause, resume, cancel) are ordinary action
changes that carry the review's id, so the action's history and ``review show`` tell the same
story.
"""

from __future__ import annotations

import datetime as dt
import difflib
from typing import TYPE_CHECKING, Any

from hoptac_cli.domain import mergers, register
from hoptac_cli.domain.dates import parse_optional_date, show_date
from hoptac_cli.domain.progress import effective_status
from hoptac_cli.domain.statuses import CLOSED, RESTING
from hoptac_cli.domain.text import fold, nfc, nfc_or_none
from hoptac_cli.errors import HoptacError
from hoptac_cli.i18n import t
from hoptac_cli.i18n.reviews import FORMS
from hoptac_cli.storage import register as store
from hoptac_cli.storage import reviews as review_store

if TYPE_CHECKING:
    from sqlite_utils import Database

Row = dict[str, Any]

KINDS = ("so-ket", "tong-ket")


def parse_kind(value: str) -> str:
    key = fold(value)
    if key not in KINDS:
        raise HoptacError(t("err.choice", value=value, option="--kind", accepted=", ".join(KINDS)))
    return key


def review(db: Database, review_id: int) -> Row:
    row = review_store.get_review(db, review_id)
    if row is None:
        raise HoptacError(t("err.review_unknown", value=review_id))
    return row


def label(row: Row) -> str:
    """``sơ kết 2022 (#3)``: how a review is named in listings and messages."""
    return t("label.review", kind=t(f"review_kind.{row['kind']}"), year=row["year"], id=row["id"])


# hosts ---------------------------------------------------------------------------------------


def _party_position(db: Database, parties: list[Row], party_id: int) -> int | None:
    """Index in ``parties`` of the party ``party_id`` is, or has absorbed by a merger."""
    family = mergers.with_predecessors(db, "parties", party_id)
    for index, party in enumerate(parties):
        if party["id"] in family:
            return index
    return None


def agreement_party(db: Database, agreement_id: int, party_ref: str, *, option: str) -> Row:
    """The party named by ``party_ref``, which must sign the agreement or have succeeded one that does."""
    found = register.party(db, party_ref)
    parties = store.agreement_parties(db, agreement_id)
    if _party_position(db, parties, found["id"]) is None:
        accepted = ", ".join(f"{row['slug']} ({row['name']})" for row in parties)
        raise HoptacError(t("err.not_agreement_party", option=option, value=found["name"], accepted=accepted))
    return found


def propose_host(db: Database, agreement_id: int, year: int, kind: str, as_of: dt.date) -> Row:
    """The party whose turn it is: the one after the host of the latest earlier review, in the
    agreement's order (the first party when there is none), as it stands on ``as_of``."""
    parties = store.agreement_parties(db, agreement_id)
    order = (year, KINDS.index(kind))
    earlier = [
        row
        for row in review_store.list_reviews(db, agreement_id)
        if row["host_party_id"] is not None and (row["year"], KINDS.index(row["kind"])) < order
    ]
    previous = earlier[-1] if earlier else None
    position = _party_position(db, parties, previous["host_party_id"]) if previous else None
    turn = parties[0] if position is None else parties[(position + 1) % len(parties)]
    return {**mergers.current(db, "parties", turn["id"], as_of), "previous": previous}


# reviews -------------------------------------------------------------------------------------


def add_review(
    db: Database,
    *,
    agreement_ref: str | None,
    year: int,
    kind: str = "so-ket",
    host: str | None = None,
    held: str | None = None,
    conclusion: str | None = None,
) -> tuple[int, Row | None]:
    """Record a review; return its id and, when no host was given, the proposed host."""
    scope = register.agreement(db, agreement_ref)
    agreement = store.get(db, "agreements", scope["id"])
    kind = parse_kind(kind)
    first, last = agreement["start_year"], agreement["end_year"]
    allowed = range(first, last + 1) if kind == "so-ket" else range(last, last + 2)
    if year not in allowed:
        raise HoptacError(
            t(
                f"err.review_year_{kind.replace('-', '_')}",
                value=year,
                first=allowed[0],
                last=allowed[-1],
                years=register.year_span(allowed[0], allowed[-1]),
                agreement=agreement["slug"],
            )
        )
    held_on = parse_optional_date(held, option="--held")
    clash = review_store.find_review(db, agreement["id"], year, kind)
    if clash:
        raise HoptacError(
            t("err.review_duplicate", kind=t(f"review_kind.{kind}"), year=year, agreement=agreement["slug"], id=clash["id"])
        )
    proposed = None
    if host is not None:
        host_id = agreement_party(db, agreement["id"], host, option="--host")["id"]
    else:
        as_of = dt.date.fromisoformat(held_on) if held_on else dt.date(year, 12, 31)
        proposed = propose_host(db, agreement["id"], year, kind, as_of)
        host_id = proposed["id"]
    with db.atomic():
        review_id = store.insert(
            db,
            "reviews",
            {
                "agreement_id": agreement["id"],
                "year": year,
                "kind": kind,
                "host_party_id": host_id,
                "held_on": held_on,
                "conclusion": nfc_or_none(conclusion),
            },
        )
    return review_id, proposed


def update_review(
    db: Database, review_id: int, *, host: str | None = None, held: str | None = None, conclusion: str | None = None
) -> list[str]:
    """Correct a review's host, date or conclusion (a proposed host may have been wrong);
    return the names of the fields changed."""
    current = review(db, review_id)
    changes: Row = {}
    if host is not None:
        changes["host_party_id"] = agreement_party(db, current["agreement_id"], host, option="--host")["id"]
    if held is not None:
        changes["held_on"] = parse_optional_date(held, option="--held")
    if conclusion is not None:
        changes["conclusion"] = nfc_or_none(conclusion)
    changes = {field: value for field, value in changes.items() if current[field] != value}
    if not changes:
        raise HoptacError(t("err.review_nothing_to_update", id=review_id))
    with db.atomic():
        store.update(db, "reviews", review_id, changes)
    return list(changes)


def find_reviews(db: Database, agreement_ref: str | None) -> list[Row]:
    agreement_id = register.agreement(db, agreement_ref)["id"] if agreement_ref else None
    return review_store.list_reviews(db, agreement_id)


def detail(db: Database, review_id: int) -> Row:
    """A review with every change it made, its commendations and any agreement it closed."""
    from hoptac_cli.domain.changes import name_agencies

    row = review(db, review_id)
    return {
        **row,
        "changes_made": name_agencies(db, review_store.review_changes(db, review_id)),
        "commendations_made": review_store.list_commendations(db, review_id=review_id),
        "ended": review_store.agreements_ended_by(db, review_id),
    }


# decisions on actions ------------------------------------------------------------------------


def decision_review(db: Database, review_id: int, action: Row) -> Row:
    """The review ``review_id``, which must belong to the action's agreement."""
    row = review(db, review_id)
    if row["agreement_id"] != action["agreement_id"]:
        raise HoptacError(
            t(
                "err.review_other_agreement",
                review=label(row),
                agreement=row["agreement"],
                id=action["id"],
                action_agreement=action["agreement_slug"],
            )
        )
    return row


def supplement(
    db: Database, fields: register.ActionFields, *, sector_ref: str, review_id: int, agreement_ref: str | None = None
) -> int:
    """``action add --review``: an action added by a review's decision, in the review's agreement."""
    row = review(db, review_id)
    if agreement_ref is not None and register.agreement(db, agreement_ref)["id"] != row["agreement_id"]:
        raise HoptacError(t("err.review_agreement_option", review=label(row), agreement=row["agreement"], value=agreement_ref))
    return register.add_action(db, fields, sector_ref=sector_ref, agreement_ref=str(row["agreement_id"]), review_id=review_id)


def adjust(
    db: Database, action_id: int, changes: register.ActionFields, *, review_id: int | None = None, reason: str | None = None
) -> list[Row]:
    """``action update``: with a review the changes are recorded as its adjustments."""
    if review_id is not None:
        decision_review(db, review_id, register.action(db, action_id))
    kind = "adjusted" if review_id is not None else "updated"
    return register.update_action(db, action_id, changes, review_id=review_id, reason=reason, event_kind=kind)


def decide(db: Database, action_id: int, decision: str, *, review_id: int | None = None, reason: str | None = None) -> str:
    """Cancel, pause or resume an action; return its new recorded status."""
    action = register.action(db, action_id)
    if review_id is not None:
        decision_review(db, review_id, action)
    status = effective_status(action)
    if decision == "resume":
        if action["recorded_status"] != "paused":
            raise HoptacError(t("err.not_paused", id=action_id, status=t(f"status.{status}")))
        new = _status_before_pause(db, action_id)
    else:
        new = {"cancel": "cancelled", "pause": "paused"}[decision]
        refused = CLOSED if decision == "cancel" else RESTING
        if status in refused:
            raise HoptacError(t(f"err.cannot_{decision}", id=action_id, status=t(f"status.{status}")))
        if decision == "cancel" and not nfc_or_none(reason):
            raise HoptacError(t("err.reason_needed", id=action_id))
    kind = {"cancel": "cancelled", "pause": "paused", "resume": "resumed"}[decision]
    register.update_action(db, action_id, register.ActionFields(status=new), review_id=review_id, reason=reason, event_kind=kind)
    return new


def _status_before_pause(db: Database, action_id: int) -> str:
    """The recorded status the latest pause replaced (``in-progress`` when not recorded)."""
    for event in reversed(store.action_events(db, action_id)):
        if event["field"] == "status" and event["new_value"] == "paused" and event["old_value"]:
            return event["old_value"]
    return "in-progress"


# commendations -------------------------------------------------------------------------------


def _form_key(text: str) -> str:
    return "-".join(word for word in fold(text).split("-") if word != "cua")


def match_form(value: str) -> str:
    """A usual form when ``value`` names one loosely (case, diacritics, "của", a unique
    beginning, a slip of the keyboard); otherwise ``value`` itself."""
    text = nfc(value)
    if not text:
        raise HoptacError(t("err.form_empty", forms="; ".join(FORMS)))
    key = _form_key(text)
    keys = {_form_key(form): form for form in FORMS}
    if key in keys:
        return keys[key]
    starting = [form for form_key, form in keys.items() if form_key.startswith(key + "-")]
    if len(starting) == 1 and key.count("-") >= 1:
        return starting[0]
    if len(starting) > 1 and text.isascii():
        # Typed without diacritics, "bang khen chu tich" is shorthand for a usual form, but not
        # which one; "Giấy khen" written out is a form in its own right and is kept.
        raise HoptacError(t("err.form_ambiguous", value=text, candidates="; ".join(starting)))
    # A slip of the keyboard: the one usual form clearly closer than any other.
    best, runner_up = sorted((difflib.SequenceMatcher(None, key, form_key).ratio(), form_key) for form_key in keys)[:-3:-1]
    if best[0] >= 0.9 and best[0] - runner_up[0] >= 0.05:
        return keys[best[1]]
    return text


def add_commendation(
    db: Database,
    *,
    review_id: int,
    recipient: str,
    collective: bool,
    individual: bool,
    form: str,
    unit: str | None = None,
    party: str | None = None,
    decision: str | None = None,
    date: str | None = None,
    reason: str | None = None,
) -> tuple[int, str]:
    """Record a commendation decided at a review; return its id and the form as stored."""
    row = review(db, review_id)
    name = nfc(recipient)
    if not name:
        raise HoptacError(t("err.name_empty", kind=t("kind.recipient")))
    if collective == individual:
        raise HoptacError(t("err.recipient_kind", value=name))
    chosen = match_form(form)
    party_id = agreement_party(db, row["agreement_id"], party, option="--party")["id"] if party else None
    decided_on = parse_optional_date(date, option="--date")
    _check_commendation_date(db, row, decided_on, {"--recipient": name if collective else None, "--unit": nfc_or_none(unit)})
    for existing in review_store.list_commendations(db, review_id=review_id):
        if fold(existing["recipient"]) == fold(name) and fold(existing["form"]) == fold(chosen):
            raise HoptacError(t("err.commend_duplicate", value=name, form=chosen, review=label(row), id=existing["id"]))
    with db.atomic():
        commendation_id = store.insert(
            db,
            "commendations",
            {
                "review_id": review_id,
                "recipient": name,
                "recipient_kind": "collective" if collective else "individual",
                "unit": nfc_or_none(unit),
                "party_id": party_id,
                "form": chosen,
                "decision": nfc_or_none(decision),
                "decided_on": decided_on,
                "reason": nfc_or_none(reason),
            },
        )
    return commendation_id, chosen


def _check_commendation_date(db: Database, review_row: Row, decided_on: str | None, named: dict[str, str | None]) -> None:
    """A commendation is decided at or after its review (the review's year when its date is not
    known), and never for an agency (named as the recipient or the recipient's unit) that had
    merged away by the commendation's date (else the review's)."""
    if decided_on:
        held = review_row["held_on"] or f"{review_row['year']:04d}-01-01"
        if decided_on < held:
            raise HoptacError(
                t(
                    "err.commend_before_review",
                    value=show_date(decided_on),
                    review=label(review_row),
                    held=show_date(review_row["held_on"]) if review_row["held_on"] else review_row["year"],
                )
            )
    when = decided_on or review_row["held_on"]
    if not when:
        return
    agencies = {row["search_key"]: row for row in store.candidates(db, "agencies")}
    links = store.successors(db, "agencies")
    for option, text in named.items():
        found = agencies.get(fold(text)) if text else None
        if found is None or found["id"] not in links:
            continue
        successor, merged_on = links[found["id"]]
        if merged_on and merged_on <= when:
            day = dt.date.fromisoformat(when)
            raise HoptacError(
                t(
                    "err.commend_merged",
                    option=option,
                    value=text,
                    successor=store.get(db, "agencies", successor)["name"],
                    merged=show_date(merged_on),
                    date=show_date(when),
                    current=mergers.current(db, "agencies", found["id"], day)["name"],
                )
            )


def find_commendations(
    db: Database, *, agreement_ref: str | None = None, year: int | None = None, party_ref: str | None = None
) -> list[Row]:
    """Commendations, filtered; ``party_ref`` also finds those of parties it has absorbed."""
    agreement_id = register.agreement(db, agreement_ref)["id"] if agreement_ref else None
    party_ids = mergers.with_predecessors(db, "parties", register.party(db, party_ref)["id"]) if party_ref else None
    return review_store.list_commendations(db, agreement_id=agreement_id, year=year, party_ids=party_ids)

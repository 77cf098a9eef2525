"""Correcting what was typed: names, slugs, kinds, dates and signatories; mergers recorded by
mistake; an action added by mistake; a report withdrawn; a commendation changed or removed.

Each correction validates everything first and raises ``HoptacError`` before writing; the
command's history entry keeps the earlier values, and ``hoptac undo`` takes it back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from hoptac_cli.domain import register, reviews
from hoptac_cli.domain.dates import parse_date, parse_optional_date, show_date, today
from hoptac_cli.domain.text import fold, nfc, nfc_or_none
from hoptac_cli.errors import HoptacError
from hoptac_cli.i18n import t
from hoptac_cli.storage import corrections as store
from hoptac_cli.storage import register as register_store
from hoptac_cli.storage import reviews as review_store

if TYPE_CHECKING:
    from sqlite_utils import Database

Row = dict[str, Any]


def _changed(current: Row, changes: Row) -> Row:
    return {key: value for key, value in changes.items() if current.get(key) != value}


def _write(db: Database, table: str, current: Row, changes: Row, nothing: str) -> list[str]:
    """Apply the changes that differ; return the fields changed (``search_key`` follows the name
    silently). Nothing different → ``HoptacError(nothing)``."""
    changes = _changed(current, changes)
    if not changes:
        raise HoptacError(nothing)
    with db.atomic():
        register_store.update(db, table, current["id"], changes)
    return [field for field in changes if field != "search_key"]


def _renamed(changes: Row, name: str | None, *, kind: str, column: str = "name") -> None:
    if name is not None:
        changes[column] = register._name(name, what=kind)
        changes["search_key"] = fold(changes[column])


def _reslug(db: Database, changes: Row, slug: str | None, current: Row, table: str, kind: str, **scope: Any) -> None:
    if slug is None:
        return
    changes["slug"] = register._slug(current.get("name") or current.get("title") or "", slug)
    clash = register_store.slug_taken(db, table, changes["slug"], **scope)
    if clash and clash["id"] != current["id"]:
        raise HoptacError(t("err.duplicate", kind=t(f"kind.{kind}"), value=slug, slug=changes["slug"], existing=clash["name"]))


def _merge_date(changes: Row, merged_on: str | None, current: Row, kind: str) -> None:
    if merged_on is None:
        return
    if current["successor_id"] is None:
        raise HoptacError(t("err.not_merged", kind=t(f"kind.{kind}"), value=current["name"]))
    changes["succeeded_on"] = parse_date(merged_on, option="--merged-on").isoformat()


# parties, agencies, sectors ------------------------------------------------------------------


def update_party(
    db: Database,
    ref: str,
    *,
    name: str | None = None,
    slug: str | None = None,
    kind: str | None = None,
    merged_on: str | None = None,
) -> tuple[Row, list[str]]:
    current = register_store.get(db, "parties", register.party(db, ref)["id"])
    changes: Row = {}
    _renamed(changes, name, kind="party")
    _reslug(db, changes, slug, current, "parties", "party")
    if kind is not None:
        if kind not in register.PARTY_KINDS:
            raise HoptacError(t("err.choice", value=kind, option="--kind", accepted=", ".join(register.PARTY_KINDS)))
        changes["kind"] = kind
    _merge_date(changes, merged_on, current, "party")
    fields = _write(db, "parties", current, changes, t("err.correct_nothing", kind=t("kind.party"), value=current["slug"]))
    return register_store.get(db, "parties", current["id"]), fields


def update_agency(
    db: Database,
    ref: str,
    *,
    name: str | None = None,
    slug: str | None = None,
    party: str | None = None,
    merged_on: str | None = None,
) -> tuple[Row, list[str]]:
    current = register_store.get(db, "agencies", register.agency(db, ref)["id"])
    changes: Row = {}
    _renamed(changes, name, kind="agency")
    _reslug(db, changes, slug, current, "agencies", "agency")
    if party is not None:
        changes["party_id"] = register.party(db, party)["id"]
    _merge_date(changes, merged_on, current, "agency")
    fields = _write(db, "agencies", current, changes, t("err.correct_nothing", kind=t("kind.agency"), value=current["slug"]))
    return register_store.get(db, "agencies", current["id"]), fields


def update_sector(
    db: Database, ref: str, *, agreement_ref: str | None = None, name: str | None = None, slug: str | None = None
) -> tuple[Row, list[str]]:
    current = register_store.get(db, "sectors", register.sector(db, ref, agreement_ref)["id"])
    changes: Row = {}
    _renamed(changes, name, kind="sector")
    _reslug(db, changes, slug, current, "sectors", "sector", scope_column="agreement_id", scope_id=current["agreement_id"])
    fields = _write(db, "sectors", current, changes, t("err.correct_nothing", kind=t("kind.sector"), value=current["slug"]))
    return register_store.get(db, "sectors", current["id"]), fields


# agreements ----------------------------------------------------------------------------------


def update_agreement(
    db: Database,
    ref: str | None,
    *,
    title: str | None = None,
    slug: str | None = None,
    period: str | None = None,
    signed: str | None = None,
    signatories: list[str] | None = None,
    note: str | None = None,
    predecessor_note: str | None = None,
    cadence: str | None = None,
    deadline_day: int | None = None,
) -> tuple[Row, list[str]]:
    """``agreement update``: any of title, slug, years, signing date, signatories, notes,
    reporting cadence and deadline day."""
    from hoptac_cli.domain.periods import parse_cadence

    current = register_store.get(db, "agreements", register.agreement(db, ref)["id"])
    changes: Row = {}
    _renamed(changes, title, kind="agreement", column="title")
    _reslug(db, changes, slug, current, "agreements", "agreement")
    if period is not None:
        first, last = register.parse_year_span(period)
        _check_years(db, current, first, last, period)
        changes["start_year"], changes["end_year"] = first, last
    if signed is not None:
        changes["signed_on"] = parse_optional_date(signed, option="--signed")
    if note is not None:
        changes["note"] = nfc_or_none(note)
    if predecessor_note is not None:
        changes["predecessor_note"] = nfc_or_none(predecessor_note)
    if cadence is not None:
        changes["report_cadence"] = parse_cadence(cadence)
    if deadline_day is not None:
        if not 1 <= deadline_day <= 31:
            raise HoptacError(t("err.deadline_day", value=deadline_day))
        changes["deadline_day"] = deadline_day
    signers = _signatories(db, current, signatories or [])
    changes = _changed(current, changes)
    if not changes and not signers:
        raise HoptacError(t("err.agreement_nothing_to_update", slug=current["slug"]))
    with db.atomic():
        register_store.update(db, "agreements", current["id"], changes)
        for party_id, (name, role) in signers.items():
            store.set_signatory(db, current["id"], party_id, name, role)
    fields = [field for field in changes if field != "search_key"] + (["signatories"] if signers else [])
    return register_store.get(db, "agreements", current["id"]), fields


def _check_years(db: Database, current: Row, first: int, last: int, text: str) -> None:
    outside = store.report_outside(db, current["id"], f"{first:04d}-01-01", f"{last:04d}-12-31")
    if outside:
        raise HoptacError(t("err.agreement_years_reports", value=text, id=outside["id"], period=outside["period"]))
    for review in review_store.list_reviews(db, current["id"]):
        allowed = range(first, last + 1) if review["kind"] == "so-ket" else range(last, last + 2)
        if review["year"] not in allowed:
            raise HoptacError(t("err.agreement_years_review", value=text, review=reviews.label(review)))


def _signatories(db: Database, current: Row, texts: list[str]) -> dict[int, tuple[str | None, str | None]]:
    """``--signatory "P=Full name, title"`` for parties of the agreement whose signatory changes."""
    parties = register_store.agreement_parties(db, current["id"])
    found: dict[int, tuple[str | None, str | None]] = {}
    for text in texts:
        ref, _, person = nfc(text).partition("=")
        if not person.strip():
            raise HoptacError(t("err.signatory", value=text))
        signer = register.party(db, ref)
        if signer["id"] not in {row["id"] for row in parties}:
            accepted = ", ".join(f"{row['slug']} ({row['name']})" for row in parties)
            raise HoptacError(t("err.not_agreement_party", option="--signatory", value=signer["name"], accepted=accepted))
        name, _, role = person.partition(",")
        found[signer["id"]] = (name.strip(), role.strip() or None)
    known = {row["id"]: (row["signatory_name"], row["signatory_title"]) for row in parties}
    return {party_id: value for party_id, value in found.items() if known.get(party_id) != value}


# mergers -------------------------------------------------------------------------------------


def unmerge(db: Database, kind: str, ref: str) -> Row:
    """Forget a merger recorded by mistake: ``ref`` (the one merged away) stands on its own again."""
    from hoptac_cli.domain.mergers import KINDS

    table, resolve = KINDS[kind]
    row = register_store.get(db, table, resolve(db, ref)["id"])
    if row["successor_id"] is None:
        absorbed = store.merged_into(db, table, row["id"])
        if absorbed:
            names = ", ".join(item["name"] for item in absorbed)
            raise HoptacError(t("err.unmerge_successor", kind=t(f"kind.{kind}"), value=row["name"], merged=names))
        raise HoptacError(t("err.not_merged", kind=t(f"kind.{kind}"), value=row["name"]))
    successor = register_store.get(db, table, row["successor_id"])
    with db.atomic():
        register_store.update(db, table, row["id"], {"successor_id": None, "succeeded_on": None})
    return {"name": row["name"], "from": successor["name"], "date": show_date(row["succeeded_on"])}


# actions -------------------------------------------------------------------------------------


def remove_action(db: Database, action_id: int) -> Row:
    """Remove an action added by mistake, with its partners and history; refused once it has
    reports or has been carried into another agreement."""
    action = register.action(db, action_id)
    count = store.report_count(db, action_id)
    if count:
        raise HoptacError(t("err.action_has_reports", id=action_id, count=count))
    copies = review_store.carried_copies(db, action_id)
    if copies:
        raise HoptacError(t("err.action_carried", id=action_id, copies=", ".join(f"#{row['id']}" for row in copies)))
    with db.atomic():
        store.delete_action(db, action_id)
    return action


# reports -------------------------------------------------------------------------------------


def withdraw_report(db: Database, report_id: int, reason: str) -> Row:
    """The report stops counting; every version stays visible, the withdrawn one marked."""
    row = store.report(db, report_id)
    if row is None:
        raise HoptacError(t("err.report_unknown", value=report_id))
    text = nfc_or_none(reason)
    if not text:
        raise HoptacError(t("err.withdraw_reason", id=report_id))
    if row["withdrawn_on"]:
        raise HoptacError(
            t("err.report_withdrawn_already", id=report_id, date=show_date(row["withdrawn_on"]), reason=row["withdrawn_reason"])
        )
    if not row["is_current"]:
        current = store.current_of_chain(db, row)
        if current is None:
            raise HoptacError(t("err.report_not_current", id=report_id, current="—"))
        raise HoptacError(t("err.report_not_current", id=report_id, current=current["id"]))
    on = today().isoformat()
    with db.atomic():
        store.withdraw(db, report_id, on, text)
    return {**row, "withdrawn_on": on, "withdrawn_reason": text}


# commendations -------------------------------------------------------------------------------


def _commendation(db: Database, commendation_id: int) -> Row:
    row = store.commendation(db, commendation_id)
    if row is None:
        raise HoptacError(t("err.commend_unknown", value=commendation_id))
    return row


def update_commendation(
    db: Database,
    commendation_id: int,
    *,
    review_id: int | None = None,
    recipient: str | None = None,
    collective: bool = False,
    individual: bool = False,
    form: str | None = None,
    unit: str | None = None,
    party: str | None = None,
    decision: str | None = None,
    date: str | None = None,
    reason: str | None = None,
) -> list[str]:
    current = _commendation(db, commendation_id)
    review = reviews.review(db, review_id if review_id is not None else current["review_id"])
    changes: Row = {"review_id": review["id"]}
    if recipient is not None:
        changes["recipient"] = nfc(recipient)
        if not changes["recipient"]:
            raise HoptacError(t("err.name_empty", kind=t("kind.recipient")))
    if collective and individual:
        raise HoptacError(t("err.recipient_kind", value=changes.get("recipient", current["recipient"])))
    if collective or individual:
        changes["recipient_kind"] = "collective" if collective else "individual"
    if form is not None:
        changes["form"] = reviews.match_form(form)
    if unit is not None:
        changes["unit"] = nfc_or_none(unit)
    if party is not None:
        changes["party_id"] = (
            reviews.agreement_party(db, review["agreement_id"], party, option="--party")["id"] if party.strip() else None
        )
    elif review["id"] != current["review_id"] and current["party_id"] is not None:
        # The recipient's party must sign the new review's agreement too.
        reviews.agreement_party(db, review["agreement_id"], str(current["party_id"]), option="--party")
    if decision is not None:
        changes["decision"] = nfc_or_none(decision)
    if date is not None:
        changes["decided_on"] = parse_optional_date(date, option="--date")
    if reason is not None:
        changes["reason"] = nfc_or_none(reason)
    after = {**current, **changes}
    for other in review_store.list_commendations(db, review_id=after["review_id"]):
        if (
            other["id"] != commendation_id
            and fold(other["recipient"]) == fold(after["recipient"])
            and fold(other["form"]) == fold(after["form"])
        ):
            raise HoptacError(
                t(
                    "err.commend_duplicate",
                    value=after["recipient"],
                    form=after["form"],
                    review=reviews.label(review),
                    id=other["id"],
                )
            )
    return _write(db, "commendations", current, changes, t("err.commend_nothing", id=commendation_id))


def remove_commendation(db: Database, commendation_id: int) -> Row:
    row = _commendation(db, commendation_id)
    with db.atomic():
        store.delete(db, "commendations", commendation_id)
    return row

"""Services of the core register: validate input, resolve references, write in one transaction.

Every function takes an open database and raw user values (already NFC-normalised by
``text.nfc`` here, not by callers) and either returns what it wrote or raises ``HoptacError``
before anything is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from hoptac_cli.domain import refs
from hoptac_cli.domain.dates import parse_optional_date, show_date, today
from hoptac_cli.domain.numbers import parse_number, show_number
from hoptac_cli.domain.progress import MEASURES
from hoptac_cli.domain.statuses import parse_status
from hoptac_cli.domain.text import fold, nfc, nfc_or_none, one_line, slugify
from hoptac_cli.errors import HoptacError
from hoptac_cli.i18n import t
from hoptac_cli.notes import note
from hoptac_cli.storage import register as store

if TYPE_CHECKING:
    from sqlite_utils import Database

Row = dict[str, Any]

PARTY_KINDS = ("province", "city", "other")
#: compiled when first matched (re caches it), not at import
_PERIOD_SPAN = r"^\s*(\d{4})\s*[-–—/]\s*(\d{4})\s*$"


# listings ------------------------------------------------------------------------------------


def find_parties(db: Database) -> list[Row]:
    """``party list``: every party with its counts and, once merged, its successor."""
    return store.list_parties(db)


def find_agencies(db: Database, party_ref: str | None = None) -> list[Row]:
    """``agency list``: every agency, or those of one party."""
    return store.list_agencies(db, party(db, party_ref)["id"] if party_ref else None)


def find_sectors(db: Database, agreement_ref: str | None = None) -> list[Row]:
    """``sector list``: the sectors of one agreement, or of all."""
    return store.list_sectors(db, agreement(db, agreement_ref)["id"] if agreement_ref else None)


def find_agreements(db: Database) -> list[Row]:
    """``agreement list``: every agreement with its years (``period``)."""
    return [{**row, "period": year_span(row["start_year"], row["end_year"])} for row in store.list_agreements(db)]


# references ----------------------------------------------------------------------------------


def party(db: Database, ref: str) -> Row:
    return refs.resolve(ref, store.candidates(db, "parties"), kind="party")


def agency(db: Database, ref: str) -> Row:
    return refs.resolve(ref, store.candidates(db, "agencies"), kind="agency")


def agreement(db: Database, ref: str | None) -> Row:
    """The named agreement; when ``ref`` is left out, the only active one, or, with none active,
    the only agreement or the most recently ended one (saying so in a note)."""
    if ref is not None:
        return refs.resolve(ref, store.candidates(db, "agreements"), kind="agreement")
    active = store.active_agreements(db)
    if len(active) == 1:
        return refs.resolve(str(active[0]["id"]), store.candidates(db, "agreements"), kind="agreement")
    if not active:
        fallback = store.latest_ended_agreement(db)
        if fallback is None:
            raise HoptacError(t("err.no_agreement"))
        which = "only" if fallback["agreements"] == 1 else "latest"
        note(
            t(
                f"note.agreement_{which}",
                slug=fallback["slug"],
                status=t(f"agreement_status.{fallback['status']}"),
                date=show_date(fallback["ended_on"]) or "…",
            )
        )
        return refs.resolve(str(fallback["id"]), store.candidates(db, "agreements"), kind="agreement")
    listed = "; ".join(f"{row['slug']} ({row['title']})" for row in active)
    raise HoptacError(t("err.agreement_needed", candidates=listed))


def sector(db: Database, ref: str, agreement_ref: str | None = None) -> Row:
    """A sector of the given agreement; with none given, of the agreement ``agreement`` would use
    when there is one, else (several active) of any agreement (ambiguity across them is reported)."""
    active = store.active_agreements(db)
    if agreement_ref is not None or len(active) == 1 or (not active and store.latest_ended_agreement(db)):
        scope = agreement(db, agreement_ref)
        rows = store.candidates(db, "sectors", scope_column="agreement_id", scope_id=scope["id"])
    else:
        rows = store.candidates(db, "sectors")
    return refs.resolve(ref, rows, kind="sector")


def action(db: Database, action_id: int) -> Row:
    rows = store.list_actions(db, action_ids=[action_id])
    if not rows:
        raise HoptacError(t("err.action_unknown", value=action_id))
    return rows[0]


# validation helpers --------------------------------------------------------------------------


def _name(value: str, *, what: str) -> str:
    name = one_line(value)
    if not name:
        raise HoptacError(t("err.name_empty", kind=t(f"kind.{what}")))
    return name


def _slug(name: str, explicit: str | None) -> str:
    if explicit is None:
        slug = slugify(name)
        if not slug:
            raise HoptacError(t("err.slug_from_name", value=name))
        return slug
    slug = nfc(explicit)
    if not slug or fold(slug) != slug:
        raise HoptacError(t("err.slug_invalid", value=explicit, suggestion=fold(slug) or "ten-ngan"))
    return slug


def _unique(db: Database, table: str, slug: str, name: str, kind: str, **scope: Any) -> None:
    """Refuse a slug already taken, and a name already taken (compared folded: case, diacritics
    and spacing aside), even when a different ``--slug`` is given: two rows with one name could
    no longer be told apart by name."""
    clash = store.slug_taken(db, table, slug, **scope) or store.name_taken(db, table, fold(name), **scope)
    if clash:
        raise HoptacError(t("err.duplicate", kind=t(f"kind.{kind}"), value=name, slug=clash["slug"], existing=clash["name"]))


def parse_year_span(value: str) -> tuple[int, int]:
    """An agreement's years as typed (``2021-2025``, ``2021–2025``, ``2021/2025``)."""
    match = re.match(_PERIOD_SPAN, value)
    if not match or int(match[1]) > int(match[2]) or not 1945 <= int(match[1]) <= 2200:
        raise HoptacError(t("err.year_span", value=value))
    return int(match[1]), int(match[2])


def year_span(first: int, last: int) -> str:
    """An agreement's years as every listing, message and JSON record writes them: ``2021–2025``."""
    return f"{first}–{last}"


# parties -------------------------------------------------------------------------------------


def add_party(db: Database, name: str, *, kind: str = "province", slug: str | None = None) -> int:
    name = _name(name, what="party")
    slug = _slug(name, slug)
    if kind not in PARTY_KINDS:
        raise HoptacError(t("err.choice", value=kind, option="--kind", accepted=", ".join(PARTY_KINDS)))
    _unique(db, "parties", slug, name, "party")
    with db.atomic():
        return store.insert(db, "parties", {"slug": slug, "name": name, "search_key": fold(name), "kind": kind})


# agreements ----------------------------------------------------------------------------------


def add_agreement(
    db: Database,
    title: str,
    *,
    parties: list[str],
    period: str,
    signed: str | None = None,
    signatories: list[str] | None = None,
    slug: str | None = None,
    predecessor: str | None = None,
    predecessor_note: str | None = None,
    note: str | None = None,
    cadence: str = "H",
    deadline_day: int = 20,
) -> int:
    title = _name(title, what="agreement")
    slug = _slug(title, slug)
    start_year, end_year = parse_year_span(period)
    signed_on = parse_optional_date(signed, option="--signed")
    party_rows = [party(db, ref) for ref in parties]
    if len({row["id"] for row in party_rows}) != len(party_rows) or len(party_rows) < 2:
        raise HoptacError(t("err.agreement_parties", value=", ".join(row["name"] for row in party_rows)))
    signed_by: dict[int, tuple[str | None, str | None]] = {row["id"]: (None, None) for row in party_rows}
    for text in signatories or []:
        ref, _, person = nfc(text).partition("=")
        if not person.strip():
            raise HoptacError(t("err.signatory", value=text))
        signer = refs.resolve(ref, party_rows, kind="party")
        name, _, role = person.partition(",")
        signed_by[signer["id"]] = (name.strip(), role.strip() or None)
    predecessor_row = store.get(db, "agreements", agreement(db, predecessor)["id"]) if predecessor else None
    predecessor_id = predecessor_row["id"] if predecessor_row else None
    if predecessor_row:
        from hoptac_cli.storage import reviews as review_store  # here: only a successor needs it

        taken = review_store.successor_agreements(db, predecessor_row["id"])
        if taken:
            raise HoptacError(t("err.predecessor_taken", value=predecessor_row["slug"], successor=taken[0]["slug"]))
    if not 1 <= deadline_day <= 31:
        raise HoptacError(t("err.deadline_day", value=deadline_day))
    _unique(db, "agreements", slug, title, "agreement")
    with db.atomic():
        agreement_id = store.insert(
            db,
            "agreements",
            {
                "slug": slug,
                "title": title,
                "search_key": fold(title),
                "start_year": start_year,
                "end_year": end_year,
                "signed_on": signed_on,
                "predecessor_id": predecessor_id,
                "predecessor_note": nfc_or_none(predecessor_note),
                "note": nfc_or_none(note),
                "report_cadence": cadence,
                "deadline_day": deadline_day,
            },
        )
        for position, row in enumerate(party_rows, start=1):
            signatory, signatory_role = signed_by[row["id"]]
            store.add_agreement_party(
                db,
                {
                    "agreement_id": agreement_id,
                    "party_id": row["id"],
                    "position": position,
                    "signatory_name": signatory,
                    "signatory_title": signatory_role,
                },
            )
        if predecessor_row and predecessor_row["status"] == "ended":
            store.update(db, "agreements", predecessor_row["id"], {"status": "superseded"})
    return agreement_id


def agreement_detail(db: Database, ref: str | None) -> Row:
    """Everything ``agreement show`` prints: the agreement, its parties and sectors."""
    found = agreement(db, ref)
    row = store.get(db, "agreements", found["id"])
    predecessor = store.get(db, "agreements", row["predecessor_id"]) if row["predecessor_id"] else None
    return {
        **row,
        "period": year_span(row["start_year"], row["end_year"]),
        "predecessor": predecessor["title"] if predecessor else None,
        "parties": store.agreement_parties(db, row["id"]),
        "sectors": store.list_sectors(db, row["id"]),
    }


# sectors -------------------------------------------------------------------------------------


def add_sector(db: Database, name: str, *, agreement_ref: str | None = None, slug: str | None = None) -> int:
    name = _name(name, what="sector")
    slug = _slug(name, slug)
    scope = agreement(db, agreement_ref)
    _unique(db, "sectors", slug, name, "sector", scope_column="agreement_id", scope_id=scope["id"])
    with db.atomic():
        return store.insert(
            db,
            "sectors",
            {
                "agreement_id": scope["id"],
                "position": store.next_sector_position(db, scope["id"]),
                "slug": slug,
                "name": name,
                "search_key": fold(name),
            },
        )


# agencies ------------------------------------------------------------------------------------


def add_agency(db: Database, name: str, *, party_ref: str, slug: str | None = None) -> int:
    name = _name(name, what="agency")
    slug = _slug(name, slug)
    owner = party(db, party_ref)
    _unique(db, "agencies", slug, name, "agency")
    with db.atomic():
        return store.insert(db, "agencies", {"party_id": owner["id"], "slug": slug, "name": name, "search_key": fold(name)})


# actions -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ActionFields:
    """An action's fields as given (typed options, the sample's entries, a review's decision):
    raw text, not yet validated; None where not given. ``add_action`` needs ``title`` and
    ``lead``; ``update_action`` changes what is given (an empty ``plan`` or ``note`` clears it)."""

    title: str | None = None
    lead: str | None = None
    partners: list[str] | None = None
    start: str | None = None
    due: str | None = None
    unit: str | None = None
    target: str | None = None
    baseline: str | None = None
    measure: str | None = None
    plan: str | None = None
    note: str | None = None
    status: str | None = None


#: how users may name a measure (folded) → the stored code
_MEASURES = {"cumulative": "cumulative", "luy-ke": "cumulative", "per-period": "per-period", "trong-ky": "per-period"}


def parse_measure(value: str) -> str:
    """``cumulative`` (lũy kế, the default) or ``per-period`` (trong kỳ)."""
    key = fold(value)
    if key not in _MEASURES:
        raise HoptacError(t("err.choice", value=value, option="--measure", accepted=", ".join(MEASURES)))
    return _MEASURES[key]


def _check_indicator(values: Row) -> None:
    """A measure needs an indicator; progress runs from the baseline to the target, which must differ."""
    if values.get("measure") not in (None, "cumulative") and values.get("target") is None:
        raise HoptacError(t("err.measure_no_indicator"))
    if values.get("target") is not None and values.get("baseline") is not None and values["baseline"] == values["target"]:
        raise HoptacError(
            t("err.baseline_target", baseline=show_number(values["baseline"]), target=show_number(values["target"]))
        )


def _indicator(fields: ActionFields) -> Row:
    """The indicator columns ``fields`` gives, validated."""
    values: Row = {}
    if fields.measure is not None:
        values["measure"] = parse_measure(fields.measure)
    if fields.unit is not None:
        values["unit"] = one_line(fields.unit) or None
    if fields.target is not None:
        values["target"] = parse_number(fields.target, option="--target")
        if values["target"] <= 0:
            raise HoptacError(t("err.target_positive", value=fields.target))
    if fields.baseline is not None:
        values["baseline"] = parse_number(fields.baseline, option="--baseline")
    return values


def _check_dates(start_on: str | None, due_on: str | None) -> None:
    if start_on and due_on and due_on < start_on:
        raise HoptacError(t("err.due_before_start", due=show_date(due_on), start=show_date(start_on)))


def add_action(
    db: Database, fields: ActionFields, *, sector_ref: str, agreement_ref: str | None = None, review_id: int | None = None
) -> int:
    """A new action in a sector (of the agreement named, or the one ``agreement`` picks); its id."""
    title = _name(fields.title or "", what="action")
    home = sector(db, sector_ref, agreement_ref)
    lead_row = agency(db, fields.lead or "")
    partner_ids = _partner_ids(db, fields.partners or [], lead_row["id"])
    start_on = parse_optional_date(fields.start, option="--start")
    due_on = parse_optional_date(fields.due, option="--due")
    _check_dates(start_on, due_on)
    indicator = _indicator(fields)
    if ("target" in indicator) != bool(indicator.get("unit")):
        raise HoptacError(t("err.indicator_pair"))
    _check_indicator(indicator)
    for existing in store.list_actions(db, sector_id=home["id"]):
        if fold(existing["title"]) == fold(title):
            raise HoptacError(t("err.action_duplicate", value=title, id=existing["id"]))
    with db.atomic():
        action_id = store.insert(
            db,
            "actions",
            {
                "sector_id": home["id"],
                "title": title,
                "search_key": fold(title),
                "lead_agency_id": lead_row["id"],
                "start_on": start_on,
                "due_on": due_on,
                "status": parse_status(fields.status) if fields.status else "not-started",
                "plan_ref": nfc_or_none(fields.plan),
                "note": nfc_or_none(fields.note),
                **indicator,
            },
        )
        store.set_action_partners(db, action_id, partner_ids)
        record_event(db, {"action_id": action_id, "kind": "added", "review_id": review_id})
    return action_id


def _partner_ids(db: Database, refs_: list[str], lead_id: int) -> list[int]:
    ids: list[int] = []
    for ref in refs_:
        row = agency(db, ref)
        if row["id"] == lead_id:
            raise HoptacError(t("err.partner_is_lead", value=row["name"]))
        if row["id"] not in ids:
            ids.append(row["id"])
    return ids


#: fields ``action update`` may change, in the order their events are recorded
UPDATABLE = (
    "title",
    "status",
    "start_on",
    "due_on",
    "lead_agency_id",
    "unit",
    "target",
    "baseline",
    "measure",
    "plan_ref",
    "note",
)


def update_action(
    db: Database,
    action_id: int,
    fields: ActionFields,
    *,
    review_id: int | None = None,
    reason: str | None = None,
    event_kind: str = "updated",
) -> list[Row]:
    """Apply the changes ``fields`` gives; return the recorded (field, old, new) events. No change → error."""
    current = store.find(db, "actions", action_id)
    if current is None:
        raise HoptacError(t("err.action_unknown", value=action_id))
    changes: Row = {}
    if fields.title is not None:
        changes["title"] = _name(fields.title, what="action")
        changes["search_key"] = fold(changes["title"])
    if fields.status is not None:
        changes["status"] = parse_status(fields.status)
    if fields.start is not None:
        changes["start_on"] = parse_optional_date(fields.start, option="--start")
    if fields.due is not None:
        changes["due_on"] = parse_optional_date(fields.due, option="--due")
    if fields.lead is not None:
        changes["lead_agency_id"] = agency(db, fields.lead)["id"]
    changes.update(_indicator(fields))
    _check_indicator({key: changes.get(key, current[key]) for key in ("target", "baseline", "measure")})
    if fields.plan is not None:
        changes["plan_ref"] = nfc_or_none(fields.plan)
    if fields.note is not None:
        changes["note"] = nfc_or_none(fields.note)
    _check_dates(changes.get("start_on", current["start_on"]), changes.get("due_on", current["due_on"]))
    lead_id: int = changes["lead_agency_id"] if "lead_agency_id" in changes else current["lead_agency_id"]
    old_partners = [row["id"] for row in store.action_partners(db, action_id)]
    partners = fields.partners
    new_partners = _partner_ids(db, partners, lead_id) if partners is not None else old_partners
    if lead_id in new_partners:
        raise HoptacError(t("err.partner_is_lead", value=agency(db, str(lead_id))["name"]))
    events = [
        {"field": field, "old_value": _text(current[field]), "new_value": _text(changes[field])}
        for field in UPDATABLE
        if field in changes and changes[field] != current[field]
    ]
    if sorted(new_partners) != sorted(old_partners):
        events.append({"field": "partners", "old_value": _ids(old_partners), "new_value": _ids(new_partners)})
    if not events:
        raise HoptacError(t("err.nothing_to_update", id=action_id))
    with db.atomic():
        store.update(db, "actions", action_id, changes)
        if partners is not None:
            store.set_action_partners(db, action_id, new_partners)
        for event in events:
            record_event(
                db,
                {"action_id": action_id, "kind": event_kind, "review_id": review_id, "reason": nfc_or_none(reason), **event},
            )
    return events


def record_event(db: Database, row: Row) -> int:
    """Add an action event dated with hoptac's today, the day a decision without a review takes effect."""
    return store.add_event(db, {**row, "recorded_on": today().isoformat()})


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _ids(ids: list[int]) -> str:
    return ",".join(str(item) for item in ids)

"""The sample programme (Hậu Giang–Kiên Giang 2021–2025) shipped in ``data/``.

It is loaded through the same services as typed commands, so it obeys every rule they do,
and in one transaction: a failure leaves nothing behind.
"""

from __future__ import annotations

import dataclasses
import json
from importlib import resources
from typing import TYPE_CHECKING, Any

from hoptac_cli.domain import register
from hoptac_cli.errors import HoptacError
from hoptac_cli.i18n import t
from hoptac_cli.storage import register as store

if TYPE_CHECKING:
    from sqlite_utils import Database

SAMPLE_FILE = "sample-programme.json"
#: what an action of the sample gives, besides its sector: the fields of ``register.ActionFields``
_ACTION_KEYS = [field.name for field in dataclasses.fields(register.ActionFields)]


def read() -> dict[str, Any]:
    return json.loads(resources.files("hoptac_cli.sample_data").joinpath(SAMPLE_FILE).read_text(encoding="utf-8"))


def check_can_load(db: Database) -> None:
    if store.list_agreements(db):
        raise HoptacError(t("err.sample_not_empty", path=db.conn.execute("PRAGMA database_list").fetchone()[2]))


def load(db: Database) -> dict[str, int]:
    """Load the sample into ``db``; return how many of each thing were added."""
    check_can_load(db)
    data = read()
    counts = {"parties": 0, "agencies": 0, "sectors": 0, "actions": 0}
    with db.atomic():
        for party in data["parties"]:
            register.add_party(db, party["name"], kind=party["kind"], slug=party["slug"])
            counts["parties"] += 1
        for agency in data["agencies"]:
            register.add_agency(db, agency["name"], party_ref=agency["party"], slug=agency["slug"])
            counts["agencies"] += 1
        for agreement in data["agreements"]:
            register.add_agreement(
                db,
                agreement["title"],
                parties=agreement["parties"],
                period=agreement["period"],
                signed=agreement.get("signed"),
                signatories=agreement.get("signatories"),
                slug=agreement["slug"],
                predecessor_note=agreement.get("predecessor_note"),
                note=agreement.get("note"),
            )
            for sector in agreement["sectors"]:
                register.add_sector(db, sector["name"], agreement_ref=agreement["slug"], slug=sector["slug"])
                counts["sectors"] += 1
            for action in agreement["actions"]:
                fields = register.ActionFields(**{key: action.get(key) for key in _ACTION_KEYS})
                register.add_action(db, fields, sector_ref=action["sector"], agreement_ref=agreement["slug"])
                counts["actions"] += 1
        load_reports(db, data, counts)
        load_successors(db, data, counts)
    return counts


def load_successors(db: Database, data: dict[str, Any], counts: dict[str, int]) -> None:
    """The 2025 reorganisation: the successor parties and agencies, then the mergers, in order."""
    from hoptac_cli.domain import mergers

    successors = data.get("successors", {})
    for party in successors.get("parties", []):
        register.add_party(db, party["name"], kind=party["kind"], slug=party["slug"])
        counts["parties"] += 1
    for agency in successors.get("agencies", []):
        register.add_agency(db, agency["name"], party_ref=agency["party"], slug=agency["slug"])
        counts["agencies"] += 1
    counts["mergers"] = 0
    for merger in data.get("mergers", []):
        mergers.merge(db, merger["kind"], merger["from"], into=merger["into"], on=merger["on"])
        counts["mergers"] += len(merger["from"])


def load_reports(db: Database, data: dict[str, Any], counts: dict[str, int]) -> None:
    """The reports the article supports, each naming its action by title within its agreement."""
    from hoptac_cli.domain import reports
    from hoptac_cli.domain.text import fold

    counts["reports"] = 0
    for entry in data.get("reports", []):
        scope = register.agreement(db, entry["agreement"])["id"]
        (action,) = [row for row in store.list_actions(db, agreement_id=scope) if fold(row["title"]) == fold(entry["action"])]
        fields = reports.ReportFields(
            action_id=action["id"],
            period=entry["period"],
            progress=entry.get("progress"),
            value=entry.get("value"),
            status=entry.get("status"),
            result=entry.get("result"),
            submitted=entry["submitted"],
        )
        reports.add(db, fields, source="sample")
        counts["reports"] += 1

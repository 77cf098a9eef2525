"""Recorded changes (an action's history, a review's decisions) made readable for tables.

The history keeps what was changed as stored: agency ids for the lead and the partners. Tables
show names; they get them here in ``old_value_label``/``new_value_label`` (JSON and CSV keep the
ids in ``old_value``/``new_value``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from hoptac_cli.storage import register as store

if TYPE_CHECKING:
    from sqlite_utils import Database

#: fields whose recorded values are agency ids (one, or several joined by commas)
AGENCY_FIELDS = ("lead_agency_id", "partners")


def name_agencies(db: Database, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Add the agencies' names to the events that changed a lead or partners; return ``events``."""
    names: dict[str, str] = {}
    for event in events:
        if event.get("field") not in AGENCY_FIELDS:
            continue
        for key in ("old_value", "new_value"):
            ids = [part for part in str(event.get(key) or "").split(",") if part.strip()]
            for agency_id in ids:
                if agency_id not in names:
                    row = store.find(db, "agencies", int(agency_id)) if agency_id.strip().isdigit() else None
                    names[agency_id] = row["name"] if row else agency_id
            event[f"{key}_label"] = "; ".join(names[agency_id] for agency_id in ids) or None
    return events

"""Reading actions: filters, derived status/progress/overdue, and the detail of one action."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from hoptac_cli.domain import mergers, register
from hoptac_cli.domain.dates import today
from hoptac_cli.domain.progress import derive
from hoptac_cli.domain.statuses import parse_status
from hoptac_cli.storage import register as store

if TYPE_CHECKING:
    from sqlite_utils import Database

Row = dict[str, Any]


def shape(row: Row) -> Row:
    """An action as listings print it: stable keys, partners as a list."""
    return {
        "id": row["id"],
        "agreement": row["agreement_slug"],
        "sector": row["sector"],
        "sector_slug": row["sector_slug"],
        "title": row["title"],
        "lead": row["lead"],
        "partners": row["partners"].split("; ") if row["partners"] else [],
        "start_on": row["start_on"],
        "due_on": row["due_on"],
        "status": row["status"],
        "progress": row["progress"],
        "overdue": row["overdue"],
        "unit": row["unit"],
        "baseline": row["baseline"],
        "target": row["target"],
        "measure": row["measure"] if row["target"] is not None else None,
        "value": row["achieved"],
        "latest_period": row["report_period"],
        "latest_difficulty": row["report_difficulty"],
        "plan_ref": row["plan_ref"],
        "note": row["note"],
    }


def find(
    db: Database,
    *,
    agreement: str | None = None,
    sector: str | None = None,
    status: str | None = None,
    agency: str | None = None,
    overdue: bool = False,
    as_of: dt.date | None = None,
) -> list[Row]:
    """Actions matching every given filter; ``as_of`` is the reference date for reports and
    overdue (default today)."""
    reference = as_of or today()
    agreement_id = register.agreement(db, agreement)["id"] if agreement else None
    sector_id = register.sector(db, sector, agreement)["id"] if sector else None
    # An agency stands for every agency merged into it, so that OLD and NEW both find the work.
    agency_ids = mergers.with_predecessors(db, "agencies", register.agency(db, agency)["id"]) if agency else None
    wanted = parse_status(status) if status else None
    rows = store.list_actions(
        db,
        agreement_id=agreement_id,
        sector_id=sector_id,
        agency_ids=agency_ids,
        as_of=as_of.isoformat() if as_of else None,
    )
    derived = [derive(row, reference) for row in rows]
    return [shape(row) for row in derived if (wanted is None or row["status"] == wanted) and (not overdue or row["overdue"])]


def detail(db: Database, action_id: int) -> Row:
    """One action with its partners and change history."""
    from hoptac_cli.domain import lifecycle, reviews  # here: listings and status need neither

    raw = register.action(db, action_id)
    row = shape(derive(raw, today()))
    row["partners"] = [partner["name"] for partner in store.action_partners(db, action_id)]
    lead_now = mergers.current(db, "agencies", raw["lead_agency_id"], today())
    row["lead_now"] = lead_now["name"] if lead_now["formerly"] else None
    row.update(lifecycle.links(db, raw))
    from hoptac_cli.domain.changes import name_agencies

    row["history"] = name_agencies(db, store.action_events(db, action_id))
    decided_by = {event["review_id"] for event in row["history"] if event["review_id"]}
    labels = {review_id: reviews.label(reviews.review(db, review_id)) for review_id in decided_by}
    for event in row["history"]:
        event["review_label"] = labels.get(event["review_id"])  # words for the table; JSON keeps review_id
    return row

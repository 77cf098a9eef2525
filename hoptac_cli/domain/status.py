"""How far each sector is: counts by status per sector of an agreement."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from hoptac_cli.domain import register
from hoptac_cli.domain.dates import today
from hoptac_cli.domain.progress import derive
from hoptac_cli.domain.statuses import STATUSES
from hoptac_cli.storage import register as store

if TYPE_CHECKING:
    from sqlite_utils import Database

Row = dict[str, Any]


def sector_overview(db: Database, agreement_ref: str | None) -> tuple[Row, list[Row]]:
    """The agreement and one row per sector: number of actions and the count in each status."""
    agreement = register.agreement(db, agreement_ref)
    reference = today()
    actions = [derive(row, reference) for row in store.list_actions(db, agreement_id=agreement["id"])]
    rows = []
    for sector in store.list_sectors(db, agreement["id"]):
        mine = [action for action in actions if action["sector_id"] == sector["id"]]
        row: Row = {"position": sector["position"], "sector": sector["name"], "sector_slug": sector["slug"], "actions": len(mine)}
        for status in STATUSES:
            row[status.replace("-", "_")] = sum(1 for action in mine if action["status"] == status)
        rows.append(row)
    return agreement, rows

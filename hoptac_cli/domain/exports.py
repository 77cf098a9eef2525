"""What ``hoptac export`` writes: the status figures, the actions, or every current report.

References and the period are checked when ``records`` is called, before any file is opened;
the records themselves are produced lazily, so that reports stream straight off the cursor.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from hoptac_cli.domain import register
from hoptac_cli.domain import status as figures
from hoptac_cli.domain.periods import parse_period
from hoptac_cli.errors import HoptacError
from hoptac_cli.i18n import t
from hoptac_cli.storage import exports as store
from hoptac_cli.storage import register as register_store
from hoptac_cli.storage import status as status_store

if TYPE_CHECKING:
    from sqlite_utils import Database

Row = dict[str, Any]

KINDS = ("summary", "actions", "reports")


def records(
    db: Database,
    kind: str,
    *,
    agreement_ref: str | None = None,
    sector_ref: str | None = None,
    period_ref: str | None = None,
) -> Iterable[Row]:
    """The records of one kind of export (``hoptac_cli.records``: ``EXPORT_SUMMARY``, ``EXPORT_ACTIONS``,
    ``EXPORT_REPORTS``), as an iterator; bad input is refused right away."""
    if kind not in KINDS:
        raise HoptacError(t("err.choice", value=kind, option="KIND", accepted=", ".join(KINDS)))
    period = parse_period(period_ref) if period_ref is not None else None
    sector_id = None
    if sector_ref is not None:
        sector = register_store.get(db, "sectors", register.sector(db, sector_ref, agreement_ref)["id"])
        sector_id = sector["id"]
        agreements = status_store.agreement_settings(db, [sector["agreement_id"]])
    else:
        agreements = figures.agreements(db, agreement_ref)
    rows: Iterable[Row]
    if kind == "reports":
        span = (period.start.isoformat(), period.end.isoformat()) if period else (None, None)
        rows = store.iter_reports(
            db, agreement_ids=[row["id"] for row in agreements], sector_id=sector_id, start=span[0], end=span[1]
        )
    else:
        rows = _figures(db, kind, agreements, sector_id, period_ref)
    return rows


def _figures(db: Database, kind: str, agreements: list[Row], sector_id: int | None, period_ref: str | None) -> Iterator[Row]:
    """Each agreement's figures as of the period asked for, else as of its default period (the
    one ``status`` reports on): every row is the picture of the period it names. The pictures
    are built a batch of agreements at a time (``status.pictures``)."""
    for shot in figures.pictures(db, agreements, period_ref, sector_id=sector_id, pin_default=True, lean=kind == "summary"):
        if kind == "summary":
            yield from figures.overview_rows(shot)
        else:
            for action in shot.actions:
                yield {**action, "period": shot.period.code, "as_of": shot.reference.isoformat()}

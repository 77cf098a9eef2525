"""Action statuses: stable English codes, Vietnamese words accepted on input."""

from hoptac_cli.domain.text import fold
from hoptac_cli.errors import HoptacError
from hoptac_cli.i18n import t

STATUSES = ("not-started", "in-progress", "done", "behind", "paused", "cancelled")
#: statuses that end an action's claim on reports and on the overdue list
CLOSED = ("done", "cancelled")
#: statuses decided on the action itself (``action cancel|pause``, a review): they outrank any report
DECIDED = ("cancelled", "paused")
#: an action in one of these on the day before a period owes no report for it
RESTING = (*CLOSED, "paused")

_ALIASES = {
    "chua-thuc-hien": "not-started",
    "chua-bat-dau": "not-started",
    "dang-thuc-hien": "in-progress",
    "dang-trien-khai": "in-progress",
    "da-hoan-thanh": "done",
    "hoan-thanh": "done",
    "cham-tien-do": "behind",
    "cham": "behind",
    "tam-dung": "paused",
    "huy-bo": "cancelled",
    "huy": "cancelled",
    "canceled": "cancelled",
    "completed": "done",
    "late": "behind",
}


def parse_status(value: str) -> str:
    """An English code or a Vietnamese word (any case, with or without diacritics) → the code."""
    key = fold(value)
    if key in STATUSES:
        return key
    if key in _ALIASES:
        return _ALIASES[key]
    raise HoptacError(t("err.status", value=value, accepted=", ".join(STATUSES)))

"""Reporting periods: half-years, quarters and years, with their Decree 09/2019 data windows.

A period is written many ways (``2022-H1``, ``H1/2022``, "6 tháng đầu năm 2022") and stored
under one canonical code (``2022-H1``, ``2022-Q3``, ``2022``) that sorts chronologically
within its kind.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass

from hoptac_cli.domain.text import fold
from hoptac_cli.errors import HoptacError
from hoptac_cli.i18n import current_lang, t

ACCEPTED_FORMS = "2022-H1, 2022H1, H1/2022, H1-2022, 2022-Q3, Q3/2022, 2022"

#: the forms a period may take; compiled when first matched (re caches them), not at import
_YEAR_FIRST = r"^(\d{4})-?([hq])([1-4])$"
_KIND_FIRST = r"^([hq])([1-4])-(\d{4})$"
_YEAR = r"^(?:nam-)?(\d{4})$"
_VI_HALF = r"^6-thang-(dau|cuoi)-nam-(\d{4})$"
_VI_QUARTER = r"^quy-(i|ii|iii|iv|1|2|3|4)-(?:nam-)?(\d{4})$"
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
#: years a period may fall in (a typo like 0202 must not become a date far in the past)
_YEARS = (1945, 2200)

#: how many months each kind of period spans
_MONTHS = {"H": 6, "Q": 3, "Y": 12}
#: cadence names users type → period kind
CADENCES = {"half-yearly": "H", "quarterly": "Q", "yearly": "Y"}


@dataclass(frozen=True, order=True)
class Period:
    year: int
    kind: str  # "H", "Q" or "Y"
    number: int = 1  # 1-2 for halves, 1-4 for quarters, 1 for a year

    @functools.cached_property  # asked for once per action in a national register
    def code(self) -> str:
        return str(self.year) if self.kind == "Y" else f"{self.year}-{self.kind}{self.number}"

    @property
    def first_month(self) -> int:
        return (self.number - 1) * _MONTHS[self.kind] + 1

    @property
    def last_month(self) -> int:
        return self.first_month + _MONTHS[self.kind] - 1

    @functools.cached_property
    def start(self) -> dt.date:
        """First day of the calendar span."""
        return dt.date(self.year, self.first_month, 1)

    @functools.cached_property
    def end(self) -> dt.date:
        """Last day of the calendar span."""
        return dt.date(self.year, self.last_month, calendar.monthrange(self.year, self.last_month)[1])

    @property
    def window(self) -> tuple[dt.date, dt.date]:
        """Decree 09/2019 Art. 12 data window: the 15th before the span to the 14th of its last month."""
        first = self.start
        before = dt.date(first.year - 1, 12, 15) if first.month == 1 else dt.date(first.year, first.month - 1, 15)
        return before, dt.date(self.year, self.last_month, 14)

    def deadline(self, day: int = 20) -> dt.date:
        """Reporting deadline: the given day of the period's last month (clamped to its length)."""
        last_day = calendar.monthrange(self.year, self.last_month)[1]
        return dt.date(self.year, self.last_month, min(day, last_day))

    def label(self, lang: str | None = None) -> str:
        lang = lang or current_lang()
        if lang == "vi":
            if self.kind == "H":
                return f"6 tháng {'đầu' if self.number == 1 else 'cuối'} năm {self.year}"
            if self.kind == "Q":
                return f"Quý {['I', 'II', 'III', 'IV'][self.number - 1]}/{self.year}"
            return f"Năm {self.year}"
        return str(self.year) if self.kind == "Y" else f"{self.year} {self.kind}{self.number}"

    def overlaps(self, start: dt.date | None, end: dt.date | None) -> bool:
        """Does the calendar span meet [start, end]? Open ends are unbounded."""
        return (start is None or start <= self.end) and (end is None or self.start <= end)

    def next(self) -> Period:
        count = 12 // _MONTHS[self.kind]
        if self.number < count:
            return Period(self.year, self.kind, self.number + 1)
        return Period(self.year + 1, self.kind, 1)

    def __str__(self) -> str:
        return self.code


@functools.lru_cache(maxsize=256)  # an import parses the same few periods on every row
def parse_period(value: str) -> Period:
    """Parse any accepted period form; refuse the rest naming the accepted forms."""
    key = fold(value).replace("/", "-")
    match = re.match(_YEAR_FIRST, key)
    if match:
        year, kind, number = int(match[1]), match[2].upper(), int(match[3])
    elif match := re.match(_KIND_FIRST, key):
        kind, number, year = match[1].upper(), int(match[2]), int(match[3])
    elif match := re.match(_YEAR, key):
        kind, number, year = "Y", 1, int(match[1])
    elif match := re.match(_VI_HALF, key):
        kind, number, year = "H", 1 if match[1] == "dau" else 2, int(match[2])
    elif match := re.match(_VI_QUARTER, key):
        kind, year = "Q", int(match[2])
        number = _ROMAN.get(match[1]) or int(match[1])
    else:
        raise HoptacError(t("err.period", value=value, forms=ACCEPTED_FORMS))
    if (kind == "H" and number > 2) or not _YEARS[0] <= year <= _YEARS[1]:
        raise HoptacError(t("err.period", value=value, forms=ACCEPTED_FORMS))
    return Period(year, kind, number)


def periods_between(kind: str, start: dt.date, end: dt.date) -> list[Period]:
    """Every period of one kind whose span meets [start, end], in order."""
    months = _MONTHS[kind]
    period = Period(start.year, kind, (start.month - 1) // months + 1) if kind != "Y" else Period(start.year, "Y")
    found = []
    while period.start <= end:
        found.append(period)
        period = period.next()
    return found


def containing(kind: str, day: dt.date) -> Period:
    """The period of a kind that ``day`` falls in."""
    return periods_between(kind, day, day)[0]


def latest_closed(kind: str, deadline_day: int, today: dt.date) -> Period:
    """The latest period of a kind whose reporting deadline has passed by ``today``."""
    months = _MONTHS[kind]
    period = Period(today.year, kind, (today.month - 1) // months + 1) if kind != "Y" else Period(today.year, "Y")
    while period.deadline(deadline_day) >= today:
        period = previous(period)
    return period


def previous(period: Period) -> Period:
    if period.number > 1:
        return Period(period.year, period.kind, period.number - 1)
    return Period(period.year - 1, period.kind, 12 // _MONTHS[period.kind])


def parse_cadence(value: str) -> str:
    """``half-yearly`` (also ``6-thang``, ``H``), ``quarterly`` (``quy``, ``Q``), ``yearly`` (``nam``, ``Y``)."""
    key = fold(value)
    aliases = {
        "half-yearly": "H",
        "h": "H",
        "6-thang": "H",
        "nua-nam": "H",
        "semiannual": "H",
        "quarterly": "Q",
        "q": "Q",
        "quy": "Q",
        "hang-quy": "Q",
        "yearly": "Y",
        "y": "Y",
        "annual": "Y",
        "nam": "Y",
        "hang-nam": "Y",
    }
    if key not in aliases:
        raise HoptacError(t("err.choice", value=value, option="--cadence", accepted=", ".join(CADENCES)))
    return aliases[key]

"""Dates as officials write them (``dd/mm/yyyy``) and as SQLite stores them (ISO)."""

import datetime as dt
import re

from hoptac_cli.errors import HoptacError
from hoptac_cli.i18n import t

# compiled when first matched (re caches them), not at import
_DMY = r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$"
_ISO = r"^(\d{4})-(\d{1,2})-(\d{1,2})$"
#: the years a date may fall in: anything else is a slip of the keyboard (3025 for 2025)
YEARS = (1900, 2200)


def parse_date(value: str, *, option: str = "date") -> dt.date:
    """Accept ``dd/mm/yyyy`` (also with ``.`` or ``-``) and ``yyyy-mm-dd``; refuse impossible dates
    and years outside 1900–2200."""
    text = value.strip()
    match = re.match(_ISO, text)
    if match:
        year, month, day = (int(part) for part in match.groups())
    else:
        match = re.match(_DMY, text)
        if not match:
            raise HoptacError(t("err.date_format", value=value, option=option))
        day, month, year = (int(part) for part in match.groups())
    if not YEARS[0] <= year <= YEARS[1]:
        raise HoptacError(t("err.date_years", value=value, option=option))
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise HoptacError(t("err.date_invalid", value=value, option=option)) from None


def parse_optional_date(value: str | None, *, option: str = "date") -> str | None:
    """Parse an optional CLI date and return it as ISO text for storage."""
    if value is None:
        return None
    return parse_date(value, option=option).isoformat()


def show_date(value: str | dt.date | None) -> str:
    """ISO text or a date → ``dd/mm/yyyy``; empty for no date."""
    if not value:
        return ""
    if isinstance(value, str):
        value = dt.date.fromisoformat(value[:10])
    return value.strftime("%d/%m/%Y")


def today() -> dt.date:
    """Today, overridable with HOPTAC_TODAY so that tests and demos are reproducible."""
    import os

    override = os.environ.get("HOPTAC_TODAY")
    if override:
        if override not in _OVERRIDES:  # read once: an import asks for today per row
            _OVERRIDES[override] = parse_date(override, option="HOPTAC_TODAY")
        return _OVERRIDES[override]
    return dt.date.today()


_OVERRIDES: dict[str, dt.date] = {}

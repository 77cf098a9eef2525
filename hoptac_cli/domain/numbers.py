"""Numbers as typed by Vietnamese and English users, and as shown back to them."""

from __future__ import annotations

import re

from hoptac_cli.errors import HoptacError
from hoptac_cli.i18n import current_lang, t

_NUMBER = re.compile(r"^-?\d+(?:[.,]\d+)*$")


def parse_number(value: str, *, option: str) -> float:
    """``1200``, ``1,2`` (decimal comma), ``1.5``, ``1.200.000.000`` or ``1,200,000`` (grouped)."""
    text = value.strip().replace(" ", "").replace("\u00a0", "")
    if not _NUMBER.match(text):
        raise HoptacError(t("err.number", value=value, option=option))
    dots, commas = text.count("."), text.count(",")
    if dots and commas:
        # whichever comes last is the decimal separator
        decimal, group = (",", ".") if text.rfind(",") > text.rfind(".") else (".", ",")
        text = text.replace(group, "").replace(decimal, ".")
    elif dots > 1:
        text = text.replace(".", "")
    elif commas > 1:
        text = text.replace(",", "")
    else:
        text = text.replace(",", ".")
    return float(text)


def show_number(value: float | int | None, lang: str | None = None) -> str:
    """Grouped thousands in the interface language: ``1.200.000.000`` (vi) or ``1,200,000,000`` (en)."""
    if value is None:
        return ""
    lang = lang or current_lang()
    rounded = round(float(value), 2)
    text = f"{rounded:,.2f}".rstrip("0").rstrip(".")
    if lang == "vi":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text

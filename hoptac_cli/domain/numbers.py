"""Numbers as Vietnamese write them, read the same way from options and from imported files.

The rule (README, "Values"): a dot only ever groups thousands, a comma is only ever the decimal
mark. ``12.000`` is twelve thousand, ``1.200.000.000`` one billion two hundred million,
``12,5`` twelve and a half, ``1.200.000,75`` has both. Groups may also be separated by spaces
(``1 200 000``), as some spreadsheets write them.

Anything that does not follow the rule is refused with the accepted forms, never guessed:
``1.5`` or ``12.75`` (a dot that cannot be a thousands separator: English for one and a half;
the message suggests ``1,5``), ``1,200,000`` or ``1,200,000.5`` (English grouping; the message
suggests ``1.200.000,5``), ``1.500.0``, ``1.2.3,4`` or ``12.5.`` (malformed). Numbers are finite
and at most 10^15 in size, so that every figure fits a float exactly to the cent and every JSON
output stays valid.

A spreadsheet cell that already holds a number (an int or a float from an XLSX file) needs no
reading: ``canonical`` writes it in the form ``parse_number`` reads back exactly, and
``parse_number`` also accepts the number itself.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal, InvalidOperation

from hoptac_cli.errors import HoptacError
from hoptac_cli.i18n import current_lang, t

#: the largest magnitude accepted: figures in đồng reach 10^13 for a large programme
LIMIT = 10**15
#: longer text is refused before any work (the smallest float written out takes 330 characters)
_MAX_CHARS = 1000

_SPACES = " \u00a0\u202f"  # space, no-break space, narrow no-break space
_MINUS = "-\u2212"  # hyphen-minus, minus sign
# Vietnamese: plain digits, or groups of three after a first group of one to three digits,
# separated by dots or by spaces (not both); then an optional decimal comma.
# The patterns are compiled when first matched (re caches them), not at import.
_VIETNAMESE = (
    rf"^(?P<sign>[{_MINUS}]?)"
    rf"(?P<whole>[0-9]+|[1-9][0-9]{{0,2}}(?:\.[0-9]{{3}})+|[1-9][0-9]{{0,2}}(?:[{_SPACES}][0-9]{{3}})+)"
    r"(?:,(?P<fraction>[0-9]+))?$"
)
# A single dot that cannot group thousands: the decimal point of English (1.5, 12.75, 0.125).
_DOT_DECIMAL = rf"^[{_MINUS}]?[0-9]+\.[0-9]+$"
# Thousands grouped by commas, optionally with a decimal point: English (1,200,000.5).
_COMMA_GROUPS = rf"^[{_MINUS}]?[1-9][0-9]{{0,2}}(?:,[0-9]{{3}})+(?:\.[0-9]+)?$"


def parse_number(value: str | int | float, *, option: str) -> float:
    """The number ``value`` means, or ``HoptacError`` naming ``option`` and the accepted forms."""
    if isinstance(value, bool):
        raise HoptacError(t("err.number", value=value, option=option))
    if isinstance(value, (int, float)):
        return _bounded(value, value, option)
    text = value.strip(_SPACES + "\t\r\n")
    if len(text) > _MAX_CHARS:
        raise HoptacError(t("err.number", value=_short(value), option=option))
    match = re.match(_VIETNAMESE, text)
    if match is None:
        raise HoptacError(_refusal(value, text, option))
    digits = re.sub(rf"[.{_SPACES}]", "", match["whole"])
    if match["fraction"] is not None:
        digits += "." + match["fraction"]
    number = Decimal(digits)
    return _bounded(-number if match["sign"] else number, value, option)


def _bounded(number: Decimal | float, typed: object, option: str) -> float:
    if isinstance(number, float) and not math.isfinite(number):
        raise HoptacError(t("err.number", value=_short(str(typed)), option=option))
    if abs(float(number)) > LIMIT:
        raise HoptacError(t("err.number_range", value=_short(str(typed)), option=option))
    result = float(number)
    return 0.0 if result == 0 else result  # never -0


def _refusal(value: str, text: str, option: str) -> str:
    """The message for text that is not a number by the rule, with the likely intended form."""
    if re.match(_DOT_DECIMAL, text):
        return t("err.number_dot", value=_short(value), option=option, suggestion=text.replace(".", ","))
    if re.match(_COMMA_GROUPS, text):
        suggestion = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
        return t("err.number_commas", value=_short(value), option=option, suggestion=suggestion)
    return t("err.number", value=_short(value), option=option)


def _short(text: str) -> str:
    """The typed value for a one-line message: control characters visible, long text cut."""
    from hoptac_cli.domain.text import visible

    shown = visible(text, limit=10_000)
    return shown if len(shown) <= 24 else f"{shown[:12]}…{shown[-6:]}"


def canonical(value: int | float) -> str:
    """A number as ``parse_number`` reads it back exactly: no grouping, a decimal comma, no exponent."""
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    try:
        exact = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    except InvalidOperation:  # pragma: no cover - repr of a finite float is always a decimal
        return str(value)
    text = format(exact.normalize() if exact != exact.to_integral_value() else exact.to_integral_value(), "f")
    return "0" if text in ("-0", "0") else text.replace(".", ",")


def show_number(value: float | int | None, lang: str | None = None) -> str:
    """Grouped thousands in the interface language, at most two decimals: ``1.200.000,5`` (vi)
    or ``1,200,000.5`` (en). Never ``-0``."""
    if value is None:
        return ""
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    lang = lang or current_lang()
    rounded = round(float(value), 2)
    if rounded == 0:
        rounded = 0.0  # round(-0.001, 2) is -0.0
    text = f"{rounded:,.2f}".rstrip("0").rstrip(".")
    if lang == "vi":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text

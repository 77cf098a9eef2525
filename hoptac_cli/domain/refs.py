"""Loose references: a slug, an id or a name typed any way resolves to one row.

Order of attempts: id (ASCII digits), exact slug, exact folded name, unique prefix, unique
whole-word match, then every typed word found in the name in any order. An exact slug or id
always wins over a looser match of another row (``gia-lai`` is the party with that slug even
when ``gia-lai-2`` exists). Several matches at one step → an error listing them; none at any
step → an error with the closest names.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from hoptac_cli.domain.text import fold, nfc
from hoptac_cli.errors import HoptacError
from hoptac_cli.i18n import t

Row = dict[str, Any]

_DIGITS = re.compile(r"^[0-9]+$")


def resolve(value: str, rows: list[Row], *, kind: str) -> Row:
    """Pick the row ``value`` names among ``rows`` (each with id, slug, name, search_key)."""
    text = nfc(value)
    if _DIGITS.match(text):  # not str.isdigit(): "²" and "①" are digits to Python but not ids
        for row in rows:
            if row["id"] == int(text):
                return row
    key = fold(text)
    if not text:
        raise HoptacError(t("err.ref_empty", kind=t(f"kind.{kind}")))
    if not key:  # nothing a name is made of: "²", "①", "…"
        raise HoptacError(_unknown(value, key, rows, kind))
    words = set(key.split("-"))
    for attempt in (
        lambda row: row["slug"] == key,
        lambda row: row["search_key"] == key,
        lambda row: row["slug"].startswith(key) or row["search_key"].startswith(key),
        lambda row: f"-{key}-" in f"-{row['slug']}-" or f"-{key}-" in f"-{row['search_key']}-",
        # every typed word, in any order: "sở xây dựng an giang" finds "Sở Xây dựng tỉnh An Giang"
        lambda row: words <= set(row["search_key"].split("-")),
    ):
        found = [row for row in rows if attempt(row)]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            listed = "; ".join(f"{row['slug']} ({row['name']})" for row in found[:8])
            raise HoptacError(t("err.ref_ambiguous", kind=t(f"kind.{kind}"), value=value, candidates=listed))
    raise HoptacError(_unknown(value, key, rows, kind))


def _unknown(value: str, key: str, rows: list[Row], kind: str) -> str:
    if not rows:
        return t("err.ref_none", kind=t(f"kind.{kind}"), value=value)
    by_key = {row["search_key"]: row for row in rows} | {row["slug"]: row for row in rows}
    close = difflib.get_close_matches(key, list(by_key), n=3, cutoff=0.5)
    # Words typed in another order or a partial word still deserve a hint.
    if not close:
        words = set(key.split("-"))
        scored = sorted(rows, key=lambda row: -len(words & set(row["search_key"].split("-"))))
        close = [row["slug"] for row in scored[:3] if words & set(row["search_key"].split("-"))]
    if close:
        names = []
        for match in close:
            row = by_key[match]
            if row["slug"] not in names:
                names.append(row["slug"])
        return t("err.ref_unknown_hint", kind=t(f"kind.{kind}"), value=value, hint=", ".join(names))
    sample = ", ".join(row["slug"] for row in rows[:6])
    return t("err.ref_unknown", kind=t(f"kind.{kind}"), value=value, known=sample)

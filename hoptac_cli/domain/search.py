"""Full-text search across actions, reports, review conclusions and commendation reasons.

The query is folded with ``text.fold`` (case, tone and vowel marks, NFC/NFD, "hòa"/"hoà",
đ → d) into words that must all appear; the index folds the texts the same way (see
``storage/search.py``). Results come best first: texts holding the words as one phrase, then
by SQLite's bm25 rank. Each carries a snippet of the text as written with the matched words marked
``**like this**``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from hoptac_cli.domain.text import fold
from hoptac_cli.errors import HoptacError
from hoptac_cli.i18n import t

if TYPE_CHECKING:
    from sqlite_utils import Database

Row = dict[str, Any]

MARK = "**"
#: a word as the tokenizer sees one: letters (with their marks) and digits
_WORD = re.compile(r"[^\W_]+")
#: snippets longer than this many words are cut around the first match
_SNIPPET_WORDS = 24
_WORDS_BEFORE = 6


def words(query: str) -> list[str]:
    """The folded words of a query: ``"Cầu  CÁI-tư"`` → ``["cau", "cai", "tu"]``."""
    return [word for word in fold(query).split("-") if word]


def match_expression(query: str) -> str:
    """The FTS5 query for ``query``: every folded word, quoted (so no word is an operator).
    A query without a letter or digit matches nothing."""
    found = words(query)
    return " ".join(f'"{word}"' for word in found) if found else '""'


def phrase_expression(query: str) -> str:
    """The FTS5 query for the folded words in a row ("đường tỉnh", not "tình trạng … đường"),
    which ranks first."""
    return '"' + " ".join(words(query)) + '"'


def snippet(text: str, query: str, *, size: int = _SNIPPET_WORDS) -> str:
    """``text`` as written, cut to about ``size`` words around the first match, each run of
    matched words wrapped in ``**``."""
    wanted = set(words(query))
    spans = [(match.start(), match.end(), fold(match.group()) in wanted) for match in _WORD.finditer(text)]
    if not spans:
        return text
    first = next((index for index, span in enumerate(spans) if span[2]), 0)
    start = max(0, min(first - _WORDS_BEFORE, len(spans) - size))
    end = min(len(spans), start + size)
    out = ["…" if start > 0 else ""]
    position = spans[start][0] if start > 0 else 0
    open_run = False
    for begin, finish, hit in spans[start:end]:
        gap = text[position:begin]
        if open_run and (not hit or gap.strip()):
            out.append(MARK)
            open_run = False
        out.append(gap)
        if hit and not open_run:
            out.append(MARK)
            open_run = True
        out.append(text[begin:finish])
        position = finish
    if open_run:
        out.append(MARK)
    out.append(text[position:] if end == len(spans) else "…")
    return "".join(out)


def _period(row: Row) -> str | None:
    """The period a hit belongs to: a report's period, a review's year (an action has dates)."""
    if row["kind"] == "report":
        return row["period"]
    if row["kind"] == "action":
        return None
    return str(row["review_year"])


def shape(row: Row, query: str, number: int) -> Row:
    """A hit as listings print it: data under stable keys, the same in every language
    (``cli/search.py`` says what, where and when in words for the table)."""
    return {
        "rank": number,
        "kind": row["kind"],
        "field": row["field"],
        "source_id": row["source_id"],
        "action_id": row["action_id"],
        "action": row["action"],
        "review_id": row["review_id"],
        "recipient": row["recipient"],
        "agreement": row["agreement"],
        "sector": row["sector"],
        "sector_slug": row["sector_slug"],
        "period": _period(row),
        "date_from": row["date_from"],
        "date_to": row["date_to"],
        "snippet": snippet(row["text"], query),
        "text": row["text"],
        "review_kind": row["review_kind"],
        "review_year": row["review_year"],
    }


def search(
    db: Database,
    query: str,
    *,
    agreement: str | None = None,
    sector: str | None = None,
    period: str | None = None,
    limit: int = 50,
) -> list[Row]:
    """``hoptac search``: the texts holding every word of ``query``, best first."""
    from hoptac_cli.domain import register
    from hoptac_cli.domain.periods import parse_period
    from hoptac_cli.storage import register as register_store
    from hoptac_cli.storage import search as store

    wanted = words(query)
    if not wanted:
        raise HoptacError(t("err.search_empty", value=query))
    if limit < 1:
        raise HoptacError(t("err.search_limit", value=limit))
    agreement_id = register.agreement(db, agreement)["id"] if agreement is not None else None
    sector_id = register.sector(db, sector, agreement)["id"] if sector is not None else None
    span = None
    if period is not None:
        when = parse_period(period)
        span = (when.code, when.start.isoformat(), when.end.isoformat())
    rows = store.search(
        db,
        match_expression(query),
        phrase_expression(query),
        agreement_id=agreement_id,
        sector_id=sector_id,
        period=span,
        limit=limit,
    )
    agreements = {row["id"]: row["slug"] for row in register_store.list_agreements(db)}
    sectors = {row["id"]: row for row in register_store.list_sectors(db, None)}
    for row in rows:
        row["agreement"] = agreements.get(row["agreement_id"])
        in_sector = sectors.get(row["sector_id"]) or {}
        row["sector"], row["sector_slug"] = in_sector.get("name"), in_sector.get("slug")
    return [shape(row, query, number) for number, row in enumerate(rows, start=1)]

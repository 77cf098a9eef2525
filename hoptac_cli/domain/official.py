"""The model of an administrative document (Decree 30/2020/NĐ-CP, Appendix I), in Vietnamese.

A ``Document`` holds what the decree's layout needs — the issuer block, number, place and
date, type and summary line (trích yếu), body, signature, recipients (Nơi nhận) and an optional
annex — and ``render.document`` turns the same model into .docx or Markdown, so both files
say the same thing. ``issuer`` resolves who issues a document from the settings
(``domain.settings``) and per-document options.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from hoptac_cli.domain.dates import parse_date, today
from hoptac_cli.domain.text import nfc
from hoptac_cli.errors import HoptacError
from hoptac_cli.i18n import t

if TYPE_CHECKING:
    from sqlite_utils import Database

Row = dict[str, Any]

#: what an unset field of the document shows, for the author to fill in
BLANK = "…"
MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")


@dataclass
class Column:
    """A table column: ``align`` left, right (numbers) or center; ``weight`` its share of the
    spare width (0: only as wide as its longest word)."""

    header: str
    align: str = "left"
    weight: float = 1.0


@dataclass
class TableRow:
    """``group`` rows name a group (``cells`` = [number, title]) and span the whole table."""

    cells: list[str]
    group: bool = False


@dataclass
class Table:
    columns: list[Column]
    rows: list[TableRow]


@dataclass
class Block:
    """``kind`` is heading (``level`` 1-2), paragraph, bullets (``items``) or table (``table``);
    ``note`` marks text for the author to replace."""

    kind: str
    text: str = ""
    level: int = 1
    items: list[str] = field(default_factory=list)
    table: Table | None = None
    note: bool = False


@dataclass
class Issuer:
    """Who issues a document, when and where; unset fields are ``None`` (shown as "…")."""

    governing_body: str | None
    issuing_body: str | None
    place: str | None
    number: str  # number and symbol, e.g. "…/BC-STC" or "15/BC-STC"
    date: dt.date
    authority: list[str]  # e.g. ["KT. GIÁM ĐỐC"]
    signer_title: str | None
    signer_name: str | None
    recipients: list[str]
    archive: str
    missing: list[str] = field(default_factory=list)  # expected settings set nowhere

    @property
    def date_line(self) -> str:
        return f"{self.place or BLANK}, {date_words(self.date)}"

    @property
    def issuing_name(self) -> str:
        return self.issuing_body or BLANK


@dataclass
class Annex:
    """ "Phụ lục": a title, the line naming the document it accompanies, and its blocks."""

    title: str
    reference: str
    blocks: list[Block]
    landscape: bool = True


@dataclass
class Document:
    """``type_name`` is "BÁO CÁO" for a report and ``None`` for a letter (công văn), whose
    ``subject`` ("V/v …") goes under its number; ``addressees`` make its "Kính gửi" line."""

    issuer: Issuer
    type_name: str | None
    subject: str
    body: list[Block]
    addressees: list[str] = field(default_factory=list)
    annex: Annex | None = None
    #: recipients printed before the configured ones (a letter's "Như trên")
    first_recipients: list[str] = field(default_factory=list)

    @property
    def recipients(self) -> list[str]:
        return [*self.first_recipients, *self.issuer.recipients]


def date_words(day: dt.date) -> str:
    """Decree 30: "ngày 05 tháng 01 năm 2026" — days below 10 and months 1-2 take a leading zero."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def fill_number(pattern: str, number: str | None) -> str:
    """The pattern with its number: "…" when none is given, "05" for 5 (Decree 30 pads below 10)."""
    if number is None:
        return pattern.replace("{number}", BLANK)
    text = nfc(number)
    if not text or "/" in text or len(text) > 20:
        raise HoptacError(t("err.document_number", value=number))
    if text.isdigit():
        text = f"{int(text):02d}"
    return pattern.replace("{number}", text)


def issuer(
    db: Database,
    agreement_id: int | None,
    overrides: dict[str, Any],
    *,
    letter: bool = False,
    number: str | None = None,
    date: str | None = None,
    option_names: dict[str, str] | None = None,
) -> Issuer:
    """Who issues one document: the database settings, the agreement's own, then ``overrides``
    (per-document option values keyed by setting; checked like the settings themselves)."""
    from hoptac_cli.domain import settings

    checked = settings.prepare(overrides, option_names)
    if letter and "number_pattern" in checked:
        checked["letter_number_pattern"] = checked.pop("number_pattern")
    values, missing = settings.effective(db, agreement_id, checked)
    if letter:
        missing = [key for key in missing if key not in ("number_pattern", "recipients")]
        pattern = values["letter_number_pattern"]
        if BLANK in pattern:
            missing.append("letter_number_pattern")
    else:
        pattern = values["number_pattern"]
    day = parse_date(date, option="--date") if date else today()
    # A letter's recipients are "Như trên" and whoever is named for it, not the report's list.
    recipients = (checked["recipients"].split("\n") if "recipients" in checked else []) if letter else values["recipients"]
    return Issuer(
        governing_body=values["governing_body"],
        issuing_body=values["issuing_body"],
        place=values["place"],
        number=fill_number(pattern, number),
        date=day,
        authority=values["signer_authority"],
        signer_title=values["signer_title"],
        signer_name=values["signer_name"],
        recipients=recipients,
        archive=values["archive"] or "VT",
        missing=missing,
    )


def close(blocks: list[Block]) -> None:
    """End the last sentence of the body with "./." as Decree 30 ends a document's text."""
    for block in reversed(blocks):
        if block.kind == "bullets" and block.items:
            block.items[-1] = block.items[-1].rstrip(".") + "./."
            return
        if block.kind == "paragraph" and block.text:
            block.text = block.text.rstrip(".") + "./."
            return


def lower_first(text: str) -> str:
    """ "6 tháng cuối năm 2022" stays; "Năm 2022" → "năm 2022" inside a sentence."""
    return text[:1].lower() + text[1:]

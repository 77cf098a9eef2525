"""Who issues hoptac's documents: settings per database, overridden per agreement and per document.

A Decree 30/2020/NĐ-CP document names its governing and issuing body, its number and symbol,
the place it is issued, who signs it and with what authority, and its recipients. These are set
once per database (``hoptac settings KEY VALUE``), may be overridden for one agreement
(``agreement update --issuing-body …``) and once more for one document (``summary --place …``).
A key set nowhere is shown as "…" in the document, for the author to fill in.
"""

from __future__ import annotations

import difflib
import re
from typing import TYPE_CHECKING, Any

from hoptac_cli.domain.text import fold, nfc
from hoptac_cli.errors import HoptacError
from hoptac_cli.i18n import t, t_in
from hoptac_cli.records import DATA_LANG
from hoptac_cli.storage import settings as store

if TYPE_CHECKING:
    from sqlite_utils import Database

Row = dict[str, Any]

KEYS = (
    "governing_body",
    "issuing_body",
    "place",
    "number_pattern",
    "letter_number_pattern",
    "signer_authority",
    "signer_title",
    "signer_name",
    "recipients",
    "archive",
)
#: keys holding several lines (typed with ';' or new lines between them, stored one per line)
LISTS = ("signer_authority", "recipients")
#: what a key is when it was set nowhere
DEFAULTS = {"number_pattern": "{number}/BC-…", "letter_number_pattern": "{number}/…", "archive": "VT"}
#: keys a document cannot do without: unset ones print "…" and a warning (a governing body is
#: printed only when there is one: a provincial People's Committee has none)
EXPECTED = ("issuing_body", "place", "number_pattern", "signer_title", "signer_name", "recipients")
#: Decree 30 Appendix I: "thay mặt", "ký thay", "thừa lệnh", "thừa ủy quyền", "quyền"
AUTHORITY_PREFIXES = ("TM.", "KT.", "TL.", "TUQ.", "Q.")
PLACEHOLDER = "{number}"

#: Vietnamese names a key may be typed by (folded), besides the key itself with - or _
_ALIASES = {
    "co-quan-chu-quan": "governing_body",
    "co-quan-ban-hanh": "issuing_body",
    "dia-danh": "place",
    "so-ky-hieu": "number_pattern",
    "so-ky-hieu-bao-cao": "number_pattern",
    "so-ky-hieu-cong-van": "letter_number_pattern",
    "tham-quyen-ky": "signer_authority",
    "quyen-han-ky": "signer_authority",
    "chuc-vu-nguoi-ky": "signer_title",
    "nguoi-ky": "signer_name",
    "ho-ten-nguoi-ky": "signer_name",
    "noi-nhan": "recipients",
    "luu": "archive",
}
_LOOKUP = {fold(key): key for key in KEYS} | _ALIASES
_SPLIT = re.compile(r"\s*(?:;|\n)\s*")
_SPACES = re.compile(r"\s+")


def parse_key(text: str) -> str:
    """A key as typed (``issuing_body``, ``issuing-body``, ``co quan ban hanh``) → the key."""
    found = _LOOKUP.get(fold(text))
    if found:
        return found
    close = difflib.get_close_matches(fold(text), list(_LOOKUP), n=1, cutoff=0.6)
    hint = t("err.setting_key_hint", hint=_LOOKUP[close[0]]) if close else ""
    raise HoptacError(t("err.setting_key", value=text, accepted=", ".join(KEYS), hint=hint))


def _line(text: str) -> str:
    return _SPACES.sub(" ", nfc(text))


def check(key: str, value: str | list[str], *, option: str | None = None) -> str:
    """Validate and normalise one value; return it as stored (lists one item per line)."""
    label = option or key
    items = value if isinstance(value, list) else [value]
    if key in LISTS:
        parts = [_line(part) for item in items for part in _SPLIT.split(nfc(item))]
        parts = [part.lstrip("-–• ").rstrip(";.,").strip() for part in parts]
        parts = [part for part in parts if part]
    else:
        parts = [_line(" ".join(items))]
        parts = [part for part in parts if part]
    if not parts:
        raise HoptacError(t("err.setting_empty", option=label))
    if any(len(part) > 200 for part in parts):
        raise HoptacError(t("err.setting_long", option=label, value=next(part for part in parts if len(part) > 200)[:40]))
    if key in ("number_pattern", "letter_number_pattern"):
        (pattern,) = parts
        if (
            pattern.count(PLACEHOLDER) != 1
            or pattern.replace(PLACEHOLDER, "").count("{")
            or "}" in pattern.replace(PLACEHOLDER, "")
        ):
            example = "{number}/BC-STC" if key == "number_pattern" else "{number}/STC-KTĐN"
            raise HoptacError(t("err.setting_pattern", option=label, value=pattern, example=example))
        parts = [pattern.removeprefix("Số:").removeprefix("Số").strip()]
    if key == "signer_authority":
        parts = [_authority(part, label) for part in parts]
    if key == "archive":
        text = parts[0]
        text = re.sub(r"^(?:-\s*)?Lưu\s*:?\s*", "", text, flags=re.IGNORECASE).rstrip(".").strip()
        if not text:
            raise HoptacError(t("err.setting_empty", option=label))
        parts = [text]
    return "\n".join(parts)


def _authority(line: str, label: str) -> str:
    upper = line.upper()
    for prefix in AUTHORITY_PREFIXES:
        if upper.startswith(prefix):
            rest = line[len(prefix) :].strip()
            if rest:
                return f"{prefix} {rest}"
    raise HoptacError(t("err.setting_authority", option=label, value=line, accepted=", ".join(AUTHORITY_PREFIXES)))


def _agreement(db: Database, agreement_ref: str | None) -> Row | None:
    if agreement_ref is None:
        return None
    from hoptac_cli.domain import register

    return register.agreement(db, agreement_ref)


def _agreement_id(db: Database, agreement_ref: str | None) -> int | None:
    found = _agreement(db, agreement_ref)
    return found["id"] if found else None


def scope_slug(db: Database, agreement_ref: str | None) -> str | None:
    """The slug of the agreement a ``--agreement`` names, for messages."""
    found = _agreement(db, agreement_ref)
    return found["slug"] if found else None


def listing(db: Database, agreement_ref: str | None = None) -> list[Row]:
    """Every key with its effective value and where it comes from (``database``, ``agreement``,
    ``default`` or ``unset``): for the database, or as one agreement's documents see it."""
    agreement_id = _agreement_id(db, agreement_ref)
    base = store.read(db, None)
    own = store.read(db, agreement_id) if agreement_id is not None else {}
    rows = []
    for key in KEYS:
        if key in own:
            value, source = own[key], "agreement"
        elif key in base:
            value, source = base[key], "database"
        elif key in DEFAULTS:
            value, source = DEFAULTS[key], "default"
        else:
            value, source = None, "unset"
        rows.append(
            {
                "key": key,
                "value": _shown(key, value),
                "source": source,
                "description": t_in(DATA_LANG, f"setting.{key}"),
                "description_label": t(f"setting.{key}"),
            }
        )
    return rows


def _shown(key: str, value: str | None) -> str | None:
    if value is None:
        return None
    return "; ".join(value.split("\n")) if key in LISTS else value


def set_value(db: Database, key_text: str, value: str, agreement_ref: str | None = None) -> Row:
    """``hoptac settings KEY VALUE``: set a key for the database or one agreement."""
    key = parse_key(key_text)
    stored = check(key, value)
    agreement_id = _agreement_id(db, agreement_ref)
    with db.atomic():
        store.put(db, agreement_id, key, stored)
    return {"key": key, "value": _shown(key, stored)}


def unset(db: Database, key_text: str, agreement_ref: str | None = None) -> Row:
    """Remove a key from one scope; refuse when it was not set there."""
    key = parse_key(key_text)
    agreement_id = _agreement_id(db, agreement_ref)
    if key not in store.read(db, agreement_id):
        raise HoptacError(t("err.setting_not_set", name=key))
    with db.atomic():
        store.remove(db, agreement_id, key)
    return {"key": key}


def prepare(values: dict[str, Any], option_names: dict[str, str] | None = None) -> dict[str, str]:
    """Validate the given overrides (``None`` values are left out) without writing anything."""
    names = option_names or {}
    return {key: check(key, value, option=names.get(key)) for key, value in values.items() if value not in (None, [])}


def check_clear(db: Database, agreement_id: int, clear: list[str]) -> list[str]:
    """The keys of ``clear``, each of which the agreement must have its own value for."""
    keys = [parse_key(key) for key in clear]
    own = store.read(db, agreement_id)
    for key in keys:
        if key not in own:
            raise HoptacError(t("err.setting_not_set", name=key))
    return keys


def update_agreement(db: Database, agreement_id: int, changes: dict[str, str], cleared: list[str]) -> dict[str, Any]:
    """Store an agreement's overrides (checked with ``prepare``) and drop the ``cleared`` keys
    (checked with ``check_clear``), in one transaction."""
    with db.atomic():
        for key in cleared:
            store.remove(db, agreement_id, key)
        for key, value in changes.items():
            store.put(db, agreement_id, key, value)
    return {"set": {key: _shown(key, value) for key, value in changes.items()}, "cleared": cleared}


def effective(
    db: Database, agreement_id: int | None, overrides: dict[str, str] | None = None
) -> tuple[dict[str, Any], list[str]]:
    """Every key's value for one document (list keys as lists), and the expected keys set nowhere."""
    merged: dict[str, str] = dict(DEFAULTS)
    merged.update(store.read(db, None))
    if agreement_id is not None:
        merged.update(store.read(db, agreement_id))
    merged.update(overrides or {})
    values: dict[str, Any] = {}
    for key in KEYS:
        raw = merged.get(key)
        values[key] = (raw.split("\n") if raw else []) if key in LISTS else raw
    missing = [key for key in EXPECTED if not values[key] or (key == "number_pattern" and "…" in values[key])]
    return values, missing

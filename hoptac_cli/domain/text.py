"""Vietnamese text handling: NFC storage, diacritic-insensitive search keys and slugs.

``đ``/``Đ`` has no Unicode decomposition, so it is mapped to ``d`` by hand; "hòa" and "hoà"
differ even in NFC but fold to the same key.
"""

import re
import unicodedata

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
#: letters that Unicode cannot decompose, folded by hand; the search index applies the same map
#: in SQL (storage/search.py) and lets SQLite's tokenizer strip the marks and the case
BY_HAND = {"đ": "d", "Đ": "D"}


def nfc(value: str) -> str:
    """Normalise user text to NFC and trim surrounding white space."""
    return unicodedata.normalize("NFC", value).strip()


def nfc_or_none(value: str | None) -> str | None:
    if value is None:
        return None
    cleaned = nfc(value)
    return cleaned or None


def fold(value: str) -> str:
    """Lower-case ASCII words separated by single hyphens: the comparison key for references."""
    for letter, plain in BY_HAND.items():
        value = value.replace(letter, plain)
    decomposed = unicodedata.normalize("NFD", value)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_ALNUM.sub("-", stripped.lower()).strip("-")


def slugify(value: str) -> str:
    """A slug from a Vietnamese name: ``Y tế`` → ``y-te``, ``Thương mại - dịch vụ`` → ``thuong-mai-dich-vu``."""
    return fold(value)

"""Vietnamese text handling: NFC storage, diacritic-insensitive search keys and slugs.

``đ``/``Đ`` has no Unicode decomposition, so it is mapped to ``d`` by hand; "hòa" and "hoà"
differ even in NFC but fold to the same key.
"""

import re
import unicodedata

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


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
    decomposed = unicodedata.normalize("NFD", value.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_ALNUM.sub("-", stripped.lower()).strip("-")


def slugify(value: str) -> str:
    """A slug from a Vietnamese name: ``Y tế`` → ``y-te``, ``Thương mại - dịch vụ`` → ``thuong-mai-dich-vu``."""
    return fold(value)

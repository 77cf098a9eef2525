"""Vietnamese text handling: cleaning at the door, NFC storage, diacritic-insensitive search keys
and slugs.

Every piece of user text (arguments, imported cells, the sample) goes through ``nfc`` before it
is stored or compared: Unicode NFC, line breaks made ``\\n`` (a Word line break ``\\x0b``, a form
feed, ``\\r\\n``, U+2028...), every other control character dropped (escape sequences, NUL,
bidirectional overrides, undecodable bytes), outer white space trimmed. Tabs and line breaks
stay in long text (results, difficulties, notes); names and titles are one line (``one_line``).
So nothing stored can break the Word writer or send escape sequences to a terminal.

``đ``/``Đ`` has no Unicode decomposition, so it is mapped to ``d`` by hand; "hòa" and "hoà"
differ even in NFC but fold to the same key.
"""

import re
import unicodedata
from functools import cache

# The patterns are compiled when first used (``_compiled``), not when the module is imported:
# compiling these character classes costs a few milliseconds that most commands never need.
_NON_ALNUM = r"[^a-z0-9]+"
#: what a line break may look like in pasted or imported text (str.splitlines' set)
_LINE_BREAK = "\r\n|[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]"
#: dropped: C0/C1 controls but tab and line feed, bidirectional embeddings, overrides and
#: isolates, the byte-order mark, and lone surrogates (bytes that were not UTF-8)
_DROPPED = "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]"
_CONTROL = _DROPPED
#: anything ``clean`` changes: a line break other than ``\n``, or a dropped character
_ANY_CONTROL = _DROPPED[:-1] + "\r\x85\u2028\u2029]"
#: the characters an argument may not hold (line breaks, tabs and the BOM are only normalised)
_REFUSED = "[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069]"
_SURROGATE = "[\ud800-\udfff]"
_BREAKS_AND_TABS = r"\s*[\n\t]\s*"


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def clean(value: str) -> str:
    """Line breaks made ``\\n`` and other control characters dropped (tabs are kept)."""
    if value.isprintable():  # the common case, without a pattern: every character it changes is unprintable
        return value
    if _compiled(_ANY_CONTROL).search(value) is None:  # one scan instead of two rewrites
        return value
    return _compiled(_CONTROL).sub("", _compiled(_LINE_BREAK).sub("\n", value))


#: letters that Unicode cannot decompose, folded by hand; the search index applies the same map
#: in SQL (storage/search.py) and lets SQLite's tokenizer strip the marks and the case
BY_HAND = {"đ": "d", "Đ": "D"}


def nfc(value: str) -> str:
    """Normalise user text to NFC, clean it, and trim surrounding white space."""
    return unicodedata.normalize("NFC", clean(value)).strip()


def nfc_each(values: list[str]) -> list[str]:
    """``nfc`` of each value (the cells of a row of a file): one scan of the row for what
    ``clean`` would change, and no call per value when there is nothing."""
    joined = "".join(values)
    if clean(joined) != joined:  # a control or line break somewhere: each value in full
        return [nfc(value) for value in values]
    normalize = unicodedata.normalize
    return [normalize("NFC", value).strip() for value in values]


def nfc_or_none(value: str | None) -> str | None:
    if value is None:
        return None
    cleaned = nfc(value)
    return cleaned or None


def one_line(value: str) -> str:
    """``nfc`` for names and titles: line breaks and tabs become single spaces."""
    return _compiled(_BREAKS_AND_TABS).sub(" ", nfc(value))


def refused_character(value: str) -> str | None:
    """The first character an argument may not hold, as ``U+001B``; line breaks and tabs are fine."""
    if value.isascii() and value.isprintable():  # the common case: no refused character is
        return None
    found = _compiled(_REFUSED).search(value)
    return f"U+{ord(found.group()):04X}" if found else None


def undecodable(value: str) -> bool:
    """Does ``value`` hold bytes that were not UTF-8 (surrogate escapes from the command line)?"""
    return not value.isascii() and _compiled(_SURROGATE).search(value) is not None


_INVISIBLE = "[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"


def _escape(char: str) -> str:
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"  # an undecodable byte, as Python's surrogateescape keeps it
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(value: str, limit: int = 40) -> str:
    """``value`` for an error message: control characters and undecodable bytes written as
    escapes (``\\x1b``, ``\\xff``), cut to ``limit`` characters."""
    shown = _compiled(_INVISIBLE).sub(lambda match: _escape(match.group()), value)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def fold(value: str) -> str:
    """Lower-case ASCII words separated by single hyphens: the comparison key for references."""
    for letter, plain in BY_HAND.items():
        value = value.replace(letter, plain)
    decomposed = unicodedata.normalize("NFD", value)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _compiled(_NON_ALNUM).sub("-", stripped.lower()).strip("-")


def slugify(value: str) -> str:
    """A slug from a Vietnamese name: ``Y tế`` → ``y-te``, ``Thương mại - dịch vụ`` → ``thuong-mai-dich-vu``."""
    return fold(value)

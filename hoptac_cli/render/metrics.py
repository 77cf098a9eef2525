"""How wide text is in Times New Roman, to size table columns and rules without a font file.

The advance widths are the standard Times metrics (thousandths of an em; Times New Roman and
Liberation Serif share them). A Vietnamese letter is as wide as its base letter: the marks sit
above or below it. This is an estimate for layout (column widths that keep dates and numbers
whole, rules as long as a line of text), not typesetting.
"""

from __future__ import annotations

import unicodedata

_ASCII = "".join(chr(code) for code in range(32, 127))
# The tables keep the 16-a-row layout of the published metrics.
# fmt: off
_REGULAR = [
    250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278,
    500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444,
    921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722,
    556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500,
    333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500,
    500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
]
_BOLD = [
    250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278,
    500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500,
    930, 722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778,
    611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333, 278, 333, 581, 500,
    333, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500,
    556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520,
]
# fmt: on
REGULAR = dict(zip(_ASCII, _REGULAR))
BOLD = dict(zip(_ASCII, _BOLD))
_EXTRA = {"–": 500, "—": 1000, "…": 1000, "‘": 333, "’": 333, "“": 444, "”": 444, "•": 350, "\u00a0": 250}


def _base(char: str) -> str:
    if char in "đĐ":
        return "d" if char == "đ" else "D"
    return unicodedata.normalize("NFD", char)[0]


def char_width(char: str, bold: bool = False) -> int:
    """Thousandths of an em."""
    table = BOLD if bold else REGULAR
    if char in table:
        return table[char]
    if char in _EXTRA:
        return _EXTRA[char]
    return table.get(_base(char), 600)


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width of ``text`` in points at ``size`` points."""
    return sum(char_width(char, bold) for char in text) * size / 1000


def longest_word(text: str, size: float, bold: bool = False) -> float:
    """Width in points of the widest unbreakable word of ``text``."""
    return max((text_width(word, size, bold) for word in text.split()), default=0.0)

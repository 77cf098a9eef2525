"""Tables that fit the terminal: column widths chosen here, never by cutting words.

Rich shares a narrow terminal out by folding text wherever the width runs out, which breaks
Vietnamese syllables in two ("Thươ ng"). Here every column is at least as wide as its longest
word and text wraps at spaces only. When the columns do not fit, the table narrows in steps
that the caller chose (a column that can wait drops out, or moves under another), and only then
do long texts wrap more; a listing may also cut a long text after a few lines with "…" (``show``,
JSON and CSV keep it whole).

The layout is plain arithmetic on the cells' text (``fit``); ``build`` hands Rich a table whose
column widths are fixed, so that Rich only draws it.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table
    from rich.text import JustifyMethod, Text

ELLIPSIS = "…"
#: space between two columns: one blank cell border and one character of padding
GAP = 2
#: below this width a wrapping column reads badly: narrowing steps are taken before it gets less
COMFORT = 16
#: how many of a column's longest cells are wrapped to judge how tall its rows get
TALLEST = 4
#: how many rows are wrapped to judge how tall a table gets
SAMPLE = 60


class Spec:
    """One column as the layout sees it.

    (A plain class, not a dataclass: every command that prints a table imports this module,
    and a dataclass costs ~0.5 ms of start-up to generate its methods.)"""

    __slots__ = ("header", "justify", "wrap", "lines", "comfort", "ratio", "style")

    def __init__(
        self,
        header: str,
        justify: str = "left",
        wrap: bool = True,
        lines: int | None = None,
        comfort: int = COMFORT,
        ratio: int = 1,
        style: str = "",
    ) -> None:
        self.header = header
        self.justify = justify
        #: False for values read as one piece (dates, numbers, slugs, codes): never wrapped
        self.wrap = wrap
        #: at most this many lines per cell, the last ending with "…" (listings only)
        self.lines = lines
        #: the width under which this column is cramped (wrapping columns)
        self.comfort = comfort
        #: share of the spare width, relative to the other wrapping columns
        self.ratio = ratio
        self.style = style

    def __repr__(self) -> str:
        return f"Spec({', '.join(f'{name}={getattr(self, name)!r}' for name in self.__slots__)})"


@lru_cache(maxsize=4096)
def cell_width(text: str) -> int:
    from rich.cells import cell_len

    return max((cell_len(line) for line in text.split("\n")), default=0)


@lru_cache(maxsize=4096)
def longest_word(text: str) -> int:
    return max((size for paragraph in _paragraphs(text) for _, size in paragraph), default=0)


@lru_cache(maxsize=4096)
def _paragraphs(text: str) -> tuple[tuple[tuple[str, int], ...], ...]:
    """``text``'s lines, each as its words with their widths: measured once per text, however
    many widths the layout tries."""
    from rich.cells import cell_len

    return tuple(tuple((word, cell_len(word)) for word in paragraph.split()) for paragraph in text.split("\n"))


class Measure:
    """What the layout needs to know of one column (a plain class, as ``Spec``)."""

    __slots__ = ("least", "comfortable", "wanted", "full", "tallest")

    def __init__(self, least: int, comfortable: int, wanted: int, full: int, tallest: tuple[str, ...] = ()) -> None:
        self.least = least  # its longest word (wrapping) or longest line (not wrapping), header words included
        self.comfortable = comfortable  # below this it reads badly: its header in two lines, its text at ``comfort``
        self.wanted = wanted  # every cell on one line
        self.full = full  # and the header on one line too
        self.tallest = tallest  # its longest cells, whose wrapping decides how tall rows get


def fold_width(text: str, lines: int) -> int:
    """The narrowest width at which ``text`` wraps into at most ``lines`` lines."""
    size = longest_word(text)
    full = cell_width(text)
    while size < full and wrap(text, size).count("\n") >= lines:
        size += 1
    return size


def measure(spec: Spec, cells: Sequence[str]) -> Measure:
    header = fold_width(spec.header, 2)
    widest = max((cell_width(cell) for cell in cells), default=0)
    if not spec.wrap:
        least = max(widest, longest_word(spec.header))
        return Measure(least, max(least, header), least, max(least, cell_width(spec.header)))
    least = max([longest_word(cell) for cell in cells] + [longest_word(spec.header)], default=0)
    comfortable = max(least, header, min(widest, spec.comfort))
    wanted = max(comfortable, widest)
    tallest = tuple(sorted(cells, key=cell_width, reverse=True)[:TALLEST])
    return Measure(least, comfortable, wanted, max(wanted, cell_width(spec.header)), tallest)


def height(m: Measure, width: int) -> int:
    """How many lines the column's longest cells take at ``width`` (before any cut with "…":
    a cut text needs the width as much as a wrapped one)."""
    return max((wrap(cell, width).count("\n") + 1 for cell in m.tallest), default=1)


def overhead(columns: int) -> int:
    return GAP * max(columns - 1, 0)


def fits(measures: Sequence[Measure], width: int) -> bool:
    return sum(m.comfortable for m in measures) + overhead(len(measures)) <= width


def widths(specs: Sequence[Spec], measures: Sequence[Measure], width: int) -> list[int]:
    """Each column's width for a table ``width`` wide.

    Every column gets at least its longest word. Then, as far as the width allows: the tallest
    column a line less, again and again (the one that costs fewest characters first), so that
    rows are as short as they can be; then the texts their whole length, the spare width shared
    by how much more each wants (weighted by ``ratio``); last the headers their whole length,
    the shortest first.
    """
    chosen = [m.least for m in measures]
    spare = width - overhead(len(measures)) - sum(chosen)
    # Figures and dates keep their header on two lines at most, if the width allows.
    for i in sorted((i for i, spec in enumerate(specs) if not spec.wrap), key=lambda i: measures[i].comfortable - chosen[i]):
        extra = min(measures[i].comfortable - chosen[i], spare)
        chosen[i] += extra
        spare -= extra
    # Rows are as tall as their tallest cell: take a line off the tallest column, the cheapest
    # first, as long as the width lasts.
    stuck: set[int] = set()
    while spare > 0:
        tall = {
            i: height(m, chosen[i]) for i, m in enumerate(measures) if specs[i].wrap and chosen[i] < m.wanted and i not in stuck
        }
        tall = {i: lines for i, lines in tall.items() if lines > 1}
        if not tall:
            break
        top = max(tall.values())
        costs = {}
        for i in (i for i, lines in tall.items() if lines == top):
            size = chosen[i] + 1
            while size < measures[i].wanted and height(measures[i], size) >= top:
                size += 1
            costs[i] = size - chosen[i]
        cheapest = min(costs, key=lambda i: (costs[i], -specs[i].ratio))
        if costs[cheapest] > spare:
            stuck.add(cheapest)
            continue
        chosen[cheapest] += costs[cheapest]
        spare -= costs[cheapest]
    while spare > 0:
        hungry = [i for i, m in enumerate(measures) if chosen[i] < m.wanted]
        if not hungry:
            break
        weights = {i: (measures[i].wanted - chosen[i]) * specs[i].ratio for i in hungry}
        total = sum(weights.values())
        given = 0
        for i in hungry:
            share = min(measures[i].wanted - chosen[i], max(1, spare * weights[i] // total), spare - given)
            chosen[i] += share
            given += share
        if given == 0:
            break
        spare -= given
    for i in sorted(range(len(measures)), key=lambda i: measures[i].full - chosen[i]):
        extra = min(measures[i].full - chosen[i], spare)
        if extra > 0:
            chosen[i] += extra
            spare -= extra
    return chosen


def tall(specs: Sequence[Spec], columns: Sequence[Sequence[str]], width: int) -> int:
    """How many lines the rows of a table would take at ``width`` (its first ``SAMPLE`` rows),
    counting the lines a cut text hides too: cutting loses words as wrapping costs lines."""
    measures = [measure(spec, cells) for spec, cells in zip(specs, columns)]
    chosen = widths(specs, measures, width)
    rows = min(SAMPLE, len(columns[0]) if columns else 0)
    total = 0
    for index in range(rows):
        lines = [wrap(cells[index], size).count("\n") + 1 for cells, size in zip(columns, chosen)]
        total += max(lines, default=1)
    return total


@lru_cache(maxsize=8192)
def wrap(text: str, width: int, lines: int | None = None) -> str:
    """``text`` wrapped at spaces to ``width`` (a word longer than ``width`` is cut only when
    nothing else can be done); with ``lines``, at most that many lines, the last ending in "…".

    The layout wraps the same cells at many widths: each text's words are measured once
    (``_paragraphs``) and each (text, width) wrapped once (the cache)."""
    from rich.cells import cell_len

    out: list[str] = []
    for paragraph in _paragraphs(text):
        line = ""
        used = 0  # the cell width of ``line``: its words and one space between two
        for word, size in paragraph:
            while size > width > 0:  # impossible to keep whole: fold (the layout avoids it)
                if line:
                    out.append(line)
                    line = ""
                out.append(word[:width])
                word = word[width:]
                size = cell_len(word)
            if not line:
                line, used = word, size
            elif used + 1 + size <= width:
                line = f"{line} {word}"
                used += 1 + size
            else:
                out.append(line)
                line, used = word, size
        out.append(line)
    if lines is not None and len(out) > lines:
        out = out[:lines]
        last = out[-1]
        while last and cell_len(last) + 1 > width:
            last = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
        out[-1] = last.rstrip(",;:.–-— ") + ELLIPSIS
    return "\n".join(out)


def styled(text: str | Text, width: int, lines: int | None) -> Text:
    """Wrap a cell that may carry styles (Rich ``Text``) the way ``wrap`` does plain text."""
    from rich.text import Text

    if isinstance(text, str):
        return Text(wrap(text, width, lines))
    if not text.spans:
        return Text(wrap(text.plain, width, lines), style=text.style)
    # Styled text is short figures and words: wrap each of its lines with Rich at spaces only.
    wrapped = text.wrap(_console(max(width, 1)), max(width, 1), overflow="fold")
    kept = list(wrapped)
    if lines is not None and len(kept) > lines:
        kept = kept[:lines]
        kept[-1].append(ELLIPSIS)
    return Text("\n").join(kept)


@lru_cache(maxsize=64)
def _console(width: int) -> Console:
    """A console ``width`` wide for Rich to wrap styled cells with (one per width, not per cell)."""
    from rich.console import Console

    return Console(width=width)


def build(
    specs: Sequence[Spec],
    rows: Sequence[Sequence[str | Text]],
    width: int,
    *,
    title: str | None = None,
    caption: str | None = None,
    sections: Sequence[bool] | None = None,
    row_styles: Sequence[str | None] | None = None,
) -> Table:
    """A Rich table of ``rows`` whose columns take the widths ``widths`` chose for ``width``."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    plain = [[cell.plain if isinstance(cell, Text) else cell for cell in row] for row in rows]
    measures = [measure(spec, [row[i] for row in plain]) for i, spec in enumerate(specs)]
    chosen = widths(specs, measures, width)
    table = Table(
        title=title,
        caption=caption,
        caption_justify="left",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        padding=(0, GAP - 1, 0, 0),
        header_style="bold",
        title_style="bold",
        caption_style="",
        collapse_padding=False,
    )
    for spec, size in zip(specs, chosen):
        table.add_column(
            Text(wrap(spec.header, size)),
            justify=cast("JustifyMethod", spec.justify),
            width=size,
            no_wrap=True,
            overflow="fold",
            style=spec.style or None,
        )
    for index, row in enumerate(rows):
        cells = [styled(cell, size, spec.lines) for cell, size, spec in zip(row, chosen, specs)]
        table.add_row(
            *cells,
            end_section=bool(sections and sections[index]),
            style=row_styles[index] if row_styles else None,
        )
    return table

"""A progress bar on stderr for long imports and exports, only when stderr is a terminal."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from typing import Any

#: below this many rows no bar is worth showing (a long export shows one once it gets there)
THRESHOLD = 2000


@contextlib.contextmanager
def progress(label: str, total: int | None = None, *, threshold: int = THRESHOLD) -> Iterator[Callable[[], None] | None]:
    """Yield a ``tick()`` to call once per row, or None when no bar is shown: stderr is not a
    terminal, or ``total`` is known and below ``threshold``. With no ``total`` (rows streamed),
    the bar appears only once ``threshold`` rows have gone by, so that a short export shows
    nothing. The bar is transient: it leaves nothing behind on the terminal."""
    if not sys.stderr.isatty() or (total is not None and total < threshold):
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from hoptac_cli.render.output import console

    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console(stderr=True),
        transient=True,
    )
    state: dict[str, Any] = {"done": 0, "task": None}

    def tick() -> None:
        state["done"] += 1
        if state["task"] is None:
            if state["done"] < threshold and total is None:
                return
            bar.start()
            state["task"] = bar.add_task(label, total=total, completed=state["done"] - 1)
        bar.advance(state["task"])

    try:
        yield tick
    finally:
        if state["task"] is not None:
            bar.stop()

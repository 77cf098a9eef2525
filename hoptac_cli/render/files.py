"""Writing output files: the one place documents, letters and workbooks reach the disk.

``refuse_existing`` runs before any work, so that a refused command writes nothing;
``write_file`` writes through a temporary sibling renamed into place (``render.tabular``'s
``binary_output``), so that a failure leaves no half-written file.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO

from hoptac_cli.errors import HoptacError
from hoptac_cli.i18n import t


def refuse_existing(targets: Iterable[Path | str], force: bool) -> None:
    """Refuse to replace an existing file unless ``force``; refuse a folder or unwritable place."""
    for target in targets:
        path = Path(target)
        if str(target) == "-":
            continue
        folder = path.parent if str(path.parent) else Path(".")
        if path.is_dir() or not folder.is_dir() or not os.access(folder, os.W_OK):
            raise HoptacError(t("err.output_path", value=str(target)))
        if path.exists() and not force:
            raise HoptacError(t("err.file_exists", value=str(target)))


def write_file(target: Path | str, fill: Callable[[IO[bytes]], None]) -> None:
    """Write a file (or stdout for ``-``) with ``fill(stream)``; nothing is left behind on failure."""
    from hoptac_cli.render.tabular import binary_output

    with binary_output(str(target)) as stream:
        fill(stream)

"""The message catalogue's index (``hoptac_cli/i18n/index.py``): which catalogue module holds
each key, so that ``t()`` imports only the modules a command asks messages of.

After adding, moving or removing a message, write the index again:

    .venv/bin/python tests/test_catalogue_index.py
"""

from __future__ import annotations

import importlib
import inspect
import re
import sys
from pathlib import Path

INDEX = Path(__file__).resolve().parent.parent / "hoptac_cli" / "i18n" / "index.py"


def modules() -> list[str]:
    """The catalogue modules ``i18n._load`` merges, in its order."""
    from hoptac_cli import i18n

    source = inspect.getsource(i18n._load)
    names = re.search(r"from hoptac_cli\.i18n import (?:\(([^)]*)\)|([^\n]*))", source)
    assert names, "i18n._load no longer imports its modules with one import statement"
    return [name.strip() for name in (names.group(1) or names.group(2)).split(",") if name.strip()]


def where() -> dict[str, str]:
    found: dict[str, str] = {}
    for module in modules():
        for key in importlib.import_module(f"hoptac_cli.i18n.{module}").MESSAGES:
            assert key not in found, f"{key} is in both {found[key]} and {module}"
            found[key] = module
    return dict(sorted(found.items()))


def text() -> str:
    lines = [
        '"""Which catalogue module holds each message key (``i18n._message``). Written by',
        "``tests/test_catalogue_index.py``; do not edit by hand.",
        '"""',
        "",
        "WHERE: dict[str, str] = {",
        *(f'    "{key}": "{module}",' for key, module in where().items()),
        "}",
        "",
    ]
    return "\n".join(lines)


def test_the_index_names_the_module_of_every_key():
    assert INDEX.read_text(encoding="utf-8") == text(), "run: .venv/bin/python tests/test_catalogue_index.py"


def test_no_key_is_defined_twice():
    from hoptac_cli.i18n import _load

    assert len(_load()) == len(where())


def test_a_message_loads_only_its_module(tmp_path):
    """In a fresh process, a status word imports the core catalogue alone; a key the index does
    not know still finds its message (every module is loaded then), and an unknown one is no
    message."""
    import subprocess

    code = (
        "import sys; from hoptac_cli.i18n import t, has\n"
        "print(t('status.done'))\n"
        "print(sorted(m for m in sys.modules if m.startswith('hoptac_cli.i18n.')))\n"
        "from hoptac_cli.i18n import index; index.WHERE.pop('word.total')\n"
        "print(t('word.total'), has('no.such.key'))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.splitlines()
    assert out[0] == "done"
    assert out[1] == "['hoptac_cli.i18n.core', 'hoptac_cli.i18n.index']"
    assert out[2] == "Total False"


if __name__ == "__main__":
    INDEX.write_text(text(), encoding="utf-8")
    print(f"wrote {INDEX}")

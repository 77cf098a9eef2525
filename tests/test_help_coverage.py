"""Every command and option explains itself, in English and in Vietnamese, and every command is
written about for users (after sqlite-utils' ``tests/test_docs.py``).

English help is what the code says (a command's docstring, an option's ``help=``); Vietnamese
help is the entry in ``hoptac_cli/i18n/help.py`` (see ``cli/helptext.py``). A command is
documented when README.md or a text file under ``docs/`` names it as a user types it:
``hoptac party add …`` in an example, or `` `party add` `` in prose.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer

from hoptac_cli.cli import app, helptext

ROOT = Path(__file__).resolve().parent.parent


def entries():
    """(key, command, parameter or None) for every visible command and parameter, help in English."""
    root = typer.main.get_command(app)
    helptext.apply(root, "en")
    return [
        (key, command, param)
        for key, command, param in helptext.walk(root)
        if not getattr(param if param is not None else command, "hidden", False)
    ]


def documentation() -> str:
    files = [ROOT / "README.md", *sorted(path for path in (ROOT / "docs").rglob("*") if path.suffix in (".md", ".rst", ".txt"))]
    return "\n".join(path.read_text(encoding="utf-8") for path in files)


def commands() -> list[str]:
    return [key for key, _, param in entries() if param is None and key != helptext.ROOT]


def test_every_command_and_option_has_help_in_english_and_vietnamese():
    english, vietnamese = [], []
    for key, command, param in entries():
        text = (param if param is not None else command).help
        if not (text or "").strip():
            english.append(f"    {key}")
        if not helptext.vietnamese(key, text):
            vietnamese.append(f'    "{key}": "",')
    assert not english, "no help (a docstring or help=) for:\n" + "\n".join(english)
    assert not vietnamese, "no Vietnamese help in hoptac_cli/i18n/help.py HELP for:\n" + "\n".join(vietnamese)


def named(path: str, text: str) -> bool:
    """Does ``text`` name the command ``path`` as a user types it (global options allowed between)?"""
    before = r"(?:\bhoptac(?:\s+--?[a-z][a-z-]*(?:[ =][^\s`-][^\s`]*)?)*\s+|`)"
    return re.search(before + re.escape(path) + r"(?![\w-])", text) is not None


@pytest.mark.parametrize(
    "path, text, expected",
    [
        ("party add", "$ hoptac party add 'Hậu Giang'", True),
        ("party add", "hoptac --db demo.db --quiet party add X", True),
        ("party add", "then `party add NAME` records it", True),
        ("party add", "the party added by hoptac", False),
        ("party add", "`party address`", False),
        ("report list", "hoptac report listing", False),
    ],
)
def test_what_counts_as_naming_a_command(path, text, expected):
    assert named(path, text) is expected


def test_every_command_is_documented():
    text = documentation()
    missing = [path for path in commands() if not named(path, text)]
    assert not missing, "commands that neither README.md nor docs/ names (as `hoptac PATH` or `PATH`):\n" + "\n".join(
        f"    {path}" for path in missing
    )


def test_the_readme_commands_for_your_own_programme_run(tmp_path):
    """The commands of README.md's "Your own programme", run in order on a new file, all succeed."""
    import shlex

    from conftest import Hoptac

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Your own programme\n", 1)[1].split("\n## ", 1)[0]
    lines = [line for block in re.findall(r"```\n(.*?)```", section, re.S) for line in block.replace("\\\n", "").splitlines()]
    runner = Hoptac(tmp_path / "own.db")
    for line in lines:
        words = shlex.split(line)
        assert words[0] == "hoptac", line
        runner.ok(*words[1:])
    action = runner.json("action", "show", "1")
    assert (action["target"], action["partners"]) == (20000, ["Sở Nông nghiệp và Môi trường tỉnh An Giang"])
    assert [party["slug"] for party in runner.json("party", "list")] == ["can-tho", "ag"]

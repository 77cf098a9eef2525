"""Start-up stays lean (issue 12): a run builds only the command it runs, ``--help`` and shell
completion list every command without building any, and the table that makes this possible
(``cli.COMMANDS``) says what the command modules register."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
import typer
from typer.models import CommandInfo
from typer.testing import CliRunner

from hoptac_cli import cli
from hoptac_cli.cli import COMMAND_MODULES, COMMANDS, app


def registrations() -> dict[str, list[str]]:
    """Every command module and the top-level names it registers."""
    return {module: cli.load_module(module) for module in COMMAND_MODULES}


def test_every_command_module_is_in_the_table():
    listed = {module for modules in COMMANDS.values() for module in modules}
    missing = [module for module in COMMAND_MODULES if module not in listed]
    assert not missing, f"name the commands of {missing} in cli.COMMANDS (each is imported at every start until then)"


def test_the_table_names_what_the_modules_register_in_the_order_of_help():
    made = registrations()
    sources = cli._sources()
    # typer lists a group's commands first, then its sub-groups, each in the order registered
    expected = [name for module in COMMAND_MODULES for name in made[module] if isinstance(sources[name], CommandInfo)]
    expected += [name for module in COMMAND_MODULES for name in made[module] if not isinstance(sources[name], CommandInfo)]
    assert list(COMMANDS) == expected
    for name, modules in COMMANDS.items():
        assert name in made[modules[0]], f"{name} is registered by {[m for m in made if name in made[m]]}, not {modules[0]}"


def _callbacks(info) -> list:  # type: ignore[no-untyped-def]
    if isinstance(info, CommandInfo):
        return [info.callback]
    typer_app = info.typer_instance
    found = [typer_app.registered_callback.callback] if typer_app.registered_callback else []
    found += [command.callback for command in typer_app.registered_commands]
    for group in typer_app.registered_groups:
        found += _callbacks(group)
    return found


def test_each_command_is_made_by_the_modules_the_table_gives():
    """A module adding sub-commands to another module's group must be named with it (``report``:
    ``report`` and ``remind``), or those sub-commands would be missing when the group is built alone."""
    registrations()
    for name, modules in COMMANDS.items():
        where = {callback.__module__ for callback in _callbacks(cli._sources()[name])}
        assert where <= {f"hoptac_cli.cli.{module}" for module in modules}, (
            f"{name}: made in {sorted(where)}, table says {modules}"
        )


@pytest.mark.parametrize("name", list(COMMANDS))
def test_help_is_read_from_the_source_as_typer_reads_it(name):
    """``--help`` reads each command's help from its module's source (importing them all costs
    more than the rest of the start-up); it must be what typer takes from the registration."""
    assert cli.written(name) is not None, (
        f"{name}: its help is not written as `def {name}` with a docstring or a typer.Typer(help=...) added under that name"
    )
    assert cli.written(name) == cli.registered(name)


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_listed_help_is_the_built_commands_own(lang):
    root = typer.main.get_command(app)
    root._speak(lang)
    stand_ins = {name: cli._stand_in(name, lang) for name in COMMANDS}
    for name, command in root.commands.items():  # builds every command
        for limit in (30, 45, 74, 200):
            assert stand_ins[name].get_short_help_str(limit) == command.get_short_help_str(limit), (name, limit)
        assert stand_ins[name].hidden == command.hidden
    root._speak("en")


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_completion_lists_every_command_with_its_help(lang):
    from typer._click.core import Context

    root = typer.main.get_command(app)
    root._speak(lang)
    items = root.shell_complete(Context(root, info_name="hoptac"), "")
    listed = {item.value: item.help for item in items if not item.value.startswith("-")}
    assert listed == {name: command.get_short_help_str() for name, command in root.commands.items()}
    assert [item.value for item in root.shell_complete(Context(root, info_name="hoptac"), "re")] == ["report", "review"]
    root._speak("en")
    env = {"_HOPTAC_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "hoptac ", "HOPTAC_LANG": lang}
    out = CliRunner().invoke(app, [], env=env, prog_name="hoptac").stdout
    assert all(f'"{name}":"' in out for name in COMMANDS)


def test_a_command_is_built_when_it_is_used_and_only_then():
    root = typer.main.get_command(app)
    assert not any(root.commands.built(name) for name in COMMANDS)
    assert list(root.commands) == list(COMMANDS) and "report" in root.commands
    root.commands.get("report")
    assert [name for name in COMMANDS if root.commands.built(name)] == ["report"]
    assert "remind" in root.commands["report"].commands


def test_refusals_name_the_option_of_a_command_not_built_yet(sample):
    """The raw arguments are checked before the command is parsed: its flags must be known then
    (the argument after a flag is not that flag's value)."""
    result = sample("report", "list", "--all", "a\x1bb")
    assert result.exit_code == 1
    assert "--all" not in result.stderr


def _imported(*args: str, db=None) -> dict:  # type: ignore[no-untyped-def]
    """Run ``hoptac ARGS`` in a fresh interpreter; which of hoptac's and its libraries' modules it imported."""
    code = (
        "import json, sys\n"
        "from hoptac_cli.cli import main\n"
        f"sys.argv = ['hoptac', *{list(args)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "sys.stdout.flush()\n"
        "print('\\n@@' + json.dumps(sorted(sys.modules)))\n"
    )
    env = {**os.environ, "HOPTAC_LANG": "en", "NO_COLOR": "1"}
    if db is not None:
        env["HOPTAC_DB"] = str(db)
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True, encoding="utf-8"
    ).stdout
    modules = json.loads(out.rsplit("\n@@", 1)[1])
    commands = sorted({name.split(".")[2] for name in modules if name.startswith("hoptac_cli.cli.")} & set(COMMAND_MODULES))
    return {"commands": commands, "modules": set(modules), "stdout": out.rsplit("\n@@", 1)[0]}


def test_help_imports_no_command_module():
    found = _imported("--help")
    assert "report" in found["stdout"] and "Periodic reports" in found["stdout"]
    assert found["commands"] == []


def test_a_command_imports_its_own_modules_only(sample):
    found = _imported("status", db=sample.db)
    assert "Y tế" in found["stdout"]
    assert found["commands"] == ["status"]
    found = _imported("report", "list", "--limit", "1", db=sample.db)
    assert {"report", "remind"} <= set(found["commands"]) and "action" not in found["commands"]


def test_status_imports_only_what_it_uses(sample):
    """Lean start-up (issue 12): status imports no module it does not call, and of the message
    catalogue only the modules holding its words (``i18n.index``)."""
    found = _imported("status", db=sample.db)
    assert "Y tế" in found["stdout"]
    unused = {
        "hoptac_cli.domain.lifecycle",
        "hoptac_cli.domain.reviews",
        "hoptac_cli.storage.reviews",
        "hoptac_cli.render.files",
        "hoptac_cli.i18n.documents",
        "hoptac_cli.i18n.safety",
        "hoptac_cli.i18n.web",
        "hoptac_cli.i18n.help",
    }
    assert not unused & found["modules"]


@pytest.mark.parametrize(
    "args",
    [
        ("status",),
        ("status", "--sector", "y-te"),
        ("action", "list"),
        ("report", "list"),
        ("report", "missing", "-p", "2025-H2"),
        ("--help",),
    ],
    ids=" ".join,
)
def test_reading_does_not_import_sqlite_utils(sample, args):
    """sqlite-utils costs ~50 ms to import: an up-to-date file is opened and read with plain sqlite3."""
    found = _imported(*args, db=sample.db)
    assert found["stdout"].strip()
    assert not {name for name in found["modules"] if name.split(".")[0] == "sqlite_utils"}


def test_an_outdated_file_is_upgraded_then_read(sample):
    """Pending migrations are found without sqlite-utils, and applied with it."""
    import sqlite3

    with sqlite3.connect(sample.db) as conn:
        last = conn.execute("SELECT name FROM _sqlite_migrations ORDER BY rowid DESC LIMIT 1").fetchone()[0]
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = ?", [last])
    conn.close()
    found = _imported("status", db=sample.db)
    assert "sqlite_utils.migrations" in found["modules"] and "Y tế" in found["stdout"]
    found = _imported("status", db=sample.db)
    assert "sqlite_utils" not in found["modules"]


# the connection reads as sqlite-utils' Database does --------------------------------------------


@pytest.fixture
def both(tmp_path):
    """hoptac's connection and sqlite-utils' Database, each on a file with the same table."""
    import sqlite3

    from sqlite_utils import Database

    from hoptac_cli.storage.sqlite import HoptacDatabase

    made = []
    for name, kind in (("light", HoptacDatabase), ("full", Database)):
        conn = sqlite3.connect(tmp_path / f"{name}.db")
        conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL)")
        conn.commit()
        made.append(kind(conn))
    yield made
    for db in made:
        db.close()


def test_query_and_execute_behave_as_sqlite_utils(both):
    import sqlite3

    results = []
    for db in both:
        seen = []
        db.execute("INSERT INTO t (name) VALUES (?)", ["a"])  # committed at once
        seen.append(db.conn.in_transaction)
        seen.append(list(db.query("SELECT id, name, name, id AS name_2 FROM t")))
        seen.append(list(db.query("/* lead */ WITH x AS (SELECT 2 AS n) SELECT n FROM x")))
        try:
            db.query("WITH x AS (SELECT 'b' AS v) INSERT INTO t (name) SELECT v FROM x")
        except ValueError as error:
            seen.append(str(error))
        try:
            db.execute("INSERT INTO t (name) VALUES (NULL)")
        except sqlite3.IntegrityError:
            seen.append(("refused", db.conn.in_transaction))
        seen.append(list(db.query("SELECT count(*) AS n FROM t")))
        seen.append(list(db.query("PRAGMA user_version")))
        db.execute("BEGIN")
        seen.append(db.conn.in_transaction)
        db.execute("ROLLBACK")
        results.append(seen)
    assert results[0] == results[1]


def test_writes_go_through_sqlite_utils_on_the_same_connection(both):
    light = both[0]
    with light.atomic():
        light["t"].insert({"name": "c"})
        light.execute("INSERT INTO t (name) VALUES ('d')")
    assert [row["name"] for row in light.query("SELECT name FROM t ORDER BY id")] == ["c", "d"]
    assert light.full.conn is light.conn

"""The command layer: parse options, call the domain layer, print. No SQL here."""

import contextlib
import os
import sys
from collections.abc import Iterator, MutableMapping
from typing import Annotated, Any, Optional

import typer
from typer._click.exceptions import ClickException
from typer.core import TyperGroup

from hoptac_cli import __version__
from hoptac_cli.cli.common import STATE
from hoptac_cli.errors import HoptacError
from hoptac_cli.i18n import current_lang, detect_lang, set_lang, t

#: what each option's value is, for --help (typer would print the Python type, "<str>")
METAVARS = {
    "db": "FILE",
    "lang": "vi|en",
    "agreement": "AGREEMENT",
    "to": "AGREEMENT",
    "predecessor": "AGREEMENT",
    "sector": "SECTOR",
    "party": "PARTY",
    "host": "PARTY",
    "agency": "AGENCY",
    "lead": "AGENCY",
    "partner": "AGENCY",
    "into": "NEW",
    "period": "PERIOD",
    "status": "STATUS",
    "progress": "PCT",
    "value": "NUMBER",
    "target": "NUMBER",
    "baseline": "NUMBER",
    "output": "FILE",
    "o": "FILE",
    "review": "ID",
    "review_id": "ID",
    "action": "ID",
    "action_id": "ID",
    "actions": "ID",
    "year": "YEAR",
    "fmt": "FORMAT",
    "cadence": "half-yearly|quarterly|yearly",
    "measure": "cumulative|per-period",
    "deadline_day": "DAY",
    "slug": "SLUG",
    "kind": "KIND",
    "format": "table|json|csv",
    **dict.fromkeys(("start", "due", "signed", "submitted", "on", "held", "date", "reply_by"), "DATE"),
    "number": "N",
    "delimiter": "CHAR",
    "recipients": "TEXT",
    "clear": "KEY",
}


#: SQLite stores integers in 64 bits: an id, year or day beyond them names nothing
_INT_RANGE = range(-(2**63), 2**63)
#: option names that take no value (so that the argument after one is not taken for its value)
_FLAGS: set[str] = set()


def _name_metavars(command) -> None:  # type: ignore[no-untyped-def]
    for param in command.params:
        param.callback = _bounded(param.callback)
        if getattr(param, "is_flag", False):
            _FLAGS.update(param.opts + param.secondary_opts)
        if getattr(param, "is_flag", False) or param.metavar is not None or param.param_type_name != "option":
            continue
        param.metavar = METAVARS.get(param.name, "TEXT")
    subs = getattr(command, "commands", {})
    if isinstance(subs, Commands):
        return  # the root's: each is named when it is built (HoptacGroup._adopt)
    for sub in subs.values():
        _name_metavars(sub)


def _bounded(callback):  # type: ignore[no-untyped-def]
    """Wrap a parameter's callback so that an integer beyond 64 bits (an id like
    99999999999999999999) is refused in one line instead of failing in SQLite."""

    def check(ctx, param, value):  # type: ignore[no-untyped-def]
        for item in value if isinstance(value, (list, tuple)) else (value,):
            if type(item) is int and item not in _INT_RANGE:
                name = param.opts[0] if param.param_type_name == "option" else (param.metavar or param.name.upper())
                raise HoptacError(t("err.int_range", option=name, value=item))
        return callback(ctx, param, value) if callback is not None else value

    return check


def _door(args: list[str]) -> str | None:
    """The one-line refusal for an argument hoptac cannot take as text: bytes that are not UTF-8
    (surrogate escapes) or a control character such as ESC; None when every argument is fine.
    Line breaks and tabs are accepted (long texts keep them; names become one line)."""
    if all(arg.isascii() and arg.isprintable() for arg in args):
        return None  # nothing to look at (and nothing to import for it)
    from hoptac_cli.domain.text import refused_character, undecodable, visible

    for index, arg in enumerate(args):
        where, value = t("word.argument"), arg
        if arg.startswith("--") and "=" in arg:
            where, value = arg.split("=", 1)
        elif index and args[index - 1].startswith("-") and args[index - 1] not in _FLAGS and not undecodable(args[index - 1]):
            where = args[index - 1]
        if undecodable(value):
            return t("err.arg_encoding", where=visible(where), value=visible(value))
        char = refused_character(value)
        if char:
            return t("err.arg_control", where=visible(where), value=visible(value), char=char)
    return None


def _lang_arg(args: list[str]) -> str | None:
    """The value of ``--lang`` among raw arguments (``--lang vi`` or ``--lang=vi``), if any."""
    for index, arg in enumerate(args):
        if arg == "--lang" and index + 1 < len(args) and not args[index + 1].startswith("-"):
            return args[index + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


class Commands(MutableMapping):
    """The root group's sub-commands by name. Every name is known from ``COMMANDS``; a command is
    built (its modules imported, its options converted) the first time it is looked up, so that a
    run pays only for the command it runs. Listing the names builds nothing; going through the
    values builds every command (tests and the help checks walk the whole tree that way)."""

    def __init__(self, group: "HoptacGroup", names: list[str], given: dict[str, Any]) -> None:
        self._group = group
        self._names = list(dict.fromkeys([*names, *given]))
        self._built: dict[str, Any] = dict(given)
        self._only_built = False

    def __getitem__(self, name: str) -> Any:
        if name not in self._built:
            if name not in self._names:
                raise KeyError(name)
            self._built[name] = _convert(name)
            self._group._adopt(self._built[name])
        return self._built[name]

    def __setitem__(self, name: str, command: Any) -> None:
        if name not in self._names:
            self._names.append(name)
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        self._names.remove(name)
        self._built.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        names = [name for name in self._names if name in self._built] if self._only_built else self._names
        return iter(list(names))

    def __len__(self) -> int:
        return len(self._names)

    def __contains__(self, name: object) -> bool:
        return name in self._names

    def built(self, name: str) -> Any:
        """The command ``name`` if it has been built, else None."""
        return self._built.get(name)

    @contextlib.contextmanager
    def only_built(self) -> Iterator[None]:
        """Within the block, going through the commands sees only those built so far."""
        before, self._only_built = self._only_built, True
        try:
            yield
        finally:
            self._only_built = before


class HoptacGroup(TyperGroup):
    """Turns refused operations into one line on stderr and exit code 1, without a traceback;
    speaks the interface language in --help and usage errors; builds a sub-command only when it
    is used (``Commands``): ``--help`` and shell completion read each one's short help from where
    it is written, without building it."""

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.commands = Commands(self, _names(), dict(self.commands))
        _name_metavars(self)
        self._help_lang = "en"
        # The language is known before anything is parsed (shell completion reads help too).
        self._speak(detect_lang(_lang_arg(sys.argv[1:])))

    def _speak(self, lang: str) -> None:
        """Help texts in ``lang``: Vietnamese from ``i18n.help``, English as written in the code
        (again when Vietnamese: typer adds the completion options after building the group).
        Commands built later get theirs when they are built (``_adopt``)."""
        lang = "vi" if lang == "vi" else "en"
        if lang != self._help_lang or lang == "vi":
            from hoptac_cli.cli import helptext

            commands = self.commands
            assert isinstance(commands, Commands)  # set in __init__
            with commands.only_built():
                helptext.apply(self, lang)
            self._help_lang = lang

    def _adopt(self, command: Any) -> None:
        """A sub-command just built: name its options' values, speak the help language."""
        _name_metavars(command)
        if self._help_lang == "vi":
            self._speak("vi")

    def list_commands(self, ctx):  # type: ignore[no-untyped-def]
        return list(self.commands)

    def _summary(self, name: str) -> Any:
        """``name``'s command if built, else a stand-in holding only its help (for listings)."""
        return self.commands.built(name) or _stand_in(name, self._help_lang)  # type: ignore[attr-defined]

    def format_commands(self, ctx, formatter):  # type: ignore[no-untyped-def]
        commands = [(name, self._summary(name)) for name in self.list_commands(ctx)]
        commands = [(name, command) for name, command in commands if not command.hidden]
        if commands:
            limit = formatter.width - 6 - max(len(name) for name, _ in commands)
            with formatter.section(_commands_heading()):
                formatter.write_dl([(name, command.get_short_help_str(limit)) for name, command in commands])

    def shell_complete(self, ctx, incomplete):  # type: ignore[no-untyped-def]
        from typer._click.core import Command
        from typer._click.shell_completion import CompletionItem

        results = []
        for name in self.list_commands(ctx):
            if name.startswith(incomplete):
                command = self._summary(name)
                if not command.hidden:
                    results.append(CompletionItem(name, help=command.get_short_help_str()))
        results.extend(Command.shell_complete(self, ctx, incomplete))
        return results

    def _invoked(self, args: list[str]) -> str | None:
        """The sub-command named in the raw arguments (after the global options), if any."""
        takes_value = {
            opt
            for param in self.params
            if param.param_type_name == "option" and not getattr(param, "is_flag", False)
            for opt in param.opts
        }
        skip = False
        for arg in args:
            if skip:
                skip = False
            elif arg.startswith("-"):
                skip = arg in takes_value
            else:
                return arg if arg in self.commands else None
        return None

    def make_context(self, info_name, args, parent=None, **extra):  # type: ignore[no-untyped-def]
        if parent is None:
            # Refused before anything is parsed, in the language asked for (the callback has not run).
            set_lang(detect_lang(_lang_arg(list(args))))
            self._speak(current_lang())
            invoked = self._invoked(list(args))
            if invoked:
                self.commands[invoked]  # built now: ``_door`` knows its flags
            refusal = _door(list(args))
            if refusal:
                typer.echo(f"{t('word.error')}: {refusal}", err=True)
                raise typer.Exit(1)
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except ClickException as error:
            _speaking(error)
            raise

    def parse_args(self, ctx, args):  # type: ignore[no-untyped-def]
        STATE["argv"] = list(args)  # the command line, for the history of write commands
        return super().parse_args(ctx, args)

    def invoke(self, ctx):  # type: ignore[no-untyped-def]
        try:
            try:
                return super().invoke(ctx)
            except Exception as error:  # noqa: BLE001 - SQLite's own errors, named for the user
                raise _database_error(error) or error  # noqa: B904 - the same error, or it named for the user
        except ClickException as error:
            _speaking(error)
            raise
        except HoptacError as error:
            typer.echo(f"{t('word.error')}: {error.message}", err=True)
            for line in error.details:
                typer.echo(f"  {line}", err=True)
            raise typer.Exit(error.exit_code) from None
        except (typer.Exit, typer.Abort, KeyboardInterrupt):
            raise
        except BrokenPipeError:
            # `hoptac ... | head` closed the pipe: not an error worth a message.
            sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - silence the interpreter's flush at exit
            raise typer.Exit(0) from None
        except Exception as error:  # noqa: BLE001 - the last line of defence
            if os.environ.get("HOPTAC_DEBUG") == "1":
                raise
            typer.echo(f"{t('word.error')}: {t('err.internal', kind=type(error).__name__, reason=error)}", err=True)
            raise typer.Exit(1) from None


def _database_error(error: Exception) -> HoptacError | None:
    """A damaged file or a lock held too long, as one clear line (not "unexpected")."""
    import sqlite3

    if not isinstance(error, sqlite3.DatabaseError):
        return None
    from hoptac_cli.cli.common import db_path
    from hoptac_cli.storage.db import BUSY_TIMEOUT, damaged, is_damage

    if is_damage(error):
        return damaged(db_path(), error)
    if isinstance(error, sqlite3.OperationalError) and "locked" in str(error):
        return HoptacError(t("err.db_busy", path=str(db_path()), seconds=int(BUSY_TIMEOUT)))
    return None


def _speaking(error: ClickException) -> None:
    """A usage error (unknown option, missing value …) prints itself in the interface language."""
    if current_lang() == "vi":
        from hoptac_cli.cli import helptext

        helptext.translate_error(error)


app = typer.Typer(
    cls=HoptacGroup,
    name="hoptac",
    help="hoptac — track inter-provincial cooperation programmes (Vietnamese: hoptac --lang vi --help).",
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    add_completion=True,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"hoptac {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    db: Annotated[
        Optional[str], typer.Option("--db", help="Database file (else HOPTAC_DB, else the per-user data directory).")
    ] = None,
    lang: Annotated[
        Optional[str], typer.Option("--lang", help="Interface language: vi or en (else HOPTAC_LANG, else the locale).")
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No confirmation line after a write (data and errors still print).")
    ] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
    by: Annotated[
        Optional[str],
        typer.Option(
            "--by", metavar="NAME", help="Who makes the changes, for the history (else HOPTAC_BY, else the system user)."
        ),
    ] = None,
) -> None:
    """Global options come before the command: hoptac --db FILE --lang vi status."""
    chosen = detect_lang(lang)
    if chosen not in ("vi", "en"):
        raise typer.BadParameter(f"'{lang}' is not a language hoptac speaks; use vi or en.", param_hint="--lang")
    set_lang(chosen)
    STATE["db"] = db
    STATE["by"] = by
    STATE["quiet"] = quiet
    from hoptac_cli.cli.common import db_path
    from hoptac_cli.storage import db as storage

    storage.protect(db_path)  # no file written may replace it (render.files)


#: command modules; each has ``add_commands(app)``
COMMAND_MODULES = (
    "database",
    "party",
    "agreement",
    "sector",
    "agency",
    "action",
    "report",
    "review",
    "commend",
    "status",
    "export",
    "summary",
    "settings",
    "remind",
    "search",
    "serve",
    "history",
)

#: every top-level command, in the order of --help (commands, then groups, as typer lists them),
#: and the command modules that make it: the first registers it, the others add sub-commands to it.
#: Only the modules of the command being run are imported; tests/test_startup.py checks this table
#: against what the modules register (a module missing here is registered at every start).
COMMANDS: dict[str, tuple[str, ...]] = {
    "init": ("database",),
    "status": ("status",),
    "export": ("export",),
    "summary": ("summary",),
    "settings": ("settings",),
    "search": ("search",),
    "serve": ("serve",),
    "history": ("history",),
    "undo": ("history",),
    "db": ("database",),
    "party": ("party",),
    "agreement": ("agreement",),
    "sector": ("sector",),
    "agency": ("agency",),
    "action": ("action",),
    "report": ("report", "remind"),
    "review": ("review",),
    "commend": ("commend",),
}

#: where the command modules register their commands; each top-level one is converted from here
#: into a click command when it is used (``_convert``)
_REGISTRY = typer.Typer()
#: the command modules registered so far, and the top-level names each added
_REGISTERED: dict[str, list[str]] = {}


def load_module(module: str) -> list[str]:
    """Import ``hoptac_cli.cli.<module>`` and register its commands (once per process); the
    top-level command names it added."""
    if module not in _REGISTERED:
        import importlib

        before = set(_sources())
        importlib.import_module(f"hoptac_cli.cli.{module}").add_commands(_REGISTRY)
        _REGISTERED[module] = [name for name in _sources() if name not in before]
    return _REGISTERED[module]


def _sources() -> dict[str, Any]:
    """The registered top-level commands by name: typer's ``CommandInfo`` or ``TyperInfo``."""
    from typer.main import get_command_name, solve_typer_info_defaults
    from typer.models import DefaultPlaceholder

    found: dict[str, Any] = {}
    for command in _REGISTRY.registered_commands:
        found[command.name or get_command_name(command.callback.__name__)] = command  # type: ignore[union-attr]
    for group in _REGISTRY.registered_groups:
        name = group.name if not isinstance(group.name, DefaultPlaceholder) else solve_typer_info_defaults(group).name
        found[name] = group  # type: ignore[index]
    return found


def _unlisted() -> list[str]:
    """Command modules named in COMMAND_MODULES but not in COMMANDS."""
    listed = {module for modules in COMMANDS.values() for module in modules}
    return [module for module in COMMAND_MODULES if module not in listed]


def _names() -> list[str]:
    """Every top-level command name, in --help order."""
    names = list(COMMANDS)
    for module in _unlisted():  # safe, not lean: each start imports such a module
        names += [name for name in load_module(module) if name not in names]
    return names


def _source(name: str) -> Any:
    for module in COMMANDS.get(name, ()):
        load_module(module)
    return _sources()[name]


def _convert(name: str) -> Any:
    """The click command of top-level command ``name``, converted from its registration."""
    from typer.main import get_command_from_info, get_group_from_info
    from typer.models import CommandInfo

    source = _source(name)
    if isinstance(source, CommandInfo):
        return get_command_from_info(
            source, pretty_exceptions_short=app.pretty_exceptions_short, rich_markup_mode=app.rich_markup_mode
        )
    return get_group_from_info(
        source,
        pretty_exceptions_short=app.pretty_exceptions_short,
        rich_markup_mode=app.rich_markup_mode,
        suggest_commands=app.suggest_commands,
    )


#: (help, short help, hidden, deprecated) of a top-level command, as typer would take them
Written = tuple[Optional[str], Optional[str], bool, Any]


def _stand_in(name: str, lang: str) -> Any:
    """A command holding only ``name``'s help (and hidden and deprecated marks), without its
    options: what --help and shell completion list. The English is read where it is written
    (``written``); the Vietnamese comes from ``i18n.help``, as for the built command."""
    from typer.core import TyperCommand

    text, short, hidden, deprecated = written(name) or registered(name)
    if lang == "vi":
        from hoptac_cli.cli import helptext

        vietnamese = helptext.vietnamese(name, text)
        if vietnamese:
            text, short = vietnamese, None
    return TyperCommand(name=name, help=text, short_help=short, hidden=bool(hidden), deprecated=deprecated)


def registered(name: str) -> Written:
    """``name``'s help as typer takes it from the registration (imports its modules)."""
    import inspect

    from typer.main import solve_typer_info_defaults
    from typer.models import CommandInfo

    source = _source(name)
    if isinstance(source, CommandInfo):
        text = inspect.cleandoc(source.help) if source.help is not None else inspect.getdoc(source.callback)
        return text, source.short_help, bool(source.hidden), source.deprecated
    solved = solve_typer_info_defaults(source)
    return solved.help, solved.short_help, bool(solved.hidden), solved.deprecated


def written(name: str) -> Written | None:
    """``name``'s help read from its module's source without importing it: the docstring of the
    function of that name, or the ``help=`` of the ``typer.Typer(...)`` added under that name.
    Importing every command module would cost --help about as much as the rest of its start-up;
    None when the source does not say it that way (then ``registered`` imports the module;
    tests/test_startup.py checks that both agree for every command)."""
    import ast

    modules = COMMANDS.get(name)
    source = _module_source(modules[0]) if modules else None
    if not source:
        return None
    groups = {added: variable for variable, added in _PATTERNS["add_typer"].findall(source)}
    if name in groups:
        begin = source.find(f"\n{groups[name]} = typer.Typer(") + 1
        if not begin:
            return None
        after = _PATTERNS["statement"].search(source, source.index("\n", begin) + 1)
        try:
            call = ast.parse(source[begin : after.start() if after else None]).body[0].value  # type: ignore[attr-defined]
            options = {keyword.arg: ast.literal_eval(keyword.value) for keyword in call.keywords}
        except (SyntaxError, IndexError, AttributeError, ValueError):
            return None
        import inspect

        text = options.get("help")
        return (
            (inspect.cleandoc(text) if text else ""),
            options.get("short_help"),
            bool(options.get("hidden")),
            options.get("deprecated", False),
        )
    begin = source.find(f"\ndef {name}(") + 1
    if not begin:
        return None
    # the docstring: the first string literal, right after the signature
    opened = min((found for found in (source.find('"""', begin), source.find("'''", begin)) if found >= 0), default=-1)
    if opened < 0 or _PATTERNS["statement"].search(source, source.index("\n", begin) + 1, opened):
        return None  # no docstring before the next top-level statement
    signature = _PATTERNS["signature"].search(source, begin, opened)
    closed = source.find(source[opened : opened + 3], opened + 3) if signature else -1
    if closed < 0:
        return None
    try:
        text = ast.literal_eval(source[signature.end() : closed + 3])
    except (SyntaxError, ValueError):
        return None
    import inspect

    return (inspect.cleandoc(text) if isinstance(text, str) else None), None, False, False


#: what ``written`` looks for in a command module's source
_PATTERNS: dict[str, Any] = {}


def _module_source(module: str) -> str | None:
    """The source of command module ``module`` (None if it is not there)."""
    import re

    if not _PATTERNS:
        _PATTERNS["add_typer"] = re.compile(r"\.add_typer\(\s*(\w+)\s*,\s*name\s*=\s*[\"']([\w-]+)[\"']\s*\)")
        _PATTERNS["statement"] = re.compile(r"^[A-Za-z_@]", re.MULTILINE)
        # the end of a signature and the indent of the body, up to the docstring (and its prefix)
        _PATTERNS["signature"] = re.compile(r"\)\s*(?:->[^\n]*)?:[ \t]*\n[ \t]+(?=[rRuU]?$)")
    try:
        with open(os.path.join(os.path.dirname(__file__), f"{module}.py"), encoding="utf-8") as handle:
            return handle.read()
    except OSError:
        return None


def _commands_heading() -> str:
    from gettext import gettext

    return gettext("Commands")


def main() -> None:
    """Console-script entry point."""
    if hasattr(sys.stdout, "reconfigure"):
        # Vietnamese output must not die on a Windows console code page.
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.reconfigure(encoding="utf-8", errors="replace")
            except (AttributeError, ValueError):
                pass
    app()

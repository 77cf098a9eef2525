"""The command layer: parse options, call the domain layer, print. No SQL here."""


import os
import sys
from typing import Annotated, Optional

import typer
from typer._click.exceptions import ClickException
from typer.core import TyperGroup

from hoptac_cli import __version__
from hoptac_cli.cli.common import STATE
from hoptac_cli.errors import HoptacError
from hoptac_cli.i18n import current_lang, detect_lang, set_lang, t


#: what each option's value is, for --help (typer would print the Python type, "<str>")
METAVARS = {
    "db": "FILE", "lang": "vi|en", "agreement": "AGREEMENT", "to": "AGREEMENT", "predecessor": "AGREEMENT",
    "sector": "SECTOR", "party": "PARTY", "host": "PARTY", "agency": "AGENCY", "lead": "AGENCY",
    "partner": "AGENCY", "into": "NEW", "period": "PERIOD", "status": "STATUS", "progress": "PCT",
    "value": "NUMBER", "target": "NUMBER", "baseline": "NUMBER", "output": "FILE", "o": "FILE",
    "review": "ID", "review_id": "ID", "action": "ID", "action_id": "ID", "actions": "ID", "year": "YEAR",
    "fmt": "FORMAT", "cadence": "half-yearly|quarterly|yearly", "measure": "cumulative|per-period",
    "deadline_day": "DAY", "slug": "SLUG", "kind": "KIND", "format": "table|json|csv",
    **dict.fromkeys(("start", "due", "signed", "submitted", "on", "held", "date", "reply_by"), "DATE"),
    "number": "N", "delimiter": "CHAR", "recipients": "TEXT", "clear": "KEY",
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
    for sub in getattr(command, "commands", {}).values():
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


class HoptacGroup(TyperGroup):
    """Turns refused operations into one line on stderr and exit code 1, without a traceback;
    speaks the interface language in --help and usage errors."""

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        _name_metavars(self)
        self._help_lang = "en"
        # The language is known before anything is parsed (shell completion reads help too).
        self._speak(detect_lang(_lang_arg(sys.argv[1:])))

    def _speak(self, lang: str) -> None:
        """Help texts in ``lang``: Vietnamese from ``i18n.help``, English as written in the code
        (again when Vietnamese: typer adds the completion options after building the group)."""
        lang = "vi" if lang == "vi" else "en"
        if lang != self._help_lang or lang == "vi":
            from hoptac_cli.cli import helptext

            helptext.apply(self, lang)
            self._help_lang = lang

    def make_context(self, info_name, args, parent=None, **extra):  # type: ignore[no-untyped-def]
        if parent is None:
            # Refused before anything is parsed, in the language asked for (the callback has not run).
            set_lang(detect_lang(_lang_arg(list(args))))
            self._speak(current_lang())
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
                raise _database_error(error) or error
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
    db: Annotated[Optional[str], typer.Option("--db", help="Database file (else HOPTAC_DB, else the per-user data directory).")] = None,
    lang: Annotated[Optional[str], typer.Option("--lang", help="Interface language: vi or en (else HOPTAC_LANG, else the locale).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No confirmation line after a write (data and errors still print).")] = False,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")] = False,
    by: Annotated[
        Optional[str], typer.Option("--by", metavar="NAME", help="Who makes the changes, for the history (else HOPTAC_BY, else the system user).")
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
    from hoptac_cli.render import files

    files.protect(db_path)


#: command modules, in the order their groups appear in --help; each has ``register(app)``
COMMAND_MODULES = ("database", "party", "agreement", "sector", "agency", "action", "report", "review", "commend", "status", "export", "summary", "settings", "remind", "search", "serve", "history")


def _register() -> None:
    import importlib

    for name in COMMAND_MODULES:
        importlib.import_module(f"hoptac_cli.cli.{name}").register(app)


_register()


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

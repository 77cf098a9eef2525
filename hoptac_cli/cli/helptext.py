"""``--help`` and usage errors in the interface language.

The English is what the code says (docstrings, ``help=``). When the interface speaks
Vietnamese, ``apply`` walks the command tree once and swaps in the text of ``i18n.help``
(keeping the English to swap back); every command then gets a context whose help formatter
says typer's own words in Vietnamese ("Cách dùng:", "Tùy chọn", "[mặc định: …]"); and
``translate_error`` makes a usage error print itself in Vietnamese. Imported only then, so
that an English start-up pays nothing for it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from typer._click.core import Context
from typer._click.formatting import HelpFormatter

ROOT = "hoptac"


def key_of(path: str, param: Any = None) -> str:
    """The catalogue key of a command (its path) or of one of its options or arguments."""
    if param is None:
        return path
    name = max(param.opts, key=len) if param.param_type_name == "option" else param.name.upper()
    return f"{path} {name}"


def walk(command: Any, path: str = ROOT) -> Iterator[tuple[str, Any, Any]]:
    """Every (key, command, parameter or None) of the tree under ``command``."""
    yield key_of(path), command, None
    for param in command.params:
        yield key_of(path, param), command, param
    for name, sub in getattr(command, "commands", {}).items():
        yield from walk(sub, name if path == ROOT else f"{path} {name}")


def vietnamese(key: str, english: str | None) -> str | None:
    """The Vietnamese help of ``key``: its own entry, else the shared text of its English."""
    from hoptac_cli.i18n.help import HELP, SHARED

    text = HELP.get(key) or SHARED.get(english or "")
    if text and "{forms}" in text:
        from hoptac_cli.i18n.reviews import FORMS

        text = text.replace("{forms}", "; ".join(FORMS))
    return text


def apply(root: Any, lang: str) -> None:
    """Give every command and option of the tree its help in ``lang`` (English: as written)."""
    vi = lang == "vi"
    for key, command, param in walk(root):
        target = param if param is not None else command
        if not hasattr(target, "_hoptac_english"):
            target._hoptac_english = (target.help, getattr(target, "short_help", None))
        english, short = target._hoptac_english
        text = vietnamese(key, english) if vi else None
        target.help = text or english
        if param is None:
            command.short_help = None if text else short
            if not hasattr(command, "_hoptac_context"):
                command._hoptac_context = command.context_class
            command.context_class = ViContext if vi else command._hoptac_context


# help pages -----------------------------------------------------------------------------------

_PLACEHOLDER = re.compile(r"\[OPTIONS\]|\[ARGS\]\.\.\.|\b[A-Z][A-Z_]*\b")
_EXTRA = re.compile(r"  \[([^\[\]]*)\]$")


def placeholders(text: str) -> str:
    """``[OPTIONS]``, ``COMMAND``, ``PERIOD`` … in Vietnamese."""
    from hoptac_cli.i18n.help import METAVARS, WORDS

    return _PLACEHOLDER.sub(lambda m: WORDS.get(m.group(0)) or METAVARS.get(m.group(0), m.group(0)), text)


def _help_text(text: str) -> str:
    """An option's help in a help page: the click/typer sentences and ``[default: …; required]``."""
    from hoptac_cli.i18n.help import SHARED, WORDS

    extra = ""
    match = _EXTRA.search(text)
    if match:
        parts = []
        for part in match.group(1).split("; "):
            for english in ("default: ", "env var: "):
                if part.startswith(english):
                    part = WORDS[english] + part[len(english) :]
            parts.append(WORDS.get(part, part))
        extra = "  [" + "; ".join(parts) + "]"
        text = text[: match.start()]
    elif text.startswith("[") and text.endswith("]"):
        return _help_text(f"  {text}").lstrip()
    return SHARED.get(text, text) + extra


class ViFormatter(HelpFormatter):
    """Click's help formatter, saying its own words in Vietnamese."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        from hoptac_cli.i18n.help import WORDS

        super().write_usage(prog, placeholders(args), WORDS["Usage: "] if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        from hoptac_cli.i18n.help import WORDS

        super().write_heading(WORDS.get(heading, heading))

    def write_dl(self, rows: Any, *args: Any, **kwargs: Any) -> None:
        super().write_dl([(placeholders(term), _help_text(text)) for term, text in rows], *args, **kwargs)


class ViContext(Context):
    formatter_class = ViFormatter


# usage errors ---------------------------------------------------------------------------------


def translate(message: str) -> str:
    """A usage error's message in Vietnamese (unchanged when it is not one typer says)."""
    from hoptac_cli.i18n.help import ERRORS

    for pattern, vietnamese_text in ERRORS:
        match = re.match(pattern, message, re.DOTALL)
        if match:
            groups = list(match.groups())
            if pattern.startswith("^Invalid value"):
                groups[-1] = reason(groups[-1])
            if pattern.startswith(("^Invalid value for", "^Missing argument")):
                groups[0] = placeholders(groups[0])
            return vietnamese_text.format(*groups)
    return message


def reason(message: str) -> str:
    from hoptac_cli.i18n.help import REASONS

    for pattern, vietnamese_text in REASONS:
        match = re.match(pattern, message, re.DOTALL)
        if match:
            return vietnamese_text.format(*match.groups())
    return message


def translate_error(error: Any) -> None:
    """Make a click exception print itself in Vietnamese: usage line, hint and message."""
    from typer._click.exceptions import NoArgsIsHelpError, UsageError

    from hoptac_cli.i18n.help import WORDS

    if isinstance(error, NoArgsIsHelpError) or getattr(error, "_hoptac_vi", False):
        return

    def show(file: Any = None) -> None:
        from typer._click._compat import get_text_stderr
        from typer._click.utils import echo

        file = file or get_text_stderr()
        ctx = getattr(error, "ctx", None) if isinstance(error, UsageError) else None
        color = ctx.color if ctx is not None else None
        if ctx is not None:
            hint = ""
            if ctx.command.get_help_option(ctx) is not None:
                hint = WORDS["Try '{command}' for help."].format(command=f"{ctx.command_path} {ctx.help_option_names[0]}") + "\n"
            echo(f"{ctx.get_usage()}\n{hint}", file=file, color=color)
        echo(f"{WORDS['Error']}: {translate(error.format_message())}", file=file, color=color)

    error.show = show
    error._hoptac_vi = True

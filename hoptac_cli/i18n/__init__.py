"""The interface's one message catalogue, in English and Vietnamese.

Every header, status word and message shown to a user is looked up here by key with ``t()``.
The catalogue is split by area (``core``, ``reports``, ...) only so that each stays readable;
``t`` sees one merged dictionary.
"""

from __future__ import annotations

import locale
import os

LANGUAGES = ("en", "vi")
_state = {"lang": "en"}
#: every message, once ``_load`` has run
_catalogue: dict[str, tuple[str, str]] | None = None
#: the messages of the catalogue modules loaded so far one by one (``_message``)
_partial: dict[str, tuple[str, str]] = {}


def _message(key: str) -> tuple[str, str]:
    """The English and Vietnamese of ``key``, importing only the catalogue module that holds it
    (``i18n.index`` says which), so that a command pays for the messages it uses, not for all
    of them. A key the index does not know (a module it has not heard of yet) loads them all."""
    if _catalogue is not None:
        return _catalogue[key]
    found = _partial.get(key)
    if found is None:
        import importlib

        from hoptac_cli.i18n.index import WHERE

        module = WHERE.get(key)
        if module is not None:
            _partial.update(importlib.import_module(f"hoptac_cli.i18n.{module}").MESSAGES)
            found = _partial.get(key)
        if found is None:
            return _load()[key]
    return found


def _load() -> dict[str, tuple[str, str]]:
    """Every message, each key defined once across the catalogue modules."""
    global _catalogue
    if _catalogue is None:
        from hoptac_cli.i18n import core, documents, figures, interface, reports, reviews, safety, scale, status, values, web

        merged: dict[str, tuple[str, str]] = {}
        for module in (core, reports, status, reviews, values, figures, documents, web, safety, interface, scale):
            overlap = merged.keys() & module.MESSAGES.keys()
            if overlap:
                raise RuntimeError(f"message keys defined twice: {sorted(overlap)}")
            merged.update(module.MESSAGES)
        _catalogue = merged
    return _catalogue


def detect_lang(explicit: str | None = None) -> str:
    """``--lang``, else HOPTAC_LANG, else the locale, else English."""
    for candidate in (explicit, os.environ.get("HOPTAC_LANG")):
        if candidate:
            return candidate.strip().lower()[:2]
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            return "vi" if value.lower().startswith("vi") else "en"
    try:
        code = locale.getlocale()[0] or ""
    except ValueError:
        code = ""
    return "vi" if code.lower().startswith("vi") else "en"


def set_lang(lang: str) -> None:
    _state["lang"] = lang if lang in LANGUAGES else "en"


def current_lang() -> str:
    return _state["lang"]


def t(key: str, **values: object) -> str:
    """The message ``key`` in the current language, with ``values`` filled in."""
    return t_in(_state["lang"], key, **values)


def t_in(lang: str, key: str, **values: object) -> str:
    """The message ``key`` in ``lang`` whatever the interface speaks (documents written in Vietnamese)."""
    english, vietnamese = _message(key)
    template = vietnamese if lang == "vi" else english
    return template.format(**values) if values else template


def count(key: str, n: int) -> str:
    """``n`` things in the interface language: ``count("count.action", 1)`` is "1 action", with 2
    "2 actions"; Vietnamese nouns do not change ("1 nhiệm vụ", "2 nhiệm vụ")."""
    forms = t(key, n=n).split("|")
    return forms[0] if n == 1 or len(forms) == 1 else forms[1]


def formerly(name: str, old: str | None, *, lang: str | None = None) -> str:
    """A name with the one it has replaced by a merger, "Cần Thơ (formerly: Hậu Giang)", the one
    way every listing, message and document says it; the name alone when it replaced none."""
    if not old:
        return name
    return t_in(lang or _state["lang"], "label.formerly", name=name, formerly=old)


def fields(names: list[str]) -> str:
    """Record fields as users know them ("due date", "hạn hoàn thành"), never their codes."""
    return ", ".join(t(f"field.{name}") if has(f"field.{name}") else name.replace("_", " ") for name in names)


def has(key: str) -> bool:
    try:
        _message(key)
    except KeyError:
        return False
    return True

"""The one translation mechanism of the core: gettext catalogs, no Qt.

Every string the core shows a person (domain errors, validation messages, findings, import
reports, CLI messages, document labels) goes through ``_``/``ngettext``/``pgettext`` here. The
language is a context variable, so a batch can print each person's documents in their own
language (``with use_language(person_lang): ...``) while the rest of the program keeps its own.

Catalogs live in ``tourplanner/resources/locale/<lang>/LC_MESSAGES/tourplanner.po``; the
compiled ``.mo`` beside it is made by bootstrap and the wheel build, and when it is missing (a
source checkout before bootstrap) the ``.po`` is compiled in memory with Babel.
"""

from __future__ import annotations

import contextlib
import contextvars
import gettext as _gettext
import io
from collections.abc import Iterator, Mapping
from functools import cache

from tourplanner.i18n.catalog_files import DOMAIN, LOCALE_DIR

ENGLISH = "en"
CHINESE = "zh_CN"
LANGUAGES = (ENGLISH, CHINESE)

_current: contextvars.ContextVar[str] = contextvars.ContextVar(
    "tourplanner_language", default=ENGLISH
)


def normalize(tag: str | None) -> str:
    """The supported language a tag means: 'zh', 'zh-Hans', 'zh_CN.UTF-8' -> 'zh_CN'; else 'en'."""
    if not tag:
        return ENGLISH
    base = tag.split(".")[0].split("@")[0].replace("-", "_").lower()
    if base == "zh" or base.startswith(("zh_cn", "zh_hans", "zh_sg")):
        return CHINESE
    return ENGLISH


def supported(tag: str) -> str | None:
    """The language ``tag`` names if TourPlanner speaks it ('en_US' -> 'en'), else None.

    Unlike `normalize`, an unknown tag is not taken as English: `--lang fr` is refused.
    """
    base = tag.split(".")[0].split("@")[0].replace("-", "_").lower()
    if base in ("c", "posix") or base == "en" or base.startswith("en_"):
        return ENGLISH
    lang = normalize(tag)
    return lang if lang != ENGLISH else None


def from_environment(environ: Mapping[str, str]) -> str:
    """The language the environment asks for, as gettext reads it: LANGUAGE (its first
    supported entry), LC_ALL, LC_MESSAGES, LANG; English when none names a supported one."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name)
        if not value:
            continue
        for tag in value.split(":"):
            lang = supported(tag) if tag else None
            if lang is not None:
                return lang
        if name != "LANGUAGE":
            return ENGLISH  # a set LC_ALL/LC_MESSAGES/LANG decides, even when unsupported
    return ENGLISH


def current_language() -> str:
    return _current.get()


def set_language(tag: str | None) -> str:
    """Make ``tag`` the language of everything that follows in this context; returns it normalized."""
    lang = normalize(tag)
    _current.set(lang)
    return lang


@contextlib.contextmanager
def use_language(tag: str | None) -> Iterator[str]:
    """Within the block, strings are in ``tag``'s language (e.g. one person's itinerary)."""
    token = _current.set(normalize(tag))
    try:
        yield _current.get()
    finally:
        _current.reset(token)


@cache
def translations(lang: str) -> _gettext.NullTranslations:
    """The catalog of one language (English is the source language: no catalog)."""
    if lang == ENGLISH:
        return _gettext.NullTranslations()
    folder = LOCALE_DIR / lang / "LC_MESSAGES"
    mo = folder / f"{DOMAIN}.mo"
    po = folder / f"{DOMAIN}.po"
    # A .mo older than its .po (a translator's edit not compiled yet) is not read.
    if mo.exists() and (not po.exists() or mo.stat().st_mtime >= po.stat().st_mtime):
        with mo.open("rb") as fh:
            return _gettext.GNUTranslations(fh)
    if po.exists():
        # A source checkout before bootstrap compiled the catalog: compile it in memory.
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        with po.open("rb") as fh:
            catalog = read_po(fh, locale=lang)
        buffer = io.BytesIO()
        write_mo(buffer, catalog)
        buffer.seek(0)
        return _gettext.GNUTranslations(buffer)
    return _gettext.NullTranslations()


def _(message: str) -> str:
    """``message`` in the current language."""
    return translations(_current.get()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form for ``n`` in the current language (Chinese has one form)."""
    return translations(_current.get()).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """``message`` in a context that tells the translator which sense is meant."""
    return translations(_current.get()).pgettext(context, message)


def N_(message: str) -> str:
    """Marks a string for extraction where it is defined; it is translated where it is shown."""
    return message


def N_plural(singular: str, plural: str) -> tuple[str, str]:
    """Marks a plural pair for extraction where it is defined (``ngettext`` where it is shown)."""
    return singular, plural

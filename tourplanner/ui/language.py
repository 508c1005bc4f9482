"""The UI's language: which one (asked, stored, or the system's), its Qt catalogs, its CJK font.

One language for the whole app: the Qt translators (TourPlanner's own and Qt's standard buttons),
QLocale's default (date editors, numbers) and the core's `tourplanner.i18n.set_language`, so a
finding or a domain error shown in a window is in the same language as the window around it.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    QStandardPaths,
    QTranslator,
)
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from tourplanner import i18n
from tourplanner.i18n.catalog_files import compile_ts
from tourplanner.paths import RESOURCES_DIR

log = logging.getLogger("tourplanner.ui")

SETTINGS_KEY = "ui/language"  # "en", "zh_CN", or absent: follow the system
ENV_VAR = "TOURPLANNER_LANG"  # set by `tourplanner --lang` for the GUI it starts, or by hand
CATALOG = "tourplanner"
CJK_FONT = RESOURCES_DIR / "fonts" / "DroidSansFallbackFull.ttf"
# The names the Preferences dialog offers, each in its own language.
NAMES = {i18n.ENGLISH: "English", i18n.CHINESE: "简体中文"}

_installed: list[QTranslator] = []


def stored_language() -> str | None:
    """The language chosen in Preferences, or None (follow the system)."""
    value = str(QSettings().value(SETTINGS_KEY, "", str) or "")
    return i18n.normalize(value) if value else None


def store_language(lang: str | None) -> None:
    """Remember the choice for the next start (None: follow the system again)."""
    settings = QSettings()
    if lang is None:
        settings.remove(SETTINGS_KEY)
    else:
        settings.setValue(SETTINGS_KEY, i18n.normalize(lang))


def startup_language(asked: str | None = None) -> str:
    """Asked (--lang / TOURPLANNER_LANG, or the CLI's set_language), else stored, else the system's."""
    asked = asked or os.environ.get(ENV_VAR)
    if not asked and i18n.current_language() != i18n.ENGLISH:
        asked = i18n.current_language()  # the CLI's --lang ran set_language before the GUI
    if asked:
        return i18n.normalize(asked)
    return stored_language() or i18n.normalize(QLocale.system().name())


def catalog_path(lang: str) -> Path | None:
    """TourPlanner's compiled Qt catalog for `lang`: beside the .ts (bootstrap compiles it),
    else compiled now into the user's cache with pyside6-lrelease; None when neither works."""
    source = i18n.LOCALE_DIR / f"{CATALOG}_{lang}.ts"
    compiled = source.with_suffix(".qm")
    if compiled.exists() and (
        not source.exists() or compiled.stat().st_mtime >= source.stat().st_mtime
    ):
        return compiled
    if not source.exists():
        return None
    cache = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation))
    cached = cache / "locale" / compiled.name
    if cached.exists() and cached.stat().st_mtime >= source.stat().st_mtime:
        return cached
    cached.parent.mkdir(parents=True, exist_ok=True)
    part = cached.with_name(f".{cached.stem}.part.qm")
    if not compile_ts(source, part) or not part.exists():
        log.warning("no compiled %s, and pyside6-lrelease could not make it", compiled.name)
        return None
    os.replace(part, cached)
    return cached


def apply_language(app: QCoreApplication, lang: str) -> str:
    """Install the Qt translators and QLocale of `lang` and make it the core's language too."""
    lang = i18n.set_language(lang)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if lang == i18n.CHINESE:
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        own = catalog_path(lang)
        for name, folder in (("qtbase_zh_CN", qt_dir), (own, None)):
            translator = QTranslator(app)
            loaded = (
                translator.load(str(name))
                if folder is None
                else translator.load(str(name), str(folder))
            )
            if loaded:
                app.installTranslator(translator)
                _installed.append(translator)
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    return lang


def add_cjk_font(app: QApplication) -> None:
    """The bundled CJK font as the app font's fallback, at the app font's size: Chinese renders
    in menus, tables, editors and the timeline where the system has no CJK font of its own."""
    font_id = QFontDatabase.addApplicationFont(str(CJK_FONT))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        log.warning("the bundled CJK font could not be loaded from %s", CJK_FONT)
        return
    font = QFont(app.font())
    font.setFamilies([*font.families(), *(f for f in families if f not in font.families())])
    app.setFont(font)

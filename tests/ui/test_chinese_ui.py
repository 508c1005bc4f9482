"""The app in Simplified Chinese: no English left in any page or dialog, the language chosen in
Preferences comes back at the next start, dates as `tourplanner.i18n.formats` writes them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDateEdit,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QWidget,
)

from tourplanner import i18n
from tourplanner.db import PlanFile
from tourplanner.i18n import formats
from tourplanner.ui import language, screens
from tourplanner.ui.app import create_application
from tourplanner.ui.window.main_window import MainWindow
from tourplanner.ui.window.preferences import PreferencesDialog

CJK = re.compile(r"[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]")
WORD = re.compile(r"[A-Za-z]{2,}")
SENTENCE = re.compile(r"[A-Za-z]+(?:[ ,]+[A-Za-z]+){3,}")  # four Latin words in a row
# What may stay Latin in the Chinese UI: the app's name, file types and codes, keys, zones.
ALLOWED = re.compile(
    r"^(TourPlanner|PDF|CSV|Excel|ICS|iCalendar|English|OK|PostgreSQL|UTF-8|"
    r"Ctrl\+.*|F\d+|Esc|Enter|[A-Z][a-z]+/[A-Za-z_]+|[A-Z]{2,4}(\s\d+)?|.*\.(pdf|ics|xlsx|tourplan))$"
)


@pytest.fixture
def chinese(qtbot) -> Iterator[None]:
    app = create_application()
    language.apply_language(app, i18n.CHINESE)
    yield
    language.apply_language(app, i18n.ENGLISH)


@pytest.fixture
def zh_window(qtbot, chinese, demo_path: Path) -> Iterator[MainWindow]:
    win = MainWindow(PlanFile.open(demo_path))
    qtbot.addWidget(win)
    win.resize(1440, 900)
    win.show()
    yield win
    win.close()
    win.plan.close()


def plan_words(window: MainWindow) -> set[str]:
    """The plan's own data (names, titles, places) may be Latin: it is not the UI's text."""
    import sqlite3

    words: set[str] = set()
    with sqlite3.connect(window.plan.path) as db:
        for (table,) in db.execute("select name from sqlite_master where type='table'"):
            for row in db.execute(f'select * from "{table}"'):  # noqa: S608 - names from sqlite
                for value in row:
                    if isinstance(value, str):
                        words.update(WORD.findall(value))
    words.update(WORD.findall(window.plan.path.name))
    words.add("TourPlanner")  # the file's name, in the window title
    return words


def visible_texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every text a person reads in `widget`: titles, labels, buttons, menus,
    headers, placeholders, tooltips."""
    for w in [widget, *widget.findChildren(QWidget)]:
        name = type(w).__name__
        if w.isWindow() and w.windowTitle():
            yield f"{name} title", w.windowTitle()
        if w.toolTip():
            yield f"{name} tooltip", w.toolTip()
        if isinstance(w, QLabel) and w.isVisibleTo(widget):
            yield f"{name} text", re.sub(r"<[^>]+>", " ", w.text())
        if isinstance(w, QAbstractButton) and w.isVisibleTo(widget):
            yield f"{name} text", w.text()
        if isinstance(w, QGroupBox):
            yield f"{name} title", w.title()
        if isinstance(w, QLineEdit):
            yield f"{name} placeholder", w.placeholderText()
        if isinstance(w, QMenu):
            yield "menu", w.title()
        for action in w.actions():
            yield f"{name} action", action.text()
            yield f"{name} action tip", action.toolTip()
        if isinstance(w, QHeaderView) and w.orientation() == _HORIZONTAL and w.model() is not None:
            for section in range(w.count()):
                yield "header", str(w.model().headerData(section, _HORIZONTAL) or "")


from PySide6.QtCore import Qt  # noqa: E402

_HORIZONTAL = Qt.Orientation.Horizontal


# Counts are worded by the core's `tourplanner.wording.count`, from the core's catalog.
COUNTED = re.compile(r"^(\d+ [a-z]+)(, \d+ [a-z]+)*$")


def english_left(widget: QWidget, allowed_words: set[str]) -> list[str]:
    found = []
    for where, text in visible_texts(widget):
        text = text.replace("&", "").strip()
        if not text or ALLOWED.match(text) or COUNTED.match(text):
            continue
        if CJK.search(text):  # Chinese, unless an English sentence is left in it
            words = [w for run in SENTENCE.findall(text) for w in WORD.findall(run)]
        else:
            words = WORD.findall(text)
        words = [w for w in words if w not in allowed_words]
        if words:
            found.append(f"{where}: {text!r}")
    return sorted(set(found))


def test_every_page_and_dialog_is_in_chinese(zh_window: MainWindow) -> None:
    allowed = plan_words(zh_window)
    left: list[str] = []
    for page in screens.pages(zh_window):
        left += [f"page {page}: {t}" for t in english_left(zh_window, allowed)]
    for name, dialog in screens.dialogs(zh_window):
        left += [f"dialog {name}: {t}" for t in english_left(dialog, allowed)]
    assert not left, "English in the Chinese UI:\n" + "\n".join(sorted(set(left)))


def test_the_scan_finds_a_string_that_bypasses_tr(zh_window: MainWindow) -> None:
    """The scan is not blind: an untranslated label is reported."""
    stray = QLabel("Arrivals by day", zh_window.centralWidget())
    stray.show()
    mixed = QLabel("抵达: sorted by the day of arrival", zh_window.centralWidget())
    mixed.show()
    left = english_left(zh_window, set())
    assert any("Arrivals by day" in t for t in left)
    assert any("sorted by the day" in t for t in left)


def test_core_strings_follow_the_ui_language(chinese) -> None:
    assert i18n.current_language() == i18n.CHINESE
    assert QLocale().language() == QLocale.Language.Chinese


def test_jobs_off_the_gui_thread_speak_the_ui_language(chinese) -> None:
    """A background job (the conflict check, an itinerary) writes in the window's language."""
    from tourplanner.ui.tasks import TaskRunner

    runner = TaskRunner()
    seen: list[str] = []
    runner.run(lambda _cancelled: i18n.current_language(), on_done=seen.append)
    runner.wait()
    runner.shut_down()
    assert seen == [i18n.CHINESE]


def test_preferences_store_the_language_and_a_new_window_comes_up_in_it(
    qtbot, demo_path: Path
) -> None:
    app = create_application()
    language.apply_language(app, i18n.ENGLISH)
    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData(i18n.CHINESE))
    dialog.accept()
    assert language.stored_language() == i18n.CHINESE
    # A restart: the language is chosen again from what was stored, then the window is built.
    try:
        assert language.apply_language(app, language.startup_language()) == i18n.CHINESE
        win = MainWindow(PlanFile.open(demo_path))
        qtbot.addWidget(win)
        titles = [a.text() for a in win.menuBar().actions()]
        assert "文件(&F)" in titles, titles
        win.close()
        win.plan.close()
    finally:
        language.apply_language(app, i18n.ENGLISH)
    # Back to "as the system": nothing stored.
    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(0)
    dialog.accept()
    assert language.stored_language() is None


def test_asked_language_wins_over_the_stored_one(monkeypatch) -> None:
    create_application()
    language.store_language(i18n.ENGLISH)
    monkeypatch.setenv(language.ENV_VAR, "zh_CN")
    assert language.startup_language() == i18n.CHINESE
    monkeypatch.delenv(language.ENV_VAR)
    assert language.startup_language() == i18n.ENGLISH
    assert language.startup_language("zh-Hans") == i18n.CHINESE


@pytest.mark.parametrize("lang", [i18n.ENGLISH, i18n.CHINESE])
def test_date_editors_write_days_as_the_formats_module(qtbot, lang: str) -> None:
    from tourplanner.ui.widgets.repeat_box import _day_edit

    app = create_application()
    language.apply_language(app, lang)
    try:
        edit = _day_edit()
        qtbot.addWidget(edit)
        assert isinstance(edit, QDateEdit)
        edit.setDate(QDate(2015, 4, 20))
        assert edit.text() == formats.day(date(2015, 4, 20), lang)
    finally:
        language.apply_language(app, i18n.ENGLISH)


def test_the_bundled_cjk_font_is_a_fallback_of_the_app_font(qtbot) -> None:
    app = create_application()
    families = QApplication.font().families()
    assert any("Droid Sans Fallback" in f for f in families), families
    assert QApplication.font().pointSizeF() == app.font().pointSizeF()

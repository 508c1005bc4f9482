"""Adding and editing items through the editor: inline validation, undo/redo, saved at once."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QApplication

from tourplanner.db import PlanFile
from tourplanner.services import items, plans, programmes, venues
from tourplanner.ui.app import create_application
from tourplanner.ui.window.main_window import MainWindow


@pytest.fixture
def window(qtbot, tmp_path: Path):
    plan = PlanFile.create(tmp_path / "new.tourplan")
    with plan.transaction() as s:
        plans.create_plan(s, title="Shenzhen 2015", home_timezone="Asia/Shanghai")
        venue = venues.create_venue(
            s,
            name_en="Convention Center",
            name_local="会展中心",
            city="Shenzhen",
            timezone="Asia/Shanghai",
        )
        venues.add_room(s, venue, name="Hall A", capacity=300)
        programmes.create_programme(
            s,
            title_en="Conference",
            kind="conference",
            timezone="Asia/Shanghai",
            start_date=date(2015, 4, 20),
            end_date=date(2015, 4, 22),
        )
    create_application()
    win = MainWindow(plan)
    qtbot.addWidget(win)
    yield win
    plan.close()


def item_rows(path: Path) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT id, title_en, start_utc FROM items").fetchall()
    finally:
        conn.close()


def test_new_item_with_inline_errors_then_saved_undone_redone(qtbot, window) -> None:
    editor = window.edits.new_item()
    qtbot.addWidget(editor)
    editor.venue.setCurrentIndex(editor.venue.findData(1))
    editor.room.setCurrentIndex(1)
    editor.start.setDateTime(QDateTime(datetime(2015, 4, 21, 9, 0)))
    editor.end.setDateTime(QDateTime(datetime(2015, 4, 21, 8, 0)))
    editor.save()  # no title, and the end before the start
    assert editor.isVisible() and editor.errors["title_en"].isVisible()
    assert editor.errors["title_en"].text() == "Is required and cannot be empty."
    assert item_rows(window.plan.path) == []
    qtbot.keyClicks(editor.title_en, "Keynote")
    editor.save()
    assert editor.errors["end"].isVisible() and "after the start" in editor.errors["end"].text()
    assert not editor.errors["title_en"].isVisible() and item_rows(window.plan.path) == []
    editor.end.setDateTime(QDateTime(datetime(2015, 4, 21, 10, 0)))
    editor.save()
    assert not editor.isVisible()
    rows = item_rows(window.plan.path)
    assert [r[1] for r in rows] == ["Keynote"] and rows[0][2].startswith("2015-04-21 01:00")
    assert "Zone" not in editor.zone.text() and editor.zone.text().startswith("Asia/Shanghai (CST)")
    window.undo_stack.undo()
    assert item_rows(window.plan.path) == []
    window.undo_stack.redo()
    assert item_rows(window.plan.path) == rows  # same id back
    window.select_items([rows[0][0]])
    assert window.selected_item_id() == rows[0][0]


def test_edit_item_and_undo(qtbot, window) -> None:
    with window.plan.transaction() as s:
        item_id = items.create_item(
            s,
            programme_id=1,
            title_en="Panel",
            venue_id=1,
            start=datetime(2015, 4, 21, 13),
            end=datetime(2015, 4, 21, 14),
        )
    window.reload()
    window.select_items([item_id])
    editor = window.edits.edit_selected()
    qtbot.addWidget(editor)
    assert editor.title_en.text() == "Panel"
    editor.title_en.setText("Panel: smart cities")
    editor.save()
    assert [r[1] for r in item_rows(window.plan.path)] == ["Panel: smart cities"]
    window.undo_stack.undo()
    assert [r[1] for r in item_rows(window.plan.path)] == ["Panel"]
    window.undo_stack.redo()
    assert [r[1] for r in item_rows(window.plan.path)] == ["Panel: smart cities"]


def focus_chain(qtbot, dialog, first, last) -> list:
    """The widgets Tab stops at from `first` to `last`, as a keyboard user goes down the form
    (each once: Tab walks a date and time field section by section before it leaves)."""
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    chain = [first]
    for _ in range(60):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        if widget is not chain[-1]:
            chain.append(widget)
        if widget is last:
            break
    return chain


def test_tab_follows_the_item_form_down_to_its_buttons(qtbot, window) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    editor = window.edits.new_item()
    fields = [
        editor.programme,
        editor.title_en,
        editor.title_local,
        editor.kind,
        editor.status,
        editor.venue,
        editor.room,
        editor.start,
        editor.end,
        editor.repeat.how,  # "Does not repeat": the rest of the repeat controls are hidden
        editor.description,  # Tab leaves the notes instead of typing a tab into them
    ]
    box = editor.findChild(QDialogButtonBox)
    save = box.button(QDialogButtonBox.StandardButton.Save)
    cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
    chain = focus_chain(qtbot, editor, fields[0], cancel)
    assert chain == [*fields, save, cancel]
    assert editor.description.toPlainText() == ""
    editor.reject()


def test_tab_follows_a_record_form(qtbot, window) -> None:
    from tourplanner.ui.records.entities import ENTITIES

    editor = window.edits.new_record(ENTITIES["venue"])
    fields = [editor.widgets[spec.key] for spec in ENTITIES["venue"].fields]
    chain = focus_chain(qtbot, editor, fields[0], fields[-1])
    # A searchable list (the zone picker) takes the focus in its own line edit.
    assert [w if w in fields else w.parentWidget() for w in chain] == fields
    editor.reject()

"""The seating editor and the gift register on real widgets, every change undoable."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt

from tourplanner.services import protocol
from tourplanner.ui.protocol.seating_editor import MIME, SeatingEditor, show_seating
from tourplanner.ui.records.entities import ENTITIES


def _item(window, title: str) -> int:
    with window.plan.reading() as s:
        return protocol.find_item(s, title).id


def _editor(qtbot, window, title: str) -> SeatingEditor:
    editor = SeatingEditor(lambda: window.plan, window.operations.run, _item(window, title), window)
    qtbot.addWidget(editor)
    return editor


def test_the_banquet_is_drawn_with_every_seat_and_nobody_unseated(qtbot, window) -> None:
    editor = _editor(qtbot, window, "Conference banquet")
    assert len(editor.seat_items) == 24  # 3 tables of 8
    assert editor.unseated.count() == 0
    assert editor.people.count() == 21
    assert editor.convention_box.currentText() == "international"


def test_dropping_a_person_on_a_seat_locks_it_reflows_and_undoes(qtbot, window) -> None:
    editor = _editor(qtbot, window, "Conference banquet")
    walsh = next(s for s in editor.view_.seats if s.name == "Jennifer Walsh")
    target = next(s.label for s in editor.view_.seats if s.table == 2 and s.label != walsh.label)
    row = next(
        editor.people.item(i)
        for i in range(editor.people.count())
        if editor.people.item(i).data(Qt.ItemDataRole.UserRole) == walsh.person_id
    )
    data = editor.people.mimeData([row])  # what dragging her row out of the list carries
    assert data.hasFormat(MIME)
    assert editor.seat_items[target].drop(data)  # what a drop on the seat does
    moved = editor.seat(target)
    assert moved.person_id == walsh.person_id and moved.locked
    taken = [s.person_id for s in editor.view_.seats if s.person_id]
    assert len(taken) == len(set(taken)) == 21  # the rest re-flowed, nobody twice
    assert window.operations.stack.undoText().startswith("Seat Jennifer Walsh")
    window.operations.stack.undo()
    editor.refresh()
    assert editor.seat(walsh.label).person_id == walsh.person_id
    assert not any(s.locked for s in editor.view_.seats)


def test_switching_the_convention_mirrors_the_rostrum(qtbot, window) -> None:
    editor = _editor(qtbot, window, "Opening ceremony")
    before = {s.name: s.x for s in editor.view_.seats}
    assert editor.convention_box.currentText() == "chinese"
    assert editor.set_convention("international")
    after = {s.name: s.x for s in editor.view_.seats}
    assert after["Sun Zhaohua"] == 0 and after["Bob O'Neill"] == -before["Bob O'Neill"]
    assert [editor.unseated.item(i).text() for i in range(editor.unseated.count())] == [
        "Chen Xiaoyu: interprets from the booth, not on the rostrum"
    ]
    window.operations.stack.undo()
    editor.refresh()
    assert editor.convention_box.currentText() == "chinese"


def test_an_impossible_relayout_is_said_and_changes_nothing(qtbot, window) -> None:
    editor = _editor(qtbot, window, "Conference banquet")
    guest = next(s for s in editor.view_.seats if s.label == "T1-2")  # the principal guest
    assert editor.place(guest.person_id, "T3-4") is False
    assert "cannot be seated" in editor.message.text()
    assert editor.seat("T1-2").person_id == guest.person_id


def test_menu_entry_opens_the_editor_on_the_selected_item(qtbot, window) -> None:
    window.show_page("item")
    window.select_items([_item(window, "Signing ceremony")])
    editor = show_seating(window)
    assert editor is not None and editor.windowTitle().startswith("Seating: Signing")
    qtbot.addWidget(editor)
    assert "seating" in window.menus.acts


def test_gift_register_page_adds_a_gift_and_undoes(qtbot, window) -> None:
    editor = window.edits.new_record(ENTITIES["gift"])
    editor.widgets["giver"].setText("ICMA")
    editor.widgets["recipient"].setText("Yangzhou")
    editor.widgets["name"].setText("Book on city management")
    editor.widgets["value"].setText("40")
    editor.save()
    assert editor.form.visible_errors() == {"currency": "Is needed with a value."}
    editor.widgets["currency"].setText("usd")
    editor.save()
    assert not editor.isVisible()
    con = sqlite3.connect(window.plan.path)
    try:
        assert con.execute("SELECT count(*) FROM gifts").fetchone()[0] == 4
    finally:
        con.close()
    window.operations.stack.undo()
    con = sqlite3.connect(window.plan.path)
    try:
        assert con.execute("SELECT count(*) FROM gifts").fetchone()[0] == 3
    finally:
        con.close()

"""Issue 13: File > New plan asks for the plan's details at once, and the itinerary's header
shows the title typed there (not the file's name); the details stay at File > Plan details…"""

from __future__ import annotations

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from tourplanner.export.pdf import export_itinerary
from tourplanner.services import people, plans


def test_a_new_plans_details_reach_the_itinerary_header(qtbot, window, tmp_path) -> None:
    path = tmp_path / "plan-2016-draft.tourplan"
    assert window.files.new_plan(path)
    editor = window.files.details_editor
    assert editor.isVisible() and window.plan.path == path
    title = editor.widgets["title"]
    qtbot.waitUntil(title.hasFocus)
    assert title.text() == "plan-2016-draft" and title.selectedText() == title.text()
    qtbot.keyClicks(title, "ICMA Asia Study Tour 2016")  # types over the file's name
    qtbot.keyClicks(editor.widgets["organization"], "ICMA China Center")
    contacts = editor.widgets["emergency_contacts"]
    qtbot.keyClicks(contacts, "Coordinator Sarah Mitchell +86 138 0013 8000")
    save = editor.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert not editor.isVisible(), editor.form.visible_errors()
    with window.plan.transaction() as s:
        person = people.create_person(s, name_latin="First Delegate")
        assert plans.home_timezone(s)
    out = tmp_path / "itinerary.pdf"
    export_itinerary(window.plan, person, out)
    first = PdfReader(out).pages[0].extract_text()
    assert "ICMA Asia Study Tour 2016" in first and "plan-2016-draft" not in first
    assert "Sarah Mitchell +86 138 0013 8000" in first
    assert window.undo_stack.count() == 1  # the details are one undoable step
    # Later: File > Plan details… opens the same form on what was saved.
    again = window.edits.edit_plan_details()
    assert again.widgets["title"].text() == "ICMA Asia Study Tour 2016"
    again.reject()


def test_new_plan_details_cancelled_keep_the_plan_and_its_file_name(
    qtbot, window, tmp_path
) -> None:
    path = tmp_path / "quick.tourplan"
    assert window.files.new_plan(path)
    editor = window.files.details_editor
    qtbot.keyClick(editor.widgets["title"], Qt.Key.Key_Escape)  # unchanged: closes at once
    assert not editor.isVisible() and window.plan.path == path
    assert window.undo_stack.count() == 0

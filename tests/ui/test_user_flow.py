"""A coordinator's first session, through the real widgets: a new plan, a venue and items made
in the editors (with a mistake shown inline), an item dragged on the timeline into a clash the
conflicts panel reports, undo and redo, the file reopened, an itinerary and a cancelled batch."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import QDate, QDateTime, QPoint, Qt
from PySide6.QtWidgets import QPushButton

from tourplanner.db import PlanFile
from tourplanner.services import items
from tourplanner.ui.records.entities import ENTITIES
from tourplanner.ui.timeline import PX_PER_MIN
from tourplanner.ui.window.main_window import MainWindow


def errors(window: MainWindow) -> list[str]:
    return [f.rule for f in window.conflicts.findings if f.severity == "error"]


def shown_in_panel(window: MainWindow) -> list[str]:
    model = window.conflicts.model()
    top = model.index(0, 0)  # "Errors (n)"
    return [top.data()] + [model.index(i, 0, top).data() for i in range(model.rowCount(top))]


def save_item(qtbot, window: MainWindow, title: str, start: datetime, end: datetime) -> int:
    editor = window.edits.new_item()
    editor.title_en.setText(title)
    editor.venue.setCurrentIndex(1)  # the venue made above
    editor.start.setDateTime(QDateTime(start))
    editor.end.setDateTime(QDateTime(end))
    editor.save()
    assert not editor.isVisible(), editor.form.visible_errors()
    return editor.item_id


def test_first_session_of_a_coordinator(qtbot, window, tmp_path: Path) -> None:
    window.show()
    qtbot.waitExposed(window)

    # A new plan.
    path = tmp_path / "visit.tourplan"
    assert window.files.new_plan(path)
    assert window.windowTitle() == "visit — visit.tourplan — TourPlanner"

    # A programme and a venue, through their editors; the venue's mistake is shown inline.
    programme = window.edits.new_record(ENTITIES["programme"])
    programme.widgets["title_en"].setText("Delegation visit")
    programme.widgets["start_date"].setDate(QDate(2015, 4, 20))
    programme.widgets["end_date"].setDate(QDate(2015, 4, 22))
    programme.widgets["timezone"].setEditText("Asia/Shanghai")
    programme.save()
    assert not programme.isVisible(), programme.form.visible_errors()
    venue = window.edits.new_record(ENTITIES["venue"])
    qtbot.keyClicks(venue.widgets["name_en"], "Civic Centre")
    venue.widgets["name_local"].setText("市民中心")
    venue.widgets["timezone"].setEditText("Shenzhen")  # not a zone name
    venue.save()
    assert venue.isVisible()
    assert "Shenzhen" in venue.form.errors["timezone"].text()
    assert venue.form.errors["timezone"].isVisible()
    venue.widgets["timezone"].setEditText("Asia/Shanghai")
    venue.save()
    assert not venue.isVisible()

    # Two items in the venue, the first after an inline complaint about its missing title.
    editor = window.edits.new_item()
    editor.venue.setCurrentIndex(1)
    editor.save()
    assert editor.errors["title_en"].isVisible() and editor.isVisible()
    editor.reject()
    talk = save_item(
        qtbot, window, "Briefing", datetime(2015, 4, 21, 9, 0), datetime(2015, 4, 21, 10, 0)
    )
    visit = save_item(
        qtbot, window, "Site visit", datetime(2015, 4, 21, 10, 30), datetime(2015, 4, 21, 11, 30)
    )
    assert errors(window) == []
    assert window.undo_stack.count() == 4  # programme, venue, two items

    # Drag the site visit 60 minutes up on the timeline: it now clashes with the briefing.
    window.show_page("timeline")
    with window.plan.reading() as s:
        programme_id = items.get_item(s, visit).programme_id
    window.timeline.select_day(programme_id, date(2015, 4, 21))
    viewport = window.timeline.view.viewport()
    grab = window.timeline.view.mapFromScene(window.timeline.blocks[visit].rect().center())
    left = Qt.MouseButton.LeftButton
    qtbot.mousePress(viewport, left, pos=grab)
    for minutes in (10, 30, 60):
        qtbot.mouseMove(viewport, grab - QPoint(0, round(minutes * PX_PER_MIN)))
    qtbot.mouseRelease(viewport, left, pos=grab - QPoint(0, round(60 * PX_PER_MIN)))
    assert errors(window) == ["room-double-booked"]
    assert shown_in_panel(window) == ["Errors (1)", "room-double-booked"]
    finding = window.conflicts.findings[0]
    assert set(finding.item_ids) == {talk, visit}
    assert "Civic Centre" in finding.message and "CST" in finding.message
    # Clicking the finding selects both items on the timeline.
    model = window.conflicts.model()
    window.conflicts.clicked.emit(model.index(0, 0, model.index(0, 0)))
    assert sorted(window.timeline.selected_ids()) == sorted([talk, visit])

    # Undo, redo: the file follows each step.
    window.undo_stack.undo()
    assert errors(window) == [] and shown_in_panel(window) == ["Errors (0)"]
    window.undo_stack.redo()
    assert errors(window) == ["room-double-booked"]

    # Nothing to save: the change is in the file, as another reader sees it.
    conn = sqlite3.connect(path)
    stored = conn.execute("SELECT start_utc FROM items WHERE id = ?", (visit,)).fetchone()[0]
    conn.close()
    assert stored.startswith("2015-04-21 01:30")  # 09:30 CST
    window.close()
    window.plan.close()
    with PlanFile.open(path) as again, again.reading() as s:
        assert items.get_item(s, visit).start_utc == datetime(2015, 4, 21, 1, 30, tzinfo=UTC)


def test_export_an_itinerary_and_cancel_a_batch(qtbot, window, tmp_path: Path) -> None:
    window.show_page("person")
    qtbot.keyClicks(window.people.search, "Chen Xiaoyu")
    window.people.table.selectRow(0)
    out = window.exports.export_selected_itinerary(tmp_path / "chen.pdf")
    assert out is not None and "Chen Xiaoyu" in PdfReader(out).pages[0].extract_text()
    # The preview beside the table shows the same document.
    qtbot.waitUntil(lambda: window.preview.page_count() == len(PdfReader(out).pages))
    stopped = tmp_path / "all.pdf"
    batch = window.exports.export_all_itineraries(stopped, workers=1)
    batch.dialog.findChild(QPushButton).click()  # the progress dialog's Cancel button
    qtbot.waitUntil(lambda: batch.was_cancelled, timeout=60_000)
    assert not stopped.exists()
    assert window.statusBar().currentMessage() == "Export cancelled"
    qtbot.waitUntil(lambda: not batch.running, timeout=10_000)

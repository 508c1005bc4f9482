"""The main window driven as a user would: find people, move an item (undo/redo), export PDFs."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tourplanner.db import PlanFile
from tourplanner.services import items, people, programmes
from tourplanner.ui.records.model import RecordTableModel
from tourplanner.ui.window.menus import STEP


def stored_start(path: Path, item_id: int) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT start_utc FROM items WHERE id = ?", (item_id,)).fetchone()[0]
    finally:
        conn.close()


@pytest.mark.parametrize(
    ("key", "rows"),
    [
        ("person", 31),
        ("venue", 26),
        ("room", 23),
        ("travel", 78),  # one row per journey (158 per-person rows before journeys)
        ("organization", 11),
        ("group", 4),
        ("programme", 4),
        ("item", 77),
    ],
)
def test_every_table_model_passes_the_model_tester(qtmodeltester, window, key, rows) -> None:
    page = window.records[key]
    model = RecordTableModel(window.plan, page.model.listing)
    qtmodeltester.check(model)  # empty, before it is read
    model.reload()
    assert model.rowCount() == rows
    qtmodeltester.check(model)
    window.show_page(key)  # read when first shown
    assert page.model.rowCount() == rows
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.proxy)
    # The testers keep watching: sorting, searching and reloading keep the models consistent.
    page.table.selectRow(0)
    chosen = page.selected_ids()
    page.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    first = page.proxy.index(0, 0).data().casefold()
    last = page.proxy.index(page.proxy.rowCount() - 1, 0).data().casefold()
    assert first >= last
    assert page.selected_ids() == chosen  # the selection follows its row
    page.search.setText("a")
    assert 0 < page.proxy.rowCount() <= rows
    page.reload()
    assert page.proxy.rowCount() <= rows
    page.search.clear()
    assert page.proxy.rowCount() == rows


def test_search_box_filters_people(qtbot, window) -> None:
    window.show_page("person")
    proxy = window.people.proxy
    total = proxy.rowCount()
    qtbot.keyClicks(window.people.search, "Yangzhou")
    shown = proxy.rowCount()
    assert 0 < shown < total
    names = {proxy.index(r, 2).data() for r in range(shown)}
    assert names == {"Yangzhou Municipal People's Government"}
    assert window.people.count.text() == f"{shown} of {total} people"


def test_moving_an_item_updates_conflicts_undo_and_redo_persist(window) -> None:
    with window.plan.reading() as s:
        keynote = next(i for i in items.list_items(s) if i.title_en.startswith("Keynote"))
        keynote_id, original = keynote.id, keynote.start_utc
    assert [f for f in window.conflicts.findings if f.severity == "error"] == []
    window.select_items([keynote_id])
    window.edits.move_selected(STEP)  # into the tea break its audience goes to next
    errors = [f for f in window.conflicts.findings if f.severity == "error"]
    assert errors and all(keynote_id in f.item_ids for f in errors)
    assert "person-double-booked" in {f.rule for f in errors}
    assert stored_start(window.plan.path, keynote_id).startswith("2015-04-21 01:30")
    window.undo_stack.undo()
    assert [f for f in window.conflicts.findings if f.severity == "error"] == []
    with window.plan.reading() as s:
        assert items.get_item(s, keynote_id).start_utc == original
    window.undo_stack.redo()
    reopened = PlanFile.open(window.plan.path)
    with reopened.reading() as s:
        assert items.get_item(s, keynote_id).start_utc == datetime(2015, 4, 21, 1, 30, tzinfo=UTC)
    reopened.close()


def test_export_the_selected_persons_itinerary(window, tmp_path: Path) -> None:
    window.show_page("person")
    window.people.search.setText("O'Neill")
    window.people.table.setCurrentIndex(window.people.proxy.index(0, 0))
    out = window.exports.export_selected_itinerary(tmp_path / "bob.pdf")
    assert out is not None and "Bob O'Neill" in PdfReader(out).pages[0].extract_text()


def test_batch_export_runs_off_the_gui_thread_and_can_be_cancelled(
    qtbot, window, tmp_path: Path
) -> None:
    done = tmp_path / "all.pdf"
    batch = window.exports.export_all_itineraries(done, workers=1)
    assert batch.running  # the call returned at once: the job runs on the task runner
    window.tasks.wait()
    assert batch.written == [done] and len(PdfReader(done).pages) > 31
    assert not batch.running and window.statusBar().currentMessage() == f"Wrote {done}"
    stopped = tmp_path / "stopped.pdf"
    batch = window.exports.export_all_itineraries(stopped, workers=1)
    batch.cancel()  # what the progress dialog's Cancel button does
    window.tasks.wait()
    assert batch.was_cancelled and batch.written is None
    assert not stopped.exists()


def test_selecting_a_finding_selects_its_items(window) -> None:
    with window.plan.reading() as s:
        ahmed = people.find_person(s, "Ahmed Hassan").id
    finding = next(f for f in window.conflicts.findings if ahmed in f.person_ids)
    window.conflicts.show_items.emit(list(finding.item_ids))
    window.show_page("agenda")
    window.conflicts.show_items.emit(list(finding.item_ids))
    selected = window.agenda.selected_item_ids()
    assert selected == list(finding.item_ids)


def test_file_export_other_writes_each_document(window, tmp_path: Path, monkeypatch) -> None:
    import icalendar
    import openpyxl
    from lxml import etree

    with window.plan.reading() as s:
        progs = {p.kind: p.id for p in programmes.list_programmes(s) if "NIST" not in p.title_en}
    booklet = window.exports.export_programme("booklet", progs["conference"], tmp_path / "b.pdf")
    assert booklet is not None and "Keynote" in "".join(
        p.extract_text() for p in PdfReader(booklet).pages
    )
    tour = window.exports.export_programme("tour", progs["pre_tour"], tmp_path / "t.pdf")
    assert tour is not None and len(PdfReader(tour).pages) >= 1
    cal = window.exports.export_programme("ics", progs["conference"], tmp_path / "c.ics")
    events = icalendar.Calendar.from_ical(cal.read_bytes()).walk("VEVENT")
    assert any(str(e["SUMMARY"]).startswith("Keynote") for e in events)
    schedule = window.exports.export_programme("schedule", progs["conference"], tmp_path / "s.xml")
    assert etree.parse(str(schedule)).getroot().tag == "schedule"
    window.show_page("person")
    window.people.search.setText("O'Neill")
    window.people.table.selectRow(0)
    mine = window.exports.export_person_calendar(tmp_path / "bob.ics")
    assert len(icalendar.Calendar.from_ical(mine.read_bytes()).walk("VEVENT")) > 5
    listed = window.exports.export_people_list(tmp_path / "people.xlsx")
    sheet = openpyxl.load_workbook(listed).active
    assert sheet.max_row == 32  # a header and the demo's 31 people
    # A file type it cannot write: said in words, nothing written.
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: said.append(a[2]))
    assert window.exports.export_people_list(tmp_path / "people.txt") is None
    assert said and said[0].startswith("Nothing was written.")
    assert not (tmp_path / "people.txt").exists()


def test_printing_the_selected_persons_itinerary_prints_every_page(
    window, tmp_path: Path, monkeypatch
) -> None:
    from PySide6.QtPrintSupport import QPrinter

    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: said.append(a[2]))
    window.show_page("person")
    window.people.table.clearSelection()
    window.people.table.setCurrentIndex(window.people.proxy.index(-1, -1))
    assert window.exports.print_itinerary(QPrinter()) is False  # nobody selected: said so
    assert said == ["Select a person in People first."]
    window.people.search.setText("O'Neill")
    window.people.table.setCurrentIndex(window.people.proxy.index(0, 0))
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    assert window.exports.print_itinerary(printer) is True
    assert window.statusBar().currentMessage() == "Sent “Bob O'Neill · 鲍勃·奥尼尔” to the printer"
    exported = window.exports.export_selected_itinerary(tmp_path / "bob.pdf")
    assert len(PdfReader(printed).pages) == len(PdfReader(exported).pages) > 1

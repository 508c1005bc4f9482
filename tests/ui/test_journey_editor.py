"""The journey editor as a coordinator meets it: a group flight edited once moves everyone,
airport codes fill both zones, a stay shows only what a stay has, and "Beijing" is found in
the zone picker by typing."""

from __future__ import annotations

from datetime import datetime

from file_rows import rows
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QApplication

from tourplanner.services import itinerary
from tourplanner.timezones import format_datetime
from tourplanner.ui.records.entities import ENTITIES
from tourplanner.ui.widgets.zone_picker import ZonePicker


def ua_897(window) -> int:  # noqa: ANN001
    [(journey,)] = rows(window.plan.path, "SELECT id FROM travel_segments WHERE number = 'UA 897'")
    return journey


def departures(window, people: list[int]) -> set[str]:  # noqa: ANN001
    """Each traveller's UA 897 departure as their own itinerary shows it."""
    shown = set()
    with window.plan.reading() as s:
        for person in people:
            [flight] = [
                t for t in itinerary.person_itinerary(s, person).travel if t.number == "UA 897"
            ]
            shown.add(format_datetime(flight.start_utc, flight.start_timezone))
    return shown


def test_a_group_flight_edited_once_moves_every_traveller(qtbot, window) -> None:
    journey = ua_897(window)
    people = [
        p
        for (p,) in rows(
            window.plan.path, f"SELECT person_id FROM travellers WHERE segment_id = {journey}"
        )
    ]
    assert len(people) > 10
    assert departures(window, people) == {"Tue 14 Apr 2015 12:40 EDT"}
    # The travel table has one row for the flight, saying how many are on it.
    page = window.records["travel"]
    window.show_page("travel")
    row = page.model.row_of(journey)
    cells = [page.model.index(row, c).data() for c in range(page.model.columnCount())]
    assert cells[0].startswith(f"{len(people)} travellers: ") and cells[-1] == len(people)
    editor = window.edits.edit_record(ENTITIES["travel"], journey)
    assert editor.travellers.table.rowCount() == len(people)
    start = editor.widgets["start"]
    start.setDateTime(QDateTime(datetime(2015, 4, 14, 13, 55)))  # the airline moved it
    editor.save()
    assert not editor.isVisible(), editor.form.visible_errors()
    assert departures(window, people) == {"Tue 14 Apr 2015 13:55 EDT"}
    assert rows(
        window.plan.path, "SELECT COUNT(*) FROM travel_segments WHERE number = 'UA 897'"
    ) == [(1,)]
    window.undo_stack.undo()  # one step for everyone
    assert departures(window, people) == {"Tue 14 Apr 2015 12:40 EDT"}


def test_a_travellers_seat_and_status_edited_in_the_journey_editor(qtbot, window) -> None:
    journey = ua_897(window)
    editor = window.edits.edit_record(ENTITIES["travel"], journey)
    table = editor.travellers.table
    table.item(0, 1).setText("32A")
    status = table.cellWidget(0, 3)
    status.setCurrentIndex(status.findData("waitlisted"))
    table.selectRow(table.rowCount() - 1)
    qtbot.mouseClick(editor.travellers.remove_button, Qt.MouseButton.LeftButton)
    editor.save()
    assert not editor.isVisible(), editor.form.visible_errors()
    stored = rows(
        window.plan.path,
        f"SELECT seat, status FROM travellers WHERE segment_id = {journey} ORDER BY person_id",
    )
    assert stored[0] == ("32A", "waitlisted")
    assert len(stored) == table.rowCount()


def test_a_flight_from_iad_to_pek_fills_both_zones_by_itself(qtbot, window) -> None:
    editor = window.edits.new_record(ENTITIES["travel"])
    w = editor.widgets
    w["kind"].setCurrentIndex(w["kind"].findData("flight"))
    w["start_timezone"].setEditText("")
    w["end_timezone"].setEditText("")
    # Typed codes; leaving each box (editingFinished, what Qt sends as focus moves on) settles it.
    qtbot.keyClicks(w["from_place"], "IAD")
    w["from_place"].editingFinished.emit()
    qtbot.keyClicks(w["to_place"], "pek")
    w["to_place"].editingFinished.emit()
    assert w["from_place"].text() == "Washington Dulles International Airport (IAD)"
    assert w["to_place"].text() == "Beijing Capital International Airport (PEK)"
    assert w["start_timezone"].currentText() == "America/New_York"
    assert w["end_timezone"].currentText() == "Asia/Shanghai"
    editor.reject()


def test_a_hotel_stay_shows_no_carrier_flight_or_departure_zone(qtbot, window) -> None:
    editor = window.edits.new_record(ENTITIES["travel"])
    w = editor.widgets
    w["kind"].setCurrentIndex(w["kind"].findData("hotel"))
    hidden = {
        k
        for k in ("carrier", "number", "from_place", "start_timezone")
        if not w[k].isVisibleTo(editor)
    }
    assert hidden == {"carrier", "number", "from_place", "start_timezone"}
    assert w["venue_id"].isVisibleTo(editor)
    assert editor.form.labelForField(w["start"].parentWidget()).text() == "Check-in"
    w["kind"].setCurrentIndex(w["kind"].findData("flight"))
    assert w["carrier"].isVisibleTo(editor) and not w["venue_id"].isVisibleTo(editor)
    assert editor.form.labelForField(w["start"].parentWidget()).text() == "Departs"
    editor.reject()


def test_beijing_is_found_in_the_zone_picker_by_typing(qtbot) -> None:
    picker = ZonePicker()
    qtbot.addWidget(picker)
    picker.show()
    line = picker.lineEdit()
    line.selectAll()  # what a click into the box and Ctrl+A leave: typing replaces the zone
    qtbot.keyClicks(line, "Beijing")
    completer = line.completer()
    assert completer.completionCount() >= 1
    shown = completer.completionModel().index(0, 0).data()
    assert shown.startswith("Beijing, CN — Asia/Shanghai") and "UTC+8" in shown
    popup = completer.popup()
    assert popup.isVisible()
    popup.setCurrentIndex(completer.completionModel().index(0, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert picker.currentText() == "Asia/Shanghai"
    for city, zone in (("Shenzhen", "Asia/Shanghai"), ("Washington", "America/New_York")):
        line.clear()
        qtbot.keyClicks(line, city)
        found = [
            completer.completionModel().index(r, 0).data()
            for r in range(completer.completionCount())
        ]
        assert any(f.startswith(f"{city}, ") and zone in f for f in found), found
    QApplication.processEvents()

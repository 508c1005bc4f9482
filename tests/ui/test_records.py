"""Editors and tables for venues, people, groups, organizations and programmes; bulk actions."""

from __future__ import annotations

from datetime import datetime

from file_rows import rows
from PySide6.QtCore import QDateTime, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from tourplanner.services import items, organizations, participations, people
from tourplanner.ui.records.entities import ENTITIES


def test_new_venue_shows_problems_inline_then_saves_and_undoes(qtbot, window) -> None:
    before = rows(window.plan.path, "SELECT count(*) FROM venues")[0][0]
    editor = window.edits.new_record(ENTITIES["venue"])
    fields = editor.widgets
    fields["name_local"].setText("深圳湾体育中心")  # QTest types Latin-1 only
    fields["timezone"].setEditText("Asia/Shenzen")  # a typo
    qtbot.keyClicks(fields["latitude"], "north")
    editor.save()
    # The first problem the service finds is shown beside its field, and nothing is written.
    assert editor.isVisible()
    assert editor.form.visible_errors() == {"name_en": "Is required and cannot be empty."}
    qtbot.keyClicks(fields["name_en"], "Shenzhen Bay Sports Centre")
    editor.save()
    shown = editor.form.visible_errors()
    assert list(shown) == ["timezone"] and "Asia/Shenzen" in shown["timezone"]
    fields["timezone"].setEditText("Asia/Shanghai")
    editor.save()
    assert editor.form.visible_errors() == {"latitude": "Must be a number."}
    assert rows(window.plan.path, "SELECT count(*) FROM venues")[0][0] == before
    fields["latitude"].setText("22.5")
    fields["longitude"].setText("113.9")
    editor.save()
    assert not editor.isVisible()
    saved = rows(
        window.plan.path,
        "SELECT name_en, name_local, timezone, latitude FROM venues ORDER BY id DESC LIMIT 1",
    )
    assert saved == [("Shenzhen Bay Sports Centre", "深圳湾体育中心", "Asia/Shanghai", 22.5)]
    assert window.current_page() == "venue"
    assert window.records["venue"].selected_ids() == [editor.record_id]
    assert window.undo_stack.undoText() == "Add venue 'Shenzhen Bay Sports Centre'"
    window.undo_stack.undo()
    assert rows(window.plan.path, "SELECT count(*) FROM venues")[0][0] == before
    assert window.records["venue"].model.row_of(editor.record_id) == -1
    window.undo_stack.redo()
    assert rows(window.plan.path, f"SELECT id FROM venues WHERE id = {editor.record_id}")


def test_edit_a_person_then_undo_and_redo(qtbot, window) -> None:
    with window.plan.reading() as s:
        bob = people.find_person(s, "Bob O'Neill").id
    window.show_page("person")
    window.people.select_ids([bob])
    editor = window.edits.edit_selected()
    assert editor.widgets["name_local"].text() == "鲍勃·奥尼尔"
    editor.widgets["email"].setText("not an address")
    editor.save()
    assert "not a valid email address" in editor.form.visible_errors()["email"]
    editor.widgets["email"].setText("bob@example.org")
    editor.widgets["role"].setCurrentIndex(editor.widgets["role"].findData("official"))
    editor.save()
    query = f"SELECT email, role FROM people WHERE id = {bob}"
    assert rows(window.plan.path, query) == [("bob@example.org", "official")]
    assert (
        window.people.proxy.index(window.people.table.currentIndex().row(), 3).data() == "Official"
    )
    window.undo_stack.undo()
    assert rows(window.plan.path, query) == [("bob.oneill@icma.org", "speaker")]
    window.undo_stack.redo()
    assert rows(window.plan.path, query) == [("bob@example.org", "official")]


def test_programme_editor_refuses_a_last_day_before_the_first(qtbot, window) -> None:
    with window.plan.reading() as s:
        first = next(iter(ENTITIES["programme"].listing(s).rows))[0]
    editor = window.edits.edit_record(ENTITIES["programme"], first)
    start = editor.widgets["start_date"].date()
    editor.widgets["end_date"].setDate(start.addDays(-1))
    editor.widgets["capacity"].setText("twenty")
    editor.save()
    assert editor.form.visible_errors() == {"end_date": "Cannot be before the start date."}
    editor.widgets["end_date"].setDate(start.addDays(2))
    editor.save()
    assert editor.form.visible_errors() == {"capacity": "Must be a whole number."}
    assert editor.isVisible() and window.undo_stack.count() == 0


def test_delete_people_is_one_undoable_step_that_brings_their_bookings_back(window) -> None:
    count = "SELECT count(*) FROM people"
    bookings = "SELECT count(*) FROM participations"
    before = rows(window.plan.path, count)[0][0], rows(window.plan.path, bookings)[0][0]
    window.show_page("person")
    window.people.search.setText("Fort Collins")
    window.people.table.selectAll()
    chosen = window.people.selected_ids()
    assert len(chosen) == window.people.proxy.rowCount() >= 3
    window.acts["delete"].trigger()
    assert window.undo_stack.undoText() == f"Delete {len(chosen)} people"
    assert rows(window.plan.path, count)[0][0] == before[0] - len(chosen)
    assert rows(window.plan.path, bookings)[0][0] < before[1]
    assert window.people.proxy.rowCount() == 0
    window.undo_stack.undo()
    assert (rows(window.plan.path, count)[0][0], rows(window.plan.path, bookings)[0][0]) == before
    assert window.people.proxy.rowCount() == len(chosen)


def test_deleting_a_venue_in_use_is_refused_in_words(window, monkeypatch) -> None:
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: said.append(a[2]))
    window.show_page("venue")
    page = window.records["venue"]
    page.search.setText("Shangri-La Hotel, Beijing")
    page.table.selectAll()
    window.edits.delete_selected()
    assert said and said[0].startswith("Nothing was changed.") and "Traceback" not in said[0]
    assert window.undo_stack.count() == 0
    assert page.model.rowCount() == 26


def test_bulk_book_people_into_an_item_and_a_group_then_undo(qtbot, window) -> None:
    with window.plan.reading() as s:
        lunch = next(i.id for i in items.list_items(s) if i.title_en == "Conference banquet")
        group = organizations.find_group(s, "ICMA staff").id
        before = {p.person_id for p in participations.participants(s, item_id=lunch)}
    window.show_page("person")
    window.people.search.setText("Arlington")
    window.people.table.selectAll()
    chosen = set(window.people.selected_ids())
    assert len(chosen) == 3
    window.bookings.book_people_into_item(lunch)
    with window.plan.reading() as s:
        after = {p.person_id for p in participations.participants(s, item_id=lunch)}
    assert after == before | chosen
    window.bookings.add_people_to_group(group)
    with window.plan.reading() as s:
        members = {p.id for p in organizations.get_group(s, group).members}
    assert chosen <= members
    assert window.people.proxy.index(0, 4).data().count("ICMA staff") == 1
    window.undo_stack.undo()  # the group
    window.undo_stack.undo()  # the bookings: only those it made go
    with window.plan.reading() as s:
        assert {p.person_id for p in participations.participants(s, item_id=lunch)} == before
        assert not chosen & {p.id for p in organizations.get_group(s, group).members}


def test_choosing_the_item_from_a_searchable_list(qtbot, window) -> None:
    window.show_page("person")
    window.people.search.setText("O'Neill")
    window.people.table.selectAll()
    seen = []

    def answer() -> None:
        chooser = QApplication.activeModalWidget()
        qtbot.keyClicks(chooser.search, "banquet")
        seen.append(chooser.proxy.rowCount())
        chooser.role.setCurrentIndex(chooser.role.findData("speaking"))
        chooser.accept()

    QTimer.singleShot(0, answer)
    window.bookings.book_people_into_item()
    assert seen == [1]
    with window.plan.reading() as s:
        banquet = next(i.id for i in items.list_items(s) if i.title_en == "Conference banquet")
        booked = {(p.person_id, p.role) for p in participations.participants(s, item_id=banquet)}
    assert (window.people.selected_ids()[0], "speaking") in booked
    assert window.undo_stack.undoText() == "Book 1 person (speaking)"


def test_set_status_of_selected_items_in_the_items_table(window) -> None:
    window.show_page("item")
    page = window.items_page
    page.search.setText("Coach")
    page.table.selectAll()
    ids = page.selected_ids()
    assert len(ids) >= 5
    window.acts["status-tentative"].trigger()
    statuses = rows(
        window.plan.path,
        f"SELECT DISTINCT status FROM items WHERE id IN ({','.join(map(str, ids))})",
    )
    assert statuses == [("tentative",)]
    assert {page.proxy.index(r, 4).data() for r in range(page.proxy.rowCount())} == {"Tentative"}
    # The conflicts panel lists each newly tentative item at once.
    flagged = {f.item_ids[0] for f in window.conflicts.findings if f.rule == "tentative"}
    assert set(ids) <= flagged
    window.undo_stack.undo()
    statuses = rows(
        window.plan.path,
        f"SELECT DISTINCT status FROM items WHERE id IN ({','.join(map(str, ids))})",
    )
    assert statuses == [("confirmed",)]


def test_find_goes_to_the_search_box_of_the_table_shown(qtbot, window) -> None:
    window.show()
    window.show_page("organization")
    window.acts["find"].trigger()
    assert window.focusWidget() is window.records["organization"].search
    window.show_page("agenda")
    window.acts["find"].trigger()
    assert window.current_page() == "item" and window.focusWidget() is window.items_page.search


def test_navigator_shows_pages_and_programmes(window) -> None:
    nav = window.navigator
    titles = [nav.topLevelItem(i).text(0) for i in range(nav.topLevelItemCount())]
    assert titles == [
        "Timeline",
        "Agenda",
        "Items",
        "People",
        "Travel",
        "Groups",
        "Organizations",
        "Venues",
        "Rooms",
        "Programmes",
        "Gifts",  # the gift register (protocol, issue 18)
        "Hotel rooms",  # the operations (issue 17)
        "Vehicles",
        "Seats",
        "Guides and interpreters",
        "Transfers",
        "Meals",
    ]
    nav.setCurrentItem(window.navigator.nodes["venue"])
    assert window.current_page() == "venue" and window.records["venue"].model.rowCount() == 26
    programmes = window.navigator.nodes["programme"]
    conference = next(
        programmes.child(i)
        for i in range(programmes.childCount())
        if "SAFEA" in programmes.child(i).text(0)
    )
    nav.setCurrentItem(conference)
    assert window.current_page() == "timeline"
    assert (
        window.timeline.day.currentText().startswith("SAFEA")
        and "Mon 20 Apr 2015" in window.timeline.day.currentText()
    )


def unnamed(top) -> list[str]:  # noqa: ANN001 - any window or dialog
    """Interactive widgets of a window without an accessible name or a tooltip."""
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QComboBox, QLineEdit, QWidget

    missing = []
    for widget in top.findChildren(QWidget):
        if not isinstance(widget, QAbstractButton | QAbstractItemView | QComboBox | QLineEdit):
            continue
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or widget.objectName().startswith("qt_"):
            continue
        if widget.window() is not top or isinstance(widget.parent(), QComboBox | QAbstractItemView):
            continue  # a combo box's own line edit or a view's internal widget
        if not widget.accessibleName() or not (
            widget.toolTip() or getattr(widget, "defaultAction", lambda: None)()
        ):
            missing.append(
                f"{type(widget).__name__} {widget.accessibleName() or widget.objectName()!r}"
            )
    return missing


def test_every_interactive_widget_has_an_accessible_name_and_a_tooltip(window) -> None:
    for key in ("person", "venue", "item", "travel"):
        window.show_page(key)
    assert unnamed(window) == []
    dialogs = [window.edits.new_item(), *(window.edits.new_record(e) for e in ENTITIES.values())]
    window.select_items([next(iter(window.timeline.blocks))])
    dialogs.append(window.bookings.show_bookings())
    from tourplanner.ui.imports import ImportEventsDialog, ImportPeopleDialog

    dialogs += [ImportPeopleDialog.from_context(window), ImportEventsDialog.from_context(window)]
    for dialog in dialogs:
        assert unnamed(dialog) == [], dialog.windowTitle()
        dialog.reject()


def test_a_new_room_needs_its_venue_and_then_is_offered_in_the_item_editor(qtbot, window) -> None:
    editor = window.edits.new_record(ENTITIES["room"])
    qtbot.keyClicks(editor.widgets["name"], "Boardroom 2")
    editor.widgets["capacity"].setText("-4")
    editor.save()
    assert editor.form.visible_errors() == {"venue_id": "Choose the venue the room is in."}
    venue = editor.widgets["venue_id"]
    venue.setCurrentIndex(venue.findText("Shenzhen Convention & Exhibition Center"))
    editor.save()
    assert editor.form.visible_errors() == {"capacity": "Cannot be negative (got -4)."}
    editor.widgets["capacity"].setText("12")
    editor.save()
    assert not editor.isVisible()
    assert window.current_page() == "room"
    item_editor = window.edits.new_item()
    item_editor.venue.setCurrentIndex(item_editor.venue.findData(venue.currentData()))
    rooms = [item_editor.room.itemText(i) for i in range(item_editor.room.count())]
    assert "Boardroom 2" in rooms
    item_editor.reject()
    # A room stays in its venue: its items are there.
    again = window.edits.edit_record(ENTITIES["room"], editor.record_id)
    again.widgets["venue_id"].setCurrentIndex(1 if venue.currentIndex() != 1 else 2)
    again.save()
    assert "stays in its venue" in again.form.visible_errors()["venue_id"]


def test_a_flight_with_each_end_in_its_own_zone(qtbot, window) -> None:
    editor = window.edits.new_record(ENTITIES["travel"])
    w = editor.widgets
    traveller = w["person_id"]
    assert traveller.isEditable()  # a long list: type part of a name
    traveller.setCurrentIndex(traveller.findText("Lisa Hartman"))
    w["kind"].setCurrentIndex(w["kind"].findData("flight"))
    qtbot.keyClicks(w["carrier"], "Air China")
    qtbot.keyClicks(w["number"], "CA 818")
    qtbot.keyClicks(w["from_place"], "Washington Dulles (IAD)")
    qtbot.keyClicks(w["to_place"], "Beijing Capital (PEK)")
    w["start"].setDateTime(QDateTime(datetime(2015, 4, 17, 23, 55)))
    w["start_timezone"].setEditText("America/New_York")
    w["end"].setDateTime(QDateTime(datetime(2015, 4, 17, 11, 0)))  # a typo: the 17th, not 19th
    w["end_timezone"].setEditText("Asia/Shanghai")
    editor.save()
    assert editor.form.visible_errors() == {"end": "Cannot be before the departure."}
    w["end"].setDateTime(QDateTime(datetime(2015, 4, 19, 1, 40)))
    editor.save()
    assert not editor.isVisible(), editor.form.visible_errors()
    page = window.records["travel"]
    assert window.current_page() == "travel" and page.selected_ids() == [editor.record_id]
    row = page.table.currentIndex().row()
    cells = [page.proxy.index(row, c).data() for c in range(page.model.columnCount())]
    assert cells[:2] == ["Lisa Hartman", "Flight"]
    assert cells[4:6] == ["Fri 17 Apr 23:55 EDT", "Sun 19 Apr 01:40 CST +2"]
    stored = rows(
        window.plan.path,
        f"SELECT start_utc, end_utc FROM travel_segments WHERE id = {editor.record_id}",
    )
    assert stored == [("2015-04-18 03:55:00.000000", "2015-04-18 17:40:00.000000")]
    # The editor opens on the same wall-clock times and zones.
    again = window.edits.edit_record(ENTITIES["travel"], editor.record_id)
    assert again.widgets["start"].dateTime().toPython() == datetime(2015, 4, 17, 23, 55)
    assert again.widgets["end_timezone"].currentText() == "Asia/Shanghai"
    again.reject()
    window.undo_stack.undo()
    assert (
        rows(window.plan.path, f"SELECT id FROM travel_segments WHERE id = {editor.record_id}")
        == []
    )


def test_plan_details_change_the_title_and_are_undoable(qtbot, window) -> None:
    before = window.windowTitle()
    editor = window.edits.edit_plan_details()
    assert editor.widgets["home_timezone"].currentText() == "Asia/Shanghai"
    editor.widgets["travel_minutes_same_city"].setText("half an hour")
    editor.save()
    assert editor.form.visible_errors() == {"travel_minutes_same_city": "Must be a whole number."}
    editor.widgets["travel_minutes_same_city"].setText("45")
    editor.widgets["title"].setText("Shenzhen 2015")
    editor.save()
    assert not editor.isVisible()
    assert window.windowTitle() == "Shenzhen 2015 — demo.tourplan — TourPlanner"
    window.undo_stack.undo()
    assert window.windowTitle() == before
    assert rows(window.plan.path, "SELECT travel_minutes_same_city FROM plans") == [(30,)]


def test_who_is_booked_and_taking_someone_off_is_undoable(qtbot, window) -> None:
    with window.plan.reading() as s:
        keynote = next(i.id for i in items.list_items(s) if i.title_en.startswith("Keynote"))
        before = {(p.person_id, p.role) for p in participations.participants(s, item_id=keynote)}
    window.show_page("agenda")
    window.select_items([keynote])
    dialog = window.bookings.show_bookings()
    assert dialog is not None and dialog.table.rowCount() == len(before)
    names = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    row = names.index("Bob O'Neill")
    assert dialog.table.item(row, 2).text() == "Speaking"
    dialog.table.selectRow(row)
    dialog.remove.click()
    assert dialog.table.rowCount() == len(before) - 1
    with window.plan.reading() as s:
        bob = people.find_person(s, "Bob O'Neill").id
        now = {(p.person_id, p.role) for p in participations.participants(s, item_id=keynote)}
    assert now == before - {(bob, "speaking")}
    assert window.undo_stack.undoText() == "Take 1 person off"
    window.undo_stack.undo()
    dialog.reload()
    assert dialog.table.rowCount() == len(before)
    with window.plan.reading() as s:
        assert {
            (p.person_id, p.role) for p in participations.participants(s, item_id=keynote)
        } == before
    dialog.reject()


def test_travel_times_between_venues_set_refused_removed_and_undone(window) -> None:
    dialog = window.edits.edit_travel_times()
    assert unnamed(dialog) == []
    pairs = dialog.table.rowCount()
    assert pairs == len(rows(window.plan.path, "SELECT * FROM travel_times"))
    dialog.first.setCurrentIndex(0)
    dialog.second.setCurrentIndex(0)
    dialog.set_pair()
    assert dialog.problem.isVisible() and "two different venues" in dialog.problem.text()
    assert dialog.table.rowCount() == pairs and window.undo_stack.count() == 0
    dialog.second.setCurrentIndex(1)
    a, b = sorted((dialog.first.currentData(), dialog.second.currentData()))
    query = f"SELECT minutes FROM travel_times WHERE from_venue_id = {a} AND to_venue_id = {b}"
    before = rows(window.plan.path, query)
    dialog.minutes.setValue(55)
    dialog.set_pair()
    assert not dialog.problem.isVisible()
    assert rows(window.plan.path, query) == [(55,)]
    window.undo_stack.undo()
    assert rows(window.plan.path, query) == before
    window.undo_stack.redo()
    dialog.remove_pair()
    assert rows(window.plan.path, query) == []
    window.undo_stack.undo()
    assert rows(window.plan.path, query) == [(55,)]
    dialog.reject()

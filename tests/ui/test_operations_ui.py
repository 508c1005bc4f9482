"""The operations pages (#17): a vehicle made in the generic editor, refused inline when it has
no seats, saved, undone; a twin room shared; the three exports from File > Export other."""

from __future__ import annotations

from pathlib import Path

from file_rows import rows

from tourplanner.ui.records.entities import ENTITIES


def test_a_vehicle_is_made_in_the_editor_refused_without_seats_and_undone(
    qtbot, window, tmp_path: Path
) -> None:
    before = rows(window.plan.path, "SELECT count(*) FROM vehicles")[0][0]
    window.show_page("vehicle")
    editor = window.edits.new_record(ENTITIES["vehicle"])
    fields = editor.widgets
    qtbot.keyClicks(fields["name"], "Airport van")
    fields["kind"].setCurrentIndex(fields["kind"].findData("van"))
    qtbot.keyClicks(fields["seats"], "0")
    editor.save()
    assert editor.isVisible()
    assert editor.form.visible_errors() == {"seats": "A vehicle needs at least one seat."}
    fields["seats"].setText("7")
    editor.save()
    assert editor.form.visible_errors() == {
        "programme_id": "Say which programme or item the vehicle serves."
    }
    assert rows(window.plan.path, "SELECT count(*) FROM vehicles")[0][0] == before
    fields["programme_id"].setCurrentIndex(1)
    fields["fixed_seats"].setChecked(True)
    editor.grab().save(str(tmp_path / "vehicle-editor.png"))
    editor.save()
    assert not editor.isVisible()
    assert rows(
        window.plan.path,
        "SELECT name, kind, seats, fixed_seats FROM vehicles ORDER BY id DESC LIMIT 1",
    ) == [("Airport van", "van", 7, 1)]
    assert window.records["vehicle"].model.row_of(editor.record_id) >= 0
    window.undo_stack.undo()
    assert rows(window.plan.path, "SELECT count(*) FROM vehicles")[0][0] == before


def test_two_stays_are_put_in_one_twin_room(qtbot, window) -> None:
    stays = rows(
        window.plan.path,
        "SELECT t.segment_id, r.id FROM travellers t JOIN people p ON p.id = t.person_id "
        "JOIN travel_segments s ON s.id = t.segment_id JOIN room_bookings r ON r.stay_id = s.id "
        "JOIN venues v ON v.id = s.venue_id WHERE s.kind = 'hotel' AND v.name_en LIKE '%Beijing%' "
        "AND p.name_latin IN ('Daniel Kim', 'Sarah Mitchell') ORDER BY p.name_latin",
    )
    (kim_stay, kim_room), (mitchell_stay, _) = stays
    editor = window.edits.edit_record(ENTITIES["room_booking"], kim_room)
    fields = editor.widgets
    fields["room_type"].setCurrentIndex(fields["room_type"].findData("twin"))
    fields["shares_with_id"].setCurrentIndex(fields["shares_with_id"].findData(mitchell_stay))
    editor.save()
    assert not editor.isVisible()
    assert rows(
        window.plan.path,
        f"SELECT room_type, shares_with_id FROM room_bookings WHERE id = {kim_room}",
    ) == [("twin", mitchell_stay)]
    window.undo_stack.undo()
    assert rows(
        window.plan.path,
        f"SELECT room_type, shares_with_id FROM room_bookings WHERE id = {kim_room}",
    ) == [("single", None)]
    assert kim_stay != mitchell_stay


def test_the_operations_pages_and_exports(qtbot, window, tmp_path: Path) -> None:
    for page in ("room_booking", "vehicle", "vehicle_seat", "assignment"):
        window.show_page(page)
        assert window.records[page].model.rowCount() > 0, page
    window.show_page("assignment")
    window.grab().save(str(tmp_path / "assignments-page.png"))
    rooming = window.exports.export_operations("rooming", tmp_path / "rooms.xlsx")
    catering = window.exports.export_operations("catering", tmp_path / "catering.pdf")
    with window.plan.reading() as s:
        from tourplanner.services.programmes import find_programme

        post = find_programme(s, "Post-conference").id
    manifest = window.exports.export_operations("manifest", tmp_path / "bus.pdf", post)
    assert rooming and catering and manifest
    assert all(p.stat().st_size > 1000 for p in (rooming, catering, manifest))
    texts = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert texts  # File menu
    other = next(
        a.menu()
        for a in window.menuBar().actions()[0].menu().actions()
        if a.menu() is not None and "xport other" in a.text()
    )
    names = [a.text() for a in other.actions()]
    assert any("Rooming list" in n for n in names) and any("Catering" in n for n in names)


def test_meeting_point_and_menu_are_set_refused_after_the_start_and_undone(qtbot, window) -> None:
    (item_id,) = rows(
        window.plan.path, "SELECT id FROM items WHERE title_en = 'Conference banquet'"
    )[0]
    dialog = window.edits.edit_logistics(item_id)
    assert dialog is not None
    dialog.point.setText("Hotel lobby, level 1")
    dialog.menu.setPlainText("Eight courses; a vegan plate for table 3")
    dialog.meet.setChecked(True)
    dialog.when.setDateTime(dialog.when.dateTime().addSecs(3600))  # an hour after it starts
    dialog.save()
    assert dialog.isVisible() and "after the item starts" in dialog.problem.text()
    assert rows(window.plan.path, f"SELECT meeting_point FROM items WHERE id = {item_id}") == [
        ("",)
    ]
    dialog.when.setDateTime(dialog.when.dateTime().addSecs(-2 * 3600))
    dialog.save()
    assert not dialog.isVisible()
    assert rows(
        window.plan.path, f"SELECT meeting_point, menu_note FROM items WHERE id = {item_id}"
    ) == [("Hotel lobby, level 1", "Eight courses; a vegan plate for table 3")]
    window.undo_stack.undo()
    assert rows(window.plan.path, f"SELECT meeting_point FROM items WHERE id = {item_id}") == [
        ("",)
    ]


def test_selected_people_are_seated_on_a_vehicle_in_one_step(qtbot, window) -> None:
    (coach,) = rows(window.plan.path, "SELECT id FROM vehicles WHERE name = 'Beijing coach'")[0]
    count = f"SELECT count(*) FROM vehicle_seats WHERE vehicle_id = {coach}"
    assert rows(window.plan.path, count) == [(0,)]
    window.show_page("person")
    window.people.search.setText("Arlington")
    window.people.table.selectAll()
    chosen = set(window.people.selected_ids())
    assert len(chosen) == 3
    window.bookings.seat_people_on_vehicle(coach)
    seated = rows(
        window.plan.path, f"SELECT person_id FROM vehicle_seats WHERE vehicle_id = {coach}"
    )
    assert {p for (p,) in seated} == chosen
    window.bookings.seat_people_on_vehicle(coach)  # again: nobody is seated twice
    assert rows(window.plan.path, count) == [(3,)]
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert rows(window.plan.path, count) == [(0,)]

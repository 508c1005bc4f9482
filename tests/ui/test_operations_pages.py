"""The Transfers and Meals pages (#17): the demo's arrival groups and the banquet's counts as the
documents compute them; the filter narrows, a day without transfers says so; a meal's menu is
edited from its page in one undoable step."""

from __future__ import annotations

import re
from pathlib import Path

from file_rows import rows
from PySide6.QtWidgets import QApplication

from tourplanner.ui.operations.logistics_dialog import LogisticsDialog


def shown(page) -> list[dict[str, str]]:  # noqa: ANN001 - a RecordPage
    """The rows the table shows, by column title."""
    model, proxy = page.model, page.proxy
    titles = [model.headerData(c, _horizontal()) for c in range(model.columnCount())]
    return [
        {titles[c]: proxy.index(r, c).data() for c in range(model.columnCount())}
        for r in range(proxy.rowCount())
    ]


def _horizontal():  # noqa: ANN202
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


def test_the_transfers_page_shows_ca_818_in_one_group_picked_up_after_landing(
    qtbot, window, tmp_path: Path
) -> None:
    on_ca818 = {
        name
        for (name,) in rows(
            window.plan.path,
            "SELECT p.name_latin FROM travellers t JOIN people p ON p.id = t.person_id "
            "JOIN travel_segments s ON s.id = t.segment_id WHERE s.number = 'CA 818'",
        )
    }
    assert on_ca818
    window.show_page("transfer")
    table = window.transfers.table_page
    groups = shown(table)
    assert {g["Transfer"].split()[0] for g in groups} == {"Arrival", "Departure"}
    (ca818,) = [g for g in groups if "CA 818" in g["Flights or trains"]]
    assert ca818["People"] == str(len(on_ca818))
    assert all(name in ca818["Passengers"] for name in on_ca818)
    landed = re.search(r"CA 818 (\d\d:\d\d)", ca818["Flights or trains"]).group(1)
    picked_up = re.search(r"(\d\d:\d\d) CST$", ca818["Pick-up (local)"]).group(1)
    assert picked_up > landed  # the same night, after immigration and baggage
    assert ca818["Vehicles"] and ca818["Sign"]

    window.transfers.direction.setCurrentIndex(2)  # departures only
    departures = shown(table)
    assert departures and all(g["Transfer"].startswith("Departure") for g in departures)
    assert len(departures) < len(groups)
    out = window.exports.export_transfers(
        tmp_path / "departures.xlsx", options=window.transfers.options()
    )
    assert out is not None and out.stat().st_size > 1000

    window.transfers.direction.setCurrentIndex(1)  # arrivals, on a day nobody arrives
    window.transfers.one_day.setChecked(True)
    window.transfers.day.setDate(window.transfers.day.date().addYears(-3))
    assert shown(table) == []
    assert not window.transfers.problem.isHidden()
    assert "no arrivals" in window.transfers.problem.text()
    window.transfers.one_day.setChecked(False)
    assert shown(table) and window.transfers.problem.isHidden()
    window.grab().save(str(tmp_path / "transfers-page.png"))


def test_the_meals_page_counts_the_banquet_and_edits_its_menu_in_one_step(
    qtbot, window, tmp_path: Path
) -> None:
    (banquet,) = rows(
        window.plan.path, "SELECT id FROM items WHERE title_en = 'Conference banquet'"
    )[0]
    window.show_page("meal")
    page = window.meals
    assert page.model.rowCount() == 0  # read on the task runner: the window does not wait
    window.tasks.wait()
    meals = {r["Meal"]: r for r in shown(page)}
    row = meals["Conference banquet"]
    tag_columns = [t for t in row if t not in ("When (local)", "Meal", "Menu", "Diners", "Venue")]
    assert "Vegetarian" in tag_columns and "Halal" in tag_columns
    # Everyone is counted once as "no restriction" or under their tags (a diner may have two).
    tagged = int(row["Diners"]) - int(row["No restriction"])
    assert 0 < tagged <= sum(int(row[t]) for t in tag_columns if t != "No restriction")
    assert row["Menu"].startswith("Cantonese banquet")
    assert "medical" not in " ".join(row.values()).lower()

    page.select_ids([banquet])
    window.edits.edit_selected()  # Enter or double-click on a meal: its menu
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, LogisticsDialog))
    assert dialog.item_id == banquet
    dialog.menu.setPlainText("Seven courses; nut-free kitchen")
    dialog.save()
    assert not dialog.isVisible()
    assert rows(window.plan.path, f"SELECT menu_note FROM items WHERE id = {banquet}") == [
        ("Seven courses; nut-free kitchen",)
    ]
    window.tasks.wait()
    assert {r["Meal"]: r for r in shown(page)}["Conference banquet"]["Menu"] == (
        "Seven courses; nut-free kitchen"
    )
    window.undo_stack.undo()
    window.tasks.wait()
    assert rows(window.plan.path, f"SELECT menu_note FROM items WHERE id = {banquet}")[0][
        0
    ].startswith("Cantonese banquet")
    assert {r["Meal"]: r for r in shown(page)}["Conference banquet"]["Menu"].startswith(
        "Cantonese banquet"
    )
    window.grab().save(str(tmp_path / "meals-page.png"))


def person_ids(window, *names: str) -> list[int]:  # noqa: ANN001
    found = dict(rows(window.plan.path, "SELECT name_latin, id FROM people"))
    return [found[n] for n in names]


def room_fields(path: Path) -> list[tuple]:
    return rows(
        path,
        "SELECT id, stay_id, room_type, room_number, shares_with_id, smoking, accessible, "
        "requests, confirmation_number FROM room_bookings ORDER BY id",
    )


def test_the_selected_people_are_put_into_one_room_asked_where_and_undone(
    qtbot, window, monkeypatch
) -> None:
    from PySide6.QtCore import QTimer

    kim, mitchell = person_ids(window, "Daniel Kim", "Sarah Mitchell")
    before = room_fields(window.plan.path)
    window.show_page("person")
    window.people.select_ids([kim, mitchell])
    asked: dict[str, object] = {}

    def answer() -> None:  # they both stay in Beijing and in Shenzhen: which, and which room
        chooser = window.bookings.chooser
        options = [chooser.model.index(r, 0).data() for r in range(chooser.model.rowCount())]
        asked["hotels"] = options
        asked["types"] = [chooser.role.itemData(n) for n in range(chooser.role.count())]
        qtbot.keyClicks(chooser.search, "Beijing")
        chooser.role.setCurrentIndex(chooser.role.findData("double"))
        chooser.accept()

    QTimer.singleShot(0, answer)
    assert window.bookings.share_room()
    assert asked["hotels"] == ["Shangri-La Hotel, Beijing", "Shangri-La Hotel, Futian, Shenzhen"]
    assert asked["types"] == ["twin", "double", "suite"]  # a single sleeps one
    beijing = rows(
        window.plan.path,
        "SELECT p.name_latin, r.room_type, r.shares_with_id IS NOT NULL FROM room_bookings r "
        "JOIN travel_segments s ON s.id = r.stay_id JOIN travellers t ON t.segment_id = s.id "
        "JOIN people p ON p.id = t.person_id JOIN venues v ON v.id = s.venue_id "
        f"WHERE v.name_en = 'Shangri-La Hotel, Beijing' AND p.id IN ({kim}, {mitchell}) "
        "ORDER BY p.name_latin",
    )
    assert beijing == [("Daniel Kim", "double", 0), ("Sarah Mitchell", "double", 1)]
    window.show_page("room_booking")
    shared = [r for r in shown(window.records["room_booking"]) if r["Guest"] == "Sarah Mitchell"]
    assert any(r["Sharing with"] == "Daniel Kim" for r in shared)
    window.undo_stack.undo()
    assert room_fields(window.plan.path) == before


def test_a_refused_room_is_said_and_changes_nothing(qtbot, window, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: said.append(a[2]))
    before = room_fields(window.plan.path)
    nie, sun, zheng = person_ids(window, "Nie Biao", "Sun Zhaohua", "Zheng Jie")
    window.show_page("person")
    window.people.select_ids([nie, sun, zheng])
    assert not window.bookings.share_room(room_type="twin")
    assert said and "A twin room sleeps 2 people; 3 people were selected." in said[-1]
    (kim,) = person_ids(window, "Daniel Kim")
    beijing = dict(rows(window.plan.path, "SELECT name_en, id FROM venues"))[
        "Shangri-La Hotel, Beijing"
    ]
    assert not window.bookings.share_room("twin", beijing, [nie, kim])
    assert "do not all stay at that hotel" in said[-1]
    assert room_fields(window.plan.path) == before
    assert window.undo_stack.count() == 0


def yangzhou_rooms(window) -> dict[str, int]:  # noqa: ANN001
    """Each guest's room at the Yangzhou State Guest House, by name."""
    return dict(
        rows(
            window.plan.path,
            "SELECT p.name_latin, r.id FROM room_bookings r "
            "JOIN travel_segments s ON s.id = r.stay_id JOIN travellers t ON t.segment_id = s.id "
            "JOIN people p ON p.id = t.person_id JOIN venues v ON v.id = s.venue_id "
            "WHERE v.name_en = 'Yangzhou State Guest House'",
        )
    )


def test_guests_of_hotel_rooms_are_put_into_one_room_from_that_page(qtbot, window) -> None:
    rooms = yangzhou_rooms(window)
    window.show_page("room_booking")
    window.records["room_booking"].select_ids([rooms["Robert Chen"], rooms["Thomas Wright"]])
    assert window.bookings.share_room(room_type="twin")
    assert rows(
        window.plan.path,
        f"SELECT room_type, shares_with_id IS NOT NULL FROM room_bookings WHERE id IN "
        f"({rooms['Robert Chen']}, {rooms['Thomas Wright']}) ORDER BY id",
    ) == [("twin", 0), ("twin", 1)]
    window.undo_stack.undo()
    assert rows(
        window.plan.path,
        f"SELECT DISTINCT room_type FROM room_bookings WHERE id IN "
        f"({rooms['Robert Chen']}, {rooms['Thomas Wright']})",
    ) == [("single",)]


def drop(page, dragged: list[int], onto: int) -> bool:  # noqa: ANN001 - a RecordPage
    """Drag these records' rows onto another's, through the table's own model (the proxy)."""
    from PySide6.QtCore import Qt

    model = page.table.model()

    def index(record_id: int):  # noqa: ANN202
        return page.proxy.mapFromSource(page.model.index(page.model.row_of(record_id), 0))

    data = model.mimeData([index(i) for i in dragged])
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, -1, index(onto))
    return model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, index(onto))


def test_a_seat_dragged_onto_another_vehicle_moves_there_and_undo_brings_it_back(
    qtbot, window, monkeypatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from tourplanner.services import vehicles

    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: said.append(a[2]))
    (minibus, tour) = rows(
        window.plan.path, "SELECT id, programme_id FROM vehicles WHERE name = 'Post-tour minibus'"
    )[0]
    seated = dict(
        rows(
            window.plan.path,
            f"SELECT person_id, id FROM vehicle_seats WHERE vehicle_id = {minibus}",
        )
    )
    first, second = sorted(seated)[:2]
    with window.plan.transaction() as s:  # a second vehicle on the tour, with one of them
        van = vehicles.create_vehicle(
            s, name="Post-tour van", kind="van", seats=7, programme_id=tour
        )
        on_van = vehicles.create_seat(s, vehicle_id=van, person_id=first, seat="1")
    window.reload()
    window.show_page("vehicle_seat")
    page = window.records["vehicle_seat"]
    assert page.table.dragEnabled() and page.table.acceptDrops()
    moved = seated[second]
    seat_of = f"SELECT vehicle_id, seat FROM vehicle_seats WHERE id = {moved}"
    before = rows(window.plan.path, seat_of)
    drop(page, [moved], on_van)
    qtbot.waitUntil(lambda: rows(window.plan.path, seat_of) == [(van, "")])
    assert window.undo_stack.count() == 1
    assert any(r["Vehicle"] == "Post-tour van" and r["Seat"] == "" for r in shown(page))
    window.undo_stack.undo()
    assert rows(window.plan.path, seat_of) == before
    others = [i for i in seated.values() if i != moved]
    assert window.bookings.move_seats_onto([moved], others[0]) is False  # its own vehicle
    assert window.undo_stack.count() == 1 and window.undo_stack.index() == 0

    # The person on the van also has a minibus seat: dropping it onto the van is refused.
    everything = rows(window.plan.path, "SELECT * FROM vehicle_seats ORDER BY id")
    drop(page, [seated[first]], on_van)
    qtbot.waitUntil(lambda: bool(said))
    assert "already has a seat on 'Post-tour van'" in said[-1]
    assert rows(window.plan.path, "SELECT * FROM vehicle_seats ORDER BY id") == everything


def test_a_guest_dragged_onto_another_room_shares_it_and_a_full_room_refuses(
    qtbot, window, monkeypatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: said.append(a[2]))
    rooms = yangzhou_rooms(window)
    before = room_fields(window.plan.path)
    window.show_page("room_booking")
    page = window.records["room_booking"]
    drop(page, [rooms["Robert Chen"]], rooms["Thomas Wright"])  # two singles: now a twin
    check = (
        "SELECT r.id, r.room_type, mate.person_id FROM room_bookings r "
        "LEFT JOIN travellers mate ON mate.segment_id = r.shares_with_id "
        f"WHERE r.id IN ({rooms['Robert Chen']}, {rooms['Thomas Wright']}) ORDER BY r.id"
    )
    qtbot.waitUntil(lambda: {t for _i, t, _m in rows(window.plan.path, check)} == {"twin"})
    (wright,) = person_ids(window, "Thomas Wright")
    assert rows(window.plan.path, check) == [
        (rooms["Robert Chen"], "twin", wright),
        (rooms["Thomas Wright"], "twin", None),
    ]
    window.undo_stack.undo()
    assert room_fields(window.plan.path) == before

    drop(page, [rooms["Robert Chen"]], rooms["Karen Brooks"])  # her twin has two already
    qtbot.waitUntil(lambda: bool(said))
    assert "A twin room sleeps 2 people; 3 people" in said[-1]
    assert room_fields(window.plan.path) == before


def test_print_preview_shows_the_transfers_as_they_print_and_says_why_when_it_cannot(
    qtbot, window, tmp_path: Path
) -> None:
    window.show_page("transfer")
    window.transfers.direction.setCurrentIndex(1)  # arrivals: what the page shows, previewed
    dialog = window.exports.print_preview(window.current_page(), window.transfers.options())
    assert dialog.document.currentData() == "transfers"
    qtbot.waitUntil(lambda: dialog.page_count > 0, timeout=20_000)
    first = dialog.page_image(0)
    assert first is not None and first.width() > first.height()  # a landscape sheet
    assert not first.isNull() and first.pixelColor(2, 2).lightness() > 240  # white paper
    assert "page" in dialog.status.text()
    dialog.grab().save(str(tmp_path / "print-preview.png"))
    assert dialog.pages[0].pixmap is not None  # painted, so rasterised

    # A programme with no vehicles has no manifest: the dialog says so and shows no page.
    titles = [dialog.document.itemText(n) for n in range(dialog.document.count())]
    pre = next(n for n, t in enumerate(titles) if t.startswith("Bus manifest: ICMA–NIST"))
    dialog.document.setCurrentIndex(pre)
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Nothing to preview"), timeout=20_000)
    assert dialog.page_count == 0
    dialog.reject()


def test_print_preview_of_the_selected_persons_itinerary(qtbot, window) -> None:
    window.show_page("person")
    (bob,) = person_ids(window, "Bob O'Neill")
    window.people.select_ids([bob])
    dialog = window.exports.print_preview(window.current_page())
    assert dialog.document.currentData() == "itinerary"
    assert "Bob O'Neill" in dialog.document.currentText()
    qtbot.waitUntil(lambda: dialog.page_count > 0, timeout=20_000)
    page = dialog.page_image(0)
    assert page is not None and abs(page.height() / page.width() - 297 / 210) < 0.02  # A4
    # Pages are rasterised when first painted, not before: one painted, the last one not.
    assert dialog.page_count > 3 and dialog.pages[-1].pixmap is None
    dialog.pages[0].grab()  # paints it, shown or not
    assert dialog.pages[0].pixmap is not None and dialog.pages[-1].pixmap is None
    dialog.reject()
    assert dialog.page_count == 0 and dialog.page_image(0) is None  # the PDF is closed


def test_one_room_on_the_hotel_rooms_page_without_a_selection_says_what_to_select(
    qtbot, window
) -> None:
    before = room_fields(window.plan.path)
    window.show_page("person")
    window.people.select_ids(person_ids(window, "Nie Biao", "Sun Zhaohua"))  # not these
    window.show_page("room_booking")
    window.records["room_booking"].select_ids([])
    assert not window.bookings.share_room(room_type="twin")
    assert "Select the rooms" in window.statusBar().currentMessage()
    assert room_fields(window.plan.path) == before


def test_a_meals_menu_is_typed_in_its_cell_in_one_undoable_step(qtbot, window) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLineEdit

    (banquet, menu, point) = rows(
        window.plan.path,
        "SELECT id, menu_note, meeting_point FROM items WHERE title_en = 'Conference banquet'",
    )[0]
    window.show()
    window.show_page("meal")
    window.tasks.wait()
    page = window.meals
    column = page.model.columns.index("Menu")
    cell = page.proxy.mapFromSource(page.model.index(page.model.row_of(banquet), column))
    title = page.proxy.index(cell.row(), page.model.columns.index("When (local)"))
    assert not page.proxy.flags(title) & Qt.ItemFlag.ItemIsEditable  # only the menu is
    page.table.setCurrentIndex(cell)
    page.table.edit(cell)
    editor = page.table.viewport().findChild(QLineEdit)
    assert editor is not None and editor.text() == menu
    editor.setText("Eight courses; vegan plate at table 3")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    query = f"SELECT menu_note, meeting_point FROM items WHERE id = {banquet}"
    qtbot.waitUntil(lambda: rows(window.plan.path, query)[0][0].startswith("Eight courses"))
    assert rows(window.plan.path, query) == [("Eight courses; vegan plate at table 3", point)]
    window.tasks.wait()
    assert page.proxy.data(page.proxy.index(cell.row(), column)).startswith("Eight courses")
    assert window.undo_stack.count() == 1
    window.undo_stack.undo()
    assert rows(window.plan.path, query) == [(menu, point)]

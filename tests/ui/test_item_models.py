"""pytest-qt's model tester on the models not checked elsewhere: agenda, navigator, dialogs.

The table pages' models are checked in test_main_window_actions.py. A tester keeps watching the
model it was last given (one `check` replaces the one before), so each test checks the model it
is about to change last, then changes it through the widget and looks at the result.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt, QTimer

from tourplanner.services import items, itinerary, participations, programmes
from tourplanner.ui.pages import PAGES
from tourplanner.ui.window.main_window import MainWindow


def column_texts(
    model: QAbstractItemModel, parent: QModelIndex | None = None, column: int = 0
) -> list[str]:
    parent = parent if parent is not None else QModelIndex()
    return [model.index(row, column, parent).data() for row in range(model.rowCount(parent))]


def item_id(window: MainWindow, title: str) -> int:
    with window.plan.reading() as session:
        return next(i.id for i in items.list_items(session) if i.title_en == title)


def programme_id(window: MainWindow, title: str) -> int:
    with window.plan.reading() as session:
        return next(p.id for p in programmes.list_programmes(session) if p.title_en == title)


CONFERENCE = "SAFEA Foreign Expert Affairs Conference 2015"
PRE_TOUR = "Pre-conference study tour: Beijing"
POST_TOUR = "Post-conference study tour: Yangzhou and Shanghai"
BROWNFIELDS = "ICMA–NIST Brownfields Redevelopment Conference (in planning)"


def test_agenda_model_while_it_is_read_reloaded_and_changed(qtmodeltester, window) -> None:
    agenda = window.agenda
    model = agenda.model()
    assert model.rowCount() == 0  # not read until it is shown
    qtmodeltester.check(model)  # keeps watching: each reading below is a reset of the model
    window.show_page("agenda")
    tops = column_texts(model)
    assert [t.split(" · ")[0] for t in tops] == [PRE_TOUR, CONFERENCE, POST_TOUR, BROWNFIELDS]
    assert tops[1] == f"{CONFERENCE} · 2015年国家外国专家局外国专家工作会议"
    assert column_texts(model, column=3) == ["20 items", "34 items", "20 items", "3 items"]
    assert model.index(1, 1).data() == "20 Apr – 23 Apr 2015"
    # Every programme is read at once (a small plan): a row per occurrence of each item.
    with window.plan.reading() as session:
        occurrences = [
            len(itinerary.programme_items(session, programme_id(window, title)))
            for title in (PRE_TOUR, CONFERENCE, POST_TOUR, BROWNFIELDS)
        ]
    assert occurrences == [23, 34, 21, 3]
    assert [model.rowCount(model.index(r, 0)) for r in range(4)] == occurrences
    assert not any(model.canFetchMore(model.index(r, 0)) for r in range(4))
    conference = model.index(1, 0)
    first = [model.index(0, c, conference).data() for c in range(model.columnCount())]
    assert first == [
        "Registration and badge pick-up · 报到注册、领取证件",
        "Mon 20 Apr  14:00–18:00 CST",
        "Other",
        "Shenzhen Convention & Exhibition Center · Hall A Foyer",
        "Confirmed",
    ]
    # Items are rows of their programme's first column only.
    assert model.rowCount(model.index(1, 1)) == 0
    assert model.parent(model.index(0, 2, conference)) == conference
    # Reading it again keeps the rows and the selection.
    banquet = item_id(window, "Conference banquet")
    agenda.select_items([banquet])
    assert agenda.reload() == 77
    assert [model.rowCount(model.index(r, 0)) for r in range(4)] == occurrences
    assert agenda.selected_item_ids() == [banquet]
    # Deleting an item from the agenda (and undoing it) reads the agenda again.
    window.edits.delete_selected()
    conference = model.index(1, 0)
    assert model.rowCount(conference) == 33
    assert not any(t.startswith("Conference banquet") for t in column_texts(model, conference))
    window.undo_stack.undo()
    conference = model.index(1, 0)
    assert model.rowCount(conference) == 34
    assert any(t.startswith("Conference banquet") for t in column_texts(model, conference))


def test_agenda_reads_a_closed_programme_when_it_is_opened(qtbot, qtmodeltester, window) -> None:
    agenda = window.agenda
    model = agenda.model()
    window.show_page("agenda")
    agenda.collapse(model.index(0, 0))
    agenda.reload()
    pre_tour = model.index(0, 0)
    # Closed before the reload: not read, but shown as having items to open.
    assert model.rowCount(pre_tour) == 0
    assert model.hasChildren(pre_tour) and model.canFetchMore(pre_tour)
    assert model.rowCount(model.index(1, 0)) == 34  # the others stay open, and read
    # The tester opens it with fetchMore, as a view does: its rows are inserted under its watch.
    # (Not reloaded again while closed: Qt's tester, reading the programme from inside the
    # reset, would report its own insert as "changeInFlight 5 ... Expected None".)
    with qtbot.waitSignal(model.rowsInserted, timeout=1000) as inserted:
        qtmodeltester.check(model)
    parent, first, last = inserted.args
    assert (parent.row(), first, last) == (0, 0, 22)  # announced, as views need
    assert model.rowCount(pre_tour) == 23 and not model.canFetchMore(pre_tour)
    agenda.expand(pre_tour)
    assert programme_id(window, PRE_TOUR) in agenda.expanded_ids  # read again on a reload
    dinner = model.index(0, 0, pre_tour)
    assert [dinner.siblingAtColumn(c).data() for c in range(model.columnCount())] == [
        "Welcome dinner and programme briefing · 欢迎晚宴及行程说明会",
        "Wed 15 Apr  18:30–20:30 CST",
        "Meal",
        "Shangri-La Hotel, Beijing · Shang Palace",
        "Confirmed",
    ]
    # A change to one of its items reads the agenda again, the opened programme with it.
    kind, dinner_id = dinner.data(Qt.ItemDataRole.UserRole)
    assert kind == "item"
    window.edits.set_status("cancelled", [dinner_id])
    pre_tour = model.index(0, 0)
    assert model.rowCount(pre_tour) == 23
    assert model.index(0, 4, pre_tour).data() == "Cancelled"
    window.undo_stack.undo()
    assert model.index(0, 4, model.index(0, 0)).data() == "Confirmed"


def test_navigator_model_lists_the_pages_and_follows_the_programmes(qtmodeltester, window) -> None:
    model = window.navigator.model()
    qtmodeltester.check(model)
    assert column_texts(model) == [text for _key, text, _icon in PAGES]  # listed in test_records
    under = model.index(9, 0)
    assert column_texts(model, under) == [PRE_TOUR, CONFERENCE, POST_TOUR, BROWNFIELDS]
    assert all(model.rowCount(model.index(r, 0)) == 0 for r in range(9))
    # Choosing a programme in it shows the timeline.
    window.navigator.setCurrentIndex(model.index(1, 0, under))
    assert window.current_page() == "timeline"
    # Deleting a programme takes it out of the navigator; undo puts it back.
    window.show_page("programme")
    window.records["programme"].select_ids([programme_id(window, BROWNFIELDS)])
    window.edits.delete_selected()
    under = model.index(9, 0)
    assert column_texts(model, under) == [PRE_TOUR, CONFERENCE, POST_TOUR]
    window.undo_stack.undo()
    under = model.index(9, 0)
    assert column_texts(model, under) == [PRE_TOUR, CONFERENCE, POST_TOUR, BROWNFIELDS]


def test_chooser_models_while_typing_a_filter(qtbot, qtmodeltester, window) -> None:
    window.show_page("person")
    window.people.search.setText("O'Neill")
    window.people.table.selectAll()
    banquet = item_id(window, "Conference banquet")
    with window.plan.reading() as session:
        coaches = sum("coach" in i.title_en.casefold() for i in items.list_items(session))
    seen: dict[str, object] = {}

    def answer() -> None:
        chooser = window.bookings.chooser
        try:
            qtmodeltester.check(chooser.model)
            seen["options"] = chooser.model.rowCount()
            seen["first"] = chooser.model.index(0, 0).data()
            qtmodeltester.check(chooser.proxy)  # keeps watching the filtering
            seen["shown"] = chooser.proxy.rowCount()
            qtbot.keyClicks(chooser.search, "banquet")
            seen["banquet"] = column_texts(chooser.proxy)
            seen["chosen"] = chooser.chosen()
            qtbot.keyClicks(chooser.search, "zz")
            seen["none"] = (chooser.proxy.rowCount(), chooser.ok.isEnabled())
            chooser.search.clear()
            seen["cleared"] = chooser.proxy.rowCount()
            qtbot.keyClicks(chooser.search, "COACH")  # not case-sensitive
            seen["coaches"] = chooser.proxy.rowCount()
            seen["source"] = chooser.model.rowCount()
        finally:
            chooser.reject()

    QTimer.singleShot(0, answer)
    window.bookings.book_people_into_item()
    assert seen["options"] == seen["shown"] == 77
    assert seen["first"] == "Wed 15 Apr 18:30 CST — Welcome dinner and programme briefing"
    assert len(seen["banquet"]) == 1 and seen["banquet"][0].endswith("— Conference banquet")
    assert seen["chosen"] == banquet
    assert seen["none"] == (0, False)
    assert seen["cleared"] == 77
    assert seen["coaches"] == coaches == 6
    assert seen["source"] == 77  # filtering leaves the list itself alone
    assert window.undo_stack.count() == 0  # cancelled: nobody was booked


def test_bookings_model_of_an_item_while_someone_is_taken_off(qtmodeltester, window) -> None:
    with window.plan.reading() as session:
        keynote = next(i.id for i in items.list_items(session) if i.title_en.startswith("Keynote"))
    window.show_page("agenda")
    window.select_items([keynote])
    dialog = window.bookings.show_bookings()
    assert dialog is not None
    model = dialog.table.model()
    qtmodeltester.check(model)
    rows = [[model.index(r, c).data() for c in range(4)] for r in range(model.rowCount())]
    assert rows == [
        ["Bob O'Neill", "鲍勃·奥尼尔", "Speaking", "Confirmed"],
        ["Chen Xiaoyu", "陈晓雨", "Interpreting", "Confirmed"],
        ["Nie Biao", "聂彪", "Chairing", "Confirmed"],
    ]
    assert dialog.heading.text().startswith("3 booked, 3 confirmed.")
    dialog.table.selectRow(0)
    dialog.remove.click()
    assert column_texts(model) == ["Chen Xiaoyu", "Nie Biao"]
    with window.plan.reading() as session:
        assert len(participations.participants(session, item_id=keynote)) == 2
    window.undo_stack.undo()
    dialog.reload()
    assert column_texts(model) == ["Bob O'Neill", "Chen Xiaoyu", "Nie Biao"]
    dialog.reject()


def test_bookings_model_of_a_programme_while_it_is_sorted(qtmodeltester, window) -> None:
    window.show_page("programme")
    window.records["programme"].select_ids([programme_id(window, POST_TOUR)])
    dialog = window.bookings.show_bookings()
    assert dialog is not None and dialog.windowTitle() == f"Booked — {POST_TOUR}"
    model = dialog.table.model()
    qtmodeltester.check(model)
    assert model.rowCount() == 14
    assert dialog.heading.text() == "14 booked, 12 confirmed."
    names = column_texts(model)
    assert names == sorted(names) and names[0] == "Ahmed Hassan"
    dialog.table.sortItems(3, Qt.SortOrder.DescendingOrder)
    statuses = column_texts(model, column=3)
    assert statuses == ["Waitlisted"] * 2 + ["Confirmed"] * 12
    assert sorted(column_texts(model)) == names  # the same people, in another order
    dialog.reject()


def test_travel_times_model_while_a_pair_is_set_and_removed(qtmodeltester, window) -> None:
    dialog = window.edits.edit_travel_times()
    model = dialog.table.model()
    qtmodeltester.check(model)
    assert model.rowCount() == 15
    assert [model.index(0, c).data() for c in range(3)] == [
        "China University of Political Science and Law, Haidian Campus",
        "National Academy for Mayors of China",
        "30",
    ]
    venue = "Shenzhen Convention & Exhibition Center"
    airport = "Shenzhen Bao'an International Airport (SZX)"
    dialog.first.setCurrentIndex(dialog.first.findText(f"{venue} (Shenzhen)"))
    dialog.second.setCurrentIndex(dialog.second.findText(f"{airport} (Shenzhen)"))
    dialog.minutes.setValue(50)
    dialog.set_pair()
    assert not dialog.problem.isVisible()
    assert model.rowCount() == 16
    pairs = [[model.index(r, c).data() for c in range(3)] for r in range(16)]
    assert [venue, airport, "50"] in pairs
    dialog.table.selectRow(pairs.index([venue, airport, "50"]))
    dialog.remove_pair()
    assert model.rowCount() == 15
    assert [venue, airport, "50"] not in [
        [model.index(r, c).data() for c in range(3)] for r in range(15)
    ]
    dialog.reject()


def test_zone_picker_models_while_typing_part_of_a_city(qtbot, qtmodeltester, window) -> None:
    from tourplanner.ui.records.entities import ENTITIES
    from tourplanner.ui.widgets.zone_picker import ZonePicker

    editor = window.edits.new_record(ENTITIES["venue"])
    picker = editor.widgets["timezone"]
    assert isinstance(picker, ZonePicker)
    qtmodeltester.check(picker.model())
    assert picker.findText("Asia/Shanghai") >= 0 and picker.count() > 300
    completion = picker.completer().completionModel()
    qtmodeltester.check(completion)  # watched while the typing filters it
    picker.lineEdit().clear()
    qtbot.keyClicks(picker.lineEdit(), "shang")
    found = [completion.index(r, 0).data() for r in range(completion.rowCount())]
    # The zone first, then the cities called so (journeys: cities find their zone too).
    assert found[0] == "Asia/Shanghai   UTC+8" and "Shanghai, CN — Asia/Shanghai   UTC+8" in found
    assert not any(f.startswith("Aksu") for f in found)  # a city on Shanghai time is not "shang"
    qtbot.keyClicks(picker.lineEdit(), "zzz")
    assert completion.rowCount() == 0
    editor.reject()


def test_a_programme_whose_items_fall_outside_its_days_opens_to_nothing(window) -> None:
    from datetime import date, datetime

    with window.plan.transaction() as session:
        programme = programmes.create_programme(
            session,
            title_en="Site survey",
            kind="visit",
            start_date=date(2015, 5, 4),
            end_date=date(2015, 5, 5),
            timezone="Asia/Shanghai",
        )
        # A daily breakfast set up for the week after: none of it falls on the visit's days.
        items.create_item(
            session,
            programme_id=programme,
            title_en="Breakfast",
            kind="meal",
            recurrence="FREQ=DAILY;COUNT=3",
            start=datetime(2015, 5, 11, 7, 0),
            end=datetime(2015, 5, 11, 8, 0),
        )
    window.reload()
    window.show_page("agenda")
    model = window.agenda.model()
    row = column_texts(model).index("Site survey")
    survey = model.index(row, 0)
    assert survey.siblingAtColumn(3).data() == "1 item"
    assert model.rowCount(survey) == 0 and not model.hasChildren(survey)  # no arrow to nothing

"""One state everywhere: a finding clicked shows its day and its programme in the navigator;
Who is booked on a tour-wide item names everyone attending, with counts."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from tourplanner.enums import ParticipationStatus
from tourplanner.services import items, participations, programmes
from tourplanner.ui.timeline.clock import local_day


def programme_id(window, prefix: str) -> int:
    with window.plan.reading() as s:
        return next(p.id for p in programmes.list_programmes(s) if p.title_en.startswith(prefix))


def item_id(window, prefix: str) -> int:
    with window.plan.reading() as s:
        return next(i.id for i in items.list_items(s) if i.title_en.startswith(prefix))


def test_clicking_a_finding_shows_its_day_and_marks_its_programme(window, qtbot) -> None:
    window.show()
    qtbot.waitExposed(window)
    conference = programme_id(window, "SAFEA")
    window.show_page("timeline")
    window.timeline.select_day(conference, date(2015, 4, 21))
    assert window.navigator.marked_programme() == conference
    panel = window.conflicts
    warnings = panel.model().index(1, 0)
    row = next(
        n
        for n in range(panel.model().rowCount(warnings))
        if panel.findings_model.finding(panel.model().index(n, 0, warnings)).rule == "tentative"
    )
    index = panel.model().index(row, 1, warnings)
    finding = panel.findings_model.finding(index)
    panel.scrollTo(index)
    qtbot.mouseClick(
        panel.viewport(), Qt.MouseButton.LeftButton, pos=panel.visualRect(index).center()
    )
    brownfields = programme_id(window, "ICMA–NIST")
    shown = window.timeline.shown_key()
    assert shown is not None and shown[0] == brownfields
    selected = window.timeline.selected_ids()
    assert selected and set(selected) <= set(finding.item_ids)  # selected on its day
    block = window.timeline.blocks[window.timeline.selected_ids()[0]]
    assert local_day(block.view) == shown[1]
    assert window.navigator.marked_programme() == brownfields
    node = window.navigator.currentItem()
    assert node is not None and node.text(0).startswith("ICMA–NIST")
    # Choosing a day of another programme in the day picker moves the navigator along.
    window.timeline.select_day(conference, date(2015, 4, 22))
    assert window.navigator.marked_programme() == conference


def test_who_is_booked_on_a_tour_wide_item_names_everyone_attending(window) -> None:
    keynote = item_id(window, "Keynote")
    conference = programme_id(window, "SAFEA")
    with window.plan.reading() as s:
        direct = {
            p.person.name_latin
            for p in participations.participants(s, item_id=keynote)
            if p.status == ParticipationStatus.CONFIRMED
        }
        on_programme = {
            p.person.name_latin
            for p in participations.participants(s, programme_id=conference)
            if p.status == ParticipationStatus.CONFIRMED
        }
    assert direct and on_programme - direct
    window.show_page("agenda")
    window.select_items([keynote])
    dialog = window.bookings.show_bookings()
    assert dialog is not None
    names = dialog.attending_names()
    assert sorted(names) == sorted(direct | on_programme)
    through = len(on_programme - direct)
    assert (
        f"{len(direct | on_programme)} attending: {through} through the programme, "
        f"{len(direct)} booked directly." in dialog.heading.text()
    )
    assert dialog.attending.isVisibleTo(dialog)
    ways = {
        dialog.attending.item(r, 0).text(): dialog.attending.item(r, 2).text()
        for r in range(dialog.attending.rowCount())
    }
    assert all(ways[name] == "Booked directly" for name in direct)
    assert all(ways[name] == "Through the programme" for name in on_programme - direct)
    dialog.reject()


def test_who_is_booked_on_a_breakout_lists_only_its_own_bookings(window) -> None:
    with window.plan.reading() as s:
        breakout = next(i.id for i in items.list_items(s) if i.kind == "session")
        booked = [
            p.person.name_latin
            for p in participations.participants(s, item_id=breakout)
            if p.status == ParticipationStatus.CONFIRMED
        ]
    window.show_page("agenda")
    window.select_items([breakout])
    dialog = window.bookings.show_bookings()
    assert dialog is not None
    assert "attending" not in dialog.heading.text()  # a breakout needs a booking of its own
    assert not dialog.attending.isVisibleTo(dialog)
    assert dialog.table.rowCount() >= len(booked)
    dialog.reject()

"""Issue 13, as a coordinator met it: a daily breakfast with a skipped day made in the item
editor, one occurrence edited alone, editors that keep what was typed (focus, Escape, Enter in a
zone picker, Down in a closed one, a message that clears), and new things opening on the day
they were asked from."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QDate, QDateTime, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from tourplanner.services import items
from tourplanner.ui.records.entities import ENTITIES

PRE_TOUR = 2  # the demo's Beijing study tour, 15-19 April 2015


def answer_later(qtbot, text: str, seen: list[str]) -> None:
    """Press the button named `text` in the message box about to open."""

    def press() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                seen.append(widget.text())
                for button in widget.buttons():
                    if button.text() == text:
                        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
                        return
        QTimer.singleShot(20, press)

    QTimer.singleShot(0, press)


def save_button(dialog):  # noqa: ANN001, ANN201
    return dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)


def shown(qtbot, dialog) -> None:  # noqa: ANN001
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()


def titles_on(window, day: date) -> list[str]:  # noqa: ANN001
    window.timeline.select_day(PRE_TOUR, day)
    return [b.view.title_en for b in window.timeline.blocks.values()]


def test_a_daily_breakfast_with_one_skipped_day_made_in_the_editor(qtbot, window) -> None:
    window.timeline.select_day(PRE_TOUR, date(2015, 4, 15))
    window.show_page("timeline")
    editor = window.edits.new_item()
    shown(qtbot, editor)
    assert editor.programme.currentData() == PRE_TOUR
    assert editor.start.dateTime().toPython() == datetime(2015, 4, 15, 9, 0)  # not 1 Jan 2000
    qtbot.keyClicks(editor.title_en, "Group breakfast")
    editor.start.setDateTime(QDateTime(datetime(2015, 4, 15, 7, 0)))
    assert editor.end.dateTime().toPython() == datetime(2015, 4, 15, 8, 0)  # the end follows
    repeat = editor.repeat
    assert not repeat.ending.isVisible() and editor.words.text() == ""
    repeat.how.setCurrentIndex(repeat.how.findData("daily"))
    repeat.ends.setCurrentIndex(repeat.ends.findData("until"))
    repeat.until.setDate(QDate(2015, 4, 19))
    repeat.skip_day.setDate(QDate(2015, 4, 17))
    qtbot.mouseClick(repeat.add_skip, Qt.MouseButton.LeftButton)
    assert repeat.until.isVisible() and not repeat.count.isVisible()
    assert editor.words.text() == "Every day 07:00–08:00 from 15 to 19 April, except 17 April"
    qtbot.mouseClick(save_button(editor), Qt.MouseButton.LeftButton)
    assert not editor.isVisible(), editor.form.visible_errors()
    for day in range(15, 20):
        expected = day != 17
        assert ("Group breakfast" in titles_on(window, date(2015, 4, day))) is expected, day
    with window.plan.reading() as s:
        made = items.item_values(s, editor.item_id)
    assert made.recurrence == "FREQ=DAILY;UNTIL=20150419T235959"
    assert made.exdates == "2015-04-17T07:00"
    window.undo_stack.undo()
    assert "Group breakfast" not in titles_on(window, date(2015, 4, 16))


def test_the_demos_breakfast_shows_its_rule_and_one_morning_is_edited_alone(qtbot, window) -> None:
    window.timeline.select_day(PRE_TOUR, date(2015, 4, 18))
    window.show_page("timeline")
    breakfast = next(
        i for i, b in window.timeline.blocks.items() if b.view.title_en == "Breakfast at the hotel"
    )
    editor = window.edits.edit_occurrence_shown(breakfast)
    assert editor.repeat.how.currentData() == "daily"
    assert editor.repeat.ends.currentData() == "count" and editor.repeat.count.value() == 4
    assert editor.words.text() == "Every day 07:00–08:00 from 16 to 19 April"
    assert editor.start.dateTime().toPython() == datetime(2015, 4, 18, 7, 0)  # that morning
    editor.title_en.setText("Early breakfast (Great Wall day)")
    editor.start.setDateTime(QDateTime(datetime(2015, 4, 18, 6, 0)))
    seen: list[str] = []
    answer_later(qtbot, "This occurrence", seen)
    editor.save()
    assert seen == ["Change only the occurrence of Sat 18 Apr 2015, or all of them?"]
    assert not editor.isVisible()
    assert "Early breakfast (Great Wall day)" in titles_on(window, date(2015, 4, 18))
    assert "Breakfast at the hotel" not in titles_on(window, date(2015, 4, 18))
    assert "Breakfast at the hotel" in titles_on(window, date(2015, 4, 17))
    assert window.undo_stack.count() == 1  # one step
    window.undo_stack.undo()
    assert titles_on(window, date(2015, 4, 18)).count("Breakfast at the hotel") == 1
    assert "Early breakfast (Great Wall day)" not in titles_on(window, date(2015, 4, 18))


def test_all_occurrences_moves_the_series(qtbot, window) -> None:
    window.timeline.select_day(PRE_TOUR, date(2015, 4, 17))
    breakfast = next(
        i for i, b in window.timeline.blocks.items() if b.view.title_en == "Breakfast at the hotel"
    )
    editor = window.edits.edit_occurrence_shown(breakfast)
    editor.start.setDateTime(QDateTime(datetime(2015, 4, 17, 7, 30)))
    answer_later(qtbot, "All occurrences", [])
    editor.save()
    with window.plan.reading() as s:
        series = items.item_values(s, breakfast)
    assert series.start == datetime(2015, 4, 16, 7, 30) and series.end == datetime(
        2015, 4, 16, 8, 30
    )
    assert series.recurrence == "FREQ=DAILY;COUNT=4"


def test_escape_on_a_changed_form_asks_and_no_keeps_the_text(qtbot, window) -> None:
    editor = window.edits.new_record(ENTITIES["programme"])
    shown(qtbot, editor)
    title = editor.widgets["title_en"]
    qtbot.waitUntil(title.hasFocus)  # the first field: typed text goes into it
    qtbot.keyClicks(QApplication.focusWidget(), "Shenzhen workshop")
    assert title.text() == "Shenzhen workshop"
    seen: list[str] = []
    answer_later(qtbot, "Keep editing", seen)
    qtbot.keyClick(title, Qt.Key.Key_Escape)
    assert seen == ["Discard your changes?"]
    assert editor.isVisible() and title.text() == "Shenzhen workshop"
    count = window.undo_stack.count()
    answer_later(qtbot, "Discard", seen)
    editor.close()  # the window's close button
    assert len(seen) == 2 and not editor.isVisible()
    assert window.undo_stack.count() == count  # nothing was saved


def test_escape_on_an_unchanged_form_just_closes(qtbot, window) -> None:
    editor = window.edits.new_record(ENTITIES["venue"])
    shown(qtbot, editor)
    qtbot.keyClick(editor.widgets[ENTITIES["venue"].fields[0].key], Qt.Key.Key_Escape)
    assert not editor.isVisible()


def test_enter_on_a_zone_suggestion_does_not_save(qtbot, window) -> None:
    editor = window.edits.new_record(ENTITIES["programme"])
    shown(qtbot, editor)
    zone = editor.widgets["timezone"]
    zone.setFocus()
    zone.lineEdit().clear()
    qtbot.keyClicks(zone.lineEdit(), "Shangh")
    popup = zone.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert zone.currentText() == "Asia/Shanghai"
    assert editor.isVisible() and editor.form.visible_errors() == {}  # not saved, not checked
    assert window.undo_stack.count() == 0
    # Enter on the closed picker takes the typed zone, and still does not save.
    zone.lineEdit().selectAll()
    qtbot.keyClicks(zone.lineEdit(), "asia/tokyo")
    popup.hide()
    qtbot.keyClick(zone.lineEdit(), Qt.Key.Key_Return)
    assert zone.currentText() == "Asia/Tokyo" and editor.isVisible()
    assert editor.form.visible_errors() == {}


def test_down_in_a_closed_zone_box_keeps_the_typed_text(qtbot, window) -> None:
    editor = window.edits.new_record(ENTITIES["programme"])
    shown(qtbot, editor)
    zone = editor.widgets["timezone"]
    zone.setEditText("Europe/Ber")
    zone.setFocus()
    qtbot.keyClick(zone, Qt.Key.Key_Down)
    assert zone.currentText() == "Europe/Ber"  # never Africa/Accra
    assert zone.completer().popup().isVisible()  # the suggestions for it instead


def test_a_required_message_clears_once_the_field_is_filled(qtbot, window) -> None:
    editor = window.edits.new_record(ENTITIES["programme"])
    shown(qtbot, editor)
    editor.save()
    assert "title_en" in editor.form.visible_errors()
    qtbot.keyClicks(editor.widgets["title_en"], "W")
    assert "title_en" not in editor.form.visible_errors()  # on edit, not on the next save


def test_a_programmes_last_day_follows_its_first(qtbot, window) -> None:
    editor = window.edits.edit_record(ENTITIES["programme"], PRE_TOUR)
    first, last = editor.widgets["start_date"], editor.widgets["end_date"]
    assert (first.date(), last.date()) == (QDate(2015, 4, 15), QDate(2015, 4, 19))
    first.setDate(QDate(2015, 4, 13))
    assert last.date() == QDate(2015, 4, 17)  # five days still


def test_new_things_open_on_the_day_they_were_asked_from(qtbot, window) -> None:
    window.timeline.select_day(1, date(2015, 4, 21))
    editor = window.edits.new_item()
    assert editor.programme.currentData() == 1
    assert editor.start.dateTime().toPython() == datetime(2015, 4, 21, 9, 0)
    editor.programme.setCurrentIndex(editor.programme.findData(3))
    assert editor.start.dateTime().toPython().date() == date(2015, 4, 24)  # its first day
    travel = window.edits.new_record(ENTITIES["travel"])
    assert travel.widgets["start"].dateTime().toPython() == datetime(2015, 4, 21, 9, 0)
    # Double-clicking a slot gives its own time.
    slot = window.edits.new_item_at(1, datetime(2015, 4, 22, 14, 30), None, "")
    start = slot.start.dateTime().toPython()
    assert start == datetime(2015, 4, 22, 14, 30)
    assert slot.end.dateTime().toPython() - start == timedelta(hours=1)


def test_moving_one_occurrence_asks_and_moves_that_morning_alone(qtbot, window) -> None:
    window.timeline.select_day(PRE_TOUR, date(2015, 4, 17))
    breakfast = next(
        i for i, b in window.timeline.blocks.items() if b.view.title_en == "Breakfast at the hotel"
    )
    start = window.timeline.blocks[breakfast].view.start_utc
    seen: list[str] = []
    answer_later(qtbot, "This occurrence", seen)
    assert window.edits.move_occurrence(breakfast, start, start + timedelta(minutes=30))
    assert seen == ["Change only the occurrence of Fri 17 Apr 2015, or all of them?"]
    window.timeline.select_day(PRE_TOUR, date(2015, 4, 17))
    moved = [
        b.view
        for b in window.timeline.blocks.values()
        if b.view.title_en == "Breakfast at the hotel"
    ]
    assert [v.id for v in moved] != [breakfast] and moved[0].start_utc == start + timedelta(
        minutes=30
    )
    window.timeline.select_day(PRE_TOUR, date(2015, 4, 16))
    assert window.timeline.blocks[breakfast].view.start_utc.hour == start.hour  # the rest stay
    answer_later(qtbot, "Cancel", seen)
    assert not window.edits.move_occurrence(breakfast, start - timedelta(days=1), start)
    assert window.undo_stack.count() == 1

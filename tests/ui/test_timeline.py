"""The timeline: columns per room, blocks at local times, drag to move or resize (snapped),
a context menu, keys on the selected block."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QPalette
from PySide6.QtTest import QTest

from tourplanner.db import PlanFile
from tourplanner.services import items
from tourplanner.ui.app import create_application
from tourplanner.ui.item_editor import ItemEditor
from tourplanner.ui.tasks import TaskRunner
from tourplanner.ui.timeline import GUTTER, HEADER, PX_PER_MIN, TimelineView


@pytest.fixture
def window(window):
    """The demo's conference on Tue 21 April, on the timeline."""
    window.show_page("timeline")
    window.timeline.select_day(1, date(2015, 4, 21))
    return window


@pytest.fixture
def timeline(qtbot, demo_path: Path):
    """The timeline on its own (its signals connected to nothing), on 21 April."""
    create_application()
    plan = PlanFile.open(demo_path)
    tasks = TaskRunner()
    view = TimelineView(plan, tasks)
    qtbot.addWidget(view)
    view.reload_days()
    view.select_day(1, date(2015, 4, 21))
    yield view
    view.shut_down()
    tasks.shut_down()
    plan.close()


def keynote(view) -> int:
    with view.plan.reading() as s:
        return next(i.id for i in items.list_items(s) if i.title_en.startswith("Keynote"))


def test_day_shows_a_block_per_item_in_room_columns(window) -> None:
    blocks = window.timeline.blocks
    assert len(blocks) == 13  # the 21 April items of the conference
    block = blocks[keynote(window)]
    assert "09:15–10:15 CST" in block.label() and "主旨演讲" in block.label()
    opening = next(b for b in blocks.values() if b.view.title_en == "Opening ceremony")
    # Same room, so same column; the keynote starts 45 minutes after the opening ceremony.
    assert opening.rect().x() == block.rect().x()
    assert block.rect().y() - opening.rect().y() == pytest.approx(45 * PX_PER_MIN)


def test_pointing_at_a_block_tells_its_place_and_speakers(window, qtbot) -> None:
    timeline = window.timeline
    block = timeline.blocks[keynote(window)]
    assert block.view.speakers == ()  # a day is drawn without them: read when pointed at
    viewport = timeline.view.viewport()
    window.show()
    qtbot.waitExposed(window)
    empty = timeline.view.mapFromScene(QPointF(GUTTER + 2, HEADER + 2))
    qtbot.mouseMove(viewport, empty)  # from wherever an earlier test left the cursor
    qtbot.mouseMove(viewport, timeline.view.mapFromScene(block.rect().center()))
    qtbot.waitUntil(lambda: "Bob O'Neill" in timeline.canvas.toolTip(), timeout=2000)
    tip = timeline.canvas.toolTip()
    assert "Hall A" in tip and "09:15–10:15 CST" in tip
    # Empty space has no tooltip.
    qtbot.mouseMove(viewport, empty)
    qtbot.waitUntil(lambda: timeline.canvas.toolTip() == "", timeout=2000)


def test_drag_moves_snapped_to_five_minutes_and_undo(window) -> None:
    item_id = keynote(window)
    window.timeline.finish_drag(item_id, 32 * PX_PER_MIN)  # 32 minutes -> 30
    with window.plan.reading() as s:
        assert items.get_item(s, item_id).start_utc == datetime(2015, 4, 21, 1, 45, tzinfo=UTC)
    assert any(f.severity == "error" and item_id in f.item_ids for f in window.conflicts.findings)
    assert "09:45–10:45 CST" in window.timeline.blocks[item_id].label()
    window.undo_stack.undo()
    with window.plan.reading() as s:
        assert items.get_item(s, item_id).start_utc == datetime(2015, 4, 21, 1, 15, tzinfo=UTC)
    assert not any(f.severity == "error" for f in window.conflicts.findings)


def test_small_drags_change_nothing(window) -> None:
    item_id = keynote(window)
    window.timeline.finish_drag(item_id, 2 * PX_PER_MIN)
    assert window.undo_stack.count() == 0


# -- resizing, menu, keyboard, selection ------------------------------------------------------


def captured(signal) -> list[tuple]:
    """Record a signal's emissions."""
    seen: list[tuple] = []
    signal.connect(lambda *args: seen.append(args))
    return seen


def item_named(view, prefix: str) -> int:
    with view.plan.reading() as s:
        return next(i.id for i in items.list_items(s) if i.title_en.startswith(prefix))


def test_resize_moves_the_end_snapped_to_five_minutes(timeline) -> None:
    item_id = keynote(timeline)
    seen = captured(timeline.resize_requested)
    timeline.finish_resize(item_id, 22 * PX_PER_MIN)  # 22 minutes -> 20
    assert seen == [(item_id, datetime(2015, 4, 21, 2, 35, tzinfo=UTC))]  # 10:35 CST
    timeline.finish_resize(item_id, -31 * PX_PER_MIN)  # 30 minutes shorter
    assert seen[-1] == (item_id, datetime(2015, 4, 21, 1, 45, tzinfo=UTC))
    timeline.finish_resize(item_id, 2 * PX_PER_MIN)  # too small to change anything
    assert len(seen) == 2


def test_resize_keeps_at_least_five_minutes(timeline) -> None:
    item_id = keynote(timeline)
    seen = captured(timeline.resize_requested)
    timeline.finish_resize(item_id, -500 * PX_PER_MIN)
    assert seen == [(item_id, datetime(2015, 4, 21, 1, 20, tzinfo=UTC))]  # start + 5 minutes


def test_repeating_items_are_neither_moved_nor_resized(timeline) -> None:
    breakfast = item_named(timeline, "Breakfast at the hotel")
    timeline.select_items([breakfast])  # on another programme's day: that day is shown
    assert timeline.selected_ids() == [breakfast]
    block = timeline.blocks[breakfast]
    assert block.view.recurrence and not block.movable
    moves, resizes = captured(timeline.move_requested), captured(timeline.resize_requested)
    timeline.finish_drag(breakfast, 30 * PX_PER_MIN)
    timeline.finish_resize(breakfast, 30 * PX_PER_MIN)
    menu = timeline.context_menu_for(breakfast)
    assert not action(menu, "Move 15 min later").isEnabled()
    action(menu, "Move 15 min later").trigger()
    timeline.view.setFocus()
    qtbot_key(timeline, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert moves == [] and resizes == []
    assert not timeline.on_bottom_edge(block, block.rect().bottomLeft() + QPointF(5, -1))


def action(menu, text: str):
    return next(a for a in menu.actions() if a.text() == text)


def qtbot_key(timeline, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(timeline.view, key, modifiers)


def test_context_menu_actions_emit_their_signals(timeline) -> None:
    item_id = keynote(timeline)
    start = timeline.blocks[item_id].view.start_utc
    menu = timeline.context_menu_for(item_id)
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == [
        "Edit…",
        "Move 15 min earlier",
        "Move 15 min later",
        "Mark as tentative",
        "Mark as confirmed",
        "Mark as cancelled",
        "Delete",
    ]
    assert all(a.toolTip() and a.toolTip() != a.text() for a in menu.actions() if a.text())
    assert not action(menu, "Mark as confirmed").isEnabled()  # it is confirmed already
    edits, moves = captured(timeline.edit_requested), captured(timeline.move_requested)
    statuses, deletes = captured(timeline.status_requested), captured(timeline.delete_requested)
    action(menu, "Edit…").trigger()
    action(menu, "Move 15 min earlier").trigger()
    action(menu, "Move 15 min later").trigger()
    action(menu, "Mark as tentative").trigger()
    action(menu, "Mark as cancelled").trigger()
    action(menu, "Delete").trigger()
    assert edits == [(item_id,)]
    assert moves == [
        (item_id, start - timedelta(minutes=15)),
        (item_id, start + timedelta(minutes=15)),
    ]
    assert statuses == [(item_id, "tentative"), (item_id, "cancelled")]
    assert deletes == [(item_id,)]


def test_keyboard_on_the_selected_block(timeline) -> None:
    item_id = keynote(timeline)
    assert timeline.view.focusPolicy() & Qt.FocusPolicy.TabFocus
    edits, moves = captured(timeline.edit_requested), captured(timeline.move_requested)
    deletes, resizes = captured(timeline.delete_requested), captured(timeline.resize_requested)
    qtbot_key(timeline, Qt.Key.Key_Return)  # nothing selected: nothing happens
    assert edits == []
    timeline.select_items([item_id])
    start, end = timeline.blocks[item_id].view.start_utc, timeline.blocks[item_id].view.end_utc
    qtbot_key(timeline, Qt.Key.Key_Return)
    qtbot_key(timeline, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    qtbot_key(timeline, Qt.Key.Key_Delete)
    qtbot_key(timeline, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    qtbot_key(timeline, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    both = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot_key(timeline, Qt.Key.Key_Down, both)
    assert edits == [(item_id,), (item_id,)]
    assert deletes == [(item_id,)]
    assert moves == [
        (item_id, start - timedelta(minutes=5)),
        (item_id, start + timedelta(minutes=5)),
    ]
    assert resizes == [(item_id, end + timedelta(minutes=5))]
    # Up and Down walk through the day's blocks in time order.
    order = list(timeline.blocks)
    qtbot_key(timeline, Qt.Key.Key_Down)
    assert timeline.selected_ids() == [order[order.index(item_id) + 1]]
    qtbot_key(timeline, Qt.Key.Key_Escape)
    assert timeline.selected_ids() == []


def test_select_items_selects_and_scrolls_to_the_first(timeline) -> None:
    timeline.show()
    timeline.view.resize(400, 200)
    ids = list(timeline.blocks)
    last, first = ids[-1], ids[0]
    timeline.select_items([last, first])
    assert timeline.selected_ids() == [last, first]
    assert timeline.is_selected(last) and timeline.is_selected(first)
    assert not timeline.is_selected(ids[1])
    visible = timeline.view.mapToScene(timeline.view.viewport().rect()).boundingRect()
    assert visible.intersects(timeline.blocks[last].rect())
    image = timeline.view.viewport().grab().toImage()  # selected blocks paint without errors
    assert not image.isNull()


def test_real_mouse_drags_move_and_resize(window, qtbot) -> None:
    timeline, item_id = window.timeline, keynote(window)
    window.show()
    qtbot.waitExposed(window)
    viewport = timeline.view.viewport()
    timeline.select_items([item_id])
    rect = timeline.blocks[item_id].rect()
    left = Qt.MouseButton.LeftButton
    # Drag the middle of the block 30 minutes down: the item moves (an undoable command).
    grab = timeline.view.mapFromScene(rect.center())
    qtbot.mousePress(viewport, left, pos=grab)
    for step in (5, 15, 30):
        qtbot.mouseMove(viewport, grab + QPoint(0, round(step * PX_PER_MIN)))
    qtbot.mouseRelease(viewport, left, pos=grab + QPoint(0, round(30 * PX_PER_MIN)))
    with window.plan.reading() as s:
        assert items.get_item(s, item_id).start_utc == datetime(2015, 4, 21, 1, 45, tzinfo=UTC)
    assert window.undo_stack.count() == 1
    # Drag the bottom edge 20 minutes down: a resize request with the new end.
    resizes = captured(timeline.resize_requested)
    rect = timeline.blocks[item_id].rect()
    edge = timeline.view.mapFromScene(QPointF(rect.center().x(), rect.bottom() - 2))
    assert timeline.canvas is not None
    timeline.pointer.hover(timeline.view.mapToScene(edge))
    assert timeline.canvas.cursor().shape() == Qt.CursorShape.SizeVerCursor
    qtbot.mousePress(viewport, left, pos=edge)
    qtbot.mouseMove(viewport, edge + QPoint(0, round(20 * PX_PER_MIN)))
    assert timeline.pointer.drag is not None and timeline.pointer.drag.mode == "resize"
    qtbot.mouseRelease(viewport, left, pos=edge + QPoint(0, round(20 * PX_PER_MIN)))
    assert resizes == [(item_id, datetime(2015, 4, 21, 3, 5, tzinfo=UTC))]  # 11:05 CST


def test_double_click_on_empty_space_proposes_an_item_there(window, qtbot) -> None:
    timeline = window.timeline
    window.show()
    qtbot.waitExposed(window)
    room = next(c for c in timeline.day_layout.columns if c.title == "Room 3")
    x = room.x + room.width / 2  # the rooms share the window's width
    first = timeline.day_layout.first_hour
    # The first free quarter hour in Room 3 from 13:00, clicked 7 minutes in.
    hour, minute = next(
        (h, m)
        for h in range(13, 20)
        for m in (0, 15, 30, 45)
        if timeline.block_at(QPointF(x, HEADER + ((h - first) * 60 + m + 7) * PX_PER_MIN)) is None
    )
    y = HEADER + ((hour - first) * 60 + minute + 7) * PX_PER_MIN
    asked = []
    timeline.new_item_requested.connect(lambda *args: asked.append(args))
    timeline.view.centerOn(QPointF(x, y))
    point = timeline.view.mapFromScene(QPointF(x, y))
    viewport = timeline.view.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=point)
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=point)
    start = datetime(2015, 4, 21, hour, minute)
    assert [(a[1], a[3]) for a in asked] == [(start, "Room 3")]
    editor = window.findChild(ItemEditor)
    assert editor is not None and editor.isVisible()
    assert editor.room.currentText() == "Room 3"
    assert editor.start.dateTime().toPython() == start
    assert editor.end.dateTime().toPython() == start + timedelta(hours=1)
    editor.title_en.setText("Side meeting")
    editor.save()
    assert not editor.isVisible()
    with window.plan.reading() as s:
        made = items.get_item(s, editor.item_id)
        assert made.room.name == "Room 3"
        assert made.start_utc == datetime(2015, 4, 21, hour - 8, minute, tzinfo=UTC)  # CST
    assert editor.item_id in timeline.blocks


def test_the_days_either_side_are_read_ahead_and_an_edit_drops_only_its_days(
    qtbot, window, monkeypatch
) -> None:
    from tourplanner.ui.timeline import day_cache

    timeline = window.timeline
    index = timeline.day.currentIndex()
    after = timeline.day.itemData(index + 1).split("|")
    key = (int(after[0]), date.fromisoformat(after[1]))
    # A pause on the day shown reads its neighbours on threads.
    qtbot.waitUntil(lambda: timeline.days.has(key), timeout=10_000)
    reads = []
    real = day_cache.itinerary.timeline_day
    monkeypatch.setattr(
        day_cache.itinerary, "timeline_day", lambda *a, **k: reads.append(a[1:]) or real(*a, **k)
    )
    timeline.day.setCurrentIndex(index + 1)
    assert key not in reads  # drawn from what was read ahead (the next day may be read now)
    shown = sorted(b.label() for b in timeline.blocks.values())
    with window.plan.reading() as s:
        fresh = real(s, *key)
    assert len(shown) == len({v.id for v in fresh}) and shown
    # An edit drops the days that held the item or now do, and keeps the others.
    first = timeline.day.itemData(index).split("|")
    earlier = (int(first[0]), date.fromisoformat(first[1]))
    assert timeline.days.has(earlier) and timeline.days.has(key)
    some = next(iter(timeline.blocks))
    start = timeline.blocks[some].view.start_utc
    window.edits.move_item_to(some, start + timedelta(minutes=5))
    assert timeline.days.has(earlier) and not timeline.days.has(key)
    assert timeline.blocks[some].view.start_utc == start + timedelta(minutes=5)
    # Moved a day back, the item leaves the day shown (read again) and the day before is
    # dropped, to be read afresh when shown.
    window.edits.move_item_to(some, start - timedelta(days=1))
    assert not timeline.days.has(earlier)
    assert some not in timeline.blocks and some not in {v.id for v in timeline.days.get(key)}
    timeline.select_day(*earlier)
    assert timeline.blocks[some].view.start_utc == start - timedelta(days=1)


def test_the_days_around_are_read_nearest_first_one_at_a_time(qtbot, window, monkeypatch) -> None:
    import threading

    from tourplanner.ui.timeline import READ_AROUND, day_cache

    timeline = window.timeline
    timeline.shut_down()  # what the fixture's day started reading, out of the way
    timeline.days.clear()
    reads, running, most = [], [0], [0]
    lock = threading.Lock()
    real = day_cache.read_day

    def counted(plan, key):
        with lock:
            reads.append(key)
            running[0] += 1
            most[0] = max(most[0], running[0])
        try:
            return real(plan, key)
        finally:
            with lock:
                running[0] -= 1

    monkeypatch.setattr(day_cache, "read_day", counted)
    current = timeline.day.currentIndex()
    timeline.schedule_read_ahead()  # as after a pause on the day shown
    order = [current + sign * n for n in range(1, READ_AROUND + 1) for sign in (1, -1)]
    wanted = [timeline.key_at(n) for n in order if timeline.key_at(n) is not None]
    assert len(wanted) >= 4  # the conference's days and the tours' either side
    qtbot.waitUntil(lambda: all(timeline.days.has(k) for k in wanted), timeout=20_000)
    assert reads == wanted and most[0] == 1
    # Going to one of them only draws: nothing is read on the way.
    reads.clear()
    timeline.day.setCurrentIndex(order[2])
    assert timeline.shown_key() == wanted[2] and reads == [] and timeline.blocks


def test_days_still_to_read_of_a_deleted_programme_are_not_read(qtbot, window) -> None:
    from tourplanner.services import itinerary, programmes

    timeline = window.timeline
    timeline.shut_down()
    with window.plan.reading() as s:
        prog = next(p.id for p in programmes.list_programmes(s) if p.title_en.startswith("ICMA"))
        keys = [(prog, d) for d in itinerary.programme_days(s, prog)]
    timeline.days.read_ahead(keys)  # the first is read now, the others after it
    with window.plan.transaction() as s:
        programmes.delete_programme(s, prog)
    window.reload()  # a new day list: what was still to read is dropped
    qtbot.wait(50)
    timeline.days.wait()
    qtbot.wait(50)  # a read failing on the thread would be reported here by pytest-qt
    assert not any(timeline.days.has(k) for k in keys)
    assert prog not in {key[0] for key in map(timeline.key_at, range(timeline.day.count()))}


def test_a_block_scrolled_into_view_is_painted_over_the_grid(timeline, qtbot) -> None:
    """The grid is painted in its grey over the view's background, and a block brought into
    view by scrolling is painted there (its tint and outline, not the background)."""
    from tourplanner.ui.timeline.canvas import grid_colour

    timeline.resize(500, 300)
    timeline.show()
    qtbot.waitExposed(timeline)
    view, layout = timeline.view, timeline.day_layout
    view.verticalScrollBar().setValue(0)
    view.horizontalScrollBar().setValue(0)
    last = list(timeline.blocks.values())[-1]
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert not visible.intersects(last.rect())  # below the fold at first
    timeline.select_items([last.view.id])  # scrolls it into view
    image = view.viewport().grab().toImage()
    background = timeline.palette().color(QPalette.ColorRole.Base)
    centre = view.mapFromScene(last.rect().center())
    assert image.pixelColor(centre) != background
    # An hour line in view, where no block and no room's line is: the grid's own colour.
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    hour = next(h for h in layout.hours if visible.top() + 30 < h.y < visible.bottom() - 5)
    column = layout.columns[0]
    spots = [QPointF(column.x + dx, hour.y) for dx in range(5, int(column.width) - 5)]
    spot = next(p for p in spots if layout.block_at(p) is None and visible.contains(p))
    at = view.mapFromScene(spot)
    colours = {image.pixelColor(at.x(), at.y() + dy).name() for dy in (-1, 0, 1)}
    assert grid_colour(timeline.palette()).name() in colours

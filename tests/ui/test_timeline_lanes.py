"""A timeline that stays readable: clashing items side by side in lanes with the clash outlined,
room titles and hours frozen while scrolling, rooms sharing the width, a zoom, and rooms of one
name told apart by their venue."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tourplanner.db import PlanFile
from tourplanner.enums import ItemStatus
from tourplanner.services import items, itinerary
from tourplanner.ui.app import create_application
from tourplanner.ui.tasks import TaskRunner
from tourplanner.ui.timeline import GUTTER, HEADER, PX_PER_MIN, TimelineView, lay_out_day
from tourplanner.ui.timeline.geometry import MIN_COLUMN
from tourplanner.ui.timeline.lanes import Booked, Lane, clashing, lanes_of
from tourplanner.ui.timeline.style import CLASH_COLOUR
from tourplanner.ui.window.main_window import findings_text

DAY = date(2015, 4, 21)
T0 = datetime(2015, 4, 21, 1, 0, tzinfo=UTC)


def distance(a: QColor, b: QColor) -> int:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue())


def at(minutes: int) -> datetime:
    return T0 + timedelta(minutes=minutes)


# -- the lane and clash rules, on plain numbers ----------------------------------------------


def test_spans_apart_keep_the_whole_width() -> None:
    assert lanes_of([(0, 10), (10, 20), (30, 40)]) == [Lane(0, 1)] * 3  # touching is not overlap


def test_two_overlapping_spans_go_side_by_side() -> None:
    assert lanes_of([(0, 60), (30, 90)]) == [Lane(0, 2), Lane(1, 2)]


def test_a_chain_of_overlaps_reuses_a_free_lane_and_shares_the_cluster_count() -> None:
    # A overlaps B, B overlaps C, A and C do not: C takes A's lane; all three are one cluster.
    spans = [(50, 100), (0, 60), (90, 120), (200, 210)]
    assert lanes_of(spans) == [Lane(1, 2), Lane(0, 2), Lane(0, 2), Lane(0, 1)]


def test_three_at_once_get_three_lanes_whatever_the_input_order() -> None:
    spans = [(20, 50), (0, 60), (10, 40)]
    placed = lanes_of(spans)
    assert sorted(p.lane for p in placed) == [0, 1, 2] and {p.lanes for p in placed} == {3}
    assert placed[1].lane == 0  # the earliest start is leftmost


def test_clashes_follow_the_room_rule() -> None:
    confirmed, tentative = ItemStatus.CONFIRMED, ItemStatus.TENTATIVE
    booked = [
        Booked(1, at(0), at(60), confirmed),
        Booked(2, at(30), at(90), confirmed),  # overlaps 1
        Booked(3, at(90), at(120), confirmed),  # touches 2: no clash
        Booked(4, at(200), at(260), tentative),
        Booked(5, at(210), at(250), tentative),  # two proposals for one slot: not yet a clash
        Booked(6, at(300), at(400), ItemStatus.CANCELLED),
        Booked(7, at(310), at(320), confirmed),  # a cancelled item takes no room
        Booked(8, at(500), at(560), confirmed),
        Booked(8, at(510), at(520), confirmed),  # the same item never clashes with itself
    ]
    assert clashing(booked) == {0, 1}
    assert clashing([*booked, Booked(9, at(220), at(230), confirmed)]) == {0, 1, 3, 4, 9}


# -- the layout, with the demo's real views --------------------------------------------------


@pytest.fixture
def views(demo_path: Path):
    with PlanFile.open(demo_path) as plan, plan.reading() as s:
        return itinerary.programme_day(s, 1, DAY, with_people=False)


def named(views, prefix: str):
    return next(v for v in views if v.title_en.startswith(prefix))


def test_rooms_of_one_name_in_two_venues_are_told_apart(views) -> None:
    keynote = named(views, "Keynote")
    assert keynote.venue is not None and keynote.room == "Hall A"
    elsewhere = replace(keynote.venue, id=keynote.venue.id + 100, name_en="Futian Hotel")
    other = replace(named(views, "Plenary"), venue=elsewhere)  # another venue's Hall A
    layout = lay_out_day(DAY, [v if v.id != other.id else other for v in views])
    titles = [c.title for c in layout.columns]
    assert f"Hall A · {keynote.venue.name_en}" in titles and "Hall A · Futian Hotel" in titles
    assert "Hall A" not in titles
    plain = lay_out_day(DAY, views)  # one Hall A only: no venue needed
    assert "Hall A" in [c.title for c in plain.columns]
    assert next(c for c in plain.columns if c.title == "Hall A").venue == keynote.venue.name_en


def test_moving_a_block_into_a_clash_puts_both_in_lanes(views) -> None:
    layout = lay_out_day(DAY, views)
    opening, keynote = named(views, "Opening"), named(views, "Keynote")
    assert layout.by_id[keynote.id].lanes == 1
    earlier = replace(
        keynote,
        start_utc=keynote.start_utc - timedelta(minutes=30),
        end_utc=keynote.end_utc - timedelta(minutes=30),
    )
    moved = layout.moved(earlier)
    a, b = moved.by_id[opening.id], moved.by_id[keynote.id]
    assert (a.lanes, b.lanes) == (2, 2) and {a.lane, b.lane} == {0, 1}
    assert a.clash and b.clash and not a.rect().intersects(b.rect())
    back = moved.moved(keynote)  # and back: the whole width again, no clash
    assert not back.by_id[opening.id].clash and back.by_id[opening.id].lanes == 1


# -- the view, with real keys, mouse and widgets ---------------------------------------------


@pytest.fixture
def timeline(qtbot, demo_path: Path):
    create_application()
    plan = PlanFile.open(demo_path)
    tasks = TaskRunner()
    view = TimelineView(plan, tasks)
    qtbot.addWidget(view)
    view.reload_days()
    view.select_day(1, DAY)
    yield view
    view.shut_down()
    tasks.shut_down()
    plan.close()


def keynote_id(plan) -> int:
    with plan.reading() as s:
        return next(i.id for i in items.list_items(s) if i.title_en.startswith("Keynote"))


def test_a_clash_made_with_the_keyboard_shows_two_lanes_outlined_and_counted(window, qtbot) -> None:
    window.resize(1600, 1000)
    window.show()
    window.show_page("timeline")
    window.timeline.select_day(1, DAY)
    qtbot.waitExposed(window)
    qtbot.wait(100)  # the day laid out for the window's width
    timeline, keynote = window.timeline, keynote_id(window.plan)
    before = list(window.conflicts.findings_model.counts)
    assert window.findings_label.text() == findings_text(window.conflicts.findings)
    opening = next(
        b.view.id for b in timeline.blocks.values() if b.view.title_en.startswith("Open")
    )
    timeline.select_items([keynote])
    timeline.view.setFocus()
    for _ in range(6):  # Alt+Up six times: 30 minutes earlier, into the opening ceremony
        QTest.keyClick(timeline.view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    a, b = timeline.blocks[opening], timeline.blocks[keynote]
    assert b.view.start_utc == datetime(2015, 4, 21, 0, 45, tzinfo=UTC)  # 08:45 CST
    assert (a.lanes, b.lanes) == (2, 2) and a.lane != b.lane and a.clash and b.clash
    assert a.column == b.column and not a.rect().intersects(b.rect())
    assert a.rect().width() == b.rect().width() < timeline.day_layout.column_width / 2
    # The outline is painted: the clash colour on the keynote's (unselected) left edge.
    timeline.set_selection([])
    qtbot.wait(20)
    a = timeline.blocks[opening]
    image = timeline.view.viewport().grab().toImage()
    edges = [timeline.view.mapFromScene(QPointF(a.x + d, a.y + a.height / 2)) for d in (1, 2)]
    clash = QColor(CLASH_COLOUR)  # antialiased: the nearer of the two pixels under the pen
    assert min(distance(QColor(image.pixel(p)), clash) for p in edges) < 60
    inside = timeline.view.mapFromScene(QPointF(a.x + a.width - 7, a.y + a.height - 7))
    assert distance(QColor(image.pixel(inside)), clash) > 150  # the fill is not the outline
    assert "Clash" in a.tooltip(())
    # The dock and the status bar say the same: the room's clash and everyone booked twice.
    counts = window.conflicts.findings_model.counts
    assert counts[0] > before[0]
    assert any(f.rule == "room-double-booked" for f in window.conflicts.findings)
    assert window.findings_label.text() == findings_text(window.conflicts.findings)
    assert window.findings_label.text().startswith(f"{counts[0]} error")
    # Laid out again for another width, the moved block stays where the move put it.
    window.resize(1400, 1000)
    qtbot.wait(100)
    assert timeline.blocks[keynote].view.start_utc == datetime(2015, 4, 21, 0, 45, tzinfo=UTC)
    assert timeline.blocks[keynote].lanes == 2
    for _ in range(6):  # and back, step by step
        window.undo_stack.undo()
    assert timeline.blocks[opening].lanes == 1 and not timeline.blocks[opening].clash
    assert window.findings_label.text().startswith(f"{before[0]} errors")


def test_room_titles_and_hours_stay_in_sight_while_scrolling(timeline, qtbot) -> None:
    timeline.resize(520, 360)
    timeline.show()
    qtbot.waitExposed(timeline)
    qtbot.wait(100)  # the day laid out for the view's width
    header, axis, view = timeline.header, timeline.axis, timeline.view
    layout = timeline.day_layout
    area = view.viewport().geometry()
    assert header.isVisible() and axis.isVisible()
    assert header.geometry().topLeft() == area.topLeft() and header.height() == HEADER
    first_titles = header.visible_titles()
    assert first_titles == [c.title for c in layout.columns][: len(first_titles)]
    assert axis.visible_hours()[0] == layout.first_hour
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().maximum())
    qtbot.wait(20)
    assert view.verticalScrollBar().value() > 0 and view.horizontalScrollBar().value() > 0
    # Still where they were, now naming the rooms and hours scrolled to.
    assert header.isVisible() and header.geometry().topLeft() == area.topLeft()
    assert axis.geometry().left() == area.left() and axis.geometry().top() == area.top() + HEADER
    last_titles = header.visible_titles()
    assert last_titles and last_titles[-1] == layout.columns[-1].title
    assert last_titles != first_titles
    assert layout.first_hour not in axis.visible_hours()
    assert axis.visible_hours()[-1] >= layout.end_hour - 1
    # What the header paints is the column under it: its left edge follows the scroll.
    last = layout.columns[-1]
    assert header.column_left(last) == view.mapFromScene(QPointF(last.x, 0)).x()
    assert header.column_at(header.column_left(last) + 5) is last
    image = header.grab().toImage()
    assert len({image.pixel(x, y) for x in range(0, image.width(), 3) for y in range(4, 30)}) > 2


def test_rooms_share_the_width_and_titles_are_not_cut(window, qtbot) -> None:
    window.resize(1600, 1000)
    window.show()
    window.show_page("timeline")
    window.timeline.select_day(1, DAY)
    qtbot.waitExposed(window)
    timeline, viewport = window.timeline, window.timeline.view.viewport()
    # The resize settles (docks, scroll bars), the day is laid out for the width it leaves.
    qtbot.wait(300)  # the navigator and the scroll bars take their room first
    qtbot.waitUntil(lambda: viewport.width() - 30 <= timeline.day_layout.width <= viewport.width())
    layout = timeline.day_layout
    assert layout.column_width > MIN_COLUMN
    assert viewport.width() - 30 <= layout.width <= viewport.width()  # filled, no scrolling
    assert timeline.view.horizontalScrollBar().maximum() == 0
    metrics = QFontMetrics(timeline.header.text_style.fonts["header"])  # as the header paints
    for column in layout.columns:
        assert metrics.horizontalAdvance(column.title) <= column.width - 8, column.title
    # Narrower: the rooms keep their least width and the view scrolls instead.
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: timeline.day_layout.column_width == MIN_COLUMN)
    assert timeline.view.horizontalScrollBar().maximum() > 0


def test_zoom_with_keys_and_wheel_scales_hours_and_rooms(timeline, qtbot) -> None:
    timeline.resize(700, 500)
    timeline.show()
    timeline.activateWindow()
    assert QTest.qWaitForWindowActive(timeline)  # shortcuts go to the active window
    item = keynote_id(timeline.plan)
    height = timeline.blocks[item].height
    timeline.view.setFocus()
    QTest.keyClick(timeline.view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert timeline.zoom == 1.25 and timeline.zoom_label.text() == "125 %"
    assert timeline.day_layout.px_per_min == pytest.approx(1.25 * PX_PER_MIN)
    assert timeline.blocks[item].height == pytest.approx(1.25 * height)
    assert timeline.day_layout.column_width >= 1.25 * MIN_COLUMN
    QTest.keyClick(timeline.view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert timeline.zoom == 1.0 and timeline.blocks[item].height == pytest.approx(height)
    viewport = timeline.view.viewport()
    centre = QPointF(viewport.rect().center())
    wheel = QWheelEvent(
        centre,
        QPointF(viewport.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(viewport, wheel)
    assert timeline.zoom == 0.8
    assert timeline.day_layout.px_per_min == pytest.approx(0.8 * PX_PER_MIN)
    assert timeline.selected_ids() == []  # zooming selects nothing
    assert timeline.day_layout.columns[0].x + 1 > GUTTER

"""The timeline's pieces on their own: the day's layout (a pure function of its item views),
the drag arithmetic, and the canvas painting a layout without the view around it."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QGraphicsScene, QWidget

from tourplanner.db import PlanFile
from tourplanner.services import itinerary
from tourplanner.timezones import to_local
from tourplanner.ui.app import create_application
from tourplanner.ui.tasks import TaskRunner
from tourplanner.ui.timeline import (
    COLUMN,
    GUTTER,
    HEADER,
    PX_PER_MIN,
    TimelineView,
    lay_out_day,
)
from tourplanner.ui.timeline.canvas import DayCanvas
from tourplanner.ui.timeline.drag import Drag, moved_start, resized_end
from tourplanner.ui.timeline.geometry import MIN_HEIGHT
from tourplanner.ui.timeline.pointer import Pointer
from tourplanner.ui.timeline.style import Style

DAY = date(2015, 4, 21)


@pytest.fixture
def views(demo_path: Path):
    """The conference's occurrences on Tue 21 April, read from a real plan file."""
    with PlanFile.open(demo_path) as plan, plan.reading() as s:
        return itinerary.programme_day(s, 1, DAY, with_people=False)


def named(views, prefix: str):
    return next(v for v in views if v.title_en.startswith(prefix))


def local_minutes(instant: datetime, zone_name: str) -> int:
    local = to_local(instant, zone_name)
    return local.hour * 60 + local.minute


def test_the_layout_puts_each_occurrence_in_its_room_at_its_local_time(views) -> None:
    layout = lay_out_day(DAY, views)
    assert layout is not None and layout.day == DAY
    titles = [c.title for c in layout.columns]
    assert titles == sorted(titles) and "Hall A" in titles
    assert [c.x for c in layout.columns] == [GUTTER + n * COLUMN for n in range(len(titles))]
    assert len(layout.blocks) == len(views) and len(layout.by_id) == 13
    first = min(local_minutes(v.start_utc, v.timezone) for v in views) // 60
    assert layout.first_hour == first == 8
    assert [h.hour for h in layout.hours] == list(range(first, layout.end_hour + 1))
    assert layout.zones == ("Asia/Shanghai",)
    for block in layout.blocks:
        v = block.view
        column = layout.columns[block.column]
        assert column.title == (v.room or v.venue.name_en if v.venue else "No venue")
        assert block.x == column.x + 3 and block.width == COLUMN - 6
        minutes = local_minutes(v.start_utc, v.timezone) - first * 60
        assert block.y == pytest.approx(HEADER + minutes * PX_PER_MIN)
        length = (v.end_utc - v.start_utc).total_seconds() / 60
        assert block.height == pytest.approx(max(length * PX_PER_MIN, MIN_HEIGHT))
    assert layout.width == GUTTER + COLUMN * len(titles) + 10
    assert layout.height == HEADER + (layout.end_hour - first) * 60 * PX_PER_MIN + 10


def test_a_day_with_nothing_on_it_has_no_layout() -> None:
    assert lay_out_day(DAY, []) is None


def test_the_scale_is_the_layouts_and_the_drags(views) -> None:
    big = lay_out_day(DAY, views, px_per_min=2 * PX_PER_MIN, column_width=100.0)
    normal = lay_out_day(DAY, views)
    keynote = named(views, "Keynote").id
    a, b = big.by_id[keynote], normal.by_id[keynote]
    assert a.height == pytest.approx(2 * b.height) and a.width == 94.0
    assert a.y - HEADER == pytest.approx(2 * (b.y - HEADER))
    assert big.columns[1].x == GUTTER + 100.0
    # 30 minutes are twice as many pixels at twice the scale.
    start = a.view.start_utc + timedelta(minutes=30)
    assert moved_start(a, 60 * PX_PER_MIN, big.px_per_min) == start
    assert moved_start(b, 30 * PX_PER_MIN, normal.px_per_min) == start
    # A spot on the double scale: 75 minutes below 08:00 are 09:15.
    _, start = big.slot_at(QPointF(GUTTER + 150, HEADER + 2 * PX_PER_MIN * 75))
    assert start == datetime(2015, 4, 21, 9, 15)


def test_blocks_found_by_position_are_those_a_full_search_finds(views) -> None:
    layout = lay_out_day(DAY, views)
    for x in range(0, int(layout.width), 37):
        for y in range(0, int(layout.height), 29):
            rect = QRectF(x, y, 120, 90)
            found = {id(b) for b in layout.blocks_in(rect)}
            # Every block in the area, and only blocks of the columns it spans that reach it.
            assert {id(b) for b in layout.blocks if b.rect().intersects(rect)} <= found
            assert found <= {id(b) for b in layout.blocks if _near(layout, b, rect)}
            point = QPointF(x + 0.5, y + 0.5)
            under = [b for b in layout.blocks if b.rect().contains(point)]
            assert layout.block_at(point) is (under[-1] if under else None)
    for block in layout.blocks:  # found from just inside any of its edges
        r = block.rect()
        for corner in (r.topLeft(), r.bottomRight() - QPointF(0.1, 0.1)):
            assert block in layout.blocks_in(QRectF(corner, corner + QPointF(0.01, 0.01)))


def _near(layout, block, rect: QRectF) -> bool:
    column = layout.columns[block.column]
    across = column.x <= rect.right() and column.x + column.width >= rect.left()
    return across and block.y <= rect.bottom() and block.y + block.height >= rect.top()


def test_an_empty_spot_proposes_its_room_and_quarter_hour(views) -> None:
    layout = lay_out_day(DAY, views)
    n = next(n for n, c in enumerate(layout.columns) if c.title == "Room 3")
    x = GUTTER + n * COLUMN + 10
    column, start = layout.slot_at(QPointF(x, layout.y_of(13 * 60 + 37)))
    assert column.title == "Room 3" and start == datetime(2015, 4, 21, 13, 30)
    assert layout.slot_at(QPointF(x, HEADER - 1)) is None  # the room titles
    assert layout.slot_at(QPointF(GUTTER - 1, 200)) is None  # the hours
    assert layout.slot_at(QPointF(layout.width - 5, 200)) is None  # right of the last room


def test_moving_one_item_gives_a_new_layout_and_keeps_the_old(views) -> None:
    layout = lay_out_day(DAY, views)
    keynote = named(views, "Keynote")
    later = replace(
        keynote,
        start_utc=keynote.start_utc + timedelta(minutes=30),
        end_utc=keynote.end_utc + timedelta(minutes=30),
    )
    moved = layout.moved(later)
    assert moved is not None and moved is not layout
    assert moved.by_id[keynote.id].y == pytest.approx(layout.by_id[keynote.id].y + 30 * PX_PER_MIN)
    assert layout.by_id[keynote.id].view == keynote  # the old value is untouched
    others = [i for i in layout.by_id if i != keynote.id]
    assert all(moved.by_id[i] is layout.by_id[i] for i in others)
    assert [b.view.start_utc for b in moved.blocks] == sorted(
        b.view.start_utc for b in moved.blocks
    )
    assert moved.block_at(moved.by_id[keynote.id].rect().center()).view == later
    # What the layout cannot show as it stands: it is laid out again instead.
    late = replace(keynote, end_utc=keynote.start_utc.replace(hour=23, minute=59))
    assert layout.moved(late) is None  # past the day's last hour
    elsewhere = replace(keynote, room="A room not on this day")
    assert layout.moved(elsewhere) is None
    assert layout.moved(replace(keynote, recurrence="FREQ=DAILY")) is None
    assert layout.moved(replace(keynote, id=10**9)) is None  # not on the day


def test_a_day_across_a_dst_change_is_laid_out_by_the_local_clock(views) -> None:
    spring = date(2026, 3, 29)  # Berlin: 02:00 CET becomes 03:00 CEST
    before = replace(
        views[0],
        id=1,
        timezone="Europe/Berlin",
        start_utc=datetime(2026, 3, 29, 0, 30, tzinfo=UTC),  # 01:30 CET
        end_utc=datetime(2026, 3, 29, 1, 30, tzinfo=UTC),  # 03:30 CEST
        recurrence="",
    )
    after = replace(
        before, id=2, start_utc=before.end_utc, end_utc=before.end_utc + timedelta(hours=1)
    )
    layout = lay_out_day(spring, [before, after])
    assert layout.first_hour == 1
    assert layout.by_id[1].y == pytest.approx(HEADER + 30 * PX_PER_MIN)
    assert layout.by_id[2].y == pytest.approx(HEADER + 150 * PX_PER_MIN)  # 03:30 local
    assert layout.end_hour == 5


def test_a_drag_previews_snapped_and_asks_for_snapped_times(views) -> None:
    layout = lay_out_day(DAY, views)
    block = layout.by_id[named(views, "Keynote").id]
    drag = Drag(block, "move", pressed_y=block.y + 5)
    drag.dy = 32 * PX_PER_MIN
    rect, start, end = drag.preview()
    assert start == block.view.start_utc + timedelta(minutes=30)
    assert end == block.view.end_utc + timedelta(minutes=30)
    assert rect.top() == pytest.approx(block.y + 30 * PX_PER_MIN)
    assert drag.damage().contains(block.rect()) and drag.damage().contains(rect)
    resize = Drag(block, "resize", pressed_y=block.y + block.height - 1, dy=-500 * PX_PER_MIN)
    rect, start, end = resize.preview()
    assert (start, end) == (block.view.start_utc, block.view.start_utc + timedelta(minutes=5))
    assert rect.height() == MIN_HEIGHT
    assert moved_start(block, 2 * PX_PER_MIN) is None  # snaps to no move
    assert resized_end(block, 2 * PX_PER_MIN) is None
    assert resized_end(block, 22 * PX_PER_MIN) == block.view.end_utc + timedelta(minutes=20)
    fixed = replace(block.view, recurrence="FREQ=DAILY")
    repeating = lay_out_day(DAY, [fixed]).by_id[fixed.id]
    assert moved_start(repeating, 30 * PX_PER_MIN) is None
    assert resized_end(repeating, 30 * PX_PER_MIN) is None


def test_the_canvas_paints_a_layout_as_the_timeline_does(qtbot, demo_path: Path) -> None:
    """The painter needs only a layout, a style and a palette: the same pixels as in the view."""
    create_application()
    with PlanFile.open(demo_path) as plan:
        tasks = TaskRunner()
        timeline = TimelineView(plan, tasks)
        qtbot.addWidget(timeline)
        timeline.reload_days()
        timeline.select_day(1, DAY)
        keynote = named([b.view for b in timeline.blocks.values()], "Keynote")
        timeline.set_selection([keynote.id])
        with plan.reading() as s:
            views = itinerary.programme_day(s, 1, DAY, with_people=False)
        alone = QWidget()  # no timeline: its own palette and font
        qtbot.addWidget(alone)
        canvas = DayCanvas(
            lay_out_day(DAY, views),
            style=Style.from_font(timeline.font()),
            palette_of=alone,
            pointer=Pointer(timeline),
        )
        canvas.selected = frozenset({keynote.id})
        scene = QGraphicsScene()
        scene.addItem(canvas)
        images = []
        for painted in (timeline.scene, scene):
            size = painted.sceneRect().size().toSize()
            image = QImage(size, QImage.Format.Format_ARGB32)
            image.fill(Qt.GlobalColor.white)
            painter = QPainter(image)
            painted.render(painter, QRectF(image.rect()), painted.sceneRect())
            painter.end()
            images.append(image)
        assert images[0].size() == images[1].size() and images[0] == images[1]
        timeline.shut_down()
        tasks.shut_down()

"""A day's geometry as one value: its columns, hour lines and blocks, worked out from its items.

`lay_out_day` is a pure function of the day's item views and the scale; the canvas paints what
the layout holds and the view asks it what is under the mouse. An edit that moves one item
within the day gets a new layout from `moved()`, without laying out the day again.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from math import ceil
from types import MappingProxyType
from typing import NamedTuple

from PySide6.QtCore import QPointF, QRectF

from tourplanner.services.views import ItemView
from tourplanner.timezones import zone
from tourplanner.ui.timeline.block import Block
from tourplanner.ui.timeline.clock import day_clock, local_minutes
from tourplanner.ui.timeline.geometry import COLUMN, EDGE, GUTTER, HEADER, MIN_HEIGHT, PX_PER_MIN

ColumnKey = tuple[int | None, str]  # venue id (None for no venue), room name ("" for none)
NEW_ITEM_GRID = 15  # minutes: a double-click proposes a start on the quarter hour


@dataclass(frozen=True)
class Column:
    """A room's column (or a venue's, or the items with no venue)."""

    key: ColumnKey
    title: str
    x: float = 0.0
    width: float = COLUMN


class HourLine(NamedTuple):
    hour: int  # local, 0-24
    y: float


class _ColumnIndex(NamedTuple):
    """A column's blocks by top edge, and the tallest: to find them by position."""

    tops: list[float]
    blocks: list[Block]
    tallest: float


def column_key(view: ItemView) -> ColumnKey:
    return (view.venue.id, view.room) if view.venue is not None else (None, "")


def column_title(view: ItemView) -> str:
    if view.venue is None:
        return "No venue"
    return view.room or view.venue.name_en


@dataclass(frozen=True, eq=False)  # compared by identity: a new layout is a new drawing
class DayLayout:
    """One programme day drawn: a column per room, hours running down from `first_hour`."""

    day: date
    first_hour: int
    end_hour: int
    columns: tuple[Column, ...]
    hours: tuple[HourLine, ...]
    blocks: tuple[Block, ...]  # every occurrence, in time order (painted in this order)
    by_id: Mapping[int, Block]  # the first occurrence of each item
    zones: tuple[str, ...]  # the zones whose local times the day shows (usually one)
    width: float
    height: float
    px_per_min: float = PX_PER_MIN
    column_width: float = COLUMN
    _index: tuple[_ColumnIndex, ...] = field(default=(), repr=False, compare=False)

    def column_of(self, view: ItemView) -> int | None:
        """The number of the column a view's block goes in, None if the day has no such room."""
        key = column_key(view)
        return next((n for n, c in enumerate(self.columns) if c.key == key), None)

    def y_of(self, minutes: float) -> float:
        """The y of a time of the day, in minutes from local midnight."""
        return HEADER + (minutes - self.first_hour * 60) * self.px_per_min

    def blocks_in(self, rect: QRectF) -> Iterator[Block]:
        """The blocks intersecting `rect`, in painting order (later ones on top)."""
        if not self._index:
            return
        low = max(0, int((rect.left() - GUTTER) // self.column_width))
        high = min(len(self._index) - 1, int((rect.right() - GUTTER) // self.column_width))
        for n in range(low, high + 1):
            tops, blocks, tallest = self._index[n]
            for i in range(bisect_left(tops, rect.top() - tallest), len(blocks)):
                block = blocks[i]
                if block.y > rect.bottom():
                    break
                if block.y + block.height >= rect.top():
                    yield block

    def block_at(self, pos: QPointF) -> Block | None:
        """The topmost block at a scene position."""
        found = None
        for block in self.blocks_in(QRectF(pos.x(), pos.y(), 0.01, 0.01)):
            if block.rect().contains(pos):
                found = block
        return found

    def slot_at(self, pos: QPointF) -> tuple[Column, datetime] | None:
        """The column and the naive local start (on the quarter hour) of an empty spot."""
        if pos.y() < HEADER or pos.x() < GUTTER:
            return None
        n = int((pos.x() - GUTTER) // self.column_width)
        if not 0 <= n < len(self.columns):
            return None
        minutes = self.first_hour * 60 + (pos.y() - HEADER) / self.px_per_min
        minutes = int(minutes // NEW_ITEM_GRID * NEW_ITEM_GRID)
        return self.columns[n], datetime.combine(self.day, time()) + timedelta(minutes=minutes)

    def moved(self, view: ItemView) -> DayLayout | None:
        """The layout with one one-off item's block where `view` puts it; None if it does not
        fit the day as laid out (another room, outside its hours, a repeating item)."""
        if view.recurrence or view.id not in self.by_id:
            return None
        tz = zone(view.timezone)
        start = local_minutes(view.start_utc, tz, self.day)
        end = local_minutes(view.end_utc, tz, self.day)
        n = self.column_of(view)
        if n is None or not (self.first_hour * 60 <= start < 1440 and end <= self.end_hour * 60):
            return None
        block = _block(view, self.columns[n], n, self.y_of(start), self.px_per_min)
        blocks = [block if b.view.id == view.id else b for b in self.blocks]
        blocks.sort(key=lambda b: (b.view.start_utc, b.view.end_utc, b.view.id))
        by_id, index = _indexed(blocks, len(self.columns))
        return replace(self, blocks=tuple(blocks), by_id=by_id, _index=index)


def on_bottom_edge(block: Block, pos: QPointF) -> bool:
    """Whether a scene position is on the edge of a block that changes its length."""
    return block.movable and pos.y() >= block.y + block.height - EDGE


def lay_out_day(
    day: date,
    views: Sequence[ItemView],
    *,
    px_per_min: float = PX_PER_MIN,
    column_width: float = COLUMN,
) -> DayLayout | None:
    """The day's geometry from its occurrences in time order; None for a day with none."""
    if not views:
        return None
    # One zone lookup per zone, and one column lookup per room, not per item.
    clocks = {name: day_clock(day, name) for name in {v.timezone for v in views}}
    titles: dict[ColumnKey, str] = {}
    keys, starts = [], []
    last = 0
    for v in views:
        key = (v.venue.id, v.room) if v.venue is not None else (None, "")
        if key not in titles:
            titles[key] = column_title(v)
        keys.append(key)
        clock = clocks[v.timezone]
        starts.append(clock(v.start_utc))
        last = max(last, clock(v.end_utc))
    ordered = sorted(titles.items(), key=lambda kt: kt[1])
    columns = tuple(
        Column(key, title, GUTTER + n * column_width, column_width)
        for n, (key, title) in enumerate(ordered)
    )
    number = {c.key: n for n, c in enumerate(columns)}
    first = min(starts) // 60
    end_hour = max(first + 1, min(24, ceil(last / 60)))
    blocks = []
    for v, key, start in zip(views, keys, starts, strict=True):
        n = number[key]
        y = HEADER + (start - first * 60) * px_per_min
        blocks.append(_block(v, columns[n], n, y, px_per_min))
    by_id, index = _indexed(blocks, len(columns))
    hours = tuple(
        HourLine(hour, HEADER + (hour - first) * 60 * px_per_min)
        for hour in range(first, end_hour + 1)
    )
    return DayLayout(
        day=day,
        first_hour=first,
        end_hour=end_hour,
        columns=columns,
        hours=hours,
        blocks=tuple(blocks),
        by_id=by_id,
        zones=tuple(sorted(clocks)),
        width=GUTTER + column_width * len(columns) + 10,
        height=HEADER + (end_hour - first) * 60 * px_per_min + 10,
        px_per_min=px_per_min,
        column_width=column_width,
        _index=index,
    )


def _block(view: ItemView, column: Column, n: int, y: float, px_per_min: float) -> Block:
    minutes = (view.end_utc - view.start_utc).total_seconds() / 60
    height = max(minutes * px_per_min, MIN_HEIGHT)
    return Block(view, x=column.x + 3, y=y, width=column.width - 6, height=height, column=n)


def _indexed(
    blocks: Sequence[Block], columns: int
) -> tuple[Mapping[int, Block], tuple[_ColumnIndex, ...]]:
    """The first block of each item, and per column its blocks by top edge."""
    per_column: list[list[Block]] = [[] for _ in range(columns)]
    by_id: dict[int, Block] = {}
    for block in blocks:
        per_column[block.column].append(block)
        by_id.setdefault(block.view.id, block)
    index = []
    for column in per_column:
        column.sort(key=lambda b: b.y)  # stable: time order among equal tops
        tallest = max((b.height for b in column), default=0.0)
        index.append(_ColumnIndex([b.y for b in column], column, tallest))
    return MappingProxyType(by_id), tuple(index)

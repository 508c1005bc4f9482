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

from PySide6.QtCore import QCoreApplication, QPointF, QRectF

from tourplanner.services.views import DayItem
from tourplanner.timezones import zone
from tourplanner.ui.timeline.block import Block
from tourplanner.ui.timeline.clock import day_clock, local_minutes
from tourplanner.ui.timeline.geometry import COLUMN, EDGE, GUTTER, HEADER, MIN_HEIGHT, PX_PER_MIN
from tourplanner.ui.timeline.lanes import Booked, clashing, lanes_of

ColumnKey = tuple[int | None, str]  # venue id (None for no venue), room name ("" for none)
NEW_ITEM_GRID = 15  # minutes: a double-click proposes a start on the quarter hour


@dataclass(frozen=True)
class Column:
    """A room's column (or a venue's, or the items with no venue)."""

    key: ColumnKey
    title: str  # the room, with its venue when another venue has a room of that name
    x: float = 0.0
    width: float = COLUMN
    venue: str = ""  # the venue's name ("" for the items with no venue)


class HourLine(NamedTuple):
    hour: int  # local, 0-24
    y: float


class _ColumnIndex(NamedTuple):
    """A column's blocks by top edge, and the tallest: to find them by position."""

    tops: list[float]
    blocks: list[Block]
    tallest: float


def column_key(view: DayItem) -> ColumnKey:
    return (view.venue.id, view.room) if view.venue is not None else (None, "")


def column_title(view: DayItem) -> str:
    if view.venue is None:
        return QCoreApplication.translate("layout", "No venue")
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

    def column_of(self, view: DayItem) -> int | None:
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

    def moved(self, view: DayItem) -> DayLayout | None:
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
        old = self.by_id[view.id]
        entries: dict[int, list[tuple[int, DayItem, float]]] = {old.column: [], n: []}
        blocks: list[Block] = []
        for block in self.blocks:
            if block.view.id == view.id:
                entries[n].append((len(blocks), view, self.y_of(start)))
            elif block.column in entries:  # its lanes may change: placed again below
                entries[block.column].append((len(blocks), block.view, block.y))
            blocks.append(block)
        for column, found in entries.items():
            for position, placed in _placed_column(
                found, self.columns[column], column, self.px_per_min
            ):
                if not _same(blocks[position], placed):  # unchanged blocks stay as they were
                    blocks[position] = placed
        blocks.sort(key=lambda b: (b.view.start_utc, b.view.end_utc, b.view.id))
        by_id, index = _indexed(blocks, len(self.columns))
        return replace(self, blocks=tuple(blocks), by_id=by_id, _index=index)


def on_bottom_edge(block: Block, pos: QPointF) -> bool:
    """Whether a scene position is on the edge of a block that changes its length."""
    return block.movable and pos.y() >= block.y + block.height - EDGE


def lay_out_day(
    day: date,
    views: Sequence[DayItem],
    *,
    px_per_min: float = PX_PER_MIN,
    column_width: float = COLUMN,
) -> DayLayout | None:
    """The day's geometry from its occurrences in time order; None for a day with none."""
    if not views:
        return None
    # One zone lookup per zone, and one column lookup per room, not per item; one pass over
    # the 3,400 items of a busy day gathers their rooms, starts, ends and lengths.
    clocks = {name: day_clock(day, name) for name in {v.timezone for v in views}}
    titles: dict[ColumnKey, tuple[str, str]] = {}  # title, venue name
    keys, starts, seconds = [], [], []
    last = 0
    for v in views:
        venue = v.venue
        key = (venue.id, v.room) if venue is not None else (None, "")
        if key not in titles:
            titles[key] = (column_title(v), venue.name_en if venue is not None else "")
        keys.append(key)
        clock = clocks[v.timezone]
        start_utc, end_utc = v.start_utc, v.end_utc
        starts.append(clock(start_utc))
        end = clock(end_utc)
        if end > last:
            last = end
        seconds.append((end_utc - start_utc).total_seconds())
    named = _told_apart(titles)
    ordered = sorted(named.items(), key=lambda kt: kt[1])
    columns = tuple(
        Column(key, title, GUTTER + n * column_width, column_width, titles[key][1])
        for n, (key, title) in enumerate(ordered)
    )
    number = {c.key: n for n, c in enumerate(columns)}
    first = min(starts) // 60
    end_hour = max(first + 1, min(24, ceil(last / 60)))
    offset = HEADER - first * 60 * px_per_min
    tops = [offset + start * px_per_min for start in starts]
    heights = [max(s / 60 * px_per_min, MIN_HEIGHT) for s in seconds]  # as `_height`
    numbers = [number[key] for key in keys]
    # A room whose blocks follow one another (most rooms) needs no lanes: one pass tells.
    bottoms = [float("-inf")] * len(columns)
    crowded = [False] * len(columns)
    for y, height, n in zip(tops, heights, numbers, strict=True):
        if y < bottoms[n]:
            crowded[n] = True
        bottoms[n] = y + height
    placed: list[Block | None] = [None] * len(views)
    shared: dict[int, list[tuple[int, DayItem, float]]] = {}
    lefts = [c.x + 3 for c in columns]
    widths = [c.width - 6 for c in columns]
    for position, (v, y, height, n) in enumerate(zip(views, tops, heights, numbers, strict=True)):
        if crowded[n]:
            shared.setdefault(n, []).append((position, v, y))
        else:
            placed[position] = Block(v, lefts[n], y, widths[n], height, n)
    for n, entries in shared.items():
        for position, block in _placed_column(entries, columns[n], n, px_per_min):
            placed[position] = block
    blocks = [b for b in placed if b is not None]
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


def _told_apart(titles: Mapping[ColumnKey, tuple[str, str]]) -> dict[ColumnKey, str]:
    """Column titles, a room's venue added when rooms of one name are in several venues."""
    venues_of: dict[str, set[int | None]] = {}
    for (venue_id, _room), (title, _venue) in titles.items():
        venues_of.setdefault(title, set()).add(venue_id)
    return {
        key: f"{title} · {venue}" if len(venues_of[title]) > 1 and venue else title
        for key, (title, venue) in titles.items()
    }


def _placed_column(
    entries: Sequence[tuple[int, DayItem, float]], column: Column, n: int, px_per_min: float
) -> Iterator[tuple[int, Block]]:
    """A column's blocks, in lanes where they overlap on screen, a room's clashes marked.

    `entries` are (position in the day, view, top); the position comes back with each block.
    """
    heights = [_height(v, px_per_min) for _, v, _ in entries]
    if _apart(entries, heights):  # most rooms: one block after the other, nothing to share
        x, width = column.x + 3, column.width - 6
        for (position, view, y), height in zip(entries, heights, strict=True):
            yield position, Block(view, x=x, y=y, width=width, height=height, column=n)
        return
    lanes = lanes_of([(y, y + h) for (_, _, y), h in zip(entries, heights, strict=True)])
    clashes: set[int] = set()
    if column.key[0] is not None:  # items with no venue share no room
        clashes = clashing([Booked(v.id, v.start_utc, v.end_utc, v.status) for _, v, _ in entries])
    inner = column.width - 6
    for k, ((position, view, y), height, (lane, count)) in enumerate(
        zip(entries, heights, lanes, strict=True)
    ):
        share = inner / count
        width = share if count == 1 else share - 2  # a gap between lanes
        yield (
            position,
            Block(
                view,
                x=column.x + 3 + lane * share,
                y=y,
                width=width,
                height=height,
                column=n,
                lane=lane,
                lanes=count,
                clash=k in clashes,
            ),
        )


def _apart(entries: Sequence[tuple[int, DayItem, float]], heights: Sequence[float]) -> bool:
    """Whether blocks in top order each start below the one before ends (on screen, and so
    in time too: a block is never shorter than its item)."""
    bottom = float("-inf")
    for (_, _, y), height in zip(entries, heights, strict=True):
        if y < bottom:
            return False
        bottom = y + height
    return True


def _same(a: Block, b: Block) -> bool:
    return a.view is b.view and (a.x, a.y, a.width, a.height, a.lanes, a.clash) == (
        b.x,
        b.y,
        b.width,
        b.height,
        b.lanes,
        b.clash,
    )


def _height(view: DayItem, px_per_min: float) -> float:
    minutes = (view.end_utc - view.start_utc).total_seconds() / 60
    return max(minutes * px_per_min, MIN_HEIGHT)


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

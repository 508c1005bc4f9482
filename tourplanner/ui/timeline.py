"""The timeline: one day of a programme, one column per room, time running down.

Blocks are coloured by kind, tentative ones hatched, cancelled ones greyed. Dragging a block
moves its item, dragging its bottom edge changes its length (both snapped to 5 minutes); the
window turns that into an undoable command. A right click offers edit, move, status and delete;
the keyboard does the same on the selected block.

A busy day has thousands of blocks, so they are not graphics items: one `DayCanvas` item paints
the blocks that intersect the exposed area and finds the block under the mouse by position.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from math import ceil

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QContextMenuEvent,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QPainter,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QComboBox,
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsSceneContextMenuEvent,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QMenu,
    QStyleOptionGraphicsItem,
    QVBoxLayout,
    QWidget,
)

from tourplanner.enums import ItemStatus
from tourplanner.errors import NotFoundError
from tourplanner.planfile import PlanFile
from tourplanner.services import itinerary, programmes
from tourplanner.services.views import ItemView
from tourplanner.timezones import abbreviation, local_day_bounds, to_local, zone
from tourplanner.ui.day_cache import DayCache, Key
from tourplanner.ui.tasks import TaskRunner

PX_PER_MIN = 1.3
COLUMN = 190.0
GUTTER = 56.0
HEADER = 34.0
SNAP_MIN = 5
READ_AHEAD_MS = 150  # a pause on a day this long starts reading the days around it
READ_AROUND = 3  # days read ahead either side: a conference's week, a few MB a busy day
MIN_HEIGHT = 14.0  # a short item still gets a block you can see and click
EDGE = 6.0  # the bottom pixels of a block that resize it
MENU_STEP = timedelta(minutes=15)
KEY_STEP = timedelta(minutes=SNAP_MIN)
KIND_COLOURS = {
    "keynote": "#c2410c",
    "plenary": "#b45309",
    "session": "#1d4ed8",
    "panel": "#4338ca",
    "workshop": "#0e7490",
    "ceremony": "#9d174d",
    "meal": "#15803d",
    "reception": "#7e22ce",
    "site_visit": "#047857",
    "transfer": "#475569",
    "free_time": "#64748b",
    "other": "#6b7280",
}
CANCELLED_COLOUR = "#9ca3af"
STATUS_TIPS = {
    ItemStatus.TENTATIVE: "Not fixed yet: shown hatched",
    ItemStatus.CONFIRMED: "Fixed: shown plain",
    ItemStatus.CANCELLED: "Called off: kept in the plan, shown greyed and struck through",
}


@dataclass(frozen=True)
class Column:
    key: tuple[int | None, str]
    title: str


def snap(minutes: float) -> int:
    """Minutes rounded to the 5-minute grid."""
    return int(round(minutes / SNAP_MIN) * SNAP_MIN)


def _local_minutes(instant: datetime, tz: object, day: date) -> int:
    """Minutes from local midnight of `day` to `instant` (more than 1440 on the next day)."""
    local = instant.astimezone(tz)
    return (local.date() - day).days * 1440 + local.hour * 60 + local.minute


def _local_day(view: ItemView) -> date:
    """The local date an occurrence starts on, in its own zone (the day it is listed under)."""
    return to_local(view.start_utc, view.timezone).date()


def _day_clock(day: date, zone_name: str) -> Callable[[datetime], int]:
    """`_local_minutes` for one zone and day; a mere subtraction when the day has no DST change."""
    tz = zone(zone_name)
    midnight, next_midnight = local_day_bounds(day, zone_name)
    if next_midnight - midnight == timedelta(days=1) and (
        midnight.astimezone(tz).utcoffset() == next_midnight.astimezone(tz).utcoffset()
    ):
        return lambda instant: int((instant - midnight).total_seconds()) // 60
    return lambda instant: _local_minutes(instant, tz, day)


class Block:
    """One item occurrence as drawn: a plain object, painted by the day's `DayCanvas`.

    `x`, `y`, `height` are scene coordinates; the block is `COLUMN - 6` wide.
    """

    __slots__ = ("timeline", "view", "x", "y", "height", "column", "_lines")

    def __init__(
        self, timeline: TimelineView, view: ItemView, x: float, y: float, column: int
    ) -> None:
        self.timeline, self.view, self.column = timeline, view, column
        self.x, self.y = x, y
        self.height = max(self.minutes * PX_PER_MIN, MIN_HEIGHT)
        self._lines: list[str] | None = None

    # -- what it shows ---------------------------------------------------------------------

    @property
    def minutes(self) -> float:
        return (self.view.end_utc - self.view.start_utc).total_seconds() / 60

    @property
    def movable(self) -> bool:
        """Repeating items are moved and resized in the editor, not by dragging one occurrence."""
        return self.view.recurrence == ""

    def rect(self) -> QRectF:
        return QRectF(self.x, self.y, COLUMN - 6, self.height)

    def when(self, start_utc: datetime | None = None, end_utc: datetime | None = None) -> str:
        """'09:15–10:15 CST', or the same for other start and end instants (a drag preview)."""
        v = self.view
        start_utc, end_utc = start_utc or v.start_utc, end_utc or v.end_utc
        start, end = to_local(start_utc, v.timezone), to_local(end_utc, v.timezone)
        return f"{start:%H:%M}–{end:%H:%M} {abbreviation(start_utc, v.timezone)}"

    def lines(self) -> list[str]:
        """Title, local title and times: worked out when first painted, not for every block."""
        if self._lines is None:
            v = self.view
            self._lines = [line for line in (v.title_en, v.title_local, self.when()) if line]
        return self._lines

    def label(self) -> str:
        """The block's text, as painted."""
        return "\n".join(self.lines())

    def tooltip(self) -> str:
        v = self.view
        place = ", ".join(p for p in (v.room, v.venue.name_en if v.venue else "") if p)
        people = ", ".join(self.timeline.speakers_of(v))
        parts = [v.title_en, v.title_local, self.when(), place, people]
        if v.status != ItemStatus.CONFIRMED:
            parts.append(v.status.capitalize())
        if self.movable:
            parts.append("Drag to move, drag the bottom edge to change the length")
        else:
            parts.append("A repeating item: change its times in the editor")
        parts.append("Double-click or Enter to edit; right-click for more")
        return "\n".join(p for p in parts if p)

    # -- selection (kept by the timeline, so it survives a repaint) ------------------------

    def isSelected(self) -> bool:  # noqa: N802 - the name Qt items use
        return self.view.id in self.timeline._selected

    def setSelected(self, selected: bool) -> None:  # noqa: N802
        ids = [i for i in self.timeline._selected if i != self.view.id]
        self.timeline._set_selection([*ids, self.view.id] if selected else ids)

    # -- edits -----------------------------------------------------------------------------

    def finish_drag(self, dy: float) -> None:
        """Turn a vertical drag of `dy` pixels into a move, snapped to 5 minutes."""
        minutes = snap(dy / PX_PER_MIN)
        if minutes and self.movable:
            self.timeline.move_requested.emit(
                self.view.id, self.view.start_utc + timedelta(minutes=minutes)
            )

    def resized_minutes(self, dy: float) -> int:
        """The length after dragging the bottom edge `dy` pixels: snapped, at least 5 minutes."""
        return max(SNAP_MIN, round(self.minutes) + snap(dy / PX_PER_MIN))

    def finish_resize(self, dy: float) -> None:
        """Turn a drag of the bottom edge by `dy` pixels into a new end, snapped to 5 minutes."""
        minutes = self.resized_minutes(dy)
        if self.movable and minutes != round(self.minutes):
            self.timeline.resize_requested.emit(
                self.view.id, self.view.start_utc + timedelta(minutes=minutes)
            )


@dataclass
class _Drag:
    block: Block
    mode: str  # "move" or "resize"
    pressed_y: float
    dy: float = 0.0

    def preview(self) -> tuple[QRectF, datetime, datetime]:
        """Where the block would go now, and its new start and end."""
        b, v = self.block, self.block.view
        rect = b.rect()
        if self.mode == "move":
            minutes = snap(self.dy / PX_PER_MIN)
            rect.translate(0, minutes * PX_PER_MIN)
            shift = timedelta(minutes=minutes)
            return rect, v.start_utc + shift, v.end_utc + shift
        minutes = b.resized_minutes(self.dy)
        rect.setHeight(max(minutes * PX_PER_MIN, MIN_HEIGHT))
        return rect, v.start_utc, v.start_utc + timedelta(minutes=minutes)


class DayCanvas(QGraphicsItem):
    """The whole day in one item: grid, hours, room titles and the blocks in the exposed area."""

    def __init__(self, timeline: TimelineView, width: float, height: float) -> None:
        super().__init__()
        self.timeline = timeline
        self.size = QRectF(0, 0, width, height)
        self.drag: _Drag | None = None
        self.hovered: Block | None = None
        self.setAcceptHoverEvents(True)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt
        return self.size

    # -- painting --------------------------------------------------------------------------

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: object = None
    ) -> None:
        tl = self.timeline
        exposed = option.exposedRect if not option.exposedRect.isEmpty() else self.size
        first, end_hour = tl._layout[1], tl._layout[2]
        grid = QPen(QColor(128, 128, 128, 70))
        text = tl.palette().color(QPalette.ColorRole.WindowText)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # crisp, cheap grid
        painter.setFont(tl._fonts["hour"])
        for hour in range(first, end_hour + 1):
            y = HEADER + (hour - first) * 60 * PX_PER_MIN
            if exposed.top() - 10 <= y <= exposed.bottom() + 10:
                painter.setPen(grid)
                left = max(GUTTER - 6, exposed.left())
                right = min(self.size.width() - 10, exposed.right())
                painter.drawLine(QPointF(left, y), QPointF(right, y))
                painter.setPen(text)
                painter.drawText(QRectF(4, y - 8, GUTTER - 10, 16), f"{hour:02d}:00")
        painter.setFont(tl._fonts["header"])
        for n, column in enumerate(tl._columns):
            x = GUTTER + n * COLUMN
            if x > exposed.right() or x + COLUMN < exposed.left():
                continue
            painter.setPen(grid)
            bottom = min(self.size.height() - 10, exposed.bottom())
            painter.drawLine(QPointF(x, max(0, exposed.top())), QPointF(x, bottom))
            if exposed.top() < HEADER:
                painter.setPen(text)
                box = QRectF(x + 4, 2, COLUMN - 8, HEADER - 4)
                painter.drawText(box, Qt.TextFlag.TextWordWrap, column.title)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        drag = self.drag
        for block in tl._blocks_in(exposed):
            if drag is not None and block is drag.block:
                ghost = QPen(QColor(128, 128, 128), 1, Qt.PenStyle.DashLine)
                painter.setPen(ghost)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(block.rect())
                continue
            self.paint_block(painter, block, block.rect(), block.lines())
        if drag is not None:
            rect, start, end = drag.preview()
            if rect.intersects(exposed):
                b, v = drag.block, drag.block.view
                lines = [t for t in (v.title_en, v.title_local, b.when(start, end)) if t]
                self.paint_block(painter, b, rect, lines)

    def paint_block(self, painter: QPainter, block: Block, rect: QRectF, lines: list[str]) -> None:
        tl, v = self.timeline, block.view
        cancelled = v.status == ItemStatus.CANCELLED
        colour = QColor(CANCELLED_COLOUR if cancelled else KIND_COLOURS.get(v.kind, "#6b7280"))
        fill = QColor(colour)
        fill.setAlpha(40 if cancelled else 60)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRect(rect)
        if v.status == ItemStatus.TENTATIVE:
            hatch = QColor(colour)
            hatch.setAlpha(110)  # light enough to read the text over it
            painter.setBrush(QBrush(hatch, Qt.BrushStyle.BDiagPattern))
            painter.drawRect(rect)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if block.isSelected():
            painter.setPen(QPen(tl.palette().color(QPalette.ColorRole.Highlight), 3.2))
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
        else:
            painter.setPen(QPen(colour, 1.4))
            painter.drawRect(rect)
        # The palette's text colour: readable on the tinted fill in light and dark themes.
        main = tl.palette().color(QPalette.ColorRole.Text)
        soft = QColor(main)
        soft.setAlphaF(0.68)
        painter.save()
        painter.setClipRect(rect)
        box = rect.adjusted(4, 2, -4, -2)
        y = box.top()
        for n, line in enumerate(lines):
            if y >= box.bottom():
                break
            last = n == len(lines) - 1
            font = tl._fonts["title" if n == 0 else "text"]
            if cancelled:
                font = tl._fonts["title-struck" if n == 0 else "text-struck"]
            painter.setFont(font)
            painter.setPen(soft if cancelled or last else main)
            metrics = tl._metrics[n == 0]
            if n == 0 and len(lines) > 1:  # the English title may wrap onto a second line
                flags = Qt.TextFlag.TextWordWrap
                height = metrics.boundingRect(QRectF(0, 0, box.width(), 1000), flags, line).height()
                height = min(height, 2 * metrics.height(), box.bottom() - y)
                height = max(height, metrics.height())
            else:
                flags = Qt.TextFlag.TextSingleLine
                line = metrics.elidedText(line, Qt.TextElideMode.ElideRight, box.width())
                height = metrics.height()
            painter.drawText(QRectF(box.left(), y, box.width(), height), flags, line)
            y += height
        painter.restore()

    # -- the mouse -------------------------------------------------------------------------

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt
        tl, pos = self.timeline, event.scenePos()
        block = tl.block_at(pos)
        if block is None:
            tl._set_selection([])
            event.accept()
            return
        item_id = block.view.id
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            ids = [i for i in tl._selected if i != item_id]
            tl._set_selection(ids if item_id in tl._selected else [*ids, item_id])
        elif item_id not in tl._selected or event.button() == Qt.MouseButton.LeftButton:
            tl._set_selection([item_id])
        if event.button() == Qt.MouseButton.LeftButton and block.movable:
            mode = "resize" if tl.on_bottom_edge(block, pos) else "move"
            self.drag = _Drag(block, mode, pos.y())
            self.setCursor(
                Qt.CursorShape.SizeVerCursor
                if mode == "resize"
                else Qt.CursorShape.ClosedHandCursor
            )
        event.accept()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        drag = self.drag
        if drag is None:
            return
        before = drag.preview()[0]
        drag.dy = event.scenePos().y() - drag.pressed_y
        after = drag.preview()[0]
        self.update(before.united(after).united(drag.block.rect()).adjusted(-3, -3, 3, 3))

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        drag, self.drag = self.drag, None
        if drag is None:
            return
        # The block goes back where it was: the window redraws it once the command has run.
        self.update(drag.preview()[0].united(drag.block.rect()).adjusted(-3, -3, 3, 3))
        self._hover(event.scenePos())
        if drag.mode == "move":
            drag.block.finish_drag(drag.dy)
        else:
            drag.block.finish_resize(drag.dy)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        block = self.timeline.block_at(event.scenePos())
        if block is not None:
            self.timeline.edit_requested.emit(block.view.id)
        else:
            self.timeline.request_new_item_at(event.scenePos())

    def hoverMoveEvent(self, event: QGraphicsSceneHoverEvent) -> None:  # noqa: N802
        self._hover(event.pos())

    def _hover(self, pos: QPointF) -> None:
        block = self.timeline.block_at(pos)
        if block is None:
            self.setCursor(Qt.CursorShape.ArrowCursor)
        elif not block.movable:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
        elif self.timeline.on_bottom_edge(block, pos):
            self.setCursor(Qt.CursorShape.SizeVerCursor)
        else:
            self.setCursor(Qt.CursorShape.OpenHandCursor)
        if block is not self.hovered:  # the tooltip may read the speakers: once per block
            self.hovered = block
            self.setToolTip(block.tooltip() if block is not None else "")

    def contextMenuEvent(self, event: QGraphicsSceneContextMenuEvent) -> None:  # noqa: N802
        block = self.timeline.block_at(event.scenePos())
        if block is None:
            return
        if block.view.id not in self.timeline._selected:
            self.timeline._set_selection([block.view.id])
        self.timeline.show_menu(block.view.id, event.screenPos())


class TimelineCanvas(QGraphicsView):
    """The view: passes the timeline's keys (Enter, Delete, Alt+arrows) to it first."""

    def __init__(self, scene: QGraphicsScene, timeline: TimelineView) -> None:
        super().__init__(scene)
        self.timeline = timeline

    def event(self, event: QEvent) -> bool:
        # A window shortcut on the same key must not take it while a block is selected here.
        if event.type() == QEvent.Type.ShortcutOverride and self.timeline._handles(event):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt
        if not self.timeline.key_pressed(event):
            super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            self.timeline.show_menu_for_current()
            return
        super().contextMenuEvent(event)


class TimelineView(QWidget):
    """A day selector over a QGraphicsView of the chosen day."""

    move_requested = Signal(int, datetime)  # item id, new start (UTC)
    resize_requested = Signal(int, datetime)  # item id, new end (UTC)
    edit_requested = Signal(int)
    status_requested = Signal(int, str)  # item id, an ItemStatus value
    delete_requested = Signal(int)
    # programme id, naive local start, venue id (or None), room name ("" for none)
    new_item_requested = Signal(int, datetime, object, str)

    def __init__(self, plan: PlanFile, tasks: TaskRunner) -> None:
        super().__init__()
        self.plan = plan
        self.day = QComboBox()
        self.day.setAccessibleName("Day")
        self.day.setToolTip("The programme and day to show")
        self.day.currentIndexChanged.connect(lambda *_: self.show_day())
        self.scene = QGraphicsScene(self)
        self.scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)  # a few items
        self.view = TimelineCanvas(self.scene, self)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setAccessibleName("Timeline")
        self.view.setAccessibleDescription(
            "One column per room, time running down. Up and Down select the previous or next "
            "item, Enter edits it, Delete deletes it, Alt+Up and Alt+Down move it 5 minutes, "
            "Shift+Alt+Up and Shift+Alt+Down shorten or lengthen it, the menu key shows "
            "more actions."
        )
        self.view.setToolTip(
            "Drag a block to move it, drag its bottom edge to change its length; "
            "right-click for more"
        )
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.view.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.view.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.days = DayCache(plan, tasks)
        self._read_ahead_timer = QTimer(self, singleShot=True, interval=READ_AHEAD_MS)
        self._read_ahead_timer.timeout.connect(self._read_neighbours)
        self.blocks: dict[int, Block] = {}  # the first occurrence of each item on the day
        self._all: list[Block] = []  # every occurrence, in time order
        self._by_column: list[tuple[list[float], list[Block], float]] = []
        self._columns: list[Column] = []
        self._selected: list[int] = []
        self._speakers: dict[int, tuple[str, ...]] = {}  # read for tooltips, per day drawn
        self._canvas: DayCanvas | None = None
        self._layout: tuple[date, int, int, dict] | None = None
        self._fonts = self._make_fonts()
        self._metrics = {
            False: QFontMetricsF(self._fonts["text"]),
            True: QFontMetricsF(self._fonts["title"]),
        }
        top = QHBoxLayout()
        label = QLabel("&Day:")
        label.setBuddy(self.day)
        top.addWidget(label)
        top.addWidget(self.day, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view)

    def _make_fonts(self) -> dict[str, QFont]:
        fonts = {}
        for name, bold, struck, size in (
            ("title", True, False, 8),
            ("text", False, False, 8),
            ("title-struck", True, True, 8),
            ("text-struck", False, True, 8),
            ("header", True, False, 9),
            ("hour", False, False, 8),
        ):
            font = QFont(self.font())
            font.setPointSizeF(size)
            font.setBold(bold)
            font.setStrikeOut(struck)
            fonts[name] = font
        return fonts

    # -- days ------------------------------------------------------------------------------

    def reload_days(self) -> None:
        """Fill the day selector with every day of every programme (the plan changed)."""
        self.days.clear(self.plan)
        current = self.day.currentData()
        self.day.blockSignals(True)
        self.day.clear()
        with self.plan.reading() as session:
            for prog in programmes.list_programmes(session):
                for day in itinerary.programme_days(session, prog.id):
                    self.day.addItem(
                        f"{prog.title_en} — {day:%a %d %b %Y}", f"{prog.id}|{day.isoformat()}"
                    )
        self.day.blockSignals(False)
        index = self.day.findData(current) if current else 0
        self.day.setCurrentIndex(max(index, 0))
        self.show_day()

    def key_at(self, n: int) -> Key | None:
        """The programme and day of entry `n` of the day selector."""
        data = self.day.itemData(n) if 0 <= n < self.day.count() else None
        if not data:
            return None
        prog_text, day_text = data.split("|")
        return int(prog_text), date.fromisoformat(day_text)

    def shown_key(self) -> Key | None:
        """The programme and day shown, if any."""
        return self.key_at(self.day.currentIndex())

    def select_day(self, programme_id: int, day: date) -> None:
        self.day.setCurrentIndex(max(0, self.day.findData(f"{programme_id}|{day.isoformat()}")))

    def _clear(self) -> None:
        self._canvas = None
        self._speakers.clear()
        self.scene.clear()
        self.blocks, self._all, self._by_column, self._columns = {}, [], [], []
        self._layout = None

    def show_day(self) -> None:
        """Draw the chosen day: a column per room (or venue), blocks at their local times."""
        self._clear()
        shown = self.shown_key()
        if shown is None:
            self.scene.addText("This plan has no programme yet.")
            self.scene.setSceneRect(self.scene.itemsBoundingRect())
            return
        day = shown[1]
        views = self.days.get(shown)
        # Read ahead once this day is painted and the user pauses on it, not while drawing.
        self._read_ahead_timer.start()
        if not views:
            self.scene.addText("Nothing is scheduled on this day.")
            self.scene.setSceneRect(self.scene.itemsBoundingRect())
            return
        # One zone lookup per zone, and one column lookup per room, not per item.
        clocks = {name: _day_clock(day, name) for name in {v.timezone for v in views}}
        columns: dict[tuple[int | None, str], Column] = {}
        keys, starts = [], []
        last = 0
        for v in views:
            key = (v.venue.id, v.room) if v.venue is not None else (None, "")
            if key not in columns:
                columns[key] = self._column(v)
            keys.append(key)
            clock = clocks[v.timezone]
            starts.append(clock(v.start_utc))
            last = max(last, clock(v.end_utc))
        self._columns = sorted(columns.values(), key=lambda c: c.title)
        index = {c.key: n for n, c in enumerate(self._columns)}
        first = min(starts) // 60
        end_hour = max(first + 1, min(24, ceil(last / 60)))
        self._layout = (day, first, end_hour, index)
        for v, key, start in zip(views, keys, starts, strict=True):
            self._all.append(self._block(v, index[key], start))
        self._index_blocks()
        height = HEADER + (end_hour - first) * 60 * PX_PER_MIN + 10
        width = GUTTER + COLUMN * len(self._columns) + 10
        self._canvas = DayCanvas(self, width, height)
        self.scene.addItem(self._canvas)
        self.scene.setSceneRect(0, 0, width, height)

    def request_new_item_at(self, pos: QPointF) -> bool:
        """Double-click on empty space: ask for a new item there (room and time, 15-min grid)."""
        if self._layout is None or pos.y() < HEADER or pos.x() < GUTTER:
            return False
        n = int((pos.x() - GUTTER) // COLUMN)
        if not 0 <= n < len(self._columns):
            return False
        day, first, _, _ = self._layout
        minutes = first * 60 + (pos.y() - HEADER) / PX_PER_MIN
        minutes = int(minutes // 15 * 15)
        start = datetime.combine(day, datetime.min.time()) + timedelta(minutes=minutes)
        venue_id, room = self._columns[n].key
        programme_id = self.shown_key()[0]
        self.new_item_requested.emit(programme_id, start, venue_id, room)
        return True

    def _block(self, v: ItemView, column: int, start_minutes: int) -> Block:
        first = self._layout[1]
        y = HEADER + (start_minutes - first * 60) * PX_PER_MIN
        return Block(self, v, GUTTER + column * COLUMN + 3, y, column)

    def _index_blocks(self) -> None:
        """Per column: blocks by top edge (and the tallest), to find them by position."""
        per_column: list[list[Block]] = [[] for _ in self._columns]
        for block in self._all:
            per_column[block.column].append(block)
        self._by_column = []
        for blocks in per_column:
            blocks.sort(key=lambda b: b.y)  # stable: time order among equal tops
            tallest = max((b.height for b in blocks), default=0.0)
            self._by_column.append(([b.y for b in blocks], blocks, tallest))
        self.blocks = {}
        for block in self._all:
            self.blocks.setdefault(block.view.id, block)

    def _blocks_in(self, rect: QRectF) -> Iterator[Block]:
        """The blocks intersecting `rect`, in painting order (later ones on top)."""
        if not self._by_column:
            return
        low = max(0, int((rect.left() - GUTTER) // COLUMN))
        high = min(len(self._by_column) - 1, int((rect.right() - GUTTER) // COLUMN))
        for n in range(low, high + 1):
            tops, blocks, tallest = self._by_column[n]
            for i in range(bisect_left(tops, rect.top() - tallest), len(blocks)):
                block = blocks[i]
                if block.y > rect.bottom():
                    break
                if block.y + block.height >= rect.top():
                    yield block

    def block_at(self, pos: QPointF) -> Block | None:
        """The topmost block at a scene position."""
        found = None
        for block in self._blocks_in(QRectF(pos.x(), pos.y(), 0.01, 0.01)):
            if block.rect().contains(pos):
                found = block
        return found

    @staticmethod
    def on_bottom_edge(block: Block, pos: QPointF) -> bool:
        return block.movable and pos.y() >= block.y + block.height - EDGE

    def shut_down(self) -> None:
        """Before the window closes (or the file does): no more reading ahead."""
        self._read_ahead_timer.stop()
        self.days.stop()

    def _read_neighbours(self) -> None:
        """Read the days around the one shown, nearest first, on a thread, while it is looked at."""
        current = self.day.currentIndex()
        around = [current + sign * n for n in range(1, READ_AROUND + 1) for sign in (1, -1)]
        keys = [self.key_at(n) for n in around]
        self.days.read_ahead([key for key in keys if key is not None])

    def refresh_items(self, item_ids: list[int]) -> None:
        """After items changed: forget the days read that held them or now do, and redraw the
        day shown only if it is one of those (a single item staying on it just moves)."""
        with self.plan.reading() as session:
            views = itinerary.items_occurrences(session, item_ids)  # none for a deleted one
        now_on = {(v.programme_id, _local_day(v)) for v in views}
        self.days.forget(set(item_ids), now_on)
        self._read_ahead_timer.start()  # the days around again, if they were dropped
        if self.shown_key() not in now_on and not any(i in self.blocks for i in item_ids):
            return  # neither on the day shown before nor now
        if len(item_ids) == 1 and self._move_block(views):
            return
        self._redraw_keeping_selection()

    def _move_block(self, views: list[ItemView]) -> bool:
        """Move one one-off item's block within the drawn day; False if it does not fit there."""
        if self._layout is None or len(views) != 1 or views[0].recurrence:
            return False
        view = views[0]
        if view.id not in self.blocks or self.shown_key() != (view.programme_id, self._layout[0]):
            return False
        day, first, end_hour, index = self._layout
        tz = zone(view.timezone)
        start, end = _local_minutes(view.start_utc, tz, day), _local_minutes(view.end_utc, tz, day)
        key = self._column(view).key
        if key not in index or not (first * 60 <= start < 1440 and end <= end_hour * 60):
            return False
        block = self._block(view, index[key], start)
        self._all = [block if b.view.id == view.id else b for b in self._all]
        self._all.sort(key=lambda b: (b.view.start_utc, b.view.end_utc, b.view.id))
        self._index_blocks()
        if self._canvas is not None:
            self._canvas.update()
        return True

    def _redraw_keeping_selection(self) -> None:
        selected = list(self._selected)
        self.show_day()
        self._set_selection(selected)

    def speakers_of(self, view: ItemView) -> tuple[str, ...]:
        """An item's speakers: a day is read without them, so they are read when asked for."""
        if view.speakers:
            return view.speakers
        if view.id not in self._speakers:
            try:
                with self.plan.reading() as session:
                    self._speakers[view.id] = itinerary.item_speakers(session, view.id)
            except NotFoundError:
                return ()
        return self._speakers[view.id]

    @staticmethod
    def _column(view: ItemView) -> Column:
        if view.venue is None:
            return Column((None, ""), "No venue")
        return Column((view.venue.id, view.room), view.room or view.venue.name_en)

    # -- selection -------------------------------------------------------------------------

    def selected_ids(self) -> list[int]:
        """The selected items, the most recently selected last."""
        return list(self._selected)

    def current_block(self) -> Block | None:
        """The block the keyboard acts on: the last one selected."""
        return self.blocks.get(self._selected[-1]) if self._selected else None

    def _set_selection(self, item_ids: list[int]) -> None:
        wanted = [i for i in dict.fromkeys(item_ids) if i in self.blocks]
        if wanted != self._selected:
            self._selected = wanted
            if self._canvas is not None:
                self._canvas.update()

    def select_items(self, item_ids: list[int]) -> None:
        """Select these items' blocks and scroll the first into view.

        When none of them is on the day shown, the day of the first one is shown first.
        """
        item_ids = list(item_ids)
        if item_ids and not any(i in self.blocks for i in item_ids):
            try:
                with self.plan.reading() as session:
                    views = itinerary.item_occurrences(session, item_ids[0])
            except NotFoundError:
                views = []
            if views:
                v = views[0]
                self.select_day(v.programme_id, _local_day(v))
        self._set_selection(item_ids)
        if self._selected:
            self.view.ensureVisible(self.blocks[self._selected[0]].rect(), 40, 40)

    # -- actions ---------------------------------------------------------------------------

    def _move(self, item_id: int, delta: timedelta) -> None:
        block = self.blocks.get(item_id)
        if block is not None and block.movable:
            self.move_requested.emit(item_id, block.view.start_utc + delta)

    def _resize(self, item_id: int, delta: timedelta) -> None:
        block = self.blocks.get(item_id)
        if block is None or not block.movable:
            return
        end = max(block.view.end_utc + delta, block.view.start_utc + KEY_STEP)
        if end != block.view.end_utc:
            self.resize_requested.emit(item_id, end)

    def context_menu_for(self, item_id: int) -> QMenu:
        """The block's right-click menu (shown by the caller with exec or popup)."""
        block = self.blocks[item_id]
        v = block.view
        menu = QMenu(self)
        menu.setToolTipsVisible(True)
        menu.setAccessibleName(f"Actions for {v.title_en}")

        def add(text: str, tip: str, slot: object, enabled: bool = True) -> QAction:
            action = menu.addAction(text)
            action.setToolTip(tip)
            action.setStatusTip(tip)
            action.setEnabled(enabled)
            action.triggered.connect(lambda *_: slot())
            return action

        add("Edit…", "Open this item in the editor (Enter)", lambda: self.edit_requested.emit(v.id))
        menu.addSeparator()
        fixed = "" if block.movable else " (a repeating item: change its times in the editor)"
        add(
            "Move 15 min earlier",
            "Start and end 15 minutes earlier" + fixed,
            lambda: self._move(v.id, -MENU_STEP),
            block.movable,
        )
        add(
            "Move 15 min later",
            "Start and end 15 minutes later" + fixed,
            lambda: self._move(v.id, MENU_STEP),
            block.movable,
        )
        menu.addSeparator()
        for status in (ItemStatus.TENTATIVE, ItemStatus.CONFIRMED, ItemStatus.CANCELLED):
            action = add(
                f"Mark as {status.value}",
                STATUS_TIPS[status],
                lambda s=status: self.status_requested.emit(v.id, s.value),
                v.status != status,
            )
            action.setCheckable(True)
            action.setChecked(v.status == status)
        menu.addSeparator()
        series = " (every occurrence of this repeating item)" if not block.movable else ""
        add(
            "Delete",
            "Delete this item (Delete key)" + series,
            lambda: self.delete_requested.emit(v.id),
        )
        return menu

    def show_menu(self, item_id: int, screen_pos: QPoint) -> None:
        menu = self.context_menu_for(item_id)
        menu.exec(screen_pos)
        menu.deleteLater()

    def show_menu_for_current(self) -> None:
        block = self.current_block()
        if block is not None:
            corner = self.view.mapFromScene(block.rect().topLeft()) + QPoint(12, 12)
            self.show_menu(block.view.id, self.view.viewport().mapToGlobal(corner))

    # -- the keyboard ----------------------------------------------------------------------

    def _handles(self, event: QKeyEvent) -> bool:
        """Whether a key is the timeline's own while a block is selected."""
        if self.current_block() is None:
            return False
        key, mods = event.key(), event.modifiers()
        alt = Qt.KeyboardModifier.AltModifier
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Delete):
            return not (mods & ~Qt.KeyboardModifier.KeypadModifier)
        return key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and bool(mods & alt)

    def key_pressed(self, event: QKeyEvent) -> bool:
        """Act on a key pressed in the view; False when it is not the timeline's."""
        key, mods = event.key(), event.modifiers()
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and mods == Qt.KeyboardModifier.NoModifier:
            return self._step_selection(-1 if key == Qt.Key.Key_Up else 1)
        if key == Qt.Key.Key_Escape and self._selected:
            self._set_selection([])
            return True
        if not self._handles(event):
            return False
        item_id = self.current_block().view.id
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.edit_requested.emit(item_id)
        elif key == Qt.Key.Key_Delete:
            self.delete_requested.emit(item_id)
        else:
            step = -KEY_STEP if key == Qt.Key.Key_Up else KEY_STEP
            if mods & Qt.KeyboardModifier.ShiftModifier:
                self._resize(item_id, step)
            else:
                self._move(item_id, step)
        return True

    def _step_selection(self, direction: int) -> bool:
        """Select the previous or next block in time order (the first one if none is)."""
        order = list(self.blocks.values())
        if not order:
            return False
        current = self.current_block()
        n = order.index(current) + direction if current is not None else 0
        if not 0 <= n < len(order):
            return True
        self.select_items([order[n].view.id])
        return True

"""The timeline: one day of a programme, one column per room, time running down.

Blocks are coloured by kind, tentative ones hatched, cancelled ones greyed. Dragging a block
moves its item (snapped to 5 minutes); the window turns that into an undoable command.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from tourplanner.db import PlanFile
from tourplanner.errors import NotFoundError
from tourplanner.services import itinerary, programmes
from tourplanner.services.views import ItemView
from tourplanner.timezones import abbreviation, to_local

PX_PER_MIN = 1.3
COLUMN = 190.0
GUTTER = 56.0
HEADER = 34.0
SNAP_MIN = 5
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


@dataclass(frozen=True)
class Column:
    key: tuple[int | None, str]
    title: str


def snap(minutes: float) -> int:
    """Minutes rounded to the 5-minute grid."""
    return int(round(minutes / SNAP_MIN) * SNAP_MIN)


class Block(QGraphicsRectItem):
    """One item occurrence; vertical drags become a move request when released."""

    def __init__(self, timeline: TimelineView, view: ItemView, rect: QRectF) -> None:
        super().__init__(rect)
        self.timeline, self.view = timeline, view
        colour = QColor(
            "#9ca3af" if view.status == "cancelled" else KIND_COLOURS.get(view.kind, "#6b7280")
        )
        fill = QColor(colour)
        fill.setAlpha(60)
        self.setBrush(QBrush(fill))
        self.setPen(QPen(colour, 1.4))
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, view.recurrence == "")
        self.setToolTip(f"{view.title_en}\n{view.title_local}".strip())
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        if view.status == "tentative":
            # Children are kept as attributes: PySide drops a child item whose wrapper dies.
            self.hatch = QGraphicsRectItem(rect, self)
            self.hatch.setBrush(QBrush(colour, Qt.BrushStyle.BDiagPattern))
            self.hatch.setPen(Qt.PenStyle.NoPen)
        start, end = to_local(view.start_utc, view.timezone), to_local(view.end_utc, view.timezone)
        when = f"{start:%H:%M}–{end:%H:%M} {abbreviation(view.start_utc, view.timezone)}"
        # The text is painted, not held in child text items: a busy day has thousands of blocks.
        self.lines = [line for line in (view.title_en, view.title_local, when) if line]
        self.cancelled = view.status == "cancelled"
        self._pressed_at: QPointF | None = None

    def label(self) -> str:
        """The block's text, as painted."""
        return "\n".join(self.lines)

    def paint(self, painter: QPainter, option: object, widget: object = None) -> None:
        super().paint(painter, option, widget)
        box = self.rect().adjusted(4, 2, -4, -2)
        fonts = [QFont(painter.font()), QFont(painter.font()), QFont(painter.font())]
        for n, font in enumerate(fonts):
            font.setPointSizeF(8)
            font.setBold(n == 0)
            font.setStrikeOut(self.cancelled)
        painter.setClipRect(self.rect())
        y = box.top()
        for n, text in enumerate(self.lines):
            painter.setFont(fonts[min(n, 2)])
            painter.setPen(QColor("#555555") if n == len(self.lines) - 1 else QColor("#111111"))
            height = painter.fontMetrics().height()
            flags = Qt.TextFlag.TextWordWrap if n == 0 else Qt.TextFlag.TextSingleLine
            used = painter.boundingRect(
                QRectF(box.left(), y, box.width(), box.bottom() - y), flags, text
            )
            painter.drawText(
                QRectF(box.left(), y, box.width(), max(height, used.height())), flags, text
            )
            y += max(height, used.height())
            if y > box.bottom():
                break

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt
        self._pressed_at = self.pos()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        super().mouseMoveEvent(event)
        self.setPos(0, self.pos().y())  # time runs down: only vertical moves make sense

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        if self._pressed_at is not None:
            self.finish_drag(self.pos().y() - self._pressed_at.y())
        self._pressed_at = None

    def finish_drag(self, dy: float) -> None:
        """Turn a vertical drag of `dy` pixels into a move, snapped to 5 minutes."""
        minutes = snap(dy / PX_PER_MIN)
        self.setPos(0, 0)
        if minutes:
            self.timeline.move_requested.emit(
                self.view.id, self.view.start_utc + timedelta(minutes=minutes)
            )

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        self.timeline.edit_requested.emit(self.view.id)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class TimelineView(QWidget):
    """A day selector over a QGraphicsView of the chosen day."""

    move_requested = Signal(int, datetime)
    edit_requested = Signal(int)

    def __init__(self, plan: PlanFile) -> None:
        super().__init__()
        self.plan = plan
        self.day = QComboBox()
        self.day.setAccessibleName("Day")
        self.day.setToolTip("The programme and day to show")
        self.day.currentIndexChanged.connect(lambda *_: self.show_day())
        self.scene = QGraphicsScene(self)
        self.view = QGraphicsView(self.scene)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setAccessibleName("Timeline")
        self.view.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.blocks: dict[int, Block] = {}
        self._layout: tuple[date, int, int, dict] | None = None
        top = QHBoxLayout()
        top.addWidget(QLabel("Day:"))
        top.addWidget(self.day, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view)

    def reload_days(self) -> None:
        """Fill the day selector with every day of every programme."""
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

    def select_day(self, programme_id: int, day: date) -> None:
        self.day.setCurrentIndex(max(0, self.day.findData(f"{programme_id}|{day.isoformat()}")))

    def show_day(self) -> None:
        """Draw the chosen day: a column per room (or venue), blocks at their local times."""
        self.scene.clear()
        self.blocks = {}
        self._layout = None
        data = self.day.currentData()
        if not data:
            self.scene.addText("This plan has no programme yet.")
            return
        prog_text, day_text = data.split("|")
        prog_id, day = int(prog_text), date.fromisoformat(day_text)
        with self.plan.reading() as session:
            views = itinerary.programme_day(session, prog_id, day)
        if not views:
            self.scene.addText("Nothing is scheduled on this day.")
            return
        columns = sorted({self._column(v) for v in views}, key=lambda c: c.title)
        index = {c.key: n for n, c in enumerate(columns)}
        first = min(to_local(v.start_utc, v.timezone).hour for v in views)
        last = max(to_local(v.end_utc, v.timezone) for v in views)
        end_hour = min(24, last.hour + (1 if last.minute else 0))
        height = HEADER + (end_hour - first) * 60 * PX_PER_MIN
        width = GUTTER + COLUMN * len(columns)
        grid = QPen(QColor(128, 128, 128, 70))
        for hour in range(first, end_hour + 1):
            y = HEADER + (hour - first) * 60 * PX_PER_MIN
            self.scene.addLine(GUTTER - 6, y, width, y, grid)
            label = QGraphicsSimpleTextItem(f"{hour:02d}:00")
            label.setPos(4, y - 7)
            self.scene.addItem(label)
        for n, column in enumerate(columns):
            x = GUTTER + n * COLUMN
            self.scene.addLine(x, 0, x, height, grid)
            title = QGraphicsTextItem()
            title.setTextWidth(COLUMN - 6)
            title.setHtml(f"<b>{_html(column.title)}</b>")
            title.setPos(x + 2, 0)
            self.scene.addItem(title)
        self._layout = (day, first, end_hour, index)
        for v in views:
            self._place(v)
        self.scene.setSceneRect(0, 0, width + 10, height + 10)

    def _place(self, v: ItemView) -> None:
        _, first, _, index = self._layout
        start = to_local(v.start_utc, v.timezone)
        minutes = (start.hour - first) * 60 + start.minute
        length = (v.end_utc - v.start_utc).total_seconds() / 60
        x = GUTTER + index[self._column(v).key] * COLUMN + 3
        rect = QRectF(x, HEADER + minutes * PX_PER_MIN, COLUMN - 6, max(length * PX_PER_MIN, 14))
        block = Block(self, v, rect)
        self.scene.addItem(block)
        self.blocks.setdefault(v.id, block)

    def refresh_item(self, item_id: int) -> None:
        """After one item changed: move just its block when it stays within the drawn day."""
        old = self.blocks.get(item_id)
        try:
            with self.plan.reading() as session:
                views = itinerary.item_occurrences(session, item_id)
        except NotFoundError:  # deleted (an undone addition): redraw without it
            views = []
        if old is None or self._layout is None or len(views) != 1 or views[0].recurrence:
            self.show_day()
            return
        day, first, end_hour, index = self._layout
        view = views[0]
        start, end = to_local(view.start_utc, view.timezone), to_local(view.end_utc, view.timezone)
        fits = (
            start.date() == day
            and self._column(view).key in index
            and start.hour >= first
            and (end.date() == day and (end.hour, end.minute) <= (end_hour, 0))
        )
        if not fits:
            self.show_day()
            return
        self.scene.removeItem(old)
        del self.blocks[item_id]
        self._place(view)

    @staticmethod
    def _column(view: ItemView) -> Column:
        if view.venue is None:
            return Column((None, ""), "No venue")
        return Column((view.venue.id, view.room), view.room or view.venue.name_en)

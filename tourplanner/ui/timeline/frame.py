"""The frozen frame of the day: room titles along the top and hours down the left.

As in calendar apps, the two are widgets of their own laid over the edges of the scrolling
view and painted from the scroll position: scrolling down keeps the rooms in sight, scrolling
right keeps the hours. They are children of the view itself, not of its viewport (which
scrolls its children with it), and paint only text and a background: the day's grid lines and
blocks stay on the canvas underneath.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QHelpEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QGraphicsView, QToolTip, QWidget

from tourplanner.timezones import abbreviation, local_day_bounds
from tourplanner.ui.timeline.geometry import GUTTER, HEADER
from tourplanner.ui.timeline.layout import Column, DayLayout
from tourplanner.ui.timeline.style import Style


class _Edge(QWidget):
    """What both edges share: the view they follow and the day they label."""

    def __init__(self, view: QGraphicsView, style: Style) -> None:
        super().__init__(view)
        self.view, self.text_style = view, style
        self.day: DayLayout | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.hide()

    def set_day(self, layout: DayLayout | None) -> None:
        """Label this day (None: hide)."""
        self.day = layout
        self.setVisible(layout is not None)
        self.update()

    def _begin(self) -> tuple[QPainter, QColor]:
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Window))
        return painter, palette.color(QPalette.ColorRole.WindowText)


class RoomHeader(_Edge):
    """The room titles over their columns, at the top of the view whatever its scroll."""

    def __init__(self, view: QGraphicsView, style: Style) -> None:
        super().__init__(view, style)
        self.setAccessibleName(self.tr("Rooms"))

    def column_left(self, column: Column) -> float:
        """Where a column starts in this widget (the view's horizontal scroll applied)."""
        return self.view.mapFromScene(QPointF(column.x, 0)).x()

    def visible_titles(self) -> list[str]:
        """The titles of the columns at least partly in sight, left to right."""
        if self.day is None:
            return []
        return [
            c.title
            for c in self.day.columns
            if self.column_left(c) + c.width > GUTTER and self.column_left(c) < self.width()
        ]

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt
        painter, text = self._begin()
        day = self.day
        if day is None:
            painter.end()
            return
        grid = QPen(QColor(128, 128, 128, 110))
        painter.setFont(self.text_style.fonts["header"])
        painter.setClipRect(QRectF(GUTTER, 0, self.width() - GUTTER, HEADER))
        for column in day.columns:
            left = self.column_left(column)
            if left > self.width() or left + column.width < GUTTER:
                continue
            painter.setPen(grid)
            painter.drawLine(QPointF(left, 0), QPointF(left, HEADER))
            painter.setPen(text)
            box = QRectF(left + 4, 1, column.width - 8, HEADER - 2)
            flags = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignVCenter
            painter.drawText(box, flags, column.title)
        painter.setClipping(False)
        painter.setPen(text)
        painter.setFont(self.text_style.fonts["hour"])
        painter.drawText(
            QRectF(4, 0, GUTTER - 8, HEADER), Qt.AlignmentFlag.AlignVCenter, zones_text(day)
        )
        painter.setPen(grid)
        painter.drawLine(QPointF(0, HEADER - 1), QPointF(self.width(), HEADER - 1))
        painter.end()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            column = self.column_at(event.pos().x())
            tip = zones_text(self.day) if self.day is not None and column is None else ""
            if column is not None:
                tip = " — ".join(p for p in (column.title, column.venue) if p)
                if column.venue and column.venue in column.title:
                    tip = column.title
            QToolTip.showText(event.globalPos(), tip or "", self)
            return True
        return super().event(event)

    def column_at(self, x: float) -> Column | None:
        """The column under a position of this widget."""
        if self.day is None or x < GUTTER:
            return None
        return next(
            (
                c
                for c in self.day.columns
                if self.column_left(c) <= x < self.column_left(c) + c.width
            ),
            None,
        )


class HourAxis(_Edge):
    """The hours beside the day, at the left of the view whatever its scroll."""

    def __init__(self, view: QGraphicsView, style: Style) -> None:
        super().__init__(view, style)
        self.setAccessibleName(self.tr("Hours"))

    def hour_top(self, y: float) -> float:
        """Where a scene height falls in this widget (which starts below the room titles)."""
        return self.view.mapFromScene(QPointF(0, y)).y() - HEADER

    def visible_hours(self) -> list[int]:
        """The hours whose labels are in sight, top to bottom."""
        if self.day is None:
            return []
        return [h for h, y in self.day.hours if 0 <= self.hour_top(y) <= self.height()]

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt
        painter, text = self._begin()
        day = self.day
        if day is None:
            painter.end()
            return
        painter.setFont(self.text_style.fonts["hour"])
        painter.setPen(text)
        for hour, y in day.hours:
            top = self.hour_top(y)
            if -10 <= top <= self.height() + 10:
                painter.drawText(QRectF(4, top - 8, GUTTER - 10, 16), f"{hour:02d}:00")
        painter.setPen(QPen(QColor(128, 128, 128, 110)))
        painter.drawLine(QPointF(GUTTER - 1, 0), QPointF(GUTTER - 1, self.height()))
        painter.end()


def zones_text(day: DayLayout) -> str:
    """The zones the day's times are in ('CST'), as of its noon."""
    noon = timedelta(hours=12)
    return " / ".join(
        abbreviation(local_day_bounds(day.day, name)[0] + noon, name) for name in day.zones
    )

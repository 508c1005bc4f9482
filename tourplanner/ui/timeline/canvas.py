"""The day painted: one graphics item for the grid lines and the blocks in view.

A busy day has thousands of blocks, so they are not graphics items: the canvas paints those of
its `DayLayout` that intersect the exposed area. It paints only what it is given (the layout,
the selected ids, the drag under way) and hands the mouse to its `Pointer`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneContextMenuEvent,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from tourplanner.enums import ItemStatus
from tourplanner.ui.timeline.block import Block
from tourplanner.ui.timeline.geometry import GUTTER, HEADER
from tourplanner.ui.timeline.layout import DayLayout
from tourplanner.ui.timeline.style import CLASH_COLOUR, CLASH_WIDTH, Style, colour_of

if TYPE_CHECKING:
    from tourplanner.ui.timeline.pointer import Pointer


GRID = QColor(128, 128, 128, 70)  # the hour and room lines: a faint grey over the background


def grid_colour(palette: QPalette) -> QColor:
    """The grid's grey laid over the view's background once, as an opaque colour.

    The raster engine draws a translucent line pixel by pixel, blending each: the twenty-odd
    lines across the view took 3-4 ms of every paint, the same lines opaque 0.5 ms. The blocks
    over them are tinted as before (their fill blends over the same colour).
    """
    base, a = palette.color(QPalette.ColorRole.Base), GRID.alphaF()
    return QColor.fromRgbF(
        GRID.redF() * a + base.redF() * (1 - a),
        GRID.greenF() * a + base.greenF() * (1 - a),
        GRID.blueF() * a + base.blueF() * (1 - a),
    )


class DayCanvas(QGraphicsItem):
    """The whole day in one item, painted from its layout."""

    def __init__(
        self, layout: DayLayout, *, style: Style, palette_of: QWidget, pointer: Pointer
    ) -> None:
        super().__init__()
        self.layout, self.style, self.pointer = layout, style, pointer
        self.palette_of = palette_of  # whose palette the text and selection colours follow
        self.selected: frozenset[int] = frozenset()
        self.size = QRectF(0, 0, layout.width, layout.height)
        self.setAcceptHoverEvents(True)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt
        return self.size

    # -- painting --------------------------------------------------------------------------

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: object = None
    ) -> None:
        exposed = option.exposedRect if not option.exposedRect.isEmpty() else self.size
        self.paint_grid(painter, exposed)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        drag = self.pointer.drag
        for block in self.layout.blocks_in(exposed):
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
                self.paint_block(painter, drag.block, rect, drag.block.lines(start, end))

    def paint_grid(self, painter: QPainter, exposed: QRectF) -> None:
        """Hour and column lines, where exposed (the frozen frame labels them: `frame`)."""
        layout = self.layout
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # crisp, cheap grid
        painter.setPen(QPen(grid_colour(self.palette_of.palette())))
        lines = []
        for _hour, y in layout.hours:
            if exposed.top() - 10 <= y <= exposed.bottom() + 10:
                left = max(GUTTER - 6, exposed.left())
                right = min(self.size.width() - 10, exposed.right())
                lines.append(QLineF(left, y, right, y))
        for column in layout.columns:
            x, width = column.x, column.width
            if x > exposed.right() or x + width < exposed.left():
                continue
            bottom = min(self.size.height() - 10, exposed.bottom())
            lines.append(QLineF(x, max(HEADER, exposed.top()), x, bottom))
        painter.drawLines(lines)

    def paint_block(self, painter: QPainter, block: Block, rect: QRectF, lines: list[str]) -> None:
        """One block in `rect`: tinted by kind, hatched if tentative, greyed if cancelled."""
        v, palette = block.view, self.palette_of.palette()
        cancelled = v.status == ItemStatus.CANCELLED
        colour = colour_of(v)
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
        if v.id in self.selected:
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 3.2))
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
            if block.clash:  # still says it clashes while selected
                painter.setPen(QPen(QColor(CLASH_COLOUR), 1.4, Qt.PenStyle.DashLine))
                painter.drawRect(rect.adjusted(3, 3, -3, -3))
        elif block.clash:
            painter.setPen(QPen(QColor(CLASH_COLOUR), CLASH_WIDTH))
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
        else:
            painter.setPen(QPen(colour, 1.4))
            painter.drawRect(rect)
        # The palette's text colour: readable on the tinted fill in light and dark themes.
        main = palette.color(QPalette.ColorRole.Text)
        soft = QColor(main)
        soft.setAlphaF(0.68)
        painter.save()
        painter.setClipRect(rect)
        self.paint_lines(painter, rect.adjusted(4, 2, -4, -2), lines, cancelled, main, soft)
        painter.restore()

    def paint_lines(
        self,
        painter: QPainter,
        box: QRectF,
        lines: list[str],
        cancelled: bool,
        main: QColor,
        soft: QColor,
    ) -> None:
        """A block's lines of text, from the top of `box` down as far as they fit."""
        fonts, y = self.style.fonts, box.top()
        for n, line in enumerate(lines):
            if y >= box.bottom() or (n > 0 and y + self.style.text_metrics.height() > box.bottom()):
                break  # a line that would be cut is left to the tooltip (a short block's time)
            last = n == len(lines) - 1
            font = fonts["title" if n == 0 else "text"]
            if cancelled:
                font = fonts["title-struck" if n == 0 else "text-struck"]
            painter.setFont(font)
            painter.setPen(soft if cancelled or last else main)
            metrics = self.style.title_metrics if n == 0 else self.style.text_metrics
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

    # -- the mouse, handed to the pointer --------------------------------------------------

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt
        self.pointer.press(event.scenePos(), event.button(), event.modifiers())
        event.accept()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        self.pointer.drag_to(event.scenePos())

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        self.pointer.release(event.scenePos())

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        self.pointer.double_click(event.scenePos())

    def hoverMoveEvent(self, event: QGraphicsSceneHoverEvent) -> None:  # noqa: N802
        self.pointer.hover(event.pos())

    def contextMenuEvent(self, event: QGraphicsSceneContextMenuEvent) -> None:  # noqa: N802
        self.pointer.context_menu(event.scenePos(), event.screenPos())

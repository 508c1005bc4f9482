"""The mouse on a day: click to select, drag to move or resize, point for a tooltip.

One `Pointer` serves one `DayCanvas` (a new day gets both afresh). It acts through the
timeline's public methods and signals, and keeps the one drag under way for the canvas to paint.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt

from tourplanner.ui.timeline.block import Block
from tourplanner.ui.timeline.drag import Drag, Mode

if TYPE_CHECKING:
    from tourplanner.ui.timeline.canvas import DayCanvas
    from tourplanner.ui.timeline.view import TimelineView


class Pointer:
    """What the mouse does on the day shown, and the cursor and tooltip it gets."""

    def __init__(self, timeline: TimelineView) -> None:
        self.timeline = timeline
        self.canvas: DayCanvas | None = None  # set once the canvas is made
        self.drag: Drag | None = None
        self.hovered: Block | None = None

    def press(self, pos: QPointF, button: Qt.MouseButton, modifiers: Qt.KeyboardModifier) -> None:
        """Select the block pressed (Ctrl toggles it); a left press on a one-off one grabs it."""
        tl = self.timeline
        block = tl.block_at(pos)
        if block is None:
            tl.set_selection([])
            return
        item_id, selected = block.view.id, tl.selected_ids()
        if modifiers & Qt.KeyboardModifier.ControlModifier:
            ids = [i for i in selected if i != item_id]
            tl.set_selection(ids if item_id in selected else [*ids, item_id])
        elif item_id not in selected or button == Qt.MouseButton.LeftButton:
            tl.set_selection([item_id])
        layout = tl.day_layout
        if button == Qt.MouseButton.LeftButton and block.movable and layout is not None:
            mode: Mode = "resize" if tl.on_bottom_edge(block, pos) else "move"
            self.drag = Drag(block, mode, pos.y(), layout.px_per_min)
            self._set_cursor(
                Qt.CursorShape.SizeVerCursor
                if mode == "resize"
                else Qt.CursorShape.ClosedHandCursor
            )

    def drag_to(self, pos: QPointF) -> None:
        """Follow the mouse with the grabbed block's preview."""
        drag = self.drag
        if drag is None:
            return
        before = drag.damage()
        drag.dy = pos.y() - drag.pressed_y
        self._update(before.united(drag.damage()))

    def release(self, pos: QPointF) -> None:
        """End a drag: ask for the move or the new length (snapped), if any."""
        drag, self.drag = self.drag, None
        if drag is None:
            return
        # The block goes back where it was: the window redraws it once the command has run.
        self._update(drag.damage())
        self.hover(pos)
        if drag.mode == "move":
            self.timeline.finish_drag(drag.block.view.id, drag.dy)
        else:
            self.timeline.finish_resize(drag.block.view.id, drag.dy)

    def double_click(self, pos: QPointF) -> None:
        """Edit the block there, or propose a new item on the empty spot."""
        block = self.timeline.block_at(pos)
        if block is not None:
            self.timeline.edit_requested.emit(block.view.id)
        else:
            self.timeline.request_new_item_at(pos)

    def hover(self, pos: QPointF) -> None:
        """The cursor says what a press would do there; the tooltip tells the block's details."""
        tl = self.timeline
        block = tl.block_at(pos)
        if block is None:
            self._set_cursor(Qt.CursorShape.ArrowCursor)
        elif not block.movable:
            self._set_cursor(Qt.CursorShape.PointingHandCursor)
        elif tl.on_bottom_edge(block, pos):
            self._set_cursor(Qt.CursorShape.SizeVerCursor)
        else:
            self._set_cursor(Qt.CursorShape.OpenHandCursor)
        if block is not self.hovered and self.canvas is not None:
            # The tooltip may read the speakers: once per block pointed at.
            self.hovered = block
            self.canvas.setToolTip(block.tooltip(tl.speakers_of(block.view)) if block else "")

    def context_menu(self, pos: QPointF, screen_pos: QPoint) -> None:
        """The menu of the block there (selected first, if it was not)."""
        tl = self.timeline
        block = tl.block_at(pos)
        if block is None:
            return
        if block.view.id not in tl.selected_ids():
            tl.set_selection([block.view.id])
        tl.show_menu(block.view.id, screen_pos)

    def _set_cursor(self, shape: Qt.CursorShape) -> None:
        if self.canvas is not None:
            self.canvas.setCursor(shape)

    def _update(self, area: QRectF) -> None:
        if self.canvas is not None:
            self.canvas.update(area)

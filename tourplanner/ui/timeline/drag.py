"""Dragging a block: where it would go while the mouse moves, and the edit it asks for at the end.

A drag moves the block (its item starts and ends later or earlier) or, from its bottom edge,
resizes it (its item ends later or earlier); both snap to 5 minutes. Nothing changes until the
mouse is released: the window then turns the new start or end into an undoable command.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from PySide6.QtCore import QRectF

from tourplanner.ui.timeline.block import Block
from tourplanner.ui.timeline.geometry import MIN_HEIGHT, PX_PER_MIN, SNAP_MIN, snap

Mode = Literal["move", "resize"]


def moved_start(block: Block, dy: float, px_per_min: float = PX_PER_MIN) -> datetime | None:
    """The start after dragging the block `dy` pixels, snapped; None if it does not move."""
    minutes = snap(dy / px_per_min)
    if not minutes or not block.movable:
        return None
    return block.view.start_utc + timedelta(minutes=minutes)


def resized_minutes(block: Block, dy: float, px_per_min: float = PX_PER_MIN) -> int:
    """The length after dragging the bottom edge `dy` pixels: snapped, at least 5 minutes."""
    return max(SNAP_MIN, round(block.minutes) + snap(dy / px_per_min))


def resized_end(block: Block, dy: float, px_per_min: float = PX_PER_MIN) -> datetime | None:
    """The end after dragging the bottom edge `dy` pixels; None if the length stays."""
    minutes = resized_minutes(block, dy, px_per_min)
    if not block.movable or minutes == round(block.minutes):
        return None
    return block.view.start_utc + timedelta(minutes=minutes)


@dataclass
class Drag:
    """A drag under way: the block pressed, how, where, and how far the mouse went since."""

    block: Block
    mode: Mode
    pressed_y: float
    px_per_min: float = PX_PER_MIN
    dy: float = 0.0

    def preview(self) -> tuple[QRectF, datetime, datetime]:
        """Where the block would go now, and its new start and end."""
        b, v = self.block, self.block.view
        rect = b.rect()
        if self.mode == "move":
            minutes = snap(self.dy / self.px_per_min)
            rect.translate(0, minutes * self.px_per_min)
            shift = timedelta(minutes=minutes)
            return rect, v.start_utc + shift, v.end_utc + shift
        minutes = resized_minutes(b, self.dy, self.px_per_min)
        rect.setHeight(max(minutes * self.px_per_min, MIN_HEIGHT))
        return rect, v.start_utc, v.start_utc + timedelta(minutes=minutes)

    def damage(self) -> QRectF:
        """The area to repaint for the block as it was and as previewed."""
        return self.preview()[0].united(self.block.rect()).adjusted(-3, -3, 3, 3)

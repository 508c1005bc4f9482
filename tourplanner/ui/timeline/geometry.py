"""The timeline's scale: how many pixels a minute and a room take, and the 5-minute grid."""

from __future__ import annotations

PX_PER_MIN = 1.3
COLUMN = 150.0  # a room's least width (its blocks 6 px narrower): a wider view is shared out
MIN_COLUMN = COLUMN  # (the name the view uses: rooms share a wider view, a narrower one scrolls)
GUTTER = 56.0  # the hours on the left
HEADER = 34.0  # the room titles on top
SNAP_MIN = 5
MIN_HEIGHT = 14.0  # a short item still gets a block you can see and click
EDGE = 6.0  # the bottom pixels of a block that resize it


def snap(minutes: float) -> int:
    """Minutes rounded to the 5-minute grid."""
    return int(round(minutes / SNAP_MIN) * SNAP_MIN)

"""How blocks look: a colour per kind of item, and the fonts of the day's text."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QFontMetricsF

from tourplanner.enums import ItemStatus
from tourplanner.services.views import DayItem

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
CLASH_COLOUR = "#dc2626"  # the outline of blocks booked into one room at once
CLASH_WIDTH = 2.6
FONTS = (  # name, bold, struck out, point size
    ("title", True, False, 8),
    ("text", False, False, 8),
    ("title-struck", True, True, 8),
    ("text-struck", False, True, 8),
    ("header", True, False, 9),
    ("hour", False, False, 8),
)


def colour_of(view: DayItem) -> QColor:
    """A block's colour: its kind's, grey when cancelled."""
    if view.status == ItemStatus.CANCELLED:
        return QColor(CANCELLED_COLOUR)
    return QColor(KIND_COLOURS.get(view.kind, "#6b7280"))


@dataclass(frozen=True)
class Style:
    """The fonts the canvas paints with, and the metrics of block text (title or other line)."""

    fonts: dict[str, QFont]
    title_metrics: QFontMetricsF
    text_metrics: QFontMetricsF

    @classmethod
    def from_font(cls, base: QFont) -> Style:
        """The timeline's fonts, sized and weighted from the widget's own."""
        fonts = {}
        for name, bold, struck, size in FONTS:
            font = QFont(base)
            font.setPointSizeF(size)
            font.setBold(bold)
            font.setStrikeOut(struck)
            fonts[name] = font
        return cls(fonts, QFontMetricsF(fonts["title"]), QFontMetricsF(fonts["text"]))

"""One item occurrence as drawn: where its block is on the day, and what it says."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QRectF

from tourplanner.enums import ItemStatus
from tourplanner.services.views import DayItem
from tourplanner.timezones import abbreviation, to_local


class Block:
    """An occurrence's block: scene coordinates and the item's view, laid out once per day.

    A plain object rather than a graphics item (a busy day has thousands), never changed once
    laid out: a moved item gets a new block. Its lines of text are worked out when first asked
    for (when painted), not for every block of the day.
    """

    __slots__ = ("view", "x", "y", "width", "height", "column", "lane", "lanes", "clash", "_lines")

    def __init__(
        self,
        view: DayItem,
        x: float,
        y: float,
        width: float,
        height: float,
        column: int,
        *,
        lane: int = 0,
        lanes: int = 1,
        clash: bool = False,
    ) -> None:
        self.view, self.column = view, column
        self.x, self.y, self.width, self.height = x, y, width, height
        self.lane, self.lanes = lane, lanes  # side by side with the blocks it overlaps
        self.clash = clash  # another item is booked into its room at the same time
        self._lines: list[str] | None = None

    @property
    def minutes(self) -> float:
        return (self.view.end_utc - self.view.start_utc).total_seconds() / 60

    @property
    def movable(self) -> bool:
        """Repeating items are moved and resized in the editor, not by dragging one occurrence."""
        return self.view.recurrence == ""

    def rect(self) -> QRectF:
        return QRectF(self.x, self.y, self.width, self.height)

    def when(self, start_utc: datetime | None = None, end_utc: datetime | None = None) -> str:
        """'09:15–10:15 CST', or the same for other start and end instants (a drag preview)."""
        v = self.view
        start_utc, end_utc = start_utc or v.start_utc, end_utc or v.end_utc
        start, end = to_local(start_utc, v.timezone), to_local(end_utc, v.timezone)
        return f"{start:%H:%M}–{end:%H:%M} {abbreviation(start_utc, v.timezone)}"

    def lines(
        self, start_utc: datetime | None = None, end_utc: datetime | None = None
    ) -> list[str]:
        """Title, local title and times (of the item, or of a drag preview's instants)."""
        v = self.view
        if start_utc is not None or end_utc is not None:
            return [t for t in (v.title_en, v.title_local, self.when(start_utc, end_utc)) if t]
        if self._lines is None:
            self._lines = [line for line in (v.title_en, v.title_local, self.when()) if line]
        return self._lines

    def label(self) -> str:
        """The block's text, as painted."""
        return "\n".join(self.lines())

    def tooltip(self, speakers: Sequence[str]) -> str:
        """What pointing at the block tells: times, place, `speakers`, status and what to do."""
        v = self.view
        place = ", ".join(p for p in (v.room, v.venue.name_en if v.venue else "") if p)
        parts = [v.title_en, v.title_local, self.when(), place, ", ".join(speakers)]
        if self.clash:
            parts.append(
                QCoreApplication.translate(
                    "Block", "Clash: another item is in this room at the same time"
                )
            )
        if v.status != ItemStatus.CONFIRMED:
            parts.append(v.status.capitalize())
        if self.movable:
            parts.append(
                QCoreApplication.translate(
                    "Block", "Drag to move, drag the bottom edge to change the length"
                )
            )
        else:
            parts.append(
                QCoreApplication.translate(
                    "Block", "A repeating item: change its times in the editor"
                )
            )
        parts.append(
            QCoreApplication.translate(
                "Block", "Double-click or Enter to edit; right-click for more"
            )
        )
        return "\n".join(p for p in parts if p)

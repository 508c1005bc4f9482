"""The timeline's days, read ahead: while the coordinator looks at one day, the days either
side of it are read on a thread, so flipping to the next or previous day only draws.

A change to people, venues or programmes empties the cache (`clear()`); a change to some
items drops only the days that held them or now do (`forget()`). Either way a read started
before the change is thrown away when it arrives.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject, QThread, Signal

from tourplanner.db import PlanFile
from tourplanner.services import itinerary
from tourplanner.services.views import ItemView

Key = tuple[int, date]  # programme id, local day
KEPT = 8  # days kept: a week either way of browsing, a few MB at most


def read_day(plan: PlanFile, key: Key) -> list[ItemView]:
    """A day as the timeline draws it: the speakers of an item are read when it is pointed at."""
    with plan.reading() as session:
        return itinerary.programme_day(session, *key, with_people=False)


class _Read(QThread):
    done = Signal(object, object, int)  # key, views, generation

    def __init__(self, plan: PlanFile, key: Key, generation: int) -> None:
        super().__init__()
        self.plan, self.key, self.generation = plan, key, generation

    def run(self) -> None:
        self.done.emit(self.key, read_day(self.plan, self.key), self.generation)


class DayCache(QObject):
    """`get(key)` reads a day now unless it was read ahead; `read_ahead(keys)` on a thread."""

    def __init__(self, plan: PlanFile) -> None:
        super().__init__()
        self.plan = plan
        self._days: dict[Key, list[ItemView]] = {}
        self._generation = 0
        self._reading: dict[Key, _Read] = {}

    def get(self, key: Key) -> list[ItemView]:
        views = self._days.pop(key, None)
        if views is None:
            views = read_day(self.plan, key)
        self._days[key] = views  # most recently used last
        while len(self._days) > KEPT:
            del self._days[next(iter(self._days))]
        return views

    def has(self, key: Key) -> bool:
        return key in self._days

    def read_ahead(self, keys: list[Key]) -> None:
        for key in keys:
            if key in self._days or key in self._reading:
                continue
            reader = _Read(self.plan, key, self._generation)
            reader.done.connect(self._arrived)
            reader.finished.connect(lambda k=key: self._reading.pop(k, None))
            self._reading[key] = reader
            reader.start(QThread.Priority.LowPriority)

    def _arrived(self, key: Key, views: list[ItemView], generation: int) -> None:
        if generation == self._generation and key not in self._days:
            self._days[key] = views
            while len(self._days) > KEPT:
                del self._days[next(iter(self._days))]

    def forget(self, item_ids: set[int], days: set[Key]) -> None:
        """These items changed: drop the days that show them, and `days`, where they are now."""
        self._generation += 1
        for key, views in list(self._days.items()):
            if key in days or any(v.id in item_ids for v in views):
                del self._days[key]

    def clear(self, plan: PlanFile | None = None) -> None:
        """The plan changed (or another was opened): nothing read so far holds any more."""
        self.plan = plan or self.plan
        self._generation += 1
        self._days.clear()

    def wait(self) -> None:
        """Let the reads in flight finish (closing the window, tests)."""
        for reader in list(self._reading.values()):
            reader.wait()

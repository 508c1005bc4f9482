"""The timeline's days, read ahead: while the coordinator looks at one day, the days around it
are read on the task runner, nearest first and one at a time (each read holds Python's lock for
a while, and the window must stay quick meanwhile), so going to a nearby day only draws.

A change to people, venues or programmes empties the cache (`clear()`); a change to some
items drops only the days that held them or now do (`forget()`). Either way a read started
before the change is dropped: the runner never delivers what a cancelled task returns.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject

from tourplanner.planfile import PlanFile
from tourplanner.services import itinerary
from tourplanner.services.views import TimelineItem
from tourplanner.ui.tasks import Task, TaskRunner, TaskState

Key = tuple[int, date]  # programme id, local day
KEPT = 8  # days kept: the one shown and those read around it (~4 MB for 3,300 items)


def read_day(plan: PlanFile, key: Key) -> list[TimelineItem]:
    """A day as the timeline draws it: only what its blocks show (the speakers of an item are
    read when it is pointed at, the whole item when it is opened)."""
    with plan.reading() as session:
        return itinerary.timeline_day(session, *key)


class DayCache(QObject):
    """`get(key)` reads a day now unless it was read ahead; `read_ahead(keys)` on the runner."""

    def __init__(self, plan: PlanFile, tasks: TaskRunner) -> None:
        super().__init__()
        self.plan, self.tasks = plan, tasks
        self._days: dict[Key, list[TimelineItem]] = {}
        self._reading: Task | None = None
        self._wanted: list[Key] = []  # to read ahead, nearest first

    def get(self, key: Key) -> list[TimelineItem]:
        views = self._days.pop(key, None)
        if views is None:
            views = read_day(self.plan, key)
        self._keep(key, views)
        return views

    def _keep(self, key: Key, views: list[TimelineItem]) -> None:
        self._days[key] = views  # most recently used last
        while len(self._days) > KEPT:
            del self._days[next(iter(self._days))]

    def has(self, key: Key) -> bool:
        return key in self._days

    def read_ahead(self, keys: list[Key]) -> None:
        """Read these days on the runner, one after the other (instead of any asked before)."""
        self._wanted = [key for key in keys[: KEPT - 1] if key not in self._days]
        self._read_next()

    def _read_next(self) -> None:
        if self._reading is not None:
            return  # the next one starts when this one is done
        while self._wanted and self._wanted[0] in self._days:
            self._wanted.pop(0)
        if not self._wanted:
            return
        key, plan = self._wanted.pop(0), self.plan

        def read(_state: TaskState) -> list[TimelineItem]:
            return read_day(plan, key)

        # A read whose programme was deleted meanwhile ends in NotFoundError: nothing to keep.
        self._reading = self.tasks.run(
            read,
            on_done=lambda views: self._arrived(key, views),
            on_error=lambda _problem: None,
            on_finished=self._finished,
        )

    def _arrived(self, key: Key, views: list[TimelineItem]) -> None:
        if key not in self._days:
            self._keep(key, views)

    def _finished(self) -> None:
        self._reading = None
        self._read_next()

    def _drop_reading(self) -> None:
        """What the read in flight returns no longer holds; its end starts the next one."""
        if self._reading is not None:
            self._reading.cancel()

    def forget(self, item_ids: set[int], days: set[Key]) -> None:
        """These items changed: drop the days that show them, and `days`, where they are now."""
        self._drop_reading()
        for key, views in list(self._days.items()):
            if key in days or any(v.id in item_ids for v in views):
                del self._days[key]

    def clear(self, plan: PlanFile | None = None) -> None:
        """The plan changed (or another was opened): nothing read so far holds any more."""
        self.plan = plan or self.plan
        self._drop_reading()
        self._days.clear()
        self._wanted = []  # asked for under the old plan: the timeline asks again

    @property
    def busy(self) -> bool:
        """Whether days are being read ahead, or are still to be."""
        return self._reading is not None or bool(self._wanted)

    def wait(self) -> None:
        """Let the reads ahead finish (tests, benchmarks)."""
        self.tasks.wait()

    def stop(self) -> None:
        """Before the window or the file closes: read no more, and let the read in flight end."""
        self._wanted = []
        self._drop_reading()
        self.tasks.wait()

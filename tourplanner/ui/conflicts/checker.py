"""Keeps the plan's conflict index for the window: built off the GUI thread on big plans.

A full check of a 20,000-item plan takes seconds; the window must paint first. The check
runs on the task runner once the events already queued (the window's first paint) are handled:
Python runs one thread at a time, and a check started at once would slow the first paint down.
Edits made while the index is being built are remembered and rechecked as soon as it is ready.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from tourplanner.collector import set_aside_long_lived, take_back_long_lived
from tourplanner.planfile import PlanFile
from tourplanner.scheduling.findings import Finding
from tourplanner.scheduling.index import ConflictIndex
from tourplanner.services.conflicts import build_index, refresh_item
from tourplanner.ui.tasks import TaskRunner, TaskState

BACKGROUND_FROM = 3000  # items; smaller plans are checked at once (well under 0.1 s)
TASK = "full-check"  # a newer full check supersedes one still running


class ConflictChecker(QObject):
    """The findings of the open plan; `changed` carries them after every (re)check."""

    changed = Signal(object)  # list[Finding]: passed as it is, not converted item by item
    checking = Signal()

    def __init__(self, plan: PlanFile, tasks: TaskRunner) -> None:
        super().__init__()
        self.plan, self.tasks = plan, tasks
        self.index: ConflictIndex | None = None
        self._pending: set[int] = set()

    @property
    def ready(self) -> bool:
        return self.index is not None

    def findings(self) -> list[Finding]:
        return self.index.findings() if self.index is not None else []

    def rebuild(self, plan: PlanFile | None = None, *, items: int = 0) -> None:
        """Check the whole plan again: at once, or in the background for a big plan."""
        self.plan = plan or self.plan
        self._pending.clear()
        take_back_long_lived()  # what the old index left in cycles can go now
        if items < BACKGROUND_FROM:
            self.tasks.cancel(TASK)
            with self.plan.reading() as session:
                self.index = build_index(session)
            set_aside_long_lived()
            self.changed.emit(self.index.findings())
            return
        self.index = None
        self.checking.emit()
        plan_now = self.plan

        def check(_state: TaskState) -> ConflictIndex:
            with plan_now.reading() as session:
                return build_index(session)

        self.tasks.run(check, on_done=self._built, key=TASK, after_events=True)

    def _built(self, index: ConflictIndex) -> None:
        self.index = index
        set_aside_long_lived()  # what is alive now lives as long as the plan is open
        pending, self._pending = self._pending, set()
        self.items_changed(sorted(pending))

    def items_changed(self, item_ids: list[int]) -> None:
        """Recheck only what these items touch (or remember them until the index exists)."""
        if self.index is None:
            self._pending.update(item_ids)
            return
        with self.plan.reading() as session:
            for item_id in item_ids:
                refresh_item(session, self.index, item_id)
        self.changed.emit(self.index.findings())

    def wait(self) -> None:
        """Block until the checks started so far are done and delivered (tests, benchmarks)."""
        self.tasks.wait()

    def shut_down(self) -> None:
        """Before the window or the file closes: a check still running is dropped."""
        self.tasks.cancel(TASK)
        self.tasks.wait()
        take_back_long_lived()

"""Keeps the plan's conflict index for the window: built off the GUI thread on big plans.

A full check of a 20,000-item plan takes seconds; the window must paint first. The check's
thread starts once the events already queued (the window's first paint) are handled: Python
runs one thread at a time, and a check started at once would slow the first paint down.
Edits made while the index is being built are remembered and rechecked as soon as it is ready.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QThread, QTimer, Signal

from tourplanner.db import PlanFile
from tourplanner.scheduling.findings import Finding
from tourplanner.scheduling.index import ConflictIndex
from tourplanner.services.conflicts import build_index, refresh_item

BACKGROUND_FROM = 3000  # items; smaller plans are checked at once (well under 0.1 s)


class _Build(QThread):
    built = Signal(object, int)  # the index, the generation it was started for

    def __init__(self, plan: PlanFile, generation: int) -> None:
        super().__init__()
        self.plan, self.generation = plan, generation

    def run(self) -> None:
        with self.plan.reading() as session:
            index = build_index(session)
        self.built.emit(index, self.generation)


class ConflictChecker(QObject):
    """The findings of the open plan; `changed` carries them after every (re)check."""

    changed = Signal(object)  # list[Finding]: passed as it is, not converted item by item
    checking = Signal()

    def __init__(self, plan: PlanFile) -> None:
        super().__init__()
        self.plan = plan
        self.index: ConflictIndex | None = None
        self._pending: set[int] = set()
        self._generation = 0
        self._threads: list[_Build] = []

    @property
    def ready(self) -> bool:
        return self.index is not None

    def findings(self) -> list[Finding]:
        return self.index.findings() if self.index is not None else []

    def rebuild(self, plan: PlanFile | None = None, *, items: int = 0) -> None:
        """Check the whole plan again: at once, or in the background for a big plan."""
        self.plan = plan or self.plan
        self._generation += 1
        self._pending.clear()
        if items < BACKGROUND_FROM:
            with self.plan.reading() as session:
                self.index = build_index(session)
            self.changed.emit(self.index.findings())
            return
        self.index = None
        self.checking.emit()
        thread = _Build(self.plan, self._generation)
        thread.built.connect(self._built)
        thread.finished.connect(lambda: self._threads.remove(thread))
        self._threads.append(thread)
        QTimer.singleShot(0, lambda: self._start(thread))

    def _start(self, thread: _Build) -> None:
        if thread.generation == self._generation:
            thread.start()
        else:  # superseded (another rebuild, or the window closed) before it started
            self._threads.remove(thread)

    def _built(self, index: ConflictIndex, generation: int) -> None:
        if generation != self._generation:
            return  # another plan was opened, or another rebuild started, meanwhile
        self.index = index
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
        """Block until the background checks started so far have finished (tests, benchmarks)."""
        for thread in list(self._threads):
            thread.wait()

    def shut_down(self) -> None:
        """Before the window or the file closes: no check starts any more; wait for those that run."""
        self._generation += 1
        self.wait()

"""The one task runner: every job that runs off the GUI thread goes through `TaskRunner.run`.

A job is a plain function of a `TaskState` (is it cancelled? how far has it got?), so it can be
tested without an event loop: call it with a `TaskState()`. Its result, error or progress come
back to the GUI thread as calls of the callbacks given to `run`. A newer job with the same `key`
supersedes an older one: the older is told to stop, and whatever it returns is dropped. This
replaces the generation counters each background reader used to keep.

After Anki's `qt/aqt/taskman.py` (one runner, closures posted back to the main thread) and
Orange3's `Orange/widgets/utils/concurrent.py` (`TaskState`).
"""

from __future__ import annotations

import contextvars
import queue
import sys
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as wait_for
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from tourplanner.errors import Cancelled, TourPlannerError

WORKERS = 2  # the conflict check may take seconds; reading a day ahead must not wait for it
# `after_events` jobs wait this long: a window's first paint takes ~100 ms, and a job started
# during it (a zero timer fires in the same pass of the event loop) holds Python's lock through
# it, measured at +100-300 ms before the first day shows on 20,000 items (benchmarks/bench_gui).
FIRST_PAINT_MS = 200


class TaskState:
    """What a running job sees: whether to stop, and a way to say how far it has got."""

    def __init__(self) -> None:
        self._cancelled = threading.Event()
        self._progress: Callable[[int, int], None] | None = None

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def cancel(self) -> None:
        self._cancelled.set()

    def check(self) -> None:
        """Stop here if cancelled: raises Cancelled, which the runner reports as such."""
        if self.cancelled:
            raise Cancelled("cancelled")

    def progress(self, done: int, total: int) -> None:
        if self._progress is not None:
            self._progress(done, total)


Job = Callable[[TaskState], Any]


@dataclass(eq=False)
class Task:
    """A job handed to the runner; `cancel()` asks it to stop and drops what it returns."""

    job: Job
    state: TaskState
    key: str | None
    on_done: Callable[[Any], None] | None
    on_error: Callable[[TourPlannerError], None] | None
    on_cancelled: Callable[[], None] | None
    on_finished: Callable[[], None] | None = None  # always, even when dropped
    future: Future[Any] | None = None
    finished: bool = False
    _dropped: bool = field(default=False, repr=False)

    def cancel(self) -> None:
        self._dropped = True
        self.state.cancel()

    @property
    def dropped(self) -> bool:
        return self._dropped

    @property
    def started(self) -> bool:
        """Whether the job was handed to a thread (a dropped one may never be)."""
        return self.future is not None


class TaskRunner(QObject):
    """Runs jobs on a small pool of threads and hands their outcome back on the GUI thread."""

    _posted = Signal()
    idle = Signal()  # no job running or waiting to start

    def __init__(self, parent: QObject | None = None, *, workers: int = WORKERS) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="tourplanner")
        self._replies: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()
        self._posted.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._tasks: list[Task] = []
        self._by_key: dict[str, Task] = {}
        self._closed = False

    def run(
        self,
        job: Job,
        *,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[TourPlannerError], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
        on_finished: Callable[[], None] | None = None,
        key: str | None = None,
        state: TaskState | None = None,
        after_events: bool = False,
    ) -> Task:
        """Run `job(state)` off the GUI thread; `after_events`: once the window has painted
        (FIRST_PAINT_MS), since Python runs one thread at a time."""
        state = state or TaskState()
        if on_progress is not None:
            state._progress = lambda done, total: self._post(lambda: on_progress(done, total))
        task = Task(job, state, key, on_done, on_error, on_cancelled, on_finished)
        if key is not None:
            older = self._by_key.get(key)
            if older is not None:
                older.cancel()
            self._by_key[key] = task
        self._tasks.append(task)
        if self._closed:
            task.cancel()
            self._finish(task)
        elif after_events:
            QTimer.singleShot(FIRST_PAINT_MS, self, lambda: self._submit(task))
        else:
            self._submit(task)
        return task

    def _submit(self, task: Task) -> None:
        if task.future is not None or task.finished:
            return
        if task.dropped:  # superseded before it started
            self._finish(task)
            return
        # The job runs in the GUI thread's context: its language (tourplanner.i18n) above all,
        # so the findings and documents a job writes are in the window's language.
        task.future = self._pool.submit(contextvars.copy_context().run, self._work, task)

    def _work(self, task: Task) -> None:
        outcome = self._outcome(task)  # here, on the pool's thread: only the answer is posted
        self._post(lambda: self._reply(task, outcome))

    @staticmethod
    def _outcome(task: Task) -> Callable[[], object]:
        """Run the job; what to call on the GUI thread with its result (bound now: an
        exception's name is gone once its except clause ends)."""
        try:
            result = task.job(task.state)
        except Cancelled:
            return lambda: task.on_cancelled and task.on_cancelled()
        except TourPlannerError as exc:
            error = exc
            return lambda: task.on_error and task.on_error(error)
        except BaseException:  # a bug: shown by the app's crash dialog, on the GUI thread
            info = sys.exc_info()
            return lambda: sys.excepthook(*info)
        return lambda: task.on_done and task.on_done(result)

    def _post(self, reply: Callable[[], None]) -> None:
        self._replies.put(reply)
        self._posted.emit()

    def _reply(self, task: Task, call: Callable[[], object]) -> None:
        if not task.dropped:
            call()
        self._finish(task)

    def _finish(self, task: Task) -> None:
        if task.finished:
            return
        task.finished = True
        if task.on_finished is not None:
            task.on_finished()
        if task in self._tasks:
            self._tasks.remove(task)
        if task.key is not None and self._by_key.get(task.key) is task:
            del self._by_key[task.key]
        if not self._tasks:
            self.idle.emit()

    def _deliver(self) -> None:
        while True:
            try:
                reply = self._replies.get_nowait()
            except queue.Empty:
                return
            reply()

    @property
    def busy(self) -> bool:
        return bool(self._tasks)

    def running(self, key: str) -> Task | None:
        """The job under this key that has not finished yet, if any."""
        return self._by_key.get(key)

    def cancel(self, key: str) -> None:
        """Drop the job under this key, if one is waiting or running."""
        task = self._by_key.get(key)
        if task is not None:
            task.cancel()

    def wait(self) -> None:
        """Block until every job, and any job their callbacks start, is done and answered
        (tests, benchmarks, closing)."""
        while self._tasks:
            for task in list(self._tasks):
                self._submit(task)
            wait_for([t.future for t in self._tasks if t.future is not None])
            self._deliver()

    def cancel_all(self) -> None:
        for task in list(self._tasks):
            task.cancel()

    def shut_down(self) -> None:
        """Before the window closes: no job starts any more; those running are told to stop."""
        self._closed = True
        self.cancel_all()
        self.wait()
        self._pool.shutdown(wait=True)

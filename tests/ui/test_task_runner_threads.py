"""The task runner runs its jobs on a worker thread, and the GUI thread handles events meanwhile."""

from __future__ import annotations

import threading

from PySide6.QtCore import QTimer

from tourplanner.ui.tasks import TaskRunner, TaskState


def test_a_job_runs_off_the_gui_thread_while_timers_fire(qtbot) -> None:
    tasks = TaskRunner()
    ran_on: list[threading.Thread] = []
    ticks: list[bool] = []
    ticked = threading.Event()

    def job(_state: TaskState) -> bool:
        ran_on.append(threading.current_thread())
        # Only the GUI thread's timer sets this: a job run on the GUI thread would wait in vain.
        return ticked.wait(timeout=5)

    def tick() -> None:
        ticks.append(tasks.busy)
        if len(ticks) >= 3:
            ticked.set()

    timer = QTimer(interval=20)
    timer.timeout.connect(tick)
    timer.start()
    results: list[bool] = []
    tasks.run(job, on_done=results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=10_000)
    timer.stop()
    tasks.shut_down()
    assert ran_on and ran_on[0] is not threading.main_thread()
    assert results == [True] and ticks[:3] == [True] * 3  # the timer fired while the job ran

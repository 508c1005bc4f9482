"""The task runner runs its jobs on a worker thread, and the GUI thread handles events meanwhile."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QTimer

from tourplanner.ui.tasks import TaskRunner, TaskState


def test_a_job_runs_off_the_gui_thread_while_timers_fire(qtbot) -> None:
    tasks = TaskRunner()
    ran_on: list[threading.Thread] = []
    ticks: list[float] = []

    def job(_state: TaskState) -> int:
        ran_on.append(threading.current_thread())
        end, spins = time.perf_counter() + 0.6, 0
        while time.perf_counter() < end:  # pure Python: the GIL is handed over as it runs
            spins += 1
        return spins

    timer = QTimer(interval=20)
    timer.timeout.connect(lambda: tasks.busy and ticks.append(time.perf_counter()))
    timer.start()
    results: list[int] = []
    tasks.run(job, on_done=results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    timer.stop()
    tasks.shut_down()
    assert ran_on and ran_on[0] is not threading.main_thread()
    assert results[0] > 0
    assert len(ticks) >= 5  # the GUI thread went on handling events while the job ran

"""The task runner runs a job off the GUI thread and answers on the GUI thread."""

from __future__ import annotations

import threading

from tourplanner.ui.app import create_application
from tourplanner.ui.tasks import TaskRunner, TaskState


def test_a_job_runs_off_the_gui_thread_and_is_answered_on_it(qtbot) -> None:
    create_application()
    runner = TaskRunner()
    ran_on: list[threading.Thread] = []
    answered_on: list[threading.Thread] = []

    def job(state: TaskState) -> int:
        ran_on.append(threading.current_thread())
        return 42

    runner.run(job, on_done=lambda result: answered_on.append(threading.current_thread()))
    runner.wait()
    runner.shut_down()
    assert ran_on and ran_on[0] is not threading.main_thread()
    assert answered_on == [threading.main_thread()]

"""The app paints its first window before the database layer is imported, and opens its main
window without the seating solver (a real process)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from tourplanner.cli import _opens_the_app
from tourplanner.ui.window.start_window import StartWindow

FIRST_PAINT = Path(__file__).parents[2] / "benchmarks" / "first_paint.py"


def test_first_window_is_painted_before_sqlalchemy_is_imported(
    demo_path: Path, tmp_path: Path
) -> None:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "HOME": str(tmp_path),
    }
    done = subprocess.run(
        [sys.executable, str(FIRST_PAINT), "app", str(demo_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["window"] == "StartWindow"
    assert seen["sqlalchemy"] is False and seen["alembic"] is False
    assert seen["main_window"] >= seen["seconds"]  # and then the plan opened in the app
    assert seen["ortools"] is False  # the seating solver waits for a banquet to seat


@pytest.mark.parametrize(
    ("argv", "app"),
    [
        ([], True),
        (["--demo"], True),
        (["PLAN"], True),
        (["--demo", "PLAN"], True),
        (["check", "PLAN"], False),
        (["--version"], False),
        (["missing.tourplan"], False),  # the full parser says what is wrong
        (["PLAN", "extra"], False),
    ],
)
def test_only_a_sure_app_start_skips_the_command_parser(
    demo_path: Path, argv: list[str], app: bool
) -> None:
    args = [str(demo_path) if a == "PLAN" else a for a in argv]
    assert _opens_the_app(args) is app


def test_the_start_window_stays_live_while_the_database_layer_loads(qtbot) -> None:  # noqa: ANN001
    """The job runs off the GUI thread while the start window's event loop runs: a timer set
    on the GUI thread fires while the job waits for it (run on the GUI thread, it never
    would, and the job would give up)."""
    start = StartWindow(Path("conference.tourplan"))
    qtbot.addWidget(start)
    start.show_now()
    fired = threading.Event()
    seen: list[tuple[bool, bool]] = []
    QTimer.singleShot(0, fired.set)

    def job() -> None:
        seen.append((fired.wait(10), threading.current_thread() is threading.main_thread()))

    assert start.load(job) is True
    assert seen == [(True, False)]


def test_a_start_window_closed_while_loading_says_so(qtbot) -> None:  # noqa: ANN001
    """Closed before the plan opened, the app is to quit: `load` says the window is closed,
    once the job (an import cannot be stopped) has ended."""
    start = StartWindow(Path("conference.tourplan"))
    qtbot.addWidget(start)
    start.show_now()
    closed = threading.Event()
    ended: list[bool] = []
    QTimer.singleShot(0, start.close)
    QTimer.singleShot(0, closed.set)

    def job() -> None:
        closed.wait(10)
        ended.append(True)

    assert start.load(job) is False
    assert ended == [True] and not start.isVisible()

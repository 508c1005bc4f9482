"""GUI responsiveness on a synthetic plan of 20,000 items and 5,000 people (offscreen).

    .venv/bin/python -m benchmarks.bench_gui [--plan FILE] [--items N] [--people N]

Prints: window opened and first day painted (from process start), switching the timeline day,
filtering the people table, and one edit round trip (commit + conflict recheck + repaint).
Targets: open < 1.5 s, day switch and filter < 100 ms, edit < 100 ms.
"""

from __future__ import annotations

import time

START = time.perf_counter()

import argparse  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from datetime import timedelta  # noqa: E402
from pathlib import Path  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plan", type=Path)
    parser.add_argument("--items", type=int, default=20_000)
    parser.add_argument("--people", type=int, default=5_000)
    args = parser.parse_args(argv)
    path = args.plan or Path(tempfile.mkdtemp()) / "gui.tourplan"
    if not path.exists():
        from benchmarks.synthetic import generate_plan

        began = time.perf_counter()
        generate_plan(path, people=args.people, items=args.items, programmes=5, quiet=True)
        print(f"generated {path} in {time.perf_counter() - began:.1f} s (not counted)")
        os.execv(
            sys.executable, [sys.executable, "-m", "benchmarks.bench_gui", "--plan", str(path)]
        )

    from PySide6.QtCore import QSettings

    from tourplanner.db import PlanFile
    from tourplanner.ui.app import create_application
    from tourplanner.ui.main_window import MainWindow

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    app = create_application()
    plan = PlanFile.open(path)
    window = MainWindow(plan)
    window.show_page("timeline")
    window.resize(1440, 900)
    window.show()
    app.processEvents()
    window.grab()
    opened = time.perf_counter() - START
    print(f"window open, first day painted:     {ms(opened)}  (target < 1500 ms)")
    window.checker.wait()  # the full conflict check runs in the background on a big plan
    app.processEvents()
    print(f"  conflict check done (background):  {ms(time.perf_counter() - START)}")

    timeline = window.timeline
    began = time.perf_counter()
    timeline.day.setCurrentIndex(timeline.day.currentIndex() + 1)
    app.processEvents()
    timeline.view.viewport().grab()
    print(
        f"switch day:                          {ms(time.perf_counter() - began)}  (target < 100 ms)"
    )

    window.show_page("person")
    app.processEvents()
    began = time.perf_counter()
    window.people.search.setText("an")
    app.processEvents()
    window.people.table.viewport().grab()
    shown = window.people.proxy.rowCount()
    print(
        f"filter {window.people.model.rowCount():,} people ({shown} shown):   {ms(time.perf_counter() - began)}  (target < 100 ms)"
    )

    window.show_page("timeline")
    block = next(iter(timeline.blocks.values()))
    began = time.perf_counter()
    window.move_item_to(block.view.id, block.view.start_utc + timedelta(minutes=15))
    app.processEvents()
    timeline.view.viewport().grab()
    print(
        f"edit round trip (move one item):     {ms(time.perf_counter() - began)}  (target < 100 ms)"
    )
    window.close()
    plan.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

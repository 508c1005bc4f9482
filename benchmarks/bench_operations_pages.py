"""The operations pages on a synthetic plan of 5,000 people (offscreen), against a floor.

    .venv/bin/python -m benchmarks.bench_operations_pages [--plan FILE] [--people N] [--repeat N]

Each page's reload is timed on the GUI thread (thread CPU time) beside the People page's, the
floor measured in the same run, interleaved, --repeat times; prints medians and ratios. The
Meals page reads on the task runner, so its GUI-thread share and its job (process CPU time,
until answered) are printed apart. Targets: the Transfers page within 3x the floor, the Meals
page's GUI-thread share under 0.1x (the reading is the job's).
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plan", type=Path, help="reuse (or create) this synthetic plan file")
    parser.add_argument("--people", type=int, default=5_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    path = args.plan or Path(tempfile.mkdtemp(prefix="bench-ops-pages-")) / "plan.tourplan"
    if not path.exists():
        from benchmarks.bench_operations_docs import operations_plan

        began = time.perf_counter()
        operations_plan(path, args.people)
        print(f"generated {path} in {time.perf_counter() - began:.1f} s (not counted)")

    from PySide6.QtCore import QSettings

    from tourplanner.db import PlanFile
    from tourplanner.ui.app import create_application
    from tourplanner.ui.window.main_window import MainWindow

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    app = create_application()
    window = MainWindow(PlanFile.open(path, read_only=True))
    window.show()
    window.tasks.wait()
    app.processEvents()
    pages = {
        "people page (floor)": window.people,
        "transfers page": window.records["transfer"],
        "meals page, GUI thread": window.meals,
    }
    found: dict[str, list[float]] = {name: [] for name in pages}
    found["meals page, its job"] = []
    for _ in range(args.repeat):
        for name, page in pages.items():
            began = time.thread_time()
            page.reload()
            found[name].append(time.thread_time() - began)
            if page is window.meals:
                began = time.process_time()
                window.tasks.wait()
                found["meals page, its job"].append(time.process_time() - began)
            app.processEvents()
    floor = statistics.median(found["people page (floor)"])
    for name, times in found.items():
        median = statistics.median(times)
        print(f"{name:24} median {median * 1000:8.1f} ms  ratio {median / floor:6.2f}")
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

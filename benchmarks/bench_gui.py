"""GUI responsiveness on a synthetic plan of 20,000 items and 5,000 people (offscreen).

    .venv/bin/python -m benchmarks.bench_gui [--plan FILE] [--items N] [--people N]

Prints: window opened and first day painted (from process start), then the median and best of
--repeat runs of: switching to the next timeline day (read ahead while the day before was
shown), going to a day two away (read ahead too), jumping to a day not read ahead,
filtering the people table, and an edit round trip (commit + conflict recheck + repaint).
Targets: open < 1.5 s, day switch and filter < 100 ms, edit < 100 ms.

The jump to a day not read ahead is timed on each busy day (over 2,000 items) --jumps times,
the days taking turns, nothing read ahead before each (as after an edit): from the request
(the day chosen in the selector: read, laid out, drawn) until the pass of the event loop that
painted the timeline's viewport returns, the window's frame painted and flushed ("painted",
wall and CPU); and, as the other measures here and earlier runs time it, until a grab of the
viewport after that (a second paint, "+ grab"). Each day prints its median and range beside
the 100 ms goal ("ok" when every run is within it); the GC runs as in the app.
"""

from __future__ import annotations

import time

START = time.perf_counter()

import argparse  # noqa: E402
import os  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from collections.abc import Callable  # noqa: E402
from datetime import date, timedelta  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def argv_rest() -> list[str]:
    """The options given, but --plan (the generated plan is passed on instead)."""
    rest, skip = [], False
    for arg in sys.argv[1:]:
        if skip or arg == "--plan":
            skip = not skip
            continue
        if not arg.startswith("--plan="):
            rest.append(arg)
    return rest


def jump_to_days(
    app: Any, timeline: Any, settle: Callable[[], None], size: Callable[[int], int], jumps: int
) -> None:
    """Jump to each busy day `jumps` times, the days taking turns; print each day's figures."""
    from PySide6.QtCore import QEvent, QObject

    viewport = timeline.view.viewport()

    class Painted(QObject):
        """Tells whether the viewport has been painted since it was installed."""

        def __init__(self) -> None:
            super().__init__()
            self.seen = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt
            if watched is viewport and event.type() == QEvent.Type.Paint:
                self.seen = True
            return False  # painted as ever, by the view

    busy = {n: size(n) for n in range(timeline.day.count())}
    busy = {n: items for n, items in busy.items() if items > 2000}
    runs: dict[int, list[tuple[float, float, float]]] = {n: [] for n in busy}
    for _ in range(jumps):
        for n in busy:
            if timeline.day.currentIndex() == n:  # from another day
                timeline.day.setCurrentIndex(next(m for m in busy if m != n))
            settle()
            timeline.days.clear()  # as after an edit: nothing read ahead
            painted = Painted()
            viewport.installEventFilter(painted)
            began, cpu = time.perf_counter(), time.process_time()
            timeline.day.setCurrentIndex(n)
            # The window's paint (and flush) happens in one pass of the event loop: the frame
            # is on screen when the pass that painted the viewport returns.
            while not painted.seen and time.perf_counter() - began < 5:
                app.processEvents()
            done = (time.perf_counter(), time.process_time())
            viewport.removeEventFilter(painted)
            assert painted.seen, "the day was never painted"
            viewport.grab()
            grabbed = time.perf_counter() - began
            runs[n].append((done[0] - began, done[1] - cpu, grabbed))
    print(f"jump to a day not read ahead ({jumps} each, goal 100 ms; median, range):")
    for n, found in runs.items():
        wall, cpu, grab = ([t[i] * 1000 for t in found] for i in range(3))
        verdict = "ok" if statistics.median(wall) <= 100 and max(wall) <= 100 else "OVER"
        print(
            f"  {timeline.day.itemText(n)[:28]:<28} {busy[n]:>5,} items: painted "
            f"{statistics.median(wall):5.1f} ms ({min(wall):.0f}–{max(wall):.0f}), "
            f"CPU {statistics.median(cpu):5.1f} ({min(cpu):.0f}–{max(cpu):.0f}); "
            f"+ grab {statistics.median(grab):5.1f} ({min(grab):.0f}–{max(grab):.0f})  {verdict}"
        )
    every = sorted(t[0] * 1000 for found in runs.values() for t in found)
    print(
        f"  all {len(every)} jumps: painted median {statistics.median(every):.1f} ms, "
        f"range {every[0]:.0f}–{every[-1]:.0f} ms, {sum(t <= 100 for t in every)} ≤ 100 ms"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plan", type=Path)
    parser.add_argument("--items", type=int, default=20_000)
    parser.add_argument("--people", type=int, default=5_000)
    parser.add_argument("--repeat", type=int, default=7, help="runs of each in-app measure")
    parser.add_argument("--jumps", type=int, default=7, help="jumps to each busy day")
    args = parser.parse_args(argv)
    path = args.plan or Path(tempfile.mkdtemp()) / "gui.tourplan"
    if not path.exists():
        from benchmarks.synthetic import generate_plan

        began = time.perf_counter()
        generate_plan(path, people=args.people, items=args.items, programmes=5, quiet=True)
        print(f"generated {path} in {time.perf_counter() - began:.1f} s (not counted)")
        os.execv(
            sys.executable,
            [sys.executable, "-m", "benchmarks.bench_gui", "--plan", str(path), *argv_rest()],
        )

    # What the app itself imports, and nothing more, before the window is painted.
    from PySide6.QtCore import QSettings

    from tourplanner.db import PlanFile
    from tourplanner.ui.app import create_application
    from tourplanner.ui.window.main_window import MainWindow

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
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QWidget

    from tourplanner.services import itinerary
    from tourplanner.ui.timeline import READ_AHEAD_MS

    window.checker.wait()  # the full conflict check runs in the background on a big plan
    app.processEvents()
    print(f"  conflict check done (background):  {ms(time.perf_counter() - START)}")

    timeline = window.timeline

    def timed(action: Callable[[], object], grab: QWidget) -> float:
        began = time.perf_counter()
        action()
        app.processEvents()
        grab.grab()
        return time.perf_counter() - began

    def report(what: str, times: list[float]) -> None:
        times = sorted(times)
        print(
            f"{what:<36} {ms(statistics.median(times))}  median of {len(times)}, "
            f"best {ms(times[0]).strip()}  (target < 100 ms)"
        )

    # The busiest days of the synthetic plan (3,300 items): the next day, after a pause in
    # which the timeline reads the days around ahead; a day two away, likewise; then jumps
    # to days not read ahead.
    def settle() -> None:  # a user's pause on a day: the days around are read meanwhile
        QTest.qWait(READ_AHEAD_MS + 50)
        while timeline.days.busy:
            timeline.days.wait()
            app.processEvents()

    def next_day(n: int) -> None:
        timeline.day.setCurrentIndex(first + (n + 1) % 2)

    first = timeline.day.currentIndex()
    flips = []
    for n in range(args.repeat):
        settle()
        flips.append(timed(lambda n=n: next_day(n), timeline.view.viewport()))
    report("switch to the next day (read ahead):", flips)
    hops = []
    for n in range(args.repeat):
        settle()
        hops.append(
            timed(
                lambda n=n: timeline.day.setCurrentIndex(first + 2 * (n % 2 == 0)),
                timeline.view.viewport(),
            )
        )
    report("go to a day 2 away (read ahead):", hops)

    def size(n: int) -> int:
        programme, day = timeline.day.itemData(n).split("|")
        with plan.reading() as session:
            return len(itinerary.timeline_day(session, int(programme), date.fromisoformat(day)))

    jump_to_days(app, timeline, settle, size, args.jumps)
    settle()
    window.show_page("person")
    app.processEvents()
    texts = ["an", "", "li", "", "wang", ""] * args.repeat
    times = [
        timed(lambda t=t: window.people.search.setText(t), window.people.table.viewport())
        for t in texts
    ]
    report(f"filter {window.people.model.rowCount():,} people:", times[::2])
    window.show_page("timeline")
    app.processEvents()
    blocks = list(timeline.blocks.values())[: args.repeat]
    report(
        "edit round trip (move one item):",
        [
            timed(
                lambda b=b: window.edits.move_item_to(
                    b.view.id, b.view.start_utc + timedelta(minutes=15)
                ),
                timeline.view.viewport(),
            )
            for b in blocks
        ],
    )
    window.close()
    plan.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Start-up benchmark: the app's first painted window beside a bare PySide6 window.

Each run is a fresh process (`benchmarks/first_paint.py`), the bare window and
`tourplanner PLAN` taking turns; the time is wall time from launching the process to the first
paint of a top-level window (interpreter start and imports included), median of --repeat.
Also prints when the main window with the plan was shown.

    .venv/bin/python -m benchmarks.bench_startup [PLAN.tourplan] [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FIRST_PAINT = Path(__file__).with_name("first_paint.py")


def first_paint(args: list[str], env: dict[str, str]) -> dict[str, float]:
    """Launch one process and return what it saw (seconds since launch)."""
    run_env = {**env, "FIRST_PAINT_T0": repr(time.time())}
    done = subprocess.run(
        [sys.executable, str(FIRST_PAINT), *args],
        env=run_env,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("plan", nargs="?", type=Path, help="default: a new demo plan")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--against", type=Path, help="a checkout of older code, also timed")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        plan = args.plan
        if plan is None:
            from tourplanner.demo import write_demo_plan

            plan = folder / "demo.tourplan"
            write_demo_plan(plan)
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            "XDG_CONFIG_HOME": str(folder / "config"),
            "TOURPLANNER_DATA_DIR": str(folder / "data"),
        }
        first_paint(["bare"], env)  # warm the disk cache for both
        first_paint(["app", str(plan)], env)
        old_env = {**env, "PYTHONPATH": str(args.against)} if args.against else None
        bare, app, main_window, old = [], [], [], []
        for _ in range(args.repeat):
            bare.append(first_paint(["bare"], env)["seconds"])
            seen = first_paint(["app", str(plan)], env)
            app.append(seen["seconds"])
            main_window.append(seen["main_window"])
            assert not seen["sqlalchemy"], "SQLAlchemy was imported before the first paint"
            if old_env is not None:
                old.append(first_paint(["app", str(plan)], old_env)["seconds"])
    b, a, m = (statistics.median(x) for x in (bare, app, main_window))
    print(
        f"first painted window      {a / b:5.2f}x   TourPlanner {a * 1000:6.0f} ms"
        f"   bare PySide6 window {b * 1000:6.0f} ms   (wall, median of {args.repeat}, interleaved)"
    )
    print(f"  the main window with {plan.name} shown at {m * 1000:.0f} ms")
    if old:
        o = statistics.median(old)
        print(
            f"  the old code's first painted window: {o / b:.2f}x the bare one ({o * 1000:.0f} ms)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""PDF batch benchmark: all itineraries of a 500-person x 40-item plan, against bare reportlab.

    .venv/bin/python -m benchmarks.bench_pdf [--people 500] [--per-person 40] [--plan FILE]

Prints the bare baseline's time (same rows, fonts and table style, no database, one process),
the batch export's time (database, models, full itinerary layout, all cores) and their ratio.
Target: batch <= 1.5x the baseline, and faster than it on 2 cores.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.bench_pdf_baseline import render, rows_of
from benchmarks.synthetic import generate_plan
from tourplanner.db import PlanFile
from tourplanner.export.pdf import export_itineraries


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=500)
    parser.add_argument("--per-person", type=int, default=40)
    parser.add_argument("--plan", type=Path, help="reuse (or create) this synthetic plan file")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="bench-pdf-"))
    path = args.plan or work / "plan.tourplan"
    if not path.exists():
        start = time.perf_counter()
        generate_plan(
            path,
            people=args.people,
            items=args.people * args.per_person // 5,
            programmes=4,
            participations_per_person=args.per_person,
            quiet=True,
        )
        print(f"generated {path} in {time.perf_counter() - start:.1f} s")
    with PlanFile.open(path) as plan:
        data = rows_of(plan)
        rows = sum(len(r) for _, r in data)
        print(f"{len(data)} people, {rows} item rows ({rows / max(1, len(data)):.0f} per person)")
        baseline = render(data, work / "baseline.pdf")
        print(f"bare reportlab baseline, 1 process:   {baseline:7.2f} s")
        start = time.perf_counter()
        export_itineraries(plan, work / "all.pdf")
        batch = time.perf_counter() - start
        print(f"TourPlanner batch export, all cores:  {batch:7.2f} s")
        start = time.perf_counter()
        export_itineraries(plan, work / "one.pdf", workers=1)
        single = time.perf_counter() - start
        print(f"TourPlanner batch export, 1 process:  {single:7.2f} s")
    print(f"ratio batch / baseline: {batch / baseline:.2f} (target <= 1.5, and < 1 on 2 cores)")
    print(f"ratio 1-process batch / baseline: {single / baseline:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

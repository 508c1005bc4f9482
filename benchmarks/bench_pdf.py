"""PDF benchmark: a person's itinerary against plain reportlab drawing the same rows.

    .venv/bin/python -m benchmarks.bench_pdf [--people 500] [--per-person 40] [--plan FILE]
        [--sample 30] [--repeat 5] [--no-batch]

Everything runs on one core (this process pins itself, and the batch's workers inherit it),
and every figure is CPU time, so the ratios compare equal cores whatever else the machine does.

1. Per document: for `--sample` people, the itinerary export (`export_itinerary`: database,
   models, the full document; no line parsed for another document is reused) and the floor (`bench_pdf_baseline.render`: the same item rows,
   fonts and sizes in plain reportlab) are run one after the other, person by person, in
   alternating order, `--repeat` times; the median ratio is printed. Target: <= 1.2.
2. Batch: all itineraries (`export_itineraries`, one worker, CPU time of this process and its
   workers) against the floor for everyone in one document. Skipped with `--no-batch`.
"""

from __future__ import annotations

import argparse
import io
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.bench_pdf_baseline import render, rows_of
from benchmarks.synthetic import generate_plan
from tourplanner.db import PlanFile
from tourplanner.export.pdf import blocks, export_itineraries, export_itinerary, fonts, page

TARGET = 1.2


def cpu() -> float:
    """CPU seconds of this process and of its children that have ended (the batch's workers)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def cold() -> None:
    """Empty the caches of text made into markup, of parsed lines and of measured header
    lines: each document pays for its own. The venues' QR codes stay encoded (tens of ms
    each), as in a process that printed before."""
    for module, name in ((blocks, "parsed"), (fonts, "_markup"), (page, "_pieces"), (page, "_fit")):
        cache = getattr(module, name, None)
        if hasattr(cache, "cache_clear"):  # absent before these caches were written
            cache.cache_clear()


def per_document(plan: PlanFile, data: list, repeat: int) -> list[tuple[float, float]]:
    """(itinerary, floor) CPU seconds over the sampled people, one pair per repetition."""
    export_itinerary(plan, data[0][0], io.BytesIO())  # warm: fonts, caches, imports
    render(data[:1], io.BytesIO())
    runs = []
    for n in range(repeat):
        app = floor = 0.0
        for k, person in enumerate(data):
            for which in ("app", "floor") if (n + k) % 2 == 0 else ("floor", "app"):
                if which == "app":
                    cold()
                    start = time.process_time()
                    export_itinerary(plan, person[0], io.BytesIO())
                    app += time.process_time() - start
                else:
                    cold()
                    floor += render([person], io.BytesIO())
        runs.append((app, floor))
    return runs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=500)
    parser.add_argument("--per-person", type=int, default=40)
    parser.add_argument("--plan", type=Path, help="reuse (or create) this synthetic plan file")
    parser.add_argument("--sample", type=int, default=30, help="people timed one by one")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-batch", action="store_true")
    args = parser.parse_args(argv)
    core = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {core})
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
    print(f"on core {core} only; CPU time; medians of {args.repeat}")
    with PlanFile.open(path) as plan:
        sample = rows_of(plan, args.sample)
        rows = sum(len(r) for _, _, r in sample)
        print(f"per document: {len(sample)} people, {rows / max(1, len(sample)):.0f} rows each")
        runs = per_document(plan, sample, args.repeat)
        ratio = statistics.median(app / floor for app, floor in runs)
        app_ms = statistics.median(app for app, _ in runs) / len(sample) * 1000
        floor_ms = statistics.median(floor for _, floor in runs) / len(sample) * 1000
        print(f"  itinerary {app_ms:6.1f} ms, plain reportlab {floor_ms:6.1f} ms per document")
        print(f"  ratio itinerary / plain reportlab: {ratio:.2f} (target <= {TARGET})")
        if args.no_batch:
            return 0
        everyone = rows_of(plan)
        floors, batches = [], []
        for _ in range(args.repeat):
            floors.append(render(everyone, work / "floor.pdf"))
            start = cpu()
            export_itineraries(plan, work / "all.pdf", workers=1)
            batches.append(cpu() - start)
        batch, floor = statistics.median(batches), statistics.median(floors)
        print(f"batch: {len(everyone)} people, one worker on the same core")
        print(f"  batch {batch:7.2f} s, plain reportlab {floor:7.2f} s (one document)")
        ratio = statistics.median(b / f for b, f in zip(batches, floors, strict=True))
        print(f"  ratio batch / plain reportlab: {ratio:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

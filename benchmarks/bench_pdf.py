"""PDF benchmark: a person's itinerary against plain reportlab drawing the same rows.

    .venv/bin/python -m benchmarks.bench_pdf [--people 500] [--per-person 40] [--plan FILE]
        [--sample 30] [--repeat 5] [--no-batch]

Everything runs on one core (this process pins itself, and the batch's workers inherit it),
and every figure is CPU time, so the ratios compare equal cores whatever else the machine does.

1. Per document: for `--sample` people, the itinerary export (`export_itinerary`: database,
   models, the full document; no line parsed, text measured or QR code encoded for another
   document is reused) and the two floors of `bench_pdf_baseline` are run one after the
   other, person by person, in rotating order, `--repeat` times; the median ratios are
   printed. The full floor (`render_full`) draws everything the itinerary draws (cover
   tables, zone cues, QR codes, taxi cards) in plain reportlab: the target, <= 1.2, is about
   it. The rows floor (`render_rows`, the floor of earlier rounds) draws only the item rows.
2. Batch: all itineraries (`export_itineraries`, one worker, CPU time of this process and its
   workers) against both floors for everyone in one document. Skipped with `--no-batch`.
"""

from __future__ import annotations

import argparse
import io
import os
import pickle
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.bench_pdf_baseline import (
    links_of,
    render_full,
    render_rows,
    rows_of,
    widget_encoding,
)
from benchmarks.synthetic import generate_plan
from tourplanner.db import PlanFile
from tourplanner.export.pdf import blocks, export_itineraries, export_itinerary, fonts, page

TARGET = 1.2


def cpu() -> float:
    """CPU seconds of this process and of its children that have ended (the batch's workers)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


# Every cache a document fills: text made into markup, parsed lines, measured header lines,
# and the QR codes of the venues (the floor's QrCodeWidget encodes each one it draws).
CACHES = (
    (blocks, "parsed"),
    (fonts, "_markup"),
    (page, "_pieces"),
    (page, "fit_text"),
    (blocks, "qr_modules"),  # where the QR caches were before qr_code.py
    (blocks, "qr_blocks"),
    (blocks, "qr_path"),
    ("tourplanner.export.qr_code", "qr_modules"),
    ("tourplanner.export.qr_code", "qr_operators"),
)


def cold() -> None:
    """Empty the caches of the documents printed before: each document pays for its own, as
    the only document of a process does."""
    for module, name in CACHES:
        if isinstance(module, str):
            module = sys.modules.get(module)  # noqa: PLW2901 - absent in older commits
        cache = getattr(module, name, None)
        if hasattr(cache, "cache_clear"):  # absent before these caches were written
            cache.cache_clear()


ORDER = ("app", "full", "rows")


def per_document(plan: PlanFile, data: list, repeat: int) -> list[dict[str, float]]:
    """{itinerary, full floor, rows floor: CPU seconds} over the sampled people, one per
    repetition."""
    export_itinerary(plan, data[0].id, io.BytesIO())  # warm: fonts, imports
    render_full(data[:1], io.BytesIO())
    render_rows(data[:1], io.BytesIO())
    runs = []
    for n in range(repeat):
        total = dict.fromkeys(ORDER, 0.0)
        for k, person in enumerate(data):
            shift = (n + k) % len(ORDER)
            for which in ORDER[shift:] + ORDER[:shift]:
                cold()
                if which == "app":
                    start = time.process_time()
                    export_itinerary(plan, person.id, io.BytesIO())
                    total["app"] += time.process_time() - start
                elif which == "full":
                    total["full"] += render_full([person], io.BytesIO())
                else:
                    total["rows"] += render_rows([person], io.BytesIO())
        runs.append(total)
    return runs


def our_encoding(link: str) -> float:
    """CPU seconds the itinerary takes to encode one link's code (its caches emptied first)."""
    cold()
    try:
        from tourplanner.export.qr_code import qr_operators
    except ImportError:  # before qr_code.py: the blocks' own encoder
        start = time.process_time()
        blocks.qr_path(link, blocks.QR_SIZE)
        return time.process_time() - start
    start = time.process_time()
    qr_operators(link, 1)
    return time.process_time() - start


def qr_report(sample: list, runs: list[dict[str, float]]) -> None:
    """How much of the full floor is its QR encoding: codes per document, each encoder's cost
    per code, and the ratio against the full floor were its codes encoded as fast as ours."""
    links = [links_of(p.parts) for p in sample]
    distinct = sorted(set().union(*links))
    if not distinct:
        return
    ours = {link: statistics.median(our_encoding(link) for _ in range(3)) for link in distinct}
    theirs = {link: statistics.median(widget_encoding(link) for _ in range(3)) for link in distinct}
    gap = sum(theirs[link] - ours[link] for found in links for link in found)  # per sample
    per_doc = sum(len(found) for found in links) / len(sample)
    print(
        f"  QR codes: {per_doc:.1f} per document; per code"
        f" {statistics.median(ours.values()) * 1000:.1f} ms (the itinerary's encoder)"
        f" against the widget's {statistics.median(theirs.values()) * 1000:.1f} ms"
        " (best of eight masks)"
    )
    ratios = [r["app"] / (r["full"] - gap) for r in runs]
    print(
        f"  ratio itinerary / full floor with our QR encoding: {statistics.median(ratios):.2f}"
        f" ({min(ratios):.2f}–{max(ratios):.2f})"
    )


def report(what: str, runs: list[dict[str, float]], scale: float, unit: str) -> None:
    """Each one's median and range (CPU seconds times `scale`, in `unit`), and the ratios
    against both floors."""
    for key, name in (("app", what), ("full", "full floor"), ("rows", "rows floor")):
        values = [r[key] * scale for r in runs]
        print(
            f"  {name:<11} {statistics.median(values):8.1f} {unit}"
            f" ({min(values):.1f}–{max(values):.1f})"
        )
    for key, name in (("full", "full floor"), ("rows", "rows floor")):
        ratios = [r["app"] / r[key] for r in runs]
        target = f"  target <= {TARGET}" if key == "full" else ""
        print(
            f"  ratio {what} / {name}: {statistics.median(ratios):.2f}"
            f" ({min(ratios):.2f}–{max(ratios):.2f}){target}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=500)
    parser.add_argument("--per-person", type=int, default=40)
    parser.add_argument("--plan", type=Path, help="reuse (or create) this synthetic plan file")
    parser.add_argument("--sample", type=int, default=30, help="people timed one by one")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-batch", action="store_true")
    parser.add_argument(
        "--content",
        type=Path,
        help="the floors' content (sampled people): read from this file if it exists, else"
        " extracted and written there; to time the code of an older commit against the same"
        " floors (its story may not expose what the extraction reads)",
    )
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
        if args.content is not None and args.content.exists():
            sample = pickle.loads(args.content.read_bytes())  # noqa: S301 - our own file
        else:
            sample = rows_of(plan, args.sample)
            if args.content is not None:
                args.content.write_bytes(pickle.dumps(sample))
        rows = sum(len(p.rows) for p in sample)
        print(
            f"per document: {len(sample)} people, {rows / max(1, len(sample)):.0f} item rows each"
            " (median (range))"
        )
        runs = per_document(plan, sample, args.repeat)
        report("itinerary", runs, 1000 / max(1, len(sample)), "ms per document")
        qr_report(sample, runs)
        if args.no_batch:
            return 0
        everyone = rows_of(plan)
        runs = []
        for _ in range(args.repeat):
            full = render_full(everyone, work / "full.pdf")
            rows_floor = render_rows(everyone, work / "rows.pdf")
            start = cpu()
            export_itineraries(plan, work / "all.pdf", workers=1)
            runs.append({"app": cpu() - start, "full": full, "rows": rows_floor})
        print(f"batch: {len(everyone)} people, one worker on the same core")
        report("batch", runs, 1, "s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

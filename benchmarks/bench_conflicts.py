"""Conflict-check benchmark: 100,000 items, 5,000 people, 300,000 bookings.

Prints the full-check time, the incremental recheck after moving one item (and after moving a
plenary that everyone on a programme attends), and the ratio to the naive all-pairs checker on a
5,000-item sample (checking both give the same findings). Targets on a 2-core machine: full
check < 2 s, incremental < 50 ms. Each time is the best of --repeat runs: other work on a
shared machine only ever slows a run down.

    .venv/bin/python -m benchmarks.bench_conflicts [--items N] [--people N] [--bookings N]
    .venv/bin/python -m benchmarks.bench_conflicts --plan FILE.tourplan   # also times loading
    .venv/bin/python -m benchmarks.bench_conflicts --against /tmp/old-checkout  # beside old code
    .venv/bin/python -m benchmarks.bench_conflicts --only recheck [--moves 21] [--against DIR]

Also prints the full check at 10k, 100k and 300k items (people and bookings in proportion)
with the fitted exponent of time against size, and the peak memory of the 100k check
(tracemalloc, the snapshot itself not counted). With --against, the 100k full check and its
peak are measured for this code and for the code in that checkout, each in its own process,
taking turns, median of --rounds: the "before" of a change, measured in the same sitting.

`--only recheck` times the plenary's moves alone (and, with --against, the old code's too, each
sitting in its own process, taking turns): --moves moves of each, the plenary's beside the
single item's, CPU time, with the collector as the app leaves it once a plan's index is built.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import random
import statistics
import subprocess
import sys
import time
import tracemalloc
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from tourplanner.collector import set_aside_long_lived, take_back_long_lived
from tourplanner.scheduling.index import ConflictIndex
from tourplanner.scheduling.naive import all_pairs, naive_check
from tourplanner.scheduling.overlaps import sweep
from tourplanner.scheduling.snapshot import (
    BookingRec,
    ItemRec,
    PersonRec,
    PlanSnapshot,
    ProgrammeRec,
    RoomRec,
    VenueRec,
)

BASE = datetime(2015, 4, 1, tzinfo=UTC)
ZONE = "Asia/Shanghai"


def synthetic_snapshot(
    *, items: int, people: int, bookings: int, rooms: int = 400, seed: int = 0, plenaries: int = 0
) -> PlanSnapshot:
    """A plan shaped like a conference season: 60 days of hourly slots, ~3% clashing bookings.

    With `plenaries`, programme 1 also holds that many daily plenaries (the last items) that a
    fifth of the people attend by being booked on the whole programme.
    """
    rng = random.Random(seed)
    snap = PlanSnapshot()
    snap.programmes = {
        p: ProgrammeRec(
            p, f"Programme {p}", "conference", date(2015, 4, 1), date(2015, 5, 31), ZONE
        )
        for p in range(1, 6)
    }
    snap.venues = {v: VenueRec(v, f"Venue {v}", f"City {v % 5}", ZONE) for v in range(1, 41)}
    snap.rooms = {r: RoomRec(r, 1 + (r - 1) // 10, f"Room {r}", 200) for r in range(1, rooms + 1)}
    slots = [BASE + timedelta(days=d, hours=8 + h) for d in range(60) for h in range(0, 12)]
    per_room = max(1, items // len(snap.rooms))
    item_id = 0
    for room in snap.rooms.values():
        for start in rng.sample(slots, min(per_room, len(slots))):
            item_id += 1
            snap.items[item_id] = ItemRec(
                item_id,
                1 + item_id % 5,
                f"Item {item_id}",
                "session",
                "confirmed",
                start,
                start + timedelta(minutes=rng.choice([30, 45, 60, 60])),
                ZONE,
                room.venue_id,
                room.id,
            )
            if item_id >= items:
                break
        if item_id >= items:
            break
    snap.people = {p: PersonRec(p, f"Person {p}") for p in range(1, people + 1)}
    # Each person stays in one city (as delegates do), every other hour, ~3% shifted into a clash.
    cities: dict[str, dict[datetime, list[int]]] = {}
    for item in snap.items.values():
        city = snap.venues[item.venue_id].city
        cities.setdefault(city, {}).setdefault(item.start, []).append(item.id)
    per_person = bookings // people
    for person in snap.people:
        by_slot = cities[rng.choice(sorted(cities))]
        ordered = sorted(by_slot)
        day0 = rng.randrange(0, max(1, len(ordered) - per_person * 2))
        for k in range(per_person):
            slot = ordered[(day0 + k * 2 + (1 if rng.random() < 0.03 else 0)) % len(ordered)]
            snap.bookings.append(BookingRec(person, rng.choice(by_slot[slot]), None))
    for day in range(plenaries):
        item_id += 1
        start = BASE + timedelta(days=day, hours=6)  # before the first session of the day
        snap.items[item_id] = ItemRec(
            item_id,
            1,
            f"Plenary {day + 1}",
            "plenary",
            "confirmed",
            start,
            start + timedelta(hours=1),
            ZONE,
            None,
            None,
        )
    if plenaries:
        for person in list(snap.people)[: people // 5]:
            snap.bookings.append(BookingRec(person, None, 1))
    return snap


REPEAT = 3


def timed(label: str, fn, *, setup=None, repeat: int | None = None):  # noqa: ANN001, ANN201
    """Run `fn` (after `setup`, untimed, whose result it gets) `repeat` times; print the best."""
    best, result = float("inf"), None
    for _ in range(repeat or REPEAT):
        arg = setup() if setup else None
        start = time.perf_counter()
        result = fn(arg) if setup else fn()
        best = min(best, time.perf_counter() - start)
    print(f"{label:<52} {best * 1000:9.1f} ms")
    return result, best


def moved(item: ItemRec, minutes: int) -> ItemRec:
    """The item, later by `minutes`."""
    shift = timedelta(minutes=minutes)
    return ItemRec(**{**item.__dict__, "start": item.start + shift, "end": item.end + shift})


def sized(items: int, *, seed: int = 0) -> PlanSnapshot:
    """The benchmark's plan shape at any size: 20 items and 60 bookings per person."""
    return synthetic_snapshot(
        items=items, people=max(1, items // 20), bookings=items * 3, seed=seed, plenaries=60
    )


def full_check_cpu(items: int, repeat: int) -> float:
    """The median CPU seconds of a full check on a fresh snapshot of that size."""
    times = []
    for _ in range(repeat):
        snap = sized(items)
        start = time.process_time()
        ConflictIndex(snap)
        times.append(time.process_time() - start)
    return statistics.median(times)


def full_check_peak(items: int) -> int:
    """Peak bytes allocated by a full check (the snapshot it reads not counted)."""
    snap = sized(items)
    tracemalloc.start()
    tracemalloc.reset_peak()
    index = ConflictIndex(snap)
    index.findings()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def growth(sizes: list[int], repeat: int) -> None:
    """The full check at each size, and the exponent k of time ~ size**k (least squares)."""
    points = []
    for n in sizes:
        took = full_check_cpu(n, repeat)
        points.append((math.log(n), math.log(took)))
        print(f"full check, {n:>9,} items (CPU, median of {repeat})      {took * 1000:9.1f} ms")
    if len(points) < 2:
        return
    xs, ys = zip(*points, strict=True)
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    slope = sum((x - mx) * (y - my) for x, y in points) / sum((x - mx) ** 2 for x in xs)
    print(f"  fitted exponent: time ~ items^{slope:.2f}")


def _in_process(tree: Path, what: str, items: int) -> float:
    """One measure (`--one-cpu` or `--one-peak`) run by the code in `tree`, in a new process."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    out = subprocess.run(
        [sys.executable, __file__, what, str(items)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return float(json.loads(out.strip().splitlines()[-1]))


def against(old_tree: Path, items: int, rounds: int) -> None:
    """This code's full check beside the old checkout's, taking turns, each in its own process."""
    import tourplanner

    ours_tree = Path(tourplanner.__file__).resolve().parents[1]
    took: dict[str, list[float]] = {"ours": [], "old": []}
    for _ in range(rounds):
        for name, tree in (("old", old_tree), ("ours", ours_tree)):
            took[name].append(_in_process(tree, "--one-cpu", items))
    old, ours = statistics.median(took["old"]), statistics.median(took["ours"])
    print(
        f"full check, {items:,} items: {ours / old:.2f}x the old code's time"
        f"   (this code {ours:.2f} s, old {old:.2f} s; CPU, median of {rounds}, interleaved)"
    )
    old_peak = _in_process(old_tree, "--one-peak", items)
    ours_peak = _in_process(ours_tree, "--one-peak", items)
    print(
        f"  peak memory: this code {ours_peak / 2**20:.0f} MB, old {old_peak / 2**20:.0f} MB"
        " (tracemalloc)"
    )


def plenary_moves(index: ConflictIndex, one: int, plenary: int, rounds: int) -> float:
    """Moving a plenary beside moving one item, taking turns: CPU, medians, the ratio.

    Each attendee of the plenary is rechecked near it only (`ConflictIndex._recheck_near`):
    the goal is a 1,000-person plenary within 10x a single item's move, findings listed.
    """
    single, crowd = move_times(index, one, plenary, rounds)
    a, b = statistics.median(single), statistics.median(crowd)
    print(
        f"  plenary ({len(index.item_people(plenary)):,} people): {b / a:.1f}x a single move"
        f"   (plenary {b * 1000:.2f} ms [{min(crowd) * 1000:.2f}-{max(crowd) * 1000:.2f}],"
        f" one item with {len(index.item_people(one))} people {a * 1000:.2f} ms"
        f" [{min(single) * 1000:.2f}-{max(single) * 1000:.2f}];"
        f" CPU, medians [ranges] of {rounds}, taking turns)"
    )
    return b / a


def move_times(
    index: ConflictIndex, one: int, plenary: int, rounds: int
) -> tuple[list[float], list[float]]:
    """The CPU seconds of `rounds` moves of the one item and of the plenary, taking turns.

    Each move goes on from where the last one left the item, a longer way each time: the
    single item lands among other neighbours each time (its room holds 250 items), rather
    than going back and forth between two places."""
    steps = iter(range(1, 100_000))

    def move(item_id: int, minutes: int) -> float:
        start = time.process_time()
        index.replace_item(item_id, moved(index.snap.items[item_id], minutes * next(steps)))
        index.findings()
        return time.process_time() - start

    single, crowd = [], []
    for _ in range(rounds):
        single.append(move(one, 30))
        crowd.append(move(plenary, 5))
    return single, crowd


def recheck_sitting(items: int, people: int, bookings: int, rounds: int) -> dict[str, list[float]]:
    """One sitting of the plenary's moves, without a venue and in a hall: the CPU times."""
    snap = synthetic_snapshot(items=items, people=people, bookings=bookings, plenaries=60)
    index = ConflictIndex(snap)
    index.findings()
    gc.collect()
    set_aside_long_lived()  # what the app does once a plan's index is built (ui/conflicts)
    one, plenary = next(iter(snap.items)), max(snap.items)
    took: dict[str, list[float]] = {}
    took["single"], took["plenary"] = move_times(index, one, plenary, rounds)
    index.replace_item(plenary, replace(index.snap.items[plenary], venue_id=1, room_id=1))
    took["single in hall run"], took["plenary in a hall"] = move_times(index, one, plenary, rounds)
    return took


def recheck_only(args: argparse.Namespace) -> None:
    """The plenary's moves beside a single move; with --against, beside the old code's too."""
    trees: list[tuple[str, Path | None]] = [("this code", None)]
    if args.against:
        trees = [("old", args.against), ("this code", None)]
    sittings = args.rounds if args.against else 1
    ratios: dict[tuple[str, str], list[float]] = {}
    for _ in range(sittings):
        for name, tree in trees:
            took = (
                recheck_sitting(args.items, args.people, args.bookings, args.moves)
                if tree is None
                else _recheck_in_process(tree, args)
            )
            for what, single in (
                ("plenary", "single"),
                ("plenary in a hall", "single in hall run"),
            ):
                a, b = statistics.median(took[single]), statistics.median(took[what])
                ratios.setdefault((name, what), []).append(b / a)
                print(
                    f"{name:>9}: {what:<17} {b / a:5.1f}x a single move   (plenary"
                    f" {b * 1000:.2f} ms [{min(took[what]) * 1000:.2f}-{max(took[what]) * 1000:.2f}],"
                    f" single {a * 1000:.2f} ms"
                    f" [{min(took[single]) * 1000:.2f}-{max(took[single]) * 1000:.2f}];"
                    f" CPU, medians [ranges] of {args.moves}, taking turns)"
                )
    if sittings > 1:
        for (name, what), found in ratios.items():
            print(
                f"{name:>9}: {what:<17} median {statistics.median(found):.1f}x"
                f" [{min(found):.1f}-{max(found):.1f}] over {sittings} sittings"
            )
    print(f"load: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}")


def _recheck_in_process(tree: Path, args: argparse.Namespace) -> dict[str, list[float]]:
    """`recheck_sitting` run by the code in `tree` (this benchmark file), in a new process."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    sizes = [str(n) for n in (args.items, args.people, args.bookings, args.moves)]
    out = subprocess.run(
        [sys.executable, __file__, "--one-recheck", *sizes],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in ("--one-cpu", "--one-peak"):  # a measure for `against`
        n = int(argv[1])
        print(full_check_cpu(n, 1) if argv[0] == "--one-cpu" else full_check_peak(n))
        return 0
    if argv and argv[0] == "--one-recheck":  # a sitting for `recheck_only --against`
        items, people, bookings, rounds = (int(n) for n in argv[1:5])
        print(json.dumps(recheck_sitting(items, people, bookings, rounds)))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--people", type=int, default=5_000)
    parser.add_argument("--bookings", type=int, default=300_000)
    parser.add_argument("--sample", type=int, default=5_000, help="items for the naive comparison")
    parser.add_argument("--plan", type=Path, help="also time loading this plan file")
    parser.add_argument("--repeat", type=int, default=3, help="runs per timing (best is shown)")
    parser.add_argument("--against", type=Path, help="a checkout of older code to compare with")
    parser.add_argument("--rounds", type=int, default=5, help="turns each with --against")
    parser.add_argument(
        "--sizes", default="10000,100000,300000", help="item counts for the growth line"
    )
    parser.add_argument(
        "--quick", action="store_true", help="only the growth line, --against and the plenary"
    )
    parser.add_argument(
        "--only", choices=["recheck"], help="only the plenary's moves (beside --against's too)"
    )
    parser.add_argument("--moves", type=int, default=21, help="moves of each item and plenary")
    args = parser.parse_args(argv)
    if args.only == "recheck":
        recheck_only(args)
        return 0
    if args.against:
        against(args.against, args.items, args.rounds)
    growth([int(n) for n in args.sizes.split(",")], 1 if args.quick else args.repeat)
    peak = full_check_peak(args.items)
    print(f"  peak memory of the {args.items:,}-item check: {peak / 2**20:.0f} MB (tracemalloc)")
    if args.quick:
        recheck_only(argparse.Namespace(**{**vars(args), "against": None}))
        return 0
    global REPEAT
    REPEAT = args.repeat

    def build() -> PlanSnapshot:
        return synthetic_snapshot(
            items=args.items, people=args.people, bookings=args.bookings, plenaries=60
        )

    snap, _ = timed("build synthetic snapshot", build, repeat=1)
    print(
        f"  {len(snap.items):,} items, {len(snap.people):,} people, {len(snap.bookings):,} bookings"
        f" ({args.people // 5:,} of them on a programme with 60 plenaries)"
    )
    index, full = timed("full check (sort and sweep)", ConflictIndex, setup=build)
    print(f"  {len(index.findings()):,} findings")

    item_id = next(iter(snap.items))
    people = len(index.item_people(item_id))
    steps = iter(range(1, 10_000))

    def move_one(_: object) -> list:
        index.replace_item(item_id, moved(index.snap.items[item_id], 30 * next(steps)))
        return index.findings()

    _, incremental = timed(
        f"incremental recheck after moving one item ({people} people)", move_one, setup=lambda: None
    )
    plenary = max(snap.items)
    gc.collect()
    set_aside_long_lived()  # as the app does once a plan's index is built (ui/conflicts)
    plenary_moves(index, item_id, plenary, rounds=args.moves)
    hall = replace(index.snap.items[plenary], venue_id=1, room_id=1)
    index.replace_item(plenary, hall)
    print("  the same plenary in a hall (room 1): its attendees' trips are rechecked too")
    plenary_moves(index, item_id, plenary, rounds=args.moves)
    take_back_long_lived()
    fresh = ConflictIndex(index.current_snapshot())
    assert index.findings() == fresh.findings(), "incremental and full checks disagree"
    print("  after the moves, incremental findings == a fresh full check")

    sample = synthetic_snapshot(
        items=args.sample, people=args.people // 20, bookings=args.bookings // 20, seed=1
    )
    fast, fast_t = timed(
        f"sample of {len(sample.items):,} items: fast", lambda: ConflictIndex(sample).findings()
    )
    naive, naive_t = timed(
        f"sample of {len(sample.items):,} items: naive all-pairs", lambda: naive_check(sample)
    )
    assert fast == naive, "the fast and naive checkers disagree"
    print(f"  same {len(fast):,} findings; naive/fast = {naive_t / fast_t:.1f}x (all rules)")
    sample_index = ConflictIndex(sample)
    lists = [sample_index.person_intervals(p) for p in sample.people]
    lists += [sample_index.room_intervals(key) for key in sample_index.items_by_room]
    clash = sample_index.clash
    _, sweep_t = timed(
        "  overlap search only: sort and sweep", lambda: [sweep(iv, clash) for iv in lists]
    )
    _, pairs_t = timed(
        "  overlap search only: all pairs", lambda: [all_pairs(iv, clash) for iv in lists]
    )
    print(f"  naive/fast = {pairs_t / sweep_t:.1f}x (overlap search)")

    if args.plan:
        from tourplanner.db import PlanFile
        from tourplanner.services.conflicts import load_snapshot

        with PlanFile.open(args.plan) as plan, plan.reading() as session:
            loaded, load_t = timed(
                f"load_snapshot({args.plan.name})", lambda: load_snapshot(session)
            )
        print(
            f"  {len(loaded.items):,} items, {len(loaded.people):,} people, "
            f"{len(loaded.bookings):,} bookings, {len(loaded.travel):,} journeys"
        )
        loaded_index, check_t = timed(
            "full check of the loaded plan",
            ConflictIndex,
            setup=lambda: PlanSnapshot(**{**loaded.__dict__, "_minutes_cache": {}}),
        )
        print(f"  {len(loaded_index.findings()):,} findings; load + check {load_t + check_t:.2f} s")
    verdict = "ok" if full < 2 and incremental < 0.05 else "MISSED"
    print(f"targets (full < 2 s, incremental < 50 ms): {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The operations checks on the 5,000-person synthetic plan, as ratios to a single-session move.

    .venv/bin/python -m benchmarks.bench_operations_checks [--people 5000] [--items 2000]
        [--repeat 7] [--plan FILE]

The plan gets `bench_operations`'s operations (rooms, a coach per tour with its roster seated
for every leg, dietary tags on one person in five) and an airport coach per tour the afternoon
before it starts, an hour after the synthetic flyers land, with a seat for each of them. Measured in CPU time, taking turns, median of
--repeat rounds: the full check with every rule and without the three of arrivals and meals,
and the recheck after moving the busiest meal and the airport coach with most riders (with and without the new
rules), each against the recheck after moving one session (the floor, measured in the same rounds).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from benchmarks.bench_operations import add_operations
from benchmarks.synthetic import generate_plan
from tourplanner.db import PlanFile
from tourplanner.models import Programme, Traveller, TravelSegment, Vehicle
from tourplanner.scheduling.index import ConflictIndex
from tourplanner.scheduling.rules import ARRIVAL_RULES, MEAL_RULES, RULES
from tourplanner.scheduling.snapshot import PlanSnapshot
from tourplanner.services import items, vehicles
from tourplanner.services.conflicts import load_snapshot

NEW_RULES = ARRIVAL_RULES | MEAL_RULES


def add_airport_coaches(plan: PlanFile) -> None:
    """A transfer item per tour at 15:35 local the day before it starts, on the tour's coach;
    whoever lands in the hour before it has a seat for that leg (the others are not met)."""
    with plan.transaction() as s:
        for prog in s.scalars(select(Programme).where(Programme.kind.like("%tour%"))).all():
            start = datetime.combine(prog.start_date - timedelta(days=1), datetime.min.time())
            start = start.replace(hour=15, minute=35)
            leg = items.create_item(
                s,
                programme_id=prog.id,
                title_en="Airport coach",
                kind="transfer",
                timezone=prog.timezone,
                start=start,
                end=start + timedelta(hours=1),
            )
            leaves = items.get_item(s, leg).start_utc
            landed = s.scalars(
                select(Traveller.person_id)
                .join(TravelSegment, TravelSegment.id == Traveller.segment_id)
                .where(TravelSegment.kind == "flight")
                .where(TravelSegment.end_utc.between(leaves - timedelta(hours=1), leaves))
            ).all()
            coach = s.scalar(select(Vehicle.id).where(Vehicle.programme_id == prog.id))
            if coach is None:
                coach = vehicles.create_vehicle(
                    s, name=f"Coach {prog.id}", kind="coach", seats=49, programme_id=prog.id
                )
            for person_id in sorted(set(landed)):
                vehicles.create_seat(s, vehicle_id=coach, person_id=person_id, item_id=leg)


def copy_of(snap: PlanSnapshot) -> PlanSnapshot:
    """A snapshot an index may own and edit (the bookings list it only reads)."""
    return replace(
        snap,
        items=dict(snap.items),
        programmes=dict(snap.programmes),
        people=dict(snap.people),
        travel=dict(snap.travel),
        _minutes_cache={},
        place_memo={},
    )


def cpu(run: Callable[[], object]) -> float:
    start = time.process_time()
    run()
    return time.process_time() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=5000)
    parser.add_argument("--items", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--plan", type=Path, help="reuse this synthetic plan (copied)")
    args = parser.parse_args(argv)
    path = Path(tempfile.mkdtemp(prefix="bench-ops-checks-")) / "plan.tourplan"
    if args.plan:
        path.write_bytes(args.plan.read_bytes())
    else:
        generate_plan(path, people=args.people, items=args.items, programmes=5, quiet=True)
    with PlanFile.open(path) as plan:
        add_operations(plan)
        add_airport_coaches(plan)
        with plan.reading() as s:
            snap = load_snapshot(s)
    index = ConflictIndex(copy_of(snap))

    def busiest(kind: str, people: Callable[[int], int]) -> int:
        return max(
            (i for i in snap.items.values() if i.kind == kind), key=lambda i: people(i.id)
        ).id

    session = min(
        (i for i in snap.items.values() if i.kind == "session" and index.item_people(i.id)),
        key=lambda i: (len(index.item_people(i.id)), i.id),
    ).id
    meal = busiest("meal", lambda i: len(index.item_people(i)))
    coach = busiest("transfer", lambda i: len(index.carriage.people_on(index.snap.items[i])))
    print(
        f"{len(snap.people):,} people, {len(snap.items):,} items, {len(snap.bookings):,} bookings, "
        f"{len(snap.travel):,} journeys and stays, {len(snap.operations.seats):,} seats; "
        f"moved: a session of {len(index.item_people(session))}, a meal of "
        f"{len(index.item_people(meal))}, a coach of "
        f"{len(index.carriage.people_on(index.snap.items[coach]))} riders"
    )
    step = [timedelta(minutes=15)]

    old_rules = frozenset(RULES) - NEW_RULES
    index_old = ConflictIndex(copy_of(snap), old_rules)

    def move(item_id: int, on: ConflictIndex = index) -> Callable[[], None]:
        def run() -> None:
            old = on.snap.items[item_id]
            on.replace_item(item_id, replace(old, start=old.start + step[0], end=old.end + step[0]))

        return run

    times: dict[str, list[float]] = {
        k: []
        for k in ("session", "meal", "meal-old", "transfer", "transfer-old", "full", "full-old")
    }
    for n in range(args.repeat):
        step[0] = timedelta(minutes=15 if n % 2 == 0 else -15)  # there and back again
        times["session"].append(cpu(move(session)))
        times["meal"].append(cpu(move(meal)))
        times["meal-old"].append(cpu(move(meal, index_old)))
        times["transfer"].append(cpu(move(coach)))
        times["transfer-old"].append(cpu(move(coach, index_old)))
        fresh, fresh_old = copy_of(snap), copy_of(snap)
        times["full"].append(cpu(lambda: ConflictIndex(fresh)))  # noqa: B023
        times["full-old"].append(cpu(lambda: ConflictIndex(fresh_old, old_rules)))  # noqa: B023
    assert index.findings() == ConflictIndex(index.current_snapshot()).findings()
    found = ConflictIndex(copy_of(snap)).findings()
    counts = {rule: sum(f.rule == rule for f in found) for rule in sorted(NEW_RULES)}
    print("new findings:", ", ".join(f"{rule} {n}" for rule, n in counts.items()))
    median = {k: statistics.median(v) for k, v in times.items()}
    floor = median["session"]
    print(f"median of {args.repeat} rounds, CPU seconds; ratio to moving one session")
    for key, what in (
        ("session", "move a session (the floor)"),
        ("meal-old", "move the busiest meal, old rules"),
        ("meal", "move the busiest meal"),
        ("transfer-old", "move the airport coach, old rules"),
        ("transfer", "move the airport coach"),
        ("full-old", "full check without the new rules"),
        ("full", "full check, every rule"),
    ):
        print(f"  {what:34} {median[key] * 1000:9.2f} ms   ratio {median[key] / floor:9.1f}")
    print(
        f"  full check: every rule / without the new ones: {median['full'] / median['full-old']:.3f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Operations exports on a big synthetic plan: the rooming list, a bus manifest and the catering
sheet, each against a floor measured in the same run (writing the same Document, no database).

    .venv/bin/python -m benchmarks.bench_operations [--people 5000] [--plan FILE]

The synthetic plan has no operations: this adds a room to every hotel stay (pairs in twins), a
coach per tour with its roster seated, and dietary tags on one person in five. Prints each
export's time, its floor and their ratio.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from sqlalchemy import select

from benchmarks.synthetic import generate_plan
from tourplanner.db import PlanFile
from tourplanner.enums import DietaryTag
from tourplanner.export.operations import catering, manifest, rooming
from tourplanner.export.operations.document import Document, write_document
from tourplanner.models import Participation, Person, Programme, TravelSegment
from tourplanner.services import people, room_bookings, vehicles
from tourplanner.services.catering import meal_counts
from tourplanner.services.manifest import manifest_legs
from tourplanner.services.rooming import rooming_sections


def add_operations(plan: PlanFile, seed: int = 0) -> str:
    """Rooms, a coach per tour, dietary tags; returns the title of the tour with most riders."""
    rng = random.Random(seed)
    tags = [t.value for t in DietaryTag if t != DietaryTag.OTHER]
    with plan.transaction() as s:
        stays = s.scalars(
            select(TravelSegment.id).where(TravelSegment.kind == "hotel").order_by(TravelSegment.id)
        ).all()
        for n, stay in enumerate(stays):
            room_bookings.create_room_booking(
                s, stay_id=stay, room_type="single", room_number=str(n)
            )
        for person_id in s.scalars(select(Person.id)).all():
            if rng.random() < 0.2:
                people.update_person(s, person_id, dietary_tags=rng.sample(tags, 2))
        best, most = "", 0
        for prog in s.scalars(select(Programme).where(Programme.kind.like("%tour%"))).all():
            riders = s.scalars(
                select(Participation.person_id).where(
                    Participation.programme_id == prog.id, Participation.status == "confirmed"
                )
            ).all()
            if not riders:
                continue
            coach = vehicles.create_vehicle(
                s,
                name=f"Coach {prog.id}",
                kind="coach",
                seats=max(len(riders), 1),
                programme_id=prog.id,
            )
            vehicles.seat_people(s, coach, list(riders), None)
            if len(riders) > most:
                best, most = prog.title_en, len(riders)
    return best


def _timed(run) -> float:  # noqa: ANN001
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=5000)
    parser.add_argument("--plan", type=Path, help="reuse this synthetic plan (copied)")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="bench-ops-"))
    path = work / "plan.tourplan"
    if args.plan:
        path.write_bytes(args.plan.read_bytes())
    else:
        generate_plan(path, people=args.people, items=2000, programmes=5, quiet=True)
    with PlanFile.open(path) as plan:
        tour = add_operations(plan)
        with plan.reading() as s:
            jobs = {
                "rooming-list.pdf": (
                    lambda out: rooming.export_rooming_list(s, out, plan_title="Bench"),
                    lambda: rooming.rooming_document(rooming_sections(s), "Bench"),
                ),
                "rooming-list.xlsx": (
                    lambda out: rooming.export_rooming_list(s, out, plan_title="Bench"),
                    lambda: rooming.rooming_document(rooming_sections(s), "Bench"),
                ),
                "manifest.pdf": (
                    lambda out: manifest.export_manifest(
                        s, out, plan_title="Bench", programme=tour
                    ),
                    lambda: Document(
                        "BUS MANIFEST",
                        "Bench",
                        tuple(map(manifest.leg_block, manifest_legs(s, tour))),
                    ),
                ),
                "catering.pdf": (
                    lambda out: catering.export_catering(s, out, plan_title="Bench"),
                    lambda: catering.catering_document(meal_counts(s), "Bench"),
                ),
            }
            for name, (export, document) in jobs.items():
                full = _timed(lambda: export(work / name))  # noqa: B023
                doc = document()
                floor = _timed(lambda: write_document(doc, work / f"floor-{name}"))  # noqa: B023
                print(f"{name:20} {full:7.2f} s   floor {floor:7.2f} s   ratio {full / floor:5.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

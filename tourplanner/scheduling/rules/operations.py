"""staff-double-booked, vehicle-over-seats and room-nights-differ: the operations around the
programme.

A guide, driver or interpreter is somewhere for each assignment: an item's time, or a whole
local day of a programme; two of those that overlap, in different places (items, vehicles), are
a clash, and so is a driver of two vehicles serving at once. A vehicle holds its seats on each
leg: the people seated for every leg plus those seated for that leg alone. Two guests sharing a
room check in and out on the same days.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime

from tourplanner.scheduling.findings import ERROR, Finding
from tourplanner.scheduling.operations_records import AssignmentRec, VehicleRec
from tourplanner.scheduling.snapshot import PlanSnapshot
from tourplanner.timezones import local_day_bounds, to_local

Timed = tuple[float, Finding]
Span = tuple[
    datetime, datetime, str, tuple[int, ...], int | None
]  # start, end, what, items, vehicle


def _assignment_span(snap: PlanSnapshot, a: AssignmentRec) -> Span | None:
    if a.item_id is not None:
        item = snap.items.get(a.item_id)
        if item is None or item.status == "cancelled":
            return None
        return (item.start, item.end, f"'{item.title}'", (item.id,), a.vehicle_id)
    prog = snap.programmes.get(a.programme_id) if a.programme_id is not None else None
    if prog is None or a.day is None:
        return None
    start, end = local_day_bounds(a.day, prog.zone)
    return (start, end, f"'{prog.title}' on {a.day.isoformat()}", (), a.vehicle_id)


def _vehicle_span(snap: PlanSnapshot, v: VehicleRec) -> Span | None:
    if v.item_id is not None:
        item = snap.items.get(v.item_id)
        return (item.start, item.end, f"'{v.name}'", (item.id,), v.id) if item else None
    prog = snap.programmes.get(v.programme_id) if v.programme_id is not None else None
    if prog is None:
        return None
    start, _ = local_day_bounds(prog.start_date, prog.zone)
    _, end = local_day_bounds(prog.end_date, prog.zone)
    return (start, end, f"'{v.name}'", (), v.id)


def _same_place(a: Span, b: Span) -> bool:
    """The same vehicle, or a day assignment covering the item of the other (no second place)."""
    if a[4] is not None and a[4] == b[4]:
        return True
    return bool(set(a[3]) & set(b[3]))


def staff_double_booked(snap: PlanSnapshot) -> list[Timed]:
    ops = snap.operations
    spans: dict[int, list[tuple[Span, str]]] = defaultdict(list)
    for job in ops.assignments:
        span = _assignment_span(snap, job)
        if span is not None:
            spans[job.person_id].append((span, job.role))
    for v in ops.vehicles.values():
        if v.driver_id is not None:
            span = _vehicle_span(snap, v)
            if span is not None:
                spans[v.driver_id].append((span, "driver"))
    found: list[Timed] = []
    for person_id, mine in spans.items():
        mine.sort(key=lambda s: s[0][0])
        person = snap.people.get(person_id)
        name = person.name if person else f"person #{person_id}"
        for n, (a, role_a) in enumerate(mine):
            for b, role_b in mine[n + 1 :]:
                if b[0] >= a[1]:
                    break
                if _same_place(a, b):
                    continue
                # A day's assignment with a vehicle and an item on that day without one (the
                # guide goes along with the bus) is not two places.
                if (not a[3] and a[4] is not None and b[4] is None) or (
                    not b[3] and b[4] is not None and a[4] is None
                ):
                    continue
                found.append(
                    (
                        max(a[0], b[0]).timestamp(),
                        Finding(
                            "staff-double-booked",
                            ERROR,
                            f"{name} is {role_a} for {a[2]} and {role_b} for {b[2]} "
                            "at the same time",
                            item_ids=tuple(sorted(set(a[3]) | set(b[3]))),
                            person_ids=(person_id,),
                        ),
                    )
                )
    return found


def vehicle_over_seats(snap: PlanSnapshot) -> list[Timed]:
    ops = snap.operations
    every: dict[int, set[int]] = defaultdict(set)
    per_leg: dict[tuple[int, int], set[int]] = defaultdict(set)
    for seat in ops.seats:
        if seat.item_id is None:
            every[seat.vehicle_id].add(seat.person_id)
        else:
            per_leg[(seat.vehicle_id, seat.item_id)].add(seat.person_id)
    found: list[Timed] = []
    for v in ops.vehicles.values():
        legs: list[int | None] = [k[1] for k in per_leg if k[0] == v.id] or [None]
        for leg in legs:
            riders = every[v.id] | (per_leg.get((v.id, leg), set()) if leg is not None else set())
            if len(riders) <= v.seats:
                continue
            item = snap.items.get(leg) if leg is not None else None
            where = f" on '{item.title}'" if item else ""
            when = item.start.timestamp() if item else 0.0
            found.append(
                (
                    when,
                    Finding(
                        "vehicle-over-seats",
                        ERROR,
                        f"'{v.name}' has {len(riders)} people seated{where} for its "
                        f"{v.seats} seats: {len(riders) - v.seats} over.",
                        item_ids=(leg,) if leg is not None else (),
                        person_ids=tuple(sorted(riders)),
                        programme_ids=(v.programme_id,) if v.programme_id else (),
                    ),
                )
            )
    return found


def room_nights_differ(snap: PlanSnapshot) -> list[Timed]:
    """Two stays sharing a room whose nights differ: one guest pays (or sleeps) alone."""
    stays = {t.journey_id: t for t in snap.travel.values() if t.kind == "hotel"}
    found: list[Timed] = []
    for stay_id, other_id in snap.operations.shared_rooms:
        a, b = stays.get(stay_id), stays.get(other_id)
        if a is None or b is None:
            continue
        nights_a = (to_local(a.start, a.end_zone).date(), to_local(a.end, a.end_zone).date())
        nights_b = (to_local(b.start, b.end_zone).date(), to_local(b.end, b.end_zone).date())
        if nights_a == nights_b:
            continue
        names = [
            snap.people[t.person_id].name if t.person_id in snap.people else "" for t in (a, b)
        ]
        hotel = snap.venues.get(a.venue_id) if a.venue_id is not None else None
        found.append(
            (
                min(a.start, b.start).timestamp(),
                Finding(
                    "room-nights-differ",
                    ERROR,
                    f"{names[0]} ({_nights(nights_a)}) and {names[1]} ({_nights(nights_b)}) "
                    f"share a room at {hotel.name if hotel else a.to_place} but not the same nights",
                    person_ids=tuple(sorted({a.person_id, b.person_id})),
                    travel_ids=tuple(sorted({a.id, b.id})),
                ),
            )
        )
    return found


def _nights(span: tuple[date, date]) -> str:
    return f"{span[0]:%d %b}–{span[1]:%d %b}"


def operations_findings(snap: PlanSnapshot, rules: frozenset[str]) -> list[Timed]:
    """Every operations finding of the plan (rechecked as a whole: a few hundred records)."""
    found: list[Timed] = []
    if "staff-double-booked" in rules:
        found += staff_double_booked(snap)
    if "vehicle-over-seats" in rules:
        found += vehicle_over_seats(snap)
    if "room-nights-differ" in rules:
        found += room_nights_differ(snap)
    return found

"""The whereabouts rules agree with a naive moment-by-moment and night-by-night reconstruction
on generated plans, and an index kept up to date edit by edit equals a full check."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tourplanner.scheduling.index import ConflictIndex
from tourplanner.scheduling.snapshot import (
    BookingRec,
    ItemRec,
    PersonRec,
    PlanSnapshot,
    ProgrammeRec,
    TravelRec,
    VenueRec,
)

BASE = datetime(2015, 4, 14, 0, 0, tzinfo=UTC)
# city -> (zone, how a journey names its airport)
CITIES = {
    "Beijing": ("Asia/Shanghai", "Beijing Capital (PEK), Terminal 3"),
    "Shenzhen": ("Asia/Shanghai", "Shenzhen Bao'an (SZX)"),
    "Washington": ("America/New_York", "Washington Dulles (IAD)"),
}
VENUE_CITY = {1: "Beijing", 2: "Shenzhen", 3: "Washington"}
HOTELS = {"Beijing": 4, "Shenzhen": 5, "Washington": 6}
RULES = ("not-in-city", "no-hotel")


def _step(draw, lo: int, hi: int) -> timedelta:
    return timedelta(minutes=30 * draw(st.integers(lo, hi)))


@st.composite
def plans(draw) -> PlanSnapshot:
    snap = PlanSnapshot()
    snap.programmes = {
        1: ProgrammeRec(1, "Tour", "conference", date(2015, 4, 10), date(2015, 5, 5), "UTC")
    }
    for vid, city in VENUE_CITY.items():
        snap.venues[vid] = VenueRec(vid, f"Hall {vid}", city, CITIES[city][0])
    for city, vid in HOTELS.items():
        snap.venues[vid] = VenueRec(vid, f"Hotel {vid}", city, CITIES[city][0])
    people = draw(st.integers(1, 3))
    snap.people = {p: PersonRec(p, f"Person {p}") for p in range(1, people + 1)}
    travel_id = 0
    for person in snap.people:
        at = BASE + _step(draw, 0, 48)
        here = draw(st.sampled_from(sorted(CITIES)))
        slept = here  # where they last arrived: their hotels are there
        for _ in range(draw(st.integers(0, 4))):
            there = draw(st.sampled_from(sorted(CITIES)))
            if draw(st.booleans()):  # a hotel stay where they are, before they move on
                travel_id += 1
                check_in = at + _step(draw, 0, 6)
                check_out = check_in + _step(draw, 1, 100)
                snap.travel[travel_id] = _hotel(travel_id, person, slept, check_in, check_out)
                at = check_out
            leaves = at + _step(draw, 0, 30)
            lands = leaves + _step(draw, 1, 30)
            travel_id += 1
            kind = draw(st.sampled_from(["flight", "train", "road"]))
            snap.travel[travel_id] = _leg(travel_id, person, kind, here, there, leaves, lands)
            # Now and then a journey leaves from somewhere they never went: a gap in the data.
            slept, at = there, lands
            here = there if draw(st.integers(0, 4)) else draw(st.sampled_from(sorted(CITIES)))
        if draw(st.booleans()):
            travel_id += 1
            check_in = at + _step(draw, 0, 6)
            snap.travel[travel_id] = _hotel(
                travel_id, person, slept, check_in, check_in + _step(draw, 1, 100)
            )
    for item_id in range(1, draw(st.integers(0, 10)) + 1):
        start = BASE + _step(draw, 0, 48 * 12)
        venue = draw(st.sampled_from(sorted(VENUE_CITY)))
        zone = CITIES[VENUE_CITY[venue]][0]
        end = start + _step(draw, 1, 6)
        snap.items[item_id] = ItemRec(
            item_id, 1, f"Item {item_id}", "keynote", "confirmed", start, end, zone, venue
        )
        for person in draw(st.sets(st.sampled_from(sorted(snap.people)), max_size=people)):
            snap.bookings.append(BookingRec(person, item_id, None))
    return snap


def _leg(tid, person, kind, here, there, leaves, lands) -> TravelRec:
    (zone_a, place_a), (zone_b, place_b) = CITIES[here], CITIES[there]
    label = f"{kind} {tid}"
    return TravelRec(
        tid, person, kind, label, leaves, lands, zone_a, zone_b, None, place_a, place_b
    )


def _hotel(tid, person, city, check_in, check_out) -> TravelRec:
    zone = CITIES[city][0]
    venue = HOTELS[city]
    label = f"hotel stay at Hotel {venue}"
    return TravelRec(tid, person, "hotel", label, check_in, check_out, zone, zone, venue, "", "")


# -- the naive reconstruction: no intervals, one moment and one night at a time -------------------


def _city_of_place(text: str) -> str:
    return next(city for city, (_, place) in CITIES.items() if place == text)


def naive_where(legs: list[TravelRec], t: datetime) -> tuple[str, str] | None:
    """(city, zone) at t, or None while travelling; legs in (start, id) order."""
    if any(leg.start <= t < leg.end for leg in legs):
        return None
    landed = [leg for leg in legs if leg.end <= t]
    if not landed:
        first = legs[0]
        return _city_of_place(first.from_place), first.start_zone
    latest = max(leg.end for leg in landed)
    prev = next(leg for leg in landed if leg.end == latest)
    return _city_of_place(prev.to_place), prev.end_zone


def naive_findings(snap: PlanSnapshot) -> set[tuple]:
    found: set[tuple] = set()
    for person in snap.people.values():
        journeys = sorted(
            (t for t in snap.travel.values() if t.person_id == person.id),
            key=lambda t: (t.start, t.id),
        )
        legs = [t for t in journeys if t.kind != "hotel"]
        hotels = [t for t in journeys if t.kind == "hotel"]
        booked = sorted(
            (snap.items[b.item_id] for b in snap.bookings if b.person_id == person.id),
            key=lambda i: (i.start, i.end, i.id),
        )
        booked = list({i.id: i for i in booked}.values())
        if not legs:
            continue
        for item in booked:
            where = naive_where(legs, item.start)
            if where is not None and where[0] != VENUE_CITY[item.venue_id]:
                found.add(("not-in-city", person.id, item.id))
        first = booked[0].start if booked else None
        last = max((i.end for i in booked), default=None)
        arrival = legs[0] if first is None or legs[0].start <= first else None
        departure = legs[-1] if last is None or legs[-1].end >= last else None
        if departure is arrival:
            departure = None if booked or len(legs) == 1 else departure
        if arrival is None or (departure is None and not booked):
            continue
        ends = departure.start if departure else last
        day = date(2015, 4, 8)
        while day < date(2015, 5, 12):
            for zone in {z for z, _ in CITIES.values()}:
                t = datetime.combine(day + timedelta(days=1), time(3), ZoneInfo(zone))
                if not (arrival.end < t < ends):
                    continue
                if any(leg.start <= t <= leg.end for leg in legs):
                    continue
                if naive_where(legs, t)[1] != zone:
                    continue
                if not any(h.start <= t <= h.end for h in hotels):
                    found.add(("no-hotel", person.id, f"{day:%a} {day.day} {day:%b}"))
            day += timedelta(days=1)
    return found


def fast_findings(snap: PlanSnapshot) -> set[tuple]:
    found: set[tuple] = set()
    for f in ConflictIndex(snap, RULES).findings():
        if f.rule == "not-in-city":
            found.add((f.rule, f.person_ids[0], f.item_ids[0]))
        else:
            night = f.message.split("for the night of ")[1].rstrip(".")
            found.add((f.rule, f.person_ids[0], night))
    return found


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_whereabouts_rules_equal_the_naive_reconstruction(snap: PlanSnapshot) -> None:
    assert fast_findings(snap) == naive_findings(snap)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans(), st.data())
def test_incremental_edits_equal_a_full_recheck(snap: PlanSnapshot, data) -> None:
    index = ConflictIndex(snap)
    for _ in range(data.draw(st.integers(1, 4))):
        edit = data.draw(st.sampled_from(["move", "venue", "travel", "bookings", "delete"]))
        person = data.draw(st.sampled_from(sorted(snap.people)))
        if edit in ("move", "venue") and snap.items:
            item_id = data.draw(st.sampled_from(sorted(snap.items)))
            old = snap.items[item_id]
            if edit == "move":
                shift = timedelta(minutes=30 * data.draw(st.integers(-96, 96)))
                new = replace(old, start=old.start + shift, end=old.end + shift)
            else:
                new = replace(old, venue_id=data.draw(st.sampled_from(sorted(VENUE_CITY))))
            index.replace_item(item_id, new)
        elif edit == "travel":
            journeys = [t for t in snap.travel.values() if t.person_id == person]
            if journeys and data.draw(st.booleans()):
                journeys.pop(data.draw(st.integers(0, len(journeys) - 1)))
            else:
                leaves = BASE + timedelta(hours=data.draw(st.integers(0, 300)))
                there = data.draw(st.sampled_from(sorted(CITIES)))
                journeys.append(
                    _leg(
                        max(snap.travel, default=0) + 1,  # the index keeps snap.travel
                        person,
                        "flight",
                        "Beijing",
                        there,
                        leaves,
                        leaves + timedelta(hours=3),
                    )
                )
            index.replace_person(person, snap.people[person], travel=journeys)
        elif edit == "bookings":
            ids = data.draw(st.sets(st.sampled_from(sorted(snap.items) or [0]), max_size=3))
            index.replace_person(
                person,
                snap.people[person],
                bookings=[BookingRec(person, i, None) for i in ids if i],
            )
        else:
            index.replace_person(person, None)
            snap.people[person] = PersonRec(person, f"Person {person}")
            index.replace_person(person, snap.people[person], [], [])
        assert index.findings() == ConflictIndex(index.current_snapshot()).findings()

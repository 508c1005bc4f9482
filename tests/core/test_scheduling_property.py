"""The sort-and-sweep checker finds exactly what the all-pairs checker finds, on random plans."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tourplanner.scheduling.index import ConflictIndex
from tourplanner.scheduling.naive import naive_check
from tourplanner.scheduling.operations_records import (
    AssignmentRec,
    OperationsSnapshot,
    SeatRec,
    VehicleRec,
)
from tourplanner.scheduling.snapshot import (
    ITEM,
    NEEDS_OWN_BOOKING,
    BookingRec,
    ItemRec,
    PersonRec,
    PlanSnapshot,
    ProgrammeRec,
    RoomRec,
    TravelRec,
    VenueRec,
)

BASE = datetime(2015, 4, 20, 0, 0, tzinfo=UTC)
ZONES = ("Asia/Shanghai", "America/New_York")
STATUSES = ("confirmed", "confirmed", "tentative", "cancelled")


@st.composite
def snapshots(draw) -> PlanSnapshot:
    snap = PlanSnapshot()
    snap.programmes = {
        1: ProgrammeRec(
            1, "Conference", "conference", date(2015, 4, 20), date(2015, 4, 22), "Asia/Shanghai"
        ),
        2: ProgrammeRec(
            2, "Tour", "post_tour", date(2015, 4, 22), date(2015, 4, 23), "Asia/Shanghai", 2, 1
        ),
    }
    snap.venues = {
        1: VenueRec(1, "Hall", "Shenzhen", ZONES[0]),
        2: VenueRec(2, "Hotel", "Shenzhen", ZONES[0]),
        3: VenueRec(3, "HQ", "DC", ZONES[1]),
    }
    snap.rooms = {
        1: RoomRec(1, 1, "Hall A", draw(st.sampled_from([None, 1, 3]))),
        2: RoomRec(2, 1, "Room 3", None),
    }
    # Trips of other lengths: a short one between cities, or a pair's own that takes longer
    # than any other (how far from a moved item a recheck must look).
    snap.minutes_other_city = draw(st.sampled_from([180, 45]))
    snap.travel_minutes = draw(st.sampled_from([{}, {(1, 3): 20}, {(1, 3): 600}]))
    people = draw(st.integers(1, 4))
    snap.people = {p: PersonRec(p, f"Person {p}") for p in range(1, people + 1)}
    count = draw(st.integers(0, 14))
    for item_id in range(1, count + 1):
        start = BASE + timedelta(minutes=15 * draw(st.integers(0, 4 * 24 * 3)))
        length = timedelta(minutes=15 * draw(st.integers(1, 12)))
        place = draw(st.sampled_from([(1, 1), (1, 2), (2, None), (3, None), (None, None)]))
        snap.items[item_id] = ItemRec(
            item_id,
            draw(st.sampled_from([1, 2])),
            f"Item {item_id}",
            draw(st.sampled_from(["session", "meal", "keynote"])),
            draw(st.sampled_from(STATUSES)),
            start,
            start + length,
            ZONES[1] if place[0] == 3 else ZONES[0],
            place[0],
            place[1],
            draw(st.sampled_from(["", "", "FREQ=DAILY;COUNT=2"])),
        )
    for _ in range(draw(st.integers(0, 25))):
        person = draw(st.integers(1, people))
        if snap.items and draw(st.booleans()):
            snap.bookings.append(
                BookingRec(
                    person,
                    draw(st.sampled_from(sorted(snap.items))),
                    None,
                    "attending",
                    draw(st.sampled_from(["confirmed", "waitlisted"])),
                )
            )
        else:
            snap.bookings.append(
                BookingRec(person, None, draw(st.sampled_from([1, 2])), "attending", "confirmed")
            )
    for travel_id in range(1, draw(st.integers(0, 4)) + 1):
        start = BASE + timedelta(hours=draw(st.integers(-24, 90)))
        snap.travel[travel_id] = TravelRec(
            travel_id,
            draw(st.integers(1, people)),
            draw(st.sampled_from(["flight", "hotel", "road"])),
            f"trip {travel_id}",
            start,
            start + timedelta(hours=draw(st.integers(1, 30))),
            ZONES[1],
            ZONES[0],
            None,
        )
    return snap


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(snapshots())
def test_fast_checker_equals_naive_checker(snap: PlanSnapshot) -> None:
    assert ConflictIndex(snap).findings() == naive_check(snap)


EDITS = ("move", "status", "delete", "bookings", "travel", "programme", "person")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(snapshots(), st.data())
def test_incremental_edits_equal_a_full_recheck(snap: PlanSnapshot, data) -> None:
    index = ConflictIndex(snap)
    for _ in range(data.draw(st.integers(1, 3))):
        edit = data.draw(st.sampled_from(EDITS))
        if edit in ("move", "status", "delete") and snap.items:
            item_id = data.draw(st.sampled_from(sorted(snap.items)))
            old = snap.items[item_id]
            if edit == "move":
                shift = timedelta(minutes=15 * data.draw(st.integers(-40, 40)))
                new = replace(old, start=old.start + shift, end=old.end + shift)
                bookings = None
            elif edit == "status":
                new = replace(old, status=data.draw(st.sampled_from(STATUSES)))
                person = data.draw(st.integers(1, len(snap.people)))
                bookings = [BookingRec(person, item_id, None)]  # its bookings replaced too
            else:
                new, bookings = None, None
            index.replace_item(item_id, new, bookings)
        elif edit in ("bookings", "travel", "person"):
            person = data.draw(st.integers(1, len(snap.people)))
            programme = data.draw(st.sampled_from([1, 2]))
            bookings = [BookingRec(person, None, programme, "attending", "confirmed")]
            bookings += [BookingRec(person, i, None) for i in sorted(snap.items)[:2]]
            journey = TravelRec(
                99 + person,
                person,
                "flight",
                "flight X",
                BASE,
                BASE + timedelta(hours=3),
                ZONES[1],
                ZONES[0],
            )
            if edit == "bookings":
                index.replace_person(person, snap.people[person], bookings=bookings)
            elif edit == "travel":
                index.replace_person(person, snap.people[person], travel=[journey])
            else:
                index.replace_person(person, None)
                snap.people[person] = PersonRec(person, f"Person {person}")  # back, afresh
                index.replace_person(person, snap.people[person], bookings, [journey])
        elif edit == "programme":
            tour = snap.programmes[2]
            shift = timedelta(days=data.draw(st.integers(-2, 2)))
            index.replace_programme(
                2, replace(tour, start_date=tour.start_date + shift, end_date=tour.end_date + shift)
            )
        assert index.findings() == ConflictIndex(index.current_snapshot()).findings()


def test_deleting_a_programme_takes_its_items_and_bookings_along() -> None:
    snap = PlanSnapshot(
        programmes={
            1: ProgrammeRec(1, "Tour", "study_tour", date(2015, 4, 20), date(2015, 4, 21), ZONES[0])
        },
        people={1: PersonRec(1, "Li Wei")},
        items={
            1: ItemRec(
                1, 1, "Visit", "site_visit", "tentative", BASE, BASE + timedelta(hours=1), ZONES[0]
            )
        },
        bookings=[BookingRec(1, None, 1), BookingRec(1, 1, None)],
    )
    index = ConflictIndex(snap)
    assert [f.rule for f in index.findings()] == ["tentative"]
    index.replace_programme(1, None)
    assert index.findings() == [] and index.current_snapshot().bookings == []


def test_two_delegates_of_one_name_are_listed_alike_by_both_checks() -> None:
    # Their findings read the same, word for word: only their ids tell them apart.
    start = BASE

    def session(item_id: int, hours: int) -> ItemRec:
        begin = start + timedelta(hours=hours)
        return ItemRec(
            item_id,
            1,
            f"Session {item_id}",
            "session",
            "confirmed",
            begin,
            begin + timedelta(hours=2),
            ZONES[0],
        )

    snap = PlanSnapshot(
        programmes={
            1: ProgrammeRec(1, "Conf", "conference", date(2015, 4, 20), date(2015, 4, 22), ZONES[0])
        },
        people={1: PersonRec(1, "Li Wei"), 2: PersonRec(2, "Li Wei")},
        items={1: session(1, 0), 2: session(2, 1), 3: session(3, 8)},
        bookings=[BookingRec(p, i, None) for p in (1, 2) for i in (1, 2)],
    )
    index = ConflictIndex(snap)
    assert [f.person_ids for f in index.findings()] == [(1,), (2,)]
    # The first Li Wei is rebooked (a clash added): the listing is kept in order edit by edit.
    index.replace_item(4, session(4, 8), [BookingRec(1, 4, None)])
    index.replace_person(1, snap.people[1], bookings=[BookingRec(1, i, None) for i in (1, 2, 3, 4)])
    fresh = ConflictIndex(index.current_snapshot()).findings()
    assert index.findings() == fresh
    assert [f.person_ids for f in fresh if f.rule == "person-double-booked"][:2] == [(1,), (2,)]


def _kept_lists_match_a_fresh_build(index: ConflictIndex) -> None:
    fresh = ConflictIndex(index.current_snapshot())
    for person_id in set(index.snap.people) | set(fresh.snap.people):
        kept = index.person_intervals(person_id)
        assert kept == fresh.person_intervals(person_id), person_id
        items = [iv for iv in kept if iv[2] == ITEM]
        assert items == sorted(items) and items == kept[: len(items)]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(snapshots(), st.data())
def test_each_persons_kept_list_equals_a_fresh_sort_after_any_edit(snap: PlanSnapshot, data):
    """The sorted lists the index keeps per person (bisected on moves, rebuilt on booking
    changes) stay what sorting from scratch gives, and so do the findings."""
    index = ConflictIndex(snap)
    for _ in range(data.draw(st.integers(1, 4))):
        if not snap.items:
            break
        item_id = data.draw(st.sampled_from(sorted(snap.items)))
        old = snap.items[item_id]
        edit = data.draw(st.sampled_from(("move", "kind", "status", "recur", "add")))
        if edit == "move":
            shift = timedelta(minutes=15 * data.draw(st.integers(-40, 40)))
            index.replace_item(item_id, replace(old, start=old.start + shift, end=old.end + shift))
        elif edit == "kind":  # a plenary everyone attends <-> a breakout booked one by one
            kind = "keynote" if old.kind in NEEDS_OWN_BOOKING else "session"
            index.replace_item(item_id, replace(old, kind=kind))
        elif edit == "status":
            index.replace_item(item_id, replace(old, status=data.draw(st.sampled_from(STATUSES))))
        elif edit == "recur":
            index.replace_item(item_id, replace(old, recurrence="FREQ=DAILY;COUNT=3"))
        else:
            new_id = max(snap.items) + 1
            index.replace_item(new_id, replace(old, id=new_id))
        _kept_lists_match_a_fresh_build(index)
        assert index.findings() == ConflictIndex(index.current_snapshot()).findings()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(snapshots(), st.data())
def test_rechecks_near_a_moved_item_equal_a_full_recheck(snap: PlanSnapshot, data) -> None:
    """A move rechecks each attendee near the item only (its pairs, the trips around its old
    and new places): after any run of moves, renames and venue changes, that is what a full
    check of the edited plan finds. Some items last long, so that the look back is tried."""
    for item_id in data.draw(st.lists(st.sampled_from(sorted(snap.items) or [0]), max_size=2)):
        if item_id in snap.items:  # a long item: a whole-day excursion or a two-day retreat
            old = snap.items[item_id]
            snap.items[item_id] = replace(old, end=old.start + timedelta(hours=24 + 8 * item_id))
    index = ConflictIndex(snap)
    for _ in range(data.draw(st.integers(1, 8))):
        if not snap.items:
            break
        item_id = data.draw(st.sampled_from(sorted(snap.items)))
        old = snap.items[item_id]
        edit = data.draw(st.sampled_from(("move", "move", "move", "venue", "title")))
        if edit == "move":
            shift = timedelta(minutes=15 * data.draw(st.integers(-200, 200)))
            new = replace(old, start=old.start + shift, end=old.end + shift)
        elif edit == "venue":
            place = data.draw(st.sampled_from([(1, 1), (1, 2), (2, None), (3, None), (None, None)]))
            new = replace(old, venue_id=place[0], room_id=place[1])
        else:
            new = replace(old, title=old.title + "'")
        index.replace_item(item_id, new)
        assert index.findings() == ConflictIndex(index.current_snapshot()).findings()


def test_a_plenary_moved_in_a_hall_rechecks_the_trips_of_those_near_it_only() -> None:
    """A hall's plenary everyone on the programme attends, moved about a day: for those with
    nothing near it (other items far off, or without a venue) no trip changes; those with a
    session after it get their trip found, lost, found again, even one a long trip away."""
    day = BASE + timedelta(hours=1)

    def item(item_id: int, title: str, hours: float, kind: str, venue: int | None) -> ItemRec:
        start = day + timedelta(hours=hours)
        room = 1 if venue == 1 else None
        return ItemRec(
            item_id, 1, title, kind, "confirmed", start, start + timedelta(hours=1),
            ZONES[0], venue, room,
        )  # fmt: skip

    snap = PlanSnapshot(
        programmes={
            1: ProgrammeRec(1, "Conf", "conference", date(2015, 4, 19), date(2015, 4, 24), ZONES[0])
        },
        venues={
            1: VenueRec(1, "Hall", "Shenzhen", ZONES[0]),
            2: VenueRec(2, "Hotel", "Shenzhen", ZONES[0]),
            3: VenueRec(3, "HQ", "DC", ZONES[1]),
        },
        rooms={1: RoomRec(1, 1, "Hall A", None)},
        people={p: PersonRec(p, f"Person {p}") for p in range(1, 5)},
        items={
            1: item(1, "Plenary", 0, "plenary", 1),
            2: item(2, "Breakfast talk", -1.5, "keynote", None),  # everyone's, without a venue
            3: item(3, "Visit DC", 2, "session", 3),  # person 2: 1 h after, 3 h needed
            4: item(4, "Hotel briefing", 10.5, "session", 2),  # person 3: a 10 h trip from the hall
            5: item(5, "Far session", 72, "session", 3),  # person 4: three days on
        },
        bookings=[BookingRec(p, None, 1) for p in range(1, 5)]
        + [BookingRec(2, 3, None), BookingRec(3, 4, None), BookingRec(4, 5, None)],
        travel_minutes={(1, 2): 600},  # longer than any other: how far the recheck looks
    )
    index = ConflictIndex(snap)

    def trips() -> set[tuple[int, tuple[int, ...]]]:
        return {(f.person_ids[0], f.item_ids) for f in index.findings() if f.rule == "travel-time"}

    assert trips() == {(2, (1, 3)), (3, (1, 4))}
    for hours, expected in (
        (7, {(3, (1, 4))}),  # 4 h after the DC visit; 2.5 h before the briefing, 10 h needed
        (-30, set()),  # the day before: no one has anything with a venue near it
        (-29, set()),  # moved again, far from everything with a venue
        (29.5, set()),  # the day after
        (-0.5, {(2, (1, 3))}),  # 10 h before the briefing: just enough
        (0, {(2, (1, 3)), (3, (1, 4))}),  # 9.5 h: too short, found 10 h after the plenary
    ):
        moved = item(1, "Plenary", hours, "plenary", 1)
        index.replace_item(1, moved)
        assert trips() == expected, hours
        assert index.findings() == ConflictIndex(index.current_snapshot()).findings(), hours


TAGS = ("", "", "vegetarian", "halal,nut_allergy")


@st.composite
def operations_snapshots(draw) -> PlanSnapshot:
    """`snapshots` with operations: transfers and meals (with or without a menu), tagged guests,
    arrivals (a flight, then a stay, maybe the person's own car), vehicles, seats, staff."""
    snap = draw(snapshots())
    for item_id, item in list(snap.items.items()):
        kind = draw(st.sampled_from([item.kind, "transfer", "meal"]))
        menu = draw(st.sampled_from(["", "Set menu"])) if kind == "meal" else ""
        snap.items[item_id] = replace(item, kind=kind, menu_note=menu)
    snap.people = {
        p: replace(rec, dietary_tags=draw(st.sampled_from(TAGS))) for p, rec in snap.people.items()
    }
    for person in snap.people:
        if draw(st.booleans()):
            for journey in _arrival(draw, person, 50 + 10 * person):
                snap.travel[journey.id] = journey
    items = sorted(snap.items)
    vehicles = {1: VehicleRec(1, "Coach", draw(st.integers(1, 3)), 1, None, driver_id=1)}
    if items:
        vehicles[2] = VehicleRec(2, "Van", 2, None, draw(st.sampled_from(items)))
    seats = []
    for person in snap.people:
        vehicle = draw(st.sampled_from(sorted(vehicles)))
        leg = None
        if vehicle == 1 and items and draw(st.booleans()):
            leg = draw(st.sampled_from(items))
        if draw(st.booleans()):
            seats.append(SeatRec(vehicle, person, leg))
    jobs = [AssignmentRec(1, 1, "guide", None, 1, date(2015, 4, 21), vehicle_id=1)]
    if items:
        jobs.append(AssignmentRec(2, 1, "interpreter", draw(st.sampled_from(items)), None, None))
    snap.operations = OperationsSnapshot(vehicles=vehicles, seats=seats, assignments=jobs)
    return snap


def _arrival(draw, person: int, first_id: int) -> list[TravelRec]:
    """A flight landing some time in the plan's days, the hotel stay after it, maybe a car."""
    lands = BASE + timedelta(minutes=15 * draw(st.integers(0, 4 * 24 * 3)))
    takes_off = lands - timedelta(hours=draw(st.integers(1, 13)))
    stay = lands + timedelta(hours=draw(st.integers(0, 30)))
    found = [
        TravelRec(first_id, person, "flight", "flight X", takes_off, lands, ZONES[1], ZONES[0]),
        TravelRec(
            first_id + 1, person, "hotel", "stay", stay, stay + timedelta(days=2), *ZONES[::-1]
        ),
    ]
    if draw(st.booleans()):
        leaves = lands + timedelta(minutes=15 * draw(st.integers(-8, 30)))
        found.append(
            TravelRec(
                first_id + 2, person, "road", "car", leaves, leaves + timedelta(hours=1), *ZONES
            )
        )
    return found


OPERATIONS_EDITS = ("move", "status", "kind", "menu", "delete", "tags", "travel", "bookings")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(operations_snapshots(), st.data())
def test_incremental_operations_rechecks_equal_a_full_recheck(snap: PlanSnapshot, data) -> None:
    """Meals and transfers moved, cancelled, turned into something else or deleted, menus
    written and blanked, tags, journeys and bookings changed: the index rechecks the operations
    rules as a full check of the edited plan finds them."""
    index = ConflictIndex(snap)
    assert index.findings() == ConflictIndex(index.current_snapshot()).findings()
    for _ in range(data.draw(st.integers(1, 6))):
        edit = data.draw(st.sampled_from(OPERATIONS_EDITS))
        if edit in ("move", "status", "kind", "menu", "delete") and snap.items:
            item_id = data.draw(st.sampled_from(sorted(snap.items)))
            old = snap.items[item_id]
            new: ItemRec | None
            if edit == "move":
                shift = timedelta(minutes=15 * data.draw(st.integers(-40, 40)))
                new = replace(old, start=old.start + shift, end=old.end + shift)
            elif edit == "status":
                new = replace(old, status=data.draw(st.sampled_from(STATUSES)))
            elif edit == "kind":
                kind = data.draw(st.sampled_from(["transfer", "meal", "keynote", "session"]))
                new = replace(old, kind=kind)
            elif edit == "menu":
                new = replace(old, menu_note="" if old.menu_note else "Set menu")
            else:
                new = None
            index.replace_item(item_id, new)
        elif edit in ("tags", "travel", "bookings"):
            person = data.draw(st.integers(1, len(snap.people)))
            rec = snap.people[person]
            if edit == "tags":
                index.replace_person(
                    person, replace(rec, dietary_tags=data.draw(st.sampled_from(TAGS)))
                )
            elif edit == "travel":
                index.replace_person(
                    person, rec, travel=_arrival(data.draw, person, 900 + 10 * person)
                )
            else:
                programme = data.draw(st.sampled_from([1, 2]))
                bookings = [BookingRec(person, None, programme, "attending", "confirmed")]
                index.replace_person(person, rec, bookings=bookings)
        assert index.findings() == ConflictIndex(index.current_snapshot()).findings()

"""Each scheduling rule: the hit, the near miss, time zones, DST and recurrence."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from tourplanner.services import items, participations, people, programmes, travel, venues
from tourplanner.services.conflicts import build_index, check_plan, refresh_item

pytestmark = pytest.mark.both_engines


@pytest.fixture
def world(plan_file):
    """Two venues in Shenzhen (one with two rooms), one in Washington, a conference, two people."""
    with plan_file.transaction() as s:
        hall = venues.create_venue(
            s, name_en="Convention Center", city="Shenzhen", timezone="Asia/Shanghai"
        )
        hotel = venues.create_venue(
            s, name_en="Shangri-La", city="Shenzhen", timezone="Asia/Shanghai"
        )
        dc = venues.create_venue(
            s, name_en="ICMA HQ", city="Washington", timezone="America/New_York"
        )
        hall_a = venues.add_room(s, hall, name="Hall A", capacity=2)
        room_3 = venues.add_room(s, hall, name="Room 3", capacity=50)
        conf = programmes.create_programme(
            s,
            title_en="Conference",
            kind="conference",
            timezone="Asia/Shanghai",
            start_date=date(2015, 4, 20),
            end_date=date(2015, 4, 23),
        )
        li = people.create_person(s, name_latin="Li Wei")
        ann = people.create_person(s, name_latin="Ann Lee")
    return dict(
        hall=hall, hotel=hotel, dc=dc, hall_a=hall_a, room_3=room_3, conf=conf, li=li, ann=ann
    )


def add(
    plan_file,
    w,
    title,
    start,
    end,
    *,
    room=None,
    venue=None,
    who=(),
    status="confirmed",
    kind="session",
    **extra,
):
    with plan_file.transaction() as s:
        item = items.create_item(
            s,
            programme_id=extra.pop("programme", w["conf"]),
            title_en=title,
            kind=kind,
            status=status,
            room_id=room,
            venue_id=venue,
            start=start,
            end=end,
            **extra,
        )
        for person in who:
            participations.add_participation(s, person, item_id=item)
    return item


def findings(plan_file, rule):
    with plan_file.reading() as s:
        return [f for f in check_plan(s) if f.rule == rule]


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2015, 4, day, hour, minute)


def test_person_double_booked_message_in_local_time(plan_file, world) -> None:
    a = add(
        plan_file, world, "Keynote", at(21, 9), at(21, 10), room=world["hall_a"], who=[world["li"]]
    )
    b = add(
        plan_file,
        world,
        "Press briefing",
        at(21, 9, 30),
        at(21, 10, 15),
        room=world["room_3"],
        who=[world["li"]],
    )
    [f] = findings(plan_file, "person-double-booked")
    assert f.severity == "error" and set(f.item_ids) == {a, b} and f.person_ids == (world["li"],)
    assert f.message == (
        "Li Wei is in 'Keynote' (Hall A, 09:00-10:00 CST) and 'Press briefing' "
        "(Room 3, 09:30-10:15 CST) on Tue 21 Apr."
    )


def test_touching_end_to_start_is_not_an_overlap(plan_file, world) -> None:
    add(plan_file, world, "Keynote", at(21, 9), at(21, 10), room=world["hall_a"], who=[world["li"]])
    add(
        plan_file, world, "Plenary", at(21, 10), at(21, 11), room=world["hall_a"], who=[world["li"]]
    )
    assert findings(plan_file, "person-double-booked") == []
    assert findings(plan_file, "room-double-booked") == []


def test_overlap_across_time_zones(plan_file, world) -> None:
    # 21:00 EDT on 20 April in Washington is 09:00 CST on 21 April in Shenzhen.
    add(
        plan_file,
        world,
        "Video call",
        datetime(2015, 4, 20, 21, 0),
        datetime(2015, 4, 20, 22, 0),
        venue=world["dc"],
        who=[world["ann"]],
    )
    add(
        plan_file,
        world,
        "Workshop",
        at(21, 9, 30),
        at(21, 11),
        room=world["room_3"],
        who=[world["ann"]],
    )
    [f] = findings(plan_file, "person-double-booked")
    assert "21:00-22:00 EDT" in f.message and "09:30-11:00 CST" in f.message


def test_tentative_items_never_conflict_with_each_other(plan_file, world) -> None:
    add(
        plan_file,
        world,
        "Maybe A",
        at(21, 9),
        at(21, 10),
        room=world["room_3"],
        who=[world["li"]],
        status="tentative",
    )
    add(
        plan_file,
        world,
        "Maybe B",
        at(21, 9),
        at(21, 10),
        room=world["room_3"],
        who=[world["li"]],
        status="tentative",
    )
    assert findings(plan_file, "person-double-booked") == []
    assert findings(plan_file, "room-double-booked") == []
    assert len(findings(plan_file, "tentative")) == 2
    add(
        plan_file,
        world,
        "Sure C",
        at(21, 9, 30),
        at(21, 10),
        room=world["room_3"],
        who=[world["li"]],
    )
    assert {f.severity for f in findings(plan_file, "person-double-booked")} == {"warning"}


def test_room_and_roomless_venue_double_booked(plan_file, world) -> None:
    add(plan_file, world, "Panel", at(21, 13), at(21, 14), room=world["room_3"])
    add(plan_file, world, "Workshop", at(21, 13, 30), at(21, 15), room=world["room_3"])
    add(plan_file, world, "Dinner", at(21, 19), at(21, 21), venue=world["hotel"], kind="meal")
    add(
        plan_file,
        world,
        "Reception",
        at(21, 20),
        at(21, 22),
        venue=world["hotel"],
        kind="reception",
    )
    rooms = findings(plan_file, "room-double-booked")
    assert len(rooms) == 2
    assert any(f.message.startswith("Room 3 has 'Panel'") for f in rooms)
    assert any(f.message.startswith("Shangri-La has 'Dinner'") for f in rooms)


def test_travel_time_between_venues(plan_file, world) -> None:
    add(
        plan_file,
        world,
        "Breakfast talk",
        at(21, 8),
        at(21, 9),
        venue=world["hotel"],
        who=[world["li"]],
    )
    add(
        plan_file,
        world,
        "Keynote",
        at(21, 9, 20),
        at(21, 10),
        room=world["hall_a"],
        who=[world["li"]],
    )
    [f] = findings(plan_file, "travel-time")
    assert (
        "20 min to get from 'Breakfast talk'" in f.message and "the trip takes 30 min" in f.message
    )
    with plan_file.transaction() as s:  # a per-pair time overrides the same-city default
        venues.set_travel_time(s, world["hotel"], world["hall"], 15)
    assert findings(plan_file, "travel-time") == []


def test_outside_programme_and_tour_dates(plan_file, world) -> None:
    late = add(plan_file, world, "Farewell", at(24, 10), at(24, 11), room=world["room_3"])
    [f] = findings(plan_file, "outside-programme")
    assert f.item_ids == (late,) and "20 Apr – 23 Apr 2015" in f.message
    with plan_file.transaction() as s:
        programmes.create_programme(
            s,
            title_en="Beijing tour",
            kind="pre_tour",
            parent_id=world["conf"],
            timezone="Asia/Shanghai",
            start_date=date(2015, 4, 16),
            end_date=date(2015, 4, 20),
        )
        programmes.create_programme(
            s,
            title_en="Yangzhou tour",
            kind="post_tour",
            parent_id=world["conf"],
            timezone="Asia/Shanghai",
            start_date=date(2015, 4, 24),
            end_date=date(2015, 4, 26),
        )
    [tour] = findings(plan_file, "tour-dates")
    assert tour.message.startswith(
        "'Beijing tour' ends on Mon 20 Apr, not before 'Conference' starts"
    )


def test_over_capacity_counts_confirmed_only(plan_file, world) -> None:
    with plan_file.transaction() as s:
        tour = programmes.create_programme(
            s,
            title_en="Bus tour",
            kind="study_tour",
            capacity=1,
            timezone="Asia/Shanghai",
            start_date=date(2015, 4, 24),
            end_date=date(2015, 4, 25),
        )
        participations.add_participation(s, world["li"], programme_id=tour)
        participations.add_participation(s, world["ann"], programme_id=tour, status="waitlisted")
    assert findings(plan_file, "over-capacity") == []
    with plan_file.transaction() as s:
        third = people.create_person(s, name_latin="Bo Chen")
        participations.add_participation(s, third, programme_id=tour)
    [f] = findings(plan_file, "over-capacity")
    assert (
        f.message
        == "'Bus tour' has 2 confirmed people for 1 seats: 1 over (1 more on the waiting list)."
    )
    with plan_file.transaction() as s:
        extra = people.create_person(s, name_latin="Dan Wu")
    add(
        plan_file,
        world,
        "Small meeting",
        at(21, 9),
        at(21, 10),
        room=world["hall_a"],
        who=[world["li"], world["ann"], extra],
    )
    [room] = findings(plan_file, "room-over-capacity")
    assert "3 confirmed people for the 2 places of Hall A: 1 over" in room.message


def test_arrival_departure_and_hotel_nights(plan_file, world) -> None:
    li = world["li"]
    with plan_file.transaction() as s:
        travel.create_travel(
            s,
            person_id=li,
            kind="flight",
            carrier="CA",
            number="818",
            start=datetime(2015, 4, 19, 23, 55),
            start_timezone="America/New_York",
            end=datetime(2015, 4, 21, 8, 0),
            end_timezone="Asia/Shanghai",
        )
        travel.create_travel(
            s,
            person_id=li,
            kind="flight",
            carrier="CA",
            number="817",
            start=datetime(2015, 4, 23, 13, 0),
            start_timezone="Asia/Shanghai",
            end=datetime(2015, 4, 23, 14, 0),
            end_timezone="America/New_York",
        )
        travel.create_travel(
            s,
            person_id=li,
            kind="hotel",
            venue_id=world["hotel"],
            start=datetime(2015, 4, 21, 10, 0),
            end=datetime(2015, 4, 22, 12, 0),
        )
    add(plan_file, world, "Early", at(21, 7), at(21, 7, 30), room=world["room_3"], who=[li])
    add(plan_file, world, "Late", at(23, 12, 30), at(23, 14), room=world["room_3"], who=[li])
    [early] = findings(plan_file, "before-arrival")
    assert "'Early'" in early.message and "Tue 21 Apr 08:00 CST" in early.message
    [late] = findings(plan_file, "after-departure")
    assert "'Late'" in late.message
    [night] = findings(plan_file, "no-hotel")  # the hotel covers the 21st only, not the 22nd
    assert night.message == "Li Wei has no hotel for the night of Wed 22 Apr."


def test_booked_into_cancelled_item(plan_file, world) -> None:
    add(
        plan_file,
        world,
        "Cruise",
        at(21, 19),
        at(21, 21),
        venue=world["hotel"],
        who=[world["ann"]],
        status="cancelled",
    )
    [f] = findings(plan_file, "cancelled-booking")
    assert f.severity == "warning" and f.message.startswith("Ann Lee is still booked into 'Cruise'")


def test_recurring_item_across_dst_keeps_wall_clock_and_honours_exdate(plan_file, world) -> None:
    with plan_file.transaction() as s:
        prog = programmes.create_programme(
            s,
            title_en="Training in DC",
            kind="training",
            timezone="America/New_York",
            start_date=date(2015, 3, 6),
            end_date=date(2015, 3, 10),
        )
    # Daily 09:00 EDT/EST class across the 8 March DST change, without end, one day skipped.
    add(
        plan_file,
        world,
        "Morning class",
        datetime(2015, 3, 6, 9),
        datetime(2015, 3, 6, 10),
        venue=world["dc"],
        who=[world["ann"]],
        programme=prog,
        recurrence="FREQ=DAILY",
        exdates="2015-03-09T09:00",
    )
    # 13:00 UTC on 10 March is 09:00 EDT: clashes. 14:00 UTC on 7 March is 09:00 EST: clashes.
    add(
        plan_file,
        world,
        "Call",
        datetime(2015, 3, 10, 9, 30),
        datetime(2015, 3, 10, 10, 30),
        venue=world["dc"],
        who=[world["ann"]],
        programme=prog,
    )
    add(
        plan_file,
        world,
        "Skipped day call",
        datetime(2015, 3, 9, 9, 0),
        datetime(2015, 3, 9, 9, 30),
        venue=world["dc"],
        who=[world["ann"]],
        programme=prog,
    )
    clashes = findings(plan_file, "person-double-booked")
    assert (
        len(clashes) == 1
        and "09:00-10:00 EDT" in clashes[0].message
        and "Tue 10 Mar" in clashes[0].message
    )
    assert (
        findings(plan_file, "outside-programme") == []
    )  # the endless rule stops at the programme's end


def test_incremental_recheck_matches_a_full_check(plan_file, world) -> None:
    a = add(
        plan_file, world, "Keynote", at(21, 9), at(21, 10), room=world["hall_a"], who=[world["li"]]
    )
    b = add(
        plan_file, world, "Panel", at(21, 11), at(21, 12), room=world["room_3"], who=[world["li"]]
    )
    with plan_file.reading() as s:
        index = build_index(s)
    assert index.findings() == []
    with plan_file.transaction() as s:
        items.move_item(s, b, at(21, 9, 30))
        refresh_item(s, index, b)
    with plan_file.reading() as s:
        assert index.findings() == check_plan(s)
    assert [f.rule for f in index.findings()] == ["person-double-booked"]
    with plan_file.transaction() as s:
        items.delete_item(s, a)
        refresh_item(s, index, a)
    assert index.findings() == []


# -- near misses, zones and recurrence for the other rules -------------------------------------


def test_travel_time_exactly_enough_is_fine_one_minute_less_is_not(plan_file, world) -> None:
    add(plan_file, world, "Talk", at(21, 8), at(21, 9), venue=world["hotel"], who=[world["li"]])
    late = add(
        plan_file,
        world,
        "Keynote",
        at(21, 9, 30),
        at(21, 10),
        room=world["hall_a"],
        who=[world["li"]],
    )
    assert findings(plan_file, "travel-time") == []  # 30 min gap, 30 min needed
    with plan_file.transaction() as s:
        items.move_item(s, late, at(21, 9, 29))
    assert len(findings(plan_file, "travel-time")) == 1


def test_travel_time_across_zones_uses_instants(plan_file, world) -> None:
    # 19:00 EDT in Washington is 07:00 CST next morning: 60 min before a 08:00 CST item elsewhere.
    add(
        plan_file,
        world,
        "Call",
        datetime(2015, 4, 20, 18, 0),
        datetime(2015, 4, 20, 19, 0),
        venue=world["dc"],
        who=[world["ann"]],
    )
    add(
        plan_file,
        world,
        "Breakfast talk",
        at(21, 8),
        at(21, 9),
        venue=world["hotel"],
        who=[world["ann"]],
    )
    [f] = findings(plan_file, "travel-time")
    assert "has 60 min" in f.message and "the trip takes 180 min" in f.message


def test_outside_programme_near_miss_zone_and_recurrence(plan_file, world) -> None:
    # Ends exactly at midnight after the last day: inside. Starts at 23:00 on the day before: outside.
    add(
        plan_file,
        world,
        "Late party",
        at(23, 22),
        datetime(2015, 4, 24, 0, 0),
        venue=world["hotel"],
    )
    assert findings(plan_file, "outside-programme") == []
    # 11:00 EDT on 19 April is 23:00 CST on 19 April, the day before the conference.
    early = add(
        plan_file,
        world,
        "Remote briefing",
        datetime(2015, 4, 19, 11),
        datetime(2015, 4, 19, 12),
        venue=world["dc"],
    )
    # A daily item with COUNT=5 from 22 April runs past the 23rd.
    repeat = add(
        plan_file,
        world,
        "Daily stand-up",
        at(22, 8),
        at(22, 8, 15),
        room=world["room_3"],
        recurrence="FREQ=DAILY;COUNT=5",
    )
    found = {f.item_ids[0]: f for f in findings(plan_file, "outside-programme")}
    assert found[early].severity == "error"
    assert found[early].message == (
        "'Remote briefing' (Sun 19 Apr, 11:00-12:00 EDT; Sun 19 Apr 23:00 CST in the programme's "
        "zone) is outside 'Conference' (20 Apr – 23 Apr 2015)."
    )
    # Its occurrences past the programme are left out of views and checks, and it says so.
    assert found[repeat].severity == "warning"
    assert found[repeat].message == (
        "'Daily stand-up' (Wed 22 Apr, 08:00-08:15 CST) repeats past the end of 'Conference' "
        "(20 Apr – 23 Apr 2015); from Fri 24 Apr on it is left out."
    )
    assert set(found) == {early, repeat}


def test_capacity_exactly_full_is_fine(plan_file, world) -> None:
    add(
        plan_file,
        world,
        "Small meeting",
        at(21, 9),
        at(21, 10),
        room=world["hall_a"],
        who=[world["li"], world["ann"]],
    )
    assert findings(plan_file, "room-over-capacity") == []  # 2 people, 2 places


def test_room_double_booked_by_a_recurring_item_across_dst(plan_file, world) -> None:
    with plan_file.transaction() as s:
        prog = programmes.create_programme(
            s,
            title_en="DC week",
            kind="training",
            timezone="America/New_York",
            start_date=date(2015, 3, 6),
            end_date=date(2015, 3, 10),
        )
        room = venues.add_room(s, world["dc"], name="Board room", capacity=20)
    add(
        plan_file,
        world,
        "Daily class",
        datetime(2015, 3, 6, 9),
        datetime(2015, 3, 6, 10),
        room=room,
        programme=prog,
        recurrence="FREQ=DAILY",
    )
    add(
        plan_file,
        world,
        "Board meeting",
        datetime(2015, 3, 9, 9, 30),
        datetime(2015, 3, 9, 11),
        room=room,
        programme=prog,
    )
    add(
        plan_file,
        world,
        "Lunch",
        datetime(2015, 3, 9, 10),
        datetime(2015, 3, 9, 11),
        room=room,
        programme=prog,
        kind="meal",
    )
    rooms = findings(plan_file, "room-double-booked")
    # Class 09:00-10:00 EDT (after the change) clashes with the 09:30 meeting, the meeting with lunch;
    # lunch at 10:00 touches the class's end: no clash.
    assert len(rooms) == 2 and all("Mon 9 Mar" in f.message for f in rooms)


def test_arrival_near_miss(plan_file, world) -> None:
    with plan_file.transaction() as s:
        travel.create_travel(
            s,
            person_id=world["li"],
            kind="flight",
            start=at(21, 6),
            start_timezone="Asia/Shanghai",
            end=at(21, 8),
            end_timezone="Asia/Shanghai",
        )
    add(
        plan_file,
        world,
        "Right after landing",
        at(21, 8),
        at(21, 9),
        room=world["room_3"],
        who=[world["li"]],
    )
    assert findings(plan_file, "before-arrival") == []

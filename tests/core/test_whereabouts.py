"""The checks that follow each person around, on small plans built through the services."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from tourplanner.errors import ValidationError
from tourplanner.scheduling.whereabouts import whereabouts
from tourplanner.services import items, participations, people, programmes, travel, venues
from tourplanner.services.conflicts import build_index, check_plan, load_snapshot, refresh

CN, US = "Asia/Shanghai", "America/New_York"


@pytest.fixture
def trip(plan_file):
    """Venues in Beijing and Shenzhen, a conference in Shenzhen, a delegate flying to Beijing."""
    with plan_file.transaction() as s:
        hall = venues.create_venue(
            s, name_en="Shenzhen Convention Center", city="Shenzhen", timezone=CN
        )
        bj_hotel = venues.create_venue(
            s, name_en="Shangri-La Hotel, Beijing", city="Beijing", timezone=CN
        )
        sz_hotel = venues.create_venue(
            s, name_en="Shangri-La Hotel, Futian, Shenzhen", city="Shenzhen", timezone=CN
        )
        airport = venues.create_venue(
            s, name_en="Shenzhen Bao'an Airport (SZX)", city="Shenzhen", timezone=CN
        )
        conf = programmes.create_programme(
            s,
            title_en="Conference",
            kind="conference",
            timezone=CN,
            start_date=date(2015, 4, 14),
            end_date=date(2015, 4, 23),
        )
        ann = people.create_person(s, name_latin="Ann Lee")
        flight_in = travel.create_travel(
            s,
            person_id=ann,
            kind="flight",
            carrier="United Airlines",
            number="UA 897",
            from_place="Washington Dulles (IAD)",
            to_place="Beijing Capital (PEK), Terminal 3",
            start=datetime(2015, 4, 14, 12, 40),
            start_timezone=US,
            end=datetime(2015, 4, 15, 14, 35),
            end_timezone=CN,
        )
    return dict(
        hall=hall,
        bj_hotel=bj_hotel,
        sz_hotel=sz_hotel,
        airport=airport,
        conf=conf,
        ann=ann,
        flight_in=flight_in,
    )


def book(plan_file, w, title, start, end, *, venue, who=None):
    with plan_file.transaction() as s:
        item = items.create_item(
            s,
            programme_id=w["conf"],
            title_en=title,
            kind="keynote",
            venue_id=venue,
            start=start,
            end=end,
        )
        participations.add_participation(s, who or w["ann"], item_id=item)
    return item


def hotel(plan_file, w, venue, start, end, who=None):
    with plan_file.transaction() as s:
        return travel.create_travel(
            s, person_id=who or w["ann"], kind="hotel", venue_id=venue, start=start, end=end
        )


def fly(plan_file, w, number, frm, to, start, end, who=None):
    with plan_file.transaction() as s:
        return travel.create_travel(
            s,
            person_id=who or w["ann"],
            kind="flight",
            carrier="Air China",
            number=number,
            from_place=frm,
            to_place=to,
            start=start,
            start_timezone=CN,
            end=end,
            end_timezone=CN,
        )


def rule(plan_file, name):
    with plan_file.reading() as s:
        return [f for f in check_plan(s) if f.rule == name]


def apr(day, hour, minute=0):
    return datetime(2015, 4, day, hour, minute)


def test_shenzhen_keynote_without_travel_there_is_an_error(plan_file, trip) -> None:
    # The case reported: the delegate's only travel ends in Beijing; the keynote is in Shenzhen.
    keynote = book(plan_file, trip, "Keynote", apr(16, 9), apr(16, 10), venue=trip["hall"])
    [f] = rule(plan_file, "not-in-city")
    assert f.severity == "error"
    assert f.item_ids == (keynote,) and f.person_ids == (trip["ann"],)
    assert f.travel_ids == (trip["flight_in"],)
    assert f.message == (
        "Ann Lee is booked into 'Keynote' (Thu 16 Apr, 09:00-10:00 CST) in Shenzhen, but has "
        "no travel to Shenzhen: they are in Beijing since arriving by flight United Airlines "
        "UA 897 Washington Dulles (IAD) → Beijing Capital (PEK), Terminal 3 on Wed 15 Apr "
        "14:35 CST."
    )


def test_a_flight_to_shenzhen_clears_it_and_leaving_again_is_found(plan_file, trip) -> None:
    book(plan_file, trip, "Keynote", apr(16, 9), apr(16, 10), venue=trip["hall"])
    fly(
        plan_file,
        trip,
        "CA 1301",
        "Beijing Capital (PEK)",
        "Shenzhen Bao'an (SZX)",
        apr(16, 0, 30),
        apr(16, 3, 45),
    )
    assert rule(plan_file, "not-in-city") == []
    fly(
        plan_file,
        trip,
        "CA 1304",
        "Shenzhen Bao'an (SZX)",
        "Beijing Capital (PEK)",
        apr(18, 8),
        apr(18, 11),
    )
    book(plan_file, trip, "Closing", apr(19, 9), apr(19, 10), venue=trip["hall"])
    [f] = rule(plan_file, "not-in-city")
    assert "'Closing' (Sun 19 Apr, 09:00-10:00 CST) in Shenzhen, but has already left " in (
        f.message
    )
    assert "they are in Beijing since arriving by flight Air China CA 1304" in f.message


def test_not_travelled_there_yet(plan_file, trip) -> None:
    fly(
        plan_file,
        trip,
        "CA 1301",
        "Beijing Capital (PEK)",
        "Shenzhen Bao'an (SZX)",
        apr(17, 8),
        apr(17, 11),
    )
    book(plan_file, trip, "Keynote", apr(16, 9), apr(16, 10), venue=trip["hall"])
    [f] = rule(plan_file, "not-in-city")
    assert "has not travelled to Shenzhen yet: they are in Beijing since arriving" in f.message


def test_a_hotel_in_another_city_shows_an_unrecorded_move(plan_file, trip) -> None:
    # A group transfer kept as a programme item: the hotels say where the person went.
    hotel(plan_file, trip, trip["bj_hotel"], apr(15, 16), apr(17, 10))
    hotel(plan_file, trip, trip["sz_hotel"], apr(17, 18), apr(19, 10))
    book(plan_file, trip, "Dinner", apr(17, 19), apr(17, 20), venue=trip["hall"])
    assert rule(plan_file, "not-in-city") == []
    book(plan_file, trip, "Breakfast", apr(16, 8), apr(16, 9), venue=trip["hall"])
    [f] = rule(plan_file, "not-in-city")
    assert "'Breakfast'" in f.message and "they are in Beijing" in f.message
    with plan_file.reading() as s:
        snap = load_snapshot(s)
    where = whereabouts(snap, list(snap.travel.values()))
    assert [(w.city, w.travelling) for w in where] == [
        ("Washington", False),  # Washington Dulles (IAD): the airports table knows its city
        ("", True),
        ("Beijing", False),
        ("", False),  # between the Beijing hotel and the Shenzhen one
        ("Shenzhen", False),
    ]


def test_nights_from_arrival_to_the_last_item_without_departure(plan_file, trip) -> None:
    hotel(plan_file, trip, trip["sz_hotel"], apr(15, 16), apr(17, 10))
    book(plan_file, trip, "Visit", apr(18, 15), apr(18, 16), venue=trip["bj_hotel"])
    # No departure: nights run to the end of the last item. The hotel covers the 15th and 16th.
    found = rule(plan_file, "no-hotel")
    assert [f.message for f in found] == ["Ann Lee has no hotel for the night of Fri 17 Apr."]
    assert all(f.severity == "warning" for f in found)


def test_missing_arrival_or_departure(plan_file, trip) -> None:
    with plan_file.transaction() as s:
        bo = people.create_person(s, name_latin="Bo Chen")
        guide = people.create_person(s, name_latin="Wu Hao", role="guide")
    book(plan_file, trip, "Keynote", apr(16, 9), apr(16, 10), venue=trip["hall"], who=bo)
    book(plan_file, trip, "Tour", apr(16, 11), apr(16, 12), venue=trip["hall"], who=guide)
    book(plan_file, trip, "Talk", apr(16, 14), apr(16, 15), venue=trip["bj_hotel"])
    found = rule(plan_file, "missing-travel")
    assert [f.message for f in found] == [
        "Bo Chen is booked but has no arrival before 'Keynote' (Thu 16 Apr, 09:00-10:00 CST) "
        "and no departure after 'Keynote' (Thu 16 Apr, 09:00-10:00 CST).",
        "Ann Lee is booked but has no departure: no flight, train or road journey after 'Talk' "
        "(Thu 16 Apr, 14:00-15:00 CST).",
    ]  # a guide with no journey at all works where they live


def test_late_for_a_journey(plan_file, trip) -> None:
    with plan_file.transaction() as s:
        venues.set_travel_time(s, trip["hall"], trip["airport"], 60)
    fly(
        plan_file,
        trip,
        "CA 1301",
        "Beijing Capital (PEK)",
        "Shenzhen Bao'an (SZX)",
        apr(16, 0, 30),
        apr(16, 3, 45),
    )
    book(plan_file, trip, "Keynote", apr(18, 9), apr(18, 10), venue=trip["hall"])
    with plan_file.transaction() as s:
        travel.create_travel(
            s,
            person_id=trip["ann"],
            kind="flight",
            carrier="Air China",
            number="CA 1304",
            from_place="Shenzhen Bao'an Airport (SZX)",
            to_place="Beijing Capital (PEK)",
            start=apr(18, 10, 40),
            start_timezone=CN,
            end=apr(18, 13),
            end_timezone=CN,
        )
    [f] = rule(plan_file, "late-for-journey")
    assert f.severity == "warning"
    assert f.message == (
        "Ann Lee has 40 min to get from 'Keynote' (Shenzhen Convention Center, ends 10:00) to "
        "flight Air China CA 1304 Shenzhen Bao'an Airport (SZX) → Beijing Capital (PEK), which "
        "leaves at 10:40 on Sat 18 Apr; the trip takes 60 min."
    )


def test_bad_travel_changes_nothing(plan_file, trip) -> None:
    book(plan_file, trip, "Keynote", apr(16, 9), apr(16, 10), venue=trip["hall"])
    before = rule(plan_file, "not-in-city")
    with pytest.raises(ValidationError), plan_file.transaction() as s:
        travel.create_travel(
            s,
            person_id=trip["ann"],
            kind="flight",
            from_place="Beijing",
            to_place="Shenzhen",
            start=apr(16, 8),
            start_timezone=CN,
            end=apr(16, 6),
            end_timezone=CN,
        )
    assert rule(plan_file, "not-in-city") == before and len(before) == 1


def test_moving_a_booking_rechecks_the_person(plan_file, trip) -> None:
    keynote = book(plan_file, trip, "Keynote", apr(16, 9), apr(16, 10), venue=trip["bj_hotel"])
    with plan_file.reading() as s:
        index = build_index(s)
    assert {f.rule for f in index.findings()} == {"missing-travel", "no-hotel"}
    with plan_file.transaction() as s:
        items.update_item(s, keynote, venue_id=trip["hall"])
    with plan_file.reading() as s:
        refresh(s, index, items=[keynote])
        assert index.findings() == check_plan(s)
    assert "not-in-city" in {f.rule for f in index.findings()}
    flight = fly(
        plan_file,
        trip,
        "CA 1301",
        "Beijing Capital (PEK)",
        "Shenzhen Bao'an (SZX)",
        apr(15, 18),
        apr(15, 21),
    )
    with plan_file.reading() as s:
        refresh(s, index, people=[trip["ann"]])
        assert index.findings() == check_plan(s)
    assert flight and "not-in-city" not in {f.rule for f in index.findings()}

"""Read-side services: itineraries, programme days, rosters, name lookups, travel times."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from tourplanner.errors import AmbiguousNameError, NotFoundError
from tourplanner.services import (
    items,
    itinerary,
    organizations,
    participations,
    people,
    plans,
    programmes,
    travel,
    venues,
)
from tourplanner.services.views import TimelineItem

pytestmark = pytest.mark.both_engines


@pytest.fixture
def tour(plan_file):
    """A three-day tour with a daily breakfast, a breakout and two people on the bus."""
    with plan_file.transaction() as s:
        hotel = venues.create_venue(
            s,
            name_en="Shangri-La",
            name_local="香格里拉大酒店",
            city="Shenzhen",
            timezone="Asia/Shanghai",
        )
        lake = venues.create_venue(
            s,
            name_en="Slender West Lake",
            name_local="瘦西湖",
            city="Yangzhou",
            timezone="Asia/Shanghai",
        )
        prog = programmes.create_programme(
            s,
            title_en="Post-conference tour",
            kind="post_tour",
            capacity=1,
            start_date=date(2015, 4, 23),
            end_date=date(2015, 4, 25),
            timezone="Asia/Shanghai",
        )
        breakfast = items.create_item(
            s,
            programme_id=prog,
            title_en="Breakfast",
            kind="meal",
            venue_id=hotel,
            start=datetime(2015, 4, 23, 7, 0),
            end=datetime(2015, 4, 23, 8, 0),
            recurrence="FREQ=DAILY",
            exdates="2015-04-24T07:00",
        )
        boat = items.create_item(
            s,
            programme_id=prog,
            title_en="Boat tour",
            kind="site_visit",
            venue_id=lake,
            start=datetime(2015, 4, 24, 9, 0),
            end=datetime(2015, 4, 24, 11, 0),
        )
        workshop = items.create_item(
            s,
            programme_id=prog,
            title_en="Training workshop",
            kind="workshop",
            venue_id=lake,
            start=datetime(2015, 4, 24, 14, 0),
            end=datetime(2015, 4, 24, 16, 0),
        )
        ann = people.create_person(s, name_latin="Ann Lee", email="ann@example.org")
        bo = people.create_person(s, name_latin="Bo Chen", name_local="陈波")
        participations.add_participation(s, ann, programme_id=prog)
        participations.add_participation(s, bo, programme_id=prog)
        participations.add_participation(s, bo, item_id=workshop, role="speaking")
        travel.create_travel(
            s,
            person_id=ann,
            kind="hotel",
            venue_id=hotel,
            start=datetime(2015, 4, 22, 15, 0),
            end=datetime(2015, 4, 24, 12, 0),
        )
    return dict(
        prog=prog,
        breakfast=breakfast,
        boat=boat,
        workshop=workshop,
        ann=ann,
        bo=bo,
        hotel=hotel,
        lake=lake,
    )


def test_recurring_breakfast_expands_within_the_programme_skipping_exdates(plan_file, tour) -> None:
    with plan_file.reading() as s:
        views = itinerary.programme_items(s, tour["prog"])
    breakfasts = [v.start_utc for v in views if v.title_en == "Breakfast"]
    # 23 and 25 April at 07:00 CST; the 24th is an exception; the rule stops at the tour's end.
    assert breakfasts == [
        datetime(2015, 4, 22, 23, 0, tzinfo=UTC),
        datetime(2015, 4, 24, 23, 0, tzinfo=UTC),
    ]


def test_itinerary_has_own_items_only_and_breakouts_need_a_booking(plan_file, tour) -> None:
    with plan_file.reading() as s:
        ann = itinerary.person_itinerary(s, tour["ann"])
        bo = itinerary.person_itinerary(s, tour["bo"])
    assert [v.title_en for v in ann.items] == ["Breakfast", "Boat tour", "Breakfast"]
    assert [v.title_en for v in bo.items] == [
        "Breakfast",
        "Boat tour",
        "Training workshop",
        "Breakfast",
    ]
    assert bo.items[2].role == "speaking" and bo.items[2].speakers == ("Bo Chen (陈波)",)
    assert [t.kind for t in ann.travel] == ["hotel"] and bo.travel == ()
    assert [type(e).__name__ for e in ann.entries()] == [
        "TravelView",
        "ItemView",
        "ItemView",
        "ItemView",
    ]


def test_cancelled_items_are_left_out_unless_asked(plan_file, tour) -> None:
    with plan_file.transaction() as s:
        items.update_item(s, tour["boat"], status="cancelled")
    with plan_file.reading() as s:
        assert "Boat tour" not in [
            v.title_en for v in itinerary.person_itinerary(s, tour["ann"]).items
        ]
        shown = itinerary.person_itinerary(s, tour["ann"], include_cancelled=True)
        assert "Boat tour" in [v.title_en for v in shown.items]


def test_sensitive_fields_only_when_asked(plan_file, tour) -> None:
    with plan_file.transaction() as s:
        people.update_person(s, tour["ann"], passport_visa_notes="Visa L, expires 2015-06-01")
    with plan_file.reading() as s:
        assert itinerary.person_itinerary(s, tour["ann"]).person.passport_visa_notes == ""
        full = itinerary.person_itinerary(s, tour["ann"], include_sensitive=True)
        assert full.person.passport_visa_notes == "Visa L, expires 2015-06-01"


def test_programme_day_and_roster(plan_file, tour) -> None:
    with plan_file.reading() as s:
        day = itinerary.programme_day(s, tour["prog"], date(2015, 4, 24))
        roster = itinerary.tour_roster(s, tour["prog"])
        days = itinerary.programme_days(s, tour["prog"])
    assert [v.title_en for v in day] == ["Boat tour", "Training workshop"]
    # Family-name order, as a guide calls the names: Chen before Lee.
    assert [e.person.name_latin for e in roster.entries] == ["Bo Chen", "Ann Lee"]
    assert roster.confirmed == 2 and roster.over_capacity == 1
    assert days == [date(2015, 4, 23), date(2015, 4, 24), date(2015, 4, 25)]


def test_move_item_keeps_its_length_and_bumps_the_sequence(plan_file, tour) -> None:
    with plan_file.transaction() as s:
        items.move_item(s, tour["boat"], datetime(2015, 4, 24, 13, 30))
    with plan_file.reading() as s:
        boat = items.get_item(s, tour["boat"])
        assert boat.start_utc == datetime(2015, 4, 24, 5, 30, tzinfo=UTC)
        assert boat.end_utc == datetime(2015, 4, 24, 7, 30, tzinfo=UTC)
        assert boat.sequence == 1


def test_find_by_id_name_or_email_and_ambiguity(plan_file, tour) -> None:
    with plan_file.transaction() as s:
        people.create_person(s, name_latin="Ann Leeds")
    with plan_file.reading() as s:
        assert people.find_person(s, "ann@example.org").id == tour["ann"]
        assert people.find_person(s, "陈波").id == tour["bo"]
        assert people.find_person(s, f"#{tour['bo']}").id == tour["bo"]
        assert people.find_person(s, "ann lee").id == tour["ann"]  # exact beats substring
        with pytest.raises(AmbiguousNameError) as err:
            people.find_person(s, "Ann")
        assert f"#{tour['ann']} Ann Lee" in str(err.value)
        with pytest.raises(NotFoundError):
            people.find_person(s, "Nobody")


def test_travel_minutes_uses_pairs_then_city_defaults(plan_file, tour) -> None:
    with plan_file.transaction() as s:
        other = venues.create_venue(
            s, name_en="Convention Center", city="shenzhen", timezone="Asia/Shanghai"
        )
        plans.update_plan(s, travel_minutes_same_city=40)
        venues.set_travel_time(s, tour["lake"], tour["hotel"], 200)
    with plan_file.reading() as s:
        assert venues.travel_minutes(s, tour["hotel"], other) == 40
        assert venues.travel_minutes(s, tour["hotel"], tour["lake"]) == 200
        assert venues.travel_minutes(s, other, tour["lake"]) == 180


def test_group_membership_and_assignment(plan_file, tour) -> None:
    with plan_file.transaction() as s:
        group = organizations.create_group(s, name="US delegation")
        assert (
            organizations.add_group_members(s, group, [tour["ann"], tour["bo"], tour["ann"]]) == 2
        )
        ids = participations.assign_group(s, group, item_id=tour["workshop"])
        again = participations.assign_group(s, group, item_id=tour["workshop"])
    assert len(ids) == 2 and sorted(ids) == sorted(again)  # booking twice creates nothing new
    with plan_file.reading() as s:
        assert [
            p.person.name_latin for p in participations.participants(s, item_id=tour["workshop"])
        ] == ["Ann Lee", "Bo Chen", "Bo Chen"]


def test_deleting_a_person_removes_their_bookings_and_travel(plan_file, tour) -> None:
    with plan_file.transaction() as s:
        people.delete_person(s, tour["ann"])
    with plan_file.reading() as s:
        assert itinerary.tour_roster(s, tour["prog"]).confirmed == 1
        assert travel.travel_of_person(s, tour["ann"]) == []


def test_bulk_bookings_skip_existing_and_refuse_a_bad_batch_whole(plan_file, tour) -> None:
    from sqlalchemy import func, select

    from tourplanner.errors import NotFoundError
    from tourplanner.models import Participation
    from tourplanner.services.participations import Booking, add_participations

    def count() -> int:
        with plan_file.reading() as s:
            return s.scalar(select(func.count()).select_from(Participation))

    before = count()
    with plan_file.transaction() as s:
        added = add_participations(
            s,
            [
                Booking(tour["ann"], item_id=tour["workshop"]),
                Booking(tour["ann"], item_id=tour["workshop"]),  # twice in one batch
                Booking(tour["bo"], item_id=tour["workshop"], role="speaking"),  # exists already
                Booking(tour["bo"], item_id=tour["boat"], status="waitlisted"),
            ],
        )
    assert added == 2 and count() == before + 2
    with pytest.raises(NotFoundError, match="item #999"), plan_file.transaction() as s:
        add_participations(
            s, [Booking(tour["ann"], item_id=tour["boat"]), Booking(tour["ann"], item_id=999)]
        )
    assert count() == before + 2


def test_programme_day_is_in_time_order_with_repeating_items_in_their_places(
    plan_file, tour
) -> None:
    """The one-off rows come sorted from the database and the repeating ones are put among
    them: the day reads in (start, end, id) order, as the timeline lays it out."""
    with plan_file.transaction() as s:
        for title, (h1, m1), (h2, m2) in [
            ("Late long", (7, 0), (9, 0)),  # starts with the breakfast, ends after it
            ("Early short", (6, 30), (7, 0)),
            ("Same as breakfast", (7, 0), (8, 0)),
            ("Last", (18, 0), (19, 0)),
        ]:
            items.create_item(
                s,
                programme_id=tour["prog"],
                title_en=title,
                kind="session",
                start=datetime(2015, 4, 25, h1, m1),
                end=datetime(2015, 4, 25, h2, m2),
            )
    with plan_file.reading() as s:
        day = itinerary.programme_day(s, tour["prog"], date(2015, 4, 25))
    assert [v.title_en for v in day][0] == "Early short"
    assert "Breakfast" in [v.title_en for v in day]  # the daily item's occurrence that day
    assert [(v.start_utc, v.end_utc, v.id) for v in day] == sorted(
        (v.start_utc, v.end_utc, v.id) for v in day
    )
    assert all(v.start_utc.tzinfo is not None for v in day)


def test_the_timeline_day_is_the_programme_day_with_only_what_a_block_shows(
    plan_file, tour
) -> None:
    """The timeline's lean rows are the occurrences `programme_day` gives without people, in
    its order, each with those fields of the full view (repeating ones with their speakers)."""
    with plan_file.transaction() as s:
        items.create_item(
            s,
            programme_id=tour["prog"],
            title_en="Cancelled walk",
            kind="site_visit",
            status="cancelled",
            start=datetime(2015, 4, 25, 7, 0),
            end=datetime(2015, 4, 25, 8, 0),
        )
    shown = {}
    with plan_file.reading() as s:
        for day in itinerary.programme_days(s, tour["prog"]):
            full = itinerary.programme_day(s, tour["prog"], day, with_people=False)
            lean = itinerary.timeline_day(s, tour["prog"], day)
            assert lean, day
            assert lean == [tuple(getattr(v, f) for f in TimelineItem._fields) for v in full]
            shown[day] = {v.title_en: v for v in lean}
    assert shown[date(2015, 4, 25)]["Cancelled walk"].status == "cancelled"  # drawn greyed
    assert shown[date(2015, 4, 25)]["Breakfast"].recurrence  # a repeating item, that day too

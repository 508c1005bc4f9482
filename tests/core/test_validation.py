"""Each entity refuses bad input with a domain error naming the field, and writes nothing."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from tourplanner.errors import InUseError, NotFoundError, ValidationError
from tourplanner.models import Base
from tourplanner.services import (
    items,
    organizations,
    participations,
    people,
    plans,
    programmes,
    travel,
    venues,
)

pytestmark = pytest.mark.both_engines


def row_counts(plan_file) -> dict[str, int]:
    with plan_file.reading() as s:
        return {
            t.name: s.scalar(select(func.count()).select_from(t))
            for t in Base.metadata.sorted_tables
        }


@pytest.fixture
def base(plan_file):
    """A venue with a room and a conference, ids returned."""
    with plan_file.transaction() as s:
        venue = venues.create_venue(
            s,
            name_en="Shenzhen Convention & Exhibition Center",
            name_local="深圳会展中心",
            address_local="深圳市福田区福华三路",
            city="Shenzhen",
            timezone="Asia/Shanghai",
        )
        room = venues.add_room(s, venue, name="Hall A", capacity=300)
        prog = programmes.create_programme(
            s,
            title_en="Foreign Expert Affairs Conference",
            kind="conference",
            start_date=date(2015, 4, 20),
            end_date=date(2015, 4, 22),
            timezone="Asia/Shanghai",
        )
    return {"venue": venue, "room": room, "programme": prog}


def refused(plan_file, operation, field: str, words: str) -> None:
    """The operation raises a ValidationError on `field` containing `words`; nothing changes."""
    before = row_counts(plan_file)
    with pytest.raises(ValidationError) as err, plan_file.transaction() as s:
        operation(s)
    assert err.value.field == field, str(err.value)
    assert words in err.value.message
    assert row_counts(plan_file) == before


def test_plan_validation(plan_file) -> None:
    refused(plan_file, lambda s: plans.update_plan(s, title="  "), "title", "required")
    refused(
        plan_file,
        lambda s: plans.update_plan(s, home_timezone="Beijing"),
        "home time zone",
        "not a known",
    )
    refused(
        plan_file,
        lambda s: plans.update_plan(s, travel_minutes_same_city=-5),
        "travel minutes within a city",
        "negative",
    )
    refused(
        plan_file,
        lambda s: plans.create_plan(s, title="Second", home_timezone="UTC"),
        "plan",
        "already",
    )


def test_venue_validation(plan_file, base) -> None:
    refused(
        plan_file,
        lambda s: venues.create_venue(s, name_en="", timezone="Asia/Shanghai"),
        "English name",
        "required",
    )
    refused(
        plan_file,
        lambda s: venues.create_venue(s, name_en="X", timezone="China/Nowhere"),
        "time zone",
        "not a known",
    )
    refused(
        plan_file,
        lambda s: venues.create_venue(s, name_en="X", timezone="UTC", latitude=95.0, longitude=1.0),
        "latitude",
        "between",
    )
    refused(
        plan_file,
        lambda s: venues.create_venue(s, name_en="X", timezone="UTC", latitude=22.5),
        "longitude",
        "both",
    )
    refused(
        plan_file,
        lambda s: venues.add_room(s, base["venue"], name="Room 3", capacity=-1),
        "capacity",
        "negative",
    )
    refused(
        plan_file,
        lambda s: venues.add_room(s, base["venue"], name="", capacity=10),
        "room name",
        "required",
    )
    refused(
        plan_file,
        lambda s: venues.update_venue(s, base["venue"], colour="red"),
        "colour",
        "not a field",
    )


def test_programme_validation(plan_file, base) -> None:
    good = dict(
        title_en="Tour", kind="pre_tour", timezone="Asia/Shanghai", start_date=date(2015, 4, 16)
    )
    refused(
        plan_file,
        lambda s: programmes.create_programme(s, **good, end_date=date(2015, 4, 15)),
        "end date",
        "before the start",
    )
    refused(
        plan_file,
        lambda s: programmes.create_programme(
            s, **{**good, "kind": "party"}, end_date=date(2015, 4, 18)
        ),
        "kind",
        "not one of",
    )
    refused(
        plan_file,
        lambda s: programmes.create_programme(s, **good, end_date=date(2015, 4, 18), capacity=-3),
        "seats",
        "negative",
    )
    refused(
        plan_file,
        lambda s: programmes.update_programme(s, base["programme"], parent_id=base["programme"]),
        "part of",
        "itself",
    )


def test_item_validation(plan_file, base) -> None:
    item = dict(programme_id=base["programme"], title_en="Keynote", venue_id=base["venue"])
    start, end = datetime(2015, 4, 21, 9, 0), datetime(2015, 4, 21, 10, 0)
    refused(
        plan_file,
        lambda s: items.create_item(s, **item, start=end, end=start),
        "end",
        "after the start",
    )
    refused(
        plan_file,
        lambda s: items.create_item(s, **item, start=start, end=start),
        "end",
        "after the start",
    )
    refused(
        plan_file,
        lambda s: items.create_item(s, **{**item, "title_en": " "}, start=start, end=end),
        "English title",
        "required",
    )
    refused(
        plan_file,
        lambda s: items.create_item(s, **item, kind="party", start=start, end=end),
        "kind",
        "not one of",
    )
    refused(
        plan_file,
        lambda s: items.create_item(s, **item, status="maybe", start=start, end=end),
        "status",
        "not one of",
    )
    refused(
        plan_file,
        lambda s: items.create_item(s, **item, recurrence="FREQ=SOMETIMES", start=start, end=end),
        "recurrence",
        "not a valid",
    )
    refused(
        plan_file,
        lambda s: items.create_item(s, **item, start="tomorrow", end=end),
        "start",
        "required",
    )


def test_item_room_must_belong_to_its_venue(plan_file, base) -> None:
    with plan_file.transaction() as s:
        other = venues.create_venue(s, name_en="Hotel", timezone="Asia/Shanghai")
    refused(
        plan_file,
        lambda s: items.create_item(
            s,
            programme_id=base["programme"],
            title_en="Dinner",
            venue_id=other,
            room_id=base["room"],
            start=datetime(2015, 4, 21, 18, 0),
            end=datetime(2015, 4, 21, 20, 0),
        ),
        "room",
        "not at the chosen venue",
    )


def test_person_organization_group_validation(plan_file) -> None:
    refused(
        plan_file,
        lambda s: people.create_person(s, name_latin=""),
        "name (Latin script)",
        "required",
    )
    refused(
        plan_file,
        lambda s: people.create_person(s, name_latin="Li Wei", email="li.wei@"),
        "email",
        "not a valid",
    )
    refused(
        plan_file,
        lambda s: people.create_person(s, name_latin="Li Wei", role="king"),
        "role",
        "not one of",
    )
    refused(
        plan_file,
        lambda s: organizations.create_organization(s, name_en=""),
        "English name",
        "required",
    )
    with plan_file.transaction() as s:
        organizations.create_group(s, name="US delegation")
    refused(
        plan_file,
        lambda s: organizations.create_group(s, name="US delegation"),
        "name",
        "already exists",
    )


def test_participation_validation(plan_file, base) -> None:
    with plan_file.transaction() as s:
        person = people.create_person(s, name_latin="Li Wei")
    refused(
        plan_file, lambda s: participations.add_participation(s, person), "participation", "either"
    )
    refused(
        plan_file,
        lambda s: participations.add_participation(
            s, person, programme_id=base["programme"], role="dancing"
        ),
        "role",
        "not one of",
    )
    with pytest.raises(NotFoundError), plan_file.transaction() as s:
        participations.add_participation(s, person, item_id=999)


def test_travel_validation(plan_file) -> None:
    with plan_file.transaction() as s:
        person = people.create_person(s, name_latin="Li Wei")
    when = datetime(2015, 4, 20, 15, 0)
    refused(
        plan_file,
        lambda s: travel.create_travel(
            s,
            person_id=person,
            kind="rocket",
            start=when,
            end=when,
            start_timezone="UTC",
            end_timezone="UTC",
        ),
        "kind",
        "not one of",
    )
    refused(
        plan_file,
        lambda s: travel.create_travel(
            s,
            person_id=person,
            kind="hotel",
            start=when,
            end=when,
            start_timezone="UTC",
            end_timezone="UTC",
        ),
        "hotel",
        "choose the hotel",
    )
    refused(
        plan_file,
        lambda s: travel.create_travel(
            s,
            person_id=person,
            kind="flight",
            start=when,
            end=when,
            start_timezone="Asia/Beijing",
            end_timezone="UTC",
        ),
        "departure time zone",
        "not a known",
    )


def test_venue_in_use_cannot_be_deleted(plan_file, base) -> None:
    with plan_file.transaction() as s:
        items.create_item(
            s,
            programme_id=base["programme"],
            title_en="Keynote",
            venue_id=base["venue"],
            start=datetime(2015, 4, 21, 9, 0),
            end=datetime(2015, 4, 21, 10, 0),
        )
    before = row_counts(plan_file)
    with pytest.raises(InUseError, match="still used by 1 item"), plan_file.transaction() as s:
        venues.delete_venue(s, base["venue"])
    assert row_counts(plan_file) == before

"""The rooms of a schedule are found or made all at once (`_Writer._places`): each name once,
new rooms numbered in the order the events name them, the one a name already has taken
first, and a room that cannot be made refusing its events in words, with nothing written."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from sqlalchemy import func, select

from tourplanner.db import PlanFile
from tourplanner.interchange.report import ImportRefused
from tourplanner.interchange.schedule_import import import_schedule
from tourplanner.models import Item, Room, Venue
from tourplanner.services import programmes, venues


def schedule(rooms: list[str], *, guid: str = "g") -> bytes:
    """A one-day c3voc schedule.json: one talk an hour, in the rooms named, in that order."""
    talks: dict[str, list[dict[str, Any]]] = {}
    for n, room in enumerate(rooms):
        talks.setdefault(room, []).append(
            {
                "guid": f"{guid}-{n}",
                "id": n,
                "date": f"2015-04-20T{8 + n:02d}:00:00+08:00",
                "start": f"{8 + n:02d}:00",
                "duration": "00:45",
                "room": room,
                "title": f"Talk {n}",
                "type": "Talk",
                "persons": [],
            }
        )
    conference = {
        "acronym": "summit",
        "title": "Summit",
        "start": "2015-04-20",
        "end": "2015-04-20",
        "time_zone_name": "Asia/Shanghai",
        "days": [{"index": 1, "date": "2015-04-20", "rooms": talks}],
    }
    return json.dumps({"schedule": {"version": "1", "conference": conference}}).encode()


def summit(plan: PlanFile) -> int:
    with plan.transaction() as s:
        return programmes.create_programme(
            s,
            title_en="Summit",
            kind="conference",
            start_date=date(2015, 4, 20),
            end_date=date(2015, 4, 21),
            timezone="Asia/Shanghai",
        )


def places_of(plan: PlanFile) -> dict[str, tuple[int | None, int | None]]:
    """Each item's title with the venue and room it is at."""
    with plan.reading() as s:
        rows = s.execute(select(Item.title_en, Item.venue_id, Item.room_id).order_by(Item.id))
        return {title: (venue_id, room_id) for title, venue_id, room_id in rows}


def test_new_rooms_are_made_once_each_in_the_order_events_name_them(plan_file: PlanFile) -> None:
    summit(plan_file)
    with plan_file.transaction() as s:
        import_schedule(s, schedule(["Hall B", "Hall A", "Hall B", "Foyer", "Hall A"]))
    with plan_file.reading() as s:
        ((venue, name),) = s.execute(select(Venue.id, Venue.name_en))
        made = [(r.name, r.venue_id) for r in s.scalars(select(Room).order_by(Room.id))]
        ids = {r.name: r.id for r in s.scalars(select(Room))}
    assert name == "Summit"  # a venue for the programme's rooms, named as it
    assert made == [("Hall B", venue), ("Hall A", venue), ("Foyer", venue)]
    assert places_of(plan_file) == {
        "Talk 0": (venue, ids["Hall B"]),
        "Talk 2": (venue, ids["Hall B"]),
        "Talk 1": (venue, ids["Hall A"]),
        "Talk 4": (venue, ids["Hall A"]),
        "Talk 3": (venue, ids["Foyer"]),
    }


def test_a_second_import_finds_the_rooms_the_first_made(plan_file: PlanFile) -> None:
    summit(plan_file)
    with plan_file.transaction() as s:
        import_schedule(s, schedule(["Hall A", "Hall B"], guid="first"), programme="Summit")
    with plan_file.transaction() as s:
        import_schedule(s, schedule(["Hall B", "Hall C"], guid="second"), programme="Summit")
    with plan_file.reading() as s:
        names = [r.name for r in s.scalars(select(Room).order_by(Room.id))]
    assert names == ["Hall A", "Hall B", "Hall C"]


def test_of_two_rooms_of_one_name_the_first_made_is_taken(plan_file: PlanFile) -> None:
    summit(plan_file)
    with plan_file.transaction() as s:
        hall = venues.create_venue(s, name_en="Summit", timezone="Asia/Shanghai")
        first = venues.add_room(s, hall, name="Hall A")
        venues.add_room(s, hall, name="Hall A")  # a second room of that name, made later
    with plan_file.transaction() as s:
        import_schedule(s, schedule(["Hall A"]), programme="Summit")
    assert places_of(plan_file) == {"Talk 0": (hall, first)}


def test_a_venue_named_as_a_room_is_the_place_itself(plan_file: PlanFile) -> None:
    summit(plan_file)
    with plan_file.transaction() as s:
        museum = venues.create_venue(s, name_en="City Museum", timezone="Asia/Shanghai")
    with plan_file.transaction() as s:
        import_schedule(s, schedule(["City Museum", "Hall A"]), programme="Summit")
    places = places_of(plan_file)
    assert places["Talk 0"] == (museum, None)
    with plan_file.reading() as s:
        assert s.scalar(select(func.count()).select_from(Room)) == 1  # Hall A's only


def test_a_room_that_cannot_be_made_refuses_its_events_and_writes_nothing(
    plan_file: PlanFile,
) -> None:
    summit(plan_file)
    long_name = "R" * 201
    with pytest.raises(ImportRefused) as refused, plan_file.transaction() as s:
        import_schedule(s, schedule(["Hall A", long_name, "Hall B"]), programme="Summit")
    text = refused.value.report.text()
    assert "room name: is too long (201 characters, at most 200)" in text
    assert text.count("is too long") == 1  # only the event in that room is refused
    with plan_file.reading() as s:
        written = [s.scalar(select(func.count()).select_from(m)) for m in (Item, Room, Venue)]
    assert written == [0, 0, 0]

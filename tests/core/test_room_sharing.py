"""Putting several people into one room (#17): their stays at the hotel they share become one
room of the type chosen, a stay sharing with one of them from outside is let go; undo and redo
put back exactly the rooms it touched; a refusal is a sentence and writes nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from tourplanner.db import PlanFile
from tourplanner.errors import TourPlannerError, ValidationError
from tourplanner.operations import StaleError
from tourplanner.operations.room_sharing import ShareRoom
from tourplanner.services import room_sharing

SHENZHEN = "Shangri-La Hotel, Futian, Shenzhen"


def person(plan: PlanFile, name: str) -> int:
    with plan.reading() as s:
        return s.execute(text("SELECT id FROM people WHERE name_latin = :n"), {"n": name}).scalar()


def venue(plan: PlanFile, name: str) -> int:
    with plan.reading() as s:
        return s.execute(text("SELECT id FROM venues WHERE name_en = :n"), {"n": name}).scalar()


def room_of(plan: PlanFile, name: str, hotel: str = SHENZHEN) -> tuple:
    """(room type, the name of whoever's stay it shares with) of the person's stay there."""
    with plan.reading() as s:
        return s.execute(
            text(
                "SELECT r.room_type, mate.name_latin FROM room_bookings r "
                "JOIN travel_segments s ON s.id = r.stay_id "
                "JOIN travellers t ON t.segment_id = s.id JOIN people p ON p.id = t.person_id "
                "JOIN venues v ON v.id = s.venue_id "
                "LEFT JOIN travellers mt ON mt.segment_id = r.shares_with_id "
                "LEFT JOIN people mate ON mate.id = mt.person_id "
                "WHERE p.name_latin = :n AND v.name_en = :h"
            ),
            {"n": name, "h": hotel},
        ).one()


def all_rooms(plan: PlanFile) -> list[tuple]:
    with plan.reading() as s:
        return s.execute(  # the rooms' own fields (their row versions move on, as they should)
            text(
                "SELECT id, stay_id, room_type, room_number, shares_with_id, smoking, accessible, "
                "requests, confirmation_number FROM room_bookings ORDER BY id"
            )
        ).all()


def run(plan: PlanFile, call):  # noqa: ANN001, ANN201 - op.do or op.undo
    with plan.transaction() as session:
        return call(session)


def test_two_people_at_one_hotel_share_a_twin_and_undo_redo_walk_it(demo_plan) -> None:
    nie, sun = person(demo_plan, "Nie Biao"), person(demo_plan, "Sun Zhaohua")
    with demo_plan.reading() as s:
        assert room_sharing.common_hotels(s, [nie, sun]) == [(SHENZHEN, venue(demo_plan, SHENZHEN))]
    before = all_rooms(demo_plan)
    assert room_of(demo_plan, "Nie Biao") == ("suite", None)
    op = ShareRoom("Put 2 people into one room", [nie, sun], "twin")
    changes = run(demo_plan, op.do)
    assert changes.records["room_booking"]
    assert room_of(demo_plan, "Nie Biao") == ("twin", None)
    assert room_of(demo_plan, "Sun Zhaohua") == ("twin", "Nie Biao")
    run(demo_plan, op.undo)
    assert all_rooms(demo_plan) == before
    run(demo_plan, op.do)  # redo
    assert room_of(demo_plan, "Sun Zhaohua") == ("twin", "Nie Biao")
    run(demo_plan, op.undo)
    assert all_rooms(demo_plan) == before


def test_a_room_mate_from_outside_is_let_go_and_comes_back_on_undo(demo_plan) -> None:
    assert room_of(demo_plan, "Karen Brooks") == ("twin", "Jennifer Walsh")
    walsh, mitchell = person(demo_plan, "Jennifer Walsh"), person(demo_plan, "Sarah Mitchell")
    before = all_rooms(demo_plan)
    op = ShareRoom(
        "Put 2 people into one room", [walsh, mitchell], "double", venue(demo_plan, SHENZHEN)
    )
    run(demo_plan, op.do)
    assert room_of(demo_plan, "Jennifer Walsh") == ("double", None)
    assert room_of(demo_plan, "Sarah Mitchell") == ("double", "Jennifer Walsh")
    assert room_of(demo_plan, "Karen Brooks") == ("twin", None)
    assert room_of(demo_plan, "Sarah Mitchell", "Shangri-La Hotel, Beijing") == ("single", None)
    run(demo_plan, op.undo)
    assert all_rooms(demo_plan) == before


def test_undo_refuses_when_a_room_changed_since(demo_plan) -> None:
    nie, sun = person(demo_plan, "Nie Biao"), person(demo_plan, "Sun Zhaohua")
    op = ShareRoom("Put 2 people into one room", [nie, sun], "twin")
    run(demo_plan, op.do)
    with demo_plan.transaction() as s:  # another program changes the room since
        s.execute(
            text(
                "UPDATE room_bookings SET room_number = '1821' WHERE shares_with_id IS NOT NULL AND stay_id IN (SELECT segment_id FROM travellers WHERE person_id = :p)"
            ),
            {"p": sun},
        )
    changed = all_rooms(demo_plan)
    with pytest.raises(StaleError, match="was changed since"):
        run(demo_plan, op.undo)
    assert all_rooms(demo_plan) == changed


@pytest.mark.parametrize(
    ("names", "room_type", "hotel", "says"),
    [
        (["Nie Biao"], "twin", None, "at least two people"),
        (
            ["Nie Biao", "Sun Zhaohua", "Zheng Jie"],
            "twin",
            None,
            "A twin room sleeps 2 people; 3 people",
        ),
        (["Nie Biao", "Sun Zhaohua"], "single", None, "A single room sleeps 1 person"),
        (["Nie Biao", "Sun Zhaohua"], "palace", None, "room type"),
        (["Daniel Kim", "Sarah Mitchell"], "twin", None, "several hotels: choose one"),
        (
            ["Nie Biao", "Daniel Kim"],
            "twin",
            "Shangri-La Hotel, Beijing",
            "do not all stay at that hotel",
        ),
    ],
)
def test_refusals_are_sentences_and_write_nothing(demo_plan, names, room_type, hotel, says) -> None:
    ids = [person(demo_plan, n) for n in names]
    before = all_rooms(demo_plan)
    op = ShareRoom("Put people into one room", ids, room_type, hotel and venue(demo_plan, hotel))
    with pytest.raises(TourPlannerError, match=says):
        run(demo_plan, op.do)
    assert all_rooms(demo_plan) == before


def test_people_with_no_stay_at_one_hotel_at_the_same_time_are_refused(demo_plan) -> None:
    with demo_plan.reading() as s:
        nobody = s.execute(
            text(
                "SELECT id FROM people WHERE id NOT IN (SELECT t.person_id FROM travellers t "
                "JOIN travel_segments s ON s.id = t.segment_id WHERE s.kind = 'hotel') LIMIT 1"
            )
        ).scalar()
    assert nobody is not None
    nie = person(demo_plan, "Nie Biao")
    before = all_rooms(demo_plan)
    with pytest.raises(ValidationError, match="have no stay at one hotel at the same time"):
        run(demo_plan, ShareRoom("x", [nie, nobody], "twin").do)
    assert all_rooms(demo_plan) == before

"""The operations rules: staff in two places at once, a vehicle over its seats; and on the
demo plan through the service, which holds neither."""

from __future__ import annotations

from datetime import UTC, date, datetime

from tourplanner.db import PlanFile
from tourplanner.scheduling.index import check
from tourplanner.scheduling.operations_records import (
    AssignmentRec,
    OperationsSnapshot,
    SeatRec,
    VehicleRec,
)
from tourplanner.scheduling.snapshot import ItemRec, PersonRec, PlanSnapshot, ProgrammeRec
from tourplanner.services import vehicles
from tourplanner.services.conflicts import check_plan

ZONE = "Asia/Shanghai"


def _at(hour: int, day: int = 21) -> datetime:
    return datetime(2015, 4, day, hour - 8, 0, tzinfo=UTC)  # local hour in Shanghai


def _snapshot(operations: OperationsSnapshot) -> PlanSnapshot:
    return PlanSnapshot(
        items={
            1: ItemRec(1, 1, "Keynote", "keynote", "confirmed", _at(9), _at(10), ZONE),
            2: ItemRec(2, 1, "Workshop B", "workshop", "confirmed", _at(9, 21), _at(11), ZONE),
            3: ItemRec(3, 1, "Lunch", "meal", "confirmed", _at(12), _at(13), ZONE),
        },
        programmes={
            1: ProgrammeRec(
                1, "Conference", "conference", date(2015, 4, 20), date(2015, 4, 23), ZONE
            )
        },
        people={7: PersonRec(7, "Chen Xiaoyu", "interpreter"), 8: PersonRec(8, "Qian Jun")},
        operations=operations,
    )


def _rules(found) -> list[str]:  # noqa: ANN001
    return [f.rule for f in found]


def test_an_interpreter_booked_twice_at_once() -> None:
    ops = OperationsSnapshot(
        assignments=[
            AssignmentRec(1, 7, "interpreter", 1, None, None),
            AssignmentRec(2, 7, "interpreter", 2, None, None),
            AssignmentRec(3, 7, "interpreter", 3, None, None),  # later: no clash
        ]
    )
    found = [f for f in check(_snapshot(ops)) if f.rule == "staff-double-booked"]
    assert len(found) == 1
    assert found[0].item_ids == (1, 2) and found[0].person_ids == (7,)
    assert "Chen Xiaoyu is interpreter for 'Keynote' and interpreter for 'Workshop B'" in (
        found[0].message
    )


def test_a_driver_on_two_vehicles_at_once_and_a_guide_on_two_buses() -> None:
    ops = OperationsSnapshot(
        vehicles={
            1: VehicleRec(1, "Coach 1", 30, None, 1, driver_id=8),
            2: VehicleRec(2, "Coach 2", 30, None, 2, driver_id=8),
        },
        assignments=[
            AssignmentRec(1, 7, "guide", None, 1, date(2015, 4, 21), vehicle_id=1),
            AssignmentRec(2, 7, "guide", None, 1, date(2015, 4, 21), vehicle_id=2),
        ],
    )
    found = [f for f in check(_snapshot(ops)) if f.rule == "staff-double-booked"]
    assert {f.person_ids for f in found} == {(7,), (8,)}


def test_the_same_bus_all_day_is_no_clash() -> None:
    ops = OperationsSnapshot(
        vehicles={1: VehicleRec(1, "Coach 1", 30, 1, None)},
        assignments=[
            AssignmentRec(1, 7, "guide", None, 1, date(2015, 4, 21), vehicle_id=1),
            AssignmentRec(2, 7, "guide", 1, None, None, vehicle_id=1),
        ],
    )
    assert "staff-double-booked" not in _rules(check(_snapshot(ops)))


def test_a_vehicle_over_its_seats_on_one_leg() -> None:
    seats = [SeatRec(1, p, None) for p in (10, 11)] + [SeatRec(1, 12, 3)]
    ops = OperationsSnapshot(vehicles={1: VehicleRec(1, "Minibus", 2, 1, None)}, seats=seats)
    found = [f for f in check(_snapshot(ops)) if f.rule == "vehicle-over-seats"]
    assert len(found) == 1 and found[0].item_ids == (3,)
    assert found[0].message == "'Minibus' has 3 people seated on 'Lunch' for its 2 seats: 1 over."
    fits = OperationsSnapshot(vehicles={1: VehicleRec(1, "Minibus", 3, 1, None)}, seats=seats)
    assert "vehicle-over-seats" not in _rules(check(_snapshot(fits)))


def test_the_demo_is_clean_until_the_minibus_is_overfull(demo_plan: PlanFile) -> None:
    with demo_plan.reading() as s:
        rules = _rules(check_plan(s, rules=["staff-double-booked", "vehicle-over-seats"]))
    assert rules == []
    with demo_plan.transaction() as s:
        minibus = next(v.id for v in vehicles.list_vehicles(s) if v.kind == "minibus")
        vehicles.update_vehicle(s, minibus, seats=10)
    with demo_plan.reading() as s:
        found = check_plan(s, rules=["vehicle-over-seats"])
    assert [f.rule for f in found] == ["vehicle-over-seats"]
    assert "12 people seated for its 10 seats: 2 over." in found[0].message


def test_a_shared_room_whose_nights_differ(demo_plan: PlanFile) -> None:
    from sqlalchemy import select

    from tourplanner.models import Person, RoomBooking, Traveller, TravelSegment
    from tourplanner.services import travel

    with demo_plan.reading() as s:
        assert check_plan(s, rules=["room-nights-differ"]) == []  # the demo's twins agree
        stay, other = s.execute(
            select(RoomBooking.stay_id, RoomBooking.shares_with_id)
            .join(Traveller, Traveller.segment_id == RoomBooking.shares_with_id)
            .join(Person, Person.id == Traveller.person_id)
            .join(TravelSegment, TravelSegment.id == RoomBooking.stay_id)
            .where(Person.name_latin == "Jennifer Walsh")
            .order_by(TravelSegment.start_utc)
        ).first()
        end = travel.get_travel(s, stay).end_utc
    with demo_plan.transaction() as s:  # Karen Brooks leaves Beijing a day early
        travel.update_travel(s, stay, end=end.replace(day=end.day - 1).replace(tzinfo=None))
    with demo_plan.reading() as s:
        found = check_plan(s, rules=["room-nights-differ"])
    assert [f.rule for f in found] == ["room-nights-differ"]
    assert "share a room at Shangri-La Hotel, Beijing but not the same nights" in found[0].message
    assert other is not None

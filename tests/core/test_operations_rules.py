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


# -- arrivals and their transfers, meals and their menus, on a plan file built with the services


def _arrival_plan(plan: PlanFile, *, transfer_at: str | None, zone: str = ZONE) -> dict[str, int]:
    """Ann Lee lands on UA 897 at 14:30 in Beijing (06:30 UTC) and checks into the hotel; the
    tour's transfer (if any) leaves at `transfer_at` local to `zone`, on a van she has a seat on."""
    from tourplanner.services import items, participations, people, programmes, travel, venues

    ids: dict[str, int] = {}
    with plan.transaction() as s:
        ids["tour"] = programmes.create_programme(
            s,
            title_en="Beijing study tour",
            kind="study_tour",
            timezone=ZONE,
            start_date=date(2015, 4, 18),
            end_date=date(2015, 4, 22),
        )
        hotel = venues.create_venue(
            s, name_en="Shangri-La Hotel, Beijing", city="Beijing", timezone=ZONE
        )
        ids["ann"] = people.create_person(s, name_latin="Ann Lee")
        participations.add_participation(s, ids["ann"], programme_id=ids["tour"])
        ids["flight"] = travel.create_travel(
            s,
            person_id=ids["ann"],
            kind="flight",
            carrier="United",
            number="UA 897",
            from_place="Washington Dulles (IAD)",
            to_place="Beijing Capital (PEK)",
            start=datetime(2015, 4, 17, 12, 30),
            start_timezone="America/New_York",
            end=datetime(2015, 4, 18, 14, 30),
            end_timezone=ZONE,
        )
        travel.create_travel(
            s,
            person_id=ids["ann"],
            kind="hotel",
            venue_id=hotel,
            start=datetime(2015, 4, 18, 16, 0),
            end=datetime(2015, 4, 22, 12, 0),
        )
        if transfer_at is not None:
            hour, minute = map(int, transfer_at.split(":"))
            start = datetime(2015, 4, 18, hour, minute)
            ids["leg"] = items.create_item(
                s,
                programme_id=ids["tour"],
                title_en="Van: airport to the hotel",
                kind="transfer",
                timezone=zone,
                start=start,
                end=start.replace(hour=hour + 1),
            )
            ids["van"] = vehicles.create_vehicle(
                s, name="Airport van", kind="van", seats=6, item_id=ids["leg"]
            )
            ids["seat"] = vehicles.create_seat(s, vehicle_id=ids["van"], person_id=ids["ann"])
    return ids


ARRIVALS = ["arrival-without-transfer", "transfer-before-landing"]


def test_a_transfer_leaving_before_the_flight_lands(plan_file: PlanFile) -> None:
    ids = _arrival_plan(plan_file, transfer_at="14:00")
    with plan_file.reading() as s:
        found = check_plan(s, rules=ARRIVALS)
    assert [(f.rule, f.severity) for f in found] == [("transfer-before-landing", "error")]
    assert found[0].item_ids == (ids["leg"],) and found[0].person_ids == (ids["ann"],)
    assert found[0].travel_ids and found[0].travel_ids[0] > 0
    assert found[0].message == (
        "'Van: airport to the hotel' leaves Sat 18 Apr 14:00 CST (Asia/Shanghai), 30 min before "
        "Ann Lee lands on flight United UA 897 Washington Dulles (IAD) → Beijing Capital (PEK) "
        "(Sat 18 Apr 14:30 CST (Asia/Shanghai))."
    )


def test_a_transfer_leaving_after_landing_meets_the_flight(plan_file: PlanFile) -> None:
    from tourplanner.services import items
    from tourplanner.services.conflicts import build_index, refresh_item

    ids = _arrival_plan(plan_file, transfer_at="14:00")
    with plan_file.reading() as s:
        index = build_index(s)
    assert "transfer-before-landing" in _rules(index.findings())
    with plan_file.transaction() as s:  # the van is rebooked for 15:00
        items.update_item(
            s, ids["leg"], start=datetime(2015, 4, 18, 15), end=datetime(2015, 4, 18, 16)
        )
    with plan_file.reading() as s:
        refresh_item(s, index, ids["leg"])  # the incremental recheck of a moved transfer
        assert index.findings() == check_plan(s)
        assert check_plan(s, rules=ARRIVALS) == []


def test_zones_not_clocks_decide_whether_the_transfer_leaves_before_landing(
    plan_file: PlanFile, tmp_path
) -> None:
    # 15:00 in Tokyo is 14:00 in Beijing: before the 14:30 landing, though the clock says later.
    _arrival_plan(plan_file, transfer_at="15:00", zone="Asia/Tokyo")
    with plan_file.reading() as s:
        found = check_plan(s, rules=ARRIVALS)
    assert _rules(found) == ["transfer-before-landing"]
    assert "15:00 JST (Asia/Tokyo), 30 min before" in found[0].message
    assert "14:30 CST (Asia/Shanghai)" in found[0].message
    # 14:00 in Bangkok is 15:00 in Beijing: after the landing, though the clock says earlier.
    later = PlanFile.create(tmp_path / "bangkok.tourplan")
    try:
        _arrival_plan(later, transfer_at="14:00", zone="Asia/Bangkok")
        with later.reading() as s:
            assert check_plan(s, rules=ARRIVALS) == []
    finally:
        later.close()


def test_an_arrival_with_no_transfer_and_what_counts_as_one(plan_file: PlanFile) -> None:
    from tourplanner.services import items, travel

    ids = _arrival_plan(plan_file, transfer_at="15:00")
    with plan_file.transaction() as s:  # Ann loses her seat on the van
        vehicles.delete_seat(s, ids["seat"])
    with plan_file.reading() as s:
        found = check_plan(s, rules=ARRIVALS)
    assert [(f.rule, f.severity) for f in found] == [("arrival-without-transfer", "warning")]
    assert found[0].person_ids == (ids["ann"],) and found[0].travel_ids
    assert found[0].message.startswith("No transfer meets Ann Lee off flight United UA 897")
    assert "landing Sat 18 Apr 14:30 CST (Asia/Shanghai)" in found[0].message
    with plan_file.transaction() as s:  # a seat on the van for every leg it serves
        vehicles.create_seat(s, vehicle_id=ids["van"], person_id=ids["ann"])
        items.update_item(s, ids["leg"], status="cancelled")  # ... but that leg is cancelled
    with plan_file.reading() as s:
        assert _rules(check_plan(s, rules=ARRIVALS)) == ["arrival-without-transfer"]
    with plan_file.transaction() as s:  # her own car from the airport meets her
        travel.create_travel(
            s,
            person_id=ids["ann"],
            kind="road",
            from_place="Beijing Capital (PEK)",
            to_place="Shangri-La Hotel, Beijing",
            start=datetime(2015, 4, 18, 15, 15),
            end=datetime(2015, 4, 18, 16, 0),
            start_timezone=ZONE,
            end_timezone=ZONE,
        )
    with plan_file.reading() as s:
        assert check_plan(s, rules=ARRIVALS) == []


def test_no_arrival_no_finding_and_a_plan_without_transfers_is_not_told(
    plan_file: PlanFile,
) -> None:
    from tourplanner.services import people

    ids = _arrival_plan(plan_file, transfer_at=None)  # no vehicle, no road journey at all
    with plan_file.transaction() as s:
        people.create_person(s, name_latin="Bo Li")  # no flight at all
    with plan_file.reading() as s:
        assert check_plan(s, rules=ARRIVALS) == []
    assert "ann" in ids


def test_the_car_to_the_airport_is_not_a_transfer_before_landing(plan_file: PlanFile) -> None:
    from tourplanner.services import travel

    ids = _arrival_plan(plan_file, transfer_at=None)
    with plan_file.transaction() as s:  # a domestic hop: to the airport, fly, then the hotel
        travel.create_travel(
            s,
            person_id=ids["ann"],
            kind="road",
            from_place="Tianjin",
            to_place="Tianjin Binhai (TSN)",
            start=datetime(2015, 4, 20, 7, 0),
            end=datetime(2015, 4, 20, 7, 45),
            start_timezone=ZONE,
            end_timezone=ZONE,
        )
        travel.create_travel(
            s,
            person_id=ids["ann"],
            kind="flight",
            number="CA 1501",
            from_place="Tianjin Binhai (TSN)",
            to_place="Shanghai Hongqiao (SHA)",
            start=datetime(2015, 4, 20, 8, 30),
            end=datetime(2015, 4, 20, 9, 45),
            start_timezone=ZONE,
            end_timezone=ZONE,
        )
        travel.create_travel(
            s,
            person_id=ids["ann"],
            kind="hotel",
            to_place="Fairmont Peace Hotel",
            start=datetime(2015, 4, 20, 12, 0),
            end=datetime(2015, 4, 21, 12, 0),
            start_timezone=ZONE,
            end_timezone=ZONE,
        )
    with plan_file.reading() as s:
        found = check_plan(s, rules=ARRIVALS)
    # UA 897 and CA 1501 are both arrivals and neither is met; the Tianjin car is no answer.
    assert _rules(found) == ["arrival-without-transfer", "arrival-without-transfer"]
    assert "CA 1501" in found[1].message


def _meal_plan(plan: PlanFile) -> dict[str, int]:
    from tourplanner.services import items, participations, people, programmes

    ids: dict[str, int] = {}
    with plan.transaction() as s:
        ids["conf"] = programmes.create_programme(
            s,
            title_en="Conference",
            kind="conference",
            timezone=ZONE,
            start_date=date(2015, 4, 20),
            end_date=date(2015, 4, 23),
        )
        ids["banquet"] = items.create_item(
            s,
            programme_id=ids["conf"],
            title_en="Banquet",
            kind="meal",
            start=datetime(2015, 4, 22, 18, 30),
            end=datetime(2015, 4, 22, 21, 0),
        )
        for key, name, tags in (
            ("ann", "Ann Lee", ("vegetarian", "nut_allergy")),
            ("bo", "Bo Li", ("vegetarian",)),
            ("cy", "Cy Young", ()),
        ):
            ids[key] = people.create_person(s, name_latin=name, dietary_tags=tags)
            participations.add_participation(s, ids[key], programme_id=ids["conf"])
    return ids


def test_a_meal_with_dietary_tags_and_no_menu_note(plan_file: PlanFile) -> None:
    from tourplanner.services.conflicts import build_index, refresh_item
    from tourplanner.services.item_logistics import set_item_logistics

    ids = _meal_plan(plan_file)
    with plan_file.reading() as s:
        index = build_index(s)
        found = check_plan(s, rules=["meal-diet-without-menu"])
    assert [(f.rule, f.severity) for f in found] == [("meal-diet-without-menu", "warning")]
    assert found[0].item_ids == (ids["banquet"],)
    assert found[0].person_ids == (ids["ann"], ids["bo"])  # the tagged guests, not Cy
    assert found[0].message == (
        "'Banquet' (Wed 22 Apr, 18:30-21:00 CST) has no menu note, but 2 guests have dietary "
        "needs: 2 vegetarian, 1 nut allergy."
    )
    with plan_file.transaction() as s:  # blanks are no menu
        set_item_logistics(s, ids["banquet"], menu_note="   ")
    with plan_file.reading() as s:
        assert _rules(check_plan(s, rules=["meal-diet-without-menu"])) == ["meal-diet-without-menu"]
    with plan_file.transaction() as s:
        set_item_logistics(s, ids["banquet"], menu_note="Eight courses; vegetarian, no nuts.")
    with plan_file.reading() as s:
        refresh_item(s, index, ids["banquet"])  # as the app does after the menu's edit
        assert index.findings() == check_plan(s) == []


def test_a_cancelled_meal_or_untagged_guests_need_no_menu(plan_file: PlanFile) -> None:
    from tourplanner.services import items, people
    from tourplanner.services.conflicts import build_index, refresh

    ids = _meal_plan(plan_file)
    with plan_file.reading() as s:
        index = build_index(s)
    with plan_file.transaction() as s:
        for key in ("ann", "bo"):
            people.update_person(s, ids[key], dietary_tags="")
    with plan_file.reading() as s:
        refresh(s, index, people=[ids["ann"], ids["bo"]])
        assert index.findings() == check_plan(s) == []
    with plan_file.transaction() as s:
        people.update_person(s, ids["cy"], dietary_tags="halal")
    with plan_file.reading() as s:
        refresh(s, index, people=[ids["cy"]])
        assert "1 guest has dietary needs: 1 halal." in index.findings()[0].message
        assert index.findings() == check_plan(s)
    with plan_file.transaction() as s:
        items.update_item(s, ids["banquet"], status="cancelled")
    with plan_file.reading() as s:
        assert check_plan(s, rules=["meal-diet-without-menu"]) == []


def test_the_demo_meets_every_arrival_and_has_every_menu(demo_plan: PlanFile) -> None:
    from tourplanner.services import items
    from tourplanner.services.item_logistics import set_item_logistics

    new = ["meal-diet-without-menu", *ARRIVALS]
    with demo_plan.reading() as s:
        assert check_plan(s, rules=new) == []
        banquet = next(i.id for i in items.list_items(s) if i.title_en == "Conference banquet")
    with demo_plan.transaction() as s:
        set_item_logistics(s, banquet, menu_note="")
    with demo_plan.reading() as s:
        found = check_plan(s, rules=new)
    assert _rules(found) == ["meal-diet-without-menu"]
    assert "has no menu note, but 6 guests have dietary needs: 1 vegetarian, 1 halal" in (
        found[0].message
    )

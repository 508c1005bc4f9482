"""The tables of the operations pages: hotel rooms, vehicles, seats, assignments (plain rows)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from tourplanner.enums import label
from tourplanner.models import (
    Assignment,
    Item,
    Person,
    Programme,
    RoomBooking,
    Traveller,
    TravelSegment,
    Vehicle,
    VehicleSeat,
    Venue,
)
from tourplanner.services.listings import Listing


def room_bookings_listing(session: Session) -> Listing:
    other = aliased(Traveller)
    other_person = aliased(Person)
    rows = session.execute(
        select(
            RoomBooking.id,
            Person.name_latin,
            Venue.name_en,
            TravelSegment.start_utc,
            RoomBooking.room_type,
            RoomBooking.room_number,
            other_person.name_latin,
            RoomBooking.confirmation_number,
        )
        .join(TravelSegment, TravelSegment.id == RoomBooking.stay_id)
        .join(Traveller, Traveller.segment_id == TravelSegment.id)
        .join(Person, Person.id == Traveller.person_id)
        .outerjoin(Venue, Venue.id == TravelSegment.venue_id)
        .outerjoin(other, other.segment_id == RoomBooking.shares_with_id)
        .outerjoin(other_person, other_person.id == other.person_id)
        .order_by(TravelSegment.start_utc, Venue.name_en, Person.name_latin)
    ).all()
    return Listing(
        ("Guest", "Hotel", "Check-in", "Type", "Room", "Sharing with", "Confirmation"),
        [
            (rid, guest, hotel or "", f"{start:%d %b %Y}", label(kind), number, mate or "", code)
            for rid, guest, hotel, start, kind, number, mate, code in rows
        ],
        time_column=2,
    )


def vehicles_listing(session: Session) -> Listing:
    seated = (
        select(VehicleSeat.vehicle_id, func.count(func.distinct(VehicleSeat.person_id)))
        .group_by(VehicleSeat.vehicle_id)
        .subquery()
    )
    rows = session.execute(
        select(
            Vehicle.id,
            Vehicle.name,
            Vehicle.kind,
            Vehicle.seats,
            seated.c[1],
            Programme.title_en,
            Item.title_en,
            Vehicle.driver_name,
            Vehicle.plate,
        )
        .outerjoin(seated, seated.c.vehicle_id == Vehicle.id)
        .outerjoin(Programme, Programme.id == Vehicle.programme_id)
        .outerjoin(Item, Item.id == Vehicle.item_id)
        .order_by(Vehicle.name, Vehicle.id)
    ).all()
    return Listing(
        ("Vehicle", "Kind", "Seats", "Seated", "Serves", "Driver", "Plate"),
        [
            (vid, name, label(kind), str(seats), str(n or 0), item or prog or "", driver, plate)
            for vid, name, kind, seats, n, prog, item, driver, plate in rows
        ],
    )


def seats_listing(session: Session) -> Listing:
    rows = session.execute(
        select(VehicleSeat.id, Vehicle.name, VehicleSeat.seat, Person.name_latin, Item.title_en)
        .join(Vehicle, Vehicle.id == VehicleSeat.vehicle_id)
        .join(Person, Person.id == VehicleSeat.person_id)
        .outerjoin(Item, Item.id == VehicleSeat.item_id)
        .order_by(Vehicle.name, VehicleSeat.seat, Person.name_latin)
    ).all()
    return Listing(
        ("Vehicle", "Seat", "Person", "Leg"),
        [(sid, v, seat, who, leg or "every leg") for sid, v, seat, who, leg in rows],
    )


def assignments_listing(session: Session) -> Listing:
    rows = session.execute(
        select(
            Assignment.id,
            Person.name_latin,
            Assignment.role,
            Item.title_en,
            Programme.title_en,
            Assignment.day,
            Assignment.language_from,
            Assignment.language_to,
            Assignment.mode,
            Vehicle.name,
        )
        .join(Person, Person.id == Assignment.person_id)
        .outerjoin(Item, Item.id == Assignment.item_id)
        .outerjoin(Programme, Programme.id == Assignment.programme_id)
        .outerjoin(Vehicle, Vehicle.id == Assignment.vehicle_id)
        .order_by(Person.name_latin, Assignment.day, Assignment.id)
    ).all()
    out = []
    for aid, who, role, item, prog, day, src, dst, mode, vehicle in rows:
        what = item or (f"{prog}, {day:%d %b}" if prog and day else prog or "")
        pair = f"{src} → {dst}" if src and dst else ""
        out.append((aid, who, label(role), what, pair, label(mode) if mode else "", vehicle or ""))
    return Listing(("Person", "Role", "For", "Languages", "Mode", "Vehicle"), out)


def stay_choices(session: Session) -> list[tuple[str, int]]:
    from tourplanner.services.room_bookings import stay_choices as choices

    return choices(session)

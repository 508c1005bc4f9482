"""Vehicles for a programme or an item, and the seats allocated on them."""

from __future__ import annotations

from functools import partial

from sqlalchemy import select
from sqlalchemy.orm import Session

from tourplanner.enums import VehicleKind
from tourplanner.errors import ValidationError
from tourplanner.i18n import _
from tourplanner.models import Item, Person, Programme, Vehicle, VehicleSeat
from tourplanner.services import validation as v
from tourplanner.services.common import create_record, delete_record, fetch, update_record

FIELDS = (
    "name",
    "kind",
    "seats",
    "plate",
    "company",
    "programme_id",
    "item_id",
    "driver_id",
    "driver_name",
    "driver_phone",
    "fixed_seats",
    "notes",
)
SEAT_FIELDS = ("vehicle_id", "person_id", "item_id", "seat")


def _validate(session: Session, vehicle: Vehicle) -> None:
    vehicle.name = v.required_text(vehicle.name, "name", max_length=100)
    vehicle.kind = v.choice(vehicle.kind or VehicleKind.COACH, VehicleKind, "kind")
    seats = v.capacity(vehicle.seats, "seats")
    if not seats:
        raise ValidationError("seats", _("a vehicle needs at least one seat"))
    vehicle.seats = seats
    vehicle.plate = v.optional_text(vehicle.plate, "plate", max_length=30)
    vehicle.company = v.optional_text(vehicle.company, "company")
    vehicle.driver_name = v.optional_text(vehicle.driver_name, "driver name")
    vehicle.driver_phone = v.optional_text(vehicle.driver_phone, "driver phone", max_length=50)
    vehicle.notes = v.optional_text(vehicle.notes, "notes")
    vehicle.fixed_seats = bool(vehicle.fixed_seats)
    if vehicle.programme_id is None and vehicle.item_id is None:
        raise ValidationError("programme", _("say which programme or item the vehicle serves"))
    if vehicle.programme_id is not None:
        fetch(session, Programme, vehicle.programme_id, "programme")
    if vehicle.item_id is not None:
        fetch(session, Item, vehicle.item_id, "item")
    if vehicle.driver_id is not None:
        fetch(session, Person, vehicle.driver_id, "driver")


def create_vehicle(session: Session, **fields: object) -> int:
    return create_record(session, Vehicle(), fields, FIELDS, partial(_validate, session))


def update_vehicle(session: Session, vehicle_id: int, **changes: object) -> None:
    update_record(
        session, Vehicle, vehicle_id, changes, FIELDS, partial(_validate, session), "vehicle"
    )


def delete_vehicle(session: Session, vehicle_id: int) -> None:
    delete_record(session, Vehicle, vehicle_id, "vehicle")


def get_vehicle(session: Session, vehicle_id: int) -> Vehicle:
    return fetch(session, Vehicle, vehicle_id, "vehicle")


def list_vehicles(session: Session) -> list[Vehicle]:
    return list(session.scalars(select(Vehicle).order_by(Vehicle.name, Vehicle.id)))


def _validate_seat(session: Session, seat: VehicleSeat) -> None:
    if seat.vehicle_id is None:
        raise ValidationError("vehicle", _("choose a vehicle"))
    vehicle = fetch(session, Vehicle, seat.vehicle_id, "vehicle")
    if seat.person_id is None:
        raise ValidationError("person", _("choose who sits there"))
    fetch(session, Person, seat.person_id, "person")
    if seat.item_id is not None:
        item = fetch(session, Item, seat.item_id, "leg")
        serves = vehicle.item_id == item.id or (
            vehicle.programme_id is not None and item.programme_id == vehicle.programme_id
        )
        if not serves:
            raise ValidationError(
                "leg",
                _("{name!r} does not serve {title_en!r}").format(
                    name=vehicle.name, title_en=item.title_en
                ),
            )
    seat.seat = v.optional_text(seat.seat, "seat", max_length=20)
    same = select(VehicleSeat.id).where(
        VehicleSeat.vehicle_id == seat.vehicle_id,
        VehicleSeat.person_id == seat.person_id,
        VehicleSeat.item_id.is_(None)
        if seat.item_id is None
        else VehicleSeat.item_id == seat.item_id,
    )
    if seat.id is not None:
        same = same.where(VehicleSeat.id != seat.id)
    if session.scalar(same) is not None:
        raise ValidationError(
            "person", _("already has a seat on {name!r} for that leg").format(name=vehicle.name)
        )


def create_seat(session: Session, **fields: object) -> int:
    return create_record(
        session, VehicleSeat(), fields, SEAT_FIELDS, partial(_validate_seat, session)
    )


def update_seat(session: Session, seat_id: int, **changes: object) -> None:
    update_record(
        session,
        VehicleSeat,
        seat_id,
        changes,
        SEAT_FIELDS,
        partial(_validate_seat, session),
        "seat",
    )


def delete_seat(session: Session, seat_id: int) -> None:
    delete_record(session, VehicleSeat, seat_id, "seat")


def get_seat(session: Session, seat_id: int) -> VehicleSeat:
    return fetch(session, VehicleSeat, seat_id, "seat")


def seat_people(
    session: Session, vehicle_id: int, person_ids: list[int], item_id: int | None
) -> list[int]:
    """Put several people on a vehicle at once (the bulk action); returns the new seats' ids.

    People already seated for that leg are skipped; nothing is written if one is refused.
    """
    seated = set(
        session.scalars(
            select(VehicleSeat.person_id).where(
                VehicleSeat.vehicle_id == vehicle_id,
                VehicleSeat.item_id.is_(None)
                if item_id is None
                else VehicleSeat.item_id == item_id,
            )
        )
    )
    return [
        create_seat(session, vehicle_id=vehicle_id, person_id=p, item_id=item_id)
        for p in person_ids
        if p not in seated
    ]

"""Putting several people onto a vehicle at once (the People page's bulk action), and moving
seats onto another vehicle (a drop on the Seats page): each one step."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select

from tourplanner.i18n import _
from tourplanner.models import VehicleSeat
from tourplanner.operations.changes import Changes
from tourplanner.operations.edit import Edit
from tourplanner.operations.operation import Session, StaleError
from tourplanner.services import vehicles


@dataclass
class SeatOnVehicle:
    """Seat the people (for one leg, or every leg); undo takes back only the seats it made."""

    text: str
    vehicle_id: int
    person_ids: list[int]
    item_id: int | None = None
    added: list[int] = field(default_factory=list)

    def do(self, session: Session) -> Changes:
        self.added = vehicles.seat_people(session, self.vehicle_id, self.person_ids, self.item_id)
        return Changes.of_records("vehicle_seat", self.added) | Changes.of_records(
            "vehicle", [self.vehicle_id]
        )

    def undo(self, session: Session) -> Changes:
        still = session.scalar(
            select(func.count()).select_from(VehicleSeat).where(VehicleSeat.id.in_(self.added))
        )
        if still != len(self.added):
            raise StaleError(_("Some of these seats were changed since; nothing was undone"))
        for seat_id in self.added:
            vehicles.delete_seat(session, seat_id)
        return Changes.of_records("vehicle_seat", self.added) | Changes.of_records(
            "vehicle", [self.vehicle_id]
        )


def move_seats(seat_ids: list[int], vehicle_id: int, text: str) -> Edit[tuple]:
    """Move these seats onto another vehicle (a row of the Seats page dragged onto another
    vehicle's): same person and leg, the seat number left to choose again there (seat 5 on one
    coach is not seat 5 on the next); undo puts back the vehicle and the number."""

    def read(session: Session) -> tuple:
        seats = [vehicles.get_seat(session, seat_id) for seat_id in seat_ids]
        return tuple((s.vehicle_id, s.seat) for s in seats)

    def write(session: Session, values: tuple) -> None:
        for seat_id, (vid, seat) in zip(seat_ids, values, strict=True):
            vehicles.update_seat(session, seat_id, vehicle_id=vid, seat=seat)

    return Edit(
        text,
        _("the seats"),
        read,
        write,
        None,
        Changes.of_records("vehicle_seat", seat_ids) | Changes.of_records("vehicle", [vehicle_id]),
        derive=lambda before: tuple(
            (vid, seat) if vid == vehicle_id else (vehicle_id, "") for vid, seat in before
        ),
    )

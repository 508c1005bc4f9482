"""Putting several people onto a vehicle at once (the People page's bulk action), one step."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select

from tourplanner.i18n import _
from tourplanner.models import VehicleSeat
from tourplanner.operations.changes import Changes
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

"""The plain records of the operations the checks read: vehicles, their seats, assignments."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class VehicleRec:
    id: int
    name: str
    seats: int
    programme_id: int | None
    item_id: int | None
    driver_id: int | None = None


@dataclass(frozen=True)
class SeatRec:
    vehicle_id: int
    person_id: int
    item_id: int | None  # None: every leg


@dataclass(frozen=True)
class AssignmentRec:
    id: int
    person_id: int
    role: str  # guide, driver, interpreter
    item_id: int | None
    programme_id: int | None
    day: date | None
    vehicle_id: int | None = None


@dataclass
class OperationsSnapshot:
    vehicles: dict[int, VehicleRec] = field(default_factory=dict)
    seats: list[SeatRec] = field(default_factory=list)
    assignments: list[AssignmentRec] = field(default_factory=list)
    # Shared rooms: (a hotel stay, the stay it shares with), as journey ids of `snap.travel`.
    shared_rooms: list[tuple[int, int]] = field(default_factory=list)

"""Which vehicles carry a group: the smallest kind that seats everyone, coaches beyond that."""

from __future__ import annotations

from dataclasses import dataclass

# (kind, the most passengers it takes), smallest first. A coach is the largest kind; a group
# bigger than one coach gets full coaches and the smallest vehicle for the rest.
VEHICLE_KINDS: tuple[tuple[str, int], ...] = (
    ("car", 3),
    ("van", 7),
    ("minibus", 19),
    ("coach", 49),
)


@dataclass(frozen=True)
class Vehicle:
    kind: str
    seats_needed: int


def vehicles_for(passengers: int) -> tuple[Vehicle, ...]:
    """The vehicles for `passengers` people: one if one kind seats them all, else full coaches
    and the smallest vehicle for those left over (60 people: a coach of 49 and a minibus of 11)."""
    if passengers < 0:
        raise ValueError("a group cannot have fewer than no passengers")
    largest_kind, largest = VEHICLE_KINDS[-1]
    vehicles = []
    left = passengers
    while left > largest:
        vehicles.append(Vehicle(largest_kind, largest))
        left -= largest
    if left:
        kind = next(kind for kind, seats in VEHICLE_KINDS if left <= seats)
        vehicles.append(Vehicle(kind, left))
    return tuple(vehicles)

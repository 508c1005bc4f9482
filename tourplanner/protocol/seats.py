"""A laid-out seat and a layout's result: who sits where, and who is left unseated and why."""

from __future__ import annotations

from dataclasses import dataclass, field

LAYOUTS = ("meeting", "signing", "rostrum", "photo", "motorcade", "banquet")
CONVENTIONS = ("chinese", "international")


@dataclass(frozen=True)
class Spot:
    """Where a seat is: `x` to the viewer's right, `y` away from the entrance, in metres."""

    label: str
    position: int
    x: float
    y: float
    table: int | None = None
    row: int | None = None


@dataclass(frozen=True)
class Placement:
    spot: Spot
    person_id: int | None
    locked: bool = False


@dataclass
class Layout:
    kind: str
    convention: str
    placements: list[Placement] = field(default_factory=list)
    unseated: list[tuple[int, str]] = field(default_factory=list)  # (person id, why)

    def seat_of(self, person_id: int) -> Spot | None:
        return next((p.spot for p in self.placements if p.person_id == person_id), None)

    @property
    def assignment(self) -> dict[str, int]:
        """Seat label -> person id, for the seats that are taken."""
        return {p.spot.label: p.person_id for p in self.placements if p.person_id is not None}

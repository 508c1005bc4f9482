"""What the rules read: the snapshot and the lookups the index keeps over it, never changed."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

from tourplanner.scheduling.findings import Finding
from tourplanner.scheduling.overlaps import Clash
from tourplanner.scheduling.snapshot import BookingRec, Interval, PlanSnapshot, TravelRec

CONFIRMED, WAITLISTED = "confirmed", "waitlisted"
TENTATIVE, CANCELLED = "tentative", "cancelled"

Timed = tuple[float, Finding]  # when (POSIX seconds, for ordering), finding


class CheckView(Protocol):
    """The snapshot with its lookups by person, item, programme and room (`index.ConflictIndex`).

    The rules only read it, apart from `minutes`, a memo of the travel time between two venues.
    """

    @property
    def snap(self) -> PlanSnapshot: ...

    @property
    def spans(self) -> Mapping[int, Interval]:
        """A programme's whole local days, by programme id."""

    @property
    def travel_iv(self) -> Mapping[int, Interval]:
        """A journey as an interval, by journey id."""

    @property
    def travel_by_person(self) -> Mapping[int, Sequence[TravelRec]]:
        """A person's journeys, in time order."""

    @property
    def item_bookings(self) -> Mapping[int, Sequence[BookingRec]]: ...

    @property
    def person_bookings(self) -> Mapping[int, Sequence[BookingRec]]: ...

    @property
    def programme_bookings(self) -> Mapping[int, Sequence[BookingRec]]:
        """The bookings on a whole programme."""

    @property
    def programme_people(self) -> Mapping[int, set[int]]:
        """Who is confirmed on a whole programme."""

    @property
    def items_by_room(self) -> Mapping[object, set[int]]:
        """The items in a room, or in a venue without rooms (key ("venue", id))."""

    @property
    def person_items(self) -> Mapping[int, set[int]]:
        """The items a person is confirmed in through a booking of their own."""

    @property
    def cancelled(self) -> set[int]:
        """The ids of the cancelled items."""

    @property
    def minutes(self) -> dict[tuple[int, int], int]:
        """Travel minutes from one venue to another, filled in as the rules ask."""

    def pairs(self, intervals: list[Interval], clash: Clash) -> list[tuple[Interval, Interval]]:
        """The overlapping pairs among intervals that clash."""
        ...

    def clash(self, a: Interval, b: Interval) -> bool: ...

    def item_people(self, item_id: int) -> set[int]: ...

    def person_intervals(self, person_id: int) -> list[Interval]: ...

    def room_intervals(self, key: object) -> list[Interval]: ...

"""The plain records the checks work on: no database, no ORM, cheap to build and to copy."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from tourplanner.scheduling.operations_records import OperationsSnapshot
from tourplanner.scheduling.recurrence import occurrences

# Breakouts run in parallel: being on a programme does not book a person into them.
NEEDS_OWN_BOOKING = frozenset({"session", "panel", "workshop"})
MOVING_KINDS = frozenset({"flight", "train", "road"})

# What occupies a person or a room for a while, as a plain tuple so that sorting is cheap:
# (start, end) as POSIX seconds, what it is (ITEM, TRAVEL or PROGRAMME), its id, the aware
# UTC datetimes for messages, and an item's venue id (NO_VENUE for the others, and for an
# item without a venue). Tuples order by start, then end, kind and id. The venue is carried
# in the tuple because travel-time walks 300,000 of them: reading it from each item's record
# instead (a lookup among 100,000 items, scattered in memory) cost four times the walk. It
# is an int even when there is none: an item's occurrence before and after a venue edit
# differs there alone, and the two are compared while the index moves one for the other.
ITEM, TRAVEL, PROGRAMME = 0, 1, 2
NO_VENUE = -1  # no plan's venue has a negative id
Interval = tuple[float, float, int, int, datetime, datetime, int]


@dataclass(frozen=True)
class ItemRec:
    id: int
    programme_id: int
    title: str
    kind: str
    status: str
    start: datetime
    end: datetime
    zone: str
    venue_id: int | None = None
    room_id: int | None = None
    recurrence: str = ""
    exdates: str = ""
    rdates: str = ""
    menu_note: str = ""  # a meal's menu (meal-diet-without-menu)


@dataclass(frozen=True)
class ProgrammeRec:
    id: int
    title: str
    kind: str
    start_date: date
    end_date: date
    zone: str
    capacity: int | None = None
    parent_id: int | None = None


@dataclass(frozen=True)
class VenueRec:
    id: int
    name: str
    city: str
    zone: str


@dataclass(frozen=True)
class RoomRec:
    id: int
    venue_id: int
    name: str
    capacity: int | None = None


@dataclass(frozen=True)
class PersonRec:
    id: int
    name: str
    role: str = "delegate"
    dietary_tags: str = ""  # the stored tags, comma-separated ("halal,no_pork")


@dataclass(frozen=True)
class BookingRec:
    """A participation: a person in an item or in a whole programme."""

    person_id: int
    item_id: int | None
    programme_id: int | None
    role: str = "attending"
    status: str = "confirmed"


@dataclass(frozen=True)
class TravelRec:
    """One person's place on a journey or stay: `id` is the traveller's, `journey_id` the trip's."""

    id: int
    person_id: int
    kind: str
    label: str
    start: datetime
    end: datetime
    start_zone: str
    end_zone: str
    venue_id: int | None = None  # a hotel stay's hotel; a journey's station or airport of departure
    from_place: str = ""
    to_place: str = ""
    journey_id: int | None = None


def venue_of(item: ItemRec) -> int:
    """The item's venue id as its intervals carry it: NO_VENUE when it has none."""
    return NO_VENUE if item.venue_id is None else item.venue_id


@dataclass
class PlanSnapshot:
    """Everything the checks read, as plain records keyed by id."""

    items: dict[int, ItemRec] = field(default_factory=dict)
    programmes: dict[int, ProgrammeRec] = field(default_factory=dict)
    venues: dict[int, VenueRec] = field(default_factory=dict)
    rooms: dict[int, RoomRec] = field(default_factory=dict)
    people: dict[int, PersonRec] = field(default_factory=dict)
    bookings: list[BookingRec] = field(default_factory=list)
    travel: dict[int, TravelRec] = field(default_factory=dict)
    travel_minutes: dict[tuple[int, int], int] = field(default_factory=dict)
    minutes_same_city: int = 30
    minutes_other_city: int = 180
    operations: OperationsSnapshot = field(default_factory=OperationsSnapshot)
    _minutes_cache: dict[tuple[int, int], int] = field(default_factory=dict, repr=False)
    # What a journey's end place names, by (text, venue id): see `scheduling.places`.
    place_memo: dict[tuple[str, int | None], tuple[int | None, str]] = field(
        default_factory=dict, repr=False
    )

    def occurrences_of(self, item: ItemRec) -> list[Interval]:
        """The item's occurrences as intervals; a repeat rule stops at its programme's last day."""
        if not item.recurrence and not item.rdates:  # most items: no need to ask dateutil
            start, end = item.start, item.end
            return [(start.timestamp(), end.timestamp(), ITEM, item.id, start, end, venue_of(item))]
        prog = self.programmes.get(item.programme_id)
        venue = venue_of(item)
        return [
            (s.timestamp(), e.timestamp(), ITEM, item.id, s, e, venue)
            for s, e in occurrences(
                start_utc=item.start,
                end_utc=item.end,
                zone_name=item.zone,
                rule_text=item.recurrence,
                exdates_text=item.exdates,
                until=prog.end_date if prog else None,
                rdates_text=item.rdates,
            )
        ]

    def minutes_between(self, venue_a: int, venue_b: int) -> int:
        """Travel minutes between two venues: the pair's own, else by same/other city."""
        if venue_a == venue_b:
            return 0
        key = (min(venue_a, venue_b), max(venue_a, venue_b))
        cached = self._minutes_cache.get(key)
        if cached is None:
            cached = self._minutes_cache[key] = self._minutes(*key)
        return cached

    def longest_trip(self) -> float:
        """No trip between two venues takes longer (`minutes_between`), in seconds: items
        further apart than that are never too close, whatever lies between them."""
        return 60.0 * max(
            self.minutes_same_city, self.minutes_other_city, *self.travel_minutes.values()
        )

    def _minutes(self, venue_a: int, venue_b: int) -> int:
        pair = self.travel_minutes.get((venue_a, venue_b))
        if pair is not None:
            return pair
        a, b = self.venues.get(venue_a), self.venues.get(venue_b)
        same = a and b and a.city and b.city and a.city.casefold() == b.city.casefold()
        return self.minutes_same_city if same else self.minutes_other_city

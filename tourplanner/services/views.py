"""Plain, immutable views of plan data: what services hand to the UI, exports and the CLI.

They outlive the session that built them and can cross threads and processes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import MISSING, dataclass, field, fields
from datetime import date, datetime
from typing import NamedTuple

from tourplanner.models import Item, Person, Programme, Traveller, Venue
from tourplanner.timezones import day_offset


@dataclass(frozen=True)
class VenueView:
    id: int
    name_en: str
    name_local: str
    address_en: str
    address_local: str
    city: str
    country: str
    timezone: str
    latitude: float | None
    longitude: float | None
    notes: str = ""  # entrances, pick-up gates: printed under the address
    phone: str = ""  # the venue's own phone (a hotel's front desk), where the plan has one

    @classmethod
    def of(cls, venue: Venue) -> VenueView:
        return cls(
            venue.id,
            venue.name_en,
            venue.name_local,
            venue.address_en,
            venue.address_local,
            venue.city,
            venue.country,
            venue.timezone,
            venue.latitude,
            venue.longitude,
            venue.notes or "",
            venue.phone or "",
        )


@dataclass(frozen=True)
class ProgrammeView:
    id: int
    title_en: str
    title_local: str
    kind: str
    start_date: date
    end_date: date
    timezone: str
    capacity: int | None
    parent_id: int | None
    description: str

    @classmethod
    def of(cls, prog: Programme) -> ProgrammeView:
        return cls(
            prog.id,
            prog.title_en,
            prog.title_local,
            prog.kind,
            prog.start_date,
            prog.end_date,
            prog.timezone,
            prog.capacity,
            prog.parent_id,
            prog.description,
        )


@dataclass(frozen=True)
class Interpreting:
    """An interpreter's assignment on an item: who, the language pair, mode and booth."""

    person_id: int
    name: str
    language_from: str = ""  # 'en'
    language_to: str = ""  # 'zh'
    mode: str = ""  # 'simultaneous', 'consecutive' or ''
    booth: str = ""


@dataclass(frozen=True)
class ItemView:
    """One occurrence of an item (a recurring item gives one view per occurrence)."""

    id: int
    uid: str
    programme_id: int
    programme_title: str
    title_en: str
    title_local: str
    kind: str
    status: str
    start_utc: datetime
    end_utc: datetime
    timezone: str
    venue: VenueView | None
    room: str
    room_local: str
    room_capacity: int | None
    description: str
    track: str
    language: str
    recurrence: str
    sequence: int
    speakers: tuple[str, ...] = ()
    chairs: tuple[str, ...] = ()
    role: str = ""  # the person's role, in a personal itinerary
    guides: tuple[str, ...] = ()  # who leads it (a tour guide)
    interpreters: tuple[str, ...] = ()
    # Filled for printing (services/item_places.py): a transfer's ends, a group flight's number,
    # the interpreters' assignments and where the group meets before the item.
    origin: VenueView | None = None
    destination: VenueView | None = None
    flight: str = ""
    interpreting: tuple[Interpreting, ...] = ()
    meeting_point: str = ""
    meeting_utc: datetime | None = None

    @classmethod
    def of(
        cls,
        item: Item,
        *,
        start_utc: datetime | None = None,
        end_utc: datetime | None = None,
        speakers: tuple[str, ...] = (),
        chairs: tuple[str, ...] = (),
        role: str = "",
        guides: tuple[str, ...] = (),
        interpreters: tuple[str, ...] = (),
    ) -> ItemView:
        room = item.room
        return cls(
            id=item.id,
            uid=item.uid,
            programme_id=item.programme_id,
            programme_title=item.programme.title_en,
            title_en=item.title_en,
            title_local=item.title_local,
            kind=item.kind,
            status=item.status,
            start_utc=start_utc or item.start_utc,
            end_utc=end_utc or item.end_utc,
            timezone=item.timezone,
            venue=VenueView.of(item.venue) if item.venue else None,
            room=room.name if room else "",
            room_local=room.name_local if room else "",
            room_capacity=room.capacity if room else None,
            description=item.description,
            track=item.track,
            language=item.language,
            recurrence=item.recurrence,
            sequence=item.sequence,
            speakers=speakers,
            chairs=chairs,
            role=role,
            guides=guides,
            interpreters=interpreters,
            meeting_point=item.meeting_point or "",
            meeting_utc=item.meeting_utc,
        )

    @classmethod
    def of_columns(cls, *columns: object) -> ItemView:
        """The view whose first fields are these, in order, the others at their defaults.

        It equals `ItemView(*columns)`. The constructor of a frozen dataclass sets each of the
        28 fields through `object.__setattr__` (about 4 µs a view); a timeline day reads 3,000
        and more, so this fills the new instance's dictionary in one step (1.6 µs).
        """
        if len(columns) > len(_ITEM_FIELDS):
            raise TypeError(f"an item view has {len(_ITEM_FIELDS)} fields, not {len(columns)}")
        view = object.__new__(cls)
        view.__dict__.update(_ITEM_DEFAULTS)
        view.__dict__.update(zip(_ITEM_FIELDS, columns, strict=False))
        return view


_ITEM_FIELDS = tuple(f.name for f in fields(ItemView))
_ITEM_DEFAULTS = {f.name: f.default for f in fields(ItemView) if f.default is not MISSING}


class TimelineItem(NamedTuple):
    """One occurrence as the timeline draws it: only the fields of `ItemView` that a block
    shows, places and acts on, under the same names (the editor and the detail panel read the
    full item when it is opened).

    A busy timeline day has 3,400 of them, read each time the user goes to a day not read
    ahead: a named tuple is made in 0.5 µs, a 28-field `ItemView` (even by `of_columns`) in
    2.5 µs, and the eleven columns it has more (description, track...) take as long again to
    read; the day reads in about half the time of `programme_day`.
    """

    id: int
    programme_id: int
    title_en: str
    title_local: str
    kind: str
    status: str
    start_utc: datetime
    end_utc: datetime
    timezone: str
    venue: VenueView | None
    room: str
    recurrence: str = ""
    speakers: tuple[str, ...] = ()  # read when the block is pointed at, except repeating items'

    @classmethod
    def of(cls, view: ItemView) -> TimelineItem:
        """The fields of a full view that the timeline uses."""
        return cls(
            view.id,
            view.programme_id,
            view.title_en,
            view.title_local,
            view.kind,
            view.status,
            view.start_utc,
            view.end_utc,
            view.timezone,
            view.venue,
            view.room,
            view.recurrence,
            view.speakers,
        )


# What a timeline block holds: a day's lean rows, or the full view of an item just edited.
DayItem = ItemView | TimelineItem


@dataclass(frozen=True)
class TravelView:
    id: int
    uid: str
    kind: str
    carrier: str
    number: str
    confirmation_code: str
    from_place: str
    to_place: str
    start_utc: datetime
    start_timezone: str
    end_utc: datetime
    end_timezone: str
    venue: VenueView | None
    notes: str
    seat: str = ""
    status: str = "confirmed"
    # The plan's venues at each end (an airport's Chinese name and address), where known.
    from_venue: VenueView | None = None
    to_venue: VenueView | None = None

    @property
    def day_offset(self) -> int:
        """Calendar days between the local departure date and the local arrival date."""
        return day_offset(self.start_utc, self.start_timezone, self.end_utc, self.end_timezone)

    @classmethod
    def of(cls, seg: Traveller) -> TravelView:
        """One person's view of a journey: its times and places, their own seat and code."""
        return cls(
            seg.id,
            seg.uid,
            seg.kind,
            seg.carrier,
            seg.number,
            seg.confirmation_code,
            seg.from_place,
            seg.to_place,
            seg.start_utc,
            seg.start_timezone,
            seg.end_utc,
            seg.end_timezone,
            VenueView.of(seg.venue) if seg.venue else None,
            "\n".join(p for p in (seg.journey_notes, seg.notes) if p),
            seg.seat,
            seg.status,
        )


@dataclass(frozen=True)
class PersonView:
    """A person as printed or shown; sensitive fields are empty unless asked for."""

    id: int
    display_name: str
    name_latin: str
    name_local: str
    honorific: str
    organization: str
    organization_local: str
    groups: tuple[str, ...]
    role: str
    email: str
    phone: str
    preferred_language: str
    dietary_needs: str
    accessibility_needs: str
    emergency_contact: str
    passport_visa_notes: str = ""
    medical_notes: str = ""

    @classmethod
    def of(cls, person: Person, *, include_sensitive: bool = False) -> PersonView:
        org = person.organization
        return cls(
            id=person.id,
            display_name=person.display_name,
            name_latin=person.name_latin,
            name_local=person.name_local,
            honorific=person.honorific,
            organization=org.name_en if org else "",
            organization_local=org.name_local if org else "",
            groups=tuple(g.name for g in person.groups),
            role=person.role,
            email=person.email,
            phone=person.phone,
            preferred_language=person.preferred_language,
            dietary_needs=person.dietary_needs,
            accessibility_needs=person.accessibility_needs,
            emergency_contact=person.emergency_contact,
            passport_visa_notes=person.passport_visa_notes if include_sensitive else "",
            medical_notes=person.medical_notes if include_sensitive else "",
        )


@dataclass(frozen=True)
class Itinerary:
    """Everything one person does, in time order: items (occurrences), programmes, travel."""

    person: PersonView
    programmes: tuple[ProgrammeView, ...]
    items: tuple[ItemView, ...]
    travel: tuple[TravelView, ...]
    # Item id -> where the person sits ("Table 3, seat 5") for items with a seating plan.
    seats: Mapping[int, str] = field(default_factory=dict)
    # Day 1 of the event the person's programmes belong to: one day numbering for everyone.
    first_day: date | None = None

    def entries(self) -> list[ItemView | TravelView]:
        """Items and travel merged in time order."""
        merged: list[ItemView | TravelView] = [*self.items, *self.travel]
        return sorted(merged, key=lambda e: (e.start_utc, e.end_utc, e.id))


@dataclass(frozen=True)
class RosterEntry:
    person: PersonView
    role: str
    status: str


@dataclass(frozen=True)
class Roster:
    programme: ProgrammeView
    entries: tuple[RosterEntry, ...]
    confirmed: int = field(default=0)

    @property
    def over_capacity(self) -> int:
        """How many confirmed participants exceed the seats (0 when within or no limit)."""
        cap = self.programme.capacity
        return max(0, self.confirmed - cap) if cap is not None else 0


@dataclass(frozen=True)
class ProgrammeSummary:
    """A programme as `tourplanner info` and the agenda list it: with its number of items."""

    id: int
    title: str
    title_local: str
    kind: str
    start: date
    end: date
    items: int
    parent_id: int | None

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "title": self.title,
            "title_local": self.title_local,
            "kind": self.kind,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "items": self.items,
            "parent_id": self.parent_id,
        }


@dataclass(frozen=True)
class PlanSummary:
    """The plan's title, programmes and counts of each kind of record."""

    title: str
    organization: str
    home_timezone: str
    programmes: tuple[ProgrammeSummary, ...]
    counts: dict[str, int]

    def as_dict(self) -> dict[str, object]:
        """As `tourplanner info --json` prints it."""
        return {
            "title": self.title,
            "organization": self.organization,
            "home_timezone": self.home_timezone,
            "programmes": [p.as_dict() for p in self.programmes],
            "counts": dict(self.counts),
        }


@dataclass(frozen=True)
class VenueChoice:
    """A venue as a form offers it: its label, zone and rooms (id, name)."""

    id: int
    label: str
    timezone: str
    rooms: tuple[tuple[int, str], ...]


@dataclass(frozen=True)
class ProgrammeChoice:
    id: int
    title: str
    timezone: str
    first_day: date | None = None  # where a new item of the programme opens

"""Load a plan into the checks' plain records and run them, in full or kept up to date.

The app builds one index when a plan opens and refreshes it after each edit:

    with plan.reading() as session:
        index = build_index(session)
    ...  # an edit in its own transaction, then:
    with plan.reading() as session:
        refresh(session, index, items=[item_id])   # or people=[...], programmes=[...]
    index.findings()

Edits to venues, rooms, travel times or the plan's defaults need a new `build_index`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from tourplanner.enums import TravellerStatus
from tourplanner.errors import ValidationError
from tourplanner.i18n import _
from tourplanner.models import (
    Item,
    Participation,
    Person,
    Plan,
    Programme,
    Room,
    Traveller,
    TravelSegment,
    TravelTime,
    Venue,
)
from tourplanner.scheduling.findings import Finding
from tourplanner.scheduling.index import ConflictIndex
from tourplanner.scheduling.operations_records import (
    AssignmentRec,
    OperationsSnapshot,
    SeatRec,
    VehicleRec,
)
from tourplanner.scheduling.rules import RULES
from tourplanner.scheduling.snapshot import (
    BookingRec,
    ItemRec,
    PersonRec,
    PlanSnapshot,
    ProgrammeRec,
    RoomRec,
    TravelRec,
    VenueRec,
)

BOOKING_COLUMNS = (
    Participation.person_id,
    Participation.item_id,
    Participation.programme_id,
    Participation.role,
    Participation.status,
)
PROGRAMME_COLUMNS = (
    Programme.id,
    Programme.title_en,
    Programme.kind,
    Programme.start_date,
    Programme.end_date,
    Programme.timezone,
    Programme.capacity,
    Programme.parent_id,
)
# One row per person per journey (each traveller), so the checks see each person's own travel.
TRAVEL_COLUMNS = (
    Traveller.id,
    Traveller.person_id,
    TravelSegment.kind,
    TravelSegment.carrier,
    TravelSegment.number,
    TravelSegment.from_place,
    TravelSegment.to_place,
    TravelSegment.start_utc,
    TravelSegment.end_utc,
    TravelSegment.start_timezone,
    TravelSegment.end_timezone,
    TravelSegment.venue_id,
    Traveller.segment_id,
)
ITEM_COLUMNS = (
    Item.id,
    Item.programme_id,
    Item.title_en,
    Item.kind,
    Item.status,
    Item.start_utc,
    Item.end_utc,
    Item.timezone,
    Item.venue_id,
    Item.room_id,
    Item.recurrence,
    Item.exdates,
    Item.rdates,
    Item.menu_note,
)
PERSON_COLUMNS = (Person.id, Person.name_latin, Person.role, Person.dietary_tags)


def _travel_label(kind: str, carrier: str, number: str, from_place: str, to_place: str) -> str:
    if kind == "hotel":
        if to_place:
            return _("hotel stay at {place}").format(place=to_place)
        return _("hotel stay at the hotel")
    name = " ".join(p for p in (carrier, number) if p) or kind
    route = f" {from_place} → {to_place}" if from_place or to_place else ""
    return f"{kind} {name}{route}".strip()


def _travel_rec(row: tuple, venues: dict[int, VenueRec]) -> TravelRec:
    tid, pid, kind, carrier, number, frm, to, start, end, sz, ez, venue, journey = row
    label = _travel_label(kind, carrier, number, frm, to)
    if kind == "hotel" and venue in venues:
        label = f"hotel stay at {venues[venue].name}"
    return TravelRec(tid, pid, kind, label, start, end, sz, ez, venue, frm, to, journey)


def _travellers() -> Select[*tuple[Any, ...]]:
    """Each person's place on each journey; a cancelled traveller is not travelling."""
    return (
        select(*TRAVEL_COLUMNS)
        .join(TravelSegment, TravelSegment.id == Traveller.segment_id)
        .where(Traveller.status != TravellerStatus.CANCELLED)
    )


def load_snapshot(session: Session) -> PlanSnapshot:
    """The whole plan as plain records, read with one SELECT per table."""
    snap = PlanSnapshot()
    plan = session.execute(
        select(Plan.travel_minutes_same_city, Plan.travel_minutes_other_city).limit(1)
    ).first()
    if plan:
        snap.minutes_same_city, snap.minutes_other_city = plan
    snap.items = {row[0]: ItemRec(*row) for row in session.execute(select(*ITEM_COLUMNS))}
    snap.programmes = {
        row[0]: ProgrammeRec(*row) for row in session.execute(select(*PROGRAMME_COLUMNS))
    }
    snap.venues = {
        row[0]: VenueRec(*row)
        for row in session.execute(select(Venue.id, Venue.name_en, Venue.city, Venue.timezone))
    }
    snap.rooms = {
        row[0]: RoomRec(*row)
        for row in session.execute(select(Room.id, Room.venue_id, Room.name, Room.capacity))
    }
    snap.people = {row[0]: PersonRec(*row) for row in session.execute(select(*PERSON_COLUMNS))}
    snap.bookings = [BookingRec(*row) for row in session.execute(select(*BOOKING_COLUMNS))]
    for row in session.execute(_travellers()):
        journey = _travel_rec(row, snap.venues)
        snap.travel[journey.id] = journey
    snap.travel_minutes = {
        (a, b): m
        for a, b, m in session.execute(
            select(TravelTime.from_venue_id, TravelTime.to_venue_id, TravelTime.minutes)
        )
    }
    snap.operations = load_operations(session)
    return snap


def load_operations(session: Session) -> OperationsSnapshot:
    """Vehicles, seats and assignments as plain records (one SELECT each)."""
    from tourplanner.models import Assignment, RoomBooking, Vehicle, VehicleSeat

    return OperationsSnapshot(
        {
            row[0]: VehicleRec(*row)
            for row in session.execute(
                select(
                    Vehicle.id,
                    Vehicle.name,
                    Vehicle.seats,
                    Vehicle.programme_id,
                    Vehicle.item_id,
                    Vehicle.driver_id,
                )
            )
        },
        [
            SeatRec(*row)
            for row in session.execute(
                select(VehicleSeat.vehicle_id, VehicleSeat.person_id, VehicleSeat.item_id)
            )
        ],
        [
            AssignmentRec(*row)
            for row in session.execute(
                select(
                    Assignment.id,
                    Assignment.person_id,
                    Assignment.role,
                    Assignment.item_id,
                    Assignment.programme_id,
                    Assignment.day,
                    Assignment.vehicle_id,
                )
            )
        ],
        [
            (stay, other)
            for stay, other in session.execute(
                select(RoomBooking.stay_id, RoomBooking.shares_with_id).where(
                    RoomBooking.shares_with_id.is_not(None)
                )
            )
            if other is not None
        ],
    )


def check_rules(rules: Iterable[str] | None) -> list[str] | None:
    """Validate rule names given by a user; None means all rules."""
    if rules is None:
        return None
    names = list(rules)
    for name in names:
        if name not in RULES:
            raise ValidationError(
                "rule",
                _("{name!r} is not a rule; the rules are: {join}").format(
                    name=name, join=", ".join(RULES)
                ),
            )
    return names


def check_plan(session: Session, *, rules: Iterable[str] | None = None) -> list[Finding]:
    """Every finding of the plan (errors first), optionally of some rules only."""
    return ConflictIndex(load_snapshot(session), check_rules(rules)).findings()


def build_index(session: Session, *, rules: Iterable[str] | None = None) -> ConflictIndex:
    """A ConflictIndex to keep, and to update after each edit with `refresh`."""
    return ConflictIndex(load_snapshot(session), check_rules(rules))


def refresh(
    session: Session,
    index: ConflictIndex,
    *,
    items: Iterable[int] = (),
    people: Iterable[int] = (),
    programmes: Iterable[int] = (),
) -> None:
    """Re-read what an edit changed (added, edited or deleted) and recheck only what it touches.

    items: items and their bookings; people: a person's name, bookings and journeys;
    programmes: a programme's dates, kind, seats and parent (and, if deleted, its items).
    """
    for programme_id in programmes:
        row = session.execute(
            select(*PROGRAMME_COLUMNS).where(Programme.id == programme_id)
        ).first()
        index.replace_programme(programme_id, ProgrammeRec(*row) if row else None)
    for item_id in items:
        refresh_item(session, index, item_id)
    for person_id in people:
        person = session.execute(select(*PERSON_COLUMNS).where(Person.id == person_id)).first()
        if person is None:
            index.replace_person(person_id, None)
            continue
        bookings = [
            BookingRec(*b)
            for b in session.execute(
                select(*BOOKING_COLUMNS).where(Participation.person_id == person_id)
            )
        ]
        journeys = [
            _travel_rec(t, index.snap.venues)
            for t in session.execute(_travellers().where(Traveller.person_id == person_id))
        ]
        index.replace_person(person_id, PersonRec(*person), bookings, journeys)


def refresh_item(session: Session, index: ConflictIndex, item_id: int) -> None:
    """Re-read one item and its bookings after an edit (or its deletion); recheck what it touches."""
    row = session.execute(select(*ITEM_COLUMNS).where(Item.id == item_id)).first()
    if row is None:
        index.replace_item(item_id, None)
        return
    bookings = [
        BookingRec(*b)
        for b in session.execute(select(*BOOKING_COLUMNS).where(Participation.item_id == item_id))
    ]
    index.replace_item(item_id, ItemRec(*row), bookings)

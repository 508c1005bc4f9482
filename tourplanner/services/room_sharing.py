"""Putting several people into one hotel room at once: their stays at one hotel share a room.

A room is the stays joined by "sharing with" (`services/rooming.py`); here the first person's
stay leads and every other chosen stay shares with it. A stay that shared with one of the chosen
stays from outside the selection is let go (it keeps its own room), so the new room holds exactly
the people chosen. The rooms touched are read before and after as plain values, so an operation
can put either back (`restore_rooms`) and tell whether anything changed them since.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from tourplanner.enums import RoomType, TravelKind, TravellerStatus, label
from tourplanner.errors import ValidationError
from tourplanner.i18n import _, ngettext
from tourplanner.models import Person, RoomBooking, Traveller, TravelSegment, Venue
from tourplanner.operations_planning import shared_rooms
from tourplanner.services import room_bookings
from tourplanner.services import validation as v

# How many people a room of each type sleeps (a suite: its bedroom and a sofa bed, say).
ROOM_HOLDS = {RoomType.SINGLE: 1, RoomType.TWIN: 2, RoomType.DOUBLE: 2, RoomType.SUITE: 4}


@dataclass(frozen=True)
class RoomState:
    """One stay's room as stored: its booking's id and fields, or `booking_id` None (no room)."""

    stay_id: int
    booking_id: int | None = None
    fields: tuple[tuple[str, object], ...] = ()


@dataclass(frozen=True)
class SharedRoom:
    """What `share_one_room` did: the stays it touched, their rooms before and after."""

    hotel: str
    stay_ids: tuple[int, ...]
    before: tuple[RoomState, ...]
    after: tuple[RoomState, ...]

    @property
    def booking_ids(self) -> set[int]:
        return {s.booking_id for s in (*self.before, *self.after) if s.booking_id is not None}


def _stays_by_hotel(session: Session, person_ids: list[int]) -> dict[int, dict[int, list]]:
    """hotel venue id -> person id -> their stays there (segments), earliest first."""
    found: dict[int, dict[int, list]] = {}
    rows = session.execute(
        select(Traveller.person_id, TravelSegment)
        .join(TravelSegment, TravelSegment.id == Traveller.segment_id)
        .where(
            Traveller.person_id.in_(person_ids),
            Traveller.status != TravellerStatus.CANCELLED.value,
            TravelSegment.kind == TravelKind.HOTEL.value,
            TravelSegment.venue_id.is_not(None),
        )
        .order_by(TravelSegment.start_utc, TravelSegment.id)
    ).all()
    for person_id, stay in rows:
        if stay.venue_id is not None:  # the query asks for a hotel; mypy cannot know
            found.setdefault(stay.venue_id, {}).setdefault(person_id, []).append(stay)
    return found


def _stays_together(person_ids: list[int], at_hotel: dict[int, list]) -> list | None:
    """Each person's stay at this hotel overlapping the first person's first one, or None."""
    if any(p not in at_hotel for p in person_ids):
        return None
    lead = at_hotel[person_ids[0]][0]
    chosen = [lead]
    for person_id in person_ids[1:]:
        overlapping = [
            s
            for s in at_hotel[person_id]
            if s.start_utc < lead.end_utc and s.end_utc > lead.start_utc
        ]
        if not overlapping:
            return None
        chosen.append(overlapping[0])
    return chosen


def common_hotels(session: Session, person_ids: list[int]) -> list[tuple[str, int]]:
    """The hotels where all these people stay at the same time, as (name, venue id)."""
    ids = list(dict.fromkeys(person_ids))
    out = []
    for venue_id, at_hotel in _stays_by_hotel(session, ids).items():
        if _stays_together(ids, at_hotel) is not None:
            venue = session.get(Venue, venue_id)
            out.append((venue.name_en if venue is not None else str(venue_id), venue_id))
    return sorted(out)


def guests_of(session: Session, booking_ids: list[int]) -> tuple[list[int], int | None]:
    """The people whose rooms these are (the Hotel rooms page's rows), and the first room's
    hotel: putting them into one room means at that hotel."""
    rows = session.execute(
        select(RoomBooking.id, Traveller.person_id, TravelSegment.venue_id)
        .join(TravelSegment, TravelSegment.id == RoomBooking.stay_id)
        .join(Traveller, Traveller.segment_id == TravelSegment.id)
        .where(RoomBooking.id.in_(booking_ids))
    ).all()
    order = {b: n for n, b in enumerate(booking_ids)}
    rows = sorted(rows, key=lambda r: order[r[0]])
    people = list(dict.fromkeys(person_id for _b, person_id, _v in rows))
    return people, rows[0][2] if rows else None


def room_of(session: Session, booking_id: int) -> tuple[list[int], int | None, str]:
    """The people in this booking's room (its stay and every stay joined to it by "sharing
    with", at its hotel), the hotel, and the room's type: what a guest dropped on it joins."""
    booking = room_bookings.get_room_booking(session, booking_id)
    venue_id = booking.stay.venue_id
    links = session.execute(
        select(RoomBooking.stay_id, RoomBooking.shares_with_id)
        .join(TravelSegment, TravelSegment.id == RoomBooking.stay_id)
        .where(TravelSegment.venue_id == venue_id)
    )
    room = shared_rooms.room_with(booking.stay_id, links.tuples())
    people = session.scalars(
        select(Traveller.person_id)
        .join(TravelSegment, TravelSegment.id == Traveller.segment_id)
        .where(Traveller.segment_id.in_(room))
        .order_by(TravelSegment.start_utc, Traveller.segment_id)
    )
    return list(dict.fromkeys(people)), venue_id, booking.room_type


def _names(session: Session, person_ids: list[int]) -> str:
    names = dict(
        session.execute(select(Person.id, Person.name_latin).where(Person.id.in_(person_ids))).all()
    )
    return ", ".join(names.get(p, f"#{p}") for p in person_ids)


def room_states(session: Session, stay_ids: tuple[int, ...]) -> tuple[RoomState, ...]:
    """The rooms of these stays as stored now, in the order given."""
    bookings = {
        b.stay_id: b
        for b in session.scalars(select(RoomBooking).where(RoomBooking.stay_id.in_(stay_ids)))
    }
    out = []
    for stay_id in stay_ids:
        b = bookings.get(stay_id)
        if b is None:
            out.append(RoomState(stay_id))
        else:
            fields = tuple((f, getattr(b, f)) for f in room_bookings.FIELDS)
            out.append(RoomState(stay_id, b.id, fields))
    return tuple(out)


def share_one_room(
    session: Session, person_ids: list[int], room_type: str, hotel_id: int | None = None
) -> SharedRoom:
    """Put the people into one room of `room_type` at the hotel where they all stay (`hotel_id`
    when they share several). Refused in a sentence, writing nothing, when they are fewer than
    two, the type sleeps fewer, or they have no stay at one hotel at the same time."""
    ids = list(dict.fromkeys(person_ids))
    if len(ids) < 2:
        raise ValidationError("people", _("Select at least two people to share a room."))
    kind = v.choice(room_type, RoomType, "room type")
    holds = ROOM_HOLDS[RoomType(kind)]
    if len(ids) > holds:
        raise ValidationError(
            "room type",
            ngettext(
                "A {type} room sleeps {holds} person; {count} people were selected.",
                "A {type} room sleeps {holds} people; {count} people were selected.",
                holds,
            ).format(type=label(kind).lower(), holds=holds, count=len(ids)),
        )
    by_hotel = _stays_by_hotel(session, ids)
    together = {h: s for h, at in by_hotel.items() if (s := _stays_together(ids, at)) is not None}
    if not together:
        raise ValidationError(
            "hotel",
            _("{names} have no stay at one hotel at the same time.").format(
                names=_names(session, ids)
            ),
        )
    if hotel_id is None and len(together) > 1:
        raise ValidationError("hotel", _("They stay together at several hotels: choose one."))
    if hotel_id is not None and hotel_id not in together:
        raise ValidationError(
            "hotel",
            _("{names} do not all stay at that hotel at the same time.").format(
                names=_names(session, ids)
            ),
        )
    venue_id = hotel_id if hotel_id is not None else next(iter(together))
    stays = list(dict.fromkeys(s.id for s in together[venue_id]))  # two people, one stay: one
    outsiders = list(
        session.scalars(
            select(RoomBooking.stay_id).where(
                RoomBooking.shares_with_id.in_(stays), RoomBooking.stay_id.not_in(stays)
            )
        )
    )
    touched = tuple(stays + outsiders)
    before = room_states(session, touched)
    for outsider in session.scalars(select(RoomBooking).where(RoomBooking.stay_id.in_(outsiders))):
        room_bookings.update_room_booking(session, outsider.id, shares_with_id=None)
    booking_of = {state.stay_id: state.booking_id for state in before}  # read once, above
    lead = stays[0]
    for stay_id in stays:
        values = {"room_type": kind, "shares_with_id": None if stay_id == lead else lead}
        booking_id = booking_of[stay_id]
        if booking_id is None:
            room_bookings.create_room_booking(session, stay_id=stay_id, **values)
        else:
            room_bookings.update_room_booking(session, booking_id, **values)
    session.flush()
    venue = session.get(Venue, venue_id)
    return SharedRoom(
        venue.name_en if venue is not None else "",
        touched,
        before,
        room_states(session, touched),
    )


def restore_rooms(session: Session, states: tuple[RoomState, ...]) -> None:
    """Put these stays' rooms back as they were read (the same booking ids): what undo and redo
    write. The states were valid when read, so they are written as they are."""
    stay_ids = tuple(s.stay_id for s in states)
    current = {
        b.stay_id: b
        for b in session.scalars(select(RoomBooking).where(RoomBooking.stay_id.in_(stay_ids)))
    }
    for state in states:
        booking = current.get(state.stay_id)
        if state.booking_id is None:
            if booking is not None:
                session.delete(booking)
            continue
        if booking is None:
            booking = RoomBooking(id=state.booking_id)
            session.add(booking)
        for name, value in state.fields:
            setattr(booking, name, value)
    session.flush()

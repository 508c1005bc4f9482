"""Venues, their rooms, and travel times between venues."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tourplanner.errors import InUseError, ValidationError
from tourplanner.i18n import _
from tourplanner.models import Item, Plan, Room, TravelSegment, TravelTime, Venue
from tourplanner.services import validation as v
from tourplanner.services.common import (
    apply_changes,
    create_record,
    delete_record,
    fetch,
    find_one,
    update_record,
)
from tourplanner.wording import count

VENUE_FIELDS = (
    "name_en",
    "name_local",
    "address_en",
    "address_local",
    "city",
    "country",
    "timezone",
    "latitude",
    "longitude",
    "notes",
    "phone",
)
ROOM_FIELDS = ("name", "name_local", "capacity")


def _validate_venue(venue: Venue) -> None:
    venue.name_en = v.required_text(venue.name_en, "English name")
    venue.name_local = v.optional_text(venue.name_local, "local name", max_length=200)
    venue.address_en = v.optional_text(venue.address_en, "English address", max_length=500)
    venue.address_local = v.optional_text(venue.address_local, "local address", max_length=500)
    venue.city = v.optional_text(venue.city, "city", max_length=100)
    venue.country = v.optional_text(venue.country, "country", max_length=100)
    venue.timezone = v.timezone_name(venue.timezone)
    venue.latitude = v.coordinate(venue.latitude, "latitude", 90)
    venue.longitude = v.coordinate(venue.longitude, "longitude", 180)
    if (venue.latitude is None) != (venue.longitude is None):
        raise ValidationError("longitude", _("give both latitude and longitude, or neither"))
    venue.notes = v.optional_text(venue.notes, "notes")
    venue.phone = v.optional_text(venue.phone, "phone", max_length=50)


def create_venue(session: Session, **fields: object) -> int:
    """Add a venue; returns its id."""
    return create_record(session, Venue(), fields, VENUE_FIELDS, _validate_venue)


def update_venue(session: Session, venue_id: int, **changes: object) -> None:
    update_record(session, Venue, venue_id, changes, VENUE_FIELDS, _validate_venue, "venue")


def delete_venue(session: Session, venue_id: int) -> None:
    """Remove a venue and its rooms; refused while items or hotel stays still use it."""
    venue = fetch(session, Venue, venue_id, "venue")
    items = session.scalar(select(func.count()).where(Item.venue_id == venue_id))
    stays = session.scalar(select(func.count()).where(TravelSegment.venue_id == venue_id))
    if items or stays:
        raise InUseError(
            _(
                "venue {name_en!r} is still used by {count} and {count2}; move or delete those first"
            ).format(
                name_en=venue.name_en,
                count=count(items or 0, "item", "items"),
                count2=count(stays or 0, "travel segment", "travel segments"),
            )
        )
    session.delete(venue)
    session.flush()


def get_venue(session: Session, venue_id: int) -> Venue:
    return fetch(session, Venue, venue_id, "venue")


def list_venues(session: Session) -> list[Venue]:
    return list(session.scalars(select(Venue).order_by(Venue.city, Venue.name_en)))


def find_venue(session: Session, query: str | int) -> Venue:
    return find_one(
        session,
        Venue,
        query,
        what="venue",
        names=lambda x: (x.name_en, x.name_local),
        label=lambda x: f"{x.name_en} ({x.city})",
    )


def _validate_room(room: Room) -> None:
    room.name = v.required_text(room.name, "room name")
    room.name_local = v.optional_text(room.name_local, "local room name", max_length=200)
    room.capacity = v.capacity(room.capacity)


def add_room(session: Session, venue_id: int | None, **fields: object) -> int:
    """Add a room to a venue; returns its id."""
    if venue_id is None:
        raise ValidationError("venue", _("choose the venue the room is in"))
    venue = fetch(session, Venue, venue_id, "venue")
    return create_record(session, Room(venue=venue), fields, ROOM_FIELDS, _validate_room)


def new_room_values(venue_id: int, **fields: object) -> dict[str, object]:
    """A new room's column values, checked as `add_room` checks them, for an import that
    writes its rooms in one insert (the venue is the caller's, found already)."""
    room = Room(venue_id=venue_id)  # never added to a session: only its fields are checked
    apply_changes(room, fields, ROOM_FIELDS, "room")
    _validate_room(room)
    return {
        "venue_id": venue_id,
        "name": room.name,
        "name_local": room.name_local,
        "capacity": room.capacity,
    }


def update_room(session: Session, room_id: int, **changes: object) -> None:
    """Change a room's name or capacity; `venue_id`, if given, must be its own venue."""
    venue_id = changes.pop("venue_id", None)
    if venue_id is not None and venue_id != fetch(session, Room, room_id, "room").venue_id:
        # Its items are at the old venue: moving the room would split them from it.
        raise ValidationError("venue", _("a room stays in its venue; add a room to the other one"))
    update_record(session, Room, room_id, changes, ROOM_FIELDS, _validate_room, "room")


def delete_room(session: Session, room_id: int) -> None:
    """Remove a room; its items stay at the venue, without a room."""
    delete_record(session, Room, room_id, "room")


def get_room(session: Session, room_id: int) -> Room:
    return fetch(session, Room, room_id, "room")


def own_travel_time(session: Session, venue_a: int, venue_b: int) -> int | None:
    """The minutes set for this pair itself (None: the plan's default applies)."""
    low, high = sorted((venue_a, venue_b))
    existing = session.get(TravelTime, (low, high))
    return existing.minutes if existing is not None else None


def set_travel_time(
    session: Session, venue_a: int, venue_b: int, minutes: int | None
) -> int | None:
    """Set (or with None, clear) the minutes needed between two venues, either direction.

    Returns the pair's minutes before (None: it had none of its own), which undo puts back.
    """
    if venue_a == venue_b:
        raise ValidationError("venues", _("choose two different venues"))
    fetch(session, Venue, venue_a, "venue")
    fetch(session, Venue, venue_b, "venue")
    low, high = sorted((venue_a, venue_b))
    existing = session.get(TravelTime, (low, high))
    before = existing.minutes if existing is not None else None
    if minutes is None:
        if existing is not None:
            session.delete(existing)
    else:
        value = v.minutes(minutes, "travel minutes")
        if existing is None:
            session.add(TravelTime(from_venue_id=low, to_venue_id=high, minutes=value))
        else:
            existing.minutes = value
    session.flush()
    return before


def travel_minutes(session: Session, venue_a: int, venue_b: int) -> int:
    """Minutes to allow between two venues: the pair's own time, else the plan's default."""
    if venue_a == venue_b:
        return 0
    low, high = sorted((venue_a, venue_b))
    pair = session.get(TravelTime, (low, high))
    if pair is not None:
        return pair.minutes
    plan = session.scalar(select(Plan).limit(1))
    same_city, other_city = (
        (plan.travel_minutes_same_city, plan.travel_minutes_other_city) if plan else (30, 180)
    )
    a = fetch(session, Venue, venue_a, "venue")
    b = fetch(session, Venue, venue_b, "venue")
    same = a.city and b.city and a.city.casefold() == b.city.casefold()
    return same_city if same else other_city

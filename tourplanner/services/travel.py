"""Travel segments: flights, trains, road transfers and hotel stays, each end in its own zone."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from tourplanner.enums import TravelKind
from tourplanner.errors import ValidationError
from tourplanner.models import Person, TravelSegment, Venue
from tourplanner.printable import check_printable
from tourplanner.services import validation as v
from tourplanner.services.common import apply_changes, fetch
from tourplanner.timezones import to_local, to_utc

FIELDS = (
    "person_id",
    "kind",
    "carrier",
    "number",
    "confirmation_code",
    "from_place",
    "to_place",
    "start_timezone",
    "end_timezone",
    "venue_id",
    "notes",
)


def _required(value: object, field: str) -> datetime:
    if not isinstance(value, datetime):
        raise ValidationError(field, "is required (a date and time)")
    return value


def _validate(session: Session, seg: TravelSegment, start: object, end: object) -> None:
    fetch(session, Person, seg.person_id, "person")
    seg.kind = v.choice(seg.kind, TravelKind, "kind")
    for field, limit in (
        ("carrier", 100),
        ("number", 50),
        ("confirmation_code", 50),
        ("from_place", 200),
        ("to_place", 200),
    ):
        setattr(
            seg,
            field,
            v.optional_text(getattr(seg, field), field.replace("_", " "), max_length=limit),
        )
    seg.notes = v.optional_text(seg.notes, "notes")
    if seg.venue_id is not None:
        venue = fetch(session, Venue, seg.venue_id, "venue")
        if seg.kind == TravelKind.HOTEL:
            seg.start_timezone = seg.start_timezone or venue.timezone
            seg.end_timezone = seg.end_timezone or venue.timezone
    if seg.kind == TravelKind.HOTEL and seg.venue_id is None and not seg.to_place:
        raise ValidationError("hotel", "choose the hotel (a venue) or give its name")
    seg.start_timezone = v.timezone_name(seg.start_timezone, "departure time zone")
    seg.end_timezone = v.timezone_name(seg.end_timezone, "arrival time zone")
    start_at, end_at = _required(start, "departure"), _required(end, "arrival")
    check_printable(start_at, "departure")
    check_printable(end_at, "arrival")
    seg.start_utc = to_utc(start_at, seg.start_timezone)
    seg.end_utc = to_utc(end_at, seg.end_timezone)
    if seg.end_utc < seg.start_utc:
        raise ValidationError("arrival", "cannot be before the departure")


def create_travel(session: Session, *, start: datetime, end: datetime, **fields: object) -> int:
    """Add a travel segment; naive `start` is local at the start zone, naive `end` at the end zone."""
    seg = TravelSegment()
    apply_changes(seg, fields, FIELDS, "travel segment")
    with session.no_autoflush:
        _validate(session, seg, start, end)
    session.add(seg)
    session.flush()
    return seg.id


def update_travel(session: Session, segment_id: int, **changes: object) -> None:
    seg = fetch(session, TravelSegment, segment_id, "travel segment")
    start = changes.pop("start", to_local(seg.start_utc, seg.start_timezone).replace(tzinfo=None))
    end = changes.pop("end", to_local(seg.end_utc, seg.end_timezone).replace(tzinfo=None))
    apply_changes(seg, changes, FIELDS, "travel segment")
    with session.no_autoflush:
        _validate(session, seg, start, end)
    session.flush()


def delete_travel(session: Session, segment_id: int) -> None:
    session.delete(fetch(session, TravelSegment, segment_id, "travel segment"))
    session.flush()


def get_travel(session: Session, segment_id: int) -> TravelSegment:
    return fetch(session, TravelSegment, segment_id, "travel segment")


def travel_of_person(session: Session, person_id: int) -> list[TravelSegment]:
    """A person's travel in time order."""
    return list(
        session.scalars(
            select(TravelSegment)
            .where(TravelSegment.person_id == person_id)
            .order_by(TravelSegment.start_utc, TravelSegment.id)
        )
    )

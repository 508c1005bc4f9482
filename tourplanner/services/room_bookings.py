"""Rooms on hotel stays: type, who shares, requests, the hotel's confirmation number."""

from __future__ import annotations

from functools import partial

from sqlalchemy import select
from sqlalchemy.orm import Session

from tourplanner.enums import RoomType, TravelKind
from tourplanner.errors import ValidationError
from tourplanner.i18n import _
from tourplanner.models import RoomBooking, TravelSegment
from tourplanner.services import validation as v
from tourplanner.services.common import create_record, delete_record, fetch, update_record

FIELDS = (
    "stay_id",
    "room_type",
    "room_number",
    "shares_with_id",
    "smoking",
    "accessible",
    "requests",
    "confirmation_number",
)


def _stay(session: Session, stay_id: object, field: str) -> TravelSegment:
    if isinstance(stay_id, bool) or not isinstance(stay_id, int):
        raise ValidationError(field, _("choose a hotel stay"))
    stay = fetch(session, TravelSegment, stay_id, "hotel stay")
    if stay.kind != TravelKind.HOTEL:
        raise ValidationError(
            field, _("#{stay_id} is a journey, not a hotel stay").format(stay_id=stay_id)
        )
    return stay


def _validate(session: Session, room: RoomBooking) -> None:
    stay = _stay(session, room.stay_id, "hotel stay")
    room.room_type = v.choice(room.room_type or RoomType.SINGLE, RoomType, "room type")
    room.room_number = v.optional_text(room.room_number, "room number", max_length=20)
    room.requests = v.optional_text(room.requests, "requests")
    room.confirmation_number = v.optional_text(
        room.confirmation_number, "confirmation number", max_length=50
    )
    room.smoking = bool(room.smoking)
    room.accessible = bool(room.accessible)
    if room.shares_with_id is not None:
        if room.shares_with_id == room.stay_id:
            raise ValidationError("sharing with", _("a stay cannot share a room with itself"))
        other = _stay(session, room.shares_with_id, "sharing with")
        if other.venue_id != stay.venue_id:
            raise ValidationError("sharing with", _("the two stays are at different hotels"))
        if room.room_type == RoomType.SINGLE:
            raise ValidationError("room type", _("a single room cannot be shared"))
    taken = session.scalar(
        select(RoomBooking.id).where(RoomBooking.stay_id == room.stay_id, RoomBooking.id != room.id)
        if room.id is not None
        else select(RoomBooking.id).where(RoomBooking.stay_id == room.stay_id)
    )
    if taken is not None:
        raise ValidationError("hotel stay", _("this stay already has a room"))


def create_room_booking(session: Session, **fields: object) -> int:
    return create_record(session, RoomBooking(), fields, FIELDS, partial(_validate, session))


def update_room_booking(session: Session, booking_id: int, **changes: object) -> None:
    update_record(
        session, RoomBooking, booking_id, changes, FIELDS, partial(_validate, session), "room"
    )


def delete_room_booking(session: Session, booking_id: int) -> None:
    delete_record(session, RoomBooking, booking_id, "room")


def get_room_booking(session: Session, booking_id: int) -> RoomBooking:
    return fetch(session, RoomBooking, booking_id, "room")


def stay_choices(session: Session) -> list[tuple[str, int]]:
    """Every hotel stay as ('Li Wei — Hotel, 21–24 Apr', id), for a form's list."""
    from tourplanner.models import Traveller

    rows = session.execute(
        select(TravelSegment, Traveller)
        .join(Traveller, Traveller.segment_id == TravelSegment.id)
        .where(TravelSegment.kind == TravelKind.HOTEL)
        .order_by(TravelSegment.start_utc, TravelSegment.id)
    ).all()
    out = []
    for seg, trav in rows:
        hotel = seg.venue.name_en if seg.venue else seg.to_place
        out.append(
            (
                f"{trav.person.name_latin} — {hotel}, {seg.start_utc:%d %b}–{seg.end_utc:%d %b}",
                seg.id,
            )
        )
    return out

"""Journeys (flights, trains, road transfers) and hotel stays, each end in its own zone.

A journey is one record with its travellers; a stay has exactly one. `create_travel` keeps the
one-person call the demo, the importers and the tests make: it adds the person to an identical
journey that is already in the plan (same kind, service, places and times), or makes a new one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields, replace
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from tourplanner.enums import TravelKind, TravellerStatus
from tourplanner.errors import ValidationError
from tourplanner.i18n import _
from tourplanner.models import Person, Traveller, TravelSegment, Venue
from tourplanner.printable import check_printable
from tourplanner.services import validation as v
from tourplanner.services.common import apply_changes, fetch
from tourplanner.timezones import to_local, to_utc

FIELDS = (
    "kind",
    "carrier",
    "number",
    "from_place",
    "to_place",
    "start_timezone",
    "end_timezone",
    "venue_id",
    "notes",
)
# What makes two people's rows the same journey (create_travel joins it; migration 0005 folds).
SAME_JOURNEY = (
    "kind",
    "carrier",
    "number",
    "from_place",
    "to_place",
    "start_utc",
    "start_timezone",
    "end_utc",
    "end_timezone",
    "venue_id",
)


@dataclass(frozen=True)
class TravellerEntry:
    """One traveller as a form and undo hold it: plain values, compared by value."""

    person_id: int
    seat: str = ""
    confirmation_code: str = ""
    status: str = TravellerStatus.CONFIRMED.value
    notes: str = ""

    @classmethod
    def of(cls, row: Traveller) -> TravellerEntry:
        return cls(row.person_id, row.seat, row.confirmation_code, row.status, row.notes)


ENTRY_FIELDS = tuple(f.name for f in fields(TravellerEntry))


def _required(value: object, field: str) -> datetime:
    if not isinstance(value, datetime):
        raise ValidationError(field, _("is required (a date and time)"))
    return value


def _validate(session: Session, seg: TravelSegment, start: object, end: object) -> None:
    seg.kind = v.choice(seg.kind, TravelKind, "kind")
    for field, limit in (("carrier", 100), ("number", 50), ("from_place", 200), ("to_place", 200)):
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
        raise ValidationError("hotel", _("choose the hotel (a venue) or give its name"))
    seg.start_timezone = v.timezone_name(seg.start_timezone, "departure time zone")
    seg.end_timezone = v.timezone_name(seg.end_timezone, "arrival time zone")
    start_at, end_at = _required(start, "departure"), _required(end, "arrival")
    check_printable(start_at, "departure")
    check_printable(end_at, "arrival")
    seg.start_utc = to_utc(start_at, seg.start_timezone)
    seg.end_utc = to_utc(end_at, seg.end_timezone)
    if seg.end_utc < seg.start_utc:
        raise ValidationError("arrival", _("cannot be before the departure"))


def _entry(value: object) -> TravellerEntry:
    """A traveller given as an entry, a mapping of its fields or a bare person id."""
    if isinstance(value, TravellerEntry):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return TravellerEntry(value)
    if isinstance(value, Mapping) and set(value) <= set(ENTRY_FIELDS) and "person_id" in value:
        return TravellerEntry(**value)
    raise ValidationError(
        "travellers",
        _("{value!r} is not a traveller (a person and their seat)").format(value=value),
    )


def _checked(session: Session, value: object) -> TravellerEntry:
    entry = _entry(value)
    if not isinstance(entry.person_id, int) or isinstance(entry.person_id, bool):
        raise ValidationError("traveller", _("choose a person"))
    person = fetch(session, Person, entry.person_id, "person")
    return TravellerEntry(
        person.id,
        v.optional_text(entry.seat, "seat", max_length=20),
        v.optional_text(entry.confirmation_code, "confirmation code", max_length=50),
        v.choice(entry.status, TravellerStatus, "status"),
        v.optional_text(entry.notes, "traveller notes"),
    )


def _checked_all(session: Session, kind: str, values: Iterable[object]) -> list[TravellerEntry]:
    """The travellers of a journey, each a real person once; a stay has exactly one."""
    if isinstance(values, (str, bytes, Mapping)) or not isinstance(values, Iterable):
        raise ValidationError("travellers", _("must be a list of travellers"))
    entries = [_checked(session, value) for value in values]
    seen: set[int] = set()
    for entry in entries:
        if entry.person_id in seen:
            name = session.get(Person, entry.person_id).name_latin  # type: ignore[union-attr]
            raise ValidationError("travellers", _("{name} is listed twice").format(name=name))
        seen.add(entry.person_id)
    if not entries:
        raise ValidationError(
            "travellers", _("needs at least one traveller (to cancel the trip, delete it)")
        )
    if kind == TravelKind.HOTEL and len(entries) > 1:
        raise ValidationError(
            "travellers", _("a hotel stay is one person's: make one stay for each guest")
        )
    return entries


def _write_travellers(seg: TravelSegment, entries: list[TravellerEntry]) -> None:
    """Make the journey's travellers these: kept rows keep their id, the rest come and go."""
    by_person = {t.person_id: t for t in seg.travellers}
    for entry in entries:
        row = by_person.pop(entry.person_id, None)
        if row is None:
            row = Traveller(person_id=entry.person_id)
            seg.travellers.append(row)
        for name in ENTRY_FIELDS[1:]:
            setattr(row, name, getattr(entry, name))
    for gone in by_person.values():
        seg.travellers.remove(gone)


def create_journey(
    session: Session,
    *,
    start: datetime,
    end: datetime,
    travellers: Iterable[object],
    **fields: object,
) -> int:
    """Add a journey (or a stay) with its travellers; naive times are local at each end's zone."""
    seg = TravelSegment()
    apply_changes(seg, fields, FIELDS, "journey")
    with session.no_autoflush:
        _validate(session, seg, start, end)
        entries = _checked_all(session, seg.kind, travellers)
    session.add(seg)
    _write_travellers(seg, entries)
    session.flush()
    return seg.id


def update_journey(session: Session, segment_id: int, **changes: object) -> None:
    """Change a journey once for everyone on it; `travellers` (if given) replaces its list."""
    seg = fetch(session, TravelSegment, segment_id, "journey")
    start = changes.pop("start", to_local(seg.start_utc, seg.start_timezone).replace(tzinfo=None))
    end = changes.pop("end", to_local(seg.end_utc, seg.end_timezone).replace(tzinfo=None))
    travellers = changes.pop("travellers", travellers_of(session, segment_id))
    apply_changes(seg, changes, FIELDS, "journey")
    with session.no_autoflush:
        _validate(session, seg, start, end)
        entries = _checked_all(session, seg.kind, travellers)  # type: ignore[arg-type]
    _write_travellers(seg, entries)
    session.flush()


def travellers_of(session: Session, segment_id: int) -> tuple[TravellerEntry, ...]:
    """A journey's travellers as plain entries, by person (the same order after any undo)."""
    seg = fetch(session, TravelSegment, segment_id, "journey")
    return tuple(TravellerEntry.of(t) for t in seg.travellers)


def _same_journey(session: Session, seg: TravelSegment) -> TravelSegment | None:
    """A journey already in the plan that is this one (never a stay: it is one person's)."""
    if seg.kind == TravelKind.HOTEL:
        return None
    query = select(TravelSegment).where(
        *(getattr(TravelSegment, name) == getattr(seg, name) for name in SAME_JOURNEY)
    )
    return session.scalars(query.order_by(TravelSegment.id).limit(1)).first()


def create_travel(
    session: Session,
    *,
    start: datetime,
    end: datetime,
    person_id: object = None,
    seat: object = "",
    confirmation_code: object = "",
    status: object = TravellerStatus.CONFIRMED.value,
    **fields: object,
) -> int:
    """Put one person on a journey: the identical one already planned, or a new one. Its id."""
    seg = TravelSegment()
    apply_changes(seg, fields, FIELDS, "travel segment")
    with session.no_autoflush:
        _validate(session, seg, start, end)
        entry = _checked(
            session,
            {"person_id": person_id, "seat": seat, "confirmation_code": confirmation_code}
            | {"status": status},
        )
        existing = _same_journey(session, seg)
    if seg.kind != TravelKind.HOTEL:
        # One person's call: their notes (a meal request) are theirs, not the whole flight's.
        entry, seg.notes = replace(entry, notes=seg.notes), ""
    if existing is None:
        session.add(seg)
        _write_travellers(seg, [entry])
        session.flush()
        return seg.id
    if any(t.person_id == entry.person_id for t in existing.travellers):
        raise ValidationError("person", _("is already on this journey"))
    existing.travellers.append(Traveller(**{name: getattr(entry, name) for name in ENTRY_FIELDS}))
    session.flush()
    return existing.id


def update_travel(session: Session, segment_id: int, **changes: object) -> None:
    """Change a journey (or stay) for everyone on it."""
    update_journey(session, segment_id, **changes)


def delete_travel(session: Session, segment_id: int) -> None:
    """Delete a journey or stay with its travellers."""
    session.delete(fetch(session, TravelSegment, segment_id, "journey"))
    session.flush()


def get_travel(session: Session, segment_id: int) -> TravelSegment:
    return fetch(session, TravelSegment, segment_id, "journey")


def travel_of_person(session: Session, person_id: int) -> list[Traveller]:
    """A person's travel in time order: their place on each journey, reading as the journey."""
    return list(
        session.scalars(
            select(Traveller)
            .join(Traveller.journey)
            .where(Traveller.person_id == person_id)
            .options(selectinload(Traveller.journey).selectinload(TravelSegment.venue))
            .order_by(TravelSegment.start_utc, TravelSegment.id)
        )
    )


def with_entry(
    entries: Iterable[TravellerEntry], person_id: int, **changes: object
) -> tuple[TravellerEntry, ...]:
    """The travellers with one person's seat, code, status or notes changed."""
    unknown = sorted(set(changes) - set(ENTRY_FIELDS[1:]))
    if unknown:
        raise ValidationError(unknown[0], _("is not something a traveller has"))
    out = tuple(replace(e, **changes) if e.person_id == person_id else e for e in entries)  # type: ignore[arg-type]
    if all(e.person_id != person_id for e in out):
        raise ValidationError("traveller", _("is not on this journey"))
    return out

"""Load a plan into the checks' plain records and run them (full, or kept for incremental use)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from tourplanner.errors import ValidationError
from tourplanner.models import (
    Item,
    Participation,
    Person,
    Plan,
    Programme,
    Room,
    TravelSegment,
    TravelTime,
    Venue,
)
from tourplanner.scheduling.checker import RULES, ConflictIndex
from tourplanner.scheduling.findings import Finding
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
)


def _travel_label(kind: str, carrier: str, number: str, from_place: str, to_place: str) -> str:
    if kind == "hotel":
        return f"hotel stay at {to_place or 'the hotel'}"
    name = " ".join(p for p in (carrier, number) if p) or kind
    route = f" {from_place} → {to_place}" if from_place or to_place else ""
    return f"{kind} {name}{route}".strip()


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
        row[0]: ProgrammeRec(*row)
        for row in session.execute(
            select(
                Programme.id,
                Programme.title_en,
                Programme.kind,
                Programme.start_date,
                Programme.end_date,
                Programme.timezone,
                Programme.capacity,
                Programme.parent_id,
            )
        )
    }
    snap.venues = {
        row[0]: VenueRec(*row)
        for row in session.execute(select(Venue.id, Venue.name_en, Venue.city, Venue.timezone))
    }
    snap.rooms = {
        row[0]: RoomRec(*row)
        for row in session.execute(select(Room.id, Room.venue_id, Room.name, Room.capacity))
    }
    snap.people = {
        row[0]: PersonRec(*row) for row in session.execute(select(Person.id, Person.name_latin))
    }
    snap.bookings = [
        BookingRec(*row)
        for row in session.execute(
            select(
                Participation.person_id,
                Participation.item_id,
                Participation.programme_id,
                Participation.role,
                Participation.status,
            )
        )
    ]
    rows = session.execute(
        select(
            TravelSegment.id,
            TravelSegment.person_id,
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
        )
    )
    for tid, pid, kind, carrier, number, frm, to, start, end, sz, ez, venue in rows:
        label = _travel_label(kind, carrier, number, frm, to)
        if kind == "hotel" and venue in snap.venues:
            label = f"hotel stay at {snap.venues[venue].name}"
        snap.travel[tid] = TravelRec(tid, pid, kind, label, start, end, sz, ez, venue)
    snap.travel_minutes = {
        (a, b): m
        for a, b, m in session.execute(
            select(TravelTime.from_venue_id, TravelTime.to_venue_id, TravelTime.minutes)
        )
    }
    return snap


def check_rules(rules: Iterable[str] | None) -> list[str] | None:
    """Validate rule names given by a user; None means all rules."""
    if rules is None:
        return None
    names = list(rules)
    for name in names:
        if name not in RULES:
            raise ValidationError(
                "rule", f"{name!r} is not a rule; the rules are: {', '.join(RULES)}"
            )
    return names


def check_plan(session: Session, *, rules: Iterable[str] | None = None) -> list[Finding]:
    """Every finding of the plan (errors first), optionally of some rules only."""
    return ConflictIndex(load_snapshot(session), check_rules(rules)).findings()


def build_index(session: Session, *, rules: Iterable[str] | None = None) -> ConflictIndex:
    """A ConflictIndex to keep and update after edits with `refresh_item`."""
    return ConflictIndex(load_snapshot(session), check_rules(rules))


def refresh_item(session: Session, index: ConflictIndex, item_id: int) -> None:
    """Re-read one item after an edit (or its deletion) and recheck only what it touches."""
    row = session.execute(select(*ITEM_COLUMNS).where(Item.id == item_id)).first()
    index.replace_item(item_id, ItemRec(*row) if row else None)

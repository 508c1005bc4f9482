"""The kinds of record the app edits through one form each (people, venues, travel…).

For each: how to create, change, delete and read it as plain values, and what to call it. The
UI builds its forms from these keys and never reads a mapped object; undo reads the same values.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from tourplanner.errors import InUseError, ValidationError
from tourplanner.i18n import _
from tourplanner.services import (
    assignments,
    listings,
    organizations,
    people,
    plans,
    programmes,
    protocol_gifts,
    room_bookings,
    travel,
    vehicles,
    venues,
)
from tourplanner.timezones import to_local

Reader = Callable[[Any], object]


@dataclass(frozen=True)
class RecordKind:
    key: str
    table: str  # for snapshots (undoing a deletion)
    fields: tuple[str, ...]  # the values a form edits, as the services take them
    create: Callable[..., int]
    update: Callable[..., None]
    delete: Callable[[Session, int], None]
    get: Callable[[Session, int], Any]
    # What to call a record, from its values: "Civic Centre", "CA 818".
    name_of: Callable[[dict[str, Any]], str] = field(default=lambda values: values["name_en"])
    # How to read a value when it is not simply the attribute of the same name.
    readers: dict[str, Reader] = field(default_factory=dict)


def _local(instant: str, zone_field: str) -> Reader:
    """A travel end as the naive wall-clock time a form shows, at its own zone."""
    return lambda seg: to_local(getattr(seg, instant), getattr(seg, zone_field)).replace(
        tzinfo=None
    )


def _no_second_plan(session: Session, **_fields: object) -> int:
    raise ValidationError("plan", _("a file holds one plan: use File > New plan"))


def _not_deleted(session: Session, _plan_id: int) -> None:
    raise InUseError(_("the plan itself cannot be deleted; delete its file instead"))


def _update_plan(session: Session, _plan_id: int, **changes: object) -> None:
    plans.update_plan(session, **changes)


_KINDS = (
    RecordKind(
        "venue",
        "venues",
        ("name_en", "name_local", "address_en", "address_local", "city", "country")
        + ("timezone", "latitude", "longitude", "notes", "phone"),
        venues.create_venue,
        venues.update_venue,
        venues.delete_venue,
        venues.get_venue,
    ),
    RecordKind(
        "room",
        "rooms",
        ("venue_id", "name", "name_local", "capacity"),
        venues.add_room,
        venues.update_room,
        venues.delete_room,
        venues.get_room,
        lambda values: values["name"],
    ),
    RecordKind(
        "person",
        "people",
        people.FIELDS,
        people.create_person,
        people.update_person,
        people.delete_person,
        people.get_person,
        lambda values: values["name_latin"],
    ),
    RecordKind(
        "organization",
        "organizations",
        ("name_en", "name_local", "country", "notes"),
        organizations.create_organization,
        organizations.update_organization,
        organizations.delete_organization,
        organizations.get_organization,
    ),
    RecordKind(
        "group",
        "groups",
        ("name", "description"),
        organizations.create_group,
        organizations.update_group,
        organizations.delete_group,
        organizations.get_group,
        lambda values: values["name"],
    ),
    RecordKind(
        "programme",
        "programmes",
        ("title_en", "title_local", "kind", "start_date", "end_date", "timezone", "capacity")
        + ("parent_id", "description"),
        programmes.create_programme,
        programmes.update_programme,
        programmes.delete_programme,
        programmes.get_programme,
        lambda values: values["title_en"],
    ),
    RecordKind(
        "travel",
        "travel_segments",
        ("kind", "carrier", "number", "from_place", "to_place", "start", "start_timezone")
        + ("end", "end_timezone", "venue_id", "notes", "travellers"),
        travel.create_journey,
        travel.update_journey,
        travel.delete_travel,
        travel.get_travel,
        lambda values: f"{values['carrier']} {values['number']}".strip() or values["to_place"],
        {
            "start": _local("start_utc", "start_timezone"),
            "end": _local("end_utc", "end_timezone"),
            "travellers": lambda seg: tuple(travel.TravellerEntry.of(t) for t in seg.travellers),
        },
    ),
    RecordKind(
        "gift",
        "gifts",
        protocol_gifts.GIFT_FORM_FIELDS,
        protocol_gifts.create_gift,
        protocol_gifts.update_gift,
        protocol_gifts.delete_gift,
        protocol_gifts.get_gift,
        lambda values: values["name"],
    ),
    RecordKind(
        "room_booking",
        "room_bookings",
        room_bookings.FIELDS,
        room_bookings.create_room_booking,
        room_bookings.update_room_booking,
        room_bookings.delete_room_booking,
        room_bookings.get_room_booking,
        lambda values: f"room {values['room_number']}".strip() if values["room_number"] else "room",
    ),
    RecordKind(
        "vehicle",
        "vehicles",
        vehicles.FIELDS,
        vehicles.create_vehicle,
        vehicles.update_vehicle,
        vehicles.delete_vehicle,
        vehicles.get_vehicle,
        lambda values: values["name"],
    ),
    RecordKind(
        "vehicle_seat",
        "vehicle_seats",
        vehicles.SEAT_FIELDS,
        vehicles.create_seat,
        vehicles.update_seat,
        vehicles.delete_seat,
        vehicles.get_seat,
        lambda values: f"seat {values['seat']}".strip() if values["seat"] else "seat",
    ),
    RecordKind(
        "assignment",
        "assignments",
        assignments.FIELDS,
        assignments.create_assignment,
        assignments.update_assignment,
        assignments.delete_assignment,
        assignments.get_assignment,
        lambda values: str(values["role"]),
    ),
    RecordKind(
        "plan",
        "plans",
        ("title", "organization", "home_timezone", "emergency_contacts")
        + ("travel_minutes_same_city", "travel_minutes_other_city"),
        _no_second_plan,
        _update_plan,
        _not_deleted,
        lambda session, _plan_id: plans.get_plan(session),
        lambda values: values["title"],
    ),
)

RECORDS: dict[str, RecordKind] = {kind.key: kind for kind in _KINDS}


def record_values(session: Session, kind: str, record_id: int) -> dict[str, object]:
    """The current values of a record's editable fields, as plain values."""
    spec = RECORDS[kind]
    record = spec.get(session, record_id)
    return {
        key: spec.readers[key](record) if key in spec.readers else getattr(record, key)
        for key in spec.fields
    }


def record_name(session: Session, kind: str, record_id: int) -> str:
    """What to call a record in an undo step or a message: "Civic Centre", "CA 818"."""
    return RECORDS[kind].name_of(record_values(session, kind, record_id))


def plan_id(session: Session) -> int:
    return plans.get_plan(session).id


_CHOICES: dict[str, Callable[[Session], list[tuple[str, int]]]] = {
    "organization": lambda s: [(o.name_en, o.id) for o in organizations.list_organizations(s)],
    "programme": lambda s: [(p.title_en, p.id) for p in programmes.list_programmes(s)],
    "venue": lambda s: [(v.name_en, v.id) for v in venues.list_venues(s)],
    "person": lambda s: [(p.name_latin, p.id) for p in people.list_people(s)],
    "group": lambda s: [(g.name, g.id) for g in organizations.list_groups(s)],
    "stay": room_bookings.stay_choices,
    "vehicle": lambda s: [(v.name, v.id) for v in vehicles.list_vehicles(s)],
    "item": lambda s: listings.item_choices(s),
}


def choices(session: Session, kind: str) -> list[tuple[str, int]]:
    """The records of a kind as (name, id), for a form's list of choices."""
    return _CHOICES[kind](session)

"""What the app edits, one entry per kind of record: its form fields, services and table.

Editors, tables, undo commands and menus are all built from these entries, so adding a field
or a kind of record is a change in one place.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from sqlalchemy.orm import Session

from tourplanner.errors import InUseError, ValidationError
from tourplanner.enums import PersonRole, ProgrammeKind, TravelKind
from tourplanner.services import (
    listings,
    organizations,
    people,
    plans,
    programmes,
    travel,
    venues,
)
from tourplanner.timezones import to_local


@dataclass(frozen=True)
class Field:
    """One form row. `kind`: text, long, enum, ref, zone, date, datetime, int or number."""

    key: str
    label: str
    kind: str = "text"
    reported_as: tuple[str, ...] = ()  # the names the service uses for it in its errors
    vocabulary: type[StrEnum] | None = None
    options: Callable[[Session], list[tuple[str, int]]] | None = None
    hint: str = ""
    # How to read the value from a record, when it is not simply the attribute `key`.
    read: Callable[[object], object] | None = None


@dataclass(frozen=True)
class Entity:
    key: str
    title: str
    plural: str
    table: str  # for snapshots (undoing a deletion)
    fields: tuple[Field, ...]
    create: Callable[..., int]
    update: Callable[..., None]
    delete: Callable[[Session, int], None]
    get: Callable[[Session, int], object]
    listing: Callable[[Session], listings.Listing] | None  # None: no table (the plan itself)
    name_of: Callable[[object], str] = field(default=lambda record: record.name_en)


def _organizations(session: Session) -> list[tuple[str, int]]:
    return [(o.name_en, o.id) for o in organizations.list_organizations(session)]


def _programmes(session: Session) -> list[tuple[str, int]]:
    return [(p.title_en, p.id) for p in programmes.list_programmes(session)]


def _text(key: str, label: str, reported: str = "", hint: str = "") -> Field:
    return Field(key, label, "text", (reported or label.lower(),), hint=hint)


def _long(key: str, label: str, reported: str = "") -> Field:
    return Field(key, label, "long", (reported or label.lower(),))


VENUE = Entity(
    "venue",
    "Venue",
    "venues",
    "venues",
    (
        _text("name_en", "Name (English)", "English name"),
        _text("name_local", "Name (local)", "local name", "e.g. 深圳会展中心"),
        _text("address_en", "Address (English)", "English address"),
        _text("address_local", "Address (local)", "local address"),
        _text("city", "City"),
        _text("country", "Country"),
        Field("timezone", "Time zone", "zone", ("time zone",)),
        Field("latitude", "Latitude", "number", ("latitude",), hint="e.g. 22.5333"),
        Field("longitude", "Longitude", "number", ("longitude",), hint="e.g. 114.0556"),
        _long("notes", "Notes"),
    ),
    venues.create_venue,
    venues.update_venue,
    venues.delete_venue,
    venues.get_venue,
    listings.venues_listing,
)


def _venues(session: Session) -> list[tuple[str, int]]:
    return [(v.name_en, v.id) for v in venues.list_venues(session)]


ROOM = Entity(
    "room",
    "Room",
    "rooms",
    "rooms",
    (
        Field("venue_id", "Venue", "ref", ("venue",), options=_venues),
        _text("name", "Name", "room name"),
        _text("name_local", "Name (local)", "local room name", "e.g. 第一会议室"),
        Field("capacity", "Seats", "int", ("capacity",), hint="leave empty for no limit"),
    ),
    venues.add_room,
    venues.update_room,
    venues.delete_room,
    venues.get_room,
    listings.rooms_listing,
    lambda record: record.name,
)

PERSON = Entity(
    "person",
    "Person",
    "people",
    "people",
    (
        _text("name_latin", "Name (Latin script)", "name (Latin script)"),
        _text("name_local", "Name (local script)", "name (local script)", "e.g. 王小明"),
        _text("honorific", "Honorific", hint="e.g. Dr., Mayor"),
        Field("organization_id", "Organization", "ref", ("organization",), options=_organizations),
        Field("role", "Role", "enum", ("role",), vocabulary=PersonRole),
        _text("email", "Email"),
        _text("phone", "Phone"),
        _text("preferred_language", "Preferred language", hint="e.g. en, zh-Hans"),
        _text("dietary_needs", "Dietary needs"),
        _text("accessibility_needs", "Accessibility needs"),
        _text("emergency_contact", "Emergency contact"),
        _text("passport_visa_notes", "Passport and visa", "passport visa notes"),
        _text("medical_notes", "Medical notes"),
        _long("notes", "Notes"),
    ),
    people.create_person,
    people.update_person,
    people.delete_person,
    people.get_person,
    listings.people_listing,
    lambda record: record.name_latin,
)

ORGANIZATION = Entity(
    "organization",
    "Organization",
    "organizations",
    "organizations",
    (
        _text("name_en", "Name (English)", "English name"),
        _text("name_local", "Name (local)", "local name"),
        _text("country", "Country"),
        _long("notes", "Notes"),
    ),
    organizations.create_organization,
    organizations.update_organization,
    organizations.delete_organization,
    organizations.get_organization,
    listings.organizations_listing,
)

GROUP = Entity(
    "group",
    "Group",
    "groups",
    "groups",
    (_text("name", "Name"), _long("description", "Description")),
    organizations.create_group,
    organizations.update_group,
    organizations.delete_group,
    organizations.get_group,
    listings.groups_listing,
    lambda record: record.name,
)

PROGRAMME = Entity(
    "programme",
    "Programme",
    "programmes",
    "programmes",
    (
        _text("title_en", "Title (English)", "English title"),
        _text("title_local", "Title (local)", "local title"),
        Field("kind", "Kind", "enum", ("kind",), vocabulary=ProgrammeKind),
        Field("start_date", "First day", "date", ("start date",)),
        Field("end_date", "Last day", "date", ("end date",)),
        Field("timezone", "Time zone", "zone", ("time zone",)),
        Field("capacity", "Seats", "int", ("seats",), hint="leave empty for no limit"),
        Field("parent_id", "Part of", "ref", ("part of", "programme"), options=_programmes),
        _long("description", "Description"),
    ),
    programmes.create_programme,
    programmes.update_programme,
    programmes.delete_programme,
    programmes.get_programme,
    listings.programmes_listing,
    lambda record: record.title_en,
)


def _people(session: Session) -> list[tuple[str, int]]:
    return [(p.name_latin, p.id) for p in people.list_people(session)]


def _local(instant: str, zone_field: str) -> Callable[[object], object]:
    """Reads a travel end as the naive wall-clock time the form shows, at its own zone."""
    return lambda seg: to_local(getattr(seg, instant), getattr(seg, zone_field)).replace(
        tzinfo=None
    )


TRAVEL = Entity(
    "travel",
    "Journey or stay",
    "journeys and stays",
    "travel_segments",
    (
        Field("person_id", "Traveller", "ref", ("person",), options=_people),
        Field("kind", "Kind", "enum", ("kind",), vocabulary=TravelKind),
        _text("carrier", "Carrier", hint="e.g. Air China"),
        _text("number", "Flight or train", "number", "e.g. CA 818"),
        _text("confirmation_code", "Confirmation code"),
        _text("from_place", "From", "from place", "e.g. Washington Dulles (IAD)"),
        _text("to_place", "To", "to place", "e.g. Beijing Capital (PEK)"),
        Field(
            "start",
            "Departs / check-in",
            "datetime",
            ("departure",),
            read=_local("start_utc", "start_timezone"),
        ),
        Field("start_timezone", "Departure time zone", "zone", ("departure time zone",)),
        Field(
            "end",
            "Arrives / check-out",
            "datetime",
            ("arrival",),
            read=_local("end_utc", "end_timezone"),
        ),
        Field("end_timezone", "Arrival time zone", "zone", ("arrival time zone",)),
        Field("venue_id", "Hotel (venue)", "ref", ("venue", "hotel"), options=_venues),
        _long("notes", "Notes"),
    ),
    travel.create_travel,
    travel.update_travel,
    travel.delete_travel,
    travel.get_travel,
    listings.travel_listing,
    lambda record: f"{record.carrier} {record.number}".strip() or record.to_place,
)

ENTITIES = {e.key: e for e in (PERSON, TRAVEL, GROUP, ORGANIZATION, VENUE, ROOM, PROGRAMME)}


def _no_second_plan(session: Session, **_fields: object) -> int:
    raise ValidationError("plan", "a file holds one plan: use File > New plan")


def _not_deleted(session: Session, _plan_id: int) -> None:
    raise InUseError("the plan itself cannot be deleted; delete its file instead")


PLAN = Entity(
    "plan",
    "Plan",
    "plans",
    "plans",
    (
        _text("title", "Title"),
        _text("organization", "Organization", hint="who runs it, e.g. ICMA China Center"),
        Field("home_timezone", "Home time zone", "zone", ("home time zone",)),
        Field(
            "emergency_contacts",
            "Emergency contacts",
            "long",
            ("emergency contacts",),
            hint="printed on every itinerary's first page, one per line",
        ),
        Field(
            "travel_minutes_same_city",
            "Minutes between venues in a city",
            "int",
            ("travel minutes within a city",),
            hint="used where no travel time between two venues is set",
        ),
        Field(
            "travel_minutes_other_city",
            "Minutes between cities",
            "int",
            ("travel minutes between cities",),
        ),
    ),
    _no_second_plan,
    lambda session, _plan_id, **changes: plans.update_plan(session, **changes),
    _not_deleted,
    lambda session, _plan_id: plans.get_plan(session),
    None,
    lambda record: record.title,
)


def record_values(session: Session, entity: Entity, record_id: int) -> dict[str, object]:
    """The current values of a record's form fields (for the editor and for undo)."""
    record = entity.get(session, record_id)
    return {f.key: f.read(record) if f.read else getattr(record, f.key) for f in entity.fields}

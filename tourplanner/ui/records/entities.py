"""What the app shows of each kind of record: its form fields and its table.

Editors, tables and menus are built from these entries; what a record is in the plan (how to
create, change and delete it, its values) is `services.records`, under the same key.
"""

from __future__ import annotations

from tourplanner.enums import GiftDirection, PersonRole, ProgrammeKind, TravelKind
from tourplanner.services import listings, protocol_gifts
from tourplanner.ui.operations.entities import OPERATIONS_ENTITIES
from tourplanner.ui.records.fields import Entity, Field, ListingReader
from tourplanner.ui.records.fields import long_field as _long
from tourplanner.ui.records.fields import text_field as _text

__all__ = ["ENTITIES", "PLAN", "Entity", "Field", "ListingReader"]

VENUE = Entity(
    "venue",
    "Venue",
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
        _text("phone", "Phone", hint="the front desk or the venue's office"),
        _long("notes", "Notes"),
    ),
    listings.venues_listing,
)

ROOM = Entity(
    "room",
    "Room",
    "rooms",
    (
        Field("venue_id", "Venue", "ref", ("venue",), choices="venue"),
        _text("name", "Name", "room name"),
        _text("name_local", "Name (local)", "local room name", "e.g. 第一会议室"),
        Field("capacity", "Seats", "int", ("capacity",), hint="leave empty for no limit"),
    ),
    listings.rooms_listing,
)

PERSON = Entity(
    "person",
    "Person",
    "people",
    (
        _text("name_latin", "Name (Latin script)", "name (Latin script)"),
        _text("name_local", "Name (local script)", "name (local script)", "e.g. 王小明"),
        _text("honorific", "Honorific", hint="e.g. Dr., Mayor"),
        Field("organization_id", "Organization", "ref", ("organization",), choices="organization"),
        Field("role", "Role", "enum", ("role",), vocabulary=PersonRole),
        _text("email", "Email"),
        _text("phone", "Phone"),
        _text("preferred_language", "Preferred language", hint="e.g. en, zh-Hans"),
        _text("dietary_needs", "Dietary needs"),
        _text(
            "dietary_tags",
            "Dietary tags",
            hint="for the caterer, comma-separated: vegetarian, vegan, halal, kosher, no pork, "
            "no alcohol, nut allergy, shellfish allergy, gluten free, other",
        ),
        _text("dietary_other", "Other dietary need", "other dietary need", "what 'other' means"),
        _text("accessibility_needs", "Accessibility needs"),
        _text("emergency_contact", "Emergency contact"),
        _text("passport_visa_notes", "Passport and visa", "passport visa notes"),
        _text("medical_notes", "Medical notes"),
        _long("notes", "Notes"),
    ),
    listings.people_listing,
)

ORGANIZATION = Entity(
    "organization",
    "Organization",
    "organizations",
    (
        _text("name_en", "Name (English)", "English name"),
        _text("name_local", "Name (local)", "local name"),
        _text("country", "Country"),
        _long("notes", "Notes"),
    ),
    listings.organizations_listing,
)

GROUP = Entity(
    "group",
    "Group",
    "groups",
    (_text("name", "Name"), _long("description", "Description")),
    listings.groups_listing,
)

PROGRAMME = Entity(
    "programme",
    "Programme",
    "programmes",
    (
        _text("title_en", "Title (English)", "English title"),
        _text("title_local", "Title (local)", "local title"),
        Field("kind", "Kind", "enum", ("kind",), vocabulary=ProgrammeKind),
        Field("start_date", "First day", "date", ("start date",)),
        Field("end_date", "Last day", "date", ("end date",)),
        Field("timezone", "Time zone", "zone", ("time zone",)),
        Field("capacity", "Seats", "int", ("seats",), hint="leave empty for no limit"),
        Field("parent_id", "Part of", "ref", ("part of", "programme"), choices="programme"),
        _long("description", "Description"),
    ),
    listings.programmes_listing,
)

TRAVEL = Entity(
    "travel",
    "Journey or stay",
    "journeys and stays",
    (
        Field("kind", "Kind", "enum", ("kind",), vocabulary=TravelKind),
        _text("carrier", "Carrier", hint="e.g. Air China"),
        _text("number", "Flight or train", "number", "e.g. CA 818"),
        Field("from_place", "From", "place", ("from place",), hint="an airport code, e.g. IAD"),
        Field("to_place", "To", "place", ("to place",), hint="an airport code, e.g. PEK"),
        Field("start", "Departs / check-in", "datetime", ("departure",)),
        Field("start_timezone", "Departure time zone", "zone", ("departure time zone",)),
        Field("end", "Arrives / check-out", "datetime", ("arrival",)),
        Field("end_timezone", "Arrival time zone", "zone", ("arrival time zone",)),
        Field("venue_id", "Hotel (venue)", "ref", ("venue", "hotel"), choices="venue"),
        _long("notes", "Notes"),
        # The journey's people, each with their seat, code and status (ui/records/journey_editor).
        Field(
            "person_id",
            "Travellers",
            "travellers",
            ("travellers", "traveller", "person", "seat", "confirmation code", "status")
            + ("traveller notes",),
            choices="person",
        ),
    ),
    listings.travel_listing,
)

GIFT = Entity(
    "gift",
    "Gift",
    "gifts",
    (
        Field("direction", "Given or received", "enum", ("direction",), vocabulary=GiftDirection),
        _text("giver", "By", "giver", "e.g. ICMA (Bob O'Neill)"),
        _text("recipient", "To", "recipient", "e.g. SAFEA (Mr. Sun Zhaohua)"),
        _text("name", "Gift", "gift", "e.g. Cloisonné vase"),
        _long("description", "Description"),
        Field("value", "Estimated value", "number", ("value",), hint="e.g. 1200"),
        _text("currency", "Currency", hint="three letters: CNY, USD"),
        Field("given_on", "Date", "date", ("date",)),
        _text("occasion", "Occasion", hint="e.g. the signing ceremony"),
        _text("kept_at", "Kept at", "where it is kept", "where the gift is now"),
    ),
    protocol_gifts.gifts_listing,
)

ENTITIES = {
    e.key: e
    for e in (PERSON, TRAVEL, GROUP, ORGANIZATION, VENUE, ROOM, PROGRAMME, GIFT)
    + OPERATIONS_ENTITIES
}

PLAN = Entity(
    "plan",
    "Plan",
    "plans",
    (
        _text("title", "Title"),
        _text("organization", "Organization", hint="who runs it, e.g. ICMA China Center"),
        Field("home_timezone", "Home time zone", "zone", ("home time zone",)),
        Field(
            "emergency_contacts",
            "Coordinators and emergency numbers",
            "long",
            ("emergency contacts",),
            hint="printed on every itinerary's first page, one per line: the coordinators "
            "with their phone numbers, then the emergency numbers (police, ambulance…)",
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
    None,
)

"""What the app shows of each kind of record: its form fields and its table.

Editors, tables and menus are built from these entries; what a record is in the plan (how to
create, change and delete it, its values) is `services.records`, under the same key.
"""

from __future__ import annotations

from tourplanner.enums import GiftDirection, PersonRole, ProgrammeKind, TravelKind
from tourplanner.services import listings, protocol_gifts
from tourplanner.ui.marks import QT_TRANSLATE_NOOP
from tourplanner.ui.operations.entities import OPERATIONS_ENTITIES
from tourplanner.ui.records.fields import Entity, Field, ListingReader
from tourplanner.ui.records.fields import long_field as _long
from tourplanner.ui.records.fields import text_field as _text

__all__ = ["ENTITIES", "PLAN", "Entity", "Field", "ListingReader"]

VENUE = Entity(
    "venue",
    QT_TRANSLATE_NOOP("entities", "Venue"),
    QT_TRANSLATE_NOOP("entities", "venues"),
    (
        _text("name_en", QT_TRANSLATE_NOOP("entities", "Name (English)"), "English name"),
        _text(
            "name_local",
            QT_TRANSLATE_NOOP("entities", "Name (local)"),
            "local name",
            QT_TRANSLATE_NOOP("entities", "e.g. 深圳会展中心"),
        ),
        _text("address_en", QT_TRANSLATE_NOOP("entities", "Address (English)"), "English address"),
        _text("address_local", QT_TRANSLATE_NOOP("entities", "Address (local)"), "local address"),
        _text("city", QT_TRANSLATE_NOOP("entities", "City")),
        _text("country", QT_TRANSLATE_NOOP("entities", "Country")),
        Field("timezone", QT_TRANSLATE_NOOP("entities", "Time zone"), "zone", ("time zone",)),
        Field(
            "latitude",
            QT_TRANSLATE_NOOP("entities", "Latitude"),
            "number",
            ("latitude",),
            hint=QT_TRANSLATE_NOOP("entities", "e.g. 22.5333"),
        ),
        Field(
            "longitude",
            QT_TRANSLATE_NOOP("entities", "Longitude"),
            "number",
            ("longitude",),
            hint=QT_TRANSLATE_NOOP("entities", "e.g. 114.0556"),
        ),
        _text(
            "phone",
            QT_TRANSLATE_NOOP("entities", "Phone"),
            hint=QT_TRANSLATE_NOOP("entities", "the front desk or the venue's office"),
        ),
        _long("notes", QT_TRANSLATE_NOOP("entities", "Notes")),
    ),
    listings.venues_listing,
)

ROOM = Entity(
    "room",
    QT_TRANSLATE_NOOP("entities", "Room"),
    QT_TRANSLATE_NOOP("entities", "rooms"),
    (
        Field(
            "venue_id", QT_TRANSLATE_NOOP("entities", "Venue"), "ref", ("venue",), choices="venue"
        ),
        _text("name", QT_TRANSLATE_NOOP("entities", "Name"), "room name"),
        _text(
            "name_local",
            QT_TRANSLATE_NOOP("entities", "Name (local)"),
            "local room name",
            QT_TRANSLATE_NOOP("entities", "e.g. 第一会议室"),
        ),
        Field(
            "capacity",
            QT_TRANSLATE_NOOP("entities", "Seats"),
            "int",
            ("capacity",),
            hint=QT_TRANSLATE_NOOP("entities", "leave empty for no limit"),
        ),
    ),
    listings.rooms_listing,
)

PERSON = Entity(
    "person",
    QT_TRANSLATE_NOOP("entities", "Person"),
    QT_TRANSLATE_NOOP("entities", "people"),
    (
        _text(
            "name_latin",
            QT_TRANSLATE_NOOP("entities", "Name (Latin script)"),
            "name (Latin script)",
        ),
        _text(
            "name_local",
            QT_TRANSLATE_NOOP("entities", "Name (local script)"),
            "name (local script)",
            QT_TRANSLATE_NOOP("entities", "e.g. 王小明"),
        ),
        _text(
            "honorific",
            QT_TRANSLATE_NOOP("entities", "Honorific"),
            hint=QT_TRANSLATE_NOOP("entities", "e.g. Dr., Mayor"),
        ),
        Field(
            "organization_id",
            QT_TRANSLATE_NOOP("entities", "Organization"),
            "ref",
            ("organization",),
            choices="organization",
        ),
        Field(
            "role", QT_TRANSLATE_NOOP("entities", "Role"), "enum", ("role",), vocabulary=PersonRole
        ),
        _text("email", QT_TRANSLATE_NOOP("entities", "Email")),
        _text("phone", QT_TRANSLATE_NOOP("entities", "Phone")),
        _text(
            "preferred_language",
            QT_TRANSLATE_NOOP("entities", "Preferred language"),
            hint=QT_TRANSLATE_NOOP("entities", "e.g. en, zh-Hans"),
        ),
        _text("dietary_needs", QT_TRANSLATE_NOOP("entities", "Dietary needs")),
        _text(
            "dietary_tags",
            QT_TRANSLATE_NOOP("entities", "Dietary tags"),
            hint=QT_TRANSLATE_NOOP(
                "entities",
                "for the caterer, comma-separated: vegetarian, vegan, halal, kosher, no pork, "
                "no alcohol, nut allergy, shellfish allergy, gluten free, other",
            ),
        ),
        _text(
            "dietary_other",
            QT_TRANSLATE_NOOP("entities", "Other dietary need"),
            "other dietary need",
            QT_TRANSLATE_NOOP("entities", "what 'other' means"),
        ),
        _text("accessibility_needs", QT_TRANSLATE_NOOP("entities", "Accessibility needs")),
        _text("emergency_contact", QT_TRANSLATE_NOOP("entities", "Emergency contact")),
        _text(
            "passport_visa_notes",
            QT_TRANSLATE_NOOP("entities", "Passport and visa"),
            "passport visa notes",
        ),
        _text("medical_notes", QT_TRANSLATE_NOOP("entities", "Medical notes")),
        _long("notes", QT_TRANSLATE_NOOP("entities", "Notes")),
    ),
    listings.people_listing,
)

ORGANIZATION = Entity(
    "organization",
    QT_TRANSLATE_NOOP("entities", "Organization"),
    QT_TRANSLATE_NOOP("entities", "organizations"),
    (
        _text("name_en", QT_TRANSLATE_NOOP("entities", "Name (English)"), "English name"),
        _text("name_local", QT_TRANSLATE_NOOP("entities", "Name (local)"), "local name"),
        _text("country", QT_TRANSLATE_NOOP("entities", "Country")),
        _long("notes", QT_TRANSLATE_NOOP("entities", "Notes")),
    ),
    listings.organizations_listing,
)

GROUP = Entity(
    "group",
    QT_TRANSLATE_NOOP("entities", "Group"),
    QT_TRANSLATE_NOOP("entities", "groups"),
    (
        _text("name", QT_TRANSLATE_NOOP("entities", "Name")),
        _long("description", QT_TRANSLATE_NOOP("entities", "Description")),
    ),
    listings.groups_listing,
)

PROGRAMME = Entity(
    "programme",
    QT_TRANSLATE_NOOP("entities", "Programme"),
    QT_TRANSLATE_NOOP("entities", "programmes"),
    (
        _text("title_en", QT_TRANSLATE_NOOP("entities", "Title (English)"), "English title"),
        _text("title_local", QT_TRANSLATE_NOOP("entities", "Title (local)"), "local title"),
        Field(
            "kind",
            QT_TRANSLATE_NOOP("entities", "Kind"),
            "enum",
            ("kind",),
            vocabulary=ProgrammeKind,
        ),
        Field("start_date", QT_TRANSLATE_NOOP("entities", "First day"), "date", ("start date",)),
        Field("end_date", QT_TRANSLATE_NOOP("entities", "Last day"), "date", ("end date",)),
        Field("timezone", QT_TRANSLATE_NOOP("entities", "Time zone"), "zone", ("time zone",)),
        Field(
            "capacity",
            QT_TRANSLATE_NOOP("entities", "Seats"),
            "int",
            ("seats",),
            hint=QT_TRANSLATE_NOOP("entities", "leave empty for no limit"),
        ),
        Field(
            "parent_id",
            QT_TRANSLATE_NOOP("entities", "Part of"),
            "ref",
            ("part of", "programme"),
            choices="programme",
        ),
        _long("description", QT_TRANSLATE_NOOP("entities", "Description")),
    ),
    listings.programmes_listing,
)

TRAVEL = Entity(
    "travel",
    QT_TRANSLATE_NOOP("entities", "Journey or stay"),
    QT_TRANSLATE_NOOP("entities", "journeys and stays"),
    (
        Field(
            "kind", QT_TRANSLATE_NOOP("entities", "Kind"), "enum", ("kind",), vocabulary=TravelKind
        ),
        _text(
            "carrier",
            QT_TRANSLATE_NOOP("entities", "Carrier"),
            hint=QT_TRANSLATE_NOOP("entities", "e.g. Air China"),
        ),
        _text(
            "number",
            QT_TRANSLATE_NOOP("entities", "Flight or train"),
            "number",
            QT_TRANSLATE_NOOP("entities", "e.g. CA 818"),
        ),
        Field(
            "from_place",
            QT_TRANSLATE_NOOP("entities", "From"),
            "place",
            ("from place",),
            hint=QT_TRANSLATE_NOOP("entities", "an airport code, e.g. IAD"),
        ),
        Field(
            "to_place",
            QT_TRANSLATE_NOOP("entities", "To"),
            "place",
            ("to place",),
            hint=QT_TRANSLATE_NOOP("entities", "an airport code, e.g. PEK"),
        ),
        Field(
            "start", QT_TRANSLATE_NOOP("entities", "Departs / check-in"), "datetime", ("departure",)
        ),
        Field(
            "start_timezone",
            QT_TRANSLATE_NOOP("entities", "Departure time zone"),
            "zone",
            ("departure time zone",),
        ),
        Field(
            "end", QT_TRANSLATE_NOOP("entities", "Arrives / check-out"), "datetime", ("arrival",)
        ),
        Field(
            "end_timezone",
            QT_TRANSLATE_NOOP("entities", "Arrival time zone"),
            "zone",
            ("arrival time zone",),
        ),
        Field(
            "venue_id",
            QT_TRANSLATE_NOOP("entities", "Hotel (venue)"),
            "ref",
            ("venue", "hotel"),
            choices="venue",
        ),
        _long("notes", QT_TRANSLATE_NOOP("entities", "Notes")),
        # The journey's people, each with their seat, code and status (ui/records/journey_editor).
        Field(
            "person_id",
            QT_TRANSLATE_NOOP("entities", "Travellers"),
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
    QT_TRANSLATE_NOOP("entities", "Gift"),
    QT_TRANSLATE_NOOP("entities", "gifts"),
    (
        Field(
            "direction",
            QT_TRANSLATE_NOOP("entities", "Given or received"),
            "enum",
            ("direction",),
            vocabulary=GiftDirection,
        ),
        _text(
            "giver",
            QT_TRANSLATE_NOOP("entities", "By"),
            "giver",
            QT_TRANSLATE_NOOP("entities", "e.g. ICMA (Bob O'Neill)"),
        ),
        _text(
            "recipient",
            QT_TRANSLATE_NOOP("entities", "To"),
            "recipient",
            QT_TRANSLATE_NOOP("entities", "e.g. SAFEA (Mr. Sun Zhaohua)"),
        ),
        _text(
            "name",
            QT_TRANSLATE_NOOP("entities", "Gift"),
            "gift",
            QT_TRANSLATE_NOOP("entities", "e.g. Cloisonné vase"),
        ),
        _long("description", QT_TRANSLATE_NOOP("entities", "Description")),
        Field(
            "value",
            QT_TRANSLATE_NOOP("entities", "Estimated value"),
            "number",
            ("value",),
            hint=QT_TRANSLATE_NOOP("entities", "e.g. 1200"),
        ),
        _text(
            "currency",
            QT_TRANSLATE_NOOP("entities", "Currency"),
            hint=QT_TRANSLATE_NOOP("entities", "three letters: CNY, USD"),
        ),
        Field("given_on", QT_TRANSLATE_NOOP("entities", "Date"), "date", ("date",)),
        _text(
            "occasion",
            QT_TRANSLATE_NOOP("entities", "Occasion"),
            hint=QT_TRANSLATE_NOOP("entities", "e.g. the signing ceremony"),
        ),
        _text(
            "kept_at",
            QT_TRANSLATE_NOOP("entities", "Kept at"),
            "where it is kept",
            QT_TRANSLATE_NOOP("entities", "where the gift is now"),
        ),
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
    QT_TRANSLATE_NOOP("entities", "Plan"),
    QT_TRANSLATE_NOOP("entities", "plans"),
    (
        _text("title", QT_TRANSLATE_NOOP("entities", "Title")),
        _text(
            "organization",
            QT_TRANSLATE_NOOP("entities", "Organization"),
            hint=QT_TRANSLATE_NOOP("entities", "who runs it, e.g. ICMA China Center"),
        ),
        Field(
            "home_timezone",
            QT_TRANSLATE_NOOP("entities", "Home time zone"),
            "zone",
            ("home time zone",),
        ),
        Field(
            "emergency_contacts",
            QT_TRANSLATE_NOOP("entities", "Coordinators and emergency numbers"),
            "long",
            ("emergency contacts",),
            hint=QT_TRANSLATE_NOOP(
                "entities",
                "printed on every itinerary's first page, one per line: the coordinators "
                "with their phone numbers, then the emergency numbers (police, ambulance…)",
            ),
        ),
        Field(
            "travel_minutes_same_city",
            QT_TRANSLATE_NOOP("entities", "Minutes between venues in a city"),
            "int",
            ("travel minutes within a city",),
            hint=QT_TRANSLATE_NOOP(
                "entities", "used where no travel time between two venues is set"
            ),
        ),
        Field(
            "travel_minutes_other_city",
            QT_TRANSLATE_NOOP("entities", "Minutes between cities"),
            "int",
            ("travel minutes between cities",),
        ),
    ),
    None,
)

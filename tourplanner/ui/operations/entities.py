"""The operations records as the app shows them: each kind's form and table.

They are record kinds like the others (`services.records`): the generic form edits them, each
save, creation and deletion is one undoable operation, and each has its page in the navigator.
"""

from __future__ import annotations

from tourplanner.enums import AssignmentRole, InterpretingMode, RoomType, VehicleKind
from tourplanner.services import operations_listings as lists
from tourplanner.ui.marks import QT_TRANSLATE_NOOP
from tourplanner.ui.records.fields import Entity, Field
from tourplanner.ui.records.fields import long_field as _long
from tourplanner.ui.records.fields import text_field as _text

ROOM_BOOKING = Entity(
    "room_booking",
    QT_TRANSLATE_NOOP("entities", "Hotel room"),
    QT_TRANSLATE_NOOP("entities", "hotel rooms"),
    (
        Field(
            "stay_id",
            QT_TRANSLATE_NOOP("entities", "Hotel stay"),
            "ref",
            ("hotel stay",),
            choices="stay",
        ),
        Field(
            "room_type",
            QT_TRANSLATE_NOOP("entities", "Room type"),
            "enum",
            ("room type",),
            vocabulary=RoomType,
        ),
        _text(
            "room_number",
            QT_TRANSLATE_NOOP("entities", "Room number"),
            "room number",
            QT_TRANSLATE_NOOP("entities", "e.g. 1821"),
        ),
        Field(
            "shares_with_id",
            QT_TRANSLATE_NOOP("entities", "Sharing with"),
            "ref",
            ("sharing with",),
            choices="stay",
            hint=QT_TRANSLATE_NOOP("entities", "the other guest's stay at the same hotel"),
        ),
        Field("smoking", QT_TRANSLATE_NOOP("entities", "Smoking room"), "bool", ("smoking",)),
        Field(
            "accessible", QT_TRANSLATE_NOOP("entities", "Accessible room"), "bool", ("accessible",)
        ),
        _long("requests", QT_TRANSLATE_NOOP("entities", "Requests")),
        _text(
            "confirmation_number",
            QT_TRANSLATE_NOOP("entities", "Confirmation number"),
            "confirmation number",
        ),
    ),
    lists.room_bookings_listing,
)

VEHICLE = Entity(
    "vehicle",
    QT_TRANSLATE_NOOP("entities", "Vehicle"),
    QT_TRANSLATE_NOOP("entities", "vehicles"),
    (
        _text(
            "name",
            QT_TRANSLATE_NOOP("entities", "Name"),
            "name",
            QT_TRANSLATE_NOOP("entities", "e.g. Coach 1"),
        ),
        Field(
            "kind", QT_TRANSLATE_NOOP("entities", "Kind"), "enum", ("kind",), vocabulary=VehicleKind
        ),
        Field(
            "seats",
            QT_TRANSLATE_NOOP("entities", "Seats"),
            "int",
            ("seats",),
            hint=QT_TRANSLATE_NOOP("entities", "passenger seats"),
        ),
        _text("plate", QT_TRANSLATE_NOOP("entities", "Plate")),
        _text("company", QT_TRANSLATE_NOOP("entities", "Company")),
        Field(
            "programme_id",
            QT_TRANSLATE_NOOP("entities", "Programme (every leg)"),
            "ref",
            ("programme",),
            choices="programme",
        ),
        Field(
            "item_id",
            QT_TRANSLATE_NOOP("entities", "Or one item"),
            "ref",
            ("item",),
            choices="item",
        ),
        Field(
            "driver_id",
            QT_TRANSLATE_NOOP("entities", "Driver (a person)"),
            "ref",
            ("driver",),
            choices="person",
        ),
        _text("driver_name", QT_TRANSLATE_NOOP("entities", "Or driver's name"), "driver name"),
        _text("driver_phone", QT_TRANSLATE_NOOP("entities", "Driver's phone"), "driver phone"),
        Field(
            "fixed_seats", QT_TRANSLATE_NOOP("entities", "Fixed seats"), "bool", ("fixed seats",)
        ),
        _long("notes", QT_TRANSLATE_NOOP("entities", "Notes")),
    ),
    lists.vehicles_listing,
)

VEHICLE_SEAT = Entity(
    "vehicle_seat",
    QT_TRANSLATE_NOOP("entities", "Seat"),
    QT_TRANSLATE_NOOP("entities", "seats on vehicles"),
    (
        Field(
            "vehicle_id",
            QT_TRANSLATE_NOOP("entities", "Vehicle"),
            "ref",
            ("vehicle",),
            choices="vehicle",
        ),
        Field(
            "person_id",
            QT_TRANSLATE_NOOP("entities", "Person"),
            "ref",
            ("person",),
            choices="person",
        ),
        Field(
            "item_id",
            QT_TRANSLATE_NOOP("entities", "Leg"),
            "ref",
            ("leg",),
            choices="item",
            hint=QT_TRANSLATE_NOOP("entities", "none: every leg"),
        ),
        _text(
            "seat",
            QT_TRANSLATE_NOOP("entities", "Seat"),
            "seat",
            QT_TRANSLATE_NOOP("entities", "e.g. 5"),
        ),
    ),
    lists.seats_listing,
)

ASSIGNMENT = Entity(
    "assignment",
    QT_TRANSLATE_NOOP("entities", "Assignment"),
    QT_TRANSLATE_NOOP("entities", "guides, drivers and interpreters"),
    (
        Field(
            "person_id",
            QT_TRANSLATE_NOOP("entities", "Person"),
            "ref",
            ("person",),
            choices="person",
        ),
        Field(
            "role",
            QT_TRANSLATE_NOOP("entities", "Role"),
            "enum",
            ("role",),
            vocabulary=AssignmentRole,
        ),
        Field("item_id", QT_TRANSLATE_NOOP("entities", "Item"), "ref", ("item",), choices="item"),
        Field(
            "programme_id",
            QT_TRANSLATE_NOOP("entities", "Or programme"),
            "ref",
            ("programme",),
            choices="programme",
        ),
        Field("day", QT_TRANSLATE_NOOP("entities", "Day"), "date", ("day",)),
        Field(
            "vehicle_id",
            QT_TRANSLATE_NOOP("entities", "Vehicle"),
            "ref",
            ("vehicle",),
            choices="vehicle",
        ),
        _text(
            "language_from",
            QT_TRANSLATE_NOOP("entities", "From language"),
            "from language",
            QT_TRANSLATE_NOOP("entities", "e.g. en"),
        ),
        _text(
            "language_to",
            QT_TRANSLATE_NOOP("entities", "Into language"),
            "to language",
            QT_TRANSLATE_NOOP("entities", "e.g. zh"),
        ),
        Field(
            "mode",
            QT_TRANSLATE_NOOP("entities", "Mode"),
            "enum",
            ("mode",),
            vocabulary=InterpretingMode,
        ),
        _text("booth", QT_TRANSLATE_NOOP("entities", "Booth")),
        _long("notes", QT_TRANSLATE_NOOP("entities", "Notes")),
    ),
    lists.assignments_listing,
)

OPERATIONS_ENTITIES = (ROOM_BOOKING, VEHICLE, VEHICLE_SEAT, ASSIGNMENT)

"""The operations records as the app shows them: each kind's form and table.

They are record kinds like the others (`services.records`): the generic form edits them, each
save, creation and deletion is one undoable operation, and each has its page in the navigator.
"""

from __future__ import annotations

from tourplanner.enums import AssignmentRole, InterpretingMode, RoomType, VehicleKind
from tourplanner.services import operations_listings as lists
from tourplanner.ui.records.fields import Entity, Field
from tourplanner.ui.records.fields import long_field as _long
from tourplanner.ui.records.fields import text_field as _text

ROOM_BOOKING = Entity(
    "room_booking",
    "Hotel room",
    "hotel rooms",
    (
        Field("stay_id", "Hotel stay", "ref", ("hotel stay",), choices="stay"),
        Field("room_type", "Room type", "enum", ("room type",), vocabulary=RoomType),
        _text("room_number", "Room number", "room number", "e.g. 1821"),
        Field(
            "shares_with_id",
            "Sharing with",
            "ref",
            ("sharing with",),
            choices="stay",
            hint="the other guest's stay at the same hotel",
        ),
        Field("smoking", "Smoking room", "bool", ("smoking",)),
        Field("accessible", "Accessible room", "bool", ("accessible",)),
        _long("requests", "Requests"),
        _text("confirmation_number", "Confirmation number", "confirmation number"),
    ),
    lists.room_bookings_listing,
)

VEHICLE = Entity(
    "vehicle",
    "Vehicle",
    "vehicles",
    (
        _text("name", "Name", "name", "e.g. Coach 1"),
        Field("kind", "Kind", "enum", ("kind",), vocabulary=VehicleKind),
        Field("seats", "Seats", "int", ("seats",), hint="passenger seats"),
        _text("plate", "Plate"),
        _text("company", "Company"),
        Field("programme_id", "Programme (every leg)", "ref", ("programme",), choices="programme"),
        Field("item_id", "Or one item", "ref", ("item",), choices="item"),
        Field("driver_id", "Driver (a person)", "ref", ("driver",), choices="person"),
        _text("driver_name", "Or driver's name", "driver name"),
        _text("driver_phone", "Driver's phone", "driver phone"),
        Field("fixed_seats", "Fixed seats", "bool", ("fixed seats",)),
        _long("notes", "Notes"),
    ),
    lists.vehicles_listing,
)

VEHICLE_SEAT = Entity(
    "vehicle_seat",
    "Seat",
    "seats on vehicles",
    (
        Field("vehicle_id", "Vehicle", "ref", ("vehicle",), choices="vehicle"),
        Field("person_id", "Person", "ref", ("person",), choices="person"),
        Field("item_id", "Leg", "ref", ("leg",), choices="item", hint="none: every leg"),
        _text("seat", "Seat", "seat", "e.g. 5"),
    ),
    lists.seats_listing,
)

ASSIGNMENT = Entity(
    "assignment",
    "Assignment",
    "guides, drivers and interpreters",
    (
        Field("person_id", "Person", "ref", ("person",), choices="person"),
        Field("role", "Role", "enum", ("role",), vocabulary=AssignmentRole),
        Field("item_id", "Item", "ref", ("item",), choices="item"),
        Field("programme_id", "Or programme", "ref", ("programme",), choices="programme"),
        Field("day", "Day", "date", ("day",)),
        Field("vehicle_id", "Vehicle", "ref", ("vehicle",), choices="vehicle"),
        _text("language_from", "From language", "from language", "e.g. en"),
        _text("language_to", "Into language", "to language", "e.g. zh"),
        Field("mode", "Mode", "enum", ("mode",), vocabulary=InterpretingMode),
        _text("booth", "Booth"),
        _long("notes", "Notes"),
    ),
    lists.assignments_listing,
)

OPERATIONS_ENTITIES = (ROOM_BOOKING, VEHICLE, VEHICLE_SEAT, ASSIGNMENT)

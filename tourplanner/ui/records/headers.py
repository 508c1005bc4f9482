"""The column titles of the record tables, marked for Qt's translation.

The listings (`services.listings`, `services.protocol_gifts`, `services.operations_listings`) name their columns in English for
every reader (the CLI, the exports); the tables show them through `shown_header`. A column a
listing adds must be added here too, or it stays English (tests/ui/test_chinese_ui.py says so).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from tourplanner.ui.marks import QT_TRANSLATE_NOOP

HEADERS = (
    QT_TRANSLATE_NOOP("listings", "Name"),
    QT_TRANSLATE_NOOP("listings", "Local name"),
    QT_TRANSLATE_NOOP("listings", "Organization"),
    QT_TRANSLATE_NOOP("listings", "Role"),
    QT_TRANSLATE_NOOP("listings", "Groups"),
    QT_TRANSLATE_NOOP("listings", "Email"),
    QT_TRANSLATE_NOOP("listings", "City"),
    QT_TRANSLATE_NOOP("listings", "Address"),
    QT_TRANSLATE_NOOP("listings", "Time zone"),
    QT_TRANSLATE_NOOP("listings", "Rooms"),
    QT_TRANSLATE_NOOP("listings", "Room"),
    QT_TRANSLATE_NOOP("listings", "Venue"),
    QT_TRANSLATE_NOOP("listings", "Seats"),
    QT_TRANSLATE_NOOP("listings", "Items"),
    QT_TRANSLATE_NOOP("listings", "Country"),
    QT_TRANSLATE_NOOP("listings", "People"),
    QT_TRANSLATE_NOOP("listings", "Members"),
    QT_TRANSLATE_NOOP("listings", "Description"),
    QT_TRANSLATE_NOOP("listings", "Title"),
    QT_TRANSLATE_NOOP("listings", "Local title"),
    QT_TRANSLATE_NOOP("listings", "Kind"),
    QT_TRANSLATE_NOOP("listings", "Dates"),
    QT_TRANSLATE_NOOP("listings", "When (local)"),
    QT_TRANSLATE_NOOP("listings", "Status"),
    QT_TRANSLATE_NOOP("listings", "Programme"),
    QT_TRANSLATE_NOOP("listings", "Travellers"),
    QT_TRANSLATE_NOOP("listings", "Carrier"),
    QT_TRANSLATE_NOOP("listings", "Route or hotel"),
    QT_TRANSLATE_NOOP("listings", "Departs / in"),
    QT_TRANSLATE_NOOP("listings", "Arrives / out"),
    QT_TRANSLATE_NOOP("listings", "Code"),
    QT_TRANSLATE_NOOP("listings", "Date"),
    QT_TRANSLATE_NOOP("listings", "Given / received"),
    QT_TRANSLATE_NOOP("listings", "By"),
    QT_TRANSLATE_NOOP("listings", "To"),
    QT_TRANSLATE_NOOP("listings", "Gift"),
    QT_TRANSLATE_NOOP("listings", "Value"),
    QT_TRANSLATE_NOOP("listings", "Occasion"),
    QT_TRANSLATE_NOOP("listings", "Kept at"),
    # The operations pages (services.operations_listings).
    QT_TRANSLATE_NOOP("listings", "Guest"),
    QT_TRANSLATE_NOOP("listings", "Hotel"),
    QT_TRANSLATE_NOOP("listings", "Check-in"),
    QT_TRANSLATE_NOOP("listings", "Type"),
    QT_TRANSLATE_NOOP("listings", "Sharing with"),
    QT_TRANSLATE_NOOP("listings", "Confirmation"),
    QT_TRANSLATE_NOOP("listings", "Vehicle"),
    QT_TRANSLATE_NOOP("listings", "Seated"),
    QT_TRANSLATE_NOOP("listings", "Serves"),
    QT_TRANSLATE_NOOP("listings", "Driver"),
    QT_TRANSLATE_NOOP("listings", "Plate"),
    QT_TRANSLATE_NOOP("listings", "Seat"),
    QT_TRANSLATE_NOOP("listings", "Person"),
    QT_TRANSLATE_NOOP("listings", "Leg"),
    QT_TRANSLATE_NOOP("listings", "For"),
    QT_TRANSLATE_NOOP("listings", "Languages"),
    QT_TRANSLATE_NOOP("listings", "Mode"),
    # The Transfers page (export.operations.transfers.GROUP_COLUMNS) and the Meals page
    # (services.catering.meals_listing; its dietary tags come translated by the core).
    QT_TRANSLATE_NOOP("listings", "Transfer"),
    QT_TRANSLATE_NOOP("listings", "Pick-up (local)"),
    QT_TRANSLATE_NOOP("listings", "Airport or station"),
    QT_TRANSLATE_NOOP("listings", "Terminal"),
    QT_TRANSLATE_NOOP("listings", "Flights or trains"),
    QT_TRANSLATE_NOOP("listings", "Vehicles"),
    QT_TRANSLATE_NOOP("listings", "Sign"),
    QT_TRANSLATE_NOOP("listings", "Passengers"),
    QT_TRANSLATE_NOOP("listings", "Meal"),
    QT_TRANSLATE_NOOP("listings", "Menu"),
    QT_TRANSLATE_NOOP("listings", "Diners"),
    QT_TRANSLATE_NOOP("listings", "No restriction"),
)


def shown_header(column: str) -> str:
    """A listing's column title in the UI's language."""
    return QCoreApplication.translate("listings", column)

"""The main window's pages, in navigator order: (key, navigator text, icon role).

Record pages use the keys of `entities.ENTITIES`; the timeline, agenda and items table show items;
the transfers and meals are read-only tables of what the operations documents compute.
"""

from __future__ import annotations

from tourplanner.ui.marks import QT_TRANSLATE_NOOP

PAGES = (
    ("timeline", QT_TRANSLATE_NOOP("pages", "Timeline"), "timeline"),
    ("agenda", QT_TRANSLATE_NOOP("pages", "Agenda"), "agenda"),
    ("item", QT_TRANSLATE_NOOP("pages", "Items"), "items"),
    ("person", QT_TRANSLATE_NOOP("pages", "People"), "people"),
    ("travel", QT_TRANSLATE_NOOP("pages", "Travel"), "travel"),
    ("group", QT_TRANSLATE_NOOP("pages", "Groups"), "groups"),
    ("organization", QT_TRANSLATE_NOOP("pages", "Organizations"), "organizations"),
    ("venue", QT_TRANSLATE_NOOP("pages", "Venues"), "venues"),
    ("room", QT_TRANSLATE_NOOP("pages", "Rooms"), "rooms"),
    ("programme", QT_TRANSLATE_NOOP("pages", "Programmes"), "programmes"),
    ("gift", QT_TRANSLATE_NOOP("pages", "Gifts"), "gifts"),
    ("room_booking", QT_TRANSLATE_NOOP("pages", "Hotel rooms"), "rooms"),
    ("vehicle", QT_TRANSLATE_NOOP("pages", "Vehicles"), "travel"),
    ("vehicle_seat", QT_TRANSLATE_NOOP("pages", "Seats"), "people"),
    ("assignment", QT_TRANSLATE_NOOP("pages", "Guides and interpreters"), "people"),
    ("transfer", QT_TRANSLATE_NOOP("pages", "Transfers"), "tour"),
    ("meal", QT_TRANSLATE_NOOP("pages", "Meals"), "items"),
)
ITEM_PAGES = ("timeline", "agenda", "item")
VIEW_PAGES = ("transfer", "meal")  # tables computed from the plan, not records of a kind

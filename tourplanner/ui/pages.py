"""The main window's pages, in navigator order: (key, navigator text, icon role).

Record pages use the keys of `entities.ENTITIES`; the timeline, agenda and items table show items.
"""

from __future__ import annotations

PAGES = (
    ("timeline", "Timeline", "timeline"),
    ("agenda", "Agenda", "agenda"),
    ("item", "Items", "items"),
    ("person", "People", "people"),
    ("travel", "Travel", "travel"),
    ("group", "Groups", "groups"),
    ("organization", "Organizations", "organizations"),
    ("venue", "Venues", "venues"),
    ("room", "Rooms", "rooms"),
    ("programme", "Programmes", "programmes"),
    ("gift", "Gifts", "gifts"),
    ("room_booking", "Hotel rooms", "rooms"),
    ("vehicle", "Vehicles", "travel"),
    ("vehicle_seat", "Seats", "people"),
    ("assignment", "Guides and interpreters", "people"),
)
ITEM_PAGES = ("timeline", "agenda", "item")

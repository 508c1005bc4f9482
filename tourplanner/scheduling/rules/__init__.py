"""The named rules of the scheduling checks: stable ids, what each finds, what it looks at.

Each rule is a pure function over the snapshot and the index's lookups (`view.CheckView`) that
returns its findings, each with the instant it is listed by; `scopes` says which rules run for
a person, a room, an item and a programme. One file per rule or family of rules:
`double_booking`, `travel_time`, `presence` (before-arrival, after-departure), `whereabouts`
(not-in-city, no-hotel, missing-travel) and `whereabouts_journeys` (late-for-journey),
`capacity` (rooms and programmes), `dates` (outside-programme, tour-dates), `status`
(tentative, cancelled-booking), `operations` (staff-double-booked, vehicle-over-seats,
room-nights-differ), `arrivals` (arrival-without-transfer, transfer-before-landing), `meals`
(meal-diet-without-menu).
"""

from __future__ import annotations

from tourplanner.i18n import N_

# id -> one line for `tourplanner check --help` and the docs, marked with N_ and translated
# with `_` where shown. The ids are stable: scripts and the app filter on them.
RULES: dict[str, str] = {
    "person-double-booked": N_("two of a person's items, tours or journeys overlap"),
    "room-double-booked": N_("two items in the same room (or a venue without rooms) overlap"),
    "travel-time": N_("too little time to get from one venue to the next"),
    "outside-programme": N_("an item outside its programme's dates (or repeating past them)"),
    "tour-dates": N_(
        "a pre-conference tour that does not end before its conference starts, "
        "or a post-conference tour that starts before it ends"
    ),
    "over-capacity": N_("more confirmed people than a programme's seats"),
    "room-over-capacity": N_("more confirmed people in an item than its room holds"),
    "before-arrival": N_("a person scheduled before their arrival flight lands"),
    "after-departure": N_("a person scheduled after their departure flight leaves"),
    "not-in-city": N_(
        "a person booked into an item in a city they have not travelled to, or have left"
    ),
    "no-hotel": N_(
        "a night between a person's first arrival and last departure (or their last "
        "item) without a hotel stay covering it"
    ),
    "missing-travel": N_("a booked person with no arrival or no departure at all"),
    "late-for-journey": N_(
        "a journey leaving before the person can get to it from their last item"
    ),
    "cancelled-booking": N_("a person still booked into a cancelled item"),
    "tentative": N_("a tentative item, to be confirmed"),
    "staff-double-booked": N_("a guide, driver or interpreter assigned to two places at once"),
    "vehicle-over-seats": N_("more people seated on a vehicle's leg than it has seats"),
    "room-nights-differ": N_("two guests sharing a hotel room whose nights differ"),
    "arrival-without-transfer": N_(
        "a flight or train arriving for a hotel stay with no transfer or car to meet it"
    ),
    "transfer-before-landing": N_(
        "the transfer meant to meet a flight or train leaves before it lands"
    ),
    "meal-diet-without-menu": N_("a meal with guests' dietary tags and an empty menu note"),
}

# Which scope computes a rule: a scope is rechecked as a whole after an edit touching it.
PERSON_RULES = frozenset(
    {
        "person-double-booked",
        "travel-time",
        "before-arrival",
        "after-departure",
        "no-hotel",
        "not-in-city",
        "missing-travel",
        "late-for-journey",
        "cancelled-booking",
    }
)
ROOM_RULES = frozenset({"room-double-booked", "room-over-capacity"})
ITEM_RULES = frozenset({"outside-programme", "tentative"})
PROGRAMME_RULES = frozenset({"tour-dates", "over-capacity"})
# Checked over the whole plan's operations at once (rules/operations.py).
OPERATIONS_RULES = frozenset({"staff-double-booked", "vehicle-over-seats", "room-nights-differ"})
# Checked per person, from their journeys and seats (rules/arrivals.py).
ARRIVAL_RULES = frozenset({"arrival-without-transfer", "transfer-before-landing"})
# Checked per meal (rules/meals.py).
MEAL_RULES = frozenset({"meal-diet-without-menu"})

assert set(RULES) == (
    PERSON_RULES
    | ROOM_RULES
    | ITEM_RULES
    | PROGRAMME_RULES
    | OPERATIONS_RULES
    | ARRIVAL_RULES
    | MEAL_RULES
)

"""The demo plan: ICMA's delegation to the SAFEA Foreign Expert Affairs Conference, Shenzhen 2015.

Built from the story of ICMA's network in China (the MOU with SAFEA's training unit, the ICMA
China Center at CUPL, the Yangzhou training base): a three-day conference in Shenzhen with the
executive director's keynote and a signing ceremony, a pre-conference study tour in Beijing, a
post-conference tour to Yangzhou and Shanghai, flights across the Pacific and hotel stays.
A brownfields conference with NIST is still being planned.

Everything is written through the services, so the demo obeys the same rules as user input.
The data are tables of plain values (`plan`, `people`, `venues`, `programmes`, `bookings`,
`travel`); people, places and programmes are referred to by short keys. `builder` writes them.
"""

from __future__ import annotations

from tourplanner.demo.bookings import BREAKOUTS, BREAKOUTS_POST, ITEM_ROLES, PROGRAMME_BOOKINGS
from tourplanner.demo.builder import populate_demo, write_demo_plan
from tourplanner.demo.people import (
    GROUPS,
    ORGANIZATIONS,
    PEOPLE,
    POST_TOUR_DELEGATES,
    POST_TOUR_SEATS,
    POST_TOUR_WAITLIST,
)
from tourplanner.demo.plan import CHINA, DELIBERATE_FINDINGS, EASTERN, PLAN
from tourplanner.demo.programmes import ITEMS, PROGRAMMES
from tourplanner.demo.travel import AIRPORTS, CARRIERS, FLIGHT_NOTES, FLIGHTS, HOTEL_NOTES, JOURNEYS
from tourplanner.demo.venues import TRAVEL_TIMES, VENUES

__all__ = [
    "AIRPORTS",
    "BREAKOUTS",
    "BREAKOUTS_POST",
    "CARRIERS",
    "CHINA",
    "DELIBERATE_FINDINGS",
    "EASTERN",
    "FLIGHTS",
    "FLIGHT_NOTES",
    "GROUPS",
    "HOTEL_NOTES",
    "ITEMS",
    "ITEM_ROLES",
    "JOURNEYS",
    "ORGANIZATIONS",
    "PEOPLE",
    "PLAN",
    "POST_TOUR_DELEGATES",
    "POST_TOUR_SEATS",
    "POST_TOUR_WAITLIST",
    "PROGRAMMES",
    "PROGRAMME_BOOKINGS",
    "TRAVEL_TIMES",
    "VENUES",
    "populate_demo",
    "write_demo_plan",
]

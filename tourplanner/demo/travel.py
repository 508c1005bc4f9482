"""The demo's flights, transfers and hotel stays: each person's journey as steps."""

from __future__ import annotations

from tourplanner.demo.people import POST_TOUR_DELEGATES, POST_TOUR_WAITLIST
from tourplanner.demo.plan import CHINA, EASTERN

# fmt: off
CARRIERS = {
    "UA": "United Airlines",
    "CA": "Air China",
    "MU": "China Eastern Airlines",
}
AIRPORTS = {
    "IAD": ("Washington Dulles (IAD)", EASTERN, "iad"),
    "JFK": ("New York JFK, Terminal 1", EASTERN, "jfk"),
    "PEK": ("Beijing Capital (PEK), Terminal 3", CHINA, "pek"),
    "SZX": ("Shenzhen Bao'an (SZX), Terminal 3", CHINA, "szx"),
    "SHA": ("Shanghai Hongqiao (SHA), Terminal 2", CHINA, "sha"),
}
# key: (flight number, from, local departure, to, local arrival) — each time local to its airport.
FLIGHTS: dict[str, tuple[str, str, str, str, str]] = {
    "UA897": ("UA 897", "IAD", "2015-04-14 12:40", "PEK", "2015-04-15 14:35"),
    # A late departure: 23:55 EDT is 11:55 the next day in Beijing, so 13 h 45 in the air lands
    # at 01:40 CST two calendar days after leaving Washington.
    "CA818": ("CA 818", "IAD", "2015-04-13 23:55", "PEK", "2015-04-15 01:40"),
    "CA982": ("CA 982", "JFK", "2015-04-18 13:00", "PEK", "2015-04-19 15:00"),
    "CA1355": ("CA 1355", "PEK", "2015-04-19 17:30", "SZX", "2015-04-19 20:45"),
    "CA1301": ("CA 1301", "PEK", "2015-04-20 08:00", "SZX", "2015-04-20 11:15"),
    "CA1304": ("CA 1304", "SZX", "2015-04-24 08:30", "PEK", "2015-04-24 11:45"),
    "UA898_24": ("UA 898", "PEK", "2015-04-24 16:55", "IAD", "2015-04-24 17:50"),
    "CA981": ("CA 981", "PEK", "2015-04-24 13:00", "JFK", "2015-04-24 14:10"),
    "MU5103": ("MU 5103", "SHA", "2015-04-28 09:00", "PEK", "2015-04-28 11:15"),
    "UA898_28": ("UA 898", "PEK", "2015-04-28 16:55", "IAD", "2015-04-28 17:50"),
}

HOTEL_NOTES = {
    "shangrila_bj": "Deluxe room, breakfast included.",
    "shangrila_sz": "Deluxe room facing the convention centre, breakfast included.",
    "yz_guesthouse": "Garden-view room, breakfast included.",
    "peace_hotel": "Fairmont room, breakfast included.",
}

# Journeys are sequences of steps:
#   ("flight", FLIGHTS key)
#   ("road", from, to, local start, local end)  — a car or coach the person takes alone
#   ("hotel", venue key, local check-in, local check-out)
ARRIVE_UA897 = [
    ("flight", "UA897"),
    ("road", "Beijing Capital (PEK) T3", "Shangri-La Hotel, Beijing", "2015-04-15 15:30", "16:45"),
    ("hotel", "shangrila_bj", "2015-04-15 16:45", "2015-04-19 10:30"),
]
ARRIVE_REDEYE = [
    ("flight", "CA818"),
    ("road", "Beijing Capital (PEK) T3", "Shangri-La Hotel, Beijing", "2015-04-15 02:30", "03:30"),
    ("hotel", "shangrila_bj", "2015-04-15 03:30", "2015-04-19 10:30"),
]
SHENZHEN_THEN_POST_TOUR = [
    ("hotel", "shangrila_sz", "2015-04-19 18:30", "2015-04-24 08:00"),
    ("hotel", "yz_guesthouse", "2015-04-24 14:30", "2015-04-27 08:15"),
    ("hotel", "peace_hotel", "2015-04-27 12:15", "2015-04-28 07:00"),
    ("road", "Fairmont Peace Hotel", "Shanghai Hongqiao (SHA) T2", "2015-04-28 07:15", "08:00"),
    ("flight", "MU5103"),
    ("flight", "UA898_28"),
]
SHENZHEN_THEN_HOME = [
    ("hotel", "shangrila_sz", "2015-04-19 18:30", "2015-04-24 06:15"),
    ("road", "Shangri-La Hotel, Futian", "Shenzhen Bao'an (SZX) T3", "2015-04-24 06:15", "07:00"),
    ("flight", "CA1304"),
    ("flight", "UA898_24"),
]
BEIJING_OFFICIAL = [
    ("flight", "CA1301"),
    ("road", "Shenzhen Bao'an (SZX) T3", "Shangri-La Hotel, Futian", "2015-04-20 11:45", "12:30"),
    ("hotel", "shangrila_sz", "2015-04-20 12:30", "2015-04-24 06:15"),
    ("road", "Shangri-La Hotel, Futian", "Shenzhen Bao'an (SZX) T3", "2015-04-24 06:15", "07:00"),
    ("flight", "CA1304"),
]
FROM_NEW_YORK = [
    ("flight", "CA982"),
    ("flight", "CA1355"),
    ("road", "Shenzhen Bao'an (SZX) T3", "Shangri-La Hotel, Futian", "2015-04-19 21:15", "22:00"),
    ("hotel", "shangrila_sz", "2015-04-19 22:00", "2015-04-24 06:15"),
    ("road", "Shangri-La Hotel, Futian", "Shenzhen Bao'an (SZX) T3", "2015-04-24 06:15", "07:00"),
    ("flight", "CA1304"),
    ("flight", "CA981"),
]

# A Beijing speaker who lives in town: a car from home to the seminar and back after lunch.
LOCAL_SPEAKER: list[tuple[str, ...]] = [
    ("road", "Home, Haidian District, Beijing", "China University of Political Science and Law",
     "2015-04-18 08:15", "08:45"),
    ("road", "China University of Political Science and Law", "Home, Haidian District, Beijing",
     "2015-04-18 13:45", "14:15"),
]

JOURNEYS: dict[str, list[tuple[str, ...]]] = {
    "oneill": ARRIVE_REDEYE + SHENZHEN_THEN_HOME,
    "kim": ARRIVE_UA897 + SHENZHEN_THEN_HOME,
    "mitchell": ARRIVE_UA897 + SHENZHEN_THEN_POST_TOUR,
    "echen": ARRIVE_UA897 + SHENZHEN_THEN_POST_TOUR,
    **{key: ARRIVE_UA897 + SHENZHEN_THEN_POST_TOUR for key in POST_TOUR_DELEGATES},
    **{key: ARRIVE_UA897 + SHENZHEN_THEN_HOME for key in POST_TOUR_WAITLIST},
    "nie": BEIJING_OFFICIAL,
    "sun": BEIJING_OFFICIAL,
    "zheng": BEIJING_OFFICIAL,
    "wang": FROM_NEW_YORK,
    "zhang": LOCAL_SPEAKER,
}

# Notes on a person's flights (or on one flight: 'person/flight'); airline special meals
# follow the traveller's dietary needs.
FLIGHT_NOTES = {
    "walsh": "Special meal requested: vegetarian (VLML).",
    "hassan": "Special meal requested: Muslim meal (MOML).",
    "thompson": "Nut allergy declared to the airline; no special meal available.",
    "wright": "Aisle seat requested (knee).",
    "oneill/CA818": "Late departure after the ICMA board meeting on 13 April; arrives in Beijing "
    "in the small hours of 15 April, a day before the tour's first visit.",
}
# fmt: on

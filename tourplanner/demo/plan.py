"""The plan's own fields, its zones, and what its check finds on purpose."""

from __future__ import annotations

CHINA = "Asia/Shanghai"
EASTERN = "America/New_York"

# What `tourplanner check` reports on the demo on purpose, to show those rules at work.
# Everything else in the demo is meant to check clean.
DELIBERATE_FINDINGS: tuple[str, ...] = (
    "The three items of the ICMA–NIST Brownfields Redevelopment Conference (Gaithersburg, "
    "October 2015) are tentative: that conference is still being planned.",
    "Ahmed Hassan is still booked on the Shenzhen Bay evening cruise of 21 April, which was "
    "cancelled; the coordinator has to tell him and remove the booking.",
)

PLAN = {
    "title": "ICMA China Center — SAFEA Foreign Expert Affairs Conference 2015",
    "home_timezone": CHINA,
    "organization": "ICMA",
    "emergency_contacts": (
        "ICMA tour coordinator in China: Sarah Mitchell, +86 138 1047 2290 (China mobile), "
        "+1 202 555 0174 (U.S. mobile)\n"
        "ICMA China Center programme manager: Daniel Kim, +86 139 1165 0827\n"
        "SAFEA / CAIEP liaison (Beijing): Ms. Liu Yan, +86 10 6846 8823, +86 135 0120 4476\n"
        "ICMA headquarters, Washington DC: +1 202 962 3680\n"
        "China emergency numbers: police 110, ambulance 120, fire 119\n"
        "U.S. Embassy Beijing: +86 10 8531 3000 · U.S. Consulate General Guangzhou (Shenzhen): "
        "+86 20 3814 5000 · U.S. Consulate General Shanghai: +86 21 8011 2200"
    ),
    "travel_minutes_same_city": 30,
    "travel_minutes_other_city": 180,
}

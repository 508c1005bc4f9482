"""Airports by IATA code for the booking-calendar reader: a thin door onto tourplanner.places,
the one place that reads the airports table (`airportsdata`)."""

from __future__ import annotations

from tourplanner import places


def airport(code: str) -> tuple[str, str] | None:
    """(name, IANA zone) of the airport with this IATA code, or None when there is none."""
    found = places.airport(code)
    if found is None or not found.zone:
        return None
    return found.name, found.zone

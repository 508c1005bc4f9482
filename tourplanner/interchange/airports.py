"""Airports by IATA code: their name and IANA zone, from the maintained `airportsdata` package.

One small function, so that the plan's own places (when it has airport places) can answer
instead without changing the importers.
"""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def _airports() -> dict[str, Any]:
    import airportsdata  # ~0.2 s to load 8,000 airports: only when a booking is read

    return airportsdata.load("IATA")


def airport(code: str) -> tuple[str, str] | None:
    """(name, IANA zone) of the airport with this IATA code, or None when there is none."""
    found = _airports().get(code.strip().upper())
    if not found or not found.get("tz"):
        return None
    return str(found["name"]), str(found["tz"])

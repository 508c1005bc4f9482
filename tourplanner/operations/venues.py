"""Travel times between two venues (what the travel-time check allows)."""

from __future__ import annotations

from tourplanner.operations.changes import Changes
from tourplanner.operations.edit import Edit
from tourplanner.services import venues


def set_travel_time(venue_a: int, venue_b: int, minutes: int | None) -> Edit:
    """Give a pair its own minutes (None: the plan's default again); undo restores them."""
    return Edit(
        "Change a travel time" if minutes is not None else "Remove a travel time",
        "The travel time between these venues",
        lambda session: venues.own_travel_time(session, venue_a, venue_b),
        lambda session, value: venues.set_travel_time(session, venue_a, venue_b, value),  # type: ignore[arg-type]
        minutes,
        Changes(plan=True),
    )

"""How the checks name places and times in their messages: local time with the zone."""

from __future__ import annotations

from datetime import datetime

from tourplanner.scheduling.snapshot import ItemRec, PlanSnapshot
from tourplanner.timezones import abbreviation, to_local


def day(instant: datetime, zone: str) -> str:
    """'Tue 21 Apr' in local time."""
    local = to_local(instant, zone)
    return f"{local:%a} {local.day} {local:%b}"


def hours(start: datetime, end: datetime, zone: str) -> str:
    """'09:00-10:00 CST'."""
    return f"{to_local(start, zone):%H:%M}-{to_local(end, zone):%H:%M} {abbreviation(start, zone)}"


def span_text(instant: datetime, zone: str) -> str:
    """'Tue 21 Apr 09:00 CST'."""
    return f"{day(instant, zone)} {to_local(instant, zone):%H:%M} {abbreviation(instant, zone)}"


def place(snapshot: PlanSnapshot, item: ItemRec) -> str:
    """The room, else the venue, else 'no venue'."""
    if item.room_id is not None and item.room_id in snapshot.rooms:
        return snapshot.rooms[item.room_id].name
    if item.venue_id is not None and item.venue_id in snapshot.venues:
        return snapshot.venues[item.venue_id].name
    return "no venue"

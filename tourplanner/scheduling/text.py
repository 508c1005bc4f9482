"""How the checks name places and times in their messages: local time with the zone."""

from __future__ import annotations

from datetime import date, datetime

from tourplanner.scheduling.snapshot import ItemRec, PlanSnapshot, ProgrammeRec
from tourplanner.timezones import abbreviation, day_offset_label, to_local


def day(instant: datetime, zone: str) -> str:
    """'Tue 21 Apr' in local time."""
    local = to_local(instant, zone)
    return f"{local:%a} {local.day} {local:%b}"


def date_text(value: date) -> str:
    """'Tue 21 Apr' for a calendar date."""
    return f"{value:%a} {value.day} {value:%b}"


def clock(instant: datetime, zone: str) -> str:
    """'09:00' in local time."""
    return f"{to_local(instant, zone):%H:%M}"


def hours(start: datetime, end: datetime, zone: str) -> str:
    """'09:00-10:00 CST', or '22:00-01:00+1 CST' when it ends on a later local day."""
    later = day_offset_label(start, zone, end, zone)
    return f"{clock(start, zone)}-{clock(end, zone)}{later} {abbreviation(start, zone)}"


def moment(instant: datetime, zone: str) -> str:
    """'Tue 21 Apr 09:00 CST'."""
    return f"{day(instant, zone)} {clock(instant, zone)} {abbreviation(instant, zone)}"


def dates(prog: ProgrammeRec) -> str:
    """'20 Apr – 23 Apr 2015'."""
    return f"{prog.start_date.day} {prog.start_date:%b} – {prog.end_date.day} {prog.end_date:%b %Y}"


def place(snapshot: PlanSnapshot, item: ItemRec) -> str:
    """The room, else the venue, else 'no venue'."""
    if item.room_id is not None and item.room_id in snapshot.rooms:
        return snapshot.rooms[item.room_id].name
    if item.venue_id is not None and item.venue_id in snapshot.venues:
        return snapshot.venues[item.venue_id].name
    return "no venue"


def occasion(item: ItemRec, start: datetime, end: datetime, *, also: str = "") -> str:
    """ "'Keynote' (Tue 21 Apr, 09:00-10:00 CST)": an item's title and when (one occurrence)."""
    return f"'{item.title}' ({day(start, item.zone)}, {hours(start, end, item.zone)}{also})"

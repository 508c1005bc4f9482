"""How the checks name places and times in their messages: local time with the zone.

Days and dates through tourplanner.i18n.formats, so they read in the current language.
"""

from __future__ import annotations

from datetime import date, datetime

from tourplanner.i18n import _, formats
from tourplanner.scheduling.snapshot import ItemRec, PlanSnapshot, ProgrammeRec
from tourplanner.timezones import abbreviation, day_offset_label, to_local


def day(instant: datetime, zone: str) -> str:
    """'Tue 21 Apr' (4月21日 周二) in local time."""
    return formats.short_day(to_local(instant, zone).date())


def date_text(value: date) -> str:
    """'Tue 21 Apr' (4月21日 周二) for a calendar date."""
    return formats.short_day(value)


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
    """'20 Apr – 23 Apr 2015' (2015年4月20日至4月23日)."""
    return formats.date_range(prog.start_date, prog.end_date)


def place(snapshot: PlanSnapshot, item: ItemRec) -> str:
    """The room, else the venue, else 'no venue'."""
    if item.room_id is not None and item.room_id in snapshot.rooms:
        return snapshot.rooms[item.room_id].name
    if item.venue_id is not None and item.venue_id in snapshot.venues:
        return snapshot.venues[item.venue_id].name
    return _("no venue")


def occasion(item: ItemRec, start: datetime, end: datetime, *, also: str = "") -> str:
    """ "'Keynote' (Tue 21 Apr, 09:00-10:00 CST)": an item's title and when (one occurrence)."""
    return occasion_of(item.title, item.zone, start, end, also=also)


def occasion_of(title: str, zone: str, start: datetime, end: datetime, *, also: str = "") -> str:
    """`occasion` from plain values (what a `Sentence` keeps to write it later)."""
    return _("'{title}' ({day}, {hours}{also})").format(
        title=title, day=day(start, zone), hours=hours(start, end, zone), also=also
    )

"""Which IANA zone shows the times of a calendar's TZID.

The icalendar library reads every time exactly: with the file's own VTIMEZONE when it has one
(Outlook's 'W. Europe Standard Time' or 'Western/Central Europe', 'CUSTOM_tzid'), else by the
IANA name, the library's Windows-to-IANA table or a vendor prefix it strips
('/freeassociation.sourceforge.net/Europe/Berlin'). Items are kept in an IANA zone, so a zone
defined only by the file is shown in an IANA zone with the same rules: the one its name maps to
through the library's tables, else the programme's, else the first of the others that agrees.
"""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo
from functools import cache, lru_cache
from zoneinfo import ZoneInfo, available_timezones

from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

from tourplanner.errors import TourPlannerError
from tourplanner.timezones import zone

# Weekly samples over the year of the event find different DST dates (the US and the EU
# change weeks apart) without comparing every hour.
_SAMPLES = 53


def zone_for(value: datetime, tzid: str | None, fallback: str) -> tuple[str, str | None]:
    """The IANA zone for an aware time read with `tzid`, and a note when it is not the TZID."""
    tz: tzinfo | None = value.tzinfo
    if isinstance(tz, ZoneInfo) and tz.key != "UTC":
        return tz.key, None
    # (A VTIMEZONE's offsets cost dateutil most of a millisecond each: ask only for UTC.)
    if tz is None or (tzid in (None, "UTC", "Z") and value.utcoffset() == timedelta(0)):
        return fallback, None
    return _defined_zone(tz, tzid, fallback, value.year)


@lru_cache(maxsize=256)  # a calendar's events share a few zones: compare their rules once
def _defined_zone(tz: tzinfo, tzid: str | None, fallback: str, year: int) -> tuple[str, str | None]:
    """The IANA zone with the same rules as a zone the file defines, and the note saying so."""
    named = [n for n in named_candidates(tzid or "") if _is_zone(n)]
    for name in named:
        if same_rules(tz, zone(name), year):
            return name, None if name == tzid else _shown_in(tzid, name)
    if same_rules(tz, zone(fallback), year):
        return fallback, _shown_in(tzid, fallback)
    for name in _iana_names():
        if same_rules(tz, zone(name), year):
            return name, _shown_in(tzid, name)
    return fallback, (
        f"time zone {tzid!r} matches no IANA zone; its times are kept exact and shown in {fallback}"
    )


def named_candidates(tzid: str) -> list[str]:
    """IANA names a TZID may stand for: itself, the library's Windows mapping, and the name
    after a vendor prefix ('/mozilla.org/20070129_1/America/New_York')."""
    names = [tzid, WINDOWS_TO_OLSON.get(tzid, "")]
    parts = [p for p in tzid.split("/") if p]
    names += ["/".join(parts[i:]) for i in range(1, len(parts))]
    return [n for n in dict.fromkeys(names) if n]


def same_rules(one: tzinfo, other: tzinfo, year: int) -> bool:
    """Whether two zones give the same UTC offset at noon of every week of the year."""
    start = datetime(year, 1, 1, 12)
    for week in range(_SAMPLES):
        wall = start + timedelta(days=7 * week)
        if wall.replace(tzinfo=one).utcoffset() != wall.replace(tzinfo=other).utcoffset():
            return False
    return True


def _shown_in(tzid: str | None, name: str) -> str:
    return (
        f"time zone {tzid!r} is defined in the file; its times are exact and shown in "
        f"{name}, which has the same rules"
    )


def _is_zone(name: str) -> bool:
    try:
        zone(name)
    except TourPlannerError:
        return False
    return True


@cache
def _iana_names() -> tuple[str, ...]:
    """Region/City zones, in name order (no 'Etc/' or legacy aliases such as 'CET')."""
    return tuple(
        sorted(
            n for n in available_timezones() if "/" in n and not n.startswith(("Etc/", "SystemV/"))
        )
    )

"""Time zones: instants are stored in UTC and shown in the local time of where they happen."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from tourplanner.errors import ValidationError
from tourplanner.i18n import _

UTC = UTC


@lru_cache(maxsize=512)
def zone(name: str, *, field: str = "time zone") -> ZoneInfo:
    """Return the IANA zone called `name`, or raise a ValidationError naming `field`."""
    if not name or not isinstance(name, str) or name != name.strip():
        raise ValidationError(
            field, _("{name!r} is not a time zone: choose one from the list").format(name=name)
        )
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, IsADirectoryError) as exc:
        raise ValidationError(field, _unknown_zone(name)) from exc


def _unknown_zone(name: str) -> str:
    """Why a name is not a zone, in a coordinator's words: a city's zone if it names one."""
    from tourplanner.places import find_cities  # the airports' cities, read on first need

    city = next((c for c in find_cities(name) if c.name.casefold() == name.casefold()), None)
    if city is not None:
        return _("{name!r} is not a known time zone: {city} keeps {zone} time").format(
            name=name, city=city.label, zone=city.zone
        )
    return _(
        "{name!r} is not a known time zone: choose one from the list (type a city, e.g. Beijing)"
    ).format(name=name)


@lru_cache(maxsize=1)
def all_zone_names() -> tuple[str, ...]:
    """All IANA zone names, sorted, for pickers."""
    return tuple(sorted(n for n in available_timezones() if "/" in n or n == "UTC"))


def to_utc(local: datetime, zone_name: str) -> datetime:
    """Convert a wall-clock time at `zone_name` (naive or aware) to an aware UTC instant."""
    if local.tzinfo is None:
        local = local.replace(tzinfo=zone(zone_name))
    return local.astimezone(UTC)


def to_local(instant: datetime, zone_name: str) -> datetime:
    """Convert an instant (aware, or naive meaning UTC) to aware local time at `zone_name`."""
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=UTC)
    return instant.astimezone(zone(zone_name))


def local_day_bounds(day: date, zone_name: str) -> tuple[datetime, datetime]:
    """The UTC instants at which local `day` starts and ends at `zone_name` (DST-aware)."""
    start = to_utc(datetime.combine(day, time.min), zone_name)
    end = to_utc(datetime.combine(day + timedelta(days=1), time.min), zone_name)
    return start, end


def abbreviation(instant: datetime, zone_name: str) -> str:
    """The zone's abbreviation at that instant ('CST', 'EDT'), or its UTC offset if it has none."""
    local = to_local(instant, zone_name)
    abbr = local.tzname() or ""
    return abbr if abbr and abbr[0].isalpha() else utc_offset_label(instant, zone_name)


def utc_offset_label(instant: datetime, zone_name: str) -> str:
    """'UTC+8', 'UTC-4', 'UTC+5:30' for the zone at that instant."""
    offset = to_local(instant, zone_name).utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hours, mins = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{mins:02d}" if mins else "")


def format_time(instant: datetime, zone_name: str) -> str:
    """'09:00 CST': the local clock time with the zone's abbreviation."""
    return f"{to_local(instant, zone_name):%H:%M} {abbreviation(instant, zone_name)}"


def format_datetime(instant: datetime, zone_name: str) -> str:
    """'Tue 21 Apr 2015 09:00 CST' ('2015年4月21日 星期二 09:00 CST'), in the current language."""
    from tourplanner.i18n import formats

    local = to_local(instant, zone_name)
    return f"{formats.day_and_clock(local)} {abbreviation(instant, zone_name)}"


def day_offset(start: datetime, start_zone: str, end: datetime, end_zone: str) -> int:
    """How many calendar days the local end date is after the local start date (the '+2')."""
    return (to_local(end, end_zone).date() - to_local(start, start_zone).date()).days


def day_offset_label(start: datetime, start_zone: str, end: datetime, end_zone: str) -> str:
    """'+1', '+2', '-1' or '' when both ends fall on the same local date."""
    days = day_offset(start, start_zone, end, end_zone)
    return f"{days:+d}" if days else ""

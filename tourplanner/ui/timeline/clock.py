"""Local minutes of a day: where an instant falls on the timeline of the day it is listed under."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta, tzinfo

from tourplanner.services.views import DayItem
from tourplanner.timezones import local_day_bounds, to_local, zone


def local_minutes(instant: datetime, tz: tzinfo, day: date) -> int:
    """Minutes from local midnight of `day` to `instant` (more than 1440 on the next day)."""
    local = instant.astimezone(tz)
    return (local.date() - day).days * 1440 + local.hour * 60 + local.minute


def local_day(view: DayItem) -> date:
    """The local date an occurrence starts on, in its own zone (the day it is listed under)."""
    return to_local(view.start_utc, view.timezone).date()


def day_clock(day: date, zone_name: str) -> Callable[[datetime], int]:
    """`local_minutes` for one zone and day; a mere subtraction when the day has no DST change."""
    tz = zone(zone_name)
    midnight, next_midnight = local_day_bounds(day, zone_name)
    if next_midnight - midnight == timedelta(days=1) and (
        midnight.astimezone(tz).utcoffset() == next_midnight.astimezone(tz).utcoffset()
    ):
        return lambda instant: int((instant - midnight).total_seconds()) // 60
    return lambda instant: local_minutes(instant, tz, day)

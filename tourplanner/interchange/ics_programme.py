"""A programme made for a calendar on import: its dates are the days the events fall on.

The zone is the one asked for, else the calendar's own (X-WR-TIMEZONE, as Google and Apple
write it), else the zone of its first event with an IANA zone, else the plan's home zone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

from icalendar import Calendar
from sqlalchemy import select
from sqlalchemy.orm import Session

from tourplanner.errors import TourPlannerError
from tourplanner.i18n import _
from tourplanner.models import Plan
from tourplanner.services import programmes
from tourplanner.timezones import to_local, zone


@dataclass(frozen=True)
class NewProgramme:
    """What the user said about the programme to make (empty: found from the calendar)."""

    title: str
    kind: str = "visit"
    timezone: str = ""


def create_for_calendar(session: Session, calendars: list[Calendar], new: NewProgramme) -> int:
    """Create the programme over the calendar's days; returns its id."""
    zone_name = new.timezone or calendar_zone(calendars) or _home_zone(session)
    days = event_days(calendars, zone_name)
    if not days:
        raise TourPlannerError(_("the calendar has no dated events to make a programme from"))
    return programmes.create_programme(
        session,
        title_en=new.title,
        kind=new.kind,
        start_date=min(days),
        end_date=max(days),
        timezone=zone_name,
    )


def calendar_zone(calendars: list[Calendar]) -> str:
    """The calendar's own zone (X-WR-TIMEZONE), else its first event's IANA zone, else ''."""
    for cal in calendars:
        name = str(cal.get("X-WR-TIMEZONE", "")).strip()
        if name and _known(name):
            return name
    for cal in calendars:
        for event in cal.walk("VEVENT"):
            tz = _start_zone(event)
            if isinstance(tz, ZoneInfo) and tz.key != "UTC":
                return tz.key
    return ""


def event_days(calendars: list[Calendar], zone_name: str) -> list[date]:
    """The local first and last day of every event that can be read (the others are left to
    the import to report), with extra dates and a repeat rule's UNTIL."""
    days: list[date] = []
    for cal in calendars:
        for event in cal.walk("VEVENT"):
            try:
                days += _days(event, zone_name)
            except Exception:  # a broken event is the import's to name; it adds no days here
                continue
    return days


def _days(event: Any, zone_name: str) -> list[date]:
    start = event["DTSTART"].dt
    values = [start]
    end = None
    if event.get("DTEND") is not None:
        end = event["DTEND"].dt
    elif event.get("DURATION") is not None:
        end = start + event["DURATION"].dt
    if end is not None and end != start:
        # An all-day end is the day after the last; a timed one ending at midnight likewise.
        values.append(
            end - timedelta(microseconds=1)
            if isinstance(end, datetime)
            else end - timedelta(days=1)
        )
    for group in _listed(event.get("RDATE")):
        values += [d.dt[0] if isinstance(d.dt, tuple) else d.dt for d in group.dts]
    until = event.get("RRULE", {}).get("UNTIL") if event.get("RRULE") is not None else None
    if until:
        values.append(until[0] if isinstance(until, list) else until)
    return [_local_day(v, zone_name) for v in values]


def _listed(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _local_day(value: date, zone_name: str) -> date:
    if isinstance(value, datetime):
        if value.tzinfo is None:
            return value.date()
        return to_local(value, zone_name).date()
    return value


def _start_zone(event: Any) -> tzinfo | None:
    try:
        value = event["DTSTART"].dt
    except Exception:  # an unreadable start tells no zone
        return None
    return value.tzinfo if isinstance(value, datetime) else None


def _known(name: str) -> bool:
    try:
        zone(name)
    except TourPlannerError:
        return False
    return True


def _home_zone(session: Session) -> str:
    plan = session.scalar(select(Plan).limit(1))
    return plan.home_timezone if plan else "UTC"

"""Export items and travel to iCalendar (.ics): a person's itinerary, a programme, or the plan.

Each item is one VEVENT (a recurring item keeps its RRULE, RDATEs and EXDATEs) in its own zone with a
matching VTIMEZONE, a stable UID (the item's uid) and SEQUENCE (the item's edit count), so a
calendar client updates the events it already has when the file is imported again. Travel segments
are events too, departure and arrival each in their own zone. X-TOURPLANNER-* properties carry
what iCalendar has no place for, so an exported file imports back into the same items.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from icalendar import Calendar, Event, vRecur, vText
from sqlalchemy.orm import Session

from tourplanner import __version__
from tourplanner.enums import ParticipationRole, TravelKind, label
from tourplanner.errors import ValidationError
from tourplanner.files import write_bytes
from tourplanner.i18n import _
from tourplanner.models import Item, Person, Programme, Traveller
from tourplanner.scheduling.recurrence import parse_exdates, parse_rdates
from tourplanner.services.common import fetch
from tourplanner.services.itinerary import load_items, names_by_item, person_itinerary
from tourplanner.services.travel import travel_of_person
from tourplanner.timezones import day_offset_label, format_datetime, to_local, to_utc, zone

PRODID = f"-//TourPlanner//TourPlanner {__version__}//EN"
STATUS = {"confirmed": "CONFIRMED", "tentative": "TENTATIVE", "cancelled": "CANCELLED"}


def location_text(item: Item) -> str:
    """'Room, Venue, address / 中文名，中文地址': where it happens, in both languages."""
    venue = item.venue
    english = [item.room.name if item.room else ""]
    local = [item.room.name_local if item.room else ""]
    if venue:
        english += [venue.name_en, venue.address_en]
        local += [venue.name_local, venue.address_local]
    first = ", ".join(p for p in english if p)
    second = "，".join(p for p in local if p)
    return " / ".join(p for p in (first, second) if p)


def item_event(item: Item, names: dict[str, list[str]], stamp: datetime) -> Event:
    """The VEVENT of one item (all its occurrences)."""
    event = Event()
    event.add("uid", item.uid)
    event.add("dtstamp", stamp)
    event.add("sequence", item.sequence or 0)
    title = item.title_en + (f" · {item.title_local}" if item.title_local else "")
    event.add("summary", title)
    event.add("dtstart", to_local(item.start_utc, item.timezone))
    event.add("dtend", to_local(item.end_utc, item.timezone))
    if item.recurrence.strip():
        body = item.recurrence.strip()
        body = body[6:] if body.upper().startswith("RRULE:") else body
        rule = vRecur.from_ical(body)
        until = rule.get("UNTIL")
        value = until[0] if isinstance(until, list) and until else until
        if isinstance(value, datetime) and value.tzinfo is None:
            # RFC 5545: with a TZID start, UNTIL must be in UTC; items keep it as wall clock.
            rule["UNTIL"] = [to_utc(value, item.timezone)]
        event.add("rrule", rule)
    if item.rdates.strip():
        tz = zone(item.timezone)
        event.add("rdate", [d.replace(tzinfo=tz) for d in parse_rdates(item.rdates)])
    if (item.recurrence.strip() or item.rdates.strip()) and item.exdates.strip():
        tz = zone(item.timezone)
        event.add("exdate", [d.replace(tzinfo=tz) for d in parse_exdates(item.exdates)])
    location = location_text(item)
    if location:
        event.add("location", location)
    venue = item.venue
    if venue and venue.latitude is not None and venue.longitude is not None:
        event.add("geo", (venue.latitude, venue.longitude))
    lines = [item.description] if item.description else []
    if item.title_local:
        lines.append(item.title_local)
    for role, heading in (
        (ParticipationRole.SPEAKING, "Speakers"),
        (ParticipationRole.CHAIRING, "Chair"),
    ):
        if names.get(role):
            lines.append(f"{heading}: {', '.join(names[role])}")
    if item.track:
        lines.append(f"Track: {item.track}")
    if item.language:
        lines.append(f"Language: {item.language}")
    lines.append(f"Programme: {item.programme.title_en}")
    event.add("description", "\n".join(lines))
    event.add("status", STATUS.get(item.status, "CONFIRMED"))
    event.add("categories", [label(item.kind)])
    # Exact values for a TourPlanner import of this file; other clients ignore X- properties.
    extras = {
        "X-TOURPLANNER-TITLE-EN": item.title_en,
        "X-TOURPLANNER-TITLE-LOCAL": item.title_local,
        "X-TOURPLANNER-KIND": item.kind,
        "X-TOURPLANNER-DESCRIPTION": item.description,
        "X-TOURPLANNER-TRACK": item.track,
        "X-TOURPLANNER-LANGUAGE": item.language,
        "X-TOURPLANNER-VENUE": venue.name_en if venue else "",
        "X-TOURPLANNER-ROOM": item.room.name if item.room else "",
    }
    for key, value in extras.items():
        if value:
            event.add(key, vText(value))
    return event


def travel_event(seg: Traveller, stamp: datetime) -> Event:
    """One person's VEVENT of a flight, train, road transfer or stay, each end in its own zone."""
    event = Event()
    event.add("uid", seg.uid)
    event.add("dtstamp", stamp)
    event.add("sequence", 0)
    code = " ".join(p for p in (seg.carrier, seg.number) if p)
    route = " → ".join(p for p in (seg.from_place, seg.to_place) if p)
    if seg.kind == TravelKind.HOTEL:
        hotel = seg.venue.name_en if seg.venue else seg.to_place
        summary = f"Hotel: {hotel}"
    elif seg.kind == TravelKind.ROAD:
        summary = "Transfer" + (f" ({code})" if code else "") + (f": {route}" if route else "")
    else:
        summary = f"{label(seg.kind)} {code}".strip() + (f": {route}" if route else "")
    event.add("summary", summary)
    event.add("dtstart", to_local(seg.start_utc, seg.start_timezone))
    event.add("dtend", to_local(seg.end_utc, seg.end_timezone))
    if seg.venue:
        venue = seg.venue
        parts = [", ".join(p for p in (venue.name_en, venue.address_en) if p)]
        parts.append("，".join(p for p in (venue.name_local, venue.address_local) if p))
        event.add("location", " / ".join(p for p in parts if p))
    elif seg.from_place:
        event.add("location", seg.from_place)
    # Calendar apps show times in the device's zone; say the local times at each end too.
    offset = day_offset_label(seg.start_utc, seg.start_timezone, seg.end_utc, seg.end_timezone)
    first, second = (
        ("Check-in", "Check-out") if seg.kind == TravelKind.HOTEL else ("Departs", "Arrives")
    )
    lines = [
        f"{first}: {format_datetime(seg.start_utc, seg.start_timezone)}"
        + (f" ({seg.from_place})" if seg.from_place and seg.kind != TravelKind.HOTEL else ""),
        f"{second}: {format_datetime(seg.end_utc, seg.end_timezone)}"
        + (f" {offset}" if offset else "")
        + (f" ({seg.to_place})" if seg.to_place and seg.kind != TravelKind.HOTEL else ""),
    ]
    if seg.seat:
        lines.append(f"Seat: {seg.seat}")
    if seg.confirmation_code:
        lines.append(f"Confirmation: {seg.confirmation_code}")
    if seg.status != "confirmed":
        lines.append(f"Status: {seg.status}")
    lines.extend(p for p in (seg.journey_notes, seg.notes) if p)
    event.add("description", "\n".join(lines))
    event.add("categories", [label(seg.kind)])
    event.add("X-TOURPLANNER-KIND", f"travel:{seg.kind}")
    return event


def build_calendar(
    session: Session,
    items: list[Item],
    travel: list[Traveller] = (),  # type: ignore[assignment]
    *,
    name: str = "TourPlanner",
    stamp: datetime | None = None,
) -> Calendar:
    """A VCALENDAR of these items and travel segments, with the VTIMEZONEs they use."""
    stamp = stamp or datetime.now(UTC).replace(microsecond=0)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    names = names_by_item(session, [i.id for i in items])
    for item in items:
        calendar.add_component(item_event(item, names.get(item.id, {}), stamp))
    for seg in travel:
        calendar.add_component(travel_event(seg, stamp))
    instants = [i.start_utc for i in items] + [s.start_utc for s in travel]
    ends = [i.end_utc for i in items] + [s.end_utc for s in travel]
    ends += [datetime.combine(i.programme.end_date, datetime.min.time(), UTC) for i in items]
    if instants:
        # VTIMEZONE rules only need to cover the calendar's span (with room for recurrences).
        first = min(instants).date() - timedelta(days=1)
        last = max(ends).date() + timedelta(days=400)
        calendar.add_missing_timezones(
            first_date=first, last_date=max(last, first + timedelta(days=2))
        )
    return calendar


def ics_bytes(
    session: Session, *, person_id: int | None = None, programme_id: int | None = None
) -> tuple[bytes, int]:
    """The .ics of a person's itinerary, a programme (a tour), or the whole plan; and its events."""
    if person_id is not None and programme_id is not None:
        raise ValidationError("calendar", _("choose a person or a programme, not both"))
    travel: list[Traveller] = []
    if person_id is not None:
        person = fetch(session, Person, person_id, "person")
        itinerary = person_itinerary(session, person_id, include_cancelled=True)
        ids = list(dict.fromkeys(v.id for v in itinerary.items))
        items = load_items(session, Item.id.in_(ids)) if ids else []
        travel = travel_of_person(session, person_id)
        name = f"Itinerary — {person.display_name}"
    elif programme_id is not None:
        programme = fetch(session, Programme, programme_id, "programme")
        items = load_items(session, Item.programme_id == programme_id)
        name = programme.title_en
    else:
        items = load_items(session, Item.id.is_not(None))
        name = "TourPlanner plan"
    calendar = build_calendar(session, items, travel, name=name)
    return calendar.to_ical(), len(items) + len(travel)


def export_ics(
    session: Session,
    path: Path | str,
    *,
    person_id: int | None = None,
    programme_id: int | None = None,
) -> int:
    """Write the .ics file; returns the number of events."""
    data, count = ics_bytes(session, person_id=person_id, programme_id=programme_id)
    write_bytes(path, data)  # atomic: a failed write leaves the old file as it was
    return count

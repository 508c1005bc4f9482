"""Read a c3voc conference schedule (schedule.xml or schedule.json from pretalx/frab/osem).

Only reading: the bytes become a `Schedule` of plain events, with times read with their UTC
offset or at the conference's time zone; `FileFormatError` names what is wrong and where.
`schedule_import` writes a schedule into a plan.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any
from xml.etree.ElementTree import Element

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from tourplanner.errors import TourPlannerError
from tourplanner.i18n import _
from tourplanner.interchange.report import FileFormatError
from tourplanner.printable import is_printable, outside_sentence
from tourplanner.timezones import to_utc, zone

MAX_BYTES = 50 * 1024 * 1024
MAX_EVENTS = 50_000
_DURATION = re.compile(r"^(\d{1,3}):(\d{2})(?::(\d{2}))?$")
_START = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?$")


@dataclass
class ScheduleEvent:
    where: str
    guid: str
    title: str
    start: datetime  # aware
    end: datetime  # aware
    room: str
    subtitle: str = ""
    type: str = ""
    track: str = ""
    language: str = ""
    abstract: str = ""
    persons: list[str] = field(default_factory=list)


@dataclass
class Schedule:
    title: str
    acronym: str
    timezone: str
    start: date | None
    end: date | None
    events: list[ScheduleEvent]
    notes: list[str] = field(default_factory=list)
    # Events that cannot be read, (where, why), kept only when reading with `skip_invalid`.
    unread: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class _Reading:
    """What every event of one reading shares: the zone, the day change, what to do on error."""

    tz: str
    day_change: timedelta = timedelta(0)
    skip_invalid: bool = False
    unread: list[tuple[str, str]] = field(default_factory=list)


def read_schedule(data: bytes, *, home_zone: str = "UTC", skip_invalid: bool = False) -> Schedule:
    """Parse schedule.xml or schedule.json bytes (recognised by content).

    An event that cannot be read refuses the file, or with `skip_invalid` is listed in
    `Schedule.unread` and left out.
    """
    if len(data) > MAX_BYTES:
        raise FileFormatError(
            _("the file is larger than {value} MB").format(value=MAX_BYTES // (1024 * 1024))
        )
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if head == b"<":
        return parse_xml(data, home_zone, skip_invalid=skip_invalid)
    if head in (b"{", b"["):
        return parse_json(data, home_zone, skip_invalid=skip_invalid)
    raise FileFormatError(_("not a schedule.xml or schedule.json file"))


# -- schedule.json ----------------------------------------------------------------------------


def parse_json(data: bytes, home_zone: str, *, skip_invalid: bool = False) -> Schedule:
    """A schedule from schedule.json bytes; FileFormatError names what is wrong and where."""
    conf = _json_conference(data)
    notes: list[str] = []
    tz = _zone_or(_text(conf.get("time_zone_name")), home_zone, notes)
    days = conf.get("days")
    if not isinstance(days, list):
        raise FileFormatError(_("schedule.conference.days is missing or not a list"))
    change = _day_change(conf.get("day_change"), notes)
    reading = _Reading(tz, change, skip_invalid)
    return _schedule(conf.get, reading, _json_events(days, reading), notes)


def _json_conference(data: bytes) -> dict[str, Any]:
    """The document's schedule.conference object."""
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise FileFormatError(_("schedule.json is not UTF-8 text")) from exc
    except json.JSONDecodeError as exc:
        raise FileFormatError(
            _("line {lineno}, column {colno}: not valid JSON ({msg})").format(
                lineno=exc.lineno, colno=exc.colno, msg=exc.msg
            )
        ) from exc
    except RecursionError as exc:
        raise FileFormatError(_("the JSON is nested too deeply")) from exc
    conf = (
        doc.get("schedule", {}).get("conference")
        if isinstance(doc, dict) and isinstance(doc.get("schedule"), dict)
        else None
    )
    if not isinstance(conf, dict):
        raise FileFormatError(_("not a c3voc schedule: no schedule.conference object"))
    return conf


def _json_events(days: list[Any], reading: _Reading) -> list[ScheduleEvent]:
    """Every event of every room of every day, named by where it is in the document."""
    events: list[ScheduleEvent] = []
    for d_index, day in enumerate(days):
        if not isinstance(day, dict) or not isinstance(day.get("rooms", {}), dict):
            raise FileFormatError(
                _("days[{d_index}] is not a day with rooms").format(d_index=d_index)
            )
        for room_name, room_events in day.get("rooms", {}).items():
            if not isinstance(room_events, list):
                raise FileFormatError(
                    _("days[{d_index}].rooms[{room_name!r}] is not a list of events").format(
                        d_index=d_index, room_name=room_name
                    )
                )
            for e_index, ev in enumerate(room_events):
                where = f"days[{d_index}].rooms[{room_name!r}][{e_index}]"
                if not isinstance(ev, dict):
                    raise FileFormatError(_("{where} is not an event object").format(where=where))
                day_date = _text(day.get("date"))
                _append(events, _read_event(where, ev, day_date, str(room_name), reading))
    return events


# -- schedule.xml -----------------------------------------------------------------------------


def parse_xml(data: bytes, home_zone: str, *, skip_invalid: bool = False) -> Schedule:
    """A schedule from schedule.xml bytes (parsed with defusedxml: no entities, no DTDs)."""
    conf, root = _xml_conference(data)
    notes: list[str] = []
    tz = _zone_or(_text(conf.findtext("time_zone_name")), home_zone, notes)
    change = _day_change(conf.findtext("day_change"), notes)
    reading = _Reading(tz, change, skip_invalid)
    return _schedule(conf.findtext, reading, _xml_events(root, reading), notes)


def _xml_conference(data: bytes) -> tuple[Element, Element]:
    """The <conference> element and the <schedule> root."""
    try:
        root = SafeET.fromstring(data, forbid_dtd=True)
    except SafeET.ParseError as exc:
        line, column = getattr(exc, "position", (0, 0))
        raise FileFormatError(
            _("line {line}, column {value}: not well-formed XML").format(
                line=line, value=column + 1
            )
        ) from exc
    except DefusedXmlException as exc:
        raise FileFormatError(
            _("refusing XML with a DTD or entities ({name})").format(name=exc.__class__.__name__)
        ) from exc
    if root.tag != "schedule":
        raise FileFormatError(
            _("not a c3voc schedule: the root element is <{tag}>, not <schedule>").format(
                tag=root.tag
            )
        )
    conf = root.find("conference")
    if conf is None:
        raise FileFormatError(_("not a c3voc schedule: no <conference> element"))
    return conf, root


def _xml_events(root: Element, reading: _Reading) -> list[ScheduleEvent]:
    """Every <event> of every <room> of every <day>, with its children as fields."""
    events: list[ScheduleEvent] = []
    for d_index, day in enumerate(root.findall("day"), start=1):
        for room in day.findall("room"):
            for e_index, ev in enumerate(room.findall("event"), start=1):
                where = f"day {d_index}, room {room.get('name', '')!r}, event {e_index}"
                fields: dict[str, Any] = {
                    child.tag: child.text
                    for child in ev
                    if child.tag not in ("persons", "links", "attachments")
                }
                fields["guid"] = ev.get("guid")
                fields["id"] = ev.get("id")
                fields["persons"] = [_text(p.text) for p in ev.iterfind("persons/person")]
                day_date, room_name = day.get("date", ""), room.get("name", "")
                _append(events, _read_event(where, fields, day_date, room_name, reading))
    return events


# -- both -------------------------------------------------------------------------------------


def _schedule(
    conference: Callable[[str], object],
    reading: _Reading,
    events: list[ScheduleEvent],
    notes: list[str],
) -> Schedule:
    """The schedule, with the conference's title, acronym and dates read by `conference`."""
    return Schedule(
        _text(conference("title")),
        _text(conference("acronym")),
        reading.tz,
        _date_or_none(conference("start")),
        _date_or_none(conference("end")),
        events,
        notes,
        reading.unread,
    )


def _day_change(value: object, notes: list[str]) -> timedelta:
    """The conference's day change ('04:00'): a time before it belongs to the next date."""
    text = _text(value)
    match = _START.match(text)
    if not text:
        return timedelta(0)
    if not match or int(match[1]) > 23:
        notes.append(f"day change {text!r} is not a time like 04:00; midnight is used")
        return timedelta(0)
    return timedelta(hours=int(match[1]), minutes=int(match[2]))


def _read_event(
    where: str, ev: dict[str, Any], day: str, room: str, reading: _Reading
) -> ScheduleEvent | None:
    """The event, or None (listed as unread) when it cannot be read and may be skipped."""
    try:
        return _event(where, ev, day, room, reading)
    except FileFormatError as exc:
        if not reading.skip_invalid:
            raise
        reading.unread.append((where, str(exc).removeprefix(f"{where}: ")))
        return None


def _append(events: list[ScheduleEvent], event: ScheduleEvent | None) -> None:
    if event is None:
        return
    events.append(event)
    if len(events) > MAX_EVENTS:
        raise FileFormatError(_("more than {max_events} events").format(max_events=MAX_EVENTS))


def _event(where: str, ev: dict[str, Any], day: str, room: str, reading: _Reading) -> ScheduleEvent:
    """One event from its fields (JSON keys or XML child elements)."""
    start, end = _when(where, ev, day, reading)
    title = _text(ev.get("title"))
    guid = _text(ev.get("guid")) or str(
        uuid.uuid5(
            uuid.NAMESPACE_URL, f"schedule:{_text(ev.get('id'))}:{title}:{start.isoformat()}"
        )
    )
    return ScheduleEvent(
        where=where,
        guid=guid,
        title=title,
        start=start,
        end=end,
        room=_text(ev.get("room")) or room,
        subtitle=_text(ev.get("subtitle")),
        type=_text(ev.get("type")),
        track=_text(ev.get("track")),
        language=_text(ev.get("language")),
        abstract="\n\n".join(
            p for p in (_text(ev.get("abstract")), _text(ev.get("description"))) if p
        ),
        persons=_persons(ev.get("persons")),
    )


def _when(where: str, ev: dict[str, Any], day: str, reading: _Reading) -> tuple[datetime, datetime]:
    """Start and end: a full date-time, else the day and a start time; an end, else a duration."""
    date_text, start_text = _text(ev.get("date")), _text(ev.get("start"))
    tz = reading.tz
    if date_text:
        start = _instant(where, "date", date_text, tz)
    elif day and start_text:
        start = _day_and_clock(where, day, start_text, reading)
    else:
        raise FileFormatError(_("{where}: the event has no date").format(where=where))
    end_text = _text(ev.get("end"))
    if end_text:
        return start, _instant(where, "end", end_text, tz)
    return start, start + _duration(where, _text(ev.get("duration")))


def _instant(where: str, what: str, text: str, tz: str) -> datetime:
    """An ISO date-time ('Z' for UTC); one without an offset is read at the conference's zone."""
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as exc:
        raise FileFormatError(
            _("{where}: {what} {text!r} is not a date-time").format(
                where=where, what=what, text=text
            )
        ) from exc
    _printable(where, value)
    return to_utc(value, tz) if value.tzinfo is None else value


def _day_and_clock(where: str, day: str, start_text: str, reading: _Reading) -> datetime:
    """A day ('2015-04-21') and a local start time ('09:30') at the conference's zone; a time
    before the conference's day change (a 01:00 talk of a day that changes at 04:00) is the
    next date's."""
    match = _START.match(start_text)
    try:
        day_value = date.fromisoformat(day)
    except ValueError as exc:
        raise FileFormatError(
            _("{where}: day {day!r} is not a date").format(where=where, day=day)
        ) from exc
    _printable(where, day_value)
    if not match:
        raise FileFormatError(
            _("{where}: start {start_text!r} is not a time like 09:30").format(
                where=where, start_text=start_text
            )
        )
    clock = timedelta(hours=int(match[1]), minutes=int(match[2]))
    if clock < reading.day_change:
        clock += timedelta(days=1)
    return to_utc(datetime(day_value.year, day_value.month, day_value.day) + clock, reading.tz)


def _printable(where: str, value: date) -> None:
    """Refuse a date the app cannot print or compute with (year 1, 9999-12-31), naming the row."""
    if not is_printable(value):
        raise FileFormatError(f"{where}: {outside_sentence(value)}")


def _duration(where: str, text: str) -> timedelta:
    match = _DURATION.match(text or "")
    if not match:
        raise FileFormatError(
            _("{where}: duration {text!r} is not like 01:30").format(where=where, text=text)
        )
    return timedelta(hours=int(match[1]), minutes=int(match[2]), seconds=int(match[3] or 0))


def _persons(values: object) -> list[str]:
    names = []
    for person in values if isinstance(values, list) else []:
        if isinstance(person, dict):
            name = _text(person.get("name") or person.get("public_name") or person.get("full_name"))
        else:
            name = _text(person)
        if name:
            names.append(name)
    return names


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def _zone_or(name: str, fallback: str, notes: list[str]) -> str:
    if name:
        try:
            zone(name)
            return name
        except TourPlannerError:
            notes.append(f"time zone {name!r} is not known; {fallback} is used")
    return fallback


def _date_or_none(value: object) -> date | None:
    text = _text(value)[:10]
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None

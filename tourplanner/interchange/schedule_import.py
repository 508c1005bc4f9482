"""Import a c3voc conference schedule (schedule.xml or schedule.json from pretalx/frab/osem).

The conference becomes a programme (or fills the one named), its rooms become rooms of a venue,
its events become items (type -> kind, track, language, abstract, subtitle as the local title)
with their persons booked as speakers. Times are read with their UTC offset, or at the
conference's time zone. Events whose guid is already an item of the programme update that item,
so importing a newer schedule does not duplicate it. All-or-nothing, in the caller's transaction.
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from tourplanner.errors import NotFoundError, TourPlannerError
from tourplanner.interchange.report import FileFormatError, ImportRefused, ImportReport, span_text
from tourplanner.models import Item, Person, Plan, Programme, Room, Venue
from tourplanner.models.enums import ItemKind, ParticipationRole
from tourplanner.printable import is_printable, outside_sentence
from tourplanner.services import items as items_service
from tourplanner.services import participations, people, programmes, venues
from tourplanner.timezones import to_local, to_utc, zone

MAX_BYTES = 50 * 1024 * 1024
MAX_EVENTS = 50_000
_DURATION = re.compile(r"^(\d{1,3}):(\d{2})(?::(\d{2}))?$")
_START = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?$")
TYPE_WORDS: dict[str, str] = {
    **{k.value: k.value for k in ItemKind},
    **{k.value.replace("_", " "): k.value for k in ItemKind},
    "talk": "session",
    "lecture": "session",
    "presentation": "session",
    "lightning talk": "session",
    "lightningtalk": "session",
    "contribution": "session",
    "paper": "session",
    "meeting": "session",
    "hands-on": "workshop",
    "tutorial": "workshop",
    "training": "workshop",
    "course": "workshop",
    "discussion": "panel",
    "podium": "panel",
    "roundtable": "panel",
    "round table": "panel",
    "opening": "ceremony",
    "closing": "ceremony",
    "signing": "ceremony",
    "lunch": "meal",
    "dinner": "meal",
    "breakfast": "meal",
    "banquet": "meal",
    "break": "meal",
    "coffee break": "meal",
    "party": "reception",
    "social": "reception",
    "excursion": "site_visit",
    "tour": "site_visit",
    "visit": "site_visit",
    "transport": "transfer",
    "shuttle": "transfer",
}


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


def _printable(where: str, value: date) -> None:
    if not is_printable(value):
        raise FileFormatError(f"{where}: {outside_sentence(value)}")


def _parse_when(
    where: str, date_text: str, start_text: str, day: str, duration: str, end_text: str, tz: str
) -> tuple[datetime, datetime]:
    start: datetime | None = None
    if date_text:
        try:
            start = datetime.fromisoformat(date_text.replace("Z", "+00:00"))
        except ValueError as exc:
            raise FileFormatError(f"{where}: date {date_text!r} is not a date-time") from exc
        _printable(where, start)
        if start.tzinfo is None:
            start = to_utc(start, tz)
    elif day and start_text:
        match = _START.match(start_text)
        try:
            day_value = date.fromisoformat(day)
        except ValueError as exc:
            raise FileFormatError(f"{where}: day {day!r} is not a date") from exc
        _printable(where, day_value)
        if not match:
            raise FileFormatError(f"{where}: start {start_text!r} is not a time like 09:30")
        hour, minute = int(match[1]), int(match[2])
        start = to_utc(
            datetime(day_value.year, day_value.month, day_value.day)
            + timedelta(hours=hour, minutes=minute),
            tz,
        )
    if start is None:
        raise FileFormatError(f"{where}: the event has no date")
    if end_text:
        try:
            end = datetime.fromisoformat(end_text.replace("Z", "+00:00"))
        except ValueError as exc:
            raise FileFormatError(f"{where}: end {end_text!r} is not a date-time") from exc
        _printable(where, end)
        if end.tzinfo is None:
            end = to_utc(end, tz)
        return start, end
    match = _DURATION.match(duration or "")
    if not match:
        raise FileFormatError(f"{where}: duration {duration!r} is not like 01:30")
    length = timedelta(hours=int(match[1]), minutes=int(match[2]), seconds=int(match[3] or 0))
    return start, start + length


def parse_json(data: bytes, home_zone: str) -> Schedule:
    """A schedule from schedule.json bytes; FileFormatError names what is wrong and where."""
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise FileFormatError("schedule.json is not UTF-8 text") from exc
    except json.JSONDecodeError as exc:
        raise FileFormatError(
            f"line {exc.lineno}, column {exc.colno}: not valid JSON ({exc.msg})"
        ) from exc
    except RecursionError as exc:
        raise FileFormatError("the JSON is nested too deeply") from exc
    conf = (
        doc.get("schedule", {}).get("conference")
        if isinstance(doc, dict) and isinstance(doc.get("schedule"), dict)
        else None
    )
    if not isinstance(conf, dict):
        raise FileFormatError("not a c3voc schedule: no schedule.conference object")
    notes: list[str] = []
    tz = _zone_or(_text(conf.get("time_zone_name")), home_zone, notes)
    days = conf.get("days")
    if not isinstance(days, list):
        raise FileFormatError("schedule.conference.days is missing or not a list")
    events: list[ScheduleEvent] = []
    for d_index, day in enumerate(days):
        if not isinstance(day, dict) or not isinstance(day.get("rooms", {}), dict):
            raise FileFormatError(f"days[{d_index}] is not a day with rooms")
        for room_name, room_events in day.get("rooms", {}).items():
            if not isinstance(room_events, list):
                raise FileFormatError(
                    f"days[{d_index}].rooms[{room_name!r}] is not a list of events"
                )
            for e_index, ev in enumerate(room_events):
                where = f"days[{d_index}].rooms[{room_name!r}][{e_index}]"
                if not isinstance(ev, dict):
                    raise FileFormatError(f"{where} is not an event object")
                events.append(_event(where, ev, _text(day.get("date")), str(room_name), tz))
                if len(events) > MAX_EVENTS:
                    raise FileFormatError(f"more than {MAX_EVENTS} events")
    return Schedule(
        _text(conf.get("title")),
        _text(conf.get("acronym")),
        tz,
        _date_or_none(conf.get("start")),
        _date_or_none(conf.get("end")),
        events,
        notes,
    )


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


def _event(where: str, ev: dict[str, Any], day: str, room: str, tz: str) -> ScheduleEvent:
    start, end = _parse_when(
        where,
        _text(ev.get("date")),
        _text(ev.get("start")),
        day,
        _text(ev.get("duration")),
        _text(ev.get("end")),
        tz,
    )
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


def _date_or_none(value: object) -> date | None:
    text = _text(value)[:10]
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def parse_xml(data: bytes, home_zone: str) -> Schedule:
    """A schedule from schedule.xml bytes (parsed with defusedxml: no entities, no DTDs)."""
    try:
        root = SafeET.fromstring(data, forbid_dtd=True)
    except SafeET.ParseError as exc:
        line, column = getattr(exc, "position", (0, 0))
        raise FileFormatError(f"line {line}, column {column + 1}: not well-formed XML") from exc
    except DefusedXmlException as exc:
        raise FileFormatError(
            f"refusing XML with a DTD or entities ({exc.__class__.__name__})"
        ) from exc
    if root.tag != "schedule":
        raise FileFormatError(
            f"not a c3voc schedule: the root element is <{root.tag}>, not <schedule>"
        )
    conf = root.find("conference")
    if conf is None:
        raise FileFormatError("not a c3voc schedule: no <conference> element")
    notes: list[str] = []
    tz = _zone_or(_text(conf.findtext("time_zone_name")), home_zone, notes)
    events = []
    for d_index, day in enumerate(root.findall("day"), start=1):
        for room in day.findall("room"):
            for e_index, ev in enumerate(room.findall("event"), start=1):
                where = f"day {d_index}, room {room.get('name', '')!r}, event {e_index}"
                fields = {
                    child.tag: child.text
                    for child in ev
                    if child.tag not in ("persons", "links", "attachments")
                }
                fields["guid"] = ev.get("guid")
                fields["id"] = ev.get("id")
                fields["persons"] = [_text(p.text) for p in ev.iterfind("persons/person")]
                events.append(_event(where, fields, day.get("date", ""), room.get("name", ""), tz))
                if len(events) > MAX_EVENTS:
                    raise FileFormatError(f"more than {MAX_EVENTS} events")
    return Schedule(
        _text(conf.findtext("title")),
        _text(conf.findtext("acronym")),
        tz,
        _date_or_none(conf.findtext("start")),
        _date_or_none(conf.findtext("end")),
        events,
        notes,
    )


def read_schedule(data: bytes, *, home_zone: str = "UTC") -> Schedule:
    """Parse schedule.xml or schedule.json bytes (recognised by content)."""
    if len(data) > MAX_BYTES:
        raise FileFormatError(f"the file is larger than {MAX_BYTES // (1024 * 1024)} MB")
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if head == b"<":
        return parse_xml(data, home_zone)
    if head in (b"{", b"["):
        return parse_json(data, home_zone)
    raise FileFormatError("not a schedule.xml or schedule.json file")


def import_schedule(
    session: Session,
    source: Path | str | bytes,
    *,
    programme: str | None = None,
    dry_run: bool = False,
) -> ImportReport:
    """Import a schedule into the programme named (created if missing), or one for the conference."""
    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    plan = session.scalar(select(Plan).limit(1))
    schedule = read_schedule(data, home_zone=plan.home_timezone if plan else "UTC")
    report = ImportReport("schedule events", dry_run=dry_run)
    for note in schedule.notes:
        report.note("", note)
    savepoint = session.begin_nested()
    try:
        _Writer(session, schedule, report).run(programme)
    except BaseException:
        savepoint.rollback()
        raise
    if report.errors or dry_run:
        savepoint.rollback()
    else:
        savepoint.commit()
    if report.errors and not dry_run:
        raise ImportRefused(report)
    return report


class _Writer:
    def __init__(self, session: Session, schedule: Schedule, report: ImportReport) -> None:
        self.session = session
        self.schedule = schedule
        self.report = report
        self.people: dict[str, int] = {}
        self.rooms: dict[str, tuple[int, int | None]] = {}
        self.held: list[object] = []

    def _programme(self, name: str | None) -> Programme:
        sched = self.schedule
        title = (name or sched.title or sched.acronym or "Imported schedule").strip()
        if name:
            try:
                return programmes.find_programme(self.session, name)  # by id or name
            except NotFoundError:
                pass
        else:
            # Without a name, only a programme with exactly the conference's title is reused.
            same = self.session.scalars(
                select(Programme)
                .where(func.lower(Programme.title_en) == title.lower())
                .order_by(Programme.id)
            ).first()
            if same is not None:
                return same
        local_days = [to_local(e.start, sched.timezone).date() for e in sched.events]
        if sched.start is None and not local_days:
            raise TourPlannerError("the schedule has neither events nor conference dates")
        start = sched.start or min(local_days)
        end = sched.end or max(local_days, default=start)
        start, end = min([start, *local_days]), max([end, *local_days])
        pid = programmes.create_programme(
            self.session,
            title_en=title,
            kind="conference",
            start_date=start,
            end_date=end,
            timezone=sched.timezone,
        )
        self.report.note("", f"created programme {title!r}")
        return programmes.get_programme(self.session, pid)

    def _venue(self, programme: Programme) -> Venue:
        used = self.session.scalars(
            select(Venue)
            .join(Item, Item.venue_id == Venue.id)
            .where(Item.programme_id == programme.id)
        ).first()
        if used is not None:
            return used
        name = programme.title_en
        existing = self.session.scalars(select(Venue).where(Venue.name_en == name)).first()
        if existing is not None:
            return existing
        vid = venues.create_venue(self.session, name_en=name, timezone=self.schedule.timezone)
        self.report.note("", f"created venue {name!r} for the rooms (add its address)")
        return venues.get_venue(self.session, vid)

    def _place(self, room_name: str, programme: Programme) -> tuple[int, int | None]:
        if room_name in self.rooms:
            return self.rooms[room_name]
        named_venue = self.session.scalars(select(Venue).where(Venue.name_en == room_name)).first()
        if named_venue is not None:
            place = (named_venue.id, None)
            self.held.append(named_venue)
        else:
            venue = self._venue(programme)
            room = self.session.scalars(
                select(Room).where(Room.venue_id == venue.id, Room.name == room_name)
            ).first()
            if room is None:
                other = self.session.scalars(
                    select(Room)
                    .join(Item, Item.room_id == Room.id)
                    .where(Item.programme_id == programme.id, Room.name == room_name)
                ).first()
                room = other
            if room is None:
                room = venues.get_room(
                    self.session, venues.add_room(self.session, venue.id, name=room_name)
                )
            place = (room.venue_id, room.id)
            # Held for the rest of the import: the item service then finds them without a query.
            self.held += [venue, room, room.venue]
        self.rooms[room_name] = place
        return place

    def _person(self, name: str) -> int:
        key = name.casefold()
        if key not in self.people:
            match = self.session.scalars(
                select(Person)
                .where((Person.name_latin == name) | (Person.name_local == name))
                .order_by(Person.id)
            ).first()
            if match is None:
                match_id = people.create_person(self.session, name_latin=name, role="speaker")
            else:
                match_id = match.id
            self.people[key] = match_id
        return self.people[key]

    def run(self, programme_name: str | None) -> None:
        programme = self._programme(programme_name)
        # Held so that the services find them in the identity map instead of querying each time.
        held = list(self.session.scalars(select(Item).where(Item.programme_id == programme.id)))
        places = [*self.session.scalars(select(Venue)), *self.session.scalars(select(Room))]
        by_uid = {i.uid: i for i in held}
        elsewhere = {
            uid: item_id
            for uid, item_id, prog_id in self.session.execute(
                select(Item.uid, Item.id, Item.programme_id)
            )
            if prog_id != programme.id
        }
        added: dict[str, int] = {}
        identities: list[dict[str, Any]] = []
        for ev in self.schedule.events:
            try:
                # Rooms are made outside the event's savepoint, so a failing event cannot undo
                # a room that later events use (any failure refuses the whole import anyway).
                place = self._place(ev.room or "General", programme)
                with self.session.begin_nested():
                    identity = self._event(ev, place, programme, by_uid, elsewhere, added)
            except TourPlannerError as exc:
                self.report.error(ev.where, str(exc))
                self.report.refused_row(ev.where, **self._shown(ev))
                if len(self.report.errors) > 50:
                    self.report.error("", "too many problems; the rest are not listed")
                    return
                continue
            if identity is not None:
                identities.append(identity)
        self.session.flush()
        if identities:
            # The events' own guids, set in one statement rather than by loading each new item.
            self.session.execute(update(Item), identities)
        del held, places

    def _shown(self, ev: ScheduleEvent) -> dict[str, str]:
        zone_name = self.schedule.timezone
        return {"title": ev.title, "when": span_text(ev.start, ev.end, zone_name), "place": ev.room}

    def _event(
        self,
        ev: ScheduleEvent,
        place: tuple[int, int | None],
        programme: Programme,
        by_uid: dict[str, Item],
        elsewhere: dict[str, int],
        added: dict[str, int],
    ) -> dict[str, Any] | None:
        """Add or update the event's item; returns the uid to set on a new item."""
        if len(ev.guid) > 64:
            ev.guid = str(uuid.uuid5(uuid.NAMESPACE_URL, ev.guid))
        if ev.guid in elsewhere:
            raise TourPlannerError(
                f"event {ev.guid} is already item #{elsewhere[ev.guid]} of another programme"
            )
        if ev.guid in added:
            raise TourPlannerError(f"event {ev.guid} appears twice in the schedule")
        venue_id, room_id = place
        fields: dict[str, Any] = {
            "title_en": ev.title,
            "title_local": ev.subtitle,
            "kind": TYPE_WORDS.get(ev.type.casefold(), "other"),
            "track": ev.track,
            "language": ev.language,
            "description": ev.abstract,
            "venue_id": venue_id,
            "room_id": room_id,
        }
        item = by_uid.get(ev.guid)
        identity = None
        if item is None:
            item_id = items_service.create_item(
                self.session, programme_id=programme.id, start=ev.start, end=ev.end, **fields
            )
            added[ev.guid] = item_id
            identity = {"id": item_id, "uid": ev.guid}
            self.report.record(ev.where, "added", **self._shown(ev))
        else:
            item_id = item.id
            changes = {k: v for k, v in fields.items() if getattr(item, k) != v}
            if changes or (item.start_utc, item.end_utc) != (ev.start, ev.end):
                items_service.update_item(
                    self.session, item.id, start=ev.start, end=ev.end, **fields
                )
                self.report.record(ev.where, "updated", **self._shown(ev))
            else:
                self.report.record(ev.where, "unchanged", **self._shown(ev))
        for name in ev.persons:
            participations.add_participation(
                self.session, self._person(name), item_id=item_id, role=ParticipationRole.SPEAKING
            )
        return identity

"""Import iCalendar (.ics) events into a programme as items.

Accepts times with TZID (IANA or Windows names, or a VTIMEZONE of the file), UTC, floating
(read at the programme's zone) and all-day dates; RRULE and EXDATE become the item's recurrence;
several VCALENDARs in one file. The file's structure is checked line by line first, so a malformed
file is refused with the line named, and nothing is imported. Events whose UID is already an item
of the programme update that item (an invitation sent again), so re-importing does not duplicate.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import partial
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from icalendar import Calendar, vRecur
from sqlalchemy import select
from sqlalchemy.orm import Session

from tourplanner.enums import ItemKind
from tourplanner.errors import TourPlannerError
from tourplanner.i18n import _, ngettext
from tourplanner.interchange.ics_programme import NewProgramme, create_for_calendar
from tourplanner.interchange.ics_read import Outline, read_calendars, shorten
from tourplanner.interchange.ics_zones import zone_for
from tourplanner.interchange.importing import import_savepoint, insert_rows
from tourplanner.interchange.report import (
    FileFormatError,
    ImportRefused,
    ImportReport,
    span_text,
)
from tourplanner.models import Item, Programme, Room, Venue
from tourplanner.printable import is_printable, outside_sentence
from tourplanner.services import items as items_service
from tourplanner.services.common import fetch
from tourplanner.timezones import to_local, to_utc

UID_LIMIT = 64  # the uid columns (items, travellers)
MAX_SEQUENCE = 2**31 - 1
# The properties an import reads: the library's error on one of these refuses the event.
USED = frozenset(
    [
        "DTSTART",
        "DTEND",
        "DURATION",
        "RRULE",
        "RDATE",
        "EXDATE",
        "RECURRENCE-ID",
        "SEQUENCE",
        "UID",
        "SUMMARY",
        "DESCRIPTION",
        "LOCATION",
        "STATUS",
        "CATEGORIES",
    ]
)
STATUS = {"CONFIRMED": "confirmed", "TENTATIVE": "tentative", "CANCELLED": "cancelled"}
KIND_WORDS = {
    **{k.value: k.value for k in ItemKind},
    **{k.value.replace("_", " "): k.value for k in ItemKind},
}


@dataclass
class _EventData:
    line: int
    uid: str
    fields: dict[str, Any]
    start: datetime
    end: datetime
    sequence: int
    recurrence_id: datetime | None = None


_ESCAPE = re.compile(r"\\([\\;,nN])")


def _text(component: Any, name: str) -> str:
    value = component.get(name)
    if value is None:
        return ""
    if isinstance(value, list):
        value = value[0]
    text = str(value)
    if name.startswith("X-"):
        # icalendar keeps unknown properties as raw text: undo the RFC 5545 text escapes.
        text = _ESCAPE.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), text)
    return text.strip()


def event_uid(event: Any, start: datetime) -> str:
    """The event's UID (hashed when longer than the column), or one made from title and start."""
    uid = _text(event, "UID")
    if not uid:
        digest = hashlib.sha1(f"{_text(event, 'SUMMARY')}|{start.isoformat()}".encode())
        return f"ics-{digest.hexdigest()[:32]}"
    if len(uid) > UID_LIMIT:
        return "sha1-" + hashlib.sha1(uid.encode()).hexdigest()
    return uid


def _version(event: Any) -> tuple[datetime | None, int]:
    """Which occurrence the event changes (RECURRENCE-ID), if any, and its SEQUENCE."""
    recurrence_id = None
    if event.get("RECURRENCE-ID") is not None:
        rid = event["RECURRENCE-ID"].dt
        recurrence_id = rid if isinstance(rid, datetime) else datetime.combine(rid, time(0))
    try:
        sequence = int(str(event.get("SEQUENCE", 0)))
    except ValueError:
        sequence = 0
    # An absurd SEQUENCE must not overflow.
    return recurrence_id, min(max(sequence, 0), MAX_SEQUENCE)


class _EventReader:
    """Turns VEVENTs into item fields, collecting problems by line."""

    def __init__(self, session: Session, programme: Programme, report: ImportReport) -> None:
        self.programme = programme
        self.report = report
        self.zone = programme.timezone
        self.venues = list(session.scalars(select(Venue)))
        self.rooms = list(session.scalars(select(Room)))
        self.zone_notes: set[str] = set()

    def read(self, event: Any, line: int) -> _EventData | None:
        where = f"line {line}"
        try:
            return self._read(event, where, line)
        except TourPlannerError as exc:
            self.report.error(where, str(exc))
        except Exception as exc:  # a broken property raises on access; name it and go on
            self.report.error(where, _("cannot read the event ({exc})").format(exc=exc))
        try:
            title = _text(event, "SUMMARY")
        except Exception:  # the title itself may be the broken part
            title = ""
        self.report.refused_row(where, title=title)
        return None

    def _when(self, event: Any, name: str) -> tuple[datetime | date, str | None] | None:
        prop = event.get(name)
        if prop is None:
            return None
        if isinstance(prop, list):
            raise TourPlannerError(
                _("the event has {n_prop} {name}s; it must have one").format(
                    n_prop=len(prop), name=name
                )
            )
        tzid = prop.params.get("TZID") if hasattr(prop, "params") else None
        value = prop.dt
        if isinstance(value, datetime) and value.tzinfo is None and tzid:
            raise TourPlannerError(
                _(
                    "{name} uses time zone {tzid!r}, which is neither known nor defined in the file"
                ).format(name=name, tzid=tzid)
            )
        if not isinstance(value, date):
            raise TourPlannerError(_("{name} is not a date or date-time").format(name=name))
        if not is_printable(value):
            raise TourPlannerError(f"{name} {outside_sentence(value)}")
        return value, tzid

    def _read(self, event: Any, where: str, line: int) -> _EventData:
        """The event's item fields, step by step; each step may note or refuse (raise)."""
        start, zone_name, all_day = self._start(event, where)
        end = self._end(event, where, start, zone_name, all_day)
        uid = event_uid(event, start)
        fields = self._fields(event, where, zone_name)
        self._repeats(event, where, fields, start)
        recurrence_id, sequence = _version(event)
        return _EventData(line, uid, fields, start, end, sequence, recurrence_id)

    def _start(self, event: Any, where: str) -> tuple[datetime, str, bool]:
        """DTSTART as a datetime (an all-day date at midnight), the zone it is read in, and
        whether it is all-day."""
        got = self._when(event, "DTSTART")
        if got is None:
            raise TourPlannerError(_("the event has no start (DTSTART)"))
        start, tzid = got
        zone_name = self.zone
        if isinstance(start, datetime) and start.tzinfo is not None:
            zone_name, note = zone_for(start, tzid, self.zone)
            if note and note not in self.zone_notes:  # said once per zone, where first used
                self.zone_notes.add(note)
                self.report.note(where, note)
        if isinstance(start, datetime):
            return start, zone_name, False
        return datetime.combine(start, time(0)), zone_name, True

    def _end(
        self, event: Any, where: str, start: datetime, zone_name: str, all_day: bool
    ) -> datetime:
        """DTEND, else the start plus DURATION, a day (all-day) or 30 minutes (noted); naive or
        aware as the start is."""
        end_got = self._when(event, "DTEND")
        if end_got is not None:
            end = end_got[0]
            end_dt = datetime.combine(end, time(0)) if not isinstance(end, datetime) else end
            if isinstance(end, datetime) and end.tzinfo is None and start.tzinfo is not None:
                end_dt = end.replace(tzinfo=start.tzinfo)
        elif event.get("DURATION") is not None:
            end_dt = start + event["DURATION"].dt
        elif all_day:
            end_dt = start + timedelta(days=1)
        else:
            end_dt = start + timedelta(minutes=30)
            self.report.note(where, _("the event has no end; it is imported as lasting 30 minutes"))
        if start.tzinfo is None and end_dt.tzinfo is not None:
            end_dt = to_local(end_dt, zone_name).replace(tzinfo=None)
        if start.tzinfo is not None and end_dt.tzinfo is None:
            end_dt = end_dt.replace(tzinfo=ZoneInfo(zone_name))
        return end_dt

    def _fields(self, event: Any, where: str, zone_name: str) -> dict[str, Any]:
        """Title, kind, description, status, place and zone (the venue's, when it has one)."""
        title = _text(event, "X-TOURPLANNER-TITLE-EN") or _text(event, "SUMMARY")
        if not title:
            title = "(untitled event)"
            self.report.note(where, _("the event has no title (SUMMARY)"))
        description = (
            _text(event, "X-TOURPLANNER-DESCRIPTION")
            if event.get("X-TOURPLANNER-KIND") is not None
            else _text(event, "DESCRIPTION")
        )
        venue, room = self._place(event)
        location = _text(event, "LOCATION")
        if location and venue is None:
            description = "\n".join(p for p in (description, f"Location: {location}") if p)
        return {
            "title_en": title,
            "title_local": _text(event, "X-TOURPLANNER-TITLE-LOCAL"),
            "kind": self._kind(event),
            "description": description,
            "status": STATUS.get(_text(event, "STATUS").upper(), "confirmed"),
            "track": _text(event, "X-TOURPLANNER-TRACK"),
            "language": _text(event, "X-TOURPLANNER-LANGUAGE"),
            "timezone": venue.timezone if venue is not None else zone_name,
            "venue_id": venue.id if venue else None,
            "room_id": room.id if room else None,
            "recurrence": "",
            "exdates": "",
            "rdates": "",
        }

    def _repeats(self, event: Any, where: str, fields: dict[str, Any], start: datetime) -> None:
        """RRULE, RDATE (extra dates) and EXDATE into the item's recurrence."""
        rrule = event.get("RRULE")
        if rrule is not None:
            if isinstance(rrule, list):
                raise TourPlannerError(_("the event has several RRULEs; only one is supported"))
            fields["recurrence"] = self._rule(rrule, fields["timezone"])
        if event.get("RDATE") is not None:
            fields["rdates"] = self._dates(event, "RDATE", fields["timezone"], start, where)
        if fields["recurrence"] or fields["rdates"]:
            fields["exdates"] = self._dates(event, "EXDATE", fields["timezone"], start, where)

    def _kind(self, event: Any) -> str:
        own = _text(event, "X-TOURPLANNER-KIND")
        if own in KIND_WORDS:
            return KIND_WORDS[own]
        categories = event.get("CATEGORIES")
        for cat in categories if isinstance(categories, list) else [categories]:
            for word in getattr(cat, "cats", []) or []:
                folded = str(word).strip().casefold()
                if folded in KIND_WORDS:
                    return KIND_WORDS[folded]
        return ItemKind.OTHER.value

    def _place(self, event: Any) -> tuple[Venue | None, Room | None]:
        name = _text(event, "X-TOURPLANNER-VENUE")
        location = _text(event, "LOCATION").casefold()
        venue = None
        if name:
            venue = next((v for v in self.venues if v.name_en == name), None)
        if venue is None and location:
            for v in self.venues:
                names = [n.casefold() for n in (v.name_en, v.name_local) if n]
                if any(location == n or location.startswith(n + ",") for n in names):
                    venue = v
                    break
        room = None
        room_name = _text(event, "X-TOURPLANNER-ROOM")
        if venue is not None and room_name:
            room = next(
                (r for r in self.rooms if r.venue_id == venue.id and r.name == room_name), None
            )
        return venue, room

    def _rule(self, rrule: vRecur, zone_name: str) -> str:
        rule = vRecur(rrule)
        scale = rule.get("RSCALE")
        if scale:
            name = str(scale[0] if isinstance(scale, list) else scale).upper()
            if name != "GREGORIAN":
                raise TourPlannerError(
                    _(
                        "the event repeats by the {title} calendar (RRULE RSCALE={name}); only repeats by the Gregorian calendar can be imported"
                    ).format(title=name.title(), name=name)
                )
            del rule["RSCALE"]
        until = rule.get("UNTIL")
        if until:
            value = until[0] if isinstance(until, list) else until
            if isinstance(value, datetime) and value.tzinfo is not None:
                # Items keep wall-clock rules; dateutil wants UNTIL as naive local then.
                rule["UNTIL"] = [to_local(value, zone_name).replace(tzinfo=None)]
        text = rule.to_ical().decode()
        if len(text) > 1000:
            raise TourPlannerError(_("the repeat rule (RRULE) is too long"))
        return text

    def _dates(self, event: Any, name: str, zone_name: str, start: datetime, where: str) -> str:
        """EXDATE or RDATE values as local ISO times in the item's zone ('' when absent)."""
        values = event.get(name)
        if values is None:
            return ""
        lists = values if isinstance(values, list) else [values]
        result = []
        for group in lists:
            for entry in getattr(group, "dts", []):
                value = entry.dt
                if isinstance(value, tuple):  # RDATE;VALUE=PERIOD: start and end or duration
                    value = value[0]
                    self.report.note(
                        where,
                        _(
                            "{name} periods keep their start; each lasts as long as the first"
                        ).format(name=name),
                    )
                if not isinstance(value, date):  # e.g. RDATE;VALUE=TIME, which RFC 5545 lacks
                    self.report.note(
                        where,
                        _("{name} {value} is not a date or date-time; left out").format(
                            name=name, value=value
                        ),
                    )
                    continue
                if not isinstance(value, datetime):
                    value = datetime.combine(value, start.time())
                elif value.tzinfo is not None:
                    value = to_local(value, zone_name).replace(tzinfo=None)
                result.append(value.isoformat(timespec="seconds"))
        return ",".join(dict.fromkeys(result))


def import_ics(
    session: Session,
    source: Path | str | bytes,
    *,
    programme_id: int | None = None,
    new_programme: NewProgramme | None = None,
    dry_run: bool = False,
    skip_invalid: bool = False,
    progress: Callable[[int, int], None] | None = None,  # (events written, of) may raise Cancelled
) -> ImportReport:
    """Import the events of an .ics file into a programme, in the caller's transaction.

    The programme is `programme_id`, or `new_programme` made over the calendar's days.
    Raises FileFormatError for a file that cannot be read (naming the line) and ImportRefused
    (with the report) when any event cannot be imported; nothing is written then. With
    `skip_invalid` the readable events are imported and each other one is reported as skipped.
    """
    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    calendars, outline = read_calendars(data)
    report = ImportReport("calendar events", dry_run=dry_run)
    # Written even when some events failed to read, to report every problem at once; the
    # savepoint is rolled back then (unless they are skipped), with a programme made for it.
    with import_savepoint(session, report, dry_run=dry_run, skip_invalid=skip_invalid):
        if new_programme is not None:
            programme_id = create_for_calendar(session, calendars, new_programme)
            report.note(
                "",
                _("programme {title!r} made for the calendar's dates").format(
                    title=new_programme.title
                ),
            )
        if programme_id is None:
            raise TourPlannerError(_("choose the programme that receives the events"))
        programme = fetch(session, Programme, programme_id, "programme")
        events = read_events(
            session, calendars, outline, programme, report, skip_invalid=skip_invalid
        )
        _write(session, programme, events, report, progress, skip_invalid=skip_invalid)
        if skip_invalid:
            report.skipped = sum(1 for o in report.outcomes.values() if o == "skipped")
    return report


def read_events(
    session: Session,
    calendars: list[Calendar],
    outline: Outline,
    programme: Programme,
    report: ImportReport,
    *,
    skip_invalid: bool = False,
) -> list[_EventData]:
    """The readable events of the calendars; the others are errors in the report by line."""
    for kind, number in sorted(outline.others.items()):
        report.note(
            "",
            ngettext(
                "{n} {kind} component ignored (only events are imported)",
                "{n} {kind} components ignored (only events are imported)",
                number,
            ).format(n=number, kind=kind),
        )
    for guess in outline.guesses:  # e.g. a vendor prefix stripped from a TZID
        report.note("", guess)
    for calendar in calendars:
        for prop, message in getattr(calendar, "errors", []) or []:
            report.note(
                "",
                _("the calendar's {value} cannot be read and is ignored ({message})").format(
                    value=prop or "line", message=message
                ),
            )
    reader = _EventReader(session, programme, report)
    events: list[_EventData] = []
    spans = iter(zip(outline.event_lines, outline.event_ends, strict=True))
    for calendar in calendars:
        for component in calendar.walk("VEVENT"):
            line, last = next(spans, (0, 0))
            if not _library_errors(component, outline, line, last, report, skip_invalid):
                data_ = reader.read(component, line)
                if data_ is not None:
                    events.append(data_)
            if report.too_many_errors():
                raise ImportRefused(report)
    if not events and not report.errors:
        report.note("", _("the file has no events"))
    return events


def _library_errors(
    event: Any, outline: Outline, line: int, last: int, report: ImportReport, skip: bool
) -> bool:
    """Report what the library could not read in the event; True when the event is refused.

    A line the library cannot split at all makes the file unreadable unless events are skipped.
    """
    errors = []
    for prop, message in getattr(event, "errors", []) or []:
        if (
            prop is not None
            and prop.upper() not in USED
            and not prop.upper().startswith("X-TOURPLANNER-")
        ):
            report.note(
                f"line {line}",
                _("{prop} cannot be read and was left out ({message})").format(
                    prop=prop, message=message
                ),
            )
        else:
            errors.append((prop, message))
    for prop, message in errors:
        if prop is None:
            bad = outline.unreadable_line(line, last)
            number, text = bad if bad is not None else (line, "")
            said = f"not an iCalendar content line: {shorten(text)!r}"
            if not skip:
                raise FileFormatError(_("line {number}: {said}").format(number=number, said=said))
            report.error(
                f"line {line}",
                _("the event's line {number} is {said}").format(number=number, said=said),
            )
        else:
            report.error(f"line {line}", f"{prop}: {message}")
    if not errors:
        return False
    try:
        title = _text(event, "SUMMARY")
    except Exception:  # the title itself may be the broken part
        title = ""
    report.refused_row(f"line {line}", title=title)
    return True


def _write(
    session: Session,
    programme: Programme,
    events: list[_EventData],
    report: ImportReport,
    progress: Callable[[int, int], None] | None = None,
    *,
    skip_invalid: bool = False,
) -> None:
    """Create or update the items; problems go to the report (the caller then rolls back,
    unless they are skipped)."""
    existing: dict[str, tuple[int, int]] = {
        uid: (item_id, prog_id)
        for uid, item_id, prog_id in session.execute(select(Item.uid, Item.id, Item.programme_id))
    }
    # Held here so the identity map keeps them: updates then need no query per event.
    held = list(session.scalars(select(Item).where(Item.programme_id == programme.id)))
    added: list[dict[str, Any]] = []  # new items' rows, checked, inserted at the end in bulk
    lookups: dict[tuple[type, int], Any] = {}  # the rows every new item is checked against
    masters = _latest_copies(events, report)
    for done, ev in enumerate(masters.values()):
        if progress is not None:  # outside the try: a Cancelled stops the import
            progress(done, len(masters))
        where = f"line {ev.line}"
        found = existing.get(ev.uid)
        try:
            if found is None:
                values = items_service.checked_item_values(
                    session,
                    programme_id=programme.id,
                    start=ev.start,
                    end=ev.end,
                    lookups=lookups,
                    **ev.fields,
                )
                # The event's own UID and SEQUENCE, in the same row.
                added.append({**values, "uid": ev.uid, "sequence": ev.sequence})
                report.record(where, "added", **_shown(ev))
            elif found[1] != programme.id:
                other = session.get(Programme, found[1])
                raise TourPlannerError(
                    _("event {uid!r} is already item #{found} of programme {value!r}").format(
                        uid=ev.uid, found=found[0], value=other.title_en if other else found[1]
                    )
                )
            else:
                _update(session, found[0], ev, report)
        except TourPlannerError as exc:
            report.refuse(where, str(exc), **_shown(ev))
            if report.too_many_errors():
                break
    if progress is not None:  # a stop asked for during the checks still stops before writing
        progress(len(masters), len(masters))
    session.flush()
    if skip_invalid or not report.errors:  # else the savepoint is rolled back: nothing to write
        insert_rows(session, Item, added)
    del held


def _latest_copies(events: list[_EventData], report: ImportReport) -> dict[str, _EventData]:
    """The events to write, by UID: the newest copy of each (noted), and each changed
    occurrence of a recurring event apart, left out of its series."""
    masters: dict[str, _EventData] = {}
    overrides: list[tuple[_EventData, datetime]] = []
    for ev in events:
        if ev.recurrence_id is not None:
            overrides.append((ev, ev.recurrence_id))
        elif ev.uid in masters and masters[ev.uid].sequence > ev.sequence:
            report.note(
                f"line {ev.line}",
                _("an older copy of event {uid!r}; the newer one is kept").format(uid=ev.uid),
            )
        else:
            if ev.uid in masters:
                report.note(
                    f"line {ev.line}",
                    _("event {uid!r} appears again; this later copy is kept").format(uid=ev.uid),
                )
            masters[ev.uid] = ev
    for ev, recurrence_id in overrides:
        # One changed occurrence of a recurring event: drop it from the series, add it alone.
        master = masters.get(ev.uid)
        if master is not None and (master.fields["recurrence"] or master.fields["rdates"]):
            local = recurrence_id
            if local.tzinfo is not None:
                local = to_local(local, master.fields["timezone"]).replace(tzinfo=None)
            stamp = local.isoformat(timespec="seconds")
            master.fields["exdates"] = ",".join(p for p in (master.fields["exdates"], stamp) if p)
        ev.uid = (
            "r-" + hashlib.sha1(f"{ev.uid}|{recurrence_id.isoformat()}".encode()).hexdigest()[:40]
        )
        masters[ev.uid] = ev
    return masters


def _update(session: Session, item_id: int, ev: _EventData, report: ImportReport) -> None:
    item = session.get(Item, item_id)
    assert item is not None
    fields = ev.fields
    zone_name = fields["timezone"]
    same_times = (to_utc(ev.start, zone_name), to_utc(ev.end, zone_name)) == (
        item.start_utc,
        item.end_utc,
    )
    changes = {k: v for k, v in fields.items() if getattr(item, k) != v}
    if not changes and same_times:
        item.sequence = max(item.sequence, ev.sequence)
        report.record(f"line {ev.line}", "unchanged", **_shown(ev))
        return
    with session.begin_nested():
        items_service.update_item(session, item_id, start=ev.start, end=ev.end, **fields)
        item.sequence = max(item.sequence, ev.sequence)
    report.record(f"line {ev.line}", "updated", **_shown(ev))


def _shown(ev: _EventData) -> dict[str, Any]:
    """Title, local times and place of an event, as a preview shows them (the times written
    only if the preview shows the event)."""
    fields = ev.fields
    when = partial(
        _when, ev.start, ev.end, fields["timezone"], fields["recurrence"], fields["rdates"]
    )
    location = re.search(r"^Location: (.*)$", fields["description"], re.MULTILINE)
    return {"title": fields["title_en"], "when": when, "place": location[1] if location else ""}


def _when(start: datetime, end: datetime, zone_name: str, recurrence: str, rdates: str) -> str:
    when = span_text(to_utc(start, zone_name), to_utc(end, zone_name), zone_name)
    if recurrence:
        when += f" (repeats: {recurrence})"
    if rdates:
        when += f" (and on {rdates.count(',') + 1} more date(s))"
    return when

"""Import a c3voc conference schedule (schedule.xml or schedule.json from pretalx/frab/osem).

The conference becomes a programme (or fills the one named), its rooms become rooms of a venue,
its events become items (type -> kind, track, language, abstract, subtitle as the local title)
with their persons booked as speakers. Times are read with their UTC offset, or at the
conference's time zone (reading is `schedule_read`). Events whose guid is already an item of the
programme update that item, so importing a newer schedule does not duplicate it. All-or-nothing,
in the caller's transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, datetime
from functools import partial
from operator import attrgetter, methodcaller
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tourplanner.collector import cycle_collection_paused
from tourplanner.enums import ItemKind, ParticipationRole
from tourplanner.errors import NotFoundError, TourPlannerError
from tourplanner.i18n import _
from tourplanner.interchange.importing import import_savepoint, insert_columns, insert_rows
from tourplanner.interchange.report import PREVIEW_LIMIT, ImportReport, span_text
from tourplanner.interchange.schedule_read import Schedule, ScheduleEvent, read_schedule
from tourplanner.models import Item, Person, Plan, Programme, Room, Venue
from tourplanner.services import items as items_service
from tourplanner.services import participations, people, programmes, venues
from tourplanner.timezones import to_local, zone

__all__ = ["import_schedule", "read_schedule"]

UID_LIMIT = 64  # the items.uid column
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


def import_schedule(
    session: Session,
    source: Path | str | bytes,
    *,
    programme: str | None = None,
    dry_run: bool = False,
    skip_invalid: bool = False,
    progress: Callable[[int, int], None] | None = None,  # (events written, of) may raise Cancelled
) -> ImportReport:
    """Import a schedule into the programme named (created if missing), or one for the conference.

    All-or-nothing unless `skip_invalid`: then the good events are imported and each refused
    one is reported as skipped.
    """
    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    plan = session.scalar(select(Plan).limit(1))
    home = plan.home_timezone if plan else "UTC"
    # The events read are kept to the end (see the collector): paused from reading to writing,
    # as `import_people` is, not resumed in between to walk what was just read.
    with cycle_collection_paused():
        schedule = read_schedule(data, home_zone=home, skip_invalid=skip_invalid)
        report = ImportReport("schedule events", dry_run=dry_run)
        for note in schedule.notes:
            report.note("", note)
        for where, why in schedule.unread:
            report.refuse(where, why)
        with import_savepoint(session, report, dry_run=dry_run, skip_invalid=skip_invalid):
            _Writer(session, schedule, report, skip_invalid=skip_invalid).run(programme, progress)
            if skip_invalid:
                report.skipped = sum(1 for o in report.outcomes.values() if o == "skipped")
    return report


class _Writer:
    """The database side of one schedule import: programme, rooms, speakers, items."""

    def __init__(
        self, session: Session, schedule: Schedule, report: ImportReport, *, skip_invalid: bool
    ) -> None:
        self.session = session
        self.skip_invalid = skip_invalid  # then the refused events are left out, the rest written
        self.schedule = schedule
        self.report = report
        self.people: dict[str, int] = {}
        self.rooms: dict[str, tuple[int, int | None]] = {}
        self.held: list[object] = []
        self.by_uid: dict[str, Item] = {}  # the programme's items
        self.elsewhere: dict[str, int] = {}  # item ids of the other programmes, by uid
        self.added: dict[str, int] = {}  # items this import added, by guid, in file order
        self.new_rows: list[dict[str, Any]] = []  # their rows, checked, for one bulk insert
        self.new_columns: dict[str, list[Any]] | None = None  # or their columns, when all new
        self.venue: Venue | None = None  # where new rooms go (see `_venue`)
        self.lookups: dict[tuple[type, int], Any] = {}  # rows every new item is checked against
        self.speakers: list[ScheduleEvent] = []  # the new items' events that name speakers

    def run(
        self, programme_name: str | None, progress: Callable[[int, int], None] | None = None
    ) -> None:
        programme = self._programme(programme_name)
        held = self._hold(programme)
        if not self._all_new(programme, progress):
            self._each_event(programme, progress)
        self.session.flush()
        # With errors the savepoint is rolled back (nothing to write), unless they are skipped.
        if self.skip_invalid or not self.report.errors:
            self._write_new(programme)
        del held

    def _each_event(
        self, programme: Programme, progress: Callable[[int, int], None] | None
    ) -> None:
        """Check each event, update the items it had made, keep the new ones' rows."""
        for done, ev in enumerate(self.schedule.events):
            if progress is not None:  # outside the try: a Cancelled stops the import
                progress(done, len(self.schedule.events))
            try:
                # Rooms are made outside the event's savepoint, so a failing event cannot undo
                # a room that later events use (skipped events leave the rooms others need).
                place = self._place(ev.room or "General", programme)
                self._check_guid(ev)
                if ev.guid in self.by_uid:  # an update writes at once: in its own savepoint
                    with self.session.begin_nested():
                        self._event(ev, place, programme)
                else:  # a new item is only checked here; written below with the others
                    self._event(ev, place, programme)
            except TourPlannerError as exc:
                self.report.refuse(ev.where, str(exc), **self._shown(ev))
                if self.report.too_many_errors():
                    break
                continue

    def _all_new(self, programme: Programme, progress: Callable[[int, int], None] | None) -> bool:
        """Check a schedule whose every event adds a new item column by column (one pass a
        field, `items.checked_item_columns`); False, having checked nothing, when some event
        may not (its guid is an item's already or twice in the file, its room cannot be made,
        a check to word): then `_each_event` takes the events one by one, as before.

        Rooms are made here, all at once (`_places`), numbered in the events' order as
        `_each_event` makes them (which then finds them made). Checking 5,000 talks one
        `checked_item_values` each was most of what their import spent past reading the file.
        """
        events = self.schedule.events
        count = len(events)
        names = [ev.room or "General" for ev in events]
        if progress is not None:  # a Cancelled stops the import here
            progress(0, count)
        try:
            self._places(list(dict.fromkeys(names)), programme)
        except TourPlannerError:
            return False
        places = list(map(self.rooms.__getitem__, names))
        given = list(map(attrgetter("guid"), events))
        fitted = (
            given if max(map(len, given), default=0) <= UID_LIMIT else list(map(_fitted, given))
        )
        guids = dict.fromkeys(fitted)
        if len(guids) != count or not self.by_uid.keys().isdisjoint(guids):
            return False  # a guid twice in the file, or an item's already: updated one by one
        if not self.elsewhere.keys().isdisjoint(guids):
            return False
        types = list(map(attrgetter("type"), events))
        kinds = {t: TYPE_WORDS.get(t.casefold(), "other") for t in set(types)}
        columns: dict[str, list[Any]] = {
            "programme_id": [programme.id] * count,
            "title_en": list(map(attrgetter("title"), events)),
            "title_local": list(map(attrgetter("subtitle"), events)),
            "kind": list(map(kinds.__getitem__, types)),
            "track": list(map(attrgetter("track"), events)),
            "language": list(map(attrgetter("language"), events)),
            "description": list(map(attrgetter("abstract"), events)),
            "venue_id": [venue for venue, _room in places],
            "room_id": [room for _venue, room in places],
        }
        starts, ends = list(map(attrgetter("start"), events)), list(map(attrgetter("end"), events))
        checked = items_service.checked_item_columns(
            self.session, columns, starts, ends, lookups=self.lookups
        )
        if checked is None:
            return False
        if fitted is not given:
            for ev, guid in zip(events, fitted, strict=True):
                ev.guid = guid  # as `_check_guid` fits it
        self.new_columns = checked | {"uid": list(guids)}  # each event's own guid
        self.added = dict.fromkeys(guids, 0)  # their ids come with the bulk insert
        self.speakers = [ev for ev in events if ev.persons]
        shown = events[:PREVIEW_LIMIT]
        zone_name = self.schedule.timezone
        self.report.record_all(
            list(map(attrgetter("where"), events)),
            "added",
            columns["title_en"],
            [partial(span_text, ev.start, ev.end, zone_name) for ev in shown],  # written if shown
            [ev.room for ev in shown],
        )
        return True

    def _write_new(self, programme: Programme) -> None:
        """Insert the new items in bulk, then book their speakers."""
        if self.new_columns is not None:
            ids = insert_columns(self.session, Item, self.new_columns, len(self.added))
        else:
            ids = insert_rows(self.session, Item, self.new_rows)
        for guid, item_id in zip(list(self.added), ids, strict=True):
            self.added[guid] = item_id
        for ev in self.speakers:
            try:
                for name in ev.persons:
                    participations.add_participation(
                        self.session,
                        self._person(name),
                        item_id=self.added[ev.guid],
                        role=ParticipationRole.SPEAKING,
                    )
            except TourPlannerError as exc:  # reported; the import is then refused
                self.report.refuse(ev.where, str(exc), **self._shown(ev))

    def _hold(self, programme: Programme) -> list[object]:
        """Load the programme's items, every venue and room, and which uids are taken."""
        # Held so that the services find them in the identity map instead of querying each time.
        items = list(self.session.scalars(select(Item).where(Item.programme_id == programme.id)))
        self.by_uid = {i.uid: i for i in items}
        held = [*items, *self.session.scalars(select(Venue)), *self.session.scalars(select(Room))]
        self.elsewhere = {
            uid: item_id
            for uid, item_id, prog_id in self.session.execute(
                select(Item.uid, Item.id, Item.programme_id)
            )
            if prog_id != programme.id
        }
        return held

    # -- the programme ----------------------------------------------------------------------

    def _programme(self, name: str | None) -> Programme:
        """The programme named (by id or name), else one titled as the conference, else new."""
        sched = self.schedule
        title = (name or sched.title or sched.acronym or "Imported schedule").strip()
        found = self._named(name) if name else self._titled(title)
        return found if found is not None else self._new_programme(title)

    def _named(self, name: str) -> Programme | None:
        try:
            return programmes.find_programme(self.session, name)  # by id or name
        except NotFoundError:
            return None

    def _titled(self, title: str) -> Programme | None:
        # Without a name, only a programme with exactly the conference's title is reused.
        return self.session.scalars(
            select(Programme)
            .where(func.lower(Programme.title_en) == title.lower())
            .order_by(Programme.id)
        ).first()

    def _new_programme(self, title: str) -> Programme:
        """A conference over the schedule's dates, widened to the days its events fall on."""
        sched = self.schedule
        local_days = _local_days([e.start for e in sched.events], sched.timezone)
        if sched.start is None and not local_days:
            raise TourPlannerError(_("the schedule has neither events nor conference dates"))
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
        self.report.note("", _("created programme {title!r}").format(title=title))
        return programmes.get_programme(self.session, pid)

    # -- places and people ------------------------------------------------------------------

    def _place(self, room_name: str, programme: Programme) -> tuple[int, int | None]:
        """(venue id, room id) of a schedule's room: a venue of that name, else a room."""
        if room_name in self.rooms:
            return self.rooms[room_name]
        named_venue = self.session.scalars(
            select(Venue).where(Venue.name_en == room_name).order_by(Venue.id)
        ).first()
        if named_venue is not None:
            place: tuple[int, int | None] = (named_venue.id, None)
            self.held.append(named_venue)
        else:
            venue = self._venue(programme)
            room = self._room(room_name, venue, programme)
            place = (room.venue_id, room.id)
            # Held for the rest of the import: the item service then finds them without a query.
            self.held += [venue, room, room.venue]
        self.rooms[room_name] = place
        return place

    def _places(self, names: list[str], programme: Programme) -> None:
        """`_place` of each room name, in a few statements: the venues and rooms found in one
        query a kind, the rooms to make in one insert, numbered in the names' order.

        Where a plan has two venues or rooms of one name, the first made (lowest id) is the
        one taken, here as in `_place`. Nothing is written when one of the new rooms is refused:
        the caller then makes them one by one, and words the refusal of the events in it.
        """
        wanted = [name for name in names if name not in self.rooms]
        if not wanted:
            return
        named = self.session.execute(
            select(Venue.name_en, Venue.id).where(Venue.name_en.in_(wanted)).order_by(Venue.id)
        )
        found: dict[str, tuple[int, int | None]] = {}
        for name, venue_id in named:
            found.setdefault(name, (venue_id, None))
        rest = [name for name in wanted if name not in found]
        if rest:
            venue = self._venue(programme)
            at_venue = select(Room.name, Room.venue_id, Room.id).where(
                Room.venue_id == venue.id, Room.name.in_(rest)
            )
            used = (
                select(Room.name, Room.venue_id, Room.id)
                .join(Item, Item.room_id == Room.id)
                .where(Item.programme_id == programme.id, Room.name.in_(rest))
            )
            for query in (at_venue, used):  # the venue's own rooms first, as in `_room`
                for name, venue_id, room_id in self.session.execute(query.order_by(Room.id)):
                    found.setdefault(name, (venue_id, room_id))
            new = [name for name in rest if name not in found]
            rows = [venues.new_room_values(venue.id, name=name) for name in new]
            ids = insert_rows(self.session, Room, rows)
            # Held for the rest of the import: the item checks then find them without a query.
            self.held += self.session.scalars(select(Room).where(Room.id.in_(ids)))
            found |= {name: (venue.id, room_id) for name, room_id in zip(new, ids, strict=True)}
        self.rooms |= {name: found[name] for name in wanted}

    def _room(self, room_name: str, venue: Venue, programme: Programme) -> Room:
        """The venue's room of that name, else one the programme already uses, else a new one."""
        room = self.session.scalars(
            select(Room).where(Room.venue_id == venue.id, Room.name == room_name).order_by(Room.id)
        ).first()
        if room is None:
            room = self.session.scalars(
                select(Room)
                .join(Item, Item.room_id == Room.id)
                .where(Item.programme_id == programme.id, Room.name == room_name)
                .order_by(Room.id)
            ).first()
        if room is None:
            room = venues.get_room(
                self.session, venues.add_room(self.session, venue.id, name=room_name)
            )
        return room

    def _venue(self, programme: Programme) -> Venue:
        """Where the rooms go: the programme's venue, else one named as it, else a new one.

        Found once for all the rooms until an item is updated (which may move it elsewhere):
        nothing else this import writes before its bulk insert changes the answer.
        """
        if self.venue is None:
            self.venue = self._find_venue(programme)
        return self.venue

    def _find_venue(self, programme: Programme) -> Venue:
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
        self.report.note(
            "", _("created venue {name!r} for the rooms (add its address)").format(name=name)
        )
        return venues.get_venue(self.session, vid)

    def _person(self, name: str) -> int:
        """A speaker by name (Latin or local), else a new person with the role speaker."""
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

    # -- events -----------------------------------------------------------------------------

    def _event(
        self, ev: ScheduleEvent, place: tuple[int, int | None], programme: Programme
    ) -> None:
        """Add or update the event's item and book its speakers; the uid to set on a new item."""
        fields = _item_fields(ev, place)
        item = self.by_uid.get(ev.guid)
        if item is None:
            values = items_service.checked_item_values(
                self.session,
                programme_id=programme.id,
                start=ev.start,
                end=ev.end,
                lookups=self.lookups,
                **fields,
            )
            values["uid"] = ev.guid  # the event's own guid
            self.new_rows.append(values)
            self.added[ev.guid] = 0  # its id comes with the bulk insert
            if ev.persons:
                self.speakers.append(ev)
            self.report.record(ev.where, "added", **self._shown(ev))
            return
        item_id = item.id
        self.report.record(ev.where, self._update(item, ev, fields), **self._shown(ev))
        for name in ev.persons:
            participations.add_participation(
                self.session, self._person(name), item_id=item_id, role=ParticipationRole.SPEAKING
            )

    def _check_guid(self, ev: ScheduleEvent) -> None:
        """Fit the guid to the uid column; refuse one taken elsewhere or twice in the file."""
        ev.guid = _fitted(ev.guid)
        if ev.guid in self.elsewhere:
            raise TourPlannerError(
                _("event {guid} is already item #{elsewhere} of another programme").format(
                    guid=ev.guid, elsewhere=self.elsewhere[ev.guid]
                )
            )
        if ev.guid in self.added:
            raise TourPlannerError(
                _("event {guid} appears twice in the schedule").format(guid=ev.guid)
            )

    def _update(self, item: Item, ev: ScheduleEvent, fields: dict[str, Any]) -> str:
        """Update an item the schedule had already made: 'updated' or 'unchanged'."""
        changes = {k: v for k, v in fields.items() if getattr(item, k) != v}
        if not changes and (item.start_utc, item.end_utc) == (ev.start, ev.end):
            return "unchanged"
        self.venue = None  # the programme's venue may change with the item: found afresh
        items_service.update_item(self.session, item.id, start=ev.start, end=ev.end, **fields)
        return "updated"

    def _shown(self, ev: ScheduleEvent) -> dict[str, Any]:
        when = partial(span_text, ev.start, ev.end, self.schedule.timezone)  # written if shown
        return {"title": ev.title, "when": when, "place": ev.room}


def _local_days(starts: list[datetime], zone_name: str) -> list[date]:
    """The first and last local day the instants fall on (as `to_local` reads each), in C
    loops when all are aware, each distinct instant once: 5,000 talks in ten rooms start at
    a few hundred times, on a few dozen days."""
    distinct = list(set(starts))
    if None in set(map(attrgetter("tzinfo"), distinct)):
        days = [to_local(start, zone_name).date() for start in distinct]
    else:
        days = list(map(_date, map(methodcaller("astimezone", zone(zone_name)), distinct)))
    return [min(days), max(days)] if days else []


_date = methodcaller("date")


def _fitted(guid: str) -> str:
    """An event's guid as an item's uid: one too long for the column is replaced by its uuid5."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, guid)) if len(guid) > UID_LIMIT else guid


def _item_fields(ev: ScheduleEvent, place: tuple[int, int | None]) -> dict[str, Any]:
    """The item fields of an event (its type read as a kind, its subtitle as the local title)."""
    venue_id, room_id = place
    return {
        "title_en": ev.title,
        "title_local": ev.subtitle,
        "kind": TYPE_WORDS.get(ev.type.casefold(), "other"),
        "track": ev.track,
        "language": ev.language,
        "description": ev.abstract,
        "venue_id": venue_id,
        "room_id": room_id,
    }

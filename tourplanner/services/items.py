"""Items: the scheduled things of a programme (sessions, meals, visits, transfers...)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from datetime import datetime, timedelta
from functools import partial
from typing import Any, TypeVar, cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from tourplanner.enums import ItemKind, ItemStatus
from tourplanner.errors import NotFoundError, ValidationError
from tourplanner.i18n import _
from tourplanner.models import Item, Participation, Programme, Room, Venue
from tourplanner.scheduling.recurrence import parse_rdates, validate_rule
from tourplanner.scheduling.repeat_rule import with_exdate
from tourplanner.services import validation as v
from tourplanner.services.common import apply_changes, fetch
from tourplanner.timezones import to_local, to_utc

FIELDS = (
    "programme_id",
    "title_en",
    "title_local",
    "kind",
    "venue_id",
    "room_id",
    "description",
    "status",
    "track",
    "language",
    "recurrence",
    "exdates",
    "rdates",
    "timezone",
)
TIME_FIELDS = ("start", "end")
T = TypeVar("T")


@dataclass(frozen=True)
class ItemValues:
    """What the item form edits, as plain values (naive local start/end at the item's place)."""

    programme_id: int
    title_en: str
    title_local: str
    kind: str
    status: str
    venue_id: int | None
    room_id: int | None
    start: datetime
    end: datetime
    description: str
    recurrence: str = ""  # RRULE text (scheduling/repeat_rule.py); "" for a one-off item
    exdates: str = ""  # the skipped occurrences' local starts, comma-separated ISO

    def as_changes(self) -> dict[str, object]:
        return asdict(self)


def item_values(session: Session, item_id: int) -> ItemValues:
    """The current values of an item, for the form and for undo."""
    item = fetch(session, Item, item_id, "item")
    return ItemValues(
        item.programme_id,
        item.title_en,
        item.title_local,
        item.kind,
        item.status,
        item.venue_id,
        item.room_id,
        to_local(item.start_utc, item.timezone).replace(tzinfo=None),
        to_local(item.end_utc, item.timezone).replace(tzinfo=None),
        item.description,
        item.recurrence,
        item.exdates,
    )


def detach_occurrence(
    session: Session, item_id: int, occurrence: datetime, values: ItemValues
) -> int:
    """Take one occurrence (naive local start) out of a repeating item as an item of its own
    with `values`, booked like the series; returns its id. The series skips that day."""
    series = fetch(session, Item, item_id, "item")
    if not series.recurrence:
        raise ValidationError("recurrence", _("this item does not repeat"))
    update_item(session, item_id, exdates=with_exdate(series.exdates, occurrence))
    alone = replace(values, recurrence="", exdates="").as_changes()
    new_id = create_item(session, **alone)  # type: ignore[arg-type]
    for part in session.scalars(select(Participation).where(Participation.item_id == item_id)):
        session.add(
            Participation(
                person_id=part.person_id, item_id=new_id, role=part.role, status=part.status
            )
        )
    session.flush()
    return new_id


def span(session: Session, item_id: int) -> tuple[datetime, datetime]:
    """An item's start and end, as instants in UTC."""
    item = fetch(session, Item, item_id, "item")
    return item.start_utc, item.end_utc


def statuses(session: Session, item_ids: list[int]) -> dict[int, str]:
    """The status of each of these items (an id that is gone is refused)."""
    found = dict(session.execute(select(Item.id, Item.status).where(Item.id.in_(item_ids))).all())
    missing = set(item_ids) - set(found)
    if missing:
        raise NotFoundError(_("item #{min} does not exist").format(min=min(missing)))
    return {item_id: found[item_id] for item_id in item_ids}


def _instant(value: object, zone_name: str, field: str) -> datetime:
    """A UTC instant from an aware datetime, or from a naive wall-clock time at `zone_name`."""
    if not isinstance(value, datetime):
        raise ValidationError(field, _("is required (a date and time)"))
    return to_utc(value, zone_name)


Lookup = Callable[[type[T], int, str], T]


def _getter(session: Session, lookups: dict[tuple[type, int], Any] | None) -> Lookup:
    """How the checks read a programme, room or venue row: from `lookups` when given (an
    import checks thousands of items against the same few rows), else from the session."""
    if lookups is None:
        return partial(fetch, session)

    def get(model: type[T], entity_id: int, what: str) -> T:
        found = lookups.get((model, entity_id))
        if found is None:
            # A row read for the checks must not flush the caller's pending objects.
            with session.no_autoflush:
                found = lookups[(model, entity_id)] = fetch(session, model, entity_id, what)
        return cast(T, found)

    return get


# What `_check` reads and completes of an item.
_CHECKED = (
    "title_en",
    "title_local",
    "kind",
    "status",
    "description",
    "track",
    "language",
    "programme_id",
    "room_id",
    "venue_id",
    "timezone",
    "recurrence",
    "exdates",
    "rdates",
)


def _validate(session: Session, item: Item, start: object, end: object) -> None:
    """Check and complete an item's fields (the checks are `_check`'s, on its values)."""
    values: dict[str, Any] = {field: getattr(item, field) for field in _CHECKED}
    _check(values, start, end, _getter(session, None))
    for field in (*_CHECKED, "start_utc", "end_utc"):
        if field not in ("programme_id", "room_id", "venue_id"):
            setattr(item, field, values[field])
    if values["venue_id"] != item.venue_id:  # taken from the room
        item.venue_id = values["venue_id"]


def _check(values: dict[str, Any], start: object, end: object, get: Lookup) -> None:
    """Check an item's values and complete them as stored (kind, status, zone, UTC times), in
    place; the first problem raises a ValidationError.

    Works on a plain dict, not an Item: an import checks thousands of rows, and the ORM's
    attribute tracking was most of its time. The checks and their words are
    `validation`'s.
    """
    values["title_en"] = v.required_text(values["title_en"], "English title", max_length=300)
    values["title_local"] = v.optional_text(values["title_local"], "local title", max_length=300)
    values["kind"] = v.choice(values["kind"] or ItemKind.SESSION, ItemKind, "kind")
    values["status"] = v.choice(values["status"] or ItemStatus.CONFIRMED, ItemStatus, "status")
    values["description"] = v.optional_text(values["description"], "description", max_length=10_000)
    values["track"] = v.optional_text(values["track"], "track", max_length=10_000)
    values["language"] = v.optional_text(values["language"], "language", max_length=10_000)
    if values["programme_id"] is None:
        raise ValidationError("programme", _("is required"))
    programme = get(Programme, values["programme_id"], "programme")
    if values["room_id"] is not None:
        room = get(Room, values["room_id"], "room")
        if values["venue_id"] is None:
            values["venue_id"] = room.venue_id
        elif room.venue_id != values["venue_id"]:
            raise ValidationError(
                "room", _("room {name!r} is not at the chosen venue").format(name=room.name)
            )
    if values["venue_id"] is not None:
        values["timezone"] = get(Venue, values["venue_id"], "venue").timezone
    zone_name = values["timezone"] = v.timezone_name(values["timezone"] or programme.timezone)
    start_utc = values["start_utc"] = _instant(start, zone_name, "start")
    end_utc = values["end_utc"] = _instant(end, zone_name, "end")
    v.end_after_start(start_utc, end_utc)
    rule = values["recurrence"] = v.optional_text(
        values["recurrence"], "recurrence", max_length=1000
    )
    exdates = values["exdates"] = v.optional_text(
        values["exdates"], "exception dates", max_length=10_000
    )
    rdates = values["rdates"] = v.optional_text(values["rdates"], "extra dates", max_length=10_000)
    # Without a rule or exception dates there is nothing to read (nor a local start to need).
    if rule or exdates:
        validate_rule(rule, exdates, to_local(start_utc, zone_name))
    if rdates:
        parse_rdates(rdates)


# The columns an import's bulk insert fills from the checks, by name.
_COLUMNS = tuple(c.key for c in Item.__table__.columns if c.key not in ("id", "uid", "sequence"))
_FIELDS = frozenset(FIELDS)


def create_item(session: Session, *, start: datetime, end: datetime, **fields: object) -> int:
    """Add an item. Naive `start`/`end` are wall-clock times where the item happens."""
    item = Item()
    apply_changes(item, fields, FIELDS, "item")
    with session.no_autoflush:
        _validate(session, item, start, end)
    session.add(item)
    session.flush()
    return item.id


def checked_item_values(
    session: Session,
    *,
    start: datetime,
    end: datetime,
    lookups: dict[tuple[type, int], Any] | None = None,
    **fields: object,
) -> dict[str, object]:
    """What `create_item` would store, checked the same way, as a row for a bulk insert.

    Nothing is added to the session; an import inserts many such rows in one statement,
    passing one `lookups` dict for all of them (see `_getter`).
    """
    unknown = fields.keys() - _FIELDS
    if unknown:  # as `apply_changes` refuses it
        raise ValidationError(
            min(unknown), _("is not a field of a {what} that can be changed").format(what="item")
        )
    values: dict[str, Any] = dict.fromkeys(_COLUMNS)
    values.update(fields)
    if lookups is None:
        with session.no_autoflush:  # a row read for the checks must not flush the caller's
            _check(values, start, end, _getter(session, None))
    else:  # rows missing from `lookups` are read without a flush (see `_getter`)
        _check(values, start, end, _getter(session, lookups))
    return values


def update_item(session: Session, item_id: int, **changes: object) -> None:
    """Change an item; `start`/`end` may be naive local times or aware instants."""
    item = fetch(session, Item, item_id, "item")
    old_zone = item.timezone
    start = changes.pop("start", to_local(item.start_utc, old_zone).replace(tzinfo=None))
    end = changes.pop("end", to_local(item.end_utc, old_zone).replace(tzinfo=None))
    apply_changes(item, changes, FIELDS, "item")
    with session.no_autoflush:
        _validate(session, item, start, end)
    item.sequence = (item.sequence or 0) + 1
    session.flush()


def move_item(session: Session, item_id: int, new_start: datetime) -> None:
    """Move an item to a new start, keeping its length."""
    item = fetch(session, Item, item_id, "item")
    length: timedelta = item.end_utc - item.start_utc
    start_utc = _instant(new_start, item.timezone, "start")
    update_item(session, item_id, start=start_utc, end=start_utc + length)


def set_statuses(session: Session, statuses: dict[int, str]) -> dict[int, str]:
    """Give items new statuses in one go; returns their statuses before (for undo).

    Checks every status and id first, so a bad one changes nothing.
    """
    for status in set(statuses.values()):
        v.choice(status, ItemStatus, "status")
    found = {i.id: i for i in session.scalars(select(Item).where(Item.id.in_(list(statuses))))}
    missing = set(statuses) - set(found)
    if missing:
        raise NotFoundError(_("item #{min} does not exist").format(min=min(missing)))
    before = {}
    for item_id, status in statuses.items():
        item = found[item_id]
        before[item_id] = item.status
        if item.status != status:
            item.status = status
            item.sequence = (item.sequence or 0) + 1
    session.flush()
    return before


def delete_item(session: Session, item_id: int) -> None:
    """Remove an item and its participations."""
    session.delete(fetch(session, Item, item_id, "item"))
    session.flush()


def get_item(session: Session, item_id: int) -> Item:
    return fetch(session, Item, item_id, "item")


def list_items(session: Session, programme_id: int | None = None) -> list[Item]:
    """Items in time order, of one programme or of the whole plan."""
    query = select(Item).order_by(Item.start_utc, Item.id)
    if programme_id is not None:
        query = query.where(Item.programme_id == programme_id)
    return list(session.scalars(query))


def programmes_of(session: Session, item_ids: set[int] | list[int]) -> dict[int, int]:
    """The programme of each of these items that exists, in one query."""
    return dict(
        session.execute(select(Item.id, Item.programme_id).where(Item.id.in_(list(item_ids)))).all()
    )

"""Items: the scheduled things of a programme (sessions, meals, visits, transfers...)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from functools import partial
from operator import attrgetter, lt, methodcaller
from typing import Any, TypeVar, cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from tourplanner.enums import ItemKind, ItemStatus
from tourplanner.errors import NotFoundError, TourPlannerError, ValidationError
from tourplanner.i18n import _
from tourplanner.models import Item, Participation, Programme, Room, Venue
from tourplanner.printable import is_printable
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


def _place(get: Lookup, place: tuple[Any, Any, Any, Any]) -> tuple[Any, str]:
    """The venue id and zone name an item of (programme, room, venue, zone) is stored with:
    the room's venue when none is given, the venue's zone, else the programme's."""
    programme_id, room_id, venue_id, zone_name = place
    if programme_id is None:
        raise ValidationError("programme", _("is required"))
    programme = get(Programme, programme_id, "programme")
    if room_id is not None:
        room = get(Room, room_id, "room")
        if venue_id is None:
            venue_id = room.venue_id
        elif room.venue_id != venue_id:
            raise ValidationError(
                "room", _("room {name!r} is not at the chosen venue").format(name=room.name)
            )
    if venue_id is not None:
        zone_name = get(Venue, venue_id, "venue").timezone
    return venue_id, v.timezone_name(zone_name or programme.timezone)


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
    place = (values["programme_id"], values["room_id"], values["venue_id"], values["timezone"])
    venue_id, zone_name = _place(get, place)
    values["venue_id"], values["timezone"] = venue_id, zone_name
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


# `_check`'s optional texts and their longest, as it checks them.
_OPTIONAL = (
    ("title_local", 300),
    ("description", 10_000),
    ("track", 10_000),
    ("language", 10_000),
    ("recurrence", 1000),
    ("exdates", 10_000),
    ("rdates", 10_000),
)


def checked_item_columns(
    session: Session,
    columns: Mapping[str, list[Any]],
    starts: list[datetime],
    ends: list[datetime],
    *,
    lookups: dict[tuple[type, int], Any] | None = None,
) -> dict[str, list[Any]] | None:
    """`checked_item_values` over whole columns (a field left out is unset in every row), for
    an import of many items at once: the checked columns (those `_check` sets, with
    `start_utc` and `end_utc`), or None if any row needs `checked_item_values` itself.

    Only answers when every row passes as it is; anything else (and a repeating item, whose
    rule is read row by row) is for `checked_item_values`, which words the problem, so the
    rules and their messages stay in `_check`. Each column is one pass (a value repeated down
    it, a kind or a room, is checked once) instead of one `_check` per row.
    """
    count = len(starts)
    if columns.keys() - _FIELDS or len(ends) != count:
        return None
    if any(len(values) != count for values in columns.values()):
        return None
    unset: list[Any] = [None] * count
    out: dict[str, list[Any]] = {}
    title = _text_column(columns.get("title_en", unset), 300)
    if title is None or not all(title):
        return None
    out["title_en"] = title
    for field, longest in _OPTIONAL:
        if field not in columns:  # unset in every row: `optional_text` of None is ""
            out[field] = [""] * count
            continue
        texts = _text_column(columns[field], longest)
        if texts is None:
            return None
        out[field] = texts
    if any(out["recurrence"]) or any(out["exdates"]) or any(out["rdates"]):
        return None
    kinds = _each_distinct(columns.get("kind", unset), _chosen(ItemKind.SESSION, "kind"))
    statuses = _each_distinct(columns.get("status", unset), _chosen(ItemStatus.CONFIRMED, "status"))
    get = _getter(session, lookups)
    places = list(
        zip(
            columns.get("programme_id", unset),
            columns.get("room_id", unset),
            columns.get("venue_id", unset),
            columns.get("timezone", unset),
            strict=True,
        )
    )
    zoned = _each_distinct(places, partial(_place, get))
    if kinds is None or statuses is None or zoned is None:
        return None
    out["kind"], out["status"] = kinds, statuses
    out["programme_id"] = [p for p, _r, _v, _t in places]
    out["room_id"] = [r for _p, r, _v, _t in places]
    out["venue_id"], out["timezone"] = (list(c) for c in zip(*zoned, strict=True))
    start_utc = _utc_column(starts, out["timezone"])
    end_utc = _utc_column(ends, out["timezone"])
    if start_utc is None or end_utc is None:
        return None
    # `end_after_start` of every row: each time printable (the earliest and latest are),
    # each end after its start.
    bounds = (min(start_utc), max(start_utc), min(end_utc), max(end_utc)) if count else ()
    if not all(map(is_printable, bounds)) or not all(map(lt, start_utc, end_utc)):
        return None
    return out | {"start_utc": start_utc, "end_utc": end_utc}


def _text_column(values: list[Any], longest: int) -> list[str] | None:
    """`v.optional_text` of each value (None is ""), or None if one is refused."""
    kinds = set(map(type, values))
    if not kinds <= {str, type(None)}:
        return None
    if type(None) in kinds:
        values = ["" if x is None else x for x in values]
    texts = list(map(str.strip, values))
    return texts if max(map(len, texts), default=0) <= longest else None


def _each_distinct(values: list[Any], check: Callable[[Any], Any]) -> list[Any] | None:
    """`check` of each value, each distinct value checked once; None if one is refused."""
    try:
        done = {value: check(value) for value in set(values)}
    except (TourPlannerError, TypeError):  # refused, or a value that cannot be a key
        return None
    return list(map(done.__getitem__, values))


def _chosen(default: StrEnum, field: str) -> Callable[[Any], str]:
    """What `_check` stores of a kind or status: `v.choice` of it, or of the default if unset."""
    return lambda value: v.choice(value or default, type(default), field)


def _utc_column(values: list[Any], zones: list[str]) -> list[datetime] | None:
    """`_instant` of each value at its row's zone, or None if one is refused (or overflows).

    Aware values (what a schedule's ISO times give) are converted in one C loop, as `to_utc`
    converts each: a zone is only needed for a naive wall-clock time.
    """
    if not set(map(type, values)) <= {datetime}:
        return None
    try:
        if None in set(map(_tzinfo, values)):
            return list(map(to_utc, values, zones))
        return list(map(_as_utc, values))
    except (OverflowError, ValueError, TourPlannerError):
        return None


_as_utc = methodcaller("astimezone", UTC)
_tzinfo = attrgetter("tzinfo")


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

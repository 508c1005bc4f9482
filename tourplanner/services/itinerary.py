"""Read-side queries: a person's itinerary, a programme's day, a tour's roster, a summary."""

from __future__ import annotations

import bisect
import dataclasses
from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime

from sqlalchemy import ColumnElement, Select, false, func, or_, select
from sqlalchemy.orm import Session, selectinload

from tourplanner.enums import ItemKind, ItemStatus, ParticipationRole, ParticipationStatus
from tourplanner.family_names import family_sort_key
from tourplanner.models import (
    Group,
    Item,
    Organization,
    Participation,
    Person,
    Programme,
    Room,
    TravelSegment,
    Venue,
)
from tourplanner.scheduling.recurrence import occurrences
from tourplanner.services import protocol
from tourplanner.services.common import fetch
from tourplanner.services.item_places import Places, for_print
from tourplanner.services.plans import get_plan
from tourplanner.services.travel import travel_of_person
from tourplanner.services.views import (
    ItemView,
    Itinerary,
    PersonView,
    PlanSummary,
    ProgrammeSummary,
    ProgrammeView,
    Roster,
    RosterEntry,
    TimelineItem,
    TravelView,
    VenueView,
)
from tourplanner.timezones import local_day_bounds, to_local

# Breakouts run in parallel, so being on a conference does not put them in a personal itinerary:
# the person must be booked into them. Everything else in a programme is for all its people.
NEEDS_OWN_BOOKING = frozenset({ItemKind.SESSION, ItemKind.PANEL, ItemKind.WORKSHOP})
IDS_PER_QUERY = 500  # bound parameters per IN (...): well under SQLite's limit
# The people an item's readers are told about: who speaks, chairs, leads and interprets it.
NAMED_ROLES = (
    ParticipationRole.SPEAKING,
    ParticipationRole.CHAIRING,
    ParticipationRole.LEADING,
    ParticipationRole.INTERPRETING,
)


def event_first_day(session: Session, programme_ids: Iterable[int]) -> date | None:
    """Day 1 of the event these programmes belong to: the first day of the earliest programme
    in their families (a conference with its pre- and post-tours counts its days as one).

    Every document numbers its days from here, so a date has the same number for everyone.
    """
    every = {p.id: p for p in session.scalars(select(Programme))}

    def root(pid: int) -> int:
        seen = set()
        while (parent := every[pid].parent_id) is not None and pid not in seen:
            seen.add(pid)
            pid = parent
        return pid

    roots = {root(pid) for pid in programme_ids if pid in every}
    starts = [p.start_date for pid, p in every.items() if root(pid) in roots]
    return min(starts, default=None)


def with_places(
    session: Session, views: Iterable[TravelView], places: Places | None = None
) -> list[TravelView]:
    """Journeys with the plan's venue at each end where one is the same airport or place: the
    Chinese name and address of "Shenzhen Bao'an (SZX) T3" come from the plan's SZX venue."""
    places = places or Places.load(session)
    return [
        dataclasses.replace(
            v, from_venue=places.of_text(v.from_place), to_venue=places.of_text(v.to_place)
        )
        for v in views
    ]


def names_by_item(
    session: Session, item_ids: list[int] | Select
) -> dict[int, dict[str, list[str]]]:
    """Speakers, chairs, leaders and interpreters of each item, by display name, in name order.

    `item_ids` may be a SELECT of ids: a day of 3,000 items as a list of bound parameters
    costs more to compile than the query takes to run. A list is read in chunks.
    """
    result: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    if isinstance(item_ids, Select):
        chunks: list[list[int] | Select] = [item_ids]
    else:
        chunks = [item_ids[n : n + IDS_PER_QUERY] for n in range(0, len(item_ids), IDS_PER_QUERY)]
    for chunk in chunks:
        rows = session.execute(
            select(
                Participation.item_id,
                Participation.role,
                Person.honorific,
                Person.name_latin,
                Person.name_local,
            )
            .join(Person)
            .where(
                Participation.item_id.in_(chunk),
                Participation.role.in_(NAMED_ROLES),
                Participation.status != ParticipationStatus.CANCELLED,
            )
            .order_by(Person.name_latin)
        )
        for item_id, role, honorific, name_latin, name_local in rows:
            assert item_id is not None  # the query asks for these items' bookings only
            result[item_id][role].append(Person.name_of(honorific, name_latin, name_local))
    return result


def item_views(
    session: Session, items: list[Item], *, roles: dict[int, str] | None = None
) -> list[ItemView]:
    """Views of items, recurring ones expanded within their programme's dates, in time order."""
    names = names_by_item(session, [i.id for i in items])
    views = []
    for item in items:
        people = names.get(item.id, {})
        for start, end in occurrences(
            start_utc=item.start_utc,
            end_utc=item.end_utc,
            zone_name=item.timezone,
            rule_text=item.recurrence,
            exdates_text=item.exdates,
            until=item.programme.end_date,
            rdates_text=item.rdates,
        ):
            views.append(
                ItemView.of(
                    item,
                    start_utc=start,
                    end_utc=end,
                    speakers=tuple(people.get(ParticipationRole.SPEAKING, ())),
                    chairs=tuple(people.get(ParticipationRole.CHAIRING, ())),
                    role=(roles or {}).get(item.id, ""),
                    guides=tuple(people.get(ParticipationRole.LEADING, ())),
                    interpreters=tuple(people.get(ParticipationRole.INTERPRETING, ())),
                )
            )
    views.sort(key=lambda v: (v.start_utc, v.end_utc, v.id))
    return views


def load_items(session: Session, condition: ColumnElement[bool]) -> list[Item]:
    """Items matching a condition, with venue, room and programme loaded, in time order."""
    return list(
        session.scalars(
            select(Item)
            .where(condition)
            .options(
                selectinload(Item.venue), selectinload(Item.room), selectinload(Item.programme)
            )
            .order_by(Item.start_utc, Item.id)
        )
    )


def person_itinerary(
    session: Session,
    person_id: int,
    *,
    include_cancelled: bool = False,
    include_sensitive: bool = False,
    places: Places | None = None,
) -> Itinerary:
    """The person's own items, programmes and travel in time order, never anyone else's.

    `places`: the plan's venues, loaded once by a caller reading many people (a batch)."""
    person = fetch(session, Person, person_id, "person")
    parts = session.scalars(
        select(Participation).where(
            Participation.person_id == person_id,
            Participation.status == ParticipationStatus.CONFIRMED,
        )
    ).all()
    direct = {p.item_id: p.role for p in parts if p.item_id is not None}
    programme_ids = {p.programme_id for p in parts if p.programme_id is not None}
    programmes = [fetch(session, Programme, pid, "programme") for pid in sorted(programme_ids)]
    condition = Item.id.in_(direct) | (
        Item.programme_id.in_(programme_ids) & Item.kind.not_in(NEEDS_OWN_BOOKING)
    )
    items = [
        i
        for i in load_items(session, condition)
        if include_cancelled or i.status != ItemStatus.CANCELLED
    ]
    places = places or Places.load(session)
    journeys = (TravelView.of(t) for t in travel_of_person(session, person_id))
    travel = tuple(with_places(session, journeys, places))
    return Itinerary(
        person=PersonView.of(person, include_sensitive=include_sensitive),
        programmes=tuple(
            ProgrammeView.of(p) for p in sorted(programmes, key=lambda p: p.start_date)
        ),
        items=tuple(for_print(session, item_views(session, items, roles=direct), travel, places)),
        travel=travel,
        seats=protocol.seats_of_person(session, person_id),
        # Booked only into items (a host, a speaker), a person still counts the event's days.
        first_day=event_first_day(session, programme_ids | {i.programme_id for i in items}),
    )


def programme_items(
    session: Session, programme_id: int, *, include_cancelled: bool = True
) -> list[ItemView]:
    """All occurrences of a programme's items in time order."""
    fetch(session, Programme, programme_id, "programme")
    items = load_items(session, Item.programme_id == programme_id)
    views = item_views(session, items)
    return [v for v in views if include_cancelled or v.status != ItemStatus.CANCELLED]


def item_occurrences(session: Session, item_id: int) -> list[ItemView]:
    """The views of one item (one per occurrence of a repeating item)."""
    fetch(session, Item, item_id, "item")
    return items_occurrences(session, [item_id])


def items_occurrences(session: Session, item_ids: list[int]) -> list[ItemView]:
    """The views of these items in time order; an item deleted meanwhile has none."""
    return item_views(session, load_items(session, Item.id.in_(item_ids)))


def item_speakers(session: Session, item_id: int) -> tuple[str, ...]:
    """The display names of an item's speakers, in name order."""
    fetch(session, Item, item_id, "item")
    return tuple(names_by_item(session, [item_id])[item_id][ParticipationRole.SPEAKING])


def programme_days(session: Session, programme_id: int) -> list[date]:
    """The local dates of a programme, first to last."""
    prog = fetch(session, Programme, programme_id, "programme")
    days = (prog.end_date - prog.start_date).days + 1
    return [date.fromordinal(prog.start_date.toordinal() + n) for n in range(days)]


def _in_time_order(view: ItemView | TimelineItem) -> tuple[datetime, datetime, int]:
    return view.start_utc, view.end_utc, view.id


def _one_off_on(
    session: Session, programme_id: int, day: date
) -> tuple[ColumnElement[bool], list[ColumnElement[bool]]]:
    """The condition for a programme's one-off items starting on local date `day` in their
    own zone (one UTC range per zone the programme uses), and those ranges (none: no items)."""
    zones = session.scalars(
        select(Item.timezone).where(Item.programme_id == programme_id).distinct()
    ).all()
    spans: list[ColumnElement[bool]] = []
    for zone_name in zones:
        begin, end = local_day_bounds(day, zone_name)
        spans.append(
            (Item.timezone == zone_name) & (Item.start_utc >= begin) & (Item.start_utc < end)
        )
    one_off: ColumnElement[bool] = (
        (Item.programme_id == programme_id) & (Item.recurrence == "") & or_(false(), *spans)
    )
    return one_off, spans


def _repeating_on(session: Session, programme_id: int, day: date) -> list[ItemView]:
    """The occurrences of a programme's repeating items starting on local date `day`."""
    condition = (Item.programme_id == programme_id) & (Item.recurrence != "")
    # Most programmes have none: a plain query tells, sparing every day read the ORM's load of
    # nothing (about 1 ms; both walk the programme's items, no index holds `recurrence`).
    if session.connection().execute(select(Item.id).where(condition).limit(1)).first() is None:
        return []
    repeating = load_items(session, condition)
    return [
        view
        for view in item_views(session, repeating)
        if to_local(view.start_utc, view.timezone).date() == day
    ]


def _venues_by_id(session: Session, ids: set[int | None]) -> dict[int | None, VenueView]:
    """The views of the venues a day's rows name, in one query (None: no venue)."""
    wanted = [i for i in ids if i is not None]
    return {
        v.id: VenueView.of(v) for v in session.scalars(select(Venue).where(Venue.id.in_(wanted)))
    }


def programme_day(
    session: Session,
    programme_id: int,
    day: date,
    *,
    include_cancelled: bool = True,
    with_people: bool = True,
) -> list[ItemView]:
    """The occurrences starting on local date `day` (in each item's own zone), in time order.

    The timeline shows one day of programmes of thousands of items, so one-off items are read
    as plain columns, only those starting on that local date in their zone (one UTC range per
    zone the programme uses); only repeating items go through the full object load. Without
    people, one-off items have no speakers and chairs: the timeline asks for those of one item
    when it shows them (`item_speakers`), which saves a quarter of the day's reading time.
    """
    prog = fetch(session, Programme, programme_id, "programme")
    one_off, spans = _one_off_on(session, programme_id, day)
    # Plain columns through the connection: the ORM's result handling would double the time.
    rows = (
        session.connection()
        .execute(
            select(
                Item.id,
                Item.uid,
                Item.title_en,
                Item.title_local,
                Item.kind,
                Item.status,
                Item.start_utc,
                Item.end_utc,
                Item.timezone,
                Item.venue_id,
                Room.name,
                Room.name_local,
                Room.capacity,
                Item.description,
                Item.track,
                Item.language,
                Item.sequence,
            )
            .outerjoin(Room, Item.room_id == Room.id)
            .where(one_off)
            .order_by(Item.start_utc, Item.end_utc, Item.id)  # the timeline's order
        )
        .all()
        if spans
        else []
    )
    venues = _venues_by_id(session, {r[9] for r in rows})
    wanted = rows and with_people
    names = names_by_item(session, select(Item.id).where(one_off)) if wanted else {}
    speaking, chairing = ParticipationRole.SPEAKING, ParticipationRole.CHAIRING
    none: dict[str, list[str]] = {}
    views = []
    # Unpacked by position: 3,000 rows x 17 attribute lookups is most of a day's reading time.
    for (
        item_id,
        uid,
        title_en,
        title_local,
        kind,
        status,
        start_utc,
        end_utc,
        zone_name,
        venue_id,
        room,
        room_local,
        room_capacity,
        description,
        track,
        language,
        sequence,
    ) in rows:
        people = names.get(item_id, none)
        views.append(
            ItemView.of_columns(
                item_id,
                uid,
                programme_id,
                prog.title_en,
                title_en,
                title_local,
                kind,
                status,
                start_utc,
                end_utc,
                zone_name,
                venues.get(venue_id),
                room or "",
                room_local or "",
                room_capacity,
                description,
                track,
                language,
                "",
                sequence,
                tuple(people.get(speaking, ())),
                tuple(people.get(chairing, ())),
            )
        )
    # The one-off rows come in order; the few repeating ones are put in their places, which
    # spares a sort key per row of a 3,000-item day.
    for view in _repeating_on(session, programme_id, day):
        bisect.insort(views, view, key=_in_time_order)
    return [v for v in views if include_cancelled or v.status != ItemStatus.CANCELLED]


def timeline_day(session: Session, programme_id: int, day: date) -> list[TimelineItem]:
    """`programme_day(..., with_people=False)` as the timeline draws it: the same occurrences
    in the same order, each with only the fields a block uses (`TimelineItem`).

    Going to a busy day not read ahead waits for this read (3,400 items): the eleven columns
    the timeline never shows are not read, nor made into 28-field views.
    """
    fetch(session, Programme, programme_id, "programme")
    one_off, spans = _one_off_on(session, programme_id, day)
    if not spans:
        return []
    rows = (
        session.connection()
        .execute(
            select(
                Item.id,
                Item.title_en,
                Item.title_local,
                Item.kind,
                Item.status,
                Item.start_utc,
                Item.end_utc,
                Item.timezone,
                Item.venue_id,
                Room.name,
            )
            .outerjoin(Room, Item.room_id == Room.id)
            .where(one_off)
            .order_by(Item.start_utc, Item.end_utc, Item.id)
        )
        .all()
    )
    get = _venues_by_id(session, {r[8] for r in rows}).get
    views = [
        TimelineItem(i, programme_id, en, local, kind, status, start, end, zone, get(v), room or "")
        for i, en, local, kind, status, start, end, zone, v, room in rows
    ]
    for view in _repeating_on(session, programme_id, day):
        bisect.insort(views, TimelineItem.of(view), key=_in_time_order)
    return views


def tour_roster(session: Session, programme_id: int) -> Roster:
    """Who is on a programme (the bus), with role and status, and how many seats are taken;
    in family-name order, as a guide calls the names."""
    prog = fetch(session, Programme, programme_id, "programme")
    parts = session.scalars(
        select(Participation)
        .where(Participation.programme_id == programme_id)
        .options(selectinload(Participation.person))
    ).all()
    ordered = sorted(parts, key=lambda p: family_sort_key(p.person.name_latin, p.person.name_local))
    entries = tuple(RosterEntry(PersonView.of(p.person), p.role, p.status) for p in ordered)
    confirmed = len({e.person.id for e in entries if e.status == ParticipationStatus.CONFIRMED})
    return Roster(ProgrammeView.of(prog), entries, confirmed)


def plan_summary(session: Session) -> PlanSummary:
    """Counts and programmes of the plan: what `tourplanner info` prints."""
    plan = get_plan(session)
    counted = {
        "items": Item,
        "people": Person,
        "organizations": Organization,
        "groups": Group,
        "venues": Venue,
        "participations": Participation,
        "travel_segments": TravelSegment,
    }
    # One statement for every count: the window reads them as it opens, when each statement is
    # compiled for the first time (a few ms saved of the window's start).
    counts = session.execute(
        select(*(select(func.count()).select_from(m).scalar_subquery() for m in counted.values()))
    ).one()

    item_counts = dict(
        session.execute(select(Item.programme_id, func.count()).group_by(Item.programme_id)).all()
    )
    programmes = tuple(
        ProgrammeSummary(
            p.id,
            p.title_en,
            p.title_local,
            p.kind,
            p.start_date,
            p.end_date,
            item_counts.get(p.id, 0),
            p.parent_id,
        )
        for p in session.scalars(select(Programme).order_by(Programme.start_date, Programme.id))
    )
    return PlanSummary(
        plan.title,
        plan.organization,
        plan.home_timezone,
        programmes,
        {"programmes": len(programmes), **dict(zip(counted, counts, strict=True))},
    )

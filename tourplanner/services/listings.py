"""The rows of the app's tables (and of any listing): plain tuples, each query read in one go.

Each function returns `(id, cell, cell, ...)` tuples of display text in a stable order, with the
column titles beside it, so a table of 20,000 items is one query, not 20,000 object loads.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased

from tourplanner.enums import TravelKind, label
from tourplanner.models import (
    Group,
    Item,
    Organization,
    Person,
    Programme,
    Room,
    Traveller,
    TravelSegment,
    TravelTime,
    Venue,
    group_members,
)
from tourplanner.plan_year import day_text
from tourplanner.services.programmes import main_year_of
from tourplanner.timezones import abbreviation, day_offset, day_offset_label, to_local


class Listing(NamedTuple):
    columns: tuple[str, ...]
    rows: list[tuple]
    # A column of dates or times shown as text: it sorts in the rows' own (time) order.
    time_column: int | None = None


def _count(column: ColumnElement[Any] | InstrumentedAttribute[Any]) -> ColumnElement[int]:
    return func.count(func.distinct(column))


def people_listing(session: Session) -> Listing:
    groups: dict[int, str] = dict(
        session.execute(
            select(group_members.c.person_id, func.aggregate_strings(Group.name, ", "))
            .join(Group, Group.id == group_members.c.group_id)
            .group_by(group_members.c.person_id)
        ).all()
    )
    query = (
        select(
            Person.id,
            Person.name_latin,
            Person.name_local,
            Organization.name_en,
            Person.role,
            Person.email,
        )
        .outerjoin(Organization, Organization.id == Person.organization_id)
        .order_by(Person.name_latin, Person.id)
    )
    rows = [
        (pid, name, local, org or "", label(role), groups.get(pid, ""), email)
        for pid, name, local, org, role, email in session.execute(query)
    ]
    return Listing(("Name", "Local name", "Organization", "Role", "Groups", "Email"), rows)


def venues_listing(session: Session) -> Listing:
    query = (
        select(
            Venue.id,
            Venue.name_en,
            Venue.name_local,
            Venue.city,
            Venue.address_en,
            Venue.timezone,
            _count(Room.id),
        )
        .outerjoin(Room, Room.venue_id == Venue.id)
        .group_by(Venue.id)
        .order_by(Venue.name_en, Venue.id)
    )
    rows = [(*row[:6], str(row[6]) if row[6] else "") for row in session.execute(query)]
    return Listing(("Name", "Local name", "City", "Address", "Time zone", "Rooms"), rows)


def rooms_listing(session: Session) -> Listing:
    query = (
        select(
            Room.id,
            Room.name,
            Room.name_local,
            Venue.name_en,
            Room.capacity,
            _count(Item.id),
        )
        .join(Venue, Venue.id == Room.venue_id)
        .outerjoin(Item, Item.room_id == Room.id)
        .group_by(Room.id)
        .order_by(Venue.name_en, Room.name, Room.id)
    )
    rows = [
        (rid, name, local, venue, "" if seats is None else str(seats), str(count))
        for rid, name, local, venue, seats, count in session.execute(query)
    ]
    return Listing(("Room", "Local name", "Venue", "Seats", "Items"), rows)


def organizations_listing(session: Session) -> Listing:
    query = (
        select(
            Organization.id,
            Organization.name_en,
            Organization.name_local,
            Organization.country,
            _count(Person.id),
        )
        .outerjoin(Person, Person.organization_id == Organization.id)
        .group_by(Organization.id)
        .order_by(Organization.name_en, Organization.id)
    )
    rows = [(*row[:4], str(row[4])) for row in session.execute(query)]
    return Listing(("Name", "Local name", "Country", "People"), rows)


def groups_listing(session: Session) -> Listing:
    query = (
        select(Group.id, Group.name, _count(group_members.c.person_id), Group.description)
        .outerjoin(group_members, group_members.c.group_id == Group.id)
        .group_by(Group.id)
        .order_by(Group.name, Group.id)
    )
    rows = [
        (gid, name, str(count), description)
        for gid, name, count, description in session.execute(query)
    ]
    return Listing(("Name", "Members", "Description"), rows)


def programmes_listing(session: Session) -> Listing:
    query = (
        select(
            Programme.id,
            Programme.title_en,
            Programme.title_local,
            Programme.kind,
            Programme.start_date,
            Programme.end_date,
            _count(Item.id),
        )
        .outerjoin(Item, Item.programme_id == Programme.id)
        .group_by(Programme.id)
        .order_by(Programme.start_date, Programme.id)
    )
    rows = [
        (pid, title, local, label(kind), f"{start:%d %b} – {end:%d %b %Y}", str(count))
        for pid, title, local, kind, start, end, count in session.execute(query)
    ]
    return Listing(("Title", "Local title", "Kind", "Dates", "Items"), rows, time_column=3)


def items_listing(session: Session) -> Listing:
    """Every item (a repeating one once, at its first time), local time with the zone (and the
    year when it is not the plan's)."""
    prog = aliased(Programme)
    year = main_year_of(session)
    query = (
        select(
            Item.id,
            Item.title_en,
            Item.title_local,
            Item.start_utc,
            Item.end_utc,
            Item.timezone,
            Item.kind,
            Item.status,
            prog.title_en,
            Venue.name_en,
            Room.name,
            Item.recurrence,
        )
        .join(prog, prog.id == Item.programme_id)
        .outerjoin(Venue, Venue.id == Item.venue_id)
        .outerjoin(Room, Room.id == Item.room_id)
        .order_by(Item.start_utc, Item.id)
    )
    rows = []
    for (
        iid,
        title,
        local,
        start,
        end,
        zone,
        kind,
        status,
        ptitle,
        venue,
        room,
        rule,
    ) in session.execute(query):
        begin = to_local(start, zone)
        when = (
            f"{day_text(begin.date(), year)} {begin:%H:%M}–{to_local(end, zone):%H:%M} "
            f"{abbreviation(start, zone)}"
        )
        place = " · ".join(p for p in (venue, room) if p)
        rows.append(
            (
                iid,
                title,
                local,
                when + (" (repeats)" if rule else ""),
                label(kind),
                label(status),
                ptitle,
                place,
            )
        )
    return Listing(
        ("Title", "Local title", "When (local)", "Kind", "Status", "Programme", "Venue"),
        rows,
        time_column=2,
    )


def _travellers_cell(names: list[str]) -> str:
    """Who is on a journey: one or two names, or the count first (every name stays searchable).

    A journey whose people were all deleted stays (undoing a deletion puts them back on it)."""
    if not names:
        return "(nobody: add travellers or delete it)"
    if len(names) <= 2:
        return ", ".join(names)
    return f"{len(names)} travellers: {', '.join(names)}"


def _codes_cell(codes: list[str]) -> str:
    """The booking code of a journey: the one everyone shares, each one's, or how many."""
    distinct = list(dict.fromkeys(c for c in codes if c))
    return ", ".join(distinct) if len(distinct) <= 2 else f"{len(distinct)} codes"


def travel_listing(session: Session) -> Listing:
    """Journeys and hotel stays in time order, one row each with its travellers, ends in zones."""
    who: dict[int, list[tuple[str, str]]] = {}
    for segment_id, name, code in session.execute(
        select(Traveller.segment_id, Person.name_latin, Traveller.confirmation_code)
        .join(Person, Person.id == Traveller.person_id)
        .order_by(Traveller.id)
    ):
        who.setdefault(segment_id, []).append((name, code))
    query = (
        select(
            TravelSegment.id,
            TravelSegment.kind,
            TravelSegment.carrier,
            TravelSegment.number,
            TravelSegment.from_place,
            TravelSegment.to_place,
            Venue.name_en,
            TravelSegment.start_utc,
            TravelSegment.start_timezone,
            TravelSegment.end_utc,
            TravelSegment.end_timezone,
        )
        .outerjoin(Venue, Venue.id == TravelSegment.venue_id)
        .order_by(TravelSegment.start_utc, TravelSegment.id)
    )
    rows = []
    for sid, kind, carrier, number, src, dst, venue, start, zone_a, end, zone_b in session.execute(
        query
    ):
        depart = f"{to_local(start, zone_a):%a %d %b %H:%M} {abbreviation(start, zone_a)}"
        arrive = f"{to_local(end, zone_b):%a %d %b %H:%M} {abbreviation(end, zone_b)}"
        offset = day_offset_label(start, zone_a, end, zone_b)
        if kind == TravelKind.HOTEL:  # a stay counts nights, a journey the days it crosses
            nights = day_offset(start, zone_a, end, zone_b)
            offset = f"({nights} night{'s' * (nights != 1)})" if nights else ""
        route = " → ".join(p for p in (src, dst or venue or "") if p)
        service = " ".join(p for p in (carrier, number) if p)
        people = who.get(sid, [])
        rows.append(
            (
                sid,
                _travellers_cell([name for name, _ in people]),
                label(kind),
                service,
                route,
                depart,
                f"{arrive} {offset}".strip(),
                _codes_cell([code for _, code in people]),
                len(people),
            )
        )
    return Listing(
        ("Travellers", "Kind", "Carrier", "Route or hotel", "Departs / in", "Arrives / out")
        + ("Code", "People"),
        rows,
        time_column=4,
    )


def travel_times_listing(session: Session) -> list[tuple[int, int, str, str, int]]:
    """The pairs of venues with their own travel time: (venue id, venue id, names, minutes)."""
    first, second = aliased(Venue), aliased(Venue)
    query = (
        select(
            TravelTime.from_venue_id,
            TravelTime.to_venue_id,
            first.name_en,
            second.name_en,
            TravelTime.minutes,
        )
        .join(first, first.id == TravelTime.from_venue_id)
        .join(second, second.id == TravelTime.to_venue_id)
        .order_by(first.name_en, second.name_en)
    )
    return [
        (a, b, first_name, second_name, minutes)
        for a, b, first_name, second_name, minutes in session.execute(query)
    ]


LISTINGS: dict[str, Callable[[Session], Listing]] = {
    "person": people_listing,
    "travel": travel_listing,
    "venue": venues_listing,
    "room": rooms_listing,
    "organization": organizations_listing,
    "group": groups_listing,
    "programme": programmes_listing,
    "item": items_listing,
}


def item_choices(session: Session) -> list[tuple[str, int]]:
    """Every item as a chooser lists it: local start with its zone, and its title."""
    rows = session.execute(
        select(Item.id, Item.title_en, Item.start_utc, Item.timezone).order_by(
            Item.start_utc, Item.id
        )
    ).all()
    return [
        (
            f"{to_local(start, zone):%a %d %b %H:%M} {abbreviation(start, zone)} — {title}",
            item_id,
        )
        for item_id, title, start, zone in rows
    ]

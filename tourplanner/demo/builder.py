"""Build the demo plan from its tables, through the services, into a new plan file."""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

# The tables are read through the package, not copied in here: a test (or another demo) can
# swap one table on `tourplanner.demo` and build from it.
from tourplanner import demo as tables
from tourplanner.db import PlanFile
from tourplanner.demo.operations import add_operations
from tourplanner.demo.protocol_build import add_protocol
from tourplanner.errors import PlanFileError
from tourplanner.services import (
    items,
    organizations,
    participations,
    people,
    plans,
    programmes,
    travel,
    venues,
)


def _at(text: str, *, day_of: str | None = None) -> datetime:
    """'2015-04-21 08:30', or just '08:30' on the date of `day_of`: a naive wall-clock time."""
    if len(text) <= 5 and day_of is not None:
        text = f"{day_of[:10]} {text}"
    return datetime.strptime(text, "%Y-%m-%d %H:%M")


def _code(*parts: str, digits: bool = False) -> str:
    """A stable, made-up booking reference (a 6-letter PNR, or an 8-digit hotel number)."""
    digest = hashlib.sha256("|".join(parts).encode()).digest()
    if digits:
        return "".join(str(b % 10) for b in digest[:8])
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "".join(alphabet[b % len(alphabet)] for b in digest[:6])


def populate_demo(session: Session) -> None:
    """Write the whole demo into an empty plan file, through the services."""
    plans.create_plan(session, **tables.PLAN)
    person_ids, group_ids = _add_people(session)
    venue_ids, room_ids = _add_venues(session)
    programme_ids, item_ids = _add_programmes(session, venue_ids, room_ids)
    _add_bookings(session, person_ids, group_ids, programme_ids, item_ids)
    for key, steps in tables.JOURNEYS.items():
        _add_journey(session, key, person_ids[key], steps, venue_ids)
    add_protocol(session, person_ids, item_ids)
    add_operations(session, person_ids, programme_ids, item_ids, venue_ids)


def _add_people(session: Session) -> tuple[dict[str, int], dict[str, int]]:
    org_ids = {
        key: organizations.create_organization(
            session, name_en=name_en, name_local=name_local, country=country
        )
        for key, (name_en, name_local, country) in tables.ORGANIZATIONS.items()
    }
    person_ids: dict[str, int] = {}
    for row in tables.PEOPLE:
        fields = {k: v for k, v in row.items() if k not in ("key", "org")}
        person_ids[row["key"]] = people.create_person(
            session, organization_id=org_ids[row["org"]], **fields
        )
    group_ids: dict[str, int] = {}
    for name, (description, members) in tables.GROUPS.items():
        group_ids[name] = organizations.create_group(session, name=name, description=description)
        organizations.add_group_members(session, group_ids[name], [person_ids[k] for k in members])
    return person_ids, group_ids


def _add_venues(session: Session) -> tuple[dict[str, int], dict[str, int]]:
    venue_ids: dict[str, int] = {}
    room_ids: dict[str, int] = {}  # by "venue/room"
    for row in tables.VENUES:
        key = row["key"]
        venue_ids[key] = venues.create_venue(session, **row["fields"])
        for name, name_local, capacity in row["rooms"]:
            room_ids[f"{key}/{name}"] = venues.add_room(
                session, venue_ids[key], name=name, name_local=name_local, capacity=capacity
            )
    for a, b, minutes in tables.TRAVEL_TIMES:
        venues.set_travel_time(session, venue_ids[a], venue_ids[b], minutes)
    return venue_ids, room_ids


def _add_programmes(
    session: Session, venue_ids: dict[str, int], room_ids: dict[str, int]
) -> tuple[dict[str, int], dict[str, int]]:
    programme_ids: dict[str, int] = {}
    for key, spec in tables.PROGRAMMES.items():  # parents come first in the table
        fields = {k: v for k, v in spec.items() if k != "parent"}
        parent = spec.get("parent")
        programme_ids[key] = programmes.create_programme(
            session, parent_id=programme_ids[str(parent)] if parent else None, **fields
        )
    item_ids: dict[str, int] = {}
    table_columns = ("key", "start", "end", "where", "title_en", "title_local", "kind")
    for prog_key, rows in tables.ITEMS.items():
        for row in rows:
            where = row["where"]
            venue_id = venue_ids[str(where).split("/")[0]] if where else None
            room_id = room_ids[str(where)] if where and "/" in str(where) else None
            item_ids[str(row["key"])] = items.create_item(
                session,
                programme_id=programme_ids[prog_key],
                title_en=row["title_en"],
                title_local=row["title_local"],
                kind=row["kind"],
                venue_id=venue_id,
                room_id=room_id,
                start=_at(str(row["start"])),
                end=_at(str(row["end"]), day_of=str(row["start"])),
                **{k: v for k, v in row.items() if k not in table_columns},
            )
    return programme_ids, item_ids


def _add_bookings(
    session: Session,
    person_ids: dict[str, int],
    group_ids: dict[str, int],
    programme_ids: dict[str, int],
    item_ids: dict[str, int],
) -> None:
    for prog_key, who, role, status in tables.PROGRAMME_BOOKINGS:
        if who.startswith("group:"):
            participations.assign_group(
                session,
                group_ids[who.removeprefix("group:")],
                programme_id=programme_ids[prog_key],
                role=role,
                status=status,
            )
        else:
            participations.add_participation(
                session,
                person_ids[who],
                programme_id=programme_ids[prog_key],
                role=role,
                status=status,
            )
    for item_key, roles in tables.ITEM_ROLES.items():
        for role, keys in roles.items():
            for key in keys:
                participations.add_participation(
                    session, person_ids[key], item_id=item_ids[item_key], role=role
                )
    for key, booked in tables.BREAKOUTS.items():
        for item_key in booked:
            participations.add_participation(session, person_ids[key], item_id=item_ids[item_key])
    for item_key in tables.BREAKOUTS_POST:
        for key in ("echen", *tables.POST_TOUR_DELEGATES):
            participations.add_participation(session, person_ids[key], item_id=item_ids[item_key])
        participations.add_participation(
            session, person_ids["mitchell"], item_id=item_ids[item_key], role="leading"
        )


def _add_journey(
    session: Session,
    key: str,
    person_id: int,
    steps: list[tuple[str, ...]],
    venue_ids: dict[str, int],
) -> None:
    for step in steps:
        if step[0] == "flight":
            number, origin, dep, dest, arr = tables.FLIGHTS[step[1]]
            from_place, from_zone, from_venue = tables.AIRPORTS[origin]
            to_place, to_zone, _ = tables.AIRPORTS[dest]
            carrier = number.split()[0]
            travel.create_travel(
                session,
                person_id=person_id,
                kind="flight",
                carrier=tables.CARRIERS[carrier],
                number=number,
                confirmation_code=_code(key, carrier),
                from_place=from_place,
                to_place=to_place,
                start=_at(dep),
                start_timezone=from_zone,
                end=_at(arr),
                end_timezone=to_zone,
                venue_id=venue_ids[from_venue],
                notes=tables.FLIGHT_NOTES.get(f"{key}/{step[1]}", tables.FLIGHT_NOTES.get(key, "")),
            )
        elif step[0] == "road":
            _, origin, dest, start, end = step
            travel.create_travel(
                session,
                person_id=person_id,
                kind="road",
                carrier="ICMA chartered car",
                from_place=origin,
                to_place=dest,
                start=_at(start),
                start_timezone=tables.CHINA,
                end=_at(end, day_of=start),
                end_timezone=tables.CHINA,
            )
        else:
            _, hotel, check_in, check_out = step
            travel.create_travel(
                session,
                person_id=person_id,
                kind="hotel",
                confirmation_code=_code(key, hotel, digits=True),
                to_place=_venue_name(hotel),
                venue_id=venue_ids[hotel],
                start=_at(check_in),
                end=_at(check_out),
                notes=tables.HOTEL_NOTES.get(hotel, ""),
            )


def _venue_name(key: str) -> str:
    return next(str(v["fields"]["name_en"]) for v in tables.VENUES if v["key"] == key)


def write_demo_plan(path: Path | str) -> None:
    """Write the demo plan to a new file; refuses an existing path, leaves nothing on failure."""
    path = Path(path)
    if path.exists():
        raise PlanFileError(f"{path} already exists; the demo plan is only written to a new file")
    plan = PlanFile.create(path)
    try:
        with plan.transaction() as session:
            populate_demo(session)
    except BaseException:
        plan.close()
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        raise
    plan.close()

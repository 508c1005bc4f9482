"""The plan's flights and trains as transfer movements, grouped (operations_planning does that).

Which flights and trains are arrivals to meet and departures to take is decided by
`operations_planning.arrivals` (the checks use the same notion). The hotel is that stay's; the
road time is the one the plan stores between the airport (or station) venue and the hotel, else
the sheet says it assumed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from tourplanner.enums import TravellerStatus
from tourplanner.errors import ValidationError
from tourplanner.i18n import _
from tourplanner.models import Person, Traveller, TravelSegment, TravelTime, Venue
from tourplanner.operations_planning import arrivals
from tourplanner.operations_planning.transfer_groups import (
    ARRIVAL,
    DEPARTURE,
    DIRECTIONS,
    Movement,
    Rules,
    TransferGroup,
    group_transfers,
)
from tourplanner.places import airport, place_of
from tourplanner.timezones import to_local

# "…, Terminal 3", "… T3", "Terminal 2A": the terminal, said once as "T3".
TERMINAL = re.compile(r"[,\s]*\b(?:Terminal\s*([0-9A-Z]{1,3})|T([0-9][A-Z]?))\b", re.IGNORECASE)


@dataclass(frozen=True)
class TransferSheet:
    """What the transfer documents print: the groups and what was asked for."""

    title: str
    groups: tuple[TransferGroup, ...]
    directions: tuple[str, ...]
    on: date | None
    rules: Rules

    @property
    def people(self) -> int:
        return sum(g.seats for g in self.groups)


def split_terminal(text: str) -> tuple[str, str]:
    """("Beijing Capital (PEK)", "T3") from "Beijing Capital (PEK), Terminal 3"."""
    match = TERMINAL.search(text or "")
    if not match:
        return (text or "").strip(), ""
    hub = (text[: match.start()] + text[match.end() :]).strip(" ,")
    return hub, f"T{(match.group(1) or match.group(2)).upper()}"


def transfer_sheet(
    session: Session,
    *,
    directions: Sequence[str] = DIRECTIONS,
    on: date | None = None,
    rules: Rules | None = None,
) -> TransferSheet:
    """The grouped transfers of the plan; a sentence (ValidationError) if there are none."""
    from tourplanner.services.plans import get_plan

    rules = rules or Rules()
    movements = [
        m
        for m in transfer_movements(session)
        if m.direction in directions and (on is None or to_local(m.at_utc, m.zone).date() == on)
    ]
    if not movements:
        only = set(directions)
        what = (
            _("arrivals")
            if only == {ARRIVAL}
            else _("departures")
            if only == {DEPARTURE}
            else _("arrivals or departures")
        )
        if on is None:
            message = _("The plan has no {what} by air or rail to meet.").format(what=what)
        else:
            message = _("The plan has no {what} by air or rail on {day}.").format(
                what=what, day=on.isoformat()
            )
        raise ValidationError("date", message)
    return TransferSheet(
        title=get_plan(session).title,
        groups=tuple(group_transfers(movements, rules)),
        directions=tuple(directions),
        on=on,
        rules=rules,
    )


def transfer_movements(session: Session) -> list[Movement]:
    """Every arrival to meet and departure to take, one per person and flight or train."""
    rows = session.scalars(
        select(Traveller)
        .join(Traveller.journey)
        .where(TravelSegment.kind.in_((*arrivals.MOVING, arrivals.HOTEL)))  # arrivals.relevant
        .where(Traveller.status != TravellerStatus.CANCELLED.value)
        .options(
            selectinload(Traveller.journey).selectinload(TravelSegment.venue),
            selectinload(Traveller.person).selectinload(Person.organization),
            selectinload(Traveller.person).selectinload(Person.groups),
        )
    ).all()
    by_person: dict[int, list[Traveller]] = {}
    for row in rows:
        by_person.setdefault(row.person_id, []).append(row)
    hubs = _HubVenues(session)
    found = []
    for travel in by_person.values():
        travel.sort(key=lambda t: (t.journey.start_utc, t.journey.id))
        legs = [(t.journey.kind, t.journey.start_utc, t.journey.end_utc) for t in travel]
        for i, stay, direction in arrivals.movements(legs):
            found.append(_movement(travel[i], travel[stay].journey, direction, hubs))
    return found


def _movement(t: Traveller, stay: TravelSegment, direction: str, hubs: _HubVenues) -> Movement:
    seg, person = t.journey, t.person
    if direction == ARRIVAL:
        text, at, zone = seg.to_place, seg.end_utc, seg.end_timezone
    else:
        text, at, zone = seg.from_place, seg.start_utc, seg.start_timezone
    hub, terminal = split_terminal(text)
    hub_venue = hubs.venue_for(hub, seg.venue_id if direction == DEPARTURE else None)
    hotel = stay.venue.name_en if stay.venue is not None else stay.to_place
    return Movement(
        person_id=person.id,
        name=person.display_name,
        direction=direction,
        journey=seg.number or seg.carrier or seg.kind,
        kind=seg.kind,
        at_utc=at,
        zone=zone,
        hub=_hub_label(hub),
        terminal=terminal,
        international=_international(seg),
        hotel=hotel,
        travel_minutes=hubs.minutes(hub_venue, stay.venue_id),
        sign=sign_name(person),
        phone=person.phone,
    )


def sign_name(person: Person) -> str:
    """What the driver's board says: the person's group, else their organisation in both
    scripts, else their own name."""
    if person.groups:
        return person.groups[0].name
    org = person.organization
    if org is not None:
        return f"{org.name_en} {org.name_local}".strip() if org.name_local else org.name_en
    return person.display_name


def _hub_label(hub: str) -> str:
    """One name per airport however journeys spell it: "Beijing Capital (PEK)"."""
    found = place_of(hub)
    if found is not None and found.code:
        return f"{found.name} ({found.code})"
    return hub


def _international(seg: TravelSegment) -> bool:
    start, end = place_of(seg.from_place), place_of(seg.to_place)
    return start is not None and end is not None and start.country != end.country


class _HubVenues:
    """The plan's venues that are airports or stations, and its stored road times."""

    def __init__(self, session: Session) -> None:
        self.by_code: dict[str, int] = {}
        self.by_name: dict[str, int] = {}
        for venue in session.scalars(select(Venue)):
            self.by_name[venue.name_en.casefold()] = venue.id
            found = place_of(venue.name_en)
            if found is not None and found.code and airport(found.code) is not None:
                self.by_code.setdefault(found.code, venue.id)
        self.times = {
            (t.from_venue_id, t.to_venue_id): t.minutes for t in session.scalars(select(TravelTime))
        }

    def venue_for(self, hub: str, known: int | None) -> int | None:
        if known is not None:
            return known
        found = place_of(hub)
        if found is not None and found.code in self.by_code:
            return self.by_code[found.code]
        return self.by_name.get(hub.casefold())

    def minutes(self, hub: int | None, hotel: int | None) -> int | None:
        if hub is None or hotel is None:
            return None
        return self.times.get((min(hub, hotel), max(hub, hotel)))

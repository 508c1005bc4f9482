"""The rooming list as plain views: per hotel and programme, each room with its occupants and
nights, and the rooms of each type per night (totals that add up: every room counted once).

A stay belongs to the programme (pre-tour, conference, post-tour…) whose days hold most of its
nights, so the pre- and post-tour lists come apart; a room is the stays that share it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from tourplanner.enums import TravelKind
from tourplanner.errors import NotFoundError
from tourplanner.i18n import _
from tourplanner.models import Programme, RoomBooking, Traveller, TravelSegment, Venue
from tourplanner.operations_planning import shared_rooms
from tourplanner.services.common import find_one
from tourplanner.timezones import to_local

NOT_SET = "not set"  # the type of a stay that has no room yet


@dataclass(frozen=True)
class Occupant:
    person_id: int
    name_latin: str
    name_local: str
    check_in: datetime  # local to the hotel
    check_out: datetime
    arrival: str  # the flight or train that brings them ('CA 1355 20:45'), or ''
    departure: str


@dataclass(frozen=True)
class RoomLine:
    number: str
    room_type: str
    occupants: tuple[Occupant, ...]
    nights: tuple[date, ...]
    requests: str
    confirmation: str


@dataclass(frozen=True)
class RoomingSection:
    hotel: str
    hotel_local: str
    hotel_phone: str
    programme: str  # '' for stays outside every programme
    programme_kind: str
    rooms: tuple[RoomLine, ...]
    # night -> room type -> rooms of that type that night
    per_night: dict[date, dict[str, int]] = field(default_factory=dict)

    @property
    def room_types(self) -> list[str]:
        return sorted({t for counts in self.per_night.values() for t in counts})


def _nights(check_in: datetime, check_out: datetime) -> list[date]:
    first, last = check_in.date(), check_out.date()
    return [first + timedelta(days=n) for n in range((last - first).days)] or [first]


def _moving_label(seg: TravelSegment, when: datetime) -> str:
    return f"{seg.number or seg.carrier} {when:%d %b %H:%M}".strip()


def rooming_sections(
    session: Session, *, hotel: str | None = None, programme: str | None = None
) -> list[RoomingSection]:
    """The rooming list; `hotel` and `programme` (a name or id) narrow it, refused if unknown."""
    venue_id = None
    if hotel is not None:
        venue_id = find_one(
            session, Venue, hotel, what="hotel",
            names=lambda v: (v.name_en, v.name_local), label=lambda v: v.name_en,
        ).id  # fmt: skip
    wanted = None
    if programme is not None:
        wanted = find_one(
            session, Programme, programme, what="programme",
            names=lambda p: (p.title_en, p.title_local), label=lambda p: p.title_en,
        ).id  # fmt: skip
    programmes = list(session.scalars(select(Programme).order_by(Programme.start_date)))
    query = (
        select(Traveller)
        .join(TravelSegment, Traveller.segment_id == TravelSegment.id)
        .options(selectinload(Traveller.journey), selectinload(Traveller.person))
    )
    travel = list(session.scalars(query.order_by(TravelSegment.start_utc)))
    stays = [t for t in travel if t.journey.kind == TravelKind.HOTEL]
    if venue_id is not None:
        stays = [t for t in stays if t.journey.venue_id == venue_id]
        if not stays:
            raise NotFoundError(_("{hotel!r} has no hotel stays in this plan").format(hotel=hotel))
    moving_by_person: dict[int, list[Traveller]] = defaultdict(list)
    for t in travel:
        if t.journey.kind in (TravelKind.FLIGHT, TravelKind.TRAIN) and t.status != "cancelled":
            moving_by_person[t.person_id].append(t)
    bookings = {b.stay_id: b for b in session.scalars(select(RoomBooking))}
    venues = {v.id: v for v in session.scalars(select(Venue))}

    # A room: the stays joined by "sharing with", with every traveller on each stay.
    by_stay: dict[int, list[Traveller]] = defaultdict(list)
    for t in stays:
        by_stay[t.segment_id].append(t)
    links = ((b.stay_id, b.shares_with_id) for b in bookings.values())
    grouped = [[t for s in room for t in by_stay[s]] for room in shared_rooms.rooms(by_stay, links)]

    def programme_of(t: Traveller) -> Programme | None:
        """The programme holding most of the stay's nights; the later one on a tie."""
        zone = t.journey.end_timezone
        nights = _nights(to_local(t.journey.start_utc, zone), to_local(t.journey.end_utc, zone))
        best = max(
            programmes,
            key=lambda p: (sum(p.start_date <= n <= p.end_date for n in nights), p.start_date),
            default=None,
        )
        if best is None or not any(best.start_date <= n <= best.end_date for n in nights):
            return None
        return best

    sections: dict[tuple[int, int | None], list[RoomLine]] = defaultdict(list)
    for members in grouped:
        members.sort(key=lambda t: (t.journey.start_utc, t.person.name_latin))
        lead = members[0]
        prog = programme_of(lead)
        if wanted is not None and (prog is None or prog.id != wanted):
            continue
        occupants = []
        nights: set[date] = set()
        for t in members:
            zone = t.journey.end_timezone
            check_in = to_local(t.journey.start_utc, zone)
            check_out = to_local(t.journey.end_utc, zone)
            nights.update(_nights(check_in, check_out))
            moving = moving_by_person.get(t.person_id, [])
            before = [m for m in moving if m.journey.end_utc <= t.journey.start_utc]
            after = [m for m in moving if m.journey.start_utc >= t.journey.end_utc]
            arrival = before[-1] if before else None
            departure = after[0] if after else None
            occupants.append(
                Occupant(
                    t.person_id,
                    t.person.name_latin,
                    t.person.name_local,
                    check_in,
                    check_out,
                    _moving_label(arrival.journey, to_local(arrival.journey.end_utc, arrival.journey.end_timezone))
                    if arrival and (t.journey.start_utc - arrival.journey.end_utc) < timedelta(days=1)
                    else "",
                    _moving_label(departure.journey, to_local(departure.journey.start_utc, departure.journey.start_timezone))
                    if departure and (departure.journey.start_utc - t.journey.end_utc) < timedelta(days=1)
                    else "",
                )
            )  # fmt: skip
        booked = [bookings[t.segment_id] for t in members if t.segment_id in bookings]
        room_type = booked[0].room_type if booked else NOT_SET
        requests = []
        for b in booked:
            if b.smoking:
                requests.append("smoking")
            if b.accessible:
                requests.append("accessible room")
            if b.requests:
                requests.append(b.requests)
        sections[(lead.journey.venue_id or 0, prog.id if prog else None)].append(
            RoomLine(
                next((b.room_number for b in booked if b.room_number), ""),
                room_type,
                tuple(occupants),
                tuple(sorted(nights)),
                "; ".join(dict.fromkeys(requests)),
                next((b.confirmation_number for b in booked if b.confirmation_number), ""),
            )
        )
    if wanted is not None and not sections:
        raise NotFoundError(
            _("no hotel stays fall in the programme {programme!r}").format(programme=programme)
        )

    by_id = {p.id: p for p in programmes}
    order = {p.id: n for n, p in enumerate(programmes)}
    out = []
    for (vid, pid), lines in sorted(
        sections.items(), key=lambda kv: (order.get(kv[0][1] or 0, len(order)), kv[0][0])
    ):
        venue = venues.get(vid)
        per_night: dict[date, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for line in lines:
            for night in line.nights:
                per_night[night][line.room_type] += 1
        lines.sort(key=lambda r: (r.nights[0], r.number, r.occupants[0].name_latin))
        prog = by_id.get(pid) if pid is not None else None
        out.append(
            RoomingSection(
                venue.name_en if venue else "",
                venue.name_local if venue else "",
                venue.phone if venue else "",
                prog.title_en if prog else "",
                prog.kind if prog else "",
                tuple(lines),
                {n: dict(c) for n, c in sorted(per_night.items())},
            )
        )
    return out

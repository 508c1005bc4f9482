"""not-in-city, no-hotel and missing-travel: the checks that follow a person around.

They read the person's whereabouts (`scheduling.whereabouts`): where their journeys put them
at each moment. A person's arrival is their first flight, train or road journey when it leaves
before their first item starts; their departure is their last one when it lands after their
last item ends (the same reading as `presence`).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

from tourplanner.i18n import _
from tourplanner.scheduling.findings import ERROR, WARNING, Finding, Sentence
from tourplanner.scheduling.places import same_city
from tourplanner.scheduling.rules.view import CheckView, Timed
from tourplanner.scheduling.snapshot import (
    MOVING_KINDS,
    Interval,
    ItemRec,
    PersonRec,
    TravelRec,
    VenueRec,
)
from tourplanner.scheduling.text import date_text, moment, occasion, occasion_of
from tourplanner.scheduling.whereabouts import Whereabout, whereabouts
from tourplanner.timezones import zone

WHEREABOUTS_RULES = frozenset({"not-in-city", "no-hotel", "missing-travel"})
# Hosts, interpreters and guides work where they live: with no journey at all they are local,
# not missing their travel (with some journeys, a missing end is still worth a word).
LOCAL_ROLES = frozenset({"official", "interpreter", "guide"})
NIGHT = time(3, 0)  # a night counts as covered when 03:00 local falls inside a stay or journey


def follow_person(
    view: CheckView,
    person: PersonRec,
    occs: list[Interval],
    journeys: Sequence[TravelRec],
    rules: frozenset[str],
) -> list[Timed]:
    """A person's items in cities they are not in, nights without a bed, travel they lack."""
    legs = [t for t in journeys if t.kind in MOVING_KINDS]
    arrival, departure = arrival_and_departure(view, legs, occs)
    found: list[Timed] = []
    if "missing-travel" in rules and occs and _expects_travel(view, person, legs):
        found += missing_travel(view, person, occs, arrival, departure)
    if not legs:
        return found
    where = whereabouts(view.snap, journeys)
    if "not-in-city" in rules and occs:
        found += not_in_city(view, person, occs, where, _already_told(view, occs, legs, rules))
    if "no-hotel" in rules and arrival is not None and (departure is not None or occs):
        ends = view.travel_iv[departure.id][0] if departure else max(o[1] for o in occs)
        found += nights_without_bed(view, person, where, journeys, ends)
    return found


def _expects_travel(view: CheckView, person: PersonRec, legs: Sequence[TravelRec]) -> bool:
    # A plan that holds no journey at all is a schedule, not a trip: nobody lacks travel there.
    return bool(legs) or (bool(view.snap.travel) and person.role not in LOCAL_ROLES)


def arrival_and_departure(
    view: CheckView, legs: Sequence[TravelRec], occs: list[Interval]
) -> tuple[TravelRec | None, TravelRec | None]:
    """The journey that brings a person to their items, and the one that takes them home."""
    if not legs:
        return None, None
    iv = view.travel_iv
    first = occs[0][0] if occs else None
    last = max(o[1] for o in occs) if occs else None
    arrival = legs[0] if first is None or iv[legs[0].id][0] <= first else None
    departure = legs[-1] if last is None or iv[legs[-1].id][1] >= last else None
    if departure is arrival:
        departure = None if occs or len(legs) == 1 else departure
    return arrival, departure


def missing_travel(
    view: CheckView,
    person: PersonRec,
    occs: list[Interval],
    arrival: TravelRec | None,
    departure: TravelRec | None,
) -> list[Timed]:
    """A booked person with no journey before their first item, or none after their last."""
    if arrival is not None and departure is not None:
        return []
    items = view.snap.items
    first = occs[0]
    last = max(occs, key=lambda o: (o[1], o[0]))
    a, b = items[first[3]], items[last[3]]
    message = Sentence(  # written when read, in the reader's language
        _missing,
        person.name,
        arrival is None,
        departure is None,
        (a.title, a.zone, first[4], first[5]),
        (b.title, b.zone, last[4], last[5]),
    )
    item_ids = tuple(sorted({first[3], last[3]}))
    return [(first[0], Finding("missing-travel", WARNING, message, item_ids, (person.id,)))]


def _missing(name: str, no_arrival: bool, no_departure: bool, first: tuple, last: tuple) -> str:
    if no_arrival and no_departure:
        text = _(
            "{name} is booked but has no arrival before {first} and no departure after {last}."
        )
    elif no_arrival:
        text = _(
            "{name} is booked but has no arrival: no flight, train or road journey before {first}."
        )
    else:
        text = _(
            "{name} is booked but has no departure: no flight, train or road journey after {last}."
        )
    return text.format(name=name, first=occasion_of(*first), last=occasion_of(*last))


def not_in_city(
    view: CheckView,
    person: PersonRec,
    occs: list[Interval],
    where: list[Whereabout],
    told: tuple[float, float],
) -> list[Timed]:
    """Items in a city the person is not in at the time: not there yet, left, or never going."""
    snap = view.snap
    items, venues = snap.items, snap.venues
    found: list[Timed] = []
    starts = [o[0] for o in occs]  # in order: occs come sorted
    # A stay never overlaps a journey (stays are the time between journeys), so each item
    # starting in a stay is where that stay says.
    for now in where:
        if now.travelling or not now.city:
            continue
        first = bisect_left(starts, max(now.start, told[0]))
        for o in occs[first : bisect_left(starts, now.end)]:
            if o[1] > told[1]:  # after-departure says it
                continue
            item = items[o[3]]
            venue = venues.get(item.venue_id) if item.venue_id is not None else None
            if venue is None or not venue.city or same_city(venue.city, now.city):
                continue
            found.append(_elsewhere(person, item, o, venue, now, where))
    return found


def _elsewhere(
    person: PersonRec,
    item: ItemRec,
    o: Interval,
    venue: VenueRec,
    now: Whereabout,
    where: list[Whereabout],
) -> Timed:
    message = _(
        "{name} is booked into {occasion} in {city}, but {why}: they are in {now_city} {since}."
    ).format(
        name=person.name,
        occasion=occasion(item, o[4], o[5]),
        city=venue.city,
        why=_why(where, now, venue.city),
        now_city=now.city,
        since=_since(now),
    )
    journey = now.arrived_by or now.leaves_by
    return (
        o[0],
        Finding(
            "not-in-city",
            ERROR,
            message,
            item_ids=(item.id,),
            person_ids=(person.id,),
            venue_ids=(venue.id,),
            travel_ids=(journey.id,) if journey else (),
        ),
    )


def _why(where: list[Whereabout], now: Whereabout, city: str) -> str:
    there = [w for w in where if w.city and not w.travelling and same_city(w.city, city)]
    if any(w.start >= now.end for w in there):
        return _("has not travelled to {city} yet").format(city=city)
    if any(w.end <= now.start for w in there):
        return _("has already left {city}").format(city=city)
    return _("has no travel to {city}").format(city=city)


def _since(now: Whereabout) -> str:
    j = now.arrived_by
    if j is not None and j.kind == "hotel":
        return _("on a {journey} from {moment}").format(
            journey=j.label, moment=moment(j.start, j.start_zone)
        )
    if j is not None:
        return _("since arriving by {journey} on {moment}").format(
            journey=j.label, moment=moment(j.end, j.end_zone)
        )
    j = now.leaves_by
    assert j is not None  # a stay before any journey ends with one
    return _("until leaving by {journey} on {moment}").format(
        journey=j.label, moment=moment(j.start, j.start_zone)
    )


def _already_told(
    view: CheckView, occs: list[Interval], legs: Sequence[TravelRec], rules: frozenset[str]
) -> tuple[float, float]:
    """Before when and after when `before-arrival` / `after-departure` already report an item."""
    flights = [t for t in legs if t.kind == "flight"]
    if not flights:
        return (-1e300, 1e300)
    iv = view.travel_iv
    first, last = occs[0][0], max(o[1] for o in occs)
    lands, leaves = -1e300, 1e300
    arrives = iv[flights[0].id][0] <= first
    if "before-arrival" in rules and arrives:
        lands = iv[flights[0].id][1]
    departs = iv[flights[-1].id][1] >= last and not (arrives and len(flights) == 1)
    if "after-departure" in rules and departs:
        leaves = iv[flights[-1].id][0]
    return (lands, leaves)


def nights_without_bed(
    view: CheckView,
    person: PersonRec,
    where: list[Whereabout],
    journeys: Sequence[TravelRec],
    ends: float,
) -> list[Timed]:
    """Nights from the first arrival to `ends` whose 03:00, local to where the person is, falls
    in no hotel stay and on no journey."""
    hotels = sorted(view.travel_iv[t.id][:2] for t in journeys if t.kind == "hotel")
    found: list[Timed] = []
    seen: set[date] = set()
    for w in where:
        if w.travelling or w.arrived_by is None:
            continue
        tz = zone(w.zone())
        for lo, hi in _without_bed(hotels, w.start, min(w.end, ends)):
            night = datetime.fromtimestamp(lo, tz).date() - timedelta(days=1)
            while True:
                ts = datetime.combine(night + timedelta(days=1), NIGHT, tz).timestamp()
                if ts >= hi:
                    break
                if lo < ts and night not in seen:
                    seen.add(night)
                    message = Sentence(_no_hotel, person.name, night)  # written when read
                    found.append(
                        (ts, Finding("no-hotel", WARNING, message, person_ids=(person.id,)))
                    )
                night += timedelta(days=1)
    return found


def _no_hotel(name: str, night: date) -> str:
    return _("{name} has no hotel for the night of {day}.").format(name=name, day=date_text(night))


def _without_bed(
    hotels: list[tuple[float, float]], lo: float, hi: float
) -> list[tuple[float, float]]:
    """The open stretches of (lo, hi) outside every hotel stay (stays cover their ends)."""
    gaps: list[tuple[float, float]] = []
    for start, end in hotels:  # in order of check-in
        if end < lo:
            continue
        if start >= hi:
            break
        if start > lo:
            gaps.append((lo, start))
        lo = max(lo, end)
    if hi > lo:
        gaps.append((lo, hi))
    return gaps

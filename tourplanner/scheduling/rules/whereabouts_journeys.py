"""late-for-journey: a journey that leaves before the person can get from their last item to it.

The trip from an item's venue to the station or airport a journey leaves from takes the plan's
travel time between those venues when the place is one of the plan's venues, else the plan's
default for the same city or another city (as `travel-time` does between two items).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from tourplanner.i18n import _
from tourplanner.scheduling.findings import WARNING, Finding, Sentence
from tourplanner.scheduling.places import same_city
from tourplanner.scheduling.rules.view import CheckView, Timed
from tourplanner.scheduling.snapshot import MOVING_KINDS, TRAVEL, Interval, PersonRec, TravelRec
from tourplanner.scheduling.text import clock, day, place
from tourplanner.scheduling.whereabouts import departs_from


def late_for_journeys(
    view: CheckView, person: PersonRec, occs: list[Interval], journeys: Sequence[TravelRec]
) -> list[Timed]:
    """Journeys leaving less than the trip's time after the item before them ends."""
    iv = view.travel_iv
    legs = [iv[t.id] for t in journeys if t.kind in MOVING_KINDS]
    timeline = sorted(occs + legs)  # items and journeys by start; an item sorts first on a tie
    found: list[Timed] = []
    prev: Interval | None = None  # what ends latest so far: where the person comes from
    for o in timeline:
        if o[2] == TRAVEL and prev is not None and prev[2] != TRAVEL and prev[1] <= o[0]:
            late = _late(view, person, prev, view.snap.travel[o[3]])
            if late is not None:
                found.append(late)
        if prev is None or o[1] > prev[1]:
            prev = o
    return found


def _late(view: CheckView, person: PersonRec, o: Interval, journey: TravelRec) -> Timed | None:
    snap = view.snap
    item = snap.items[o[3]]
    venue = snap.venues.get(item.venue_id) if item.venue_id is not None else None
    station, city = departs_from(snap, journey)
    if venue is None:
        return None
    if station is not None:
        needed = _minutes(view, venue.id, station)
    elif city and venue.city:
        same = same_city(city, venue.city)
        needed = snap.minutes_same_city if same else snap.minutes_other_city
    else:
        return None
    gap = (journey.start.timestamp() - o[1]) / 60
    if gap >= needed:
        return None
    message = Sentence(  # written when read, in the reader's language
        _late_sentence,
        person.name,
        int(gap),
        item.title,
        place(snap, item),
        o[5],
        item.zone,
        journey.label,
        journey.start,
        journey.start_zone,
        needed,
    )
    return (
        o[1],
        Finding(
            "late-for-journey",
            WARNING,
            message,
            item_ids=(item.id,),
            person_ids=(person.id,),
            venue_ids=(venue.id,) if station is None else (venue.id, station),
            travel_ids=(journey.id,),
        ),
    )


def _late_sentence(
    name: str,
    gap: int,
    title: str,
    where: str,
    ends: datetime,
    zone: str,
    journey: str,
    leaves: datetime,
    leaves_zone: str,
    needed: int,
) -> str:
    return _(
        "{name} has {gap} min to get from '{title}' ({place}, ends {ends}) to {journey}, "
        "which leaves at {leaves} on {day}; the trip takes {needed} min."
    ).format(
        name=name,
        gap=gap,
        title=title,
        place=where,
        ends=clock(ends, zone),
        journey=journey,
        leaves=clock(leaves, leaves_zone),
        day=day(leaves, leaves_zone),
        needed=needed,
    )


def _minutes(view: CheckView, venue: int, station: int) -> int:
    pair = (venue, station)
    needed = view.minutes.get(pair)
    if needed is None:
        needed = view.minutes[pair] = view.snap.minutes_between(*pair)
    return needed

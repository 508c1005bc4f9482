"""Where a person is at every moment, from their journeys: in a city, or travelling.

A person's moving journeys (flights, trains, road transfers) cut their time into stays: before
the first they are where it leaves from, between two they are where the earlier one arrives
(else where the next one leaves from, else at the hotel they stay in), after the last where it
arrives. A person with no moving journey is only known to be at their hotels while they stay.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from tourplanner.scheduling.places import place_of, same_city
from tourplanner.scheduling.snapshot import MOVING_KINDS, PlanSnapshot, TravelRec

BEFORE, AFTER = -math.inf, math.inf


@dataclass(frozen=True)
class Whereabout:
    """From `start` to `end` (POSIX seconds, ±inf when open) a person is in `city` or travelling.

    `city` is "" while travelling or where the journeys do not say. `arrived_by` is the journey
    that brought them (None: there before any journey), `leaves_by` the one that takes them on
    (None: they stay), `on` the journey they are travelling on.
    """

    start: float
    end: float
    city: str = ""
    arrived_by: TravelRec | None = None
    leaves_by: TravelRec | None = None
    on: TravelRec | None = None

    @property
    def travelling(self) -> bool:
        """Whether they are on a journey."""
        return self.on is not None

    def zone(self) -> str:
        """The zone of where they are: where they arrived, else where they leave from."""
        if self.on is not None:
            return self.on.end_zone
        if self.arrived_by is not None:
            return self.arrived_by.end_zone
        return self.leaves_by.start_zone if self.leaves_by is not None else ""


def departs_from(snap: PlanSnapshot, journey: TravelRec) -> tuple[int | None, str]:
    """The venue (if known) and city a journey leaves from."""
    return place_of(snap, journey.from_place, journey.venue_id)


def arrives_at(snap: PlanSnapshot, journey: TravelRec) -> tuple[int | None, str]:
    """The venue (if known) and city a journey arrives at (a hotel stay: its hotel)."""
    if journey.kind == "hotel" and journey.venue_id is not None:
        return place_of(snap, "", journey.venue_id)
    return place_of(snap, journey.to_place)


def whereabouts(snap: PlanSnapshot, journeys: Sequence[TravelRec]) -> list[Whereabout]:
    """A person's whereabouts in time order, from their journeys and hotel stays."""
    legs = sorted((t for t in journeys if t.kind in MOVING_KINDS), key=_order)
    stays = sorted((t for t in journeys if t.kind == "hotel"), key=_order)
    if not legs:
        return [
            Whereabout(_ts(s.start), _ts(s.end), arrives_at(snap, s)[1], arrived_by=s)
            for s in stays
        ]
    found: list[Whereabout] = []
    since, prev = BEFORE, None
    for leg in legs:
        leaves, lands = _ts(leg.start), _ts(leg.end)
        if leaves > since:
            city = (arrives_at(snap, prev)[1] if prev else "") or departs_from(snap, leg)[1]
            found += _between(snap, stays, since, leaves, city, prev, leg)
        found.append(Whereabout(leaves, lands, on=leg))
        if lands > since:  # overlapping journeys: carry on from the one that lands last
            since, prev = lands, leg
    city = arrives_at(snap, prev)[1] if prev else ""
    found += _between(snap, stays, since, AFTER, city, prev, None)
    found.sort(key=lambda w: (w.start, w.end))
    return found


def _between(
    snap: PlanSnapshot,
    stays: Sequence[TravelRec],
    start: float,
    end: float,
    city: str,
    arrived_by: TravelRec | None,
    leaves_by: TravelRec | None,
) -> list[Whereabout]:
    """Where a person is between two journeys: where the first arrives, until a hotel stay in
    another city shows they moved on (a journey the plan does not hold, such as a group
    transfer that is one of a programme's items); between hotels in two cities, not known."""
    found: list[Whereabout] = []
    since, last_bed, by = start, None, arrived_by
    for stay in stays:
        opens, closes = max(_ts(stay.start), start), min(_ts(stay.end), end)
        there = arrives_at(snap, stay)[1]
        if opens >= closes or not there:
            continue
        if not city:  # the journeys do not say: the hotel does
            city = there
        if same_city(there, city):
            last_bed = closes if last_bed is None else max(last_bed, closes)
            continue
        left = last_bed if last_bed is not None else opens
        if left > since:
            found.append(Whereabout(since, left, city, by, leaves_by))
        if opens > left:  # between the hotels of two cities
            found.append(Whereabout(left, opens))
        since, last_bed, by, city = opens, closes, stay, there
    if end > since:
        found.append(Whereabout(since, end, city, by, leaves_by))
    return found


def plan_whereabouts(snap: PlanSnapshot) -> dict[int, list[Whereabout]]:
    """Every person's whereabouts, by person id."""
    by_person: dict[int, list[TravelRec]] = {p: [] for p in snap.people}
    for journey in snap.travel.values():
        by_person.setdefault(journey.person_id, []).append(journey)
    return {p: whereabouts(snap, found) for p, found in by_person.items()}


def at(found: Sequence[Whereabout], instant: float) -> Whereabout | None:
    """Where a person is at an instant: the stay or journey holding it (a journey wins)."""
    return locator(found)(instant)


def locator(found: Sequence[Whereabout]) -> Callable[[float], Whereabout | None]:
    """`at` for many instants: a bisect, then back only over what may still be running."""
    starts = [w.start for w in found]
    reach: list[float] = []  # the latest end among found[:i + 1]
    for w in found:
        reach.append(max(reach[-1], w.end) if reach else w.end)

    def where(instant: float) -> Whereabout | None:
        held = None
        i = bisect_right(starts, instant) - 1
        while i >= 0 and reach[i] > instant:
            w = found[i]
            if w.end > instant:
                if w.travelling:
                    return w
                held = held or w
            i -= 1
        return held

    return where


def cities(found: Iterable[Whereabout]) -> Mapping[str, list[Whereabout]]:
    """The stays in each known city (casefolded)."""
    by_city: dict[str, list[Whereabout]] = {}
    for w in found:
        if w.city and not w.travelling:
            by_city.setdefault(w.city.casefold(), []).append(w)
    return by_city


def _order(journey: TravelRec) -> tuple:
    return (journey.start, journey.id)


def _ts(instant) -> float:
    return instant.timestamp()

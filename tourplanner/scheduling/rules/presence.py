"""before-arrival, after-departure and no-hotel: whether a person is there, and has a bed.

The arrival is the person's first flight when it leaves before their first item; the departure
is their last flight when it lands after their last item ends.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time, timedelta

from tourplanner.scheduling.findings import ERROR, WARNING, Finding
from tourplanner.scheduling.rules.view import CheckView, Timed
from tourplanner.scheduling.snapshot import MOVING_KINDS, Interval, PersonRec, TravelRec
from tourplanner.scheduling.text import date_text, moment, occasion
from tourplanner.timezones import to_local, to_utc

PRESENCE_RULES = frozenset({"before-arrival", "after-departure", "no-hotel"})
NIGHT = time(3, 0)  # a night counts as covered when 03:00 local falls inside a stay or journey


def presence(
    view: CheckView,
    person: PersonRec,
    occs: list[Interval],
    journeys: Sequence[TravelRec],
    rules: frozenset[str],
) -> list[Timed]:
    """Scheduled before the arrival flight lands or after the departure flight leaves;
    nights in between without a bed."""
    flights = [t for t in journeys if t.kind == "flight"]
    if not flights:
        return []
    travel_iv = view.travel_iv
    first, last = occs[0][0], max(o[1] for o in occs)
    arrival = flights[0] if travel_iv[flights[0].id][0] <= first else None
    departure = flights[-1] if travel_iv[flights[-1].id][1] >= last else None
    if departure is arrival:
        departure = None
    found: list[Timed] = []
    if arrival is not None and "before-arrival" in rules:
        lands = travel_iv[arrival.id][1]
        when = f"before landing on {arrival.label} ({moment(arrival.end, arrival.end_zone)})"
        for o in occs:
            if o[0] >= lands:
                break
            found.append(_not_there(view, person, o, "before-arrival", arrival, when))
    if departure is not None and "after-departure" in rules:
        leaves = travel_iv[departure.id][0]
        when = (
            f"after leaving on {departure.label} ({moment(departure.start, departure.start_zone)})"
        )
        found += [
            _not_there(view, person, o, "after-departure", departure, when)
            for o in occs
            if o[1] > leaves
        ]
    if arrival is not None and departure is not None and "no-hotel" in rules:
        found += nights_without_bed(view, person, arrival, departure, journeys)
    return found


def _not_there(
    view: CheckView, person: PersonRec, o: Interval, rule: str, flight: TravelRec, when: str
) -> Timed:
    item = view.snap.items[o[3]]
    return (
        o[0],
        Finding(
            rule,
            ERROR,
            f"{person.name} is scheduled in {occasion(item, o[4], o[5])} {when}.",
            item_ids=(item.id,),
            person_ids=(person.id,),
            travel_ids=(flight.id,),
        ),
    )


def nights_without_bed(
    view: CheckView,
    person: PersonRec,
    arrival: TravelRec,
    departure: TravelRec,
    journeys: Sequence[TravelRec],
) -> list[Timed]:
    """Nights between landing and leaving whose 03:00 (local to the arrival) has no bed."""
    travel_iv = view.travel_iv
    zone = arrival.end_zone
    covers = [travel_iv[t.id] for t in journeys if t.kind == "hotel" or t.kind in MOVING_KINDS]
    lands, leaves = travel_iv[arrival.id][1], travel_iv[departure.id][0]
    found: list[Timed] = []
    night = to_local(arrival.end, zone).date()
    last = to_local(departure.start, zone).date()
    while night < last:
        instant = to_utc(datetime.combine(night + timedelta(days=1), NIGHT), zone)
        ts = instant.timestamp()
        if lands < ts < leaves and not any(c[0] <= ts <= c[1] for c in covers):
            found.append(
                (
                    ts,
                    Finding(
                        "no-hotel",
                        WARNING,
                        f"{person.name} has no hotel for the night of {date_text(night)}.",
                        person_ids=(person.id,),
                    ),
                )
            )
        night += timedelta(days=1)
    return found

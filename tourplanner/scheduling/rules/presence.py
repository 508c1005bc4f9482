"""before-arrival and after-departure: whether a person is there (no-hotel: `whereabouts`).

The arrival is the person's first flight when it leaves before their first item; the departure
is their last flight when it lands after their last item ends.
"""

from __future__ import annotations

from collections.abc import Sequence

from tourplanner.i18n import _
from tourplanner.scheduling.findings import ERROR, Finding
from tourplanner.scheduling.rules.view import CheckView, Timed
from tourplanner.scheduling.snapshot import Interval, PersonRec, TravelRec
from tourplanner.scheduling.text import moment, occasion

PRESENCE_RULES = frozenset({"before-arrival", "after-departure"})


def presence(
    view: CheckView,
    person: PersonRec,
    occs: list[Interval],
    journeys: Sequence[TravelRec],
    rules: frozenset[str],
) -> list[Timed]:
    """Scheduled before the arrival flight lands or after the departure flight leaves."""
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
        when = f"{arrival.label} ({moment(arrival.end, arrival.end_zone)})"
        for o in occs:
            if o[0] >= lands:
                break
            found.append(_not_there(view, person, o, "before-arrival", arrival, when))
    if departure is not None and "after-departure" in rules:
        leaves = travel_iv[departure.id][0]
        when = f"{departure.label} ({moment(departure.start, departure.start_zone)})"
        found += [
            _not_there(view, person, o, "after-departure", departure, when)
            for o in occs
            if o[1] > leaves
        ]
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
            (
                _("{name} is scheduled in {occasion} before landing on {flight}.")
                if rule == "before-arrival"
                else _("{name} is scheduled in {occasion} after leaving on {flight}.")
            ).format(name=person.name, occasion=occasion(item, o[4], o[5]), flight=when),
            item_ids=(item.id,),
            person_ids=(person.id,),
            travel_ids=(flight.id,),
        ),
    )

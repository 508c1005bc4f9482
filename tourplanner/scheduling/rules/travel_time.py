"""travel-time: too little time between a person's consecutive items at different venues."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from datetime import datetime
from math import inf

from tourplanner.i18n import _
from tourplanner.scheduling.findings import WARNING, Finding, Sentence
from tourplanner.scheduling.rules.view import CheckView, Timed
from tourplanner.scheduling.snapshot import Interval, ItemRec, PersonRec
from tourplanner.scheduling.text import clock, day, place


def travel_time(
    view: CheckView,
    person: PersonRec,
    occs: list[Interval],
    start: int = 0,
    stop: int | None = None,
    after: Interval | None = None,
) -> list[Timed]:
    """Consecutive items at different venues with less time between them than the trip.

    With `start` and `stop`, only the trips to `occs[start:stop]`, given `after`: the item
    (with a venue) that ends latest among those before `start` (see `travel_time_near`).
    """
    snap, minutes = view.snap, view.minutes
    items = snap.items
    found = []
    prev: Interval | None = after  # the item that ends latest so far, where the trip starts
    prev_item: ItemRec | None = items[after[3]] if after is not None else None
    prev_venue = 0
    if prev_item is not None and prev_item.venue_id is not None:  # `after` has a venue
        prev_venue = prev_item.venue_id
    for o in occs if start == 0 and stop is None else occs[start:stop]:
        item = items[o[3]]
        venue = item.venue_id
        if venue is None:
            continue
        if prev is not None and prev_item is not None and o[0] >= prev[1] and venue != prev_venue:
            pair = (prev_venue, venue)
            needed = minutes.get(pair)
            if needed is None:
                needed = minutes[pair] = snap.minutes_between(*pair)
            gap = (o[0] - prev[1]) / 60
            if gap < needed:
                found.append(
                    (
                        prev[1],
                        Finding(
                            "travel-time",
                            WARNING,
                            # Written when shown: a big plan has tens of thousands of these.
                            Sentence(
                                _sentence,
                                person.name,
                                int(gap),
                                prev_item.title,
                                place(snap, prev_item),
                                prev[5],
                                prev_item.zone,
                                item.title,
                                place(snap, item),
                                o[4],
                                item.zone,
                                needed,
                            ),
                            item_ids=(prev_item.id, item.id),
                            person_ids=(person.id,),
                            venue_ids=pair,
                        ),
                    )
                )
        if prev is None or o[1] > prev[1]:  # the next trip starts when the latest item ends
            prev, prev_item, prev_venue = o, item, venue
    return found


def travel_time_near(
    view: CheckView, person: PersonRec, occs: list[Interval], lo: float, hi: float, longest: float
) -> list[Timed]:
    """What `travel_time` finds for the trips to the items starting from `lo` to `hi`.

    An edit of one item changes only the trips to the items near it (see the index's
    `_travel_window`); this looks back just far enough to know where the person comes from:
    no item lasts longer than `longest`, so none that starts that long before the last one
    ending before `lo` can end later than it.
    """
    items = view.snap.items
    start = bisect_left(occs, (lo,))
    stop = bisect_right(occs, (hi, inf))
    after: Interval | None = None
    n = start - 1
    nearest = None  # the start of the last item with a venue before `start`
    while n >= 0:
        o = occs[n]
        if nearest is not None and o[0] < nearest - longest:
            break
        if items[o[3]].venue_id is not None:
            if nearest is None:
                nearest = o[0]
            if after is None or o[1] >= after[1]:  # on a tie, the earlier one, as in order
                after = o
        n -= 1
    return travel_time(view, person, occs, start, stop, after)


def _sentence(
    name: str,
    gap: int,
    from_title: str,
    from_place: str,
    ends: datetime,
    from_zone: str,
    to_title: str,
    to_place: str,
    starts: datetime,
    to_zone: str,
    needed: int,
) -> str:
    return _(
        "{name} has {gap} min to get from '{from_title}' ({from_place}, ends {ends}) "
        "to '{to_title}' ({to_place}, starts {starts}) on {day}; the trip takes {needed} min."
    ).format(
        name=name,
        gap=gap,
        from_title=from_title,
        from_place=from_place,
        ends=clock(ends, from_zone),
        to_title=to_title,
        to_place=to_place,
        starts=clock(starts, to_zone),
        day=day(starts, to_zone),
        needed=needed,
    )

"""travel-time: too little time between a person's consecutive items at different venues."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from datetime import datetime
from math import inf

from tourplanner.i18n import _
from tourplanner.scheduling.findings import WARNING, Finding, Sentence
from tourplanner.scheduling.rules.view import CheckView, Timed
from tourplanner.scheduling.snapshot import NO_VENUE, Interval, PersonRec
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
    # The walk reads only the intervals (each carries its item's venue, at [6]): the items'
    # records are looked up for the few trips found too short.
    minutes = view.minutes
    found = []
    prev = after  # the item (with a venue) that ends latest so far, where the trip starts
    prev_venue, prev_end = NO_VENUE, -inf
    if prev is not None:
        prev_venue, prev_end = prev[6], prev[1]  # `after` has a venue
    for o in occs if start == 0 and stop is None else occs[start:stop]:
        venue = o[6]
        if venue == NO_VENUE:
            continue
        if o[0] >= prev_end and venue != prev_venue and prev is not None:
            pair = (prev_venue, venue)
            needed = minutes.get(pair)
            if needed is None:
                needed = minutes[pair] = view.snap.minutes_between(*pair)
            gap = (o[0] - prev_end) / 60
            if gap < needed:
                found.append(_too_short(view, person, prev, o, gap, needed, pair))
        if o[1] > prev_end or prev is None:  # the next trip starts when the latest item ends
            prev, prev_venue, prev_end = o, venue, o[1]
    return found


def _too_short(
    view: CheckView,
    person: PersonRec,
    prev: Interval,
    o: Interval,
    gap: float,
    needed: int,
    venues: tuple[int, int],
) -> Timed:
    """The finding for a trip from `prev` to `o` shorter than the `needed` minutes."""
    snap = view.snap
    prev_item, item = snap.items[prev[3]], snap.items[o[3]]
    return (
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
            venue_ids=venues,
        ),
    )


def travel_time_near(
    view: CheckView,
    person: PersonRec,
    occs: list[Interval],
    lo: float,
    hi: float,
    longest: float,
    farthest: float,
) -> list[Timed]:
    """What `travel_time` finds for the trips to the items starting from `lo` to `hi`.

    An edit of one item changes only the trips to the items near it (see the index's
    `_travel_window`); this looks back just far enough to know where the person comes from:
    no item lasts longer than `longest`, so none that starts that long before the last one
    ending before `lo` can end later than it. Nor further back than `farthest` (the longest
    trip, in seconds) before that: an item ending earlier is too far away for any trip from
    it to be too short, and the first item in the window ends after it (where the next trip
    starts) either way. A person's items without a venue (a plenary in no hall, every day)
    may lie between: not walked over one by one back to the last item with a venue.
    """
    start = bisect_left(occs, (lo,))
    stop = bisect_right(occs, (hi, inf))
    if start == stop:
        return []
    after: Interval | None = None
    n = start - 1
    nearest = None  # the start of the last item with a venue before `start`
    cutoff = occs[start][0] - farthest - longest
    while n >= 0:
        o = occs[n]
        if o[0] < cutoff or (nearest is not None and o[0] < nearest - longest):
            break
        if o[6] != NO_VENUE:
            if nearest is None:
                nearest = o[0]
            if after is None or o[1] >= after[1]:  # on a tie, the earlier one, as in order
                after = o
        n -= 1
    return travel_time(view, person, occs, start, stop, after)


def destination(finding: Finding) -> int:
    """The item a travel-time finding's trip leads to."""
    return finding.item_ids[1]


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

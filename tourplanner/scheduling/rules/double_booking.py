"""person-double-booked and room-double-booked: two things at once for one person or one room."""

from __future__ import annotations

from tourplanner.i18n import _
from tourplanner.scheduling.findings import ERROR, WARNING, Finding
from tourplanner.scheduling.rules.view import TENTATIVE, CheckView, Timed
from tourplanner.scheduling.snapshot import (
    ITEM,
    PROGRAMME,
    TRAVEL,
    Interval,
    PersonRec,
    PlanSnapshot,
)
from tourplanner.scheduling.text import dates, day, hours, moment, place


def clash(snap: PlanSnapshot, a: Interval, b: Interval) -> bool:
    """Whether two overlapping intervals of one person or room are a double booking."""
    kind_a, kind_b = a[2], b[2]
    items = snap.items
    if kind_a == ITEM and kind_b == ITEM:
        # Two tentative items may both be proposed for one slot: only one will happen.
        return a[3] != b[3] and (items[a[3]].status != TENTATIVE or items[b[3]].status != TENTATIVE)
    if kind_a == PROGRAMME or kind_b == PROGRAMME:
        if kind_a == TRAVEL or kind_b == TRAVEL:
            return False  # journeys are how a tour gets around
        if kind_a == kind_b:  # two tours at once, unless one is part of the other
            progs = snap.programmes
            return progs[a[3]].parent_id != b[3] and progs[b[3]].parent_id != a[3]
        span, occ = (a, b) if kind_a == PROGRAMME else (b, a)
        return items[occ[3]].programme_id != span[3]
    return True  # a journey against an item or another journey


def person_double_bookings(
    view: CheckView, person: PersonRec, intervals: list[Interval]
) -> list[Timed]:
    """Each clashing pair among a person's items, journeys and tour spans."""
    return [
        double_booked(view.snap, a, b, person=person) for a, b in view.pairs(intervals, view.clash)
    ]


def item_double_bookings(
    view: CheckView, person: PersonRec, moved: list[Interval], others: list[Interval]
) -> list[Timed]:
    """The clashing pairs between one item's occurrences and the person's other intervals:
    what `person_double_bookings` finds that involves the item, after it moved."""
    found = []
    snap, clash = view.snap, view.clash
    for o in moved:
        for p in others:
            a, b = (o, p) if o < p else (p, o)  # in the sweep's order
            if b[0] < a[1] and a[0] < b[1] and clash(a, b):
                found.append(double_booked(snap, a, b, person=person))
    return found


def room_double_bookings(view: CheckView, key: object) -> list[Timed]:
    """Each clashing pair among the items in a room (or a venue without rooms)."""
    return [
        double_booked(view.snap, a, b) for a, b in view.pairs(view.room_intervals(key), view.clash)
    ]


def double_booked(
    snap: PlanSnapshot, a: Interval, b: Interval, *, person: PersonRec | None = None
) -> Timed:
    """One finding for a clashing pair (a starts first): an error unless one is tentative."""
    items = [snap.items[iv[3]] for iv in (a, b) if iv[2] == ITEM]
    tentative = any(i.status == TENTATIVE for i in items)
    # The clash starts when b starts: name that day where b happens.
    on = day(b[4], _zone(snap, b))
    first, second = _describe(snap, a, on), _describe(snap, b, on)
    if person is not None:
        rule = "person-double-booked"
        text = _("{name} is in {first} and {second} on {day}.").format(
            name=person.name, first=first, second=second, day=on
        )
    else:
        rule = "room-double-booked"
        text = _("{place} has {first} and {second} at once on {day}.").format(
            place=place(snap, items[0]), first=first, second=second, day=on
        )
    rooms = tuple(sorted({i.room_id for i in items if i.room_id is not None}))
    venues = tuple(sorted({i.venue_id for i in items if i.venue_id is not None}))
    room_rule = person is None
    return (
        b[0],
        Finding(
            rule,
            WARNING if tentative else ERROR,
            text,
            item_ids=tuple(i.id for i in items),
            person_ids=(person.id,) if person is not None else (),
            programme_ids=tuple(iv[3] for iv in (a, b) if iv[2] == PROGRAMME),
            room_ids=rooms if room_rule else (),
            venue_ids=venues if room_rule else (),
            travel_ids=tuple(iv[3] for iv in (a, b) if iv[2] == TRAVEL),
        ),
    )


def _describe(snap: PlanSnapshot, iv: Interval, on: str) -> str:
    """One side of a double booking; its local day is named when it is not `on`."""
    kind, ref = iv[2], iv[3]
    if kind == ITEM:
        item = snap.items[ref]
        when = hours(iv[4], iv[5], item.zone)
        other_day = day(iv[4], item.zone)
        if other_day != on:
            when = f"{other_day} {when}"
        if item.status == TENTATIVE:
            return _("'{title}' ({place}, {when}, tentative)").format(
                title=item.title, place=place(snap, item), when=when
            )
        return _("'{title}' ({place}, {when})").format(
            title=item.title, place=place(snap, item), when=when
        )
    if kind == TRAVEL:
        t = snap.travel[ref]
        return f"{t.label} ({moment(t.start, t.start_zone)} – {moment(t.end, t.end_zone)})"
    prog = snap.programmes[ref]
    return _("'{title}' ({dates})").format(title=prog.title, dates=dates(prog))


def _zone(snap: PlanSnapshot, iv: Interval) -> str:
    if iv[2] == ITEM:
        return snap.items[iv[3]].zone
    if iv[2] == TRAVEL:
        return snap.travel[iv[3]].start_zone
    return snap.programmes[iv[3]].zone

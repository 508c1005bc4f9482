"""Which rules run for each scope the index keeps: a person, a room, an item, a programme.

A scope is rechecked as a whole after an edit that touches it (see `PERSON_RULES` and the
others in the package), so each function here gives every finding of one scope.
"""

from __future__ import annotations

from tourplanner.scheduling.rules.capacity import over_capacity, room_over_capacity
from tourplanner.scheduling.rules.dates import outside_programme, tour_dates
from tourplanner.scheduling.rules.double_booking import room_double_bookings
from tourplanner.scheduling.rules.presence import PRESENCE_RULES, presence
from tourplanner.scheduling.rules.status import cancelled_bookings, tentative
from tourplanner.scheduling.rules.view import TENTATIVE, CheckView, Timed
from tourplanner.scheduling.rules.whereabouts import WHEREABOUTS_RULES, follow_person
from tourplanner.scheduling.rules.whereabouts_journeys import late_for_journeys
from tourplanner.scheduling.snapshot import Interval, ItemRec, PersonRec, ProgrammeRec


def person_whereabouts(
    view: CheckView, person: PersonRec, occs: list[Interval], rules: frozenset[str]
) -> list[Timed]:
    """A person's rules beyond pairs of neighbours: presence, whereabouts, journeys, cancelled
    bookings. Moving an item changes none of them in a plan without journeys (the index
    rechecks the pairs alone then), unless the item is cancelled."""
    found: list[Timed] = []
    journeys = view.travel_by_person.get(person.id)
    if occs and journeys and rules & PRESENCE_RULES:
        found += presence(view, person, occs, journeys, rules)
    if rules & WHEREABOUTS_RULES and (occs or journeys):
        found += follow_person(view, person, occs, journeys or (), rules)
    if "late-for-journey" in rules and occs and journeys:
        found += late_for_journeys(view, person, occs, journeys)
    if "cancelled-booking" in rules:
        found += cancelled_bookings(view, person)
    return found


def room_findings(view: CheckView, key: object, rules: frozenset[str]) -> list[Timed]:
    """A room's (or a venue without rooms') double bookings and items over its capacity."""
    found: list[Timed] = []
    if "room-double-booked" in rules:
        found += room_double_bookings(view, key)
    rooms = view.snap.rooms
    room = rooms.get(key) if isinstance(key, int) else None
    if "room-over-capacity" in rules and room is not None and room.capacity is not None:
        found += room_over_capacity(view, key, room, room.capacity)
    return found


def item_findings(
    view: CheckView, item: ItemRec, occs: list[Interval], rules: frozenset[str]
) -> list[Timed]:
    """What concerns one item alone: its programme's dates and whether it is tentative."""
    found: list[Timed] = []
    prog = view.snap.programmes.get(item.programme_id)
    if prog is not None and occs and "outside-programme" in rules:
        found += outside_programme(view, prog, item, occs)
    # Checked here, not only in the rule: this runs for each of 100,000 items.
    if item.status == TENTATIVE and "tentative" in rules:
        found += tentative(item)
    return found


def programme_findings(view: CheckView, prog: ProgrammeRec, rules: frozenset[str]) -> list[Timed]:
    """A tour's dates against its conference's, and a programme's seats."""
    found: list[Timed] = []
    if "tour-dates" in rules:
        found += tour_dates(view, prog)
    if "over-capacity" in rules and prog.capacity is not None:
        found += over_capacity(view, prog, prog.capacity)
    return found

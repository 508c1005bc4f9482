"""The conflict index over a PlanSnapshot: one full check, then incremental rechecks.

Findings are kept per scope: a person, a room (or a venue without rooms), an item, a programme.
A full check computes every scope. An edit changes a few records; the `replace_*` methods apply
it to the index and recompute only the scopes it touches:

- `replace_item(item_id, item, bookings=None)`: an item added, edited or deleted (None), with
  its complete new list of bookings when those changed too. Rechecks the people in the item
  before and after, its old and new room, and the item itself (dates, tentative).
- `replace_person(person_id, person, bookings=None, travel=None)`: a person renamed, deleted, or
  their bookings or journeys changed. Rechecks the person, the rooms whose head count changed
  and the programmes they joined or left.
- `replace_programme(programme_id, programme)`: a programme's dates, kind, seats or parent
  changed, or it was deleted. Rechecks its items, the people on it (a tour's span), its tours.

Each also rechecks the operations rules it touches: a meal's own scope (its menu, its guests'
tags), the arrivals of the people a transfer carries or whose journeys changed, and the other
operations rules over the whole plan when the item, person or programme is one they name.

Venues, rooms, travel times, the plan's defaults and the operations records (vehicles, seats,
assignments, hotel rooms) change rarely: build a new index then.
`findings()` returns every finding, errors first, then by time.

The index keeps the lookups (bookings by person, item and programme, items by room, who is on
a programme, intervals) and decides which scopes an edit touches; what a scope finds is up to
the rules (`scheduling.rules`), pure functions over the snapshot and these lookups.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections import Counter, defaultdict
from collections.abc import Iterable
from itertools import chain
from math import inf

from tourplanner.collector import count_as_old, cycle_collection_paused
from tourplanner.scheduling.findings import Finding, order_key
from tourplanner.scheduling.listing import ScopedFindings
from tourplanner.scheduling.overlaps import Clash, sweep
from tourplanner.scheduling.rules import ARRIVAL_RULES, MEAL_RULES, OPERATIONS_RULES, RULES
from tourplanner.scheduling.rules.arrivals import ROAD, TRANSFER, Carriage, arrival_findings
from tourplanner.scheduling.rules.double_booking import clash as double_booking
from tourplanner.scheduling.rules.double_booking import (
    item_double_bookings,
    person_double_bookings,
)
from tourplanner.scheduling.rules.meals import MEAL, meal_diet_without_menu
from tourplanner.scheduling.rules.operations import operations_findings
from tourplanner.scheduling.rules.scopes import (
    item_findings,
    person_whereabouts,
    programme_findings,
    room_findings,
)
from tourplanner.scheduling.rules.travel_time import destination, travel_time, travel_time_near
from tourplanner.scheduling.rules.view import CANCELLED, CONFIRMED, TENTATIVE, Timed
from tourplanner.scheduling.snapshot import (
    ITEM,
    MOVING_KINDS,
    NEEDS_OWN_BOOKING,
    NO_VENUE,
    PROGRAMME,
    TRAVEL,
    BookingRec,
    Interval,
    ItemRec,
    PersonRec,
    PlanSnapshot,
    ProgrammeRec,
    TravelRec,
)
from tourplanner.timezones import local_day_bounds

__all__ = ["RULES", "ConflictIndex", "check"]

TOUR_KINDS = frozenset({"pre_tour", "post_tour", "study_tour", "visit"})


class ConflictIndex:
    """All findings of a snapshot, kept per scope so that an edit rechecks only what it touches.

    The index owns the snapshot it is given and applies edits to it, except to its list of
    bookings, which it reads once (`current_snapshot` gives an up-to-date copy).
    """

    @staticmethod
    def pairs(intervals: list[Interval], clash: Clash) -> list[tuple[Interval, Interval]]:
        """The overlapping pairs among one person's or one room's intervals that clash."""
        return sweep(intervals, clash)

    def clash(self, a: Interval, b: Interval) -> bool:
        """Whether two overlapping intervals of one person or room are a double booking."""
        return double_booking(self.snap, a, b)

    def __init__(self, snapshot: PlanSnapshot, rules: Iterable[str] | None = None) -> None:
        with cycle_collection_paused():  # 100,000s of tuples and sets, no cycles among them
            self._build(snapshot, rules)
            count_as_old()

    def _build(self, snapshot: PlanSnapshot, rules: Iterable[str] | None) -> None:
        """The lookups and every scope's findings, from scratch."""
        self.snap = snapshot
        self.rules = frozenset(RULES) if rules is None else frozenset(rules)
        unknown = self.rules - set(RULES)
        if unknown:
            raise ValueError(f"unknown rules: {sorted(unknown)}")
        self.listing = ScopedFindings()
        self.venues_with_rooms = {r.venue_id for r in snapshot.rooms.values()}
        self.spans: dict[int, Interval] = {}  # a programme's whole local days
        for prog in snapshot.programmes.values():
            self._set_span(prog)

        # Every occurrence of each item, empty for a cancelled one (whose occurrences only its
        # own dates check reads: worked out again then, see `_occurrences`).
        self.live: dict[int, list[Interval]] = {}
        self.minutes: dict[tuple[int, int], int] = {}  # memo of snap.minutes_between
        self.items_by_room: dict[object, set[int]] = defaultdict(set)
        # Dicts as ordered sets: a set of a programme's 20,000 items took 2 MB, a dict 0.6.
        self.items_by_programme: dict[int, dict[int, None]] = defaultdict(dict)
        self.common_items: dict[int, set[int]] = defaultdict(set)  # everyone on it attends
        self.cancelled: set[int] = set()  # the cancelled items
        # The items with more or less than one live occurrence: repeating, or cancelled.
        self.not_once: set[int] = set()
        self.meals: set[int] = set()  # the items of kind meal
        self.transfers: dict[int, set[int]] = defaultdict(set)  # transfer items per programme
        # No item occurrence lasts longer (kept as the longest ever seen, never lowered): how
        # far back a recheck near one item looks for what overlaps it or ends after it.
        self.longest = 0.0
        # No trip takes longer (seconds): how far from an edited item a trip may be too short.
        self.farthest = snapshot.longest_trip()
        once = self._add_items(snapshot.items.values())

        self.item_bookings: dict[int, list[BookingRec]] = defaultdict(list)
        self.person_bookings: dict[int, list[BookingRec]] = defaultdict(list)
        self.programme_bookings: dict[int, list[BookingRec]] = defaultdict(list)
        self.person_items: dict[int, set[int]] = defaultdict(set)  # confirmed, booked directly
        self.programme_people: dict[int, set[int]] = {}  # confirmed, whole-programme bookings
        self.person_programmes: dict[int, set[int]] = defaultdict(set)
        # Each person's item occurrences, sorted; built here with the bookings, then kept
        # up to date edit by edit (bisected on a move, rebuilt when their bookings change).
        lists: dict[int, list[Interval]] = defaultdict(list)
        by_person, by_item, live = self.person_bookings, self.item_bookings, self.live
        by_programme, person_items = self.programme_bookings, self.person_items
        # `_add_booking`, inlined (300,000 calls add up), and in three passes over the bookings,
        # one for each kind of table they fill: each pass touches one table's memory, not three
        # tables at random places (on the 100k benchmark the three passes took 255 ms where the
        # one took 355).
        bookings = snapshot.bookings
        for booking in bookings:
            by_person[booking.person_id].append(booking)
        for booking in bookings:
            item_id = booking.item_id
            if item_id is not None:
                by_item[item_id].append(booking)
            elif booking.programme_id is not None:
                by_programme[booking.programme_id].append(booking)
        for booking in bookings:
            item_id = booking.item_id
            if item_id is not None and booking.status == CONFIRMED:
                person_id = booking.person_id
                booked = person_items[person_id]
                if item_id not in booked:  # the same booking may be there twice
                    booked.add(item_id)
                    one = once.get(item_id)
                    if one is not None:
                        lists[person_id].append(one)
                    else:
                        lists[person_id] += live.get(item_id, ())
        for prog_id in list(self.programme_bookings):
            self._index_programme_people(prog_id)
        for prog_id, crowd in self.programme_people.items():
            common = [i for i in self.common_items.get(prog_id, ()) if live[i]]
            for person_id in crowd:
                booked, found = person_items.get(person_id, set()), lists[person_id]
                for item_id in common:
                    if item_id not in booked:
                        found += live[item_id]
        del once
        # Sorted as whole tuples: by start, end and id (kind is ITEM throughout), the later
        # fields never reached; no key, which took twice as long building 360,000 key tuples.
        # In place, so that no second copy of every list is held at once.
        for found in lists.values():
            found.sort()
        self.person_occ: dict[int, list[Interval]] = {p: f for p, f in lists.items() if f}

        self.travel_by_person: dict[int, list[TravelRec]] = defaultdict(list)
        self.travel_iv: dict[int, Interval] = {}
        self.roads = 0  # road journeys: a plan with any (or a vehicle) plans its transfers
        for journey in sorted(snapshot.travel.values(), key=lambda t: (t.start, t.id)):
            self._add_travel(journey)

        # An item's own rules find nothing for most of 100,000 items: those that are neither
        # tentative nor cancelled nor repeating and lie within their programme's days are
        # passed over here, as `outside_programme` and `tentative` would pass them.
        spans, live, cancelled = self.spans, self.live, self.cancelled
        for item in snapshot.items.values():
            if item.status != TENTATIVE and not item.recurrence and item.id not in cancelled:
                span, occs = spans.get(item.programme_id), live[item.id]
                if span is None or not occs or (occs[0][0] >= span[0] and occs[-1][1] <= span[1]):
                    continue
            self._check_item(item)
        for person_id in snapshot.people:
            self._check_person(person_id)
        for key in list(self.items_by_room):
            self._check_room(key)
        for prog_id in snapshot.programmes:
            self._check_programme(prog_id)
        self._index_operations()
        self._check_operations()
        for person_id in self.travel_by_person:
            self._check_arrivals(person_id)
        for item_id in self.meals:
            self._check_meal(item_id)

    # -- public -------------------------------------------------------------------------------

    def findings(self) -> list[Finding]:
        """Every finding: errors first, then by time, then by rule."""
        return self.listing.findings()

    def current_snapshot(self) -> PlanSnapshot:
        """A copy of the snapshot as edited so far, bookings included, e.g. for a fresh check."""
        snap = self.snap
        return PlanSnapshot(
            items=dict(snap.items),
            programmes=dict(snap.programmes),
            venues=dict(snap.venues),
            rooms=dict(snap.rooms),
            people=dict(snap.people),
            bookings=[b for found in self.person_bookings.values() for b in found],
            travel=dict(snap.travel),
            travel_minutes=dict(snap.travel_minutes),
            minutes_same_city=snap.minutes_same_city,
            minutes_other_city=snap.minutes_other_city,
            operations=snap.operations,
        )

    def replace_item(
        self, item_id: int, item: ItemRec | None, bookings: Iterable[BookingRec] | None = None
    ) -> None:
        """Apply an added, edited or deleted (None) item, and its new bookings if given."""
        old = self.snap.items.get(item_id)
        people = self.item_people(item_id) if old is not None else set()
        carried = (
            self.carriage.people_on(old) if old is not None and old.kind == TRANSFER else set()
        )
        was_in, old_live = set(people), self.live.get(item_id, []) if old is not None else []
        rooms = {self._room_key(old)} if old is not None else set()
        trips = False
        found_before: dict[int, list[Timed]] = {}
        if bookings is None and item is not None:  # an edit of the item alone: local rechecks
            new_occ = [] if item.status == CANCELLED else self.snap.occurrences_of(item)
            # An item without a venue is no trip's end: the trips change only if it has one.
            trips = "travel-time" in self.rules and (
                item.venue_id is not None or (old is not None and old.venue_id is not None)
            )
            if trips:
                found_before = self._trips_found_before(
                    was_in | self._people_of(item), item_id, old_live + new_occ
                )
        if old is not None:
            self._remove_item(old)
        if item is None:  # the plan file deletes an item's bookings with it
            bookings = ()
        if bookings is not None:
            bookings = list(bookings)
            for booking in list(self.item_bookings.get(item_id, ())):
                people.add(booking.person_id)
                self._remove_booking(booking)
            for booking in bookings:
                people.add(booking.person_id)
                self._add_booking(booking)
        now_in: set[int] = set()
        if item is not None:
            self.snap.items[item_id] = item
            self._add_item(item)
            now_in = self.item_people(item_id)
            people |= now_in
            rooms.add(self._room_key(item))
            self._check_item(item)
        new_live = self.live.get(item_id, []) if item is not None else []
        # A cancelled item's bookings are findings, wherever it is; journeys and whereabouts
        # depend on a person's first and last items: rechecked in full for anyone then.
        whole = bool(self.snap.travel) or CANCELLED in (
            old.status if old else None,
            item.status if item else None,
        )
        # Where the item's new occurrences may meet another item: the same for everyone.
        reach = (
            (min(o[0] for o in new_live) - self.longest, max(o[1] for o in new_live))
            if new_live
            else (inf, -inf)
        )
        if bookings is None:  # only this item changed: move it within each list
            left = self._recheck_near(
                people,
                item_id,
                (was_in, old_live),
                (now_in, new_live),
                trips,
                found_before,
                reach,
                whole,
            )
        else:
            for person_id in people:
                self._refresh_person(person_id)
            left = list(people)
        for person_id in left:
            self._check_person(person_id)
        for key in rooms - {None}:
            self._check_room(key)
        self._recheck_item_operations(item_id, old, item, carried)

    def replace_person(
        self,
        person_id: int,
        person: PersonRec | None,
        bookings: Iterable[BookingRec] | None = None,
        travel: Iterable[TravelRec] | None = None,
    ) -> None:
        """Apply a person's new record (None: deleted), bookings and journeys, when given."""
        old_person = self.snap.people.get(person_id)
        # A tagged guest joining or leaving meals changes their counts (an untagged one: not).
        diet = bool(old_person and old_person.dietary_tags) or bool(person and person.dietary_tags)
        meals = self._meals_of(person_id) if diet else set()
        old_travel = list(self.travel_by_person.get(person_id, ()))
        if person is None:  # the plan file deletes a person's bookings and journeys with them
            self.snap.people.pop(person_id, None)
            bookings, travel = (), ()
            self.person_occ.pop(person_id, None)
        else:
            self.snap.people[person_id] = person
        rooms: set[object] = set()
        programmes: set[int] = set()
        if bookings is not None:
            old = list(self.person_bookings.get(person_id, ()))
            for booking in old:
                self._remove_booking(booking)
            new = list(bookings)
            for booking in new:
                self._add_booking(booking)
            before = set(self.person_programmes.get(person_id, ()))
            for booking in old + new:
                if booking.item_id is not None and booking.item_id in self.snap.items:
                    rooms.add(self._room_key(self.snap.items[booking.item_id]))
                elif booking.programme_id is not None:
                    programmes.add(booking.programme_id)
            for prog_id in programmes:
                self._index_programme_people(prog_id)
            self._refresh_person(person_id)
            # Joining or leaving a programme changes the head count of all its common items.
            for prog_id in before ^ set(self.person_programmes.get(person_id, ())):
                rooms |= {self._room_key(self.snap.items[i]) for i in self.common_items[prog_id]}
        had_travel = bool(self.snap.travel)
        planned = self._plans_transfers()
        if travel is not None:
            for journey in self.travel_by_person.pop(person_id, []):
                self.snap.travel.pop(journey.id, None)
                self.travel_iv.pop(journey.id, None)
                self.roads -= journey.kind == ROAD
            for journey in sorted(travel, key=lambda t: (t.start, t.id)):
                self.snap.travel[journey.id] = journey
                self._add_travel(journey)
        if had_travel != bool(self.snap.travel):  # missing-travel looks only at plans with travel
            for other in self.snap.people:
                self._check_person(other)
        self._check_person(person_id)
        for key in rooms - {None}:
            self._check_room(key)
        for prog_id in programmes:
            self._check_programme(prog_id)
        if planned != self._plans_transfers():  # every arrival is reported, or none
            for other in list(self.travel_by_person):
                self._check_arrivals(other)
        self._check_arrivals(person_id)
        if diet:
            now = self._meals_of(person_id)
            tags_changed = (old_person.dietary_tags if old_person else "") != (
                person.dietary_tags if person else ""
            )
            # New tags change every meal they attend; the same tags only the meals joined or left.
            for item_id in (meals | now) if tags_changed else (meals ^ now):
                self._check_meal(item_id)
        new_travel = self.travel_by_person.get(person_id, ())
        if person_id in self.ops_people or any(
            t.journey_id in self.shared_stays for t in chain(old_travel, new_travel)
        ):
            self._check_operations()

    def replace_programme(self, programme_id: int, programme: ProgrammeRec | None) -> None:
        """Apply a programme's new dates, kind, seats or parent; None: deleted with its items."""
        people = set(self.programme_people.get(programme_id, ()))
        children = [p.id for p in self.snap.programmes.values() if p.parent_id == programme_id]
        if programme is None:
            for item_id in list(self.items_by_programme.get(programme_id, ())):
                self.replace_item(item_id, None)
            for booking in list(self.programme_bookings.get(programme_id, ())):
                self._remove_booking(booking)
            self._index_programme_people(programme_id)
            self.snap.programmes.pop(programme_id, None)
            self.spans.pop(programme_id, None)
            self.listing.store(("programme", programme_id), [])
        else:
            self.snap.programmes[programme_id] = programme
            self._set_span(programme)
            rooms = set()
            for item_id in self.items_by_programme.get(programme_id, ()):
                item = self.snap.items[item_id]
                if item.recurrence:  # repeats stop at the programme's end, which may have moved
                    self._add_item(item)
                    people |= self.item_people(item_id)
                    rooms.add(self._room_key(item))
                    if item.kind == TRANSFER:
                        for rider in self.carriage.people_on(item):
                            self._check_arrivals(rider)
                self._check_item(item)
            for key in rooms - {None}:
                self._check_room(key)
            self._check_programme(programme_id)
        for person_id in people:
            self._refresh_person(person_id)
            self._check_person(person_id)
        for child in children:
            self._check_programme(child)
        if programme_id in self.ops_programmes:  # a day's assignment is a day in its zone
            self._check_operations()

    def item_people(self, item_id: int) -> set[int]:
        """Who is confirmed in an item: booked directly, or on its programme (not breakouts)."""
        return self._people_of(self.snap.items[item_id])

    def _people_of(self, item: ItemRec) -> set[int]:
        """`item_people` for this record of the item (it may not be the snapshot's yet)."""
        people = {b.person_id for b in self.item_bookings.get(item.id, ()) if b.status == CONFIRMED}
        if item.kind not in NEEDS_OWN_BOOKING and item.programme_id in self.programme_people:
            people |= self.programme_people[item.programme_id]
        return people

    def person_item_ids(self, person_id: int) -> set[int]:
        """The items a person is confirmed in (directly or through a programme)."""
        direct = self.person_items.get(person_id)
        ids = direct & self.snap.items.keys() if direct else set()
        for prog_id in self.person_programmes.get(person_id, ()):
            ids |= self.common_items.get(prog_id, set())
        return ids

    def person_intervals(self, person_id: int) -> list[Interval]:
        """What occupies a person: item occurrences, journeys (not hotel stays), tour spans.

        The item occurrences come first, in order (kept sorted edit by edit), then the rest.
        """
        return list(self.person_occ.get(person_id, ())) + self._journeys_and_tours(person_id)

    def _journeys_and_tours(self, person_id: int) -> list[Interval]:
        """What occupies a person besides items: journeys (not hotel stays) and tour spans."""
        intervals = [
            self.travel_iv[t.id]
            for t in self.travel_by_person.get(person_id, ())
            if t.kind in MOVING_KINDS
        ]
        for prog_id in self.person_programmes.get(person_id, ()):
            prog = self.snap.programmes.get(prog_id)
            if prog is not None and prog.kind in TOUR_KINDS:
                intervals.append(self.spans[prog_id])
        return intervals

    def _sorted_occurrences(self, person_id: int) -> list[Interval]:
        """A person's item occurrences in order, from scratch."""
        found = list(
            chain.from_iterable(map(self.live.__getitem__, self.person_item_ids(person_id)))
        )
        found.sort()
        return found

    def room_intervals(self, key: object) -> list[Interval]:
        """The occurrences of the items (not cancelled) in a room or a venue without rooms."""
        return list(
            chain.from_iterable(map(self.live.__getitem__, self.items_by_room.get(key, ())))
        )

    # -- each person's item occurrences, kept sorted ---------------------------------------

    def _refresh_person(self, person_id: int) -> None:
        """Rebuild one person's list (after their bookings or programmes changed)."""
        found = self._sorted_occurrences(person_id)
        if found:
            self.person_occ[person_id] = found
        else:
            self.person_occ.pop(person_id, None)

    def _move_in_list(self, person_id: int, old: list[Interval], new: list[Interval]) -> bool:
        """Replace one item's occurrences in a person's list: bisect out, bisect in.

        False when the list did not hold the old ones (then it is rebuilt from scratch)."""
        kept = self.person_occ.setdefault(person_id, [])
        for occ in old:
            n = bisect_left(kept, occ)
            if n == len(kept) or kept[n] != occ:  # not there: the list is not what it seems
                self._refresh_person(person_id)
                return False
            del kept[n]
        for occ in new:
            insort(kept, occ)
        if not kept:
            del self.person_occ[person_id]
        return True

    # -- a person's recheck near one edited item ------------------------------------------
    #
    # An item moved (or renamed, or given another venue): for each person in it, only the
    # pairs with that item change, and the trips to the items near it. Double bookings: the
    # pairs naming the item go, its new overlaps come. Travel time: the trips to the items
    # from the item's old and new starts up to the first one ending after it, computed before
    # and after the edit; the difference replaces what the person had there. The Hypothesis
    # test proves the result equal to a person's full recheck after random edits.

    # An occurrence is far from the person's other items when the nearest one with a venue
    # before it in their list starts more than the longest trip and the longest item before
    # it (so everything before it ends more than the longest trip before it starts), and the
    # nearest one with a venue after it starts more than the longest trip after it ends. No
    # trip to it or from it is too short then, and the person comes to the next item from it
    # or from something ending earlier still, too far either way; after that item they come
    # from the same place, with the occurrence or without. An item moved from such a place to
    # another changes none of the person's trips (`_far_from_others`): most of a hall
    # plenary's 1,000 attendees, on a day they have nothing else near it.

    def _trips_found_before(
        self, people: Iterable[int], item_id: int, occs: list[Interval]
    ) -> dict[int, list[Timed]]:
        """Before the edit: what travel-time found near the item, for those whose findings do
        not say it themselves.

        What a person's findings hold already are the trips to the items starting in the
        window (see `_travel_window`): picked from them after the edit by where each trip
        leads (cheaper than finding them again, for each of a hall plenary's 1,000
        attendees). Not for a trip leading to an item with more or less than one occurrence
        (a repeating one: its finding does not say which occurrence it leads to; or the item
        itself, moved, before the edit): those trips are found again now, on the person's
        list as it is before the edit, and returned by person. (No trip leads to an item
        deleted: deleting one rechecks its people in full.)"""
        not_once = self.not_once
        found: dict[int, list[Timed]] = {}
        if not not_once:  # every item has one occurrence: every trip says where it leads
            return found
        scopes, records = self.listing.scopes, self.snap.people
        for person_id in people:
            had = scopes.get(("person-travel", person_id))
            person = records.get(person_id)
            if not had or person is None:
                continue
            for _key, f in had:
                if destination(f) in not_once:
                    kept = self.person_occ.get(person_id, [])
                    lo, hi = self._travel_window(kept, item_id, occs)
                    found[person_id] = (
                        travel_time_near(self, person, kept, lo, hi, self.longest, self.farthest)
                        if lo <= hi
                        else []
                    )
                    break
        return found

    def _travel_window(
        self, kept: list[Interval], item_id: int, occs: list[Interval]
    ) -> tuple[float, float]:
        """From when to when the trips to a person's items (`kept`) may change as these
        occurrences of an item come or go: from the earliest one to the latest that
        `_trips_change_until` gives for each. The same on the person's list before the edit
        and after: it passes over the item's own occurrences."""
        lo, hi, farthest = inf, -inf, self.farthest
        for occ in occs:  # comparisons, not min and max: this runs for each of 1,000 people
            if occ[0] < lo:
                lo = occ[0]
            until = _trips_change_until(kept, bisect_right(kept, occ), occ[1], item_id, farthest)
            if until > hi:
                hi = until
        return lo, hi

    def _recheck_near(
        self,
        people: Iterable[int],
        item_id: int,
        before: tuple[set[int], list[Interval]],
        after: tuple[set[int], list[Interval]],
        trips: bool,
        found_before: dict[int, list[Timed]],
        reach: tuple[float, float],
        whole: bool,
    ) -> list[int]:
        """After the edit: move the item in each person's list, then replace their findings
        near it (see above). One loop for everyone, with what they share looked up once.

        `before` and `after` are who was and is in the item, with its occurrences then and
        now; `trips` whether the trips near it may have changed, `found_before` the trips
        `_trips_found_before` found again. Returns the people to recheck in full: those whose
        list did not hold the item where it was (rebuilt), and those no longer in the plan."""
        was_in, old_live = before
        now_in, new_live = after
        rules, listing, scopes = self.rules, self.listing, self.listing.scopes
        person_occ, records, store = self.person_occ, self.snap.people, listing.store
        double = "person-double-booked" in rules
        reach_lo, reach_hi = reach
        # Journeys and tour spans clash with the item too: looked for only in those who have any.
        tours = {p.id for p in self.snap.programmes.values() if p.kind in TOUR_KINDS}
        journeys, programmes = self.travel_by_person, self.person_programmes
        # Most moves: one occurrence before and after, the same for everyone in the item.
        one_each = len(old_live) == 1 and len(new_live) == 1
        farthest = self.farthest
        apart = farthest + self.longest  # see `_far_from_others`
        occs = old_live + new_live
        lo = min(o[0] for o in occs) if occs else inf
        was_start = old_live[0][0] if len(old_live) == 1 else None
        same = was_in == now_in  # a move: the same people before and after
        left = []
        for person_id in people:
            if same:
                old, new = old_live, new_live
            else:
                old = old_live if person_id in was_in else []
                new = new_live if person_id in now_in else []
            kept = person_occ.get(person_id)
            at = -1  # where the new occurrence went in the list, when there is one
            alone = False
            if one_each and old and new and kept:  # `_move_in_list`, inlined
                was, now = old[0], new[0]
                n = bisect_left(kept, was)
                if n == len(kept) or kept[n] != was:  # not there: the list is not what it seems
                    self._refresh_person(person_id)
                    left.append(person_id)
                    continue
                # Far from the person's other items where it was and where it goes (see
                # above): none of their trips changes, travel-time is not looked at again.
                # Most often the very next items either side are far: asked here first.
                last = len(kept) - 1
                alone = trips and (
                    (
                        (n == 0 or kept[n - 1][0] < was[0] - apart)
                        and (n == last or kept[n + 1][0] > was[1] + farthest)
                    )
                    or _far_from_others(kept, n, was, apart, farthest)
                )
                del kept[n]
                at = bisect_right(kept, now)
                kept.insert(at, now)
                alone = alone and (
                    (
                        (at == 0 or kept[at - 1][0] < now[0] - apart)
                        and (at == last or kept[at + 1][0] > now[1] + farthest)
                    )
                    or _far_from_others(kept, at, now, apart, farthest)
                )
            elif self._move_in_list(person_id, old, new):
                kept = person_occ.get(person_id, [])
            else:
                left.append(person_id)
                continue
            person = records.get(person_id)
            if person is None:
                left.append(person_id)
                continue
            # A scope is stored again only when something in it went or came: storing what was
            # there works out every finding's order key to see that nothing changed.
            if double:
                scope = ("person-double", person_id)
                had = scopes.get(scope)
                found = [(key[1], f) for key, f in had if item_id not in f.item_ids] if had else []
                gone = had is not None and len(found) != len(had)
                if new:  # what starts from `reach[0]` (no item lasts longer) until it ends
                    if at >= 0:  # the neighbours of its one occurrence tell whether any does
                        near = (at > 0 and kept[at - 1][0] >= reach_lo) or (
                            at + 1 < len(kept) and kept[at + 1][0] < reach_hi
                        )
                    else:
                        near = True
                    others = []
                    if near:
                        first = bisect_left(kept, (reach_lo,))
                        last = bisect_left(kept, (reach_hi,))
                        others = [o for o in kept[first:last] if o[3] != item_id]
                    if (journeys and journeys.get(person_id)) or (
                        tours and not tours.isdisjoint(programmes.get(person_id, ()))
                    ):
                        others += self._journeys_and_tours(person_id)
                    pairs = item_double_bookings(self, person, new, others) if others else []
                    if pairs:
                        found += pairs
                        gone = True
                if gone:
                    store(scope, found)
            if trips and not alone:
                self._recheck_trips(person, kept, item_id, occs, lo, was_start, found_before)
            if whole:
                store(("person", person_id), person_whereabouts(self, person, kept, rules))
        return left

    def _recheck_trips(
        self,
        person: PersonRec,
        kept: list[Interval],
        item_id: int,
        occs: list[Interval],
        lo: float,
        was_start: float | None,
        found_before: dict[int, list[Timed]],
    ) -> None:
        """After the edit: the trips near the item, found again in the travel window, replace
        those found there before (`was_start`: where the item's one occurrence began)."""
        hi, farthest = -inf, self.farthest
        for occ in occs:
            until = _trips_change_until(kept, bisect_right(kept, occ), occ[1], item_id, farthest)
            if until > hi:
                hi = until
        if lo > hi:
            return
        scope = ("person-travel", person.id)
        had = self.listing.scopes.get(scope)
        old_trips = found_before.get(person.id)
        if old_trips is None:  # picked from what the person had, by where each trip leads
            old_trips = []
            if had:
                live = self.live
                for key, f in had:
                    leads_to = destination(f)
                    starts = was_start if leads_to == item_id else live[leads_to][0][0]
                    if lo <= starts <= hi:  # type: ignore[operator]
                        old_trips.append((key[1], f))
        trips = travel_time_near(self, person, kept, lo, hi, self.longest, farthest)
        if old_trips or trips:  # most people had and have no trip worth a word near it
            gone_keys = Counter(order_key(when, f) for when, f in old_trips)
            found = []
            for key, f in had or []:
                if gone_keys[key]:
                    gone_keys[key] -= 1
                else:
                    found.append((key[1], f))
            self.listing.store(scope, found + trips)

    # -- indexes ------------------------------------------------------------------------------

    def _set_span(self, prog: ProgrammeRec) -> None:
        opens = local_day_bounds(prog.start_date, prog.zone)[0]
        closes = local_day_bounds(prog.end_date, prog.zone)[1]
        self.spans[prog.id] = (
            opens.timestamp(),
            closes.timestamp(),
            PROGRAMME,
            prog.id,
            opens,
            closes,
            NO_VENUE,
        )

    def _add_booking(self, booking: BookingRec) -> None:
        self.person_bookings[booking.person_id].append(booking)
        if booking.item_id is not None:
            self.item_bookings[booking.item_id].append(booking)
            if booking.status == CONFIRMED:
                self.person_items[booking.person_id].add(booking.item_id)
        elif booking.programme_id is not None:
            self.programme_bookings[booking.programme_id].append(booking)

    def _remove_booking(self, booking: BookingRec) -> None:
        person_id = booking.person_id
        self.person_bookings[person_id].remove(booking)
        if booking.item_id is not None:
            self.item_bookings[booking.item_id].remove(booking)
            if not any(  # the same booking may be there twice
                b.item_id == booking.item_id and b.status == CONFIRMED
                for b in self.person_bookings[person_id]
            ):
                self.person_items[person_id].discard(booking.item_id)
        elif booking.programme_id is not None:
            self.programme_bookings[booking.programme_id].remove(booking)

    def _index_programme_people(self, prog_id: int) -> None:
        """Recount who is confirmed on a programme after its bookings changed."""
        old = self.programme_people.get(prog_id, set())
        new = {
            b.person_id for b in self.programme_bookings.get(prog_id, ()) if b.status == CONFIRMED
        }
        for person_id in old - new:
            self.person_programmes[person_id].discard(prog_id)
        for person_id in new - old:
            self.person_programmes[person_id].add(prog_id)
        if new:
            self.programme_people[prog_id] = new
        else:
            self.programme_people.pop(prog_id, None)

    def _room_key(self, item: ItemRec) -> object:
        if item.room_id is not None:
            return item.room_id
        if item.venue_id is not None and item.venue_id not in self.venues_with_rooms:
            return ("venue", item.venue_id)
        return None

    def _add_items(self, items: Iterable[ItemRec]) -> dict[int, Interval]:
        """`_add_item` for every item of a full check, inlined: 100,000 calls add up.

        Returns the occurrence of each live item that has only one, for the bookings' pass:
        found there in one step, not through its item's list (300,000 lookups among 100,000
        lists scattered in memory took half that pass)."""
        live, cancelled = self.live, self.cancelled
        once: dict[int, Interval] = {}
        by_programme, common, by_room = (
            self.items_by_programme,
            self.common_items,
            self.items_by_room,
        )
        occurrences_of, rooms = self.snap.occurrences_of, self.venues_with_rooms
        longest = self.longest
        for item in items:
            item_id = item.id
            if item.recurrence:
                found = occurrences_of(item)
            else:
                start, end, venue = item.start, item.end, item.venue_id
                if venue is None:
                    venue = NO_VENUE
                found = [(start.timestamp(), end.timestamp(), ITEM, item_id, start, end, venue)]
            for o in found:
                if o[1] - o[0] > longest:
                    longest = o[1] - o[0]
            if item.status == CANCELLED:
                live[item_id] = []
                cancelled.add(item_id)
                self.not_once.add(item_id)
            else:
                live[item_id] = found
                if len(found) == 1:
                    once[item_id] = found[0]
                else:
                    self.not_once.add(item_id)
            by_programme[item.programme_id][item_id] = None
            if item.kind not in NEEDS_OWN_BOOKING:
                common[item.programme_id].add(item_id)
                if item.kind == MEAL:
                    self.meals.add(item_id)
                elif item.kind == TRANSFER:
                    self.transfers[item.programme_id].add(item_id)
            if item.room_id is not None:
                by_room[item.room_id].add(item_id)
            elif item.venue_id is not None and item.venue_id not in rooms:
                by_room[("venue", item.venue_id)].add(item_id)
        self.longest = longest
        return once

    def _add_item(self, item: ItemRec) -> None:
        occ = self.snap.occurrences_of(item)
        self.longest = max(self.longest, *(o[1] - o[0] for o in occ)) if occ else self.longest
        self.live[item.id] = [] if item.status == CANCELLED else occ
        if len(self.live[item.id]) == 1:
            self.not_once.discard(item.id)
        else:
            self.not_once.add(item.id)
        if item.status == CANCELLED:
            self.cancelled.add(item.id)
        else:
            self.cancelled.discard(item.id)
        self.items_by_programme[item.programme_id][item.id] = None
        if item.kind not in NEEDS_OWN_BOOKING:
            self.common_items[item.programme_id].add(item.id)
        if item.kind == MEAL:
            self.meals.add(item.id)
        elif item.kind == TRANSFER:
            self.transfers[item.programme_id].add(item.id)
        key = self._room_key(item)
        if key is not None:
            self.items_by_room[key].add(item.id)

    def _remove_item(self, item: ItemRec) -> None:
        del self.snap.items[item.id]
        self.live.pop(item.id, None)
        self.cancelled.discard(item.id)
        self.not_once.discard(item.id)
        self.listing.store(("item", item.id), [])
        self.items_by_programme[item.programme_id].pop(item.id, None)
        self.common_items[item.programme_id].discard(item.id)
        self.meals.discard(item.id)
        self.transfers[item.programme_id].discard(item.id)
        key = self._room_key(item)
        if key is not None:
            self.items_by_room[key].discard(item.id)

    def _add_travel(self, journey: TravelRec) -> None:
        self.travel_by_person[journey.person_id].append(journey)
        self.roads += journey.kind == ROAD
        self.travel_iv[journey.id] = (
            journey.start.timestamp(),
            journey.end.timestamp(),
            TRAVEL,
            journey.id,
            journey.start,
            journey.end,
            NO_VENUE,
        )

    # -- rechecks: what a scope finds is up to the rules ---------------------------------------

    def _check_person(self, person_id: int) -> None:
        """A person's findings in full, in three scopes: double bookings and trips between
        items (each rechecked near an edited item alone, see `_recheck_near`), the rest."""
        person = self.snap.people.get(person_id)
        store, rules = self.listing.store, self.rules
        if person is None:
            for scope in ("person-double", "person-travel", "person"):
                store((scope, person_id), [])
            return
        kept = self.person_occ.get(person_id, [])
        if "person-double-booked" in rules:
            found = person_double_bookings(self, person, self.person_intervals(person_id))
            store(("person-double", person_id), found)
        if "travel-time" in rules:
            store(("person-travel", person_id), travel_time(self, person, kept))
        store(("person", person_id), person_whereabouts(self, person, kept, rules))

    def _index_operations(self) -> None:
        """What the operations records refer to: which edits recheck which operations rules.

        The records themselves change only through a new index (a record edit reloads)."""
        ops = self.snap.operations
        self.carriage = Carriage(ops)
        self.ops_items: set[int] = set()  # named by an assignment, a vehicle or a seat
        self.ops_people: set[int] = set()  # staff and drivers
        self.ops_programmes: set[int] = set()
        for job in ops.assignments:
            self.ops_people.add(job.person_id)
            if job.item_id is not None:
                self.ops_items.add(job.item_id)
            if job.programme_id is not None:
                self.ops_programmes.add(job.programme_id)
        for v in ops.vehicles.values():
            if v.driver_id is not None:
                self.ops_people.add(v.driver_id)
            if v.item_id is not None:
                self.ops_items.add(v.item_id)
            if v.programme_id is not None:
                self.ops_programmes.add(v.programme_id)
        for seat in ops.seats:  # the rules count seats, never read the seated person's record
            if seat.item_id is not None:
                self.ops_items.add(seat.item_id)
        self.shared_stays = {stay for pair in ops.shared_rooms for stay in pair}

    def _check_operations(self) -> None:
        """staff-double-booked, vehicle-over-seats, room-nights-differ: over the whole plan."""
        if self.rules & OPERATIONS_RULES:
            self.listing.store(("operations", None), operations_findings(self.snap, self.rules))

    def _check_arrivals(self, person_id: int) -> None:
        """A person's arrivals and the transfers that meet them."""
        if not self.rules & ARRIVAL_RULES:
            return
        person = self.snap.people.get(person_id)
        found = (
            arrival_findings(
                self.snap,
                person,
                self.travel_by_person.get(person_id, ()),
                self.carriage.legs_of(person_id, self.transfers),
                self.rules,
                plans_transfers=self._plans_transfers(),
            )
            if person is not None
            else []
        )
        if found or ("arrival", person_id) in self.listing.scopes:
            self.listing.store(("arrival", person_id), found)

    def _plans_transfers(self) -> bool:
        return self.roads > 0 or bool(self.snap.operations.vehicles)

    def _check_meal(self, item_id: int) -> None:
        if not self.rules & MEAL_RULES:
            return
        item = self.snap.items.get(item_id)
        found = (
            meal_diet_without_menu(self.snap, item, self.item_people(item_id))
            if item is not None
            else []
        )
        if found or ("meal", item_id) in self.listing.scopes:
            self.listing.store(("meal", item_id), found)

    def _meals_of(self, person_id: int) -> set[int]:
        """The meals a person is confirmed in (booked directly or through a programme)."""
        found = self.meals & self.person_items.get(person_id, set())
        for prog_id in self.person_programmes.get(person_id, ()):
            found |= self.meals & self.common_items.get(prog_id, set())
        return found

    def _recheck_item_operations(
        self, item_id: int, old: ItemRec | None, item: ItemRec | None, carried: set[int]
    ) -> None:
        """After an item's edit: its meal, the arrivals its transfer meets (before and after),
        the operations naming it."""
        if MEAL in (old.kind if old else None, item.kind if item else None):
            self._check_meal(item_id)
        if item is not None and item.kind == TRANSFER:
            carried = carried | self.carriage.people_on(item)
        for person_id in carried:
            self._check_arrivals(person_id)
        if item_id in self.ops_items:
            self._check_operations()

    def _check_room(self, key: object) -> None:
        self.listing.store(("room", key), room_findings(self, key, self.rules))

    def _check_item(self, item: ItemRec) -> None:
        found = item_findings(self, item, self._occurrences(item), self.rules)
        # Most items find nothing: an item scope is stored only when it has or had findings.
        if found or ("item", item.id) in self.listing.scopes:
            self.listing.store(("item", item.id), found)

    def _occurrences(self, item: ItemRec) -> list[Interval]:
        """Every occurrence of an item of the index, cancelled or not."""
        if item.id in self.cancelled:
            return self.snap.occurrences_of(item)
        return self.live[item.id]

    def _check_programme(self, prog_id: int) -> None:
        prog = self.snap.programmes.get(prog_id)
        found = programme_findings(self, prog, self.rules) if prog is not None else []
        self.listing.store(("programme", prog_id), found)


def _trips_change_until(
    kept: list[Interval], n: int, ends: float, item_id: int, farthest: float
) -> float:
    """Until when the trips to a person's items (`kept`, sorted) may change as an occurrence
    of an item ending at `ends` (its place in `kept` just before `n`) comes or goes.

    Until the first other item with a venue after it that ends later: from there on the
    person comes from that one or from one ending later still, with the occurrence or
    without. And no later than the longest trip (`farthest`, seconds) after it ends: a trip
    to an item starting later is not too short, from the occurrence or from whatever else
    ends latest before that item, and from that item on the person comes from it or from
    one ending later, with the occurrence or without."""
    far = ends + farthest
    count = len(kept)
    while n < count:  # by index: a slice would copy the rest of the list
        o = kept[n]
        if o[0] > far:
            break
        if o[1] > ends and o[3] != item_id and o[6] != NO_VENUE:
            return o[0]
        n += 1
    return far


def _far_from_others(
    kept: list[Interval], n: int, occ: Interval, apart: float, farthest: float
) -> bool:
    """Whether the occurrence at `kept[n]` is far from the person's other items with a venue
    (see the index's "far from the person's other items"): the nearest one before it starts
    more than `apart` (the longest trip and the longest item) before it, the nearest one after
    it more than `farthest` (the longest trip) after it ends. Items without a venue are no
    trip's end: passed over (a plenary in no hall, every morning)."""
    starts, ends = occ[0] - apart, occ[1] + farthest
    k = n - 1
    while k >= 0:
        o = kept[k]
        if o[0] < starts:
            break
        if o[6] != NO_VENUE:
            return False
        k -= 1
    k, count = n + 1, len(kept)
    while k < count:
        o = kept[k]
        if o[0] > ends:
            break
        if o[6] != NO_VENUE:
            return False
        k += 1
    return True


def check(snapshot: PlanSnapshot, rules: Iterable[str] | None = None) -> list[Finding]:
    """All findings of a snapshot: errors first, then by time."""
    return ConflictIndex(snapshot, rules).findings()

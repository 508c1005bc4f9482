"""The scheduling checks over a PlanSnapshot: one full check, then incremental rechecks.

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

Venues, rooms, travel times and the plan's defaults change rarely: build a new index then.
`findings()` returns every finding, errors first, then by time.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime, time, timedelta
from itertools import chain

from tourplanner.scheduling.findings import ERROR, WARNING, Finding, order_key
from tourplanner.scheduling.overlaps import Clash, sweep
from tourplanner.scheduling.recurrence import first_cut
from tourplanner.scheduling.rules import RULES
from tourplanner.scheduling.snapshot import (
    ITEM,
    MOVING_KINDS,
    NEEDS_OWN_BOOKING,
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
from tourplanner.scheduling.text import clock, date_text, dates, day, hours, moment, place
from tourplanner.timezones import local_day_bounds, to_local, to_utc

__all__ = ["RULES", "ConflictIndex", "check"]

CONFIRMED, WAITLISTED = "confirmed", "waitlisted"
TENTATIVE, CANCELLED = "tentative", "cancelled"
TOUR_KINDS = frozenset({"pre_tour", "post_tour", "study_tour", "visit"})
PRESENCE_RULES = frozenset({"before-arrival", "after-departure", "no-hotel"})
NIGHT = time(3, 0)  # a night counts as covered when 03:00 local falls inside a stay or journey

Scope = tuple[str, object]  # ("person", id), ("room", id or ("venue", id)), ("item", id), ...
Timed = tuple[float, Finding]  # when (POSIX seconds, for ordering), finding


def _entry_key(entry: tuple[tuple, Finding]) -> tuple:
    return entry[0]


class ConflictIndex:
    """All findings of a snapshot, kept per scope so that an edit rechecks only what it touches.

    The index owns the snapshot it is given and applies edits to it, except to its list of
    bookings, which it reads once (`current_snapshot` gives an up-to-date copy).
    """

    @staticmethod
    def pairs(intervals: list[Interval], clash: Clash) -> list[tuple[Interval, Interval]]:
        """The overlapping pairs among one person's or one room's intervals that clash."""
        return sweep(intervals, clash)

    def __init__(self, snapshot: PlanSnapshot, rules: Iterable[str] | None = None) -> None:
        self.snap = snapshot
        self.rules = frozenset(RULES) if rules is None else frozenset(rules)
        unknown = self.rules - set(RULES)
        if unknown:
            raise ValueError(f"unknown rules: {sorted(unknown)}")
        self.scopes: dict[Scope, list[tuple[tuple, Finding]]] = {}
        # Every scope's entries in listing order, kept up to date by each edit once sorted:
        # re-sorting 10,000 findings after every edit cost more than the recheck itself.
        self._sorted: list[tuple[tuple, Finding]] | None = None
        self._listed: list[Finding] | None = None
        self.venues_with_rooms = {r.venue_id for r in snapshot.rooms.values()}
        self.spans: dict[int, Interval] = {}  # a programme's whole local days
        for prog in snapshot.programmes.values():
            self._set_span(prog)

        self.item_bookings: dict[int, list[BookingRec]] = defaultdict(list)
        self.person_bookings: dict[int, list[BookingRec]] = defaultdict(list)
        self.programme_bookings: dict[int, list[BookingRec]] = defaultdict(list)
        self.person_items: dict[int, set[int]] = defaultdict(set)  # confirmed, booked directly
        self.programme_people: dict[int, set[int]] = {}  # confirmed, whole-programme bookings
        self.person_programmes: dict[int, set[int]] = defaultdict(set)
        by_person, by_item = self.person_bookings, self.item_bookings
        person_items = self.person_items
        for booking in snapshot.bookings:  # _add_booking, inlined: 300,000 calls add up
            by_person[booking.person_id].append(booking)
            if booking.item_id is not None:
                by_item[booking.item_id].append(booking)
                if booking.status == CONFIRMED:
                    person_items[booking.person_id].add(booking.item_id)
            elif booking.programme_id is not None:
                self.programme_bookings[booking.programme_id].append(booking)
        for prog_id in list(self.programme_bookings):
            self._index_programme_people(prog_id)

        self.occ: dict[int, list[Interval]] = {}  # every occurrence of each item
        self.live: dict[int, list[Interval]] = {}  # the same, empty for a cancelled item
        self._minutes: dict[tuple[int, int], int] = {}
        self.items_by_room: dict[object, set[int]] = defaultdict(set)
        self.items_by_programme: dict[int, set[int]] = defaultdict(set)
        self.common_items: dict[int, set[int]] = defaultdict(set)  # everyone on it attends
        for item in snapshot.items.values():
            self._add_item(item)

        self.travel_by_person: dict[int, list[TravelRec]] = defaultdict(list)
        self.travel_iv: dict[int, Interval] = {}
        for journey in sorted(snapshot.travel.values(), key=lambda t: (t.start, t.id)):
            self._add_travel(journey)

        for item in snapshot.items.values():
            self._check_item(item)
        for person_id in snapshot.people:
            self._check_person(person_id)
        for key in list(self.items_by_room):
            self._check_room(key)
        for prog_id in snapshot.programmes:
            self._check_programme(prog_id)

    # -- public -------------------------------------------------------------------------------

    def findings(self) -> list[Finding]:
        """Every finding: errors first, then by time, then by rule."""
        if self._sorted is None:
            self._sorted = [entry for found in self.scopes.values() for entry in found]
            self._sorted.sort(key=_entry_key)
        if self._listed is None:
            self._listed = [finding for _, finding in self._sorted]
        return list(self._listed)

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
        )

    def replace_item(
        self, item_id: int, item: ItemRec | None, bookings: Iterable[BookingRec] | None = None
    ) -> None:
        """Apply an added, edited or deleted (None) item, and its new bookings if given."""
        old = self.snap.items.get(item_id)
        people = self.item_people(item_id) if old is not None else set()
        rooms = {self._room_key(old)} if old is not None else set()
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
        if item is not None:
            self.snap.items[item_id] = item
            self._add_item(item)
            people |= self.item_people(item_id)
            rooms.add(self._room_key(item))
            self._check_item(item)
        for person_id in people:
            self._check_person(person_id)
        for key in rooms - {None}:
            self._check_room(key)

    def replace_person(
        self,
        person_id: int,
        person: PersonRec | None,
        bookings: Iterable[BookingRec] | None = None,
        travel: Iterable[TravelRec] | None = None,
    ) -> None:
        """Apply a person's new record (None: deleted), bookings and journeys, when given."""
        if person is None:  # the plan file deletes a person's bookings and journeys with them
            self.snap.people.pop(person_id, None)
            bookings, travel = (), ()
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
            # Joining or leaving a programme changes the head count of all its common items.
            for prog_id in before ^ set(self.person_programmes.get(person_id, ())):
                rooms |= {self._room_key(self.snap.items[i]) for i in self.common_items[prog_id]}
        if travel is not None:
            for journey in self.travel_by_person.pop(person_id, []):
                self.snap.travel.pop(journey.id, None)
                self.travel_iv.pop(journey.id, None)
            for journey in sorted(travel, key=lambda t: (t.start, t.id)):
                self.snap.travel[journey.id] = journey
                self._add_travel(journey)
        self._check_person(person_id)
        for key in rooms - {None}:
            self._check_room(key)
        for prog_id in programmes:
            self._check_programme(prog_id)

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
            self._store(("programme", programme_id), [])
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
                self._check_item(item)
            for key in rooms - {None}:
                self._check_room(key)
            self._check_programme(programme_id)
        for person_id in people:
            self._check_person(person_id)
        for child in children:
            self._check_programme(child)

    def item_people(self, item_id: int) -> set[int]:
        """Who is confirmed in an item: booked directly, or on its programme (not breakouts)."""
        item = self.snap.items[item_id]
        people = {b.person_id for b in self.item_bookings.get(item_id, ()) if b.status == CONFIRMED}
        if item.kind not in NEEDS_OWN_BOOKING and item.programme_id in self.programme_people:
            people |= self.programme_people[item.programme_id]
        return people

    def person_item_ids(self, person_id: int) -> set[int]:
        """The items a person is confirmed in (directly or through a programme)."""
        items = self.snap.items
        ids = {i for i in self.person_items.get(person_id, ()) if i in items}
        for prog_id in self.person_programmes.get(person_id, ()):
            ids |= self.common_items.get(prog_id, set())
        return ids

    def person_intervals(self, person_id: int) -> list[Interval]:
        """What occupies a person: item occurrences, journeys (not hotel stays), tour spans."""
        intervals = list(
            chain.from_iterable(map(self.live.__getitem__, self.person_item_ids(person_id)))
        )
        intervals.sort()
        intervals += [
            self.travel_iv[t.id]
            for t in self.travel_by_person.get(person_id, ())
            if t.kind in MOVING_KINDS
        ]
        for prog_id in self.person_programmes.get(person_id, ()):
            prog = self.snap.programmes.get(prog_id)
            if prog is not None and prog.kind in TOUR_KINDS:
                intervals.append(self.spans[prog_id])
        return intervals

    def room_intervals(self, key: object) -> list[Interval]:
        """The occurrences of the items (not cancelled) in a room or a venue without rooms."""
        return list(
            chain.from_iterable(map(self.live.__getitem__, self.items_by_room.get(key, ())))
        )

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

    def _add_item(self, item: ItemRec) -> None:
        occ = self.occ[item.id] = self.snap.occurrences_of(item)
        self.live[item.id] = [] if item.status == CANCELLED else occ
        self.items_by_programme[item.programme_id].add(item.id)
        if item.kind not in NEEDS_OWN_BOOKING:
            self.common_items[item.programme_id].add(item.id)
        key = self._room_key(item)
        if key is not None:
            self.items_by_room[key].add(item.id)

    def _remove_item(self, item: ItemRec) -> None:
        del self.snap.items[item.id]
        self.occ.pop(item.id, None)
        self.live.pop(item.id, None)
        self._store(("item", item.id), [])
        self.items_by_programme[item.programme_id].discard(item.id)
        self.common_items[item.programme_id].discard(item.id)
        key = self._room_key(item)
        if key is not None:
            self.items_by_room[key].discard(item.id)

    def _add_travel(self, journey: TravelRec) -> None:
        self.travel_by_person[journey.person_id].append(journey)
        self.travel_iv[journey.id] = (
            journey.start.timestamp(),
            journey.end.timestamp(),
            TRAVEL,
            journey.id,
            journey.start,
            journey.end,
        )

    def _store(self, scope: Scope, found: list[Timed]) -> None:
        old = self.scopes.get(scope, [])
        new = [(order_key(when, f), f) for when, f in found]
        if new == old:
            return  # most rechecks find what was there: the listing stays as it is
        self._listed = None
        if new:
            self.scopes[scope] = new
        else:
            self.scopes.pop(scope, None)
        listing = self._sorted
        if listing is None:
            return  # not listed yet: sorted once when first asked for
        for entry in old:
            n = bisect_left(listing, entry[0], key=_entry_key)
            while listing[n] is not entry:  # equal keys: find this very entry
                n += 1
            del listing[n]
        for entry in new:
            insort(listing, entry, key=_entry_key)

    def clash(self, a: Interval, b: Interval) -> bool:
        """Whether two overlapping intervals of one person or room are a double booking."""
        kind_a, kind_b = a[2], b[2]
        items = self.snap.items
        if kind_a == ITEM and kind_b == ITEM:
            # Two tentative items may both be proposed for one slot: only one will happen.
            return a[3] != b[3] and (
                items[a[3]].status != TENTATIVE or items[b[3]].status != TENTATIVE
            )
        if kind_a == PROGRAMME or kind_b == PROGRAMME:
            if kind_a == TRAVEL or kind_b == TRAVEL:
                return False  # journeys are how a tour gets around
            if kind_a == kind_b:  # two tours at once, unless one is part of the other
                progs = self.snap.programmes
                return progs[a[3]].parent_id != b[3] and progs[b[3]].parent_id != a[3]
            span, occ = (a, b) if kind_a == PROGRAMME else (b, a)
            return items[occ[3]].programme_id != span[3]
        return True  # a journey against an item or another journey

    # -- person scope -------------------------------------------------------------------------

    def _check_person(self, person_id: int) -> None:
        person = self.snap.people.get(person_id)
        if person is None:
            self._store(("person", person_id), [])
            return
        rules = self.rules
        intervals = self.person_intervals(person_id)
        occs = [o for o in intervals if o[2] == ITEM]  # sorted: items come first, in order
        found: list[Timed] = []
        if "person-double-booked" in rules:
            found += [
                self._double_booked(a, b, person=person)
                for a, b in self.pairs(intervals, self.clash)
            ]
        if "travel-time" in rules:
            found += self._travel_time(person, occs)
        journeys = self.travel_by_person.get(person_id)
        if occs and journeys and rules & PRESENCE_RULES:
            found += self._presence(person, occs, journeys)
        if "cancelled-booking" in rules:
            found += self._cancelled_bookings(person)
        self._store(("person", person_id), found)

    def _travel_time(self, person: PersonRec, occs: list[Interval]) -> list[Timed]:
        """Consecutive items at different venues with less time between them than the trip."""
        items, snap, minutes = self.snap.items, self.snap, self._minutes
        found = []
        prev: Interval | None = None
        prev_item: ItemRec | None = None
        for o in occs:
            item = items[o[3]]
            venue = item.venue_id
            if venue is None:
                continue
            if prev is not None and o[0] >= prev[1] and venue != prev_item.venue_id:
                pair = (prev_item.venue_id, venue)
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
                                f"{person.name} has {int(gap)} min to get from "
                                f"'{prev_item.title}' ({place(snap, prev_item)}, ends "
                                f"{clock(prev[5], prev_item.zone)}) to '{item.title}' "
                                f"({place(snap, item)}, starts {clock(o[4], item.zone)}) "
                                f"on {day(o[4], item.zone)}; the trip takes {needed} min.",
                                item_ids=(prev_item.id, item.id),
                                person_ids=(person.id,),
                                venue_ids=(prev_item.venue_id, venue),
                            ),
                        )
                    )
            if prev is None or o[1] > prev[1]:  # the next trip starts when the latest item ends
                prev, prev_item = o, item
        return found

    def _presence(
        self, person: PersonRec, occs: list[Interval], journeys: list[TravelRec]
    ) -> list[Timed]:
        """Scheduled before the arrival flight lands or after the departure flight leaves;
        nights in between without a bed.

        The arrival is the first flight when it leaves before the person's first item; the
        departure is the last flight when it lands after their last item ends.
        """
        flights = [t for t in journeys if t.kind == "flight"]
        if not flights:
            return []
        items = self.snap.items
        first, last = occs[0][0], max(o[1] for o in occs)
        arrival = flights[0] if self.travel_iv[flights[0].id][0] <= first else None
        departure = flights[-1] if self.travel_iv[flights[-1].id][1] >= last else None
        if departure is arrival:
            departure = None
        found = []
        if arrival is not None and "before-arrival" in self.rules:
            lands = self.travel_iv[arrival.id][1]
            for o in occs:
                if o[0] >= lands:
                    break
                item = items[o[3]]
                found.append(
                    (
                        o[0],
                        Finding(
                            "before-arrival",
                            ERROR,
                            f"{person.name} is scheduled in '{item.title}' "
                            f"({day(o[4], item.zone)}, {hours(o[4], o[5], item.zone)}) before "
                            f"landing on {arrival.label} ({moment(arrival.end, arrival.end_zone)}).",
                            item_ids=(item.id,),
                            person_ids=(person.id,),
                            travel_ids=(arrival.id,),
                        ),
                    )
                )
        if departure is not None and "after-departure" in self.rules:
            leaves = self.travel_iv[departure.id][0]
            for o in occs:
                if o[1] > leaves:
                    item = items[o[3]]
                    found.append(
                        (
                            o[0],
                            Finding(
                                "after-departure",
                                ERROR,
                                f"{person.name} is scheduled in '{item.title}' "
                                f"({day(o[4], item.zone)}, {hours(o[4], o[5], item.zone)}) "
                                f"after leaving on {departure.label} "
                                f"({moment(departure.start, departure.start_zone)}).",
                                item_ids=(item.id,),
                                person_ids=(person.id,),
                                travel_ids=(departure.id,),
                            ),
                        )
                    )
        if arrival is not None and departure is not None and "no-hotel" in self.rules:
            found += self._nights(person, arrival, departure, journeys)
        return found

    def _nights(
        self, person: PersonRec, arrival: TravelRec, departure: TravelRec, journeys: list[TravelRec]
    ) -> list[Timed]:
        """Nights between landing and leaving whose 03:00 (local to the arrival) has no bed."""
        zone = arrival.end_zone
        covers = [
            self.travel_iv[t.id] for t in journeys if t.kind == "hotel" or t.kind in MOVING_KINDS
        ]
        lands, leaves = self.travel_iv[arrival.id][1], self.travel_iv[departure.id][0]
        found = []
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

    def _cancelled_bookings(self, person: PersonRec) -> list[Timed]:
        found = []
        seen = set()
        for booking in self.person_bookings.get(person.id, ()):
            item = self.snap.items.get(booking.item_id) if booking.item_id is not None else None
            if item is None or item.status != CANCELLED or booking.status != CONFIRMED:
                continue
            if item.id in seen:
                continue
            seen.add(item.id)
            found.append(
                (
                    item.start.timestamp(),
                    Finding(
                        "cancelled-booking",
                        WARNING,
                        f"{person.name} is still booked into '{item.title}' "
                        f"({day(item.start, item.zone)}, {hours(item.start, item.end, item.zone)}), "
                        "which is cancelled.",
                        item_ids=(item.id,),
                        person_ids=(person.id,),
                    ),
                )
            )
        return found

    # -- room scope ---------------------------------------------------------------------------

    def _check_room(self, key: object) -> None:
        found: list[Timed] = []
        if "room-double-booked" in self.rules:
            found += [
                self._double_booked(a, b)
                for a, b in self.pairs(self.room_intervals(key), self.clash)
            ]
        room = self.snap.rooms.get(key) if not isinstance(key, tuple) else None
        if "room-over-capacity" in self.rules and room is not None and room.capacity is not None:
            found += self._room_capacity(key, room.capacity)
        self._store(("room", key), found)

    def _room_capacity(self, key: object, capacity: int) -> list[Timed]:
        items, room = self.snap.items, self.snap.rooms[key]
        found = []
        for item_id in self.items_by_room.get(key, ()):
            item = items[item_id]
            if item.status == CANCELLED:
                continue
            bookings = self.item_bookings.get(item_id, ())
            most = len(bookings)
            if item.kind not in NEEDS_OWN_BOOKING:
                most += len(self.programme_people.get(item.programme_id, ()))
            if most <= capacity:  # cheap bound first: most items are nowhere near full
                continue
            count = len(self.item_people(item_id))
            if count <= capacity:
                continue
            waiting = len({b.person_id for b in bookings if b.status == WAITLISTED})
            found.append(
                (
                    item.start.timestamp(),
                    Finding(
                        "room-over-capacity",
                        ERROR,
                        f"'{item.title}' ({day(item.start, item.zone)}, "
                        f"{hours(item.start, item.end, item.zone)}) has {count} confirmed people "
                        f"for the {capacity} places of {room.name}: {count - capacity} over"
                        + (f" ({waiting} more on the waiting list)." if waiting else "."),
                        item_ids=(item_id,),
                        room_ids=(room.id,),
                        venue_ids=(room.venue_id,),
                    ),
                )
            )
        return found

    # -- item scope ---------------------------------------------------------------------------

    def _check_item(self, item: ItemRec) -> None:
        """What concerns one item alone: its programme's dates and whether it is tentative."""
        found: list[Timed] = []
        prog = self.snap.programmes.get(item.programme_id)
        occs = self.occ[item.id]
        if prog is not None and occs and "outside-programme" in self.rules:
            found += self._outside(prog, item, occs)
        if item.status == TENTATIVE and "tentative" in self.rules:
            found.append(
                (
                    item.start.timestamp(),
                    Finding(
                        "tentative",
                        WARNING,
                        f"'{item.title}' ({day(item.start, item.zone)}, "
                        f"{hours(item.start, item.end, item.zone)}) is tentative.",
                        item_ids=(item.id,),
                        programme_ids=(item.programme_id,),
                    ),
                )
            )
        if found:
            self._store(("item", item.id), found)
        elif ("item", item.id) in self.scopes:
            self._store(("item", item.id), [])

    def _outside(self, prog: ProgrammeRec, item: ItemRec, occs: list[Interval]) -> list[Timed]:
        opens, closes = self.spans[prog.id][:2]
        if occs[0][0] < opens or occs[-1][1] > closes:
            o = next(o for o in occs if o[0] < opens or o[1] > closes)
            there = ""
            if prog.zone != item.zone:  # the programme's dates are days where it is
                there = f"; {moment(o[4], prog.zone)} in the programme's zone"
            return [
                (
                    o[0],
                    Finding(
                        "outside-programme",
                        ERROR,
                        f"'{item.title}' ({day(o[4], item.zone)}, {hours(o[4], o[5], item.zone)}"
                        f"{there}) is outside '{prog.title}' ({dates(prog)}).",
                        item_ids=(item.id,),
                        programme_ids=(prog.id,),
                    ),
                )
            ]
        if not item.recurrence:
            return []
        cut = first_cut(
            start_utc=item.start,
            zone_name=item.zone,
            rule_text=item.recurrence,
            exdates_text=item.exdates,
            until=prog.end_date,
        )
        if cut is None:
            return []
        return [
            (
                to_utc(cut, item.zone).timestamp(),
                Finding(
                    "outside-programme",
                    WARNING,
                    f"'{item.title}' ({day(item.start, item.zone)}, "
                    f"{hours(item.start, item.end, item.zone)}) repeats past the end of "
                    f"'{prog.title}' ({dates(prog)}); from {date_text(cut.date())} on it is "
                    "left out.",
                    item_ids=(item.id,),
                    programme_ids=(prog.id,),
                ),
            )
        ]

    # -- programme scope ----------------------------------------------------------------------

    def _check_programme(self, prog_id: int) -> None:
        prog = self.snap.programmes.get(prog_id)
        found: list[Timed] = []
        if prog is not None:
            if "tour-dates" in self.rules:
                found += self._tour_dates(prog)
            if "over-capacity" in self.rules and prog.capacity is not None:
                found += self._seats(prog)
        self._store(("programme", prog_id), found)

    def _seats(self, prog: ProgrammeRec) -> list[Timed]:
        confirmed = len(self.programme_people.get(prog.id, ()))
        if confirmed <= prog.capacity:
            return []
        waiting = len(
            {b.person_id for b in self.programme_bookings[prog.id] if b.status == WAITLISTED}
        )
        return [
            (
                self.spans[prog.id][0],
                Finding(
                    "over-capacity",
                    ERROR,
                    f"'{prog.title}' has {confirmed} confirmed people for {prog.capacity} "
                    f"seats: {confirmed - prog.capacity} over"
                    + (f" ({waiting} more on the waiting list)." if waiting else "."),
                    programme_ids=(prog.id,),
                ),
            )
        ]

    def _tour_dates(self, tour: ProgrammeRec) -> list[Timed]:
        """A pre/post tour against the dates of the conference it belongs to (its parent)."""
        conf = self.snap.programmes.get(tour.parent_id) if tour.parent_id is not None else None
        if conf is None:
            return []
        if tour.kind == "pre_tour" and tour.end_date >= conf.start_date:
            text = (
                f"ends on {date_text(tour.end_date)}, not before '{conf.title}' starts on "
                f"{date_text(conf.start_date)}"
            )
        elif tour.kind == "post_tour" and tour.start_date <= conf.end_date:
            text = (
                f"starts on {date_text(tour.start_date)}, before '{conf.title}' ends on "
                f"{date_text(conf.end_date)}"
            )
        else:
            return []
        return [
            (
                self.spans[tour.id][0],
                Finding(
                    "tour-dates",
                    ERROR,
                    f"'{tour.title}' {text}.",
                    programme_ids=(tour.id, conf.id),
                ),
            )
        ]

    # -- double bookings ----------------------------------------------------------------------

    def _describe(self, iv: Interval, on: str) -> str:
        """One side of a double booking; its local day is named when it is not `on`."""
        kind, ref = iv[2], iv[3]
        if kind == ITEM:
            item = self.snap.items[ref]
            when = hours(iv[4], iv[5], item.zone)
            other_day = day(iv[4], item.zone)
            if other_day != on:
                when = f"{other_day} {when}"
            note = ", tentative" if item.status == TENTATIVE else ""
            return f"'{item.title}' ({place(self.snap, item)}, {when}{note})"
        if kind == TRAVEL:
            t = self.snap.travel[ref]
            return f"{t.label} ({moment(t.start, t.start_zone)} – {moment(t.end, t.end_zone)})"
        prog = self.snap.programmes[ref]
        return f"'{prog.title}' ({dates(prog)})"

    def _zone(self, iv: Interval) -> str:
        if iv[2] == ITEM:
            return self.snap.items[iv[3]].zone
        if iv[2] == TRAVEL:
            return self.snap.travel[iv[3]].start_zone
        return self.snap.programmes[iv[3]].zone

    def _double_booked(self, a: Interval, b: Interval, *, person: PersonRec | None = None) -> Timed:
        """One finding for a clashing pair (a starts first): an error unless one is tentative."""
        items = [self.snap.items[iv[3]] for iv in (a, b) if iv[2] == ITEM]
        tentative = any(i.status == TENTATIVE for i in items)
        # The clash starts when b starts: name that day where b happens.
        on = day(b[4], self._zone(b))
        first, second = self._describe(a, on), self._describe(b, on)
        if person is not None:
            rule = "person-double-booked"
            text = f"{person.name} is in {first} and {second} on {on}."
        else:
            rule = "room-double-booked"
            text = f"{place(self.snap, items[0])} has {first} and {second} at once on {on}."
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


def check(snapshot: PlanSnapshot, rules: Iterable[str] | None = None) -> list[Finding]:
    """All findings of a snapshot: errors first, then by time."""
    return ConflictIndex(snapshot, rules).findings()

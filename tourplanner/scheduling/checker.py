"""The scheduling checks over a PlanSnapshot, full or incremental.

Findings are kept per scope (a person, a room, a programme). A full check computes every scope;
after an edit, `ConflictIndex.replace_item` recomputes only the scopes the item touches: its
people, its old and new room, its old and new programme.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import datetime, time, timedelta

from tourplanner.scheduling.findings import ERROR, WARNING, Finding, sort_key
from tourplanner.scheduling.snapshot import (
    MOVING_KINDS,
    NEEDS_OWN_BOOKING,
    ItemRec,
    Occurrence,
    PlanSnapshot,
    ProgrammeRec,
)
from tourplanner.scheduling.text import day, hours, place, span_text
from tourplanner.timezones import local_day_bounds, to_local, to_utc

PERSON_RULES = (
    "person-double-booked",
    "travel-time",
    "before-arrival",
    "after-departure",
    "no-hotel",
    "cancelled-booking",
)
ROOM_RULES = ("room-double-booked", "room-over-capacity")
PROGRAMME_RULES = ("outside-programme", "tour-dates", "over-capacity", "tentative")
RULES: dict[str, str] = {
    "person-double-booked": "two of a person's items, tours or journeys overlap",
    "room-double-booked": "two items in the same room (or a venue without rooms) overlap",
    "travel-time": "too little time to get from one venue to the next",
    "outside-programme": "an item outside its programme's dates",
    "tour-dates": "a pre-conference tour that does not end before its conference starts, "
    "or a post-conference tour that starts before it ends",
    "over-capacity": "more confirmed people than a programme's seats",
    "room-over-capacity": "more confirmed people in an item than its room holds",
    "before-arrival": "a person scheduled before their arrival flight lands",
    "after-departure": "a person scheduled after their departure flight leaves",
    "no-hotel": "a night in the country without a hotel stay covering it",
    "cancelled-booking": "a person still booked into a cancelled item",
    "tentative": "a tentative item, to be confirmed",
}
TOUR_KINDS = frozenset({"pre_tour", "post_tour", "study_tour", "visit"})
NIGHT = time(3, 0)  # a night counts as covered when 03:00 local falls inside a stay or journey

Interval = tuple[datetime, datetime, str, object]  # start, end, "item"|"travel"|"programme", ref


class ConflictIndex:
    """All findings of a snapshot, kept per scope so an edit rechecks only what it touches."""

    @staticmethod
    def pairs(intervals: list[Interval]) -> list[tuple[Interval, Interval]]:
        """The clashing pairs among one person's or one room's intervals."""
        return sweep(intervals)

    def __init__(self, snapshot: PlanSnapshot, rules: Iterable[str] | None = None) -> None:
        self.snap = snapshot
        self.rules = frozenset(rules) if rules is not None else frozenset(RULES)
        unknown = self.rules - set(RULES)
        if unknown:
            raise ValueError(f"unknown rules: {sorted(unknown)}")
        self._index_bookings()
        self.occ: dict[int, list[Occurrence]] = {}
        self.live: dict[int, list[Occurrence]] = {}  # occurrences that count (not cancelled)
        self.scopes: dict[tuple[str, object], list[Finding]] = {}
        self.bounds = {
            p.id: (
                local_day_bounds(p.start_date, p.zone)[0],
                local_day_bounds(p.end_date, p.zone)[1],
            )
            for p in snapshot.programmes.values()
        }
        self.items_by_programme: dict[int, set[int]] = defaultdict(set)
        self.items_by_room: dict[object, set[int]] = defaultdict(set)
        self.venues_with_rooms = {r.venue_id for r in snapshot.rooms.values()}
        for item in snapshot.items.values():
            self._add_item(item)
        for item in snapshot.items.values():
            self._recheck_item(item)
        for person_id in snapshot.people:
            self._recheck_person(person_id)
        for key in list(self.items_by_room):
            self._recheck_room(key)
        for prog_id in snapshot.programmes:
            self._recheck_programme(prog_id)

    # -- public -------------------------------------------------------------------------------

    def findings(self) -> list[Finding]:
        """Every finding, errors first."""
        return sorted((f for fs in self.scopes.values() for f in fs), key=sort_key)

    def replace_item(self, item_id: int, new: ItemRec | None) -> None:
        """Apply one edited (or, with None, deleted) item and recheck what it touches."""
        old = self.snap.items.get(item_id)
        people = self.item_people(item_id) if old else set()
        rooms = {self._room_key(old)} if old else set()
        if old:
            self._remove_item(old)
        if new is not None:
            self.snap.items[item_id] = new
            self._add_item(new)
            people |= self.item_people(item_id)
            rooms.add(self._room_key(new))
        for person_id in people:
            self._recheck_person(person_id)
        for key in rooms - {None}:
            self._recheck_room(key)
        if new is not None:
            self._recheck_item(new)

    def item_people(self, item_id: int) -> set[int]:
        """Who is confirmed in an item: booked directly, or on its programme (not breakouts)."""
        item = self.snap.items[item_id]
        people = {b.person_id for b in self.item_bookings[item_id] if b.status == "confirmed"}
        if item.kind not in NEEDS_OWN_BOOKING:
            people |= self.programme_people.get(item.programme_id, set())
        return people

    def person_item_ids(self, person_id: int) -> set[int]:
        """The items a person is confirmed in (directly or through a programme)."""
        items = self.snap.items
        ids = {
            b.item_id
            for b in self.person_bookings[person_id]
            if b.status == "confirmed" and b.item_id in items  # a deleted item may be booked
        }
        for prog_id in self.person_programmes.get(person_id, ()):
            ids |= {
                i
                for i in self.items_by_programme.get(prog_id, ())
                if self.snap.items[i].kind not in NEEDS_OWN_BOOKING
            }
        return ids

    # -- indexes ------------------------------------------------------------------------------

    def _index_bookings(self) -> None:
        self.item_bookings: dict[int, list] = defaultdict(list)
        self.person_bookings: dict[int, list] = defaultdict(list)
        self.programme_people: dict[int, set[int]] = defaultdict(set)
        self.person_programmes: dict[int, set[int]] = defaultdict(set)
        for b in self.snap.bookings:
            self.person_bookings[b.person_id].append(b)
            if b.item_id is not None:
                self.item_bookings[b.item_id].append(b)
            elif b.status == "confirmed":
                self.programme_people[b.programme_id].add(b.person_id)
                self.person_programmes[b.person_id].add(b.programme_id)
        self.travel_by_person: dict[int, list] = defaultdict(list)
        for t in sorted(self.snap.travel.values(), key=lambda t: (t.start, t.id)):
            self.travel_by_person[t.person_id].append(t)

    def _room_key(self, item: ItemRec) -> object:
        if item.room_id is not None:
            return item.room_id
        if item.venue_id is not None and item.venue_id not in self.venues_with_rooms:
            return ("venue", item.venue_id)
        return None

    def _add_item(self, item: ItemRec) -> None:
        self.occ[item.id] = self.snap.occurrences_of(item)
        self.live[item.id] = [] if item.status == "cancelled" else self.occ[item.id]
        self.items_by_programme[item.programme_id].add(item.id)
        key = self._room_key(item)
        if key is not None:
            self.items_by_room[key].add(item.id)

    def _remove_item(self, item: ItemRec) -> None:
        del self.snap.items[item.id]
        self.occ.pop(item.id, None)
        self.live.pop(item.id, None)
        self.scopes.pop(("item", item.id), None)
        self.items_by_programme[item.programme_id].discard(item.id)
        key = self._room_key(item)
        if key is not None:
            self.items_by_room[key].discard(item.id)

    def _on(self, rule: str) -> bool:
        return rule in self.rules

    # -- person scope -------------------------------------------------------------------------

    def _recheck_person(self, person_id: int) -> None:
        person = self.snap.people.get(person_id)
        if person is None:
            return
        item_ids = self.person_item_ids(person_id)
        occs = [o for i in item_ids for o in self.live[i]]
        occs.sort(key=lambda o: (o.start, o.end, o.item.id))
        found: list[Finding] = []
        if self._on("person-double-booked"):
            found += person_overlaps(self, person_id, self.person_intervals(person_id, occs))
        if self._on("travel-time"):
            found += self._travel_time(person.name, person_id, occs)
        found += self._presence(person.name, person_id, occs)
        if self._on("cancelled-booking"):
            for b in self.person_bookings[person_id]:
                item = self.snap.items.get(b.item_id) if b.item_id else None
                if item and item.status == "cancelled" and b.status == "confirmed":
                    o = (
                        self.occ[item.id][0]
                        if self.occ[item.id]
                        else Occurrence(item, item.start, item.end)
                    )
                    found.append(
                        Finding(
                            "cancelled-booking",
                            WARNING,
                            f"{person.name} is still booked into '{item.title}' "
                            f"({day(o.start, item.zone)}, {hours(o.start, o.end, item.zone)}), "
                            "which is cancelled.",
                            item_ids=(item.id,),
                            person_ids=(person_id,),
                        )
                    )
        self.scopes[("person", person_id)] = found

    def person_intervals(self, person_id: int, occs: Sequence[Occurrence]) -> list[Interval]:
        """What occupies a person: item occurrences, journeys (not hotel stays), tour spans."""
        intervals: list[Interval] = [(o.start, o.end, "item", o) for o in occs]
        for t in self.travel_by_person.get(person_id, ()):
            if t.kind in MOVING_KINDS:
                intervals.append((t.start, t.end, "travel", t))
        for prog_id in self.person_programmes.get(person_id, ()):
            prog = self.snap.programmes.get(prog_id)
            if prog and prog.kind in TOUR_KINDS:
                start = local_day_bounds(prog.start_date, prog.zone)[0]
                end = local_day_bounds(prog.end_date, prog.zone)[1]
                intervals.append((start, end, "programme", prog))
        return intervals

    def _travel_time(self, name: str, person_id: int, occs: list[Occurrence]) -> list[Finding]:
        found = []
        prev: Occurrence | None = None
        for o in occs:
            if o.item.venue_id is None:
                continue
            if prev is not None and o.start >= prev.end and o.item.venue_id != prev.item.venue_id:
                needed = self.snap.minutes_between(prev.item.venue_id, o.item.venue_id)
                gap = (o.start - prev.end).total_seconds() / 60
                if gap < needed:
                    found.append(
                        Finding(
                            "travel-time",
                            WARNING,
                            f"{name} has {int(gap)} min to get from '{prev.item.title}' "
                            f"({place(self.snap, prev.item)}, ends {to_local(prev.end, prev.item.zone):%H:%M}) "
                            f"to '{o.item.title}' ({place(self.snap, o.item)}, starts "
                            f"{to_local(o.start, o.item.zone):%H:%M}) on {day(o.start, o.item.zone)}; "
                            f"the trip takes {needed} min.",
                            item_ids=(prev.item.id, o.item.id),
                            person_ids=(person_id,),
                            venue_ids=(prev.item.venue_id, o.item.venue_id),
                        )
                    )
            if prev is None or o.end > prev.end:
                prev = o
        return found

    def _presence(self, name: str, person_id: int, occs: list[Occurrence]) -> list[Finding]:
        """Before arrival, after departure, nights without a bed."""
        flights = [t for t in self.travel_by_person.get(person_id, ()) if t.kind == "flight"]
        if not flights or not occs:
            return []
        first, last = occs[0].start, max(o.end for o in occs)
        arrival = flights[0] if flights[0].start <= first else None
        departure = flights[-1] if flights[-1].end >= last and flights[-1] is not arrival else None
        found = []
        for o in occs:
            if arrival and o.start < arrival.end and self._on("before-arrival"):
                found.append(
                    Finding(
                        "before-arrival",
                        ERROR,
                        f"{name} is scheduled in '{o.item.title}' ({day(o.start, o.item.zone)}, "
                        f"{hours(o.start, o.end, o.item.zone)}) before landing on {arrival.label} "
                        f"({span_text(arrival.end, arrival.end_zone)}).",
                        item_ids=(o.item.id,),
                        person_ids=(person_id,),
                        travel_ids=(arrival.id,),
                    )
                )
            if departure and o.end > departure.start and self._on("after-departure"):
                found.append(
                    Finding(
                        "after-departure",
                        ERROR,
                        f"{name} is scheduled in '{o.item.title}' ({day(o.start, o.item.zone)}, "
                        f"{hours(o.start, o.end, o.item.zone)}) after leaving on {departure.label} "
                        f"({span_text(departure.start, departure.start_zone)}).",
                        item_ids=(o.item.id,),
                        person_ids=(person_id,),
                        travel_ids=(departure.id,),
                    )
                )
        if arrival and departure and self._on("no-hotel"):
            found += self._nights(name, person_id, arrival, departure)
        return found

    def _nights(self, name: str, person_id: int, arrival, departure) -> list[Finding]:  # noqa: ANN001
        zone = arrival.end_zone
        covers = [
            t
            for t in self.travel_by_person[person_id]
            if t.kind == "hotel" or t.kind in MOVING_KINDS
        ]
        found = []
        night = to_local(arrival.end, zone).date()
        last = to_local(departure.start, zone).date()
        while night < last:
            instant = to_utc(datetime.combine(night + timedelta(days=1), NIGHT), zone)
            if arrival.end < instant < departure.start and not any(
                t.start <= instant <= t.end for t in covers
            ):
                found.append(
                    Finding(
                        "no-hotel",
                        WARNING,
                        f"{name} has no hotel for the night of {day(instant - timedelta(days=1), zone)}.",
                        person_ids=(person_id,),
                    )
                )
            night += timedelta(days=1)
        return found

    # -- room scope ---------------------------------------------------------------------------

    def _recheck_room(self, key: object) -> None:
        occs = sorted(
            (o for i in self.items_by_room.get(key, ()) for o in self.live[i]),
            key=lambda o: (o.start, o.end, o.item.id),
        )
        found: list[Finding] = []
        if self._on("room-double-booked"):
            found += room_overlaps(self, key, [(o.start, o.end, "item", o) for o in occs])
        if self._on("room-over-capacity") and not isinstance(key, tuple):
            room = self.snap.rooms.get(key)
            if room and room.capacity is not None:
                for item_id in sorted(self.items_by_room.get(key, ())):
                    item = self.snap.items[item_id]
                    count = len(self.item_people(item_id))
                    if item.status != "cancelled" and count > room.capacity:
                        found.append(
                            Finding(
                                "room-over-capacity",
                                ERROR,
                                f"'{item.title}' ({day(item.start, item.zone)}, "
                                f"{hours(item.start, item.end, item.zone)}) has {count} confirmed "
                                f"people for the {room.capacity} places of {room.name}: "
                                f"{count - room.capacity} over.",
                                item_ids=(item_id,),
                                room_ids=(room.id,),
                            )
                        )
        self.scopes[("room", key)] = found

    # -- programme scope ----------------------------------------------------------------------

    def _recheck_programme(self, prog_id: int) -> None:
        prog = self.snap.programmes.get(prog_id)
        if prog is None:
            self.scopes.pop(("programme", prog_id), None)
            return
        found: list[Finding] = []
        if self._on("tour-dates"):
            found += self._tour_dates(prog)
        if self._on("over-capacity") and prog.capacity is not None:
            confirmed = len(self.programme_people.get(prog_id, ()))
            waiting = len(
                {
                    b.person_id
                    for b in self.snap.bookings
                    if b.programme_id == prog_id and b.status == "waitlisted"
                }
            )
            if confirmed > prog.capacity:
                found.append(
                    Finding(
                        "over-capacity",
                        ERROR,
                        f"'{prog.title}' has {confirmed} confirmed people for {prog.capacity} "
                        f"seats: {confirmed - prog.capacity} over"
                        + (f" ({waiting} more on the waiting list)." if waiting else "."),
                        programme_ids=(prog_id,),
                    )
                )
        self.scopes[("programme", prog_id)] = found

    # -- item scope ---------------------------------------------------------------------------

    def _recheck_item(self, item: ItemRec) -> None:
        """What concerns one item alone: its programme's dates and whether it is tentative."""
        found: list[Finding] = []
        prog = self.snap.programmes.get(item.programme_id)
        if prog is not None and self._on("outside-programme"):
            finding = self._outside(prog, item)
            if finding:
                found.append(finding)
        if item.status == "tentative" and self._on("tentative"):
            found.append(
                Finding(
                    "tentative",
                    WARNING,
                    f"'{item.title}' ({day(item.start, item.zone)}, "
                    f"{hours(item.start, item.end, item.zone)}) is tentative.",
                    item_ids=(item.id,),
                    programme_ids=(item.programme_id,),
                )
            )
        self.scopes[("item", item.id)] = found

    def _outside(self, prog: ProgrammeRec, item: ItemRec) -> Finding | None:
        occs = self.occ.get(item.id) or [Occurrence(item, item.start, item.end)]
        opens, closes = self.bounds[prog.id]
        if occs[0].start >= opens and occs[-1].end <= closes:
            return None
        return Finding(
            "outside-programme",
            ERROR,
            f"'{item.title}' ({day(occs[0].start, item.zone)}, "
            f"{hours(occs[0].start, occs[0].end, item.zone)}) is outside '{prog.title}' "
            f"({prog.start_date:%d %b} – {prog.end_date:%d %b %Y}).",
            item_ids=(item.id,),
            programme_ids=(prog.id,),
        )

    def _tour_dates(self, prog: ProgrammeRec) -> list[Finding]:
        """A pre/post tour against the dates of the conference it belongs to."""
        parent = self.snap.programmes.get(prog.parent_id) if prog.parent_id else None
        pairs = [(prog, parent)] if parent else []
        found = []
        for tour, conf in pairs:
            if tour.kind == "pre_tour" and tour.end_date >= conf.start_date:
                text = f"ends on {tour.end_date:%a %d %b}, not before '{conf.title}' starts on {conf.start_date:%a %d %b}"
            elif tour.kind == "post_tour" and tour.start_date <= conf.end_date:
                text = f"starts on {tour.start_date:%a %d %b}, before '{conf.title}' ends on {conf.end_date:%a %d %b}"
            else:
                continue
            found.append(
                Finding(
                    "tour-dates",
                    ERROR,
                    f"'{tour.title}' {text}.",
                    programme_ids=(tour.id, conf.id),
                )
            )
        return found


# -- overlap detection (sort and sweep) -----------------------------------------------------


def clash(a: Interval, b: Interval) -> bool:
    """Whether two overlapping intervals of one person or room count as a conflict."""
    kinds = {a[2], b[2]}
    if kinds == {"item"}:
        ia, ib = a[3].item, b[3].item
        return ia.id != ib.id and not (ia.status == "tentative" and ib.status == "tentative")
    if "programme" in kinds:
        if kinds != {"programme", "item"}:
            return False  # a tour's span against a journey or another tour: not a double booking
        prog, occ = (a[3], b[3]) if a[2] == "programme" else (b[3], a[3])
        return occ.item.programme_id != prog.id
    return True  # a journey against an item or another journey


def sweep(intervals: list[Interval]) -> list[tuple[Interval, Interval]]:
    """All overlapping pairs that clash, in O(n log n + pairs). Touching is not overlapping."""
    ordered = sorted(intervals, key=lambda iv: (iv[0], iv[1]))
    active: list[tuple[datetime, int, Interval]] = []
    pairs = []
    for n, iv in enumerate(ordered):
        while active and active[0][0] <= iv[0]:
            heapq.heappop(active)
        pairs += [(other, iv) for _, _, other in active if clash(other, iv)]
        heapq.heappush(active, (iv[1], n, iv))
    return pairs


def person_overlaps(
    index: ConflictIndex, person_id: int, intervals: list[Interval]
) -> list[Finding]:
    name = index.snap.people[person_id].name
    return [
        pair_finding(index, "person-double-booked", a, b, name, person_id)
        for a, b in index.pairs(intervals)
    ]


def room_overlaps(index: ConflictIndex, key: object, intervals: list[Interval]) -> list[Finding]:
    return [
        pair_finding(index, "room-double-booked", a, b, None, key)
        for a, b in index.pairs(intervals)
    ]


def describe(index: ConflictIndex, iv: Interval) -> str:
    kind, ref = iv[2], iv[3]
    if kind == "item":
        item = ref.item
        return f"'{item.title}' ({place(index.snap, item)}, {hours(ref.start, ref.end, item.zone)})"
    if kind == "travel":
        return f"{ref.label} ({span_text(ref.start, ref.start_zone)} – {span_text(ref.end, ref.end_zone)})"
    return f"'{ref.title}' ({ref.start_date:%d %b} – {ref.end_date:%d %b})"


def pair_finding(
    index: ConflictIndex, rule: str, a: Interval, b: Interval, name: str | None, key: object
) -> Finding:
    """One finding for an overlapping pair, in local times; errors unless a side is tentative."""
    a, b = sorted((a, b), key=lambda iv: (iv[0], iv[1], iv[2]))
    items = [iv[3].item for iv in (a, b) if iv[2] == "item"]
    tentative = any(i.status == "tentative" for i in items)
    zone = items[0].zone if items else (a[3].start_zone if a[2] == "travel" else a[3].zone)
    when = day(b[0], zone)
    if rule == "person-double-booked":
        text = f"{name} is in {describe(index, a)} and {describe(index, b)} on {when}."
    else:
        where = place(index.snap, items[0])
        text = f"{where} has {describe(index, a)} and {describe(index, b)} at once on {when}."
    rooms = tuple(sorted({i.room_id for i in items if i.room_id is not None}))
    venues = tuple(sorted({i.venue_id for i in items if i.venue_id is not None}))
    return Finding(
        rule,
        WARNING if tentative else ERROR,
        text + (" (tentative)" if tentative else ""),
        item_ids=tuple(i.id for i in items),
        person_ids=(key,) if rule == "person-double-booked" else (),
        programme_ids=tuple(iv[3].id for iv in (a, b) if iv[2] == "programme"),
        room_ids=rooms if rule == "room-double-booked" else (),
        venue_ids=venues if rule == "room-double-booked" else (),
        travel_ids=tuple(iv[3].id for iv in (a, b) if iv[2] == "travel"),
    )


def check(snapshot: PlanSnapshot, rules: Iterable[str] | None = None) -> list[Finding]:
    """All findings of a snapshot, errors first."""
    return ConflictIndex(snapshot, rules).findings()

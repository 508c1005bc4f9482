"""arrival-without-transfer and transfer-before-landing: who meets a person off their flight.

An arrival is what the transfers export meets (`operations_planning.arrivals`): a flight or train
followed within a day by a hotel stay. A transfer is either of the two ways a plan records one:
a road journey of the person's own (the demo's chartered cars), or a seat on a vehicle for a
transfer item (a seat for that leg, or for every leg of a vehicle serving the item or the item's
programme). The transfers meant for an arrival are those that leave after the flight took off
(not the way to the airport), from `EARLY` before the landing to `LATE` after it: one leaving
after the landing meets the person; if every one leaves before it (compared as instants,
whatever the local clocks say), the person is left at the airport; if there is none, nobody
meets them. A plan with neither vehicles nor road journeys plans no transfers: its arrivals are
not reported one by one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timedelta

from tourplanner.i18n import _
from tourplanner.operations_planning.arrivals import ARRIVAL, movements, relevant
from tourplanner.scheduling.findings import ERROR, WARNING, Finding, Sentence
from tourplanner.scheduling.operations_records import OperationsSnapshot
from tourplanner.scheduling.rules import ARRIVAL_RULES
from tourplanner.scheduling.rules.view import CANCELLED, Timed
from tourplanner.scheduling.snapshot import ItemRec, PersonRec, PlanSnapshot, TravelRec
from tourplanner.scheduling.text import moment

TRANSFER = "transfer"  # the item kind of a leg that meets or takes people
ROAD = "road"  # a person's own car or coach, as a journey
EARLY = timedelta(hours=3)  # a transfer leaving this long before the landing was meant for it
LATE = timedelta(hours=6)  # nobody waits longer at the kerb


class Carriage:
    """Who has a seat for which legs: the seats of the operations snapshot, looked up both ways."""

    def __init__(self, ops: OperationsSnapshot) -> None:
        self.vehicles = ops.vehicles
        self.every: dict[int, set[int]] = defaultdict(set)  # person -> vehicles, every leg
        self.legs: dict[int, set[int]] = defaultdict(set)  # person -> items seated for
        self.riders: dict[int, set[int]] = defaultdict(set)  # vehicle -> every-leg riders
        self.leg_riders: dict[int, set[int]] = defaultdict(set)  # item -> riders of that leg
        self.by_item: dict[int, set[int]] = defaultdict(set)  # item -> vehicles serving it
        self.by_programme: dict[int, set[int]] = defaultdict(set)  # programme -> vehicles
        for v in ops.vehicles.values():
            if v.item_id is not None:
                self.by_item[v.item_id].add(v.id)
            elif v.programme_id is not None:
                self.by_programme[v.programme_id].add(v.id)
        for seat in ops.seats:
            if seat.item_id is None:
                self.every[seat.person_id].add(seat.vehicle_id)
                self.riders[seat.vehicle_id].add(seat.person_id)
            else:
                self.legs[seat.person_id].add(seat.item_id)
                self.leg_riders[seat.item_id].add(seat.person_id)

    def legs_of(self, person_id: int, transfers: Mapping[int, set[int]]) -> set[int]:
        """The items a person has a seat for; `transfers`: the transfer items per programme."""
        found = set(self.legs.get(person_id, ()))
        for vehicle_id in self.every.get(person_id, ()):
            v = self.vehicles.get(vehicle_id)
            if v is None:
                continue
            if v.item_id is not None:
                found.add(v.item_id)
            elif v.programme_id is not None:
                found |= transfers.get(v.programme_id, set())
        return found

    def people_on(self, item: ItemRec) -> set[int]:
        """Who has a seat on the item (as a leg of some vehicle)."""
        found = set(self.leg_riders.get(item.id, ()))
        for vehicle_id in self.by_item.get(item.id, set()) | self.by_programme.get(
            item.programme_id, set()
        ):
            found |= self.riders.get(vehicle_id, set())
        return found


def arrival_findings(
    snap: PlanSnapshot,
    person: PersonRec,
    journeys: Sequence[TravelRec],
    legs: Iterable[int],
    rules: frozenset[str],
    *,
    plans_transfers: bool,
) -> list[Timed]:
    """A person's arrivals that no transfer meets, or whose transfer leaves before landing.

    `legs`: the items the person has a seat for (`Carriage.legs_of`); `plans_transfers`:
    whether the plan has any vehicle or road journey (else no arrival is reported as unmet)."""
    if not rules & ARRIVAL_RULES:
        return []
    # In the order the transfers export reads them: by start, then the journey's id.
    mine = sorted(
        (t for t in journeys if relevant(t.kind)),
        key=lambda t: (t.start, t.journey_id if t.journey_id is not None else t.id),
    )
    arrivals = [
        mine[i] for i, _stay, way in movements([(t.kind, t.start, t.end) for t in mine])
        if way == ARRIVAL
    ]  # fmt: skip
    if not arrivals:
        return []
    # Each way out of an airport: a road journey of the person's own, or each occurrence of a
    # transfer leg they have a seat on. (when it leaves, its zone, what it is, item, journey)
    ways: list[tuple[datetime, str, str, int | None, int | None]] = [
        (t.start, t.start_zone, t.label, None, t.id) for t in journeys if t.kind == ROAD
    ]
    for item_id in legs:
        item = snap.items.get(item_id)
        if item is None or item.kind != TRANSFER or item.status == CANCELLED:
            continue
        ways += [
            (o[4], item.zone, f"'{item.title}'", item.id, None) for o in snap.occurrences_of(item)
        ]
    ways.sort(key=lambda w: (w[0], w[3] or 0, w[4] or 0))
    found: list[Timed] = []
    for flight in arrivals:
        lands = flight.end
        # Leaving after the flight took off (not the way to the airport) and near its landing.
        near = [w for w in ways if flight.start < w[0] and lands - EARLY <= w[0] <= lands + LATE]
        if any(w[0] >= lands for w in near):
            continue
        if near:
            if "transfer-before-landing" not in rules:
                continue
            leaves, zone, what, leg_id, road_id = near[-1]  # the one nearest the landing
            message = Sentence(
                _before_landing,
                person.name,
                flight.label,
                lands,
                flight.end_zone,
                what,
                leaves,
                zone,
            )
            found.append(
                (
                    lands.timestamp(),
                    Finding(
                        "transfer-before-landing",
                        ERROR,
                        message,
                        item_ids=(leg_id,) if leg_id is not None else (),
                        person_ids=(person.id,),
                        travel_ids=tuple(
                            sorted({flight.id} | ({road_id} if road_id is not None else set()))
                        ),
                    ),
                )
            )
        elif "arrival-without-transfer" in rules and plans_transfers:
            message = Sentence(_no_transfer, person.name, flight.label, lands, flight.end_zone)
            found.append(
                (
                    lands.timestamp(),
                    Finding(
                        "arrival-without-transfer",
                        WARNING,
                        message,
                        person_ids=(person.id,),
                        travel_ids=(flight.id,),
                    ),
                )
            )
    return found


def _at(instant: datetime, zone: str) -> str:
    """'Wed 15 Apr 14:30 CST (Asia/Shanghai)': the local clock, said with its zone."""
    return f"{moment(instant, zone)} ({zone})"


def _no_transfer(name: str, flight: str, lands: datetime, zone: str) -> str:
    return _(
        "No transfer meets {name} off {flight}, landing {lands}: no road journey or seat on "
        "a transfer leaves within {hours} hours after it."
    ).format(name=name, flight=flight, lands=_at(lands, zone), hours=int(LATE.seconds // 3600))


def _before_landing(
    name: str,
    flight: str,
    lands: datetime,
    land_zone: str,
    transfer: str,
    leaves: datetime,
    leave_zone: str,
) -> str:
    minutes = int((lands - leaves).total_seconds() // 60)
    return _(
        "{transfer} leaves {leaves}, {minutes} min before {name} lands on {flight} ({lands})."
    ).format(
        transfer=transfer,
        leaves=_at(leaves, leave_zone),
        minutes=minutes,
        name=name,
        flight=flight,
        lands=_at(lands, land_zone),
    )

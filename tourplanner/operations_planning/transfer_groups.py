"""Arrival and departure transfers: people on flights and trains grouped into shared pick-ups.

Pure logic over plain records (`services/transfers.py` reads them from the plan). People share a
vehicle when they use the same airport or station, terminal and hotel and their flights land (or
leave) within the window of the group's first one. An arrival group is picked up once its last
passenger is through (immigration and baggage take longer after an international flight); a
departure group leaves the hotel early enough for its earliest passenger's check-in plus the road.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from tourplanner.errors import ValidationError
from tourplanner.i18n import _
from tourplanner.operations_planning.vehicle_sizes import Vehicle, vehicles_for

ARRIVAL = "arrival"
DEPARTURE = "departure"
DIRECTIONS = (ARRIVAL, DEPARTURE)
TRAIN = "train"


@dataclass(frozen=True)
class Movement:
    """One person's flight or train at the hub: its landing (arrival) or departure (departure)."""

    person_id: int
    name: str
    direction: str
    journey: str  # "CA 818"
    kind: str  # "flight" or "train"
    at_utc: datetime  # landing or departure, aware UTC
    zone: str  # the hub's IANA zone
    hub: str  # "Beijing Capital (PEK)": the airport or station, without the terminal
    terminal: str = ""  # "T3", or empty when the journey does not say
    international: bool = False
    hotel: str = ""  # where they stay that night; empty when no stay is recorded
    travel_minutes: int | None = None  # hub to hotel by road as stored; None: not stored
    sign: str = ""  # what the driver's board says for them: their group or organisation
    phone: str = ""


@dataclass(frozen=True)
class Rules:
    """The allowances a coordinator may change; the defaults are what airlines ask for."""

    window_minutes: int = 60
    default_travel_minutes: int = 60  # when the plan stores no time from the hub to the hotel
    check_in_international: int = 180
    check_in_domestic: int = 120
    check_in_train: int = 45
    out_international: int = 60  # from landing to the arrivals hall: immigration, baggage
    out_domestic: int = 30
    out_train: int = 15

    def __post_init__(self) -> None:
        if not 1 <= self.window_minutes <= 720:
            raise ValidationError(
                "window",
                _("The window is {minutes} minutes: choose between 1 and 720 minutes.").format(
                    minutes=self.window_minutes
                ),
            )

    def check_in(self, m: Movement) -> int:
        """Minutes before departure the person must be at the airport or station."""
        if m.kind == TRAIN:
            return self.check_in_train
        return self.check_in_international if m.international else self.check_in_domestic

    def way_out(self, m: Movement) -> int:
        """Minutes from landing until the person is out at the kerb."""
        if m.kind == TRAIN:
            return self.out_train
        return self.out_international if m.international else self.out_domestic


@dataclass(frozen=True)
class TransferGroup:
    """People who share one pick-up: at the hub (arrivals) or at the hotel (departures)."""

    direction: str
    hub: str
    terminal: str
    zone: str
    hotel: str
    movements: tuple[Movement, ...]
    pickup_utc: datetime  # arrivals: at the hub's kerb; departures: at the hotel's door
    drop_utc: datetime  # arrivals: at the hotel; departures: at the hub
    travel_minutes: int
    travel_assumed: bool  # the plan stores no time from the hub to this hotel
    vehicles: tuple[Vehicle, ...]
    signs: tuple[str, ...] = field(default=())  # most passengers' first

    @property
    def seats(self) -> int:
        return len(self.movements)

    @property
    def first_utc(self) -> datetime:
        return self.movements[0].at_utc

    @property
    def last_utc(self) -> datetime:
        return self.movements[-1].at_utc


def group_transfers(movements: list[Movement], rules: Rules | None = None) -> list[TransferGroup]:
    """Shared transfers, by pick-up time: one per hub, terminal, hotel and window."""
    rules = rules or Rules()
    window = timedelta(minutes=rules.window_minutes)
    by_place: dict[tuple[str, str, str, str], list[Movement]] = {}
    for m in movements:
        if m.direction not in DIRECTIONS:
            raise ValueError(f"unknown direction {m.direction!r}")
        by_place.setdefault((m.direction, m.hub, m.terminal, m.hotel), []).append(m)
    groups = []
    for same_place in by_place.values():
        same_place.sort(key=lambda m: (m.at_utc, m.name, m.person_id))
        batch: list[Movement] = []
        for m in same_place:
            if batch and m.at_utc - batch[0].at_utc > window:
                groups.append(_group(batch, rules))
                batch = []
            batch.append(m)
        groups.append(_group(batch, rules))
    groups.sort(key=lambda g: (g.pickup_utc, g.direction, g.hub, g.terminal, g.hotel))
    return groups


def _group(batch: list[Movement], rules: Rules) -> TransferGroup:
    first = batch[0]
    stored = [m.travel_minutes for m in batch if m.travel_minutes is not None]
    travel = stored[0] if stored else rules.default_travel_minutes
    road = timedelta(minutes=travel)
    if first.direction == ARRIVAL:
        pickup = max(m.at_utc + timedelta(minutes=rules.way_out(m)) for m in batch)
        drop = pickup + road
    else:
        drop = min(m.at_utc - timedelta(minutes=rules.check_in(m)) for m in batch)
        pickup = drop - road
    signs = Counter(m.sign or m.name for m in batch)
    return TransferGroup(
        direction=first.direction,
        hub=first.hub,
        terminal=first.terminal,
        zone=first.zone,
        hotel=first.hotel,
        movements=tuple(batch),
        pickup_utc=pickup,
        drop_utc=drop,
        travel_minutes=travel,
        travel_assumed=not stored,
        vehicles=vehicles_for(len(batch)),
        signs=tuple(sign for sign, _n in sorted(signs.items(), key=lambda s: (-s[1], s[0]))),
    )

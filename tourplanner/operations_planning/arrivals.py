"""Which flights and trains are arrivals to meet and departures to take: the one notion the
transfers export (`services/transfers.py`) and the checks (`scheduling/rules/arrivals.py`) share.

A flight or train is an *arrival* when the person's next stay begins within a day of its landing
with no other flight or train between (a connection is not met); it is a *departure* when their
last stay ended within a day before it leaves. Pure logic over one person's journeys in order.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from tourplanner.operations_planning.transfer_groups import ARRIVAL, DEPARTURE

MOVING = frozenset({"flight", "train"})
HOTEL = "hotel"
CONNECTION = timedelta(hours=24)  # a stay further than this from the flight is another trip

# One journey or stay of a person: (kind, start, end), aware UTC.
Leg = tuple[str, datetime, datetime]


def relevant(kind: str) -> bool:
    """Whether a journey counts when telling arrivals and departures: flights, trains, stays
    (a road trip between is neither, and does not make a flight a connection)."""
    return kind in MOVING or kind == HOTEL


def movements(journeys: Sequence[Leg]) -> list[tuple[int, int, str]]:
    """(flight or train, its stay, ARRIVAL or DEPARTURE) as indexes into `journeys`, which are
    one person's flights, trains and hotel stays (see `relevant`) in order of start."""
    found = []
    last = len(journeys) - 1
    for i, (kind, start, end) in enumerate(journeys):
        if kind not in MOVING:
            continue
        if i < last:
            after = journeys[i + 1]
            if after[0] == HOTEL and after[1] - end <= CONNECTION:
                found.append((i, i + 1, ARRIVAL))
        if i > 0:
            before = journeys[i - 1]
            if before[0] == HOTEL and start - before[2] <= CONNECTION:
                found.append((i, i - 1, DEPARTURE))
    return found

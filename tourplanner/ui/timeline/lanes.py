"""Side by side in one room: the calendar's lane layout, and which of a room's items clash.

Pure arithmetic on spans (no Qt, no database), so the rules are tested on plain numbers.
Blocks that overlap on screen go into lanes: the first lane free at a block's top takes it,
and every block of a cluster (blocks joined by overlaps) shares the cluster's number of
lanes, so a clash shows as two narrower blocks side by side instead of one hiding the other.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import NamedTuple

from tourplanner.enums import ItemStatus


class Lane(NamedTuple):
    lane: int  # 0 is the leftmost
    lanes: int  # how many lanes its cluster has


class Booked(NamedTuple):
    """An occurrence as the room-clash rule sees it."""

    item_id: int
    start: datetime
    end: datetime
    status: str


def lanes_of(spans: Sequence[tuple[float, float]]) -> list[Lane]:
    """Each span's lane and its cluster's lane count; `spans` (top, bottom) in any order."""
    order = sorted(range(len(spans)), key=lambda i: (spans[i][0], -spans[i][1]))
    placed: list[Lane] = [Lane(0, 1)] * len(spans)
    cluster: list[tuple[int, int]] = []  # (span number, lane)
    ends: list[float] = []  # per lane of the cluster, where its last span ends
    cluster_end = float("-inf")
    for i in order:
        top, bottom = spans[i]
        if cluster and top >= cluster_end:
            _close(cluster, len(ends), placed)
            cluster, ends = [], []
        lane = next((n for n, end in enumerate(ends) if end <= top), len(ends))
        if lane == len(ends):
            ends.append(bottom)
        else:
            ends[lane] = bottom
        cluster.append((i, lane))
        cluster_end = max(cluster_end, bottom) if len(cluster) > 1 else bottom
    if cluster:
        _close(cluster, len(ends), placed)
    return placed


def _close(cluster: list[tuple[int, int]], lanes: int, placed: list[Lane]) -> None:
    for i, lane in cluster:
        placed[i] = Lane(lane, lanes)


def clashing(booked: Sequence[Booked]) -> set[int]:
    """The positions in `booked` (one room's occurrences) that overlap another in time.

    As the room-double-booked check counts them: cancelled items take no room, two tentative
    proposals for one slot are not yet a clash, and an item never clashes with itself.
    """
    live = sorted(
        (n for n, b in enumerate(booked) if b.status != ItemStatus.CANCELLED),
        key=lambda n: booked[n].start,
    )
    found: set[int] = set()
    active: list[int] = []
    for n in live:
        b = booked[n]
        active = [m for m in active if booked[m].end > b.start]
        for m in active:
            other = booked[m]
            both_tentative = b.status == other.status == ItemStatus.TENTATIVE
            if other.item_id != b.item_id and not both_tentative:
                found.update((n, m))
        active.append(n)
    return found

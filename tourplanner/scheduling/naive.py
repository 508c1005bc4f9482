"""The obvious all-pairs checker: the reference the fast sweep is tested and benchmarked against."""

from __future__ import annotations

from collections.abc import Iterable

from tourplanner.scheduling.findings import Finding
from tourplanner.scheduling.index import ConflictIndex
from tourplanner.scheduling.overlaps import Clash
from tourplanner.scheduling.snapshot import Interval, PlanSnapshot


def all_pairs(intervals: list[Interval], clash: Clash) -> list[tuple[Interval, Interval]]:
    """Every overlapping pair that clashes, comparing each interval with every other: O(n²)."""
    ordered = sorted(intervals)  # only so that each pair comes out in the sweep's order
    found = []
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            if a[0] < b[1] and b[0] < a[1] and clash(a, b):
                found.append((a, b))
    return found


class NaiveIndex(ConflictIndex):
    """The same checks with the all-pairs overlap search."""

    pairs = staticmethod(all_pairs)


def naive_check(snapshot: PlanSnapshot, rules: Iterable[str] | None = None) -> list[Finding]:
    """All findings, computed with the all-pairs overlap search."""
    return NaiveIndex(snapshot, rules).findings()

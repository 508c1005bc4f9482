"""The obvious all-pairs checker: the reference the fast sweep is tested and benchmarked against."""

from __future__ import annotations

from collections.abc import Iterable

from tourplanner.scheduling.checker import ConflictIndex, Interval, clash
from tourplanner.scheduling.findings import Finding
from tourplanner.scheduling.snapshot import PlanSnapshot


def all_pairs(intervals: list[Interval]) -> list[tuple[Interval, Interval]]:
    """Every overlapping, clashing pair, by comparing each interval with every other: O(n²)."""
    found = []
    for i, a in enumerate(intervals):
        for b in intervals[i + 1 :]:
            if a[0] < b[1] and b[0] < a[1] and clash(a, b):
                found.append((a, b))
    return found


class NaiveIndex(ConflictIndex):
    pairs = staticmethod(all_pairs)


def naive_check(snapshot: PlanSnapshot, rules: Iterable[str] | None = None) -> list[Finding]:
    """All findings, computed with the all-pairs overlap search."""
    return NaiveIndex(snapshot, rules).findings()

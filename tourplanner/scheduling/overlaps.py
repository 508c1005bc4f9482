"""Which intervals of one person or one room overlap: sort and sweep, O(n log n + overlaps)."""

from __future__ import annotations

from collections.abc import Callable

from tourplanner.scheduling.snapshot import Interval

Clash = Callable[[Interval, Interval], bool]


def sweep(intervals: list[Interval], clash: Clash) -> list[tuple[Interval, Interval]]:
    """Every overlapping pair for which `clash` holds. Touching end to start is no overlap.

    Sorted by start, an interval can only overlap those that start before it ends, so each one
    looks ahead just that far: one comparison for an interval that overlaps nothing.
    """
    ordered = sorted(intervals)
    count = len(ordered)
    pairs = []
    for i in range(count - 1):
        a = ordered[i]
        end = a[1]
        j = i + 1
        while j < count and ordered[j][0] < end:
            b = ordered[j]
            # a starts no later than b; a zero-length b at a's start touches a, no more.
            if a[0] < b[1] and clash(a, b):
                pairs.append((a, b))
            j += 1
    return pairs

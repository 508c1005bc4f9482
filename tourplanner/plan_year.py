"""Dates said relative to the plan's year: 'Tue 21 Apr' in the year the plan is about, 'Sat 01
Jan 2000' in any other, so an item typed into the wrong year stands out wherever it is listed.

The one helper for it: tables, the agenda and the day picker use `day_text`; the plan's main
year is the one most of its programme days fall in (`main_year`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date, timedelta


def main_year(spans: Iterable[tuple[date, date]]) -> int | None:
    """The year most days of these (first, last) spans fall in; the later one on a tie; None
    with no span."""
    days: Counter[int] = Counter()
    for first, last in spans:
        if last < first:
            continue
        year = first.year
        while year <= last.year:  # the days of each year the span covers, without looping days
            start = max(first, date(year, 1, 1))
            end = min(last, date(year, 12, 31))
            days[year] += (end - start + timedelta(days=1)).days
            year += 1
    if not days:
        return None
    return max(days, key=lambda y: (days[y], y))


def day_text(value: date, year: int | None) -> str:
    """'Tue 21 Apr', or 'Sat 01 Jan 2000' when `value` is not in `year` (the plan's)."""
    text = f"{value:%a %d %b}"
    return text if year is None or value.year == year else f"{text} {value.year}"

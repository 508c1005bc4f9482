"""Days as every document names them: the long date, and one day numbering for everyone.

Day N counts from the first day of the event (a conference with its pre- and post-tours),
so Wednesday 15 April is the same "Day 1" in every delegate's itinerary and on the tour sheet.
"""

from __future__ import annotations

from datetime import date, timedelta

from babel.dates import format_date

from tourplanner.i18n import CHINESE, _, current_language, formats


def long_day(value: date) -> str:
    """'Thursday 16 April 2015' / '2015年4月16日 星期四'."""
    if current_language() == CHINESE:
        return formats.day(value)
    return format_date(value, "EEEE d MMMM y", locale="en_GB")


def day_number(value: date, first_day: date | None) -> int | None:
    """The day's number in the event, or None before it starts (or with no event)."""
    if first_day is None or value < first_day:
        return None
    return (value - first_day).days + 1


def day_label(value: date, first_day: date | None) -> str:
    number = day_number(value, first_day)
    return _("Day {number}").format(number=number) if number is not None else ""


def days_between(before: date, after: date) -> list[date]:
    """The calendar days strictly between two dates (a date lost over the date line)."""
    return [before + timedelta(days=n) for n in range(1, (after - before).days)]

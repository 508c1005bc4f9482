"""A repeating item's rule said in words: "Every day 07:00–08:00 from 15 to 19 April, except
17 April" (under the editor's controls; the core says it so the CLI and the PDFs can too)."""

from __future__ import annotations

from datetime import date, datetime

from dateutil.rrule import rrule

from tourplanner.scheduling.recurrence import MAX_OCCURRENCES, parse_exdates, parse_rule
from tourplanner.scheduling.repeat_rule import DAILY, EVERY_N_DAYS, NONE, WEEKLY, from_text

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def describe(rule_text: str, exdates_text: str, start: datetime, end: datetime) -> str:
    """The rule in words, for an item from `start` to `end` (naive local wall-clock times).

    Raises the recurrence module's ValidationError when the rule or the dates cannot be read.
    """
    hours = f"{start:%H:%M}–{end:%H:%M}"
    if not rule_text.strip():
        return f"Once, {day_text(start.date(), with_year=True)} {hours}"
    rule = parse_rule(rule_text, start)
    skipped = set(parse_exdates(exdates_text))
    shape = from_text(rule_text, start.date())
    how = _how(shape.kind, shape.weekdays, shape.interval) if shape else "Repeats (custom rule)"
    last = _last(rule, skipped)
    if last is None:
        span = f"from {day_text(start.date())} until the programme ends"
    else:
        span = date_range(start.date(), last.date())
    text = f"{how} {hours} {span}"
    days = sorted({moment.date() for moment in skipped})
    if days:
        text += ", except " + join([day_text(d, with_year=d.year != start.year) for d in days])
    return text


def _how(kind: str, weekdays: tuple[int, ...], interval: int) -> str:
    if kind == DAILY:
        return "Every day"
    if kind == EVERY_N_DAYS:
        return f"Every {interval} days"
    if kind == WEEKLY:
        return "Every " + join([WEEKDAY_NAMES[d] for d in weekdays])
    assert kind != NONE
    return "Repeats"


def _last(rule: rrule, skipped: set[datetime]) -> datetime | None:
    """The last occurrence not skipped; None when the rule never ends by itself."""
    if rule._count is None and rule._until is None:  # type: ignore[attr-defined]
        return None
    last = None
    local: datetime
    for n, local in enumerate(rule):
        if n >= MAX_OCCURRENCES:
            break
        if local not in skipped:
            last = local
    return last


def day_text(day: date, *, with_year: bool = False) -> str:
    """'17 April', or '17 April 2015'."""
    return f"{day.day} {day:%B}" + (f" {day.year}" if with_year else "")


def date_range(first: date, last: date) -> str:
    """'on 15 April', 'from 15 to 19 April', 'from 30 April to 2 May', with the year only when
    the range crosses into another year."""
    if first == last:
        return f"on {day_text(first)}"
    if first.year != last.year:
        return f"from {day_text(first, with_year=True)} to {day_text(last, with_year=True)}"
    if first.month == last.month:
        return f"from {first.day} to {day_text(last)}"
    return f"from {day_text(first)} to {day_text(last)}"


def join(words: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]

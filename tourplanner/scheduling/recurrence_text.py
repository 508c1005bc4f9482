"""A repeating item's rule said in words: "Every day 07:00–08:00 from 15 to 19 April, except
17 April" (under the editor's controls; the core says it so the CLI and the PDFs can too).

In the current language: "每天 07:00–08:00，4月15日至4月19日，4月17日除外" in Chinese (days,
weekdays and lists from Babel's CLDR through tourplanner.i18n.formats)."""

from __future__ import annotations

from datetime import date, datetime

from dateutil.rrule import rrule

from tourplanner.i18n import CHINESE, _, current_language, formats
from tourplanner.scheduling.recurrence import MAX_OCCURRENCES, parse_exdates, parse_rule
from tourplanner.scheduling.repeat_rule import DAILY, EVERY_N_DAYS, NONE, WEEKLY, from_text


def describe(rule_text: str, exdates_text: str, start: datetime, end: datetime) -> str:
    """The rule in words, for an item from `start` to `end` (naive local wall-clock times).

    Raises the recurrence module's ValidationError when the rule or the dates cannot be read.
    """
    hours = f"{start:%H:%M}–{end:%H:%M}"
    if not rule_text.strip():
        return _("Once, {day} {hours}").format(
            day=day_text(start.date(), with_year=True), hours=hours
        )
    rule = parse_rule(rule_text, start)
    skipped = set(parse_exdates(exdates_text))
    shape = from_text(rule_text, start.date())
    how = _how(shape.kind, shape.weekdays, shape.interval) if shape else _("Repeats (custom rule)")
    last = _last(rule, skipped)
    if last is None:
        span = _("from {day} until the programme ends").format(day=day_text(start.date()))
    else:
        span = date_range(start.date(), last.date())
    text = _("{how} {hours} {span}").format(how=how, hours=hours, span=span)
    days = sorted({moment.date() for moment in skipped})
    if days:
        listed = join([day_text(d, with_year=d.year != start.year) for d in days])
        text = _("{rule}, except {days}").format(rule=text, days=listed)
    return text


def _how(kind: str, weekdays: tuple[int, ...], interval: int) -> str:
    if kind == DAILY:
        return _("Every day")
    if kind == EVERY_N_DAYS:
        return _("Every {n} days").format(n=interval)
    if kind == WEEKLY:
        return _("Every {weekdays}").format(weekdays=join([formats.weekday(d) for d in weekdays]))
    assert kind != NONE
    return _("Repeats")


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
    """'17 April', or '17 April 2015' (4月17日, 2015年4月17日)."""
    return formats.day_month(day, with_year=with_year)


def date_range(first: date, last: date) -> str:
    """'on 15 April', 'from 15 to 19 April', 'from 30 April to 2 May', with the year only when
    the range crosses into another year."""
    if first == last:
        return _("on {day}").format(day=day_text(first))
    if first.year != last.year:
        first_text, last_text = day_text(first, with_year=True), day_text(last, with_year=True)
    elif first.month == last.month and current_language() != CHINESE:
        first_text, last_text = str(first.day), day_text(last)  # "from 15 to 19 April"
    else:
        first_text, last_text = day_text(first), day_text(last)
    return _("from {first} to {last}").format(first=first_text, last=last_text)


def join(words: list[str]) -> str:
    """'a', 'a and b', 'a, b and c' (a、b和c)."""
    return formats.listing(words)

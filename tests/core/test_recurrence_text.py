"""Issue 13: the repeat rules the item editor offers, their RRULE text, and the rule in words."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from tourplanner.errors import ValidationError
from tourplanner.scheduling.recurrence import occurrences
from tourplanner.scheduling.recurrence_text import date_range, describe, join
from tourplanner.scheduling.repeat_rule import (
    DAILY,
    EVERY_N_DAYS,
    NONE,
    WEEKLY,
    RepeatRule,
    exdate_days,
    exdates_text,
    from_text,
)
from tourplanner.timezones import to_utc

START, END = datetime(2015, 4, 15, 7), datetime(2015, 4, 15, 8)  # a Wednesday


def test_the_issues_breakfast_said_in_words() -> None:
    rule = RepeatRule(DAILY, until=date(2015, 4, 19)).to_text()
    assert rule == "FREQ=DAILY;UNTIL=20150419T235959"
    skipped = exdates_text([date(2015, 4, 17)], time(7))
    assert skipped == "2015-04-17T07:00"
    assert describe(rule, skipped, START, END) == (
        "Every day 07:00–08:00 from 15 to 19 April, except 17 April"
    )


@pytest.mark.parametrize(
    ("rule", "words"),
    [
        (RepeatRule(DAILY, count=4), "Every day 07:00–08:00 from 15 to 18 April"),
        (
            RepeatRule(WEEKLY, weekdays=(0, 2), until=date(2015, 4, 29)),
            "Every Monday and Wednesday 07:00–08:00 from 15 to 29 April",
        ),
        (
            RepeatRule(EVERY_N_DAYS, interval=3, count=3),
            "Every 3 days 07:00–08:00 from 15 to 21 April",
        ),
        (RepeatRule(DAILY), "Every day 07:00–08:00 from 15 April until the programme ends"),
        (RepeatRule(DAILY, count=1), "Every day 07:00–08:00 on 15 April"),
    ],
)
def test_each_shape_said_in_words(rule: RepeatRule, words: str) -> None:
    assert describe(rule.to_text(), "", START, END) == words


def test_each_shape_reads_back_from_its_text() -> None:
    shapes = [
        RepeatRule(),
        RepeatRule(DAILY, until=date(2015, 4, 19)),
        RepeatRule(DAILY, count=4),
        RepeatRule(WEEKLY, weekdays=(1, 3, 5), count=6),
        RepeatRule(EVERY_N_DAYS, interval=2, until=date(2015, 5, 1)),
    ]
    for shape in shapes:
        assert from_text(shape.to_text(), START.date()) == shape


def test_the_demos_rule_and_rules_of_other_shapes() -> None:
    assert from_text("RRULE:FREQ=DAILY;COUNT=4", START.date()) == RepeatRule(DAILY, count=4)
    # WEEKLY without BYDAY repeats on the first day's weekday (Wednesday).
    assert from_text("FREQ=WEEKLY", START.date()) == RepeatRule(WEEKLY, weekdays=(2,))
    for other in ("FREQ=MONTHLY;COUNT=3", "FREQ=WEEKLY;INTERVAL=2", "FREQ=DAILY;BYHOUR=9", "junk"):
        assert from_text(other, START.date()) is None
    assert describe("FREQ=MONTHLY;COUNT=2", "", START, END).startswith("Repeats (custom rule)")
    assert from_text("", START.date()) == RepeatRule(NONE)


def test_what_the_words_say_is_what_the_timeline_shows() -> None:
    rule = RepeatRule(DAILY, until=date(2015, 4, 19)).to_text()
    skipped = exdates_text([date(2015, 4, 17)], time(7))
    zone = "Asia/Shanghai"
    days = [
        s.astimezone(to_utc(START, zone).tzinfo).date()
        for s, _e in occurrences(
            start_utc=to_utc(START, zone),
            end_utc=to_utc(END, zone),
            zone_name=zone,
            rule_text=rule,
            exdates_text=skipped,
        )
    ]
    assert len(days) == 4 and exdate_days(skipped) == [date(2015, 4, 17)]


def test_a_rule_that_cannot_be_read_is_said_not_described() -> None:
    with pytest.raises(ValidationError):
        describe("FREQ=SOMETIMES", "", START, END)
    with pytest.raises(ValidationError):
        describe("FREQ=DAILY", "17 April", START, END)


def test_ranges_and_lists_in_words() -> None:
    assert date_range(date(2015, 4, 30), date(2015, 5, 2)) == "from 30 April to 2 May"
    assert date_range(date(2015, 12, 30), date(2016, 1, 2)) == (
        "from 30 December 2015 to 2 January 2016"
    )
    assert join(["a"]) == "a" and join(["a", "b", "c"]) == "a, b and c"

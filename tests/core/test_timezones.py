"""Instants are UTC; display is local with the zone, correct across DST and date lines."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from tourplanner import timezones as tz
from tourplanner.errors import ValidationError
from tourplanner.services import people, travel


def test_unknown_zone_is_a_plain_error() -> None:
    with pytest.raises(ValidationError) as err:
        tz.zone("Mars/Olympus_Mons")
    assert "not a known time zone" in str(err.value)
    with pytest.raises(ValidationError):
        tz.zone("../../etc/passwd")


def test_local_time_with_abbreviation_in_summer_and_winter() -> None:
    summer = datetime(2015, 4, 14, 16, 30, tzinfo=UTC)
    winter = datetime(2015, 1, 14, 17, 30, tzinfo=UTC)
    assert tz.format_time(summer, "America/New_York") == "12:30 EDT"
    assert tz.format_time(winter, "America/New_York") == "12:30 EST"
    assert tz.format_time(summer, "Asia/Shanghai") == "00:30 CST"
    assert tz.utc_offset_label(summer, "Asia/Shanghai") == "UTC+8"
    assert tz.utc_offset_label(summer, "Asia/Kolkata") == "UTC+5:30"


def test_wall_clock_to_utc_across_the_us_dst_change() -> None:
    # DST began in the US on 8 March 2015: 09:00 the day before is EST, the day after EDT.
    before = tz.to_utc(datetime(2015, 3, 7, 9, 0), "America/New_York")
    after = tz.to_utc(datetime(2015, 3, 9, 9, 0), "America/New_York")
    assert before.hour == 14 and after.hour == 13
    start, end = tz.local_day_bounds(date(2015, 3, 8), "America/New_York")
    assert (end - start).total_seconds() == 23 * 3600


def test_flight_leaving_washington_late_lands_two_local_days_later(plan_file) -> None:
    with plan_file.transaction() as s:
        pid = people.create_person(s, name_latin="Bob O'Neill")
        # 23:55 EDT on 14 April; via Tokyo, landing in Beijing 16 April 00:40 CST (~24h45 later).
        seg_id = travel.create_travel(
            s,
            person_id=pid,
            kind="flight",
            carrier="United",
            number="UA 803 / NH 963",
            from_place="Washington Dulles (IAD)",
            to_place="Beijing Capital (PEK)",
            start=datetime(2015, 4, 14, 23, 55),
            start_timezone="America/New_York",
            end=datetime(2015, 4, 16, 0, 40),
            end_timezone="Asia/Shanghai",
        )
    with plan_file.reading() as s:
        seg = travel.get_travel(s, seg_id)
        assert seg.start_utc == datetime(2015, 4, 15, 3, 55, tzinfo=UTC)
        assert seg.end_utc == datetime(2015, 4, 15, 16, 40, tzinfo=UTC)
        assert tz.format_datetime(seg.start_utc, seg.start_timezone) == "Tue 14 Apr 2015 23:55 EDT"
        assert tz.format_datetime(seg.end_utc, seg.end_timezone) == "Thu 16 Apr 2015 00:40 CST"
        assert (
            tz.day_offset_label(seg.start_utc, "America/New_York", seg.end_utc, "Asia/Shanghai")
            == "+2"
        )


def test_arrival_before_departure_is_refused(plan_file) -> None:
    with plan_file.transaction() as s:
        pid = people.create_person(s, name_latin="Ann Lee")
    with pytest.raises(ValidationError) as err, plan_file.transaction() as s:
        travel.create_travel(
            s,
            person_id=pid,
            kind="flight",
            start=datetime(2015, 4, 16, 10, 0),
            start_timezone="Asia/Shanghai",
            end=datetime(2015, 4, 16, 9, 0),  # 09:00 in Tokyo is 00:00 UTC, before 02:00 UTC
            end_timezone="Asia/Tokyo",
        )
    assert err.value.field == "arrival"
    with plan_file.reading() as s:
        assert travel.travel_of_person(s, pid) == []

"""Instants read back from a plan file: always aware UTC, whatever form the text is in."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy.dialects import sqlite

from tourplanner.models.base import UTCDateTime
from tourplanner.services import items, programmes

pytestmark = pytest.mark.sqlite_only(reason="the text SQLite keeps instants as")


def keynote(plan_file, start: datetime) -> int:
    """A one-hour keynote starting then (a naive time is the conference's, Asia/Shanghai)."""
    with plan_file.transaction() as s:
        prog = programmes.create_programme(
            s,
            title_en="Conference",
            kind="conference",
            start_date=date(2015, 4, 20),
            end_date=date(2015, 4, 21),
            timezone="Asia/Shanghai",
        )
        return items.create_item(
            s,
            programme_id=prog,
            title_en="Keynote",
            kind="keynote",
            start=start,
            end=start + timedelta(hours=1),
        )


@pytest.mark.parametrize(
    ("stored", "read"),
    [
        ("2015-04-20 01:30:00.000000", datetime(2015, 4, 20, 1, 30, tzinfo=UTC)),
        ("2015-04-20 01:30:00.250000", datetime(2015, 4, 20, 1, 30, 0, 250000, tzinfo=UTC)),
        ("2015-04-20 01:30:00", datetime(2015, 4, 20, 1, 30, tzinfo=UTC)),  # another writer's
        ("2015-04-20 01:30", datetime(2015, 4, 20, 1, 30, tzinfo=UTC)),
        # With an offset, as before: the stored clock reading is taken as UTC.
        ("2015-04-20 01:30:00.000000+08:00", datetime(2015, 4, 20, 1, 30, tzinfo=UTC)),
    ],
)
def test_an_instant_reads_back_aware_in_utc(plan_file, stored: str, read: datetime) -> None:
    item_id = keynote(plan_file, datetime(2015, 4, 20, 9, 0))
    with sqlite3.connect(plan_file.path) as raw:
        raw.execute("UPDATE items SET start_utc = ? WHERE id = ?", (stored, item_id))
    with plan_file.reading() as s:
        start = items.get_item(s, item_id).start_utc
    assert start == read and start.utcoffset() is not None and start.utcoffset().seconds == 0


def _sqlalchemy_text(value: datetime) -> str:
    """The text SQLAlchemy's own SQLite DATETIME writes for an instant given as naive UTC."""
    from sqlalchemy import DateTime

    dialect = sqlite.dialect()
    write = DateTime().dialect_impl(dialect).bind_processor(dialect)
    assert write is not None
    return str(write(value.astimezone(UTC).replace(tzinfo=None)))


@pytest.mark.parametrize(
    "instant",
    [
        datetime(2015, 4, 20, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai")),
        datetime(2015, 4, 20, 1, 30, 0, 250, tzinfo=UTC),
        datetime(
            2015, 4, 20, 23, 59, 59, 999999, tzinfo=timezone(timedelta(hours=-9, minutes=-30))
        ),
        datetime(999, 1, 2, 3, 4, 5, tzinfo=UTC),  # a four-digit year, padded
        datetime(1, 1, 1, 0, 0, tzinfo=UTC),
        datetime(9999, 12, 31, 23, 59, 59, 999999, tzinfo=UTC),
    ],
)
def test_an_instant_is_written_as_sqlalchemy_writes_it(instant: datetime) -> None:
    dialect = sqlite.dialect()
    write = UTCDateTime().bind_processor(dialect)
    assert write is not None
    assert write(instant) == _sqlalchemy_text(instant)
    assert write(None) is None


def test_a_naive_instant_is_refused_when_written() -> None:
    write = UTCDateTime().bind_processor(sqlite.dialect())
    assert write is not None
    with pytest.raises(ValueError, match="naive"):
        write(datetime(2015, 4, 20, 9, 0))


def test_an_instant_written_reads_back_the_same(plan_file) -> None:
    start = datetime(2015, 4, 20, 9, 0, 0, 250, tzinfo=ZoneInfo("Asia/Shanghai"))
    item_id = keynote(plan_file, start)
    with sqlite3.connect(plan_file.path) as raw:
        (stored,) = raw.execute("SELECT start_utc FROM items WHERE id = ?", (item_id,)).fetchone()
    assert stored == "2015-04-20 01:00:00.000250"
    with plan_file.reading() as s:
        assert items.get_item(s, item_id).start_utc == start

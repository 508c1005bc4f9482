"""Instants read back from a plan file: always aware UTC, whatever form the text is in."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime

import pytest

from tourplanner.services import items, programmes

pytestmark = pytest.mark.sqlite_only(reason="the text SQLite keeps instants as")


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
    with plan_file.transaction() as s:
        prog = programmes.create_programme(
            s,
            title_en="Conference",
            kind="conference",
            start_date=date(2015, 4, 20),
            end_date=date(2015, 4, 21),
            timezone="Asia/Shanghai",
        )
        item_id = items.create_item(
            s,
            programme_id=prog,
            title_en="Keynote",
            kind="keynote",
            start=datetime(2015, 4, 20, 9, 0),
            end=datetime(2015, 4, 20, 10, 0),
        )
    with sqlite3.connect(plan_file.path) as raw:
        raw.execute("UPDATE items SET start_utc = ? WHERE id = ?", (stored, item_id))
    with plan_file.reading() as s:
        start = items.get_item(s, item_id).start_utc
    assert start == read and start.utcoffset() is not None and start.utcoffset().seconds == 0

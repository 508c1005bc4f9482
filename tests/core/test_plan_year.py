"""Dates said relative to the plan's year: the year appears only where it is not the plan's."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from tourplanner.db import PlanFile
from tourplanner.plan_year import day_text, main_year
from tourplanner.services import items, listings, programmes


def test_the_main_year_is_where_most_programme_days_are() -> None:
    assert main_year([]) is None
    assert main_year([(date(2015, 4, 15), date(2015, 4, 23))]) == 2015
    # Ten days in 2015 against two across New Year 2016 (one in each year).
    spans = [(date(2015, 4, 1), date(2015, 4, 10)), (date(2015, 12, 31), date(2016, 1, 1))]
    assert main_year(spans) == 2015
    assert main_year([(date(2015, 12, 30), date(2016, 1, 2))]) == 2016  # a tie: the later
    assert main_year([(date(2015, 5, 2), date(2015, 5, 1))]) is None  # an empty span counts not


def test_a_day_gets_its_year_only_outside_the_plans() -> None:
    assert day_text(date(2015, 4, 21), 2015) == "Tue 21 Apr"
    assert day_text(date(2000, 1, 1), 2015) == "Sat 01 Jan 2000"
    assert day_text(date(2000, 1, 1), None) == "Sat 01 Jan"  # a plan with no programme yet


def test_the_items_table_shows_the_year_of_an_item_in_another_year(demo_path: Path) -> None:
    with PlanFile.open(demo_path) as plan:
        with plan.transaction() as s:
            conference = next(p.id for p in programmes.list_programmes(s) if p.kind == "conference")
            stray = items.create_item(
                s,
                programme_id=conference,
                title_en="Typed into the wrong year",
                kind="other",
                timezone="Asia/Shanghai",
                start=datetime(2000, 1, 1, 9, 0),
                end=datetime(2000, 1, 1, 10, 0),
            )
        with plan.reading() as s:
            assert programmes.main_year_of(s) == 2015
            listing = listings.items_listing(s)
    when = 1 + listing.columns.index("When (local)")  # after the row's id
    rows = {row[0]: row for row in listing.rows}
    assert rows[stray][when].startswith("Sat 01 Jan 2000 09:00–10:00 CST")
    others = [row[when] for rid, row in rows.items() if rid != stray]
    assert others and not any("2015" in text for text in others)

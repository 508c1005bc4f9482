"""Issue 13: editing one occurrence of a repeating item: the series skips that day and an item
of its own holds the edit, booked like the series; one undo step; a stale undo refuses."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from tourplanner.db import PlanFile
from tourplanner.errors import ValidationError
from tourplanner.operations import StaleError
from tourplanner.operations.occurrence import edit_occurrence
from tourplanner.services import items, participations
from tourplanner.services.itinerary import item_occurrences


@pytest.fixture
def plan(demo_path: Path):
    with PlanFile.open(demo_path) as opened:
        yield opened


def breakfast(plan: PlanFile) -> int:
    with plan.reading() as s:
        return next(i.id for i in items.list_items(s) if i.title_en == "Breakfast at the hotel")


def state(plan: PlanFile, series: int) -> tuple[list[int], list[tuple[str, int]]]:
    """The series' occurrence days, and the plan's breakfast-like items with their bookings."""
    with plan.reading() as s:
        days = [o.start_utc.day for o in item_occurrences(s, series)]
        late = [
            (i.title_en, len(participations.participants(s, item_id=i.id)))
            for i in items.list_items(s)
            if i.title_en.startswith("Late breakfast")
        ]
    return days, late


def test_this_occurrence_detaches_one_day_as_one_undo_step(plan) -> None:
    series = breakfast(plan)
    with plan.reading() as s:
        values = items.item_values(s, series)
        booked = len(participations.participants(s, item_id=series))
    before = state(plan, series)
    assert len(before[0]) == 4 and before[1] == []
    moved = replace(
        values,
        title_en="Late breakfast",
        start=datetime(2015, 4, 18, 8, 0),
        end=datetime(2015, 4, 18, 9, 0),
    )
    op = edit_occurrence(series, datetime(2015, 4, 18, 7, 0), moved)
    with plan.transaction() as s:
        changes = op.do(s)
    assert series in changes.items and op.record_id in changes.items
    days, late = state(plan, series)
    assert len(days) == 3 and late == [("Late breakfast", booked)]
    with plan.reading() as s:
        alone = items.item_values(s, op.record_id)
        assert alone.recurrence == "" and alone.start == datetime(2015, 4, 18, 8, 0)
        assert items.item_values(s, series).exdates == "2015-04-18T07:00"
    with plan.transaction() as s:
        op.undo(s)
    assert state(plan, series) == before
    with plan.transaction() as s:
        op.do(s)  # redo: the same new item comes back
    assert state(plan, series) == (days, late)
    with plan.transaction() as s:
        items.update_item(s, series, exdates="")  # someone else gives the day back
    with pytest.raises(StaleError), plan.transaction() as s:
        op.undo(s)


def test_a_one_off_item_has_no_occurrence_to_detach(plan) -> None:
    with plan.reading() as s:
        one_off = next(i.id for i in items.list_items(s) if not i.recurrence)
        values = items.item_values(s, one_off)
        count = len(items.list_items(s))
    with pytest.raises(ValidationError), plan.transaction() as s:
        edit_occurrence(one_off, values.start, values).do(s)
    with plan.reading() as s:
        assert len(items.list_items(s)) == count

"""Who attends an item, read for many items at once: the same as item by item."""

from __future__ import annotations

from sqlalchemy import select

from tourplanner.models import Item
from tourplanner.services import catering
from tourplanner.services.attendance import item_attendance, items_attendance


def test_attendance_of_many_items_equals_each_items_own(demo_plan) -> None:
    with demo_plan.reading() as s:
        every = list(s.scalars(select(Item).order_by(Item.id)))
        together = items_attendance(s, every)
        alone = {i.id: item_attendance(s, i.id) for i in every}
    assert together == alone
    # Not a vacuous comparison: plenaries count programmes, breakouts only their bookings.
    assert any(a.through_programme > 0 for a in alone.values())
    assert any(a.direct > 0 and a.through_programme == 0 for a in alone.values())
    with demo_plan.reading() as s:
        assert items_attendance(s, []) == {}


def test_meal_counts_of_all_meals_equal_each_meals_own(demo_plan) -> None:
    with demo_plan.reading() as s:
        every = catering.meal_counts(s, names=True)
        one_by_one = [catering.meal_counts(s, item=f"#{m.item_id}", names=True)[0] for m in every]
    assert every == one_by_one
    assert sum(m.total for m in every) > 0 and any(m.tagged for m in every)

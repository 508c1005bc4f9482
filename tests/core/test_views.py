"""The plain views: the quick constructor of an item view equals the dataclass's own."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest

from tourplanner.services.views import ItemView

FIRST = (
    7,
    "uid-7",
    1,
    "Conference",
    "Keynote",
    "主旨演讲",
    "keynote",
    "confirmed",
    datetime(2015, 4, 20, 1, 0, tzinfo=UTC),
    datetime(2015, 4, 20, 2, 0, tzinfo=UTC),
    "Asia/Shanghai",
    None,
    "Hall 1",
    "一号厅",
    300,
    "",
    "",
    "en",
    "",
    0,
)


@pytest.mark.parametrize("extra", [(), (("Ann Lee",), ("Bo Chen",)), (("A",), (), "speaking")])
def test_item_view_of_columns_equals_the_constructor(extra: tuple) -> None:
    quick, made = ItemView.of_columns(*FIRST, *extra), ItemView(*FIRST, *extra)
    assert quick == made and hash(quick) == hash(made)
    assert dataclasses.asdict(quick) == dataclasses.asdict(made)
    with pytest.raises(dataclasses.FrozenInstanceError):
        quick.title_en = "changed"  # type: ignore[misc]


def test_item_view_of_columns_refuses_more_columns_than_fields() -> None:
    too_many = FIRST + ("x",) * len(dataclasses.fields(ItemView))
    with pytest.raises(TypeError, match="fields"):
        ItemView.of_columns(*too_many)

"""An item's meeting point and time and its menu, changed as one undoable step."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from tourplanner.operations.changes import Changes
from tourplanner.operations.edit import Edit
from tourplanner.operations.operation import Session
from tourplanner.services.item_logistics import ItemLogistics, item_logistics, set_item_logistics


def set_logistics(item_id: int, values: ItemLogistics, title: str) -> Edit[ItemLogistics]:
    """Write the meeting point, time and menu; undo writes back the ones read before."""
    return _edit(item_id, f"Meeting point and menu of '{title}'", title, values)


def set_menu(item_id: int, text: str, title: str) -> Edit[ItemLogistics]:
    """Write a meal's menu alone: the meeting point and time as the file holds them when done
    (not as a view read them earlier); undo writes back all three as they were."""
    return _edit(
        item_id, f"Menu of '{title}'", title, None, lambda before: replace(before, menu_note=text)
    )


def _edit(
    item_id: int,
    text: str,
    title: str,
    values: ItemLogistics | None,
    derive: Callable[[ItemLogistics], ItemLogistics] | None = None,
) -> Edit[ItemLogistics]:
    """The one Edit of an item's logistics: read and written whole, whatever the form changed."""

    def write(session: Session, vals: ItemLogistics) -> None:
        set_item_logistics(session, item_id, **vals.as_changes())

    return Edit(
        text,
        f"'{title}'",
        lambda session: item_logistics(session, item_id),
        write,
        values,
        Changes.of_items([item_id]),
        derive=derive,
    )

"""An item's meeting point and time and its menu, changed as one undoable step."""

from __future__ import annotations

from tourplanner.operations.changes import Changes
from tourplanner.operations.edit import Edit
from tourplanner.operations.operation import Session
from tourplanner.services.item_logistics import ItemLogistics, item_logistics, set_item_logistics


def set_logistics(item_id: int, values: ItemLogistics, title: str) -> Edit[ItemLogistics]:
    """Write the meeting point, time and menu; undo writes back the ones read before."""

    def write(session: Session, vals: ItemLogistics) -> None:
        set_item_logistics(session, item_id, **vals.as_changes())

    return Edit(
        f"Meeting point and menu of '{title}'",
        f"'{title}'",
        lambda session: item_logistics(session, item_id),
        write,
        values,
        Changes.of_items([item_id]),
    )

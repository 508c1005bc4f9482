"""Operations on programme items: add, edit, move, resize, set statuses, delete."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from tourplanner.operations.changes import Changes
from tourplanner.operations.edit import Edit
from tourplanner.operations.operation import Session
from tourplanner.operations.records import Create, Delete
from tourplanner.operations.versions import RowKey, RowVersion
from tourplanner.services import items
from tourplanner.services.items import ItemValues


def add_item(values: ItemValues) -> Create:
    return Create(
        f"Add '{values.title_en}'",
        "item",
        "items",
        lambda session: items.create_item(session, **values.as_changes()),  # type: ignore[arg-type]
        items.delete_item,
    )


def edit_item(
    item_id: int, values: ItemValues, *, seen: dict[RowKey, RowVersion | None] | None = None
) -> Edit[ItemValues]:
    """The item editor's save: every field at once; undo writes the old values back. `seen`:
    the row versions the editor read on opening (versions.read), so a change someone else made
    meanwhile refuses the save instead of being overwritten."""
    return Edit(
        f"Edit '{values.title_en}'",
        f"'{values.title_en}'",
        lambda session: items.item_values(session, item_id),
        lambda session, vals: items.update_item(session, item_id, **vals.as_changes()),
        values,
        Changes.of_items([item_id]),
        seen=seen,
    )


Span = tuple[datetime, datetime]


def _instants(item_id: int) -> Callable[[Session], Span]:
    return lambda session: items.span(session, item_id)


def _write_instants(item_id: int) -> Callable[[Session, Span], None]:
    def write(session: Session, span: Span) -> None:
        start, end = span
        items.update_item(session, item_id, start=start, end=end)

    return write


def move_item(item_id: int, new_start: datetime, title: str) -> Edit[Span]:
    """Move an item to a new start (an aware instant), keeping its length."""
    return Edit(
        f"Move '{title}'",
        f"'{title}'",
        _instants(item_id),
        _write_instants(item_id),
        None,
        Changes.of_items([item_id]),
        derive=lambda span: (new_start, new_start + (span[1] - span[0])),
    )


def resize_item(item_id: int, new_end: datetime, title: str) -> Edit[Span]:
    """Give an item a new end (an aware instant); its start stays."""
    return Edit(
        f"Change the length of '{title}'",
        f"'{title}'",
        _instants(item_id),
        _write_instants(item_id),
        None,
        Changes.of_items([item_id]),
        derive=lambda span: (span[0], new_end),
    )


def _write_statuses(session: Session, statuses: dict[int, str]) -> None:
    items.set_statuses(session, statuses)


def set_statuses(item_ids: list[int], status: str, text: str) -> Edit[dict[int, str]]:
    """Confirm, mark tentative or cancel items; undo gives each its own old status back."""
    return Edit(
        text,
        "The status of these items",
        lambda session: items.statuses(session, item_ids),
        _write_statuses,
        dict.fromkeys(item_ids, status),
        Changes.of_items(item_ids),
    )


def delete_items(item_ids: list[int], text: str) -> Delete:
    return Delete(text, "item", "items", list(item_ids), items.delete_item)

"""Undoable edits: each records ids and before/after values and runs one transaction."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtGui import QUndoCommand

from tourplanner.db import PlanFile
from tourplanner.services import items, snapshots
from tourplanner.ui.item_editor import ItemValues


class MoveItemCommand(QUndoCommand):
    """Move an item to a new start (keeping its length); undo moves it back."""

    def __init__(
        self,
        plan: PlanFile,
        item_id: int,
        old_start: datetime,
        new_start: datetime,
        title: str,
        changed: Callable[[int], None],
    ) -> None:
        super().__init__(f"Move '{title}'")
        self.plan, self.item_id = plan, item_id
        self.old_start, self.new_start = old_start, new_start
        self.changed = changed

    def _move_to(self, start: datetime) -> None:
        with self.plan.transaction() as session:
            items.move_item(session, self.item_id, start)
        self.changed(self.item_id)

    def redo(self) -> None:
        self._move_to(self.new_start)

    def undo(self) -> None:
        self._move_to(self.old_start)


class AddItemCommand(QUndoCommand):
    """An item the editor just created; undo deletes it (keeping a snapshot), redo restores it."""

    def __init__(
        self, plan: PlanFile, item_id: int, title: str, changed: Callable[[int], None]
    ) -> None:
        super().__init__(f"Add '{title}'")
        self.plan, self.item_id, self.changed = plan, item_id, changed
        self.snapshot: snapshots.Snapshot | None = None

    def redo(self) -> None:
        if self.snapshot is None:
            return  # the first time, the editor has already written it
        with self.plan.transaction() as session:
            snapshots.restore(session, self.snapshot)
        self.changed(self.item_id)

    def undo(self) -> None:
        with self.plan.transaction() as session:
            self.snapshot = snapshots.capture(session, "items", self.item_id)
            items.delete_item(session, self.item_id)
        self.changed(self.item_id)


class EditItemCommand(QUndoCommand):
    """An edit the editor just saved; undo puts the values before it back, redo the new ones."""

    def __init__(
        self,
        plan: PlanFile,
        item_id: int,
        before: ItemValues,
        after: ItemValues,
        changed: Callable[[int], None],
    ) -> None:
        super().__init__(f"Edit '{after.title_en}'")
        self.plan, self.item_id, self.changed = plan, item_id, changed
        self.before, self.after = before, after
        self.done = True  # the editor has already written `after`

    def _apply(self, values: ItemValues) -> None:
        with self.plan.transaction() as session:
            items.update_item(session, self.item_id, **values.as_changes())
        self.changed(self.item_id)

    def redo(self) -> None:
        if self.done:
            self.done = False
            return
        self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)

"""Undoable edits: each records ids and before/after values and runs one transaction."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtGui import QUndoCommand

from tourplanner.db import PlanFile
from tourplanner.services import items


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

"""Editing one occurrence of a repeating item: the series skips that day and an item of its
own takes the edited values, as one undo step (undo gives the series its day back)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from tourplanner.operations.changes import Changes
from tourplanner.operations.operation import Session, ensure_unchanged
from tourplanner.operations.records import Create
from tourplanner.services import items
from tourplanner.services.items import ItemValues


@dataclass
class EditOccurrence:
    """Detach the occurrence starting at `occurrence` (naive local) of `series_id`."""

    series_id: int
    occurrence: datetime
    values: ItemValues
    text: str = ""
    _exdates_before: str | None = field(default=None, repr=False)
    _exdates_after: str | None = field(default=None, repr=False)
    _create: Create | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self.text = self.text or f"Edit '{self.values.title_en}' on {self.occurrence:%d %b}"

    @property
    def record_id(self) -> int | None:
        """The new item's id, once done."""
        return None if self._create is None else self._create.record_id

    def do(self, session: Session) -> Changes:
        exdates = items.item_values(session, self.series_id).exdates
        if self._create is None:
            self._exdates_before = exdates
            self._create = Create(self.text, "item", "items", self._detach, items.delete_item)
        else:  # redo: the series must be as the undo left it
            ensure_unchanged(f"'{self.values.title_en}'", exdates, self._exdates_before)
            items.update_item(session, self.series_id, exdates=self._exdates_after)
        changes = self._create.do(session)
        self._exdates_after = items.item_values(session, self.series_id).exdates
        return changes | Changes(items=frozenset([self.series_id]), bookings=True)

    def undo(self, session: Session) -> Changes:
        assert self._create is not None, "undo before do"
        now = items.item_values(session, self.series_id).exdates
        ensure_unchanged(f"'{self.values.title_en}'", now, self._exdates_after)
        changes = self._create.undo(session)
        items.update_item(session, self.series_id, exdates=self._exdates_before)
        return changes | Changes(items=frozenset([self.series_id]), bookings=True)

    def _detach(self, session: Session) -> int:
        return items.detach_occurrence(session, self.series_id, self.occurrence, self.values)


def edit_occurrence(series_id: int, occurrence: datetime, values: ItemValues) -> EditOccurrence:
    """'This occurrence' in the editor of a repeating item."""
    return EditOccurrence(series_id, occurrence, values)

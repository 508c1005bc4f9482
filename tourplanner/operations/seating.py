"""Seating plans as undoable operations: lay out, re-solve, move a person, lock or unlock.

Each step keeps the plan as it was before and as it left it (plain values); undo and redo
restore one or the other after checking that nobody changed the plan since.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from tourplanner.operations.changes import Changes
from tourplanner.operations.operation import Session, ensure_unchanged
from tourplanner.services import protocol

State = tuple[object, ...] | None


@dataclass
class SeatingChange:
    text: str
    item_id: int
    change: Callable[[Session], object]
    before: State = None
    after: State = None
    _done: bool = field(default=False, repr=False)

    def do(self, session: Session) -> Changes:
        if self._done:
            ensure_unchanged("This seating plan", self._state(session), self.before)
            protocol.restore_seating(session, self.item_id, self.after)
        else:
            self.before = self._state(session)
            self.change(session)
            self.after, self._done = self._state(session), True
        return Changes.of_items([self.item_id])

    def undo(self, session: Session) -> Changes:
        ensure_unchanged("This seating plan", self._state(session), self.after)
        protocol.restore_seating(session, self.item_id, self.before)
        return Changes.of_items([self.item_id])

    def _state(self, session: Session) -> State:
        return protocol.seating_state(session, self.item_id)


def seat_item(item_id: int, title: str, **options: object) -> SeatingChange:
    """Lay out (or re-solve) an item's seating; options as `services.protocol.seat_item`."""
    return SeatingChange(
        f"Seat '{title}'",
        item_id,
        lambda session: protocol.seat_item(session, item_id, **options),  # type: ignore[arg-type]
    )


def place_person(item_id: int, person_id: int, label: str, name: str) -> SeatingChange:
    """Put someone on a seat by hand (locked); the rest re-flow."""
    return SeatingChange(
        f"Seat {name} at {label}",
        item_id,
        lambda session: protocol.place_person(session, item_id, person_id, label),
    )


def set_locked(item_id: int, label: str, locked: bool) -> SeatingChange:
    return SeatingChange(
        f"{'Lock' if locked else 'Unlock'} seat {label}",
        item_id,
        lambda session: protocol.set_locked(session, item_id, label, locked),
    )

"""Undoable edits: each records ids and before/after values and runs one transaction."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtGui import QUndoCommand
from sqlalchemy.orm import Session

from tourplanner.db import PlanFile
from tourplanner.services import items, organizations, participations, snapshots, venues


class TriedCommand(QUndoCommand):
    """A change that is tried first, outside the stack, so a refusal can be said in words.

    `try_it()` applies it (raising a domain error that changes nothing when refused); pushed
    afterwards, the stack's first `redo()` knows it is already done.
    """

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._applied = False

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def try_it(self) -> None:
        self.apply()
        self._applied = True

    def already_done(self) -> TriedCommand:
        """Mark it applied by someone else (an editor's own transaction) before it is pushed."""
        self._applied = True
        return self

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self.apply()

    def undo(self) -> None:
        self.revert()


class AddedCommand(TriedCommand):
    """A record an editor has just created; undo deletes it (keeping a snapshot of it and of
    what its deletion takes along), redo restores it with the same ids."""

    def __init__(
        self,
        plan: PlanFile,
        table: str,
        record_id: int,
        delete: Callable[[Session, int], None],
        text: str,
        changed: Callable[[], None],
    ) -> None:
        super().__init__(text)
        self.plan, self.table, self.record_id = plan, table, record_id
        self.delete, self.changed = delete, changed
        self.snapshot: snapshots.Snapshot | None = None
        self.already_done()

    def apply(self) -> None:
        with self.plan.transaction() as session:
            snapshots.restore(session, self.snapshot)
        self.changed()

    def revert(self) -> None:
        with self.plan.transaction() as session:
            self.snapshot = snapshots.capture(session, self.table, self.record_id)
            self.delete(session, self.record_id)
        self.changed()


class EditedCommand(TriedCommand):
    """An edit an editor has just saved; undo writes the values before it back, redo the new."""

    def __init__(
        self,
        plan: PlanFile,
        write: Callable[[Session, object], None],
        before: object,
        after: object,
        text: str,
        changed: Callable[[], None],
    ) -> None:
        super().__init__(text)
        self.plan, self.write, self.changed = plan, write, changed
        self.before, self.after = before, after
        self.already_done()

    def _write(self, values: object) -> None:
        with self.plan.transaction() as session:
            self.write(session, values)
        self.changed()

    def apply(self) -> None:
        self._write(self.after)

    def revert(self) -> None:
        self._write(self.before)


class MoveItemCommand(TriedCommand):
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

    def apply(self) -> None:
        self._move_to(self.new_start)

    def revert(self) -> None:
        self._move_to(self.old_start)


class ResizeItemCommand(TriedCommand):
    """Give an item a new end (from the timeline's edge drag); undo puts the old end back."""

    def __init__(
        self,
        plan: PlanFile,
        item_id: int,
        old_end: datetime,
        new_end: datetime,
        title: str,
        changed: Callable[[int], None],
    ) -> None:
        super().__init__(f"Change the length of '{title}'")
        self.plan, self.item_id, self.changed = plan, item_id, changed
        self.old_end, self.new_end = old_end, new_end

    def _end_at(self, end: datetime) -> None:
        with self.plan.transaction() as session:
            items.update_item(session, self.item_id, end=end)
        self.changed(self.item_id)

    def apply(self) -> None:
        self._end_at(self.new_end)

    def revert(self) -> None:
        self._end_at(self.old_end)


class DeleteCommand(TriedCommand):
    """Delete records (items, people, venues...); undo restores them with the same ids."""

    def __init__(
        self,
        plan: PlanFile,
        table: str,
        ids: list[int],
        delete: Callable[[Session, int], None],
        text: str,
        changed: Callable[[], None],
    ) -> None:
        super().__init__(text)
        self.plan, self.table, self.ids, self.delete = plan, table, ids, delete
        self.changed = changed
        self.snapshots: list[snapshots.Snapshot] = []

    def apply(self) -> None:
        with self.plan.transaction() as session:
            self.snapshots = [snapshots.capture(session, self.table, i) for i in self.ids]
            for record_id in self.ids:
                self.delete(session, record_id)
        self.changed()

    def revert(self) -> None:
        with self.plan.transaction() as session:
            for snap in reversed(self.snapshots):
                snapshots.restore(session, snap)
        self.changed()


class BookCommand(TriedCommand):
    """Book people into an item or a programme; undo removes only the bookings it made."""

    def __init__(
        self,
        plan: PlanFile,
        bookings: list[participations.Booking],
        text: str,
        changed: Callable[[], None],
    ) -> None:
        super().__init__(text)
        self.plan, self.bookings, self.changed = plan, bookings, changed
        self.made: list[participations.Booking] = []

    def apply(self) -> None:
        with self.plan.transaction() as session:
            self.made = participations.book(session, self.bookings)
        self.changed()

    def revert(self) -> None:
        with self.plan.transaction() as session:
            participations.unbook(session, self.made)
        self.changed()


class JoinGroupCommand(TriedCommand):
    """Put people into a group; undo takes out only those who were not in it before."""

    def __init__(
        self,
        plan: PlanFile,
        group_id: int,
        person_ids: list[int],
        text: str,
        changed: Callable[[], None],
    ) -> None:
        super().__init__(text)
        self.plan, self.group_id, self.person_ids, self.changed = (
            plan,
            group_id,
            person_ids,
            changed,
        )
        self.added: list[int] = []

    def apply(self) -> None:
        with self.plan.transaction() as session:
            self.added = organizations.join_group(session, self.group_id, self.person_ids)
        self.changed()

    def revert(self) -> None:
        with self.plan.transaction() as session:
            organizations.remove_group_members(session, self.group_id, self.added)
        self.changed()


class SetStatusCommand(TriedCommand):
    """Give items a status (confirm, mark tentative, cancel); undo gives each its old one back."""

    def __init__(
        self,
        plan: PlanFile,
        item_ids: list[int],
        status: str,
        text: str,
        changed: Callable[[list[int]], None],
    ) -> None:
        super().__init__(text)
        self.plan, self.item_ids, self.status, self.changed = plan, item_ids, status, changed
        self.before: dict[int, str] = {}

    def apply(self) -> None:
        with self.plan.transaction() as session:
            self.before = items.set_statuses(session, dict.fromkeys(self.item_ids, self.status))
        self.changed(self.item_ids)

    def revert(self) -> None:
        with self.plan.transaction() as session:
            items.set_statuses(session, self.before)
        self.changed(self.item_ids)


class UnbookCommand(TriedCommand):
    """Take people off an item or programme; undo books them again as they were."""

    def __init__(
        self,
        plan: PlanFile,
        bookings: list[participations.Booking],
        text: str,
        changed: Callable[[], None],
    ) -> None:
        super().__init__(text)
        self.plan, self.bookings, self.changed = plan, bookings, changed

    def apply(self) -> None:
        with self.plan.transaction() as session:
            participations.unbook(session, self.bookings)
        self.changed()

    def revert(self) -> None:
        with self.plan.transaction() as session:
            participations.book(session, self.bookings)
        self.changed()


class TravelTimeCommand(TriedCommand):
    """Give two venues their own travel time (or None: the plan's default); undo restores it."""

    def __init__(
        self,
        plan: PlanFile,
        venue_a: int,
        venue_b: int,
        minutes: int | None,
        changed: Callable[[], None],
    ) -> None:
        super().__init__("Change a travel time" if minutes is not None else "Remove a travel time")
        self.plan, self.pair, self.minutes, self.changed = (
            plan,
            (venue_a, venue_b),
            minutes,
            changed,
        )
        self.before: int | None = None

    def apply(self) -> None:
        with self.plan.transaction() as session:
            self.before = venues.set_travel_time(session, *self.pair, self.minutes)
        self.changed()

    def revert(self) -> None:
        with self.plan.transaction() as session:
            venues.set_travel_time(session, *self.pair, self.before)
        self.changed()

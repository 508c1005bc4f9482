"""Creating and deleting records: undo keeps a snapshot, so a redo or undo brings back the
same rows with the same ids (and everything a deletion took along)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from tourplanner.i18n import _
from tourplanner.models.versioned import STAMP_COLUMNS
from tourplanner.operations.changes import Changes
from tourplanner.operations.edit import Edit
from tourplanner.operations.operation import Session, StaleError, ensure_unchanged
from tourplanner.operations.versions import RowKey, RowVersion
from tourplanner.services import records, snapshots


def _main_row(snap: snapshots.Snapshot) -> object:
    """The record's own row in a snapshot (what undo compares): its values, not the row's
    version stamp, which every write moves on (an edit and its undo leave the values as they
    were; a team plan checks versions on its own, in operations/versions.py)."""
    key = snap.key
    row = next(row for row in snap.rows[snap.table] if all(row[k] == v for k, v in key.items()))
    return {name: value for name, value in row.items() if name not in STAMP_COLUMNS}


def _refuse_taken(session: Session, table: str, record_id: int, what: str) -> None:
    """Never restore onto a record that holds the id now: it is someone else's."""
    if snapshots.exists(session, table, record_id):
        raise StaleError(
            _("{what} cannot be brought back: its record number is in use again").format(what=what)
        )


@dataclass
class Create:
    """`create(session) -> id` makes the record; undo deletes it, redo restores it."""

    text: str
    kind: str  # a key of services.records.RECORDS, or "item"
    table: str
    create: Callable[[Session], int]
    delete: Callable[[Session, int], None]
    record_id: int | None = None
    _snapshot: snapshots.Snapshot | None = field(default=None, repr=False)

    def do(self, session: Session) -> Changes:
        if self._snapshot is None:
            self.record_id = self.create(session)
        else:
            _refuse_taken(session, self.table, self._id, self.text)
            snapshots.restore(session, self._snapshot)
        self._snapshot = snapshots.capture(session, self.table, self._id)
        return Changes.of_records(self.kind, [self._id])

    def undo(self, session: Session) -> Changes:
        assert self._snapshot is not None, "undo before do"
        now = snapshots.capture(session, self.table, self._id)
        ensure_unchanged(
            f"The new record of '{self.text}'", _main_row(now), _main_row(self._snapshot)
        )
        self._snapshot = now  # with whatever was added to it since, for a redo
        self.delete(session, self._id)
        return Changes.of_records(self.kind, [self._id])

    @property
    def _id(self) -> int:
        assert self.record_id is not None
        return self.record_id


@dataclass
class Delete:
    """Delete records; undo restores them, refusing when one of their ids is taken meanwhile."""

    text: str
    kind: str
    table: str
    ids: list[int]
    delete: Callable[[Session, int], None]
    _snapshots: list[snapshots.Snapshot] = field(default_factory=list, repr=False)

    def do(self, session: Session) -> Changes:
        self._snapshots = [snapshots.capture(session, self.table, i) for i in self.ids]
        for record_id in self.ids:
            self.delete(session, record_id)
        return Changes.of_records(self.kind, self.ids)

    def undo(self, session: Session) -> Changes:
        for record_id in self.ids:
            _refuse_taken(session, self.table, record_id, self.text)
        for snap in reversed(self._snapshots):
            snapshots.restore(session, snap)
        return Changes.of_records(self.kind, self.ids)


def create_record(kind: str, values: dict[str, object], text: str) -> Create:
    spec = records.RECORDS[kind]
    return Create(
        text, kind, spec.table, lambda session: spec.create(session, **values), spec.delete
    )


def edit_record(
    kind: str,
    record_id: int,
    values: dict[str, object],
    *,
    name: str,
    text: str,
    seen: dict[RowKey, RowVersion | None] | None = None,
) -> Edit:
    """Change a record's fields (the form's values); undo puts the old ones back. `seen`: the
    row versions the editor read on opening, checked as for `items.edit_item`."""
    spec = records.RECORDS[kind]

    def write(session: Session, vals: object) -> None:
        spec.update(session, record_id, **vals)  # type: ignore[arg-type]

    return Edit(
        text,
        f"'{name}'",
        lambda session: records.record_values(session, kind, record_id),
        write,
        values,
        Changes.of_records(kind, [record_id]),
        seen=seen,
    )


def delete_records(kind: str, ids: list[int], text: str) -> Delete:
    spec = records.RECORDS[kind]
    return Delete(text, kind, spec.table, list(ids), spec.delete)

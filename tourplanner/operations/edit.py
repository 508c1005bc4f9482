"""An edit: values written over values read. Undo and redo each check what they overwrite."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Generic, TypeVar, cast

from tourplanner.operations import versions
from tourplanner.operations.changes import Changes
from tourplanner.operations.operation import Session, ensure_unchanged

V = TypeVar("V")


@dataclass
class Edit(Generic[V]):
    """Write `after` with `write`; `read` gives the same shape of values back.

    The values before are read when the edit is first done. What was written is read back
    (services normalise what they store), so undo can tell whether anything changed it since.
    """

    text: str
    what: str  # names the record in a refusal: "'Keynote'"
    read: Callable[[Session], V]
    write: Callable[[Session, V], None]
    after: V | None  # with `derive`: None, computed from the values before when first done
    changes: Changes
    before: V | None = None
    # When `after` depends on the values before (a move keeps the length): computed from them.
    derive: Callable[[V], V] | None = None
    # The row versions the user's view read before the edit (versions.of_changes): a row
    # changed since by someone else refuses the edit instead of silently overwriting it.
    seen: dict[versions.RowKey, versions.RowVersion | None] | None = None
    _expected: V | None = field(default=None, repr=False)  # what the file holds after the last call
    _versions: dict | None = field(default=None, repr=False)  # row versions after the last call
    _done: bool = False

    def do(self, session: Session) -> Changes:
        session.info["doing"] = self.text
        versions.ensure_same(session, self.what, self._versions if self._done else self.seen)
        current = self.read(session)
        if self._done:
            ensure_unchanged(self.what, current, self._expected)
        else:
            self.before = current
            if self.derive is not None:
                self.after = self.derive(current)
        self.write(session, cast(V, self.after))  # None is a value too (a travel time removed)
        self._wrote(session)
        self._done = True
        return self.changes

    def undo(self, session: Session) -> Changes:
        session.info["doing"] = f"Undo {self.text}"
        versions.ensure_same(session, self.what, self._versions)
        ensure_unchanged(self.what, self.read(session), self._expected)
        self.write(session, cast(V, self.before))
        self._wrote(session)
        return self.changes

    def _wrote(self, session: Session) -> None:
        session.flush()  # the new versions are the database's, read back below
        self._expected = self.read(session)
        self._versions = versions.of_changes(session, self.changes)

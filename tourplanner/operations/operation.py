"""The operation type, and the check every undo and redo makes before it writes."""

from __future__ import annotations

from typing import Any, Protocol

from tourplanner.errors import TourPlannerError
from tourplanner.i18n import _
from tourplanner.operations.changes import Changes

Session = Any  # a SQLAlchemy session; typed loosely so the UI can hold operations unawares


class StaleError(TourPlannerError):
    """What an undo or redo would overwrite was changed since: it refuses and writes nothing."""


class Operation(Protocol):
    """One change to a plan, undoable. Each call runs inside a transaction its caller opens."""

    text: str  # what the undo step is called: "Move 'Keynote'"

    def do(self, session: Session) -> Changes:
        """Make the change (also again, as redo); a refusal is a TourPlannerError."""
        ...

    def undo(self, session: Session) -> Changes:
        """Take it back; refuses with StaleError when the record changed since."""
        ...


def ensure_unchanged(what: str, found: object, expected: object) -> None:
    """Refuse to undo or redo over a change made since (by an import, another program...)."""
    if found != expected:
        raise StaleError(
            _(
                "{what} was changed since (by another step, an import or another program), and this step would overwrite that change."
            ).format(what=what)
        )

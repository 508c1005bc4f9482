"""Who changed a row, and when: stamped on every versioned row a transaction writes."""

from __future__ import annotations

import getpass
import os
from typing import Any

from sqlalchemy.orm import Session

from tourplanner.models.versioned import Versioned, row_stamp

AUTHOR_VARIABLE = "TOURPLANNER_AUTHOR"
# A row's version moved between this transaction's read and its write (version_id_col).
CONFLICT_SENTENCE = (
    "someone else changed this record at the same moment; nothing was changed here "
    "(reload to see their change, then try again)"
)


def default_author() -> str:
    """The name written beside a change: $TOURPLANNER_AUTHOR, else this computer's user."""
    named = os.environ.get(AUTHOR_VARIABLE, "").strip()
    if named:
        return named
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "someone"


def stamp(session: Session, _context: Any, _instances: Any) -> None:
    """Before a flush: the session's author, the time and the operation on each row written."""
    values = row_stamp(session)
    for obj in (*session.new, *session.dirty):
        if isinstance(obj, Versioned) and (obj in session.new or session.is_modified(obj)):
            for name, value in values.items():
                setattr(obj, name, value)

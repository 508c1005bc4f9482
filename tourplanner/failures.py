"""Unexpected failures put into one sentence: the disk, SQLite, or a row the app cannot use.

Domain errors (TourPlannerError) already are sentences. What else reaches the top of a command
is either the machine saying no (disk full, read-only, folder gone, database busy) or a row
in the plan that the app cannot read (a garbage time, an unknown zone): `describe` names it,
or returns None for a genuine bug, which keeps its traceback.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from zoneinfo import ZoneInfoNotFoundError

from sqlalchemy.exc import DBAPIError, StatementError


def describe(exc: BaseException, *, plan: Path | None = None) -> str | None:
    """One sentence for an unexpected failure, or None when it is a bug."""
    raw = exc.orig if isinstance(exc, (DBAPIError, StatementError)) and exc.orig else exc
    if isinstance(raw, OSError):
        from tourplanner.files import os_error_sentence

        where = raw.filename or plan or "the file"
        return os_error_sentence(raw, Path(where))
    if isinstance(raw, sqlite3.Error) and plan is not None:
        from tourplanner.db import sqlite

        return sqlite.error_sentence(raw, Path(plan))
    if isinstance(raw, (ValueError, LookupError, ZoneInfoNotFoundError, OverflowError, TypeError)):
        return _unusable_row(plan)
    return None


def _unusable_row(plan: Path | None) -> str | None:
    """The first row of the plan the app cannot use, if that is what failed."""
    if plan is None:
        return None
    from tourplanner.db.doctor import unusable_rows

    try:
        findings = unusable_rows(Path(plan))
    except Exception:  # noqa: BLE001 - the original failure is the one to report
        return None
    if not findings:
        return None
    from tourplanner.db.doctor import unusable_sentence

    return unusable_sentence(findings, Path(plan))

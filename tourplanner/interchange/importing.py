"""What every import does around its writing: a savepoint, the dry run, the refusal."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.orm import Session

from tourplanner.interchange.report import ImportRefused, ImportReport


@contextmanager
def import_savepoint(
    session: Session, report: ImportReport, *, dry_run: bool, skip_invalid: bool = False
) -> Iterator[None]:
    """Write an import inside a savepoint of the caller's transaction; keep it only if it may.

    The block writes and records problems in `report`. Afterwards the savepoint is kept for a
    real run without errors (or with `skip_invalid`, whose bad rows were left out); a dry run
    is always rolled back, and so is an import with errors, which then raises ImportRefused
    (with the report) on a real run. The caller's transaction must roll back on that refusal
    (the `plan.transaction()` block does); rolling back here too means nothing stays written
    even if a caller swallows it. An exception from the block rolls back and goes on.
    """
    savepoint = session.begin_nested()
    try:
        yield
    except BaseException:
        savepoint.rollback()
        raise
    refused = bool(report.errors) and not skip_invalid
    if dry_run or refused:
        savepoint.rollback()
    else:
        savepoint.commit()
    if refused and not dry_run:
        raise ImportRefused(report)

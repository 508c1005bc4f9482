"""What every import does around its writing: a savepoint, the dry run, the refusal, and
the bulk inserts its rows go through."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, cast

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session

from tourplanner.collector import cycle_collection_paused
from tourplanner.interchange.report import ImportRefused, ImportReport
from tourplanner.models import Base
from tourplanner.models.versioned import STAMP_COLUMNS


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
        with cycle_collection_paused():
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


def insert_rows(session: Session, model: type[Base], rows: list[dict[str, Any]]) -> list[int]:
    """Insert rows in bulk (a few multi-row INSERTs); returns their new ids in the rows' order.

    The bulk writer the importers hand their rows to: no ORM object, no flush per row. The
    plan's tables number rows with AUTOINCREMENT, so each row gets a bigger id than the row
    inserted before it: the returned ids, sorted, are in the rows' order. (Asking SQLAlchemy to
    sort them instead makes it insert one row per statement on SQLite.)
    """
    if not rows:
        return []
    table = cast(Table, model.__table__)
    assert table.dialect_options["sqlite"]["autoincrement"], table.name
    # A row checked as a model's values carries unset what the checker never fills (its version
    # stamp, columns added since, such as an item's meeting point): the table's defaults give
    # them their first value, as they would to an ORM object.
    defaulted = STAMP_COLUMNS | {
        c.name
        for c in table.columns
        if not c.nullable and (c.default is not None or c.server_default is not None)
    }
    rows = [{k: v for k, v in row.items() if not (k in defaulted and v is None)} for row in rows]
    ids = sorted(session.scalars(insert(table).returning(table.c.id), rows))
    if len(ids) != len(rows):
        raise RuntimeError(f"{len(rows)} rows inserted into {table.name}, {len(ids)} ids back")
    return ids


def insert_links(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert rows of a link table (no ids to return) in one executemany."""
    if rows:
        session.execute(insert(table), rows)

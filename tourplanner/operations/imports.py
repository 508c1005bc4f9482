"""Imports as operations: one undo step each, so undo never walks past an import into ids
that belong to it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tourplanner.interchange.report import ImportReport
from tourplanner.operations.operation import Session
from tourplanner.operations.rows import BulkChange

# What each import may write (people imports add organizations and groups they name).
PEOPLE_TABLES: tuple[str, ...] = ("organizations", "groups", "people", "group_members")
PEOPLE_TABLES += ("travel_segments", "travellers")
EVENT_TABLES = ("programmes", "venues", "rooms", "people", "items", "participations")

Progress = Callable[[int, int], None]  # (done, of), called on the importer's thread


def import_people(path: Path, **options: object) -> BulkChange:
    """`tourplanner.interchange.people_import.import_people` as one undoable step."""
    from tourplanner.interchange.people_import import import_people as run

    def change(session: Session) -> ImportReport:
        return run(session, path, **options)  # type: ignore[arg-type]

    return BulkChange(f"Import people from {path.name}", PEOPLE_TABLES, change)


def import_calendar(
    data: bytes,
    name: str,
    *,
    programme_id: int,
    skip_invalid: bool = False,
    progress: Progress | None = None,
) -> BulkChange:
    from tourplanner.interchange.ics_import import import_ics

    def change(session: Session) -> ImportReport:
        return import_ics(
            session, data, programme_id=programme_id, skip_invalid=skip_invalid, progress=progress
        )

    return BulkChange(f"Import the calendar {name}", EVENT_TABLES, change)


def import_schedule(
    data: bytes,
    name: str,
    *,
    programme: str | None,
    skip_invalid: bool = False,
    progress: Progress | None = None,
) -> BulkChange:
    from tourplanner.interchange.schedule_import import import_schedule as run

    def change(session: Session) -> ImportReport:
        return run(session, data, programme=programme, skip_invalid=skip_invalid, progress=progress)

    return BulkChange(f"Import the schedule {name}", EVENT_TABLES, change)

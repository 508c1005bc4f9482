"""The plan file is sacred: created at head, upgraded with a backup, foreign files untouched."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from tourplanner.db import PlanFile, migrate
from tourplanner.errors import PlanFileError, ValidationError
from tourplanner.services import items, itinerary, plans, programmes, venues

from ..conftest import committed_rows  # noqa: TID252 - the suite's one helper

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def stored_revision(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        conn.close()


def test_new_file_is_at_head_with_wal_and_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "new.tourplan"
    with PlanFile.create(path) as plan:
        with plan.transaction() as s:
            plans.create_plan(s, title="New", home_timezone="Europe/Berlin")
        with plan.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 10000
            # a large plan stays in the page cache (32 MiB, counted in KiB when negative)
            assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == -32768
        assert plan.integrity_ok()
    assert stored_revision(path) == migrate.head_revision()


def test_create_refuses_to_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "exists.tourplan"
    path.write_bytes(b"precious")
    with pytest.raises(PlanFileError, match="already exists"):
        PlanFile.create(path)
    assert path.read_bytes() == b"precious"


def test_old_file_is_backed_up_then_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.tourplan"
    shutil.copy(FIXTURES / "plan-0001.tourplan", path)
    original = digest(path)
    with PlanFile.open(path) as plan:
        backup = plan.backup_path
        with plan.reading() as s:
            plan_row = plans.get_plan(s)
            assert plan_row.title == "Study tour 2014"
            assert plan_row.travel_minutes_same_city == 30  # the column 0002 added
            views = itinerary.programme_items(s, 1)
            assert [v.title_local for v in views] == ["瘦西湖游船"]
            assert views[0].start_utc == datetime(2014, 5, 11, 1, 0, tzinfo=UTC)
            roster = itinerary.tour_roster(s, 1)
            assert [(e.person.name_local, e.role) for e in roster.entries] == [("李伟", "leading")]
        with plan.transaction() as s:  # and it is writable at the new schema
            venues.set_travel_time(
                s, 1, venues.create_venue(s, name_en="Ge Garden", timezone="Asia/Shanghai"), 15
            )
    assert stored_revision(path) == migrate.head_revision()
    assert backup is not None and backup.exists()
    assert backup.name.startswith("old.tourplan.backup-0001-")
    assert stored_revision(backup) == "0001"
    assert digest(FIXTURES / "plan-0001.tourplan") == original  # the fixture itself untouched
    with PlanFile.open(path) as again:  # already at head: no second backup
        assert again.backup_path is None


def test_file_from_a_newer_version_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "future.tourplan"
    with PlanFile.create(path) as plan, plan.transaction() as s:
        plans.create_plan(s, title="Future", home_timezone="UTC")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(PlanFileError, match="newer version of TourPlanner"):
        PlanFile.open(path)
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["future.tourplan"]


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (os.urandom(4096), "not a TourPlanner plan"),
        (b"", "not a TourPlanner plan"),
        (b"SQLite format 3\x00" + os.urandom(200), "damaged"),
    ],
    ids=["random-bytes", "empty", "truncated-header"],
)
def test_non_plan_files_are_refused_and_left_byte_for_byte(
    tmp_path: Path, content: bytes, words: str
) -> None:
    path = tmp_path / "bad.tourplan"
    path.write_bytes(content)
    with pytest.raises(PlanFileError, match=words):
        PlanFile.open(path)
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.tourplan"]


def test_truncated_plan_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "cut.tourplan"
    shutil.copy(FIXTURES / "plan-0001.tourplan", path)
    data = path.read_bytes()[: 4096 * 3]
    path.write_bytes(data)
    with pytest.raises(PlanFileError):
        PlanFile.open(path)
    assert path.read_bytes() == data


def test_foreign_sqlite_database_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "contacts.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('Li Wei', '+86 10 1234 5678')")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(PlanFileError, match="not a TourPlanner plan"):
        PlanFile.open(path)
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["contacts.db"]


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(PlanFileError, match="does not exist"):
        PlanFile.open(tmp_path / "nope.tourplan")
    with pytest.raises(PlanFileError, match="is not a file"):
        PlanFile.open(tmp_path)
    with pytest.raises(PlanFileError, match="does not exist"):
        PlanFile.create(tmp_path / "no-such-folder" / "x.tourplan")


def test_a_failed_operation_leaves_nothing_behind(plan_file) -> None:
    """Half of an operation succeeds, then a later step fails: none of it reaches the file."""
    with plan_file.transaction() as s:
        venue = venues.create_venue(s, name_en="Hall", timezone="Asia/Shanghai")
    with pytest.raises(ValidationError), plan_file.transaction() as s:
        prog = programmes.create_programme(
            s,
            title_en="Tour",
            kind="study_tour",
            start_date=date(2015, 4, 16),
            end_date=date(2015, 4, 18),
            timezone="Asia/Shanghai",
        )
        items.create_item(
            s,
            programme_id=prog,
            title_en="Visit",
            venue_id=venue,
            start=datetime(2015, 4, 16, 9),
            end=datetime(2015, 4, 16, 11),
        )
        items.create_item(
            s,
            programme_id=prog,
            title_en="",
            venue_id=venue,
            start=datetime(2015, 4, 16, 12),
            end=datetime(2015, 4, 16, 13),
        )
    # Read through a connection of its own, not the writer's session.
    assert committed_rows(plan_file, "SELECT count(*) FROM programmes") == [(0,)]
    assert committed_rows(plan_file, "SELECT count(*) FROM items") == [(0,)]
    assert committed_rows(plan_file, "SELECT count(*) FROM venues") == [(1,)]


def test_committed_operation_is_on_disk_when_the_call_returns(plan_file) -> None:
    with plan_file.transaction() as s:
        venues.create_venue(
            s, name_en="Forbidden City", name_local="故宫博物院", timezone="Asia/Shanghai"
        )
    assert committed_rows(plan_file, "SELECT name_local FROM venues") == [("故宫博物院",)]


def test_schema_made_by_migrations_matches_the_models(plan_file) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from tourplanner.models import Base

    with plan_file.engine.connect() as conn:
        diff = compare_metadata(
            MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata
        )
    assert diff == []


def test_save_a_copy(plan_file, engine, tmp_path: Path) -> None:
    with plan_file.transaction() as s:
        venues.create_venue(s, name_en="Ge Garden", name_local="个园", timezone="Asia/Shanghai")
    copy = tmp_path / "copy.tourplan"
    plan_file.save_copy(copy)
    with PlanFile.open(copy) as again, again.reading() as s:
        assert [v.name_local for v in venues.list_venues(s)] == ["个园"]
    with pytest.raises(PlanFileError, match="already exists"):
        plan_file.save_copy(copy)
    if engine == "sqlite":  # a team plan's URL is no file to copy onto
        with pytest.raises(PlanFileError, match="another file"):
            plan_file.save_copy(plan_file.path)


def test_the_known_revisions_are_the_migration_scripts() -> None:
    # Opening a plan compares against migrate.REVISIONS without loading Alembic; a migration
    # added without its id there would leave new files unrecognised.
    assert migrate.known_revisions() == migrate.script_revisions()

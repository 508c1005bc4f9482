"""Ids are never reused (AUTOINCREMENT, migration 0004): a deleted row's id stays its own."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tourplanner.db import PlanFile
from tourplanner.models import Base
from tourplanner.services import people

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
NEVER_REUSED = {
    "organizations",
    "groups",
    "venues",
    "rooms",
    "programmes",
    "people",
    "items",
    "travel_segments",
    "travellers",
    "participations",
}
# Born with AUTOINCREMENT in migration 0006 (protocol): no rows of theirs in older files.
PROTOCOL_TABLES = {"seating_plans", "seats", "gifts"}
# Operations (migration 0010): created with AUTOINCREMENT from the start.
OPERATIONS_TABLES = {"room_bookings", "vehicles", "vehicle_seats", "assignments"}


def autoincrement_tables(path: Path) -> set[str]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?immutable=1", uri=True)
    try:
        rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'")
        return {name for name, sql in rows if "AUTOINCREMENT" in (sql or "")}
    finally:
        conn.close()


@pytest.mark.sqlite_only(
    reason="reads SQLite's AUTOINCREMENT in the file's schema; PostgreSQL sequences never hand an id out twice"
)
def test_new_plans_and_the_models_never_reuse_ids(plan_file) -> None:
    assert (
        autoincrement_tables(plan_file.path) == NEVER_REUSED | PROTOCOL_TABLES | OPERATIONS_TABLES
    )
    declared = {t.name for t in Base.metadata.sorted_tables if t.kwargs.get("sqlite_autoincrement")}
    assert declared == NEVER_REUSED | PROTOCOL_TABLES | OPERATIONS_TABLES


def test_a_deleted_persons_id_is_not_given_to_a_newcomer_from_an_import(
    plan_file, tmp_path: Path
) -> None:
    with plan_file.transaction() as s:
        people.create_person(s, name_latin="Anna Berg")
        last = people.create_person(s, name_latin="Ben Ortiz")
    with plan_file.transaction() as s:
        people.delete_person(s, last)
    plan_file.close()
    csv = tmp_path / "x.csv"
    csv.write_text("Name,Email\nNew Comer,new@example.org\n", "utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "tourplanner", "import", "people", str(plan_file.path), str(csv)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    with PlanFile.open(plan_file.path, read_only=True) as plan, plan.reading() as s:
        newcomer = next(p.id for p in people.list_people(s) if p.name_latin == "New Comer")
    assert newcomer == last + 1


def test_an_old_file_is_upgraded_to_ids_never_reused(tmp_path: Path) -> None:
    path = tmp_path / "old.tourplan"
    shutil.copy(FIXTURES / "plan-0001.tourplan", path)
    assert autoincrement_tables(path) == set()
    with PlanFile.open(path) as plan:
        with plan.reading() as s:
            [person] = people.list_people(s)
            assert person.name_local == "李伟"
            kept_id = person.id
        with plan.transaction() as s:
            people.delete_person(s, kept_id)
        with plan.transaction() as s:
            newcomer = people.create_person(s, name_latin="Zhang Min")
    assert newcomer == kept_id + 1
    assert autoincrement_tables(path) == NEVER_REUSED | PROTOCOL_TABLES | OPERATIONS_TABLES
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()


@pytest.mark.parametrize("table", sorted(NEVER_REUSED - {"travellers"}))  # travellers: 0005
def test_every_such_table_keeps_its_rows_and_links_through_the_upgrade(
    tmp_path: Path, table: str
) -> None:
    path = tmp_path / "old.tourplan"
    shutil.copy(FIXTURES / "plan-0001.tourplan", path)
    conn = sqlite3.connect(path)
    before = conn.execute(f'SELECT * FROM "{table}" ORDER BY id').fetchall()
    # The columns the old file had (later migrations may add columns, e.g. items.rdates).
    columns = ", ".join(f'"{row[1]}"' for row in conn.execute(f'PRAGMA table_info("{table}")'))
    conn.close()
    PlanFile.open(path).close()
    conn = sqlite3.connect(path)
    try:
        query = f'SELECT {columns} FROM "{table}" ORDER BY id'
        assert conn.execute(query).fetchall() == before
    finally:
        conn.close()

"""The bulk writer writes a value every row shares (NULL, an integer, the empty text) into the
INSERT itself instead of binding it once per row: the rows it stores must be exactly those an
ORM insert of the same values stores, value and SQLite storage class alike, and a shared value
of any other kind (a quote in it, a datetime) is still bound."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from statements import statements_during

from tourplanner.db import PlanFile
from tourplanner.interchange.importing import insert_link_columns, insert_rows
from tourplanner.models import Group, Organization, Person
from tourplanner.models.organization import group_members

COMPARED = ("name_latin", "name_local", "organization_id", "role", "email", "notes", "version")


@pytest.fixture
def plan(tmp_path: Path) -> PlanFile:
    plan = PlanFile.create(tmp_path / "shared.tourplan")
    yield plan
    plan.close()


def an_organization(plan: PlanFile) -> int:
    with plan.transaction() as s:
        org = Organization(name_en="Org")
        s.add(org)
        s.flush()
        return org.id


def stored(plan: PlanFile, ids: list[int]) -> list[tuple[Any, ...]]:
    """Each person's compared columns as SQLite holds them: (typeof, value) per column."""
    cells = ", ".join(f"typeof({c}), {c}" for c in COMPARED)
    marks = ", ".join("?" * len(ids))
    with plan.transaction() as s:
        sql = f"SELECT {cells} FROM people WHERE id IN ({marks}) ORDER BY id"
        return [tuple(r) for r in s.connection().exec_driver_sql(sql, tuple(ids))]


def test_shared_values_are_stored_as_an_orm_insert_stores_them(plan: PlanFile) -> None:
    org_id = an_organization(plan)
    shapes = [
        # organization_id one integer, notes and name_local the empty text in every row
        [
            {"name_latin": f"P{k}", "organization_id": org_id, "notes": "", "name_local": ""}
            for k in range(4)
        ],
        # organization_id NULL in every row, a shared text with a quote in it
        [{"name_latin": f"Q{k}", "organization_id": None, "notes": "O'Brien's"} for k in range(3)],
        # mixed: an integer and a NULL, texts that differ
        [
            {"name_latin": "R0", "organization_id": org_id, "notes": ""},
            {"name_latin": "R1", "organization_id": None, "notes": "x"},
        ],
    ]
    firsts = []
    for rows in shapes:
        with plan.transaction() as s:
            bulk = insert_rows(s, Person, rows)
        with plan.transaction() as s:
            made = [Person(**row) for row in rows]
            s.add_all(made)
            s.flush()
            orm = [p.id for p in made]
        bulk_rows = stored(plan, bulk)
        orm_rows = stored(plan, orm)
        assert bulk_rows == orm_rows
        assert len(bulk_rows) == len(rows)
        pairs = zip(bulk_rows[0][::2], bulk_rows[0][1::2], strict=True)
        firsts.append(dict(zip(COMPARED, pairs, strict=True)))
    # What the shared values became, spelled out: '' stays text, an id an integer, None NULL.
    assert firsts[0]["organization_id"] == ("integer", org_id)
    assert firsts[0]["notes"] == ("text", "") and firsts[0]["name_local"] == ("text", "")
    assert firsts[0]["version"] == ("integer", 1)
    assert firsts[1]["organization_id"] == ("null", None)
    assert firsts[1]["notes"] == ("text", "O'Brien's")


def test_a_column_every_row_shares_is_written_into_the_statement(plan: PlanFile) -> None:
    org_id = an_organization(plan)
    rows = [{"name_latin": f"P{k}", "organization_id": org_id, "notes": ""} for k in range(5)]

    def write() -> None:
        with plan.transaction() as s:
            insert_rows(s, Person, rows)

    inserts = [(sql, p) for sql, p in statements_during(plan, write) if sql.startswith("INSERT")]
    assert len(inserts) == 1
    sql, parameters = inserts[0]
    assert f"{org_id}" in sql.split("VALUES")[1] and "''" in sql.split("VALUES")[1]
    # Bound per row: the names (which differ) and the stamp's time, not the shared columns.
    assert len(parameters) == 5
    assert all(f"P{k}" in row for k, row in enumerate(parameters))
    assert all(org_id not in row and "" not in row for row in parameters)


def test_rows_whose_every_column_is_shared_are_all_written(plan: PlanFile) -> None:
    with plan.transaction() as s:
        group = Group(name="Team")
        person = Person(name_latin="Solo")
        s.add_all([group, person])
        s.flush()
        group_id, person_id = group.id, person.id
    with plan.transaction() as s:
        insert_link_columns(s, group_members, {"group_id": [group_id], "person_id": [person_id]})
    with plan.transaction() as s:
        got = (
            s.connection()
            .exec_driver_sql(
                "SELECT typeof(group_id), group_id, typeof(person_id), person_id FROM group_members"
            )
            .all()
        )
    assert [tuple(r) for r in got] == [("integer", group_id, "integer", person_id)]


def test_a_refused_shared_value_still_writes_nothing(plan: PlanFile) -> None:
    """A literal the database refuses (an organization that is not there) fails the insert as a
    bound one would: the whole batch, nothing written."""
    rows = [{"name_latin": f"P{k}", "organization_id": 999_999} for k in range(3)]
    with pytest.raises(Exception, match="FOREIGN KEY"), plan.transaction() as s:
        insert_rows(s, Person, rows)
    with plan.transaction() as s:
        left = s.connection().exec_driver_sql("SELECT count(*) FROM people").scalar()
    assert left == 0

"""The people import writes in bulk: a few statements for any number of rows, no savepoint per
row, and the same outcome as row-by-row writing (ids, organizations, groups, in-file matches)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from sqlalchemy import func, select
from statements import verbs_during

from tourplanner.db import PlanFile
from tourplanner.interchange.people_import import import_people
from tourplanner.interchange.report import ImportRefused
from tourplanner.models import Group, Organization, Person
from tourplanner.operations import imports
from tourplanner.services import organizations, people


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def delegates(n: int) -> list[list[str]]:
    rows = [["Name", "Email", "Organization", "Group", "Role"]]
    for k in range(n):
        rows.append(
            [f"Person {k}", f"p{k}@example.org", f"Org {k % 7}", f"Team {k % 3}", "speaker"]
        )
    return rows


def test_a_big_import_takes_a_few_statements_and_one_savepoint(
    plan_file: PlanFile, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "big.csv", delegates(1_200))

    def run() -> None:
        with plan_file.transaction() as s:
            assert import_people(s, path).added == 1_200

    seen = verbs_during(plan_file, run)
    assert seen.count("SAVEPOINT") == 1
    assert len(seen) < 40, seen  # row by row it was over 3,000
    with plan_file.reading() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == 1_200
        assert s.scalar(select(func.count()).select_from(Organization)) == 7
        team = organizations.find_group(s, "Team 1")
        assert len(team.members) == 400
        p5 = people.find_person(s, "p5@example.org")
        assert (p5.name_latin, p5.role, p5.organization.name_en) == ("Person 5", "speaker", "Org 5")
        assert [g.name for g in p5.groups] == ["Team 2"]


def test_ids_follow_the_rows_and_are_never_reused(plan_file: PlanFile, tmp_path: Path) -> None:
    with plan_file.transaction() as s:
        gone = people.create_person(s, name_latin="Gone")
        people.delete_person(s, gone)
    path = write_csv(tmp_path / "p.csv", delegates(30))
    with plan_file.transaction() as s:
        import_people(s, path)
    with plan_file.reading() as s:
        rows = s.execute(select(Person.id, Person.name_latin).order_by(Person.id)).all()
    assert [name for _, name in rows] == [f"Person {k}" for k in range(30)]
    assert rows[0][0] == gone + 1


def test_a_later_row_matching_one_added_earlier_updates_it(
    plan_file: PlanFile, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "p.csv",
        [
            ["Name", "Email", "Organization", "Phone", "Group"],
            ["Ann Lee", "ann@example.org", "New Org", "", "A"],
            ["ann lee", "", "new org", "+1 202", "B"],
        ],
    )
    with plan_file.transaction() as s:
        report = import_people(s, path)
    assert (report.added, report.updated) == (1, 1)
    with plan_file.reading() as s:
        (ann,) = people.list_people(s)
        assert (ann.email, ann.phone, ann.organization.name_en) == (
            "ann@example.org",
            "+1 202",
            "New Org",
        )
        assert [g.name for g in ann.groups] == ["A", "B"]


def test_a_bad_last_row_writes_nothing(plan_file: PlanFile, tmp_path: Path) -> None:
    rows = delegates(500) + [["Bad Row", "not-an-email", "Org 1", "Team 9", "speaker"]]
    path = write_csv(tmp_path / "bad.csv", rows)
    with pytest.raises(ImportRefused) as refused, plan_file.transaction() as s:
        import_people(s, path)
    assert "row 502: 'not-an-email' is not a valid email address" in refused.value.report.text()
    with plan_file.reading() as s:
        for model in (Person, Organization, Group):
            assert s.scalar(select(func.count()).select_from(model)) == 0


def test_too_long_values_give_the_services_messages(plan_file: PlanFile, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "long.csv",
        [["Name", "Phone", "Organization", "Country"], ["Ann", "9" * 51, "X", ""]]
        + [["Bo", "", "Y", "C" * 101]],
    )
    with pytest.raises(ImportRefused) as refused, plan_file.transaction() as s:
        import_people(s, path)
    text = refused.value.report.text()
    assert "row 2: phone: is too long (51 characters, at most 50)" in text
    assert "row 3: country: is too long (101 characters, at most 100)" in text
    with plan_file.transaction() as s, pytest.raises(Exception, match="phone: is too long"):
        people.create_person(s, name_latin="Ann", phone="9" * 51)


def test_the_bulk_import_undoes_and_redoes_as_one_step(plan_file: PlanFile, tmp_path: Path) -> None:
    with plan_file.transaction() as s:
        kept = people.create_person(s, name_latin="Person 3", email="p3@example.org")
    path = write_csv(tmp_path / "p.csv", delegates(50))
    step = imports.import_people(path)
    with plan_file.transaction() as s:
        step.do(s)
    assert (step.result.added, step.result.updated) == (49, 1)

    def state() -> tuple[int, int, list[str]]:
        with plan_file.reading() as s:
            n = s.scalar(select(func.count()).select_from(Person)) or 0
            g = s.scalar(select(func.count()).select_from(Group)) or 0
            return n, g, [grp.name for grp in people.get_person(s, kept).groups]

    assert state() == (50, 3, ["Team 0"])
    with plan_file.transaction() as s:
        step.undo(s)
    assert state() == (1, 0, [])
    with plan_file.transaction() as s:
        step.do(s)
    assert state() == (50, 3, ["Team 0"])


def test_imported_rows_carry_the_version_and_author_an_orm_write_gives(
    plan_file: PlanFile, tmp_path: Path
) -> None:
    """Bulk-written rows are stamped as rows written through the ORM are: version 1 and who
    wrote them when; an update counts the version up and stamps it again."""
    plan_file.author = "Li Na"

    def stamps(model, where) -> set[tuple]:  # noqa: ANN001
        """The (version, author, operation) of the model's rows matching `where`."""
        columns = (model.version, model.changed_by, model.changed_what)
        with plan_file.reading() as s:
            return {tuple(row) for row in s.execute(select(*columns).where(where))}

    with plan_file.transaction() as s:
        by_hand = people.create_person(s, name_latin="By Hand", email="hand@example.org")
        hand_org = organizations.create_organization(s, name_en="Hand Org")
    path = write_csv(tmp_path / "p.csv", delegates(20))
    with plan_file.transaction() as s:
        import_people(s, path)
    orm_person = stamps(Person, Person.id == by_hand)
    assert orm_person == {(1, "Li Na", "")}
    assert stamps(Person, Person.id != by_hand) == orm_person
    assert stamps(Organization, Organization.id != hand_org) == stamps(
        Organization, Organization.id == hand_org
    )
    assert stamps(Group, Group.id > 0) == {(1, "Li Na", "")}
    with plan_file.reading() as s:
        assert None not in set(s.scalars(select(Person.changed_at)))
        first = s.scalar(select(Person.changed_at).where(Person.email == "p3@example.org"))

    plan_file.author = "Sarah Mitchell"
    changed = delegates(20)
    changed[4][2] = "Org 6"  # p3 moves to another organization
    with plan_file.transaction() as s:
        assert import_people(s, write_csv(tmp_path / "p2.csv", changed)).updated == 1
    assert stamps(Person, Person.email == "p3@example.org") == {(2, "Sarah Mitchell", "")}
    assert stamps(Person, Person.email == "p4@example.org") == {(1, "Li Na", "")}
    with plan_file.reading() as s:
        assert s.scalar(select(Person.changed_at).where(Person.email == "p3@example.org")) > first


def test_undoing_a_big_import_takes_a_few_statements_and_restores_what_it_changed(
    plan_file: PlanFile, tmp_path: Path
) -> None:
    with plan_file.transaction() as s:
        kept = people.create_person(s, name_latin="Person 3", email="p3@example.org")
    step = imports.import_people(write_csv(tmp_path / "big.csv", delegates(1_200)))
    with plan_file.transaction() as s:
        step.do(s)
    with plan_file.reading() as s:
        assert people.get_person(s, kept).role == "speaker"

    def undo() -> None:
        with plan_file.transaction() as s:
            step.undo(s)

    seen = verbs_during(plan_file, undo)
    assert seen.count("DELETE") <= 4 and seen.count("UPDATE") <= 1, seen  # a statement a row before
    assert len(seen) < 40, seen
    with plan_file.reading() as s:
        for model, left in ((Person, 1), (Organization, 0), (Group, 0)):
            assert s.scalar(select(func.count()).select_from(model)) == left
        person = people.get_person(s, kept)
        assert (person.role, person.organization, person.groups) == ("delegate", None, [])


def _tables(plan: PlanFile) -> dict[str, list[tuple]]:
    """Every row the people import writes, without the time it was written."""
    from tourplanner.models import group_members

    out = {}
    with plan.reading() as s:
        for model in (Organization, Group, Person):
            columns = [c for c in model.__table__.columns if c.name != "changed_at"]
            out[model.__tablename__] = [
                tuple(r) for r in s.execute(select(*columns).order_by("id"))
            ]
        out["group_members"] = sorted(tuple(r) for r in s.execute(select(group_members)))
    return out


def test_a_table_of_new_people_is_written_as_row_by_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A table whose every row is a new person goes column by column; the row-by-row path
    (taken when a row may match someone) writes and reports the very same."""
    from tourplanner.interchange import people_import
    from tourplanner.services import plans

    rows = [["Name", "Email", "Organization", "Org (local)", "Country", "Group", "Role"]]
    rows[0] += ["Arrival", "Notes"]
    for k in range(60):
        rows.append(
            [
                ["Ada Lovelace", "张伟", "Wei Zhang"][k % 3] + f" {k}",
                f"p{k}@example.org" if k % 4 else "",
                ["ICMA", "icma", "", "Org B"][k % 4],
                ["", "国际会议协会", "", ""][k % 4],
                ["CN", "US", "", "FR"][k % 4],
                ["Team A; Team B", "team a", "", "甲、乙"][k % 4],
                ["speaker", "", "Tour guide", "嘉宾"][k % 4],
                "2015-04-20 14:30" if k % 5 == 0 else "",
                "quiet room" if k % 6 == 0 else "",
            ]
        )
    path = write_csv(tmp_path / "p.csv", rows)

    def run(name: str) -> tuple:
        with PlanFile.create(tmp_path / f"{name}.tourplan") as plan:
            with plan.transaction() as s:
                plans.create_plan(s, title="T", home_timezone="Asia/Shanghai", organization="O")
                organizations.create_organization(s, name_en="Org B", country="DE")
                organizations.create_group(s, name="Team B")
            with plan.transaction() as s:
                report = import_people(s, path, group="Everyone")
            return report.text(), report.outcomes, report.preview, _tables(plan)

    taken: list[bool] = []
    all_new = people_import._Importer._all_new

    def watched(self, table) -> bool:  # noqa: ANN001
        taken.append(all_new(self, table))
        return taken[-1]

    monkeypatch.setattr(people_import._Importer, "_all_new", watched)
    by_columns = run("columns")
    assert taken == [True]
    monkeypatch.setattr(people_import._Importer, "_all_new", lambda self, table: False)
    by_rows = run("rows")
    assert by_columns == by_rows
    people_rows, members = by_rows[3]["people"], by_rows[3]["group_members"]
    assert len(people_rows) == 60 and by_rows[1]["row 61"] == "added"
    assert len(members) == 60 + 30 + 15 + 30  # Everyone; Team A and B; team a; 甲 and 乙


def test_a_match_or_a_problem_takes_the_rows_one_by_one(
    plan_file: PlanFile, tmp_path: Path
) -> None:
    """An email already in the plan updates that person; a bad last row refuses it all."""
    with plan_file.transaction() as s:
        people.create_person(s, name_latin="Old Name", email="p3@example.org")
    path = write_csv(tmp_path / "p.csv", delegates(10))
    with plan_file.transaction() as s:
        report = import_people(s, path)
    assert (report.added, report.updated) == (9, 1)
    bad = delegates(10) + [["Late", "not-an-email", "Org 1", "Team 1", "speaker"]]
    with pytest.raises(ImportRefused), plan_file.transaction() as s:
        import_people(s, write_csv(tmp_path / "bad.csv", bad))
    with plan_file.reading() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == 10

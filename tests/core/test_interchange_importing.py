"""The one savepoint every import writes in: kept for a clean run, rolled back otherwise."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import func, select

from tourplanner.db import PlanFile
from tourplanner.interchange.importing import import_savepoint
from tourplanner.interchange.report import ImportRefused, ImportReport
from tourplanner.models import Person
from tourplanner.services import people


@pytest.fixture
def plan(tmp_path) -> Iterator[PlanFile]:
    with PlanFile.create(tmp_path / "plan.tourplan") as plan:
        with plan.transaction() as session:
            people.create_person(session, name_latin="Already There")
        yield plan


def names(plan: PlanFile) -> list[str]:
    with plan.reading() as session:
        return list(session.scalars(select(Person.name_latin).order_by(Person.id)))


def run(plan: PlanFile, *, dry_run=False, skip_invalid=False, error=False) -> ImportReport:
    """An import of one person through the context; with `error`, one row is refused too."""
    report = ImportReport("people", dry_run=dry_run)
    options = {"dry_run": dry_run, "skip_invalid": skip_invalid}
    with plan.transaction() as session, import_savepoint(session, report, **options):
        people.create_person(session, name_latin="New Person")
        report.record("row 2", "added", title="New Person")
        if error:
            report.refuse("row 3", "no name (the name columns are empty)")
    return report


def test_a_clean_run_is_kept(plan) -> None:
    report = run(plan)
    assert names(plan) == ["Already There", "New Person"]
    assert report.summary() == "people: 1 added, 0 updated, 0 unchanged, 0 skipped"


def test_a_dry_run_reports_and_writes_nothing(plan) -> None:
    report = run(plan, dry_run=True)
    assert names(plan) == ["Already There"]
    assert report.summary() == "people: would be 1 added, 0 updated, 0 unchanged, 0 skipped"


def test_an_error_refuses_with_the_report_and_writes_nothing(plan) -> None:
    with pytest.raises(ImportRefused, match="1 problem") as refused:
        run(plan, error=True)
    assert [str(p) for p in refused.value.report.errors] == [
        "row 3: no name (the name columns are empty)"
    ]
    assert names(plan) == ["Already There"]


def test_a_dry_run_with_errors_reports_them_without_refusing(plan) -> None:
    report = run(plan, dry_run=True, error=True)
    assert len(report.errors) == 1 and report.outcomes == {"row 2": "added", "row 3": "skipped"}
    assert names(plan) == ["Already There"]


def test_skip_invalid_keeps_the_good_rows(plan) -> None:
    report = run(plan, skip_invalid=True, error=True)
    assert len(report.errors) == 1
    assert names(plan) == ["Already There", "New Person"]


def test_a_failure_inside_rolls_back_the_import_and_goes_on(plan) -> None:
    report = ImportReport("people")
    with plan.transaction() as session:
        with pytest.raises(KeyError), import_savepoint(session, report, dry_run=False):
            people.create_person(session, name_latin="Half Written")
            raise KeyError("boom")
        people.create_person(session, name_latin="Written After")  # the caller's own work
    assert names(plan) == ["Already There", "Written After"]


def test_a_swallowed_refusal_still_leaves_nothing_written(plan) -> None:
    """The savepoint is rolled back before the refusal is raised: a caller that catches it and
    commits its own transaction anyway commits nothing of the import."""
    report = ImportReport("people")
    with plan.transaction() as session:
        try:
            with import_savepoint(session, report, dry_run=False):
                people.create_person(session, name_latin="Refused")
                report.error("row 2", "bad row")
        except ImportRefused:
            pass
        assert session.scalar(select(func.count()).select_from(Person)) == 1
    assert names(plan) == ["Already There"]


def test_too_many_errors_says_so_once_past_the_limit() -> None:
    report = ImportReport("calendar events")
    for n in range(50):
        report.refuse(f"line {n}", "cannot read the event")
        assert not report.too_many_errors()
    report.refuse("line 50", "cannot read the event")
    assert report.too_many_errors()
    assert str(report.errors[-1]) == "too many problems; the rest are not listed"
    assert len(report.errors) == 52 and report.outcomes["line 50"] == "skipped"

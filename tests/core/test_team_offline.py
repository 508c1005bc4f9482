"""Publish, take offline, edit on both sides, bring back: through the real `tourplanner`
commands, on a real PostgreSQL server; one conflict decided each way."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tourplanner.cli import main
from tourplanner.db import PlanFile
from tourplanner.db.teamplan import TeamPlan
from tourplanner.models import Item, Person
from tourplanner.services import items, people

from ..conftest import new_team_database  # noqa: TID252 - the suite's one helper


@pytest.fixture
def published(team_server, demo_template: Path) -> str:  # noqa: ANN001
    url = new_team_database(team_server)
    assert main(["publish", str(demo_template), url]) == 0
    return url


def titled(plan, prefix: str) -> int:  # noqa: ANN001
    with plan.reading() as s:
        return next(i.id for i in items.list_items(s) if i.title_en.startswith(prefix))


def title(plan, item_id: int) -> str:  # noqa: ANN001
    with plan.reading() as s:
        return s.get(Item, item_id).title_en


def edit_both_sides(url: str, copy: Path) -> tuple[int, int, int, int]:
    """Offline: rename two items, move a third, add a person. On the team plan meanwhile:
    rename the same two items differently, and add a person too."""
    with PlanFile.open(copy) as mine, TeamPlan.open(url) as theirs:
        theirs.author = "Li Na"
        first, second = titled(mine, "Keynote"), titled(mine, "Welcome dinner")
        third = titled(mine, "Breakfast")
        with mine.transaction() as s:
            items.update_item(s, first, title_en="Keynote (offline)")
            items.update_item(s, second, title_en="Welcome dinner (offline)")
            start = items.span(s, third)[0]
            items.move_item(s, third, start + timedelta(minutes=30))
            offline_person = people.create_person(s, name_latin="Made Offline")
        with theirs.transaction() as s:
            items.update_item(s, first, title_en="Keynote (team)")
            items.update_item(s, second, title_en="Welcome dinner (team)")
            people.create_person(s, name_latin="Made Online")
    return first, second, third, offline_person


def test_take_offline_edit_both_sides_and_bring_back_deciding_each_way(
    published: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "offline.tourplan"
    assert main(["take-offline", published, str(copy)]) == 0
    first, second, third, offline_person = edit_both_sides(published, copy)
    capsys.readouterr()

    # Undecided: both conflicts listed by name, nothing written.
    assert main(["bring-back", str(copy)]) == 2
    err = capsys.readouterr().err
    assert f"items:{first}: changed offline, changed on the team plan meanwhile" in err
    assert f"items:{second}:" in err
    with TeamPlan.open(published) as team:
        assert title(team, first) == "Keynote (team)"
        with team.reading() as s:
            assert s.scalar(select(func.count()).where(Person.name_latin == "Made Offline")) == 0

    code = main(
        ["bring-back", str(copy), "--mine", f"items:{first}", "--theirs", f"items:{second}"]
    )
    assert code == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    assert "brought back" in out and "backup-bring-back" in out
    with TeamPlan.open(published) as team, team.reading() as s:
        assert s.get(Item, first).title_en == "Keynote (offline)"  # keep mine
        assert s.get(Item, second).title_en == "Welcome dinner (team)"  # keep theirs
        with PlanFile.open(copy, read_only=True) as mine, mine.reading() as m:
            assert s.get(Item, third).start_utc == m.get(Item, third).start_utc  # no conflict
        made = s.get(Person, offline_person)
        assert made is not None and made.name_latin == "Made Offline"  # its offline id kept
        assert s.scalar(select(func.count()).where(Person.name_latin == "Made Online")) == 1
        assert s.get(Item, first).version > 2

    # Once is enough: a second bring-back is refused.
    assert main(["bring-back", str(copy), "--keep", "mine"]) == 2
    assert "was brought back already" in capsys.readouterr().err


def test_the_backup_taken_before_bring_back_is_the_team_plan_before_it(
    published: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "offline.tourplan"
    assert main(["take-offline", published, str(copy)]) == 0
    first, *_ = edit_both_sides(published, copy)
    assert main(["bring-back", str(copy), "--keep", "mine"]) == 0
    backup = Path(capsys.readouterr().out.rsplit("the team plan before it: ", 1)[1].strip())
    with PlanFile.open(backup, read_only=True) as saved:
        assert title(saved, first) == "Keynote (team)"  # theirs, safe in the backup


def test_publish_refuses_a_location_that_is_not_a_team_database(
    demo_template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["publish", str(demo_template), str(tmp_path / "x.tourplan")])
    assert exited.value.code == 2
    assert "is not a postgresql:// location" in capsys.readouterr().err


def test_the_reading_commands_and_exports_work_on_a_team_plan(
    published: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from pypdf import PdfReader

    assert main(["info", published]) == 0
    assert "Counts:" in capsys.readouterr().out
    assert main(["check", published]) in (0, 1)
    out = tmp_path / "bob.pdf"
    args = ["export", "itinerary", published, "--person", "Bob O'Neill", "-o", str(out)]
    assert main(args) == 0
    assert "鲍勃·奥尼尔" in PdfReader(out).pages[0].extract_text()
    sheet = tmp_path / "people.csv"
    assert main(["export", "people", published, "-o", str(sheet)]) == 0
    assert "Bob O'Neill" in sheet.read_text(encoding="utf-8-sig")
    calendar = tmp_path / "all.ics"
    assert main(["export", "ics", published, "-o", str(calendar)]) == 0
    assert "BEGIN:VEVENT" in calendar.read_text()


def test_an_import_into_a_team_plan_backs_it_up_first(
    published: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "new.csv"
    sheet.write_text("name_latin,email\nNew Delegate,new@example.org\n", encoding="utf-8")
    assert main(["import", "people", published, str(sheet)]) == 0, capsys.readouterr().err
    with TeamPlan.open(published) as team, team.reading() as s:
        assert s.scalar(select(func.count()).where(Person.name_latin == "New Delegate")) == 1
    from tourplanner.db.backups import data_root

    (backup,) = (data_root() / "backups" / "team").glob("*.backup-import-*.tourplan")
    with PlanFile.open(backup, read_only=True) as saved, saved.reading() as s:
        assert s.scalar(select(func.count()).where(Person.name_latin == "New Delegate")) == 0

"""Team plans on a real PostgreSQL server: two apps on one plan, no edit silently lost,
migrations under the advisory lock, publish keeping ids and uids."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from sqlalchemy import select, text

from tourplanner.db import PlanFile, migrate
from tourplanner.db.teamplan import TeamPlan
from tourplanner.errors import EditConflictError, PlanFileError
from tourplanner.models import Item, Person
from tourplanner.operations import StaleError, versions
from tourplanner.operations import items as item_ops
from tourplanner.services import items
from tourplanner.team.publish import publish

from ..conftest import new_team_database  # noqa: TID252 - the suite's one helper


@pytest.fixture
def team_url(team_server, team_demo_template) -> str:  # noqa: ANN001
    return new_team_database(team_server, team_demo_template)


def two_apps(url: str) -> tuple[TeamPlan, TeamPlan]:
    first, second = TeamPlan.open(url), TeamPlan.open(url)
    first.author, second.author = "Sarah Mitchell", "Li Na"
    return first, second


def keynote(plan: TeamPlan) -> tuple[int, object]:
    with plan.reading() as s:
        found = next(i for i in items.list_items(s) if i.title_en.startswith("Keynote"))
        return found.id, found.start_utc


def test_a_stale_edit_is_refused_naming_who_changed_what(team_url: str) -> None:
    mine, theirs = two_apps(team_url)
    item_id, start = keynote(mine)
    with mine.reading() as s:  # what my view showed when I began the edit
        seen = versions.read(s, [("item", item_id)])
    move = item_ops.move_item(item_id, start + timedelta(hours=1), "Keynote")
    with theirs.transaction() as s:
        item_ops.move_item(item_id, start + timedelta(minutes=30), "Keynote").do(s)
    stale = item_ops.move_item(item_id, start + timedelta(hours=2), "Keynote")
    stale.seen = seen
    with pytest.raises(StaleError) as refused, mine.transaction() as s:
        stale.do(s)
    assert str(refused.value).startswith(
        "'Keynote' was changed since: Li Na did “Move 'Keynote'” just now"
    )
    with mine.reading() as s:  # theirs is kept, mine not written
        assert items.span(s, item_id)[0] == start + timedelta(minutes=30)
    with mine.transaction() as s:  # after a reload (fresh versions) the same edit goes through
        move.do(s)
    mine.close(), theirs.close()


def test_undo_refuses_over_another_persons_change(team_url: str) -> None:
    mine, theirs = two_apps(team_url)
    item_id, start = keynote(mine)
    move = item_ops.move_item(item_id, start + timedelta(minutes=15), "Keynote")
    with mine.transaction() as s:
        move.do(s)
    with theirs.transaction() as s:
        item_ops.set_statuses([item_id], "tentative", "Mark 'Keynote' tentative").do(s)
    refused = pytest.raises(StaleError, match="Li Na did “Mark 'Keynote' tentative”")
    with refused, mine.transaction() as s:
        move.undo(s)
    with mine.reading() as s:
        assert items.span(s, item_id)[0] == start + timedelta(minutes=15)
    mine.close(), theirs.close()


def test_two_writes_of_one_row_at_once_lose_neither_silently(team_url: str) -> None:
    mine, theirs = two_apps(team_url)
    item_id, _ = keynote(mine)
    refused = pytest.raises(EditConflictError, match="someone else changed this record")
    with refused, mine.transaction() as s:
        row = s.get(Item, item_id)  # read at version 1...
        with theirs.transaction() as t:  # ...the other app writes version 2 meanwhile
            t.get(Item, item_id).title_en = "Keynote (theirs)"
        row.title_en = "Keynote (mine)"  # UPDATE ... WHERE version = 1 finds no row
    with mine.reading() as s:
        found = s.get(Item, item_id)
        assert (found.title_en, found.changed_by) == ("Keynote (theirs)", "Li Na")
        assert found.version == 2
    mine.close(), theirs.close()


def test_each_row_written_says_who_and_counts_its_versions(team_url: str) -> None:
    mine, _theirs = two_apps(team_url)
    item_id, start = keynote(mine)
    for minutes in (5, 10):
        with mine.transaction() as s:
            item_ops.move_item(item_id, start + timedelta(minutes=minutes), "Keynote").do(s)
    with mine.reading() as s:
        row = s.get(Item, item_id)
        assert (row.version, row.changed_by, row.changed_what) == (
            3,
            "Sarah Mitchell",
            "Move 'Keynote'",
        )
    mine.close(), _theirs.close()


def test_publish_keeps_ids_and_uids_and_new_ids_come_after(
    demo_template, team_server, tmp_path
) -> None:  # noqa: ANN001
    url = new_team_database(team_server)
    counts = publish(demo_template, url)
    assert counts["items"] > 50
    with PlanFile.open(demo_template, read_only=True) as file, file.reading() as s:
        local = s.execute(select(Item.id, Item.uid).order_by(Item.id)).all()
    with TeamPlan.open(url) as team:
        with team.reading() as s:
            assert s.execute(select(Item.id, Item.uid).order_by(Item.id)).all() == local
        with team.transaction() as s:
            s.add(Person(name_latin="New Comer"))
            s.flush()
            newest = s.scalar(select(Person.id).where(Person.name_latin == "New Comer"))
        with team.reading() as s:
            assert newest == s.scalar(select(Person.id).order_by(Person.id.desc()).limit(1))
            assert newest > max(pid for pid in s.scalars(select(Person.id)) if pid != newest)


def test_publish_into_a_database_that_is_not_empty_is_refused(demo_template, team_url) -> None:  # noqa: ANN001
    with pytest.raises(PlanFileError, match="is not empty"):
        publish(demo_template, team_url)
    with TeamPlan.open(team_url) as team, team.reading() as s:
        assert s.scalar(select(Item.id).limit(1)) is not None  # untouched


def test_an_empty_database_is_named_with_the_command_that_fills_it(team_server) -> None:  # noqa: ANN001
    url = new_team_database(team_server)
    with pytest.raises(PlanFileError, match="is an empty database; `tourplanner publish"):
        TeamPlan.open(url)


def test_a_newer_schema_is_refused_and_left_alone(team_url: str) -> None:
    with TeamPlan.open(team_url) as team, team.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(PlanFileError, match="newer version of TourPlanner \\(schema 9999\\)"):
        TeamPlan.open(team_url)


def test_two_apps_upgrading_an_older_team_plan_at_once_migrate_it_once(team_server) -> None:  # noqa: ANN001
    url = new_team_database(team_server)
    from tourplanner.db import postgresql

    engine = postgresql.make_engine(url)
    migrate.upgrade(engine, "0004")
    engine.dispose()
    opened: list[object] = []

    def open_it() -> None:
        try:
            with TeamPlan.open(url):
                opened.append("ok")
        except Exception as exc:  # noqa: BLE001 - the test reports it below
            opened.append(exc)

    threads = [threading.Thread(target=open_it) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert opened == ["ok", "ok", "ok"]
    with TeamPlan.open(url) as team, team.reading() as s:
        assert (
            s.execute(text("SELECT version_num FROM alembic_version")).scalar()
            == migrate.head_revision()
        )


def wait_for(listener, seconds: float = 2.0) -> list:  # noqa: ANN001
    import select as os_select
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        os_select.select([listener.fileno()], [], [], 0.05)
        found = listener.poll()
        if found:
            return found
    return []


def test_a_commit_is_announced_to_the_other_apps_with_its_author(team_url: str) -> None:
    from tourplanner.team.listener import ChangeListener

    mine, theirs = two_apps(team_url)
    listener = ChangeListener(team_url, sender=mine.sender)
    item_id, start = keynote(mine)
    with theirs.transaction() as s:
        item_ops.move_item(item_id, start + timedelta(minutes=5), "Keynote").do(s)
    (change,) = wait_for(listener)
    assert change.changes.items == frozenset({item_id})
    assert change.sentence() == "Li Na made “Move 'Keynote'”"
    with mine.transaction() as s:  # my own commits are not announced back to me
        item_ops.move_item(item_id, start, "Keynote").do(s)
    assert wait_for(listener, 0.5) == []
    listener.close(), mine.close(), theirs.close()


def test_a_change_rolled_back_is_never_announced(team_url: str) -> None:
    from tourplanner.team.listener import ChangeListener

    mine, theirs = two_apps(team_url)
    listener = ChangeListener(team_url, sender=mine.sender)
    item_id, start = keynote(mine)
    with pytest.raises(RuntimeError), theirs.transaction() as s:
        items.move_item(s, item_id, start + timedelta(minutes=5))
        raise RuntimeError("the user's operation failed half-way")
    assert wait_for(listener, 0.5) == []
    listener.close(), mine.close(), theirs.close()


def test_undoing_two_of_my_own_moves_of_one_item_walks_both_back(team_url: str) -> None:
    mine, theirs = two_apps(team_url)
    item_id, start = keynote(mine)
    first = item_ops.move_item(item_id, start + timedelta(minutes=15), "Keynote")
    second = item_ops.move_item(item_id, start + timedelta(minutes=45), "Keynote")
    for call in (first.do, second.do, second.undo, first.undo):
        with mine.transaction() as s:
            call(s)
    with mine.reading() as s:
        assert items.span(s, item_id)[0] == start
    mine.close(), theirs.close()

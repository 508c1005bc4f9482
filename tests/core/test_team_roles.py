"""Roles on a team plan, enforced by the PostgreSQL server: a viewer reads but cannot write,
even with raw SQL from a modified client, and never sees passports or medical notes."""

from __future__ import annotations

import itertools

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import ProgrammingError

from tourplanner.cli import main
from tourplanner.db.teamplan import TeamPlan
from tourplanner.errors import PlanFileError
from tourplanner.models import Item, Person
from tourplanner.services import items, listings

from ..conftest import new_team_database  # noqa: TID252 - the suite's one helper

_logins = itertools.count(1)


@pytest.fixture
def team_url(team_server, team_demo_template) -> str:  # noqa: ANN001
    return new_team_database(team_server, team_demo_template)


def login(team_server, team_url: str, role: str) -> str:  # noqa: ANN001
    """A new PostgreSQL login given `role` with `tourplanner team-role`; its URL."""
    user = f"{role}_{next(_logins)}"
    team_server.sql(f'CREATE ROLE "{user}" LOGIN')
    assert main(["team-role", team_url, user, role]) == 0
    return team_server.url(team_url.rsplit("/", 1)[1], user=user)


def test_a_viewer_reads_the_plan_but_the_database_refuses_its_writes(team_server, team_url) -> None:  # noqa: ANN001
    viewer = TeamPlan.open(login(team_server, team_url, "viewer"))
    with viewer.reading() as s:
        item = next(i for i in items.list_items(s) if i.title_en.startswith("Keynote"))
        assert listings.people_listing(s).rows  # the people table is readable
        item_id, start = item.id, item.start_utc
    refused = pytest.raises(PlanFileError, match="may not do that .*permission denied")
    with refused, viewer.transaction() as s:
        items.move_item(s, item_id, start.replace(hour=1))
    # A modified client going round the app is refused by the server all the same.
    with viewer.engine.connect() as conn, pytest.raises(ProgrammingError, match="permission"):
        conn.execute(text("UPDATE items SET title_en = 'hacked'"))
    with viewer.reading() as s:
        assert s.get(Item, item_id).start_utc == start
    viewer.close()


def test_private_fields_are_hidden_from_viewers_and_shown_to_editors(team_server, team_url) -> None:  # noqa: ANN001
    with TeamPlan.open(team_url) as owner, owner.transaction() as s:
        person = s.scalars(select(Person).order_by(Person.id)).first()
        person.medical_notes = "allergic to peanuts"
        pid = person.id
    viewer = TeamPlan.open(login(team_server, team_url, "viewer"))
    assert not viewer.private_visible
    with viewer.reading() as s:
        shown = s.get(Person, pid)
        assert shown.name_latin and shown.medical_notes == ""
    with viewer.engine.connect() as conn, pytest.raises(ProgrammingError, match="permission"):
        conn.execute(text("SELECT medical_notes FROM people"))
    viewer.close()
    editor = TeamPlan.open(login(team_server, team_url, "editor"))
    assert editor.private_visible
    with editor.reading() as s:
        assert s.get(Person, pid).medical_notes == "allergic to peanuts"
    with editor.transaction() as s:
        s.get(Person, pid).medical_notes = "allergic to peanuts and shellfish"
    editor.close()


def test_an_unknown_role_is_refused(team_url, capsys) -> None:  # noqa: ANN001
    with pytest.raises(SystemExit):
        main(["team-role", team_url, "someone", "admin"])
    assert "invalid choice: 'admin'" in capsys.readouterr().err

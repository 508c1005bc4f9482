"""A deletion can be undone exactly: the same rows, the same ids, the same links."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from tourplanner.models import Base
from tourplanner.services import (
    items,
    organizations,
    participations,
    people,
    programmes,
    snapshots,
    travel,
    venues,
)

pytestmark = pytest.mark.both_engines


def dump(plan_file) -> dict[str, list[tuple]]:
    with plan_file.reading() as s:
        return {t.name: sorted(s.execute(select(t)).all()) for t in Base.metadata.sorted_tables}


def test_delete_person_then_restore_gives_back_everything(plan_file) -> None:
    with plan_file.transaction() as s:
        org = organizations.create_organization(s, name_en="ICMA")
        group = organizations.create_group(s, name="US delegation")
        venue = venues.create_venue(s, name_en="Hotel", timezone="Asia/Shanghai")
        prog = programmes.create_programme(
            s,
            title_en="Tour",
            kind="study_tour",
            timezone="Asia/Shanghai",
            start_date=date(2015, 4, 16),
            end_date=date(2015, 4, 18),
        )
        item = items.create_item(
            s,
            programme_id=prog,
            title_en="Visit",
            venue_id=venue,
            start=datetime(2015, 4, 16, 9),
            end=datetime(2015, 4, 16, 10),
        )
        bob = people.create_person(s, name_latin="Bob O'Neill", organization_id=org)
        people.create_person(s, name_latin="Someone Else", organization_id=org)
        organizations.add_group_members(s, group, [bob])
        participations.add_participation(s, bob, item_id=item, role="speaking")
        participations.add_participation(s, bob, programme_id=prog)
        travel.create_travel(
            s,
            person_id=bob,
            kind="hotel",
            venue_id=venue,
            start=datetime(2015, 4, 15, 15),
            end=datetime(2015, 4, 18, 12),
        )
    before = dump(plan_file)
    with plan_file.transaction() as s:
        snap = snapshots.capture(s, "people", bob)
        people.delete_person(s, bob)
    after_delete = dump(plan_file)
    assert after_delete["participations"] == [] and after_delete["group_members"] == []
    with plan_file.transaction() as s:
        snapshots.restore(s, snap)
    assert dump(plan_file) == before


def test_delete_organization_then_restore_relinks_its_people(plan_file) -> None:
    with plan_file.transaction() as s:
        org = organizations.create_organization(s, name_en="SAFEA", name_local="国家外国专家局")
        person = people.create_person(s, name_latin="Sun Zhaohua", organization_id=org)
    before = dump(plan_file)
    with plan_file.transaction() as s:
        snap = snapshots.capture(s, "organizations", org)
        organizations.delete_organization(s, org)
    with plan_file.reading() as s:
        assert people.get_person(s, person).organization_id is None
    with plan_file.transaction() as s:
        snapshots.restore(s, snap)
    assert dump(plan_file) == before


def test_record_whose_dependants_are_empty(plan_file) -> None:
    """An item nobody is booked into: its cascade to participations finds no rows."""
    with plan_file.transaction() as s:
        prog = programmes.create_programme(
            s,
            title_en="Tour",
            kind="study_tour",
            timezone="Asia/Shanghai",
            start_date=date(2015, 4, 16),
            end_date=date(2015, 4, 18),
        )
        item = items.create_item(
            s,
            programme_id=prog,
            title_en="Visit",
            start=datetime(2015, 4, 16, 9),
            end=datetime(2015, 4, 16, 10),
        )
    before = dump(plan_file)
    with plan_file.transaction() as s:
        snap = snapshots.capture(s, "items", item)
        items.delete_item(s, item)
    with plan_file.transaction() as s:
        snapshots.restore(s, snap)
    assert dump(plan_file) == before

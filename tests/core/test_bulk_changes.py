"""Bulk changes the app's table actions make, and what their undo takes back."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from tourplanner.errors import NotFoundError, ValidationError
from tourplanner.services import items, organizations, participations, people, programmes
from tourplanner.services.participations import Booking

pytestmark = pytest.mark.both_engines


@pytest.fixture
def world(plan_file):
    with plan_file.transaction() as s:
        prog = programmes.create_programme(
            s,
            title_en="Conference",
            kind="conference",
            start_date=date(2015, 4, 20),
            end_date=date(2015, 4, 23),
            timezone="Asia/Shanghai",
        )
        talk = items.create_item(
            s,
            programme_id=prog,
            title_en="Keynote",
            kind="keynote",
            start=datetime(2015, 4, 20, 9),
            end=datetime(2015, 4, 20, 10),
        )
        lunch = items.create_item(
            s,
            programme_id=prog,
            title_en="Lunch",
            kind="meal",
            start=datetime(2015, 4, 20, 12),
            end=datetime(2015, 4, 20, 13),
        )
        ann = people.create_person(s, name_latin="Ann Lee")
        bo = people.create_person(s, name_latin="Bo Chen")
        group = organizations.create_group(s, name="Delegation A")
        participations.add_participation(s, ann, item_id=talk)
    return {"prog": prog, "talk": talk, "lunch": lunch, "ann": ann, "bo": bo, "group": group}


def _booked(plan_file, item_id):
    with plan_file.reading() as s:
        return sorted(p.person_id for p in participations.participants(s, item_id=item_id))


def test_book_returns_only_the_new_bookings_and_unbook_takes_them_back(plan_file, world):
    wanted = [
        Booking(world["ann"], item_id=world["talk"]),
        Booking(world["bo"], item_id=world["talk"]),
    ]
    with plan_file.transaction() as s:
        new = participations.book(s, wanted)
    assert new == [Booking(world["bo"], item_id=world["talk"])]  # Ann was booked already
    assert _booked(plan_file, world["talk"]) == sorted([world["ann"], world["bo"]])
    with plan_file.transaction() as s:
        assert participations.unbook(s, new) == 1
    assert _booked(plan_file, world["talk"]) == [world["ann"]]  # her own booking stays


def test_book_refuses_the_whole_batch_on_a_missing_person(plan_file, world):
    with pytest.raises(NotFoundError, match="person #999"), plan_file.transaction() as s:
        participations.book(
            s,
            [
                Booking(world["bo"], item_id=world["lunch"]),
                Booking(999, item_id=world["lunch"]),
            ],
        )
    assert _booked(plan_file, world["lunch"]) == []


def test_join_group_reports_who_was_new(plan_file, world):
    with plan_file.transaction() as s:
        assert organizations.join_group(s, world["group"], [world["ann"]]) == [world["ann"]]
        assert organizations.join_group(s, world["group"], [world["ann"], world["bo"]]) == [
            world["bo"]
        ]
        organizations.remove_group_members(s, world["group"], [world["bo"]])
    with plan_file.reading() as s:
        assert [p.id for p in organizations.get_group(s, world["group"]).members] == [world["ann"]]


def test_set_statuses_returns_the_old_ones_and_bumps_the_sequence(plan_file, world):
    with plan_file.transaction() as s:
        seq = items.get_item(s, world["talk"]).sequence or 0
        before = items.set_statuses(s, {world["talk"]: "tentative", world["lunch"]: "cancelled"})
    assert before == {world["talk"]: "confirmed", world["lunch"]: "confirmed"}
    with plan_file.reading() as s:
        assert items.get_item(s, world["talk"]).status == "tentative"
        assert items.get_item(s, world["talk"]).sequence == seq + 1
        assert items.get_item(s, world["lunch"]).status == "cancelled"


def test_set_statuses_refuses_a_bad_status_or_item_and_changes_nothing(plan_file, world):
    with pytest.raises(ValidationError, match="status"), plan_file.transaction() as s:
        items.set_statuses(s, {world["talk"]: "cancelled", world["lunch"]: "maybe"})
    with pytest.raises(NotFoundError, match="item #999"), plan_file.transaction() as s:
        items.set_statuses(s, {world["talk"]: "cancelled", 999: "cancelled"})
    with plan_file.reading() as s:
        assert items.get_item(s, world["talk"]).status == "confirmed"

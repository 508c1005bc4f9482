"""Operations: do, undo and redo each in its own transaction of a real plan file; an undo or
redo over a change made since refuses in words and writes nothing."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import text

from tourplanner.db import PlanFile
from tourplanner.operations import Changes, StaleError, imports
from tourplanner.operations import bookings as booking_ops
from tourplanner.operations import items as item_ops
from tourplanner.operations import records as record_ops
from tourplanner.services import items, organizations, participations, people, records
from tourplanner.services.participations import Booking

pytestmark = pytest.mark.both_engines


@pytest.fixture
def plan(demo_plan: PlanFile) -> PlanFile:
    return demo_plan


def run(plan: PlanFile, call) -> Changes:  # noqa: ANN001 - op.do or op.undo
    with plan.transaction() as session:
        return call(session)


def keynote(plan: PlanFile) -> tuple[int, object]:
    with plan.reading() as s:
        found = next(i for i in items.list_items(s) if i.title_en.startswith("Keynote"))
        return found.id, found.start_utc


def start_of(plan: PlanFile, item_id: int) -> object:
    with plan.reading() as s:
        return items.span(s, item_id)[0]


def names(plan: PlanFile) -> list[str]:
    with plan.reading() as s:
        return sorted(p.name_latin for p in people.list_people(s))


def test_a_move_says_what_it_changed_and_undo_redo_walk_it(plan) -> None:
    item_id, start = keynote(plan)
    move = item_ops.move_item(item_id, start + timedelta(minutes=30), "Keynote")
    assert run(plan, move.do) == Changes.of_items([item_id])
    assert start_of(plan, item_id) == start + timedelta(minutes=30)
    assert run(plan, move.undo).only_items
    assert start_of(plan, item_id) == start
    run(plan, move.do)
    assert start_of(plan, item_id) == start + timedelta(minutes=30)


def test_undo_refuses_to_overwrite_a_change_made_since(plan) -> None:
    item_id, start = keynote(plan)
    move = item_ops.move_item(item_id, start + timedelta(minutes=30), "Keynote")
    run(plan, move.do)
    with plan.transaction() as s:  # another program, or an import, moves it again
        items.move_item(s, item_id, start + timedelta(hours=2))
    with pytest.raises(StaleError, match="'Keynote' was changed since"):
        run(plan, move.undo)
    assert start_of(plan, item_id) == start + timedelta(hours=2)  # nothing was written


def test_redo_refuses_too(plan) -> None:
    item_id, start = keynote(plan)
    move = item_ops.move_item(item_id, start + timedelta(minutes=30), "Keynote")
    run(plan, move.do)
    run(plan, move.undo)
    with plan.transaction() as s:
        items.move_item(s, item_id, start + timedelta(hours=3))
    with pytest.raises(StaleError):
        run(plan, move.do)
    assert start_of(plan, item_id) == start + timedelta(hours=3)


def test_a_record_edit_undone_restores_every_field(plan) -> None:
    with plan.reading() as s:
        person_id = people.find_person(s, "Bob O'Neill").id
        before = records.record_values(s, "person", person_id)
    changed = {**before, "phone": "+1 555 0100", "notes": "Vegetarian"}
    edit = record_ops.edit_record("person", person_id, changed, name="Bob", text="Edit Bob")
    assert run(plan, edit.do) == Changes.of_records("person", [person_id])
    run(plan, edit.undo)
    with plan.reading() as s:
        assert records.record_values(s, "person", person_id) == before


def test_undo_of_a_deletion_never_lands_on_a_newcomer(plan) -> None:
    """Delete a person, import a newcomer, undo: the newcomer keeps their own id and record."""
    with plan.reading() as s:
        last = max(people.list_people(s), key=lambda p: p.id)
        last_id, last_name = last.id, last.name_latin
    delete = record_ops.delete_records("person", [last_id], "Delete 1 person")
    run(plan, delete.do)
    with plan.transaction() as s:
        newcomer = people.create_person(s, name_latin="Anna Newcomer")
    assert newcomer != last_id  # ids are never reused in a plan file
    run(plan, delete.undo)
    with plan.reading() as s:
        assert people.get_person(s, last_id).name_latin == last_name
        assert people.get_person(s, newcomer).name_latin == "Anna Newcomer"


def test_undo_of_a_deletion_refuses_when_its_id_is_taken(plan) -> None:
    """Another program wrote a record with the deleted one's id: undo refuses, writes nothing."""
    with plan.reading() as s:
        last = max(people.list_people(s), key=lambda p: p.id)
        last_id, last_name = last.id, last.name_latin
    delete = record_ops.delete_records("person", [last_id], "Delete 1 person")
    run(plan, delete.do)
    with plan.transaction() as s:  # a row written with that id, as an older program could
        newcomer = people.create_person(s, name_latin="Someone Else")
        s.execute(
            text("UPDATE people SET id = :id WHERE id = :new"), {"id": last_id, "new": newcomer}
        )
    with pytest.raises(StaleError, match="record number is in use again"):
        run(plan, delete.undo)
    assert "Someone Else" in names(plan) and last_name not in names(plan)


def test_a_deletion_undone_brings_back_the_same_record_and_its_bookings(plan) -> None:
    with plan.reading() as s:
        person = people.find_person(s, "Bob O'Neill")
        person_id, booked = person.id, len(participations.participations_of_person(s, person.id))
    delete = record_ops.delete_records("person", [person_id], "Delete Bob")
    run(plan, delete.do)
    run(plan, delete.undo)
    with plan.reading() as s:
        assert people.get_person(s, person_id).name_latin == "Bob O'Neill"
        assert len(participations.participations_of_person(s, person_id)) == booked


def test_creating_a_record_undone_and_redone_keeps_its_id(plan) -> None:
    create = record_ops.create_record("organization", {"name_en": "CUPL"}, "Add CUPL")
    run(plan, create.do)
    made = create.record_id
    run(plan, create.undo)
    with plan.reading() as s:
        assert all(o.id != made for o in organizations.list_organizations(s))
    run(plan, create.do)
    with plan.reading() as s:
        assert organizations.get_organization(s, made).name_en == "CUPL"


def test_bad_input_is_refused_and_changes_nothing(plan) -> None:
    item_id, start = keynote(plan)
    with plan.reading() as s:
        values = items.item_values(s, item_id)
    broken = type(values)(**{**values.as_changes(), "end": values.start - timedelta(hours=1)})
    with pytest.raises(Exception, match="end"):
        run(plan, item_ops.edit_item(item_id, broken).do)
    assert start_of(plan, item_id) == start


def test_booking_undo_takes_back_only_what_it_made(plan) -> None:
    item_id, _start = keynote(plan)
    with plan.reading() as s:
        everyone = [p.id for p in people.list_people(s)]
    book = booking_ops.Book("Book", [Booking(p, item_id=item_id) for p in everyone[:3]])
    run(plan, book.do)
    made = list(book.made)
    run(plan, book.undo)
    with plan.reading() as s:
        assert participations.booked(s, made) == []


def test_an_import_is_one_step_undone_and_redone_by_its_rows(plan, tmp_path) -> None:
    source = tmp_path / "people.csv"
    source.write_text("Name,Email,Group\nAnna Neu,anna@example.org,Newcomers\n", encoding="utf-8")
    before = names(plan)
    step = imports.import_people(source)
    assert run(plan, step.do).everything
    assert step.result.added == 1 and "Anna Neu" in names(plan)
    run(plan, step.undo)
    assert names(plan) == before
    with plan.reading() as s:
        assert all(g.name != "Newcomers" for g in organizations.list_groups(s))
    run(plan, step.do)  # redo replays the rows, without reading the file again
    source.unlink()
    assert "Anna Neu" in names(plan)


def test_an_import_undo_refuses_when_its_rows_changed_since(plan, tmp_path) -> None:
    source = tmp_path / "people.csv"
    source.write_text("Name,Email\nAnna Neu,anna@example.org\n", encoding="utf-8")
    step = imports.import_people(source)
    run(plan, step.do)
    with plan.transaction() as s:
        anna = people.find_person(s, "Anna Neu").id
        people.update_person(s, anna, email="anna@elsewhere.org")
    with pytest.raises(StaleError, match="Import people from people.csv"):
        run(plan, step.undo)
    assert "Anna Neu" in names(plan)


def test_changes_merge() -> None:
    merged = Changes.of_items([1]) | Changes.of_records("person", [2]) | Changes(bookings=True)
    assert merged.items == {1} and merged.records == {"person": {2}} and merged.bookings
    assert not merged.only_items and Changes.of_items([3]).only_items and Changes().empty
    with pytest.raises(ValueError):
        Changes(records={"spaceship": frozenset()})


def test_a_menu_typed_keeps_a_meeting_point_written_since_it_was_read(plan) -> None:
    """The Meals page's menu edit writes the menu alone: a meeting point set between the page's
    read and the step is kept (the step used to write back the whole snapshot it was given)."""
    from tourplanner.operations.logistics import set_logistics, set_menu
    from tourplanner.services.item_logistics import item_logistics

    item_id, _start = keynote(plan)
    with plan.reading() as s:
        was = item_logistics(s, item_id)
    step = set_menu(item_id, "Tea and dim sum", "Keynote")  # made from what the page showed
    run(plan, set_logistics(item_id, replace(was, meeting_point="South lobby"), "Keynote").do)
    run(plan, step.do)
    with plan.reading() as s:
        now = item_logistics(s, item_id)
    assert (now.menu_note, now.meeting_point) == ("Tea and dim sum", "South lobby")
    run(plan, step.undo)
    with plan.reading() as s:
        assert item_logistics(s, item_id) == replace(was, meeting_point="South lobby")

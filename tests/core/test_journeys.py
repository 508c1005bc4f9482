"""Journeys with many travellers: the 0005 fold of per-person rows, the one-person call that
joins an identical journey, journey steps with undo and redo, and bad input refused unchanged."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from file_rows import rows

from tourplanner.db import PlanFile
from tourplanner.errors import NotFoundError, ValidationError
from tourplanner.operations import StaleError
from tourplanner.operations import journeys as journey_ops
from tourplanner.operations import records as record_ops
from tourplanner.services import conflicts, itinerary, people, records, travel, venues
from tourplanner.services.travel import TravellerEntry

from ..conftest import committed_rows  # noqa: TID252 - the suite's one helper

FIXTURES = Path(__file__).parent.parent / "fixtures"
UA_897 = {
    "kind": "flight",
    "carrier": "United",
    "number": "UA 897",
    "from_place": "Washington Dulles (IAD)",
    "to_place": "Beijing Capital (PEK)",
    "start": datetime(2015, 4, 17, 12, 30),
    "start_timezone": "America/New_York",
    "end": datetime(2015, 4, 18, 14, 45),
    "end_timezone": "Asia/Shanghai",
}


def run(plan: PlanFile, call):  # noqa: ANN001, ANN201 - op.do or op.undo
    with plan.transaction() as session:
        return call(session)


def test_a_0004_plan_with_three_people_on_one_flight_folds_into_one_journey(tmp_path) -> None:
    path = tmp_path / "group.tourplan"
    shutil.copy(FIXTURES / "plan-0004-group-flight.tourplan", path)
    old = {
        r[0]: r
        for r in rows(path, "SELECT id, uid, person_id, confirmation_code FROM travel_segments")
    }
    with PlanFile.open(path) as plan, plan.reading() as s:
        assert plan.backup_path is not None  # backed up before the upgrade
        ua = travel.get_travel(s, 1)
        assert (ua.number, ua.notes) == ("UA 897", "")  # not everyone's: each keeps their own
        assert [(t.id, t.person_id, t.confirmation_code, t.uid) for t in ua.travellers] == [
            (i, old[i][2], old[i][3], old[i][1]) for i in (1, 3, 5)
        ]  # each traveller keeps the id, uid and code of the row it was
        assert [t.notes for t in ua.travellers] == [
            "Check in 3 hours before",
            "Check in 3 hours before",
            "Wheelchair at the gate",  # hers must not reach the others' itineraries
        ]
        bob = people.find_person(s, "Bob O'Neill").id
        mine = travel.travel_of_person(s, bob)
        assert [(t.kind, t.number, t.confirmation_code) for t in mine] == [
            ("flight", "UA 897", "UA2B"),
            ("hotel", "", "H2"),
            ("flight", "CA 817", ""),
        ]
        # The checks still see one journey per person per flight, as before.
        snap = conflicts.load_snapshot(s)
        assert sorted(
            (t.person_id, t.label[:20], t.journey_id)
            for t in snap.travel.values()
            if t.kind == "flight"
        ) == [
            (1, "flight United UA 897", 1),
            (2, "flight Air China CA ", 7),
            (2, "flight United UA 897", 1),
            (3, "flight United UA 897", 1),
        ]
        assert len(snap.travel) == 7
        view = itinerary.person_itinerary(s, bob)
        assert [t.confirmation_code for t in view.travel] == ["UA2B", "H2", ""]
        assert view.travel[0].notes == "Check in 3 hours before"
    # Hotel stays stay one person's each; the flights fold: 7 rows became 5 records.
    assert rows(path, "SELECT kind, COUNT(*) FROM travel_segments GROUP BY kind") == [
        ("flight", 2),
        ("hotel", 3),
    ]
    assert rows(path, "SELECT COUNT(*) FROM travellers") == [(7,)]
    assert rows(path, "PRAGMA foreign_key_check") == []


def test_the_oldest_plan_upgrades_and_folds_rows_written_at_its_schema(tmp_path) -> None:
    path = tmp_path / "old.tourplan"
    shutil.copy(FIXTURES / "plan-0001.tourplan", path)
    conn = sqlite3.connect(path)
    person = "INSERT INTO people VALUES (?, ?, '', '', NULL, 'delegate', '', '', '', '', '', '', '', '', '')"
    conn.executemany(person, [(2, "Ann Lee"), (3, "Bob O'Neill")])
    segment = (
        "INSERT INTO travel_segments (uid, person_id, kind, carrier, number, confirmation_code,"
        " from_place, to_place, start_utc, start_timezone, end_utc, end_timezone, venue_id, notes)"
        " VALUES (?, ?, 'train', 'CR', 'G 101', ?, 'Beijing South', 'Shanghai Hongqiao',"
        " ?, 'Asia/Shanghai', '2014-05-10 05:30:00.000000', 'Asia/Shanghai', NULL, '')"
    )
    leaves = "2014-05-10 00:00:00.000000"
    conn.executemany(
        segment,
        [
            ("u1", 1, "A1", leaves),
            ("u2", 2, "A2", leaves),
            ("u3", 3, "A3", leaves),
            ("u4", 3, "B3", "2014-05-10 01:00:00.000000"),  # an hour later: another train
        ],
    )
    conn.commit()
    conn.close()
    with PlanFile.open(path) as plan, plan.reading() as s:
        first = travel.get_travel(s, 1)
        assert [(t.person_id, t.confirmation_code) for t in first.travellers] == [
            (1, "A1"),
            (2, "A2"),
            (3, "A3"),
        ]
        assert [t.person_id for t in travel.get_travel(s, 4).travellers] == [3]
        with pytest.raises(NotFoundError):
            travel.get_travel(s, 2)


def test_create_travel_joins_the_identical_journey_and_never_a_stay(plan_file) -> None:
    with plan_file.transaction() as s:
        ann, bob = (people.create_person(s, name_latin=n) for n in ("Ann Lee", "Bob O'Neill"))
        hotel = venues.create_venue(s, name_en="Beijing Hotel", timezone="Asia/Shanghai")
        first = travel.create_travel(s, person_id=ann, confirmation_code="A1", **UA_897)
        again = travel.create_travel(s, person_id=bob, seat="32A", **UA_897)
        later = travel.create_travel(s, person_id=bob, **(UA_897 | {"number": "UA 899"}))
        stay = dict(
            kind="hotel",
            venue_id=hotel,
            start=datetime(2015, 4, 18, 16),
            end=datetime(2015, 4, 20, 12),
        )
        stays = {travel.create_travel(s, person_id=p, **stay) for p in (ann, bob)}
    assert again == first and later != first and len(stays) == 2
    with plan_file.reading() as s:
        assert travel.travellers_of(s, first) == (
            TravellerEntry(ann, "", "A1"),
            TravellerEntry(bob, "32A", ""),
        )
        assert [t.seat for t in travel.travel_of_person(s, bob)] == ["32A", "", ""]
    with (
        pytest.raises(ValidationError, match="already on this journey"),
        plan_file.transaction() as s,
    ):
        travel.create_travel(s, person_id=ann, **UA_897)


def test_a_journey_edited_once_moves_everyone_and_undo_redo_walk_it(plan_file) -> None:
    with plan_file.transaction() as s:
        ids = [
            people.create_person(s, name_latin=n) for n in ("Ann Lee", "Bob O'Neill", "Carla Diaz")
        ]
    values = UA_897 | {
        "venue_id": None,
        "notes": "",
        "travellers": tuple(TravellerEntry(i) for i in ids),
    }
    create = journey_ops.create_journey(values, name="UA 897")
    run(plan_file, create.do)
    journey = create.record_id
    with plan_file.reading() as s:
        values = records.record_values(s, "travel", journey)
    later = values | {"start": datetime(2015, 4, 17, 14, 0), "end": datetime(2015, 4, 18, 16, 15)}
    edit = journey_ops.edit_journey(journey, later, name="UA 897")
    run(plan_file, edit.do)

    def departures() -> set[datetime]:
        with plan_file.reading() as s:
            return {t.start_utc for i in ids for t in travel.travel_of_person(s, i)}

    assert departures() == {datetime(2015, 4, 17, 18, 0, tzinfo=UTC)}
    run(plan_file, edit.undo)
    assert departures() == {datetime(2015, 4, 17, 16, 30, tzinfo=UTC)}
    run(plan_file, edit.do)
    assert departures() == {datetime(2015, 4, 17, 18, 0, tzinfo=UTC)}
    with pytest.raises(StaleError):  # out of order: the journey was edited since it was added
        run(plan_file, create.undo)
    run(plan_file, edit.undo)
    run(plan_file, create.undo)
    assert departures() == set()
    run(plan_file, create.do)  # redo: the same record back, with its travellers
    run(plan_file, edit.do)
    assert departures() == {datetime(2015, 4, 17, 18, 0, tzinfo=UTC)}


def test_travellers_added_removed_and_edited_each_undoable(plan_file) -> None:
    with plan_file.transaction() as s:
        ann, bob, carla = (people.create_person(s, name_latin=n) for n in ("Ann", "Bob", "Carla"))
        journey = travel.create_journey(s, travellers=[ann, bob], **UA_897)

    def entries() -> tuple[TravellerEntry, ...]:
        with plan_file.reading() as s:
            return travel.travellers_of(s, journey)

    start = entries()
    add = journey_ops.add_traveller(
        journey, TravellerEntry(carla, "12C"), name="UA 897", person="Carla"
    )
    run(plan_file, add.do)
    assert [e.person_id for e in entries()] == [ann, bob, carla]
    seat = journey_ops.edit_traveller(
        journey, bob, name="UA 897", person="Bob", seat="1A", status="waitlisted"
    )
    run(plan_file, seat.do)
    assert entries()[1] == TravellerEntry(bob, "1A", "", "waitlisted")
    remove = journey_ops.remove_traveller(journey, ann, name="UA 897", person="Ann")
    run(plan_file, remove.do)
    assert [e.person_id for e in entries()] == [bob, carla]
    with plan_file.reading() as s:  # a waitlisted traveller is still on the checks' list
        assert sorted(t.person_id for t in conflicts.load_snapshot(s).travel.values()) == [
            bob,
            carla,
        ]
    cancel = journey_ops.edit_traveller(
        journey, carla, name="UA 897", person="Carla", status="cancelled"
    )
    run(plan_file, cancel.do)
    with plan_file.reading() as s:  # a cancelled one is kept on the journey, not travelling
        assert [t.person_id for t in conflicts.load_snapshot(s).travel.values()] == [bob]
        assert len(travel.travellers_of(s, journey)) == 2
    run(plan_file, cancel.undo)
    for step in (remove, seat, add):
        run(plan_file, step.undo)
    assert entries() == start
    # Undo refuses to overwrite what changed since.
    run(plan_file, add.do)
    with plan_file.transaction() as s:
        travel.update_journey(s, journey, travellers=[TravellerEntry(ann)])
    with pytest.raises(StaleError):
        run(plan_file, add.undo)


@pytest.mark.parametrize(
    ("travellers", "field", "words"),
    [
        ([], "travellers", "at least one traveller"),
        ([1, 1], "travellers", "listed twice"),
        ([99], "person", "does not exist"),
        ([{"person_id": 1, "status": "maybe"}], "status", "not one of"),
        ([{"person_id": 1, "seat": "x" * 21}], "seat", "too long"),
        ("Ann", "travellers", "a list of travellers"),
    ],
)
def test_bad_travellers_are_refused_and_nothing_changes(
    plan_file, travellers, field, words
) -> None:
    with plan_file.transaction() as s:
        ann = people.create_person(s, name_latin="Ann Lee")
        journey = travel.create_journey(s, travellers=[ann], **UA_897)
    before = committed_rows(plan_file, "SELECT * FROM travellers")
    for call in (
        lambda s: travel.update_journey(s, journey, travellers=travellers, number="UA 1"),
        lambda s: travel.create_journey(s, travellers=travellers, **UA_897),
    ):
        with pytest.raises((ValidationError, NotFoundError)) as err, plan_file.transaction() as s:
            call(s)
        assert words in str(err.value)
        if isinstance(err.value, ValidationError):
            assert err.value.field == field
    assert committed_rows(plan_file, "SELECT * FROM travellers") == before
    assert committed_rows(plan_file, "SELECT number FROM travel_segments") == [("UA 897",)]


def test_a_stay_has_one_guest_and_the_last_traveller_cannot_be_removed(plan_file) -> None:
    with plan_file.transaction() as s:
        ann, bob = (people.create_person(s, name_latin=n) for n in ("Ann", "Bob"))
        hotel = venues.create_venue(s, name_en="Beijing Hotel", timezone="Asia/Shanghai")
        journey = travel.create_journey(s, travellers=[ann], **UA_897)
    with (
        pytest.raises(ValidationError, match="one stay for each guest"),
        plan_file.transaction() as s,
    ):
        travel.create_journey(
            s,
            travellers=[ann, bob],
            kind="hotel",
            venue_id=hotel,
            start=datetime(2015, 4, 18, 16),
            end=datetime(2015, 4, 20, 12),
        )
    remove = journey_ops.remove_traveller(journey, ann, name="UA 897", person="Ann")
    with pytest.raises(ValidationError, match="at least one traveller"):
        run(plan_file, remove.do)
    absent = journey_ops.edit_traveller(journey, bob, name="UA 897", person="Bob", seat="1A")
    with pytest.raises(ValidationError, match="not on this journey"):
        run(plan_file, absent.do)
    assert committed_rows(plan_file, "SELECT COUNT(*) FROM travel_segments") == [(1,)]
    assert committed_rows(plan_file, "SELECT person_id FROM travellers") == [(ann,)]


def test_deleting_a_journey_is_undone_with_its_travellers(plan_file) -> None:
    with plan_file.transaction() as s:
        ids = [people.create_person(s, name_latin=n) for n in ("Ann", "Bob")]
        journey = travel.create_journey(
            s, travellers=[TravellerEntry(ids[0], "1A"), ids[1]], **UA_897
        )
    before = committed_rows(plan_file, "SELECT * FROM travellers")
    delete = record_ops.delete_records("travel", [journey], "Delete journey 'UA 897'")
    run(plan_file, delete.do)
    assert committed_rows(plan_file, "SELECT * FROM travellers") == []
    run(plan_file, delete.undo)
    assert committed_rows(plan_file, "SELECT * FROM travellers") == before


def test_one_persons_notes_on_a_shared_flight_stay_theirs(plan_file) -> None:
    with plan_file.transaction() as s:
        ann, bob = (people.create_person(s, name_latin=n) for n in ("Ann Lee", "Bob O'Neill"))
        travel.create_travel(s, person_id=ann, notes="Vegetarian meal (VLML)", **UA_897)
        travel.create_travel(s, person_id=bob, **UA_897)
    with plan_file.reading() as s:
        assert [t.notes for t in itinerary.person_itinerary(s, ann).travel] == [
            "Vegetarian meal (VLML)"
        ]
        assert [t.notes for t in itinerary.person_itinerary(s, bob).travel] == [""]


def test_the_demo_flies_ua_897_as_one_journey_with_its_travellers(demo_plan) -> None:
    found = committed_rows(demo_plan, "SELECT id FROM travel_segments WHERE number = 'UA 897'")
    assert len(found) == 1
    with demo_plan.reading() as s:
        codes = [t.confirmation_code for t in travel.get_travel(s, found[0][0]).travellers]
    assert len(codes) > 10 and len(set(codes)) == len(codes)  # each their own booking


def test_each_travellers_itinerary_and_calendar_show_their_own_seat_and_code(
    plan_file, tmp_path
) -> None:
    from pypdf import PdfReader

    from tourplanner.export.pdf import export_itinerary
    from tourplanner.interchange.ics_export import ics_bytes

    with plan_file.transaction() as s:
        ann, bob = (people.create_person(s, name_latin=n) for n in ("Ann Lee", "Bob O'Neill"))
        travel.create_journey(
            s,
            travellers=[TravellerEntry(ann, "32A", "AAA111"), TravellerEntry(bob, "32B", "BBB222")],
            **UA_897,
        )
    out = tmp_path / "ann.pdf"
    export_itinerary(plan_file, ann, out)
    text = " ".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Seat 32A · Confirmation AAA111" in text and "BBB222" not in text
    with plan_file.reading() as s:
        calendar, events = ics_bytes(s, person_id=bob)
    assert events == 1 and b"Seat: 32B" in calendar and b"AAA111" not in calendar


def test_0005_downgrades_back_to_one_row_per_traveller(tmp_path) -> None:
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine

    from tourplanner.db import migrate, sqlite

    path = tmp_path / "group.tourplan"
    shutil.copy(FIXTURES / "plan-0004-group-flight.tourplan", path)
    before = rows(path, "SELECT person_id, kind, number, confirmation_code FROM travel_segments")
    PlanFile.open(path).close()  # upgraded to journeys
    engine = create_engine(f"sqlite:///{path}")
    config = Config()
    config.set_main_option("script_location", str(migrate.MIGRATIONS_DIR))
    with engine.connect() as conn, sqlite.foreign_keys_off(conn), conn.begin():
        config.attributes["connection"] = conn
        command.downgrade(config, "0004")
    engine.dispose()
    after = rows(path, "SELECT person_id, kind, number, confirmation_code FROM travel_segments")
    assert sorted(after) == sorted(before)
    assert rows(path, "SELECT name FROM sqlite_master WHERE name = 'travellers'") == []


def test_deleting_a_traveller_leaves_the_journey_and_undo_puts_them_back(plan_file) -> None:
    from tourplanner.services import listings

    with plan_file.transaction() as s:
        ann = people.create_person(s, name_latin="Ann Lee")
        journey = travel.create_travel(s, person_id=ann, seat="1A", **UA_897)
    delete = record_ops.delete_records("person", [ann], "Delete person 'Ann Lee'")
    run(plan_file, delete.do)
    with plan_file.reading() as s:
        [row] = listings.travel_listing(s).rows
        assert row[0] == journey and row[1].startswith("(nobody") and row[-1] == 0
    run(plan_file, delete.undo)
    with plan_file.reading() as s:
        assert travel.travellers_of(s, journey) == (TravellerEntry(ann, "1A"),)

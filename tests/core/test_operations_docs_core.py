"""Operations (#17): the schema for old files, rooms, vehicles, assignments, and the rooming
list, bus manifest and catering sheet on the demo plan."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import create_engine, func, select

from tourplanner.db import PlanFile, migrate
from tourplanner.errors import NotFoundError, ValidationError
from tourplanner.export.operations.catering import export_catering
from tourplanner.export.operations.rooming import export_rooming_list
from tourplanner.models import (
    Base,
    Item,
    Person,
    Programme,
    RoomBooking,
    Traveller,
    TravelSegment,
    Vehicle,
)
from tourplanner.romanize import pinyin_name
from tourplanner.services import (
    assignments,
    item_logistics,
    people,
    room_bookings,
    rooming,
    vehicles,
)
from tourplanner.services.catering import meal_counts
from tourplanner.services.manifest import manifest_legs, programmes_with_vehicles
from tourplanner.timezones import to_local

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _cells(path: Path) -> list[list[str]]:
    book = load_workbook(path)
    return [
        [str(c) for c in row if c is not None]
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
    ]


def _pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_an_old_file_upgrades_to_the_operations_schema(tmp_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    path = tmp_path / "old.tourplan"
    shutil.copy(FIXTURES / "plan-0001.tourplan", path)
    with PlanFile.open(path) as plan:
        with plan.reading() as s:
            assert s.scalar(select(func.count()).select_from(RoomBooking)) == 0
            person = s.get(Person, 1)
            assert person is not None and person.dietary_tags == "" and person.name_local == "李伟"
        with plan.transaction() as s:  # writable: a tag on the old file's person
            people.update_person(s, 1, dietary_tags="vegan, nut allergy")
        with plan.reading() as s:
            assert s.get(Person, 1).dietary_tags == "vegan,nut_allergy"
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    engine.dispose()
    assert migrate.head_revision() == "0010"


def _stay_of(s, name: str, hotel_part: str) -> int:  # noqa: ANN001
    return s.scalar(
        select(TravelSegment.id)
        .join(Traveller, Traveller.segment_id == TravelSegment.id)
        .join(Person, Person.id == Traveller.person_id)
        .where(Person.name_latin == name, TravelSegment.kind == "hotel")
        .where(TravelSegment.venue.has(name_en=hotel_part))
    )


def test_bad_room_input_is_refused_and_changes_nothing(demo_plan: PlanFile) -> None:
    with demo_plan.reading() as s:
        before = s.scalar(select(func.count()).select_from(RoomBooking))
        stay = _stay_of(s, "Daniel Kim", "Shangri-La Hotel, Beijing")
        elsewhere = _stay_of(s, "Daniel Kim", "Shangri-La Hotel, Futian, Shenzhen")
        booking = s.scalar(select(RoomBooking.id).where(RoomBooking.stay_id == stay))
        flight = s.scalar(select(TravelSegment.id).where(TravelSegment.kind == "flight"))
    cases = [
        ({"shares_with_id": stay, "room_type": "twin"}, "itself"),
        ({"shares_with_id": elsewhere, "room_type": "twin"}, "different hotels"),
        ({"room_type": "penthouse"}, "not one of"),
        ({"stay_id": flight}, "not a hotel stay"),
    ]
    for changes, words in cases:
        with pytest.raises(ValidationError, match=words), demo_plan.transaction() as s:
            room_bookings.update_room_booking(s, booking, **changes)
    with pytest.raises(ValidationError, match="already has a room"), demo_plan.transaction() as s:
        room_bookings.create_room_booking(s, stay_id=stay)
    with demo_plan.reading() as s:
        assert s.scalar(select(func.count()).select_from(RoomBooking)) == before
        assert room_bookings.get_room_booking(s, booking).room_type == "single"


def test_bad_vehicle_and_assignment_input_is_refused(demo_plan: PlanFile) -> None:
    with demo_plan.reading() as s:
        vehicle = s.scalar(select(Vehicle.id).where(Vehicle.kind == "minibus"))
        person = s.scalar(select(Person.id).where(Person.name_latin == "Wu Hao"))
        count = s.scalar(select(func.count()).select_from(Vehicle))
    with pytest.raises(ValidationError, match="at least one seat"), demo_plan.transaction() as s:
        vehicles.update_vehicle(s, vehicle, seats=0)
    with pytest.raises(ValidationError, match="programme or item"), demo_plan.transaction() as s:
        vehicles.create_vehicle(s, name="Ghost bus", seats=10)
    with pytest.raises(ValidationError, match="not a day of"), demo_plan.transaction() as s:
        assignments.create_assignment(
            s, person_id=person, role="guide", programme_id=1, day=date(2030, 1, 1)
        )
    with pytest.raises(ValidationError, match="only an interpreter"), demo_plan.transaction() as s:
        assignments.create_assignment(
            s, person_id=person, role="guide", item_id=1, mode="simultaneous"
        )
    with pytest.raises(ValidationError, match="not one of"), demo_plan.transaction() as s:
        people.update_person(s, person, dietary_tags="paleo")
    with demo_plan.reading() as s:
        assert s.scalar(select(func.count()).select_from(Vehicle)) == count
        assert vehicles.get_vehicle(s, vehicle).seats == 12


def test_a_meeting_after_the_item_starts_is_refused(demo_plan: PlanFile) -> None:
    with demo_plan.transaction() as s:
        item_logistics.set_item_logistics(s, 1, meeting_point="Lobby", meeting_time=None)
    with (
        pytest.raises(ValidationError, match="after the item starts"),
        demo_plan.transaction() as s,
    ):
        item_logistics.set_item_logistics(
            s, 1, meeting_point="Somewhere else", meeting_time=datetime(2099, 1, 1, 8, 0)
        )
    with demo_plan.reading() as s:
        assert item_logistics.item_logistics(s, 1).meeting_point == "Lobby"


def test_rooming_list_nights_match_the_stays_and_totals_add_up(
    demo_plan: PlanFile, tmp_path: Path
) -> None:
    with demo_plan.reading() as s:
        sections = rooming.rooming_sections(s)
        stays = {}
        for t in s.scalars(
            select(Traveller).join(TravelSegment).where(TravelSegment.kind == "hotel")
        ):
            zone = t.journey.end_timezone
            stays[(t.person.name_latin, t.journey.venue.name_en)] = (
                to_local(t.journey.start_utc, zone).date(),
                to_local(t.journey.end_utc, zone).date(),
            )
        out = tmp_path / "rooms.xlsx"
        export_rooming_list(s, out, plan_title="Demo")
    seen = 0
    for section in sections:
        for room in section.rooms:
            for person in room.occupants:
                check_in, check_out = stays[(person.name_latin, section.hotel)]
                assert (person.check_in.date(), person.check_out.date()) == (check_in, check_out)
                seen += 1
        for night, counts in section.per_night.items():
            assert sum(counts.values()) == sum(night in r.nights for r in section.rooms)
    assert seen == len(stays)  # every stay once
    # The pre- and post-tour lists come apart; the Shenzhen twins hold two delegates each.
    kinds = [s.programme_kind for s in sections]
    assert kinds.index("pre_tour") < kinds.index("conference") < kinds.index("post_tour")
    shenzhen = next(s for s in sections if "Futian" in s.hotel and s.programme_kind == "conference")
    twins = [r for r in shenzhen.rooms if r.room_type == "twin"]
    assert {tuple(sorted(o.name_latin for o in r.occupants)) for r in twins} >= {
        ("Jennifer Walsh", "Karen Brooks")
    }
    rows = _cells(out)
    assert any("Jennifer Walsh" in row for row in rows)
    assert any(row[:1] == ["Room nights"] for row in rows)
    # A totals row adds up across its types.
    for row in rows:
        if (
            row
            and row[0].startswith(("Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"))
            and all(c.isdigit() for c in row[1:])
            and len(row) > 2
        ):
            assert sum(map(int, row[1:-1])) == int(row[-1])


def test_rooming_list_for_an_unknown_hotel_writes_nothing(
    demo_plan: PlanFile, tmp_path: Path
) -> None:
    out = tmp_path / "rooms.pdf"
    with demo_plan.reading() as s, pytest.raises(NotFoundError, match="no hotel matches"):
        export_rooming_list(s, out, plan_title="Demo", hotel="Hotel California")
    assert not out.exists()


def test_catering_counts_add_up_and_carry_no_medical_text(
    demo_plan: PlanFile, tmp_path: Path
) -> None:
    with demo_plan.reading() as s:
        (banquet,) = meal_counts(s, item="Conference banquet", names=True)
        medical = [m for m in s.scalars(select(Person.medical_notes)) if m]
        free_text = [d for d in s.scalars(select(Person.dietary_needs)) if d]
        out = tmp_path / "banquet.pdf"
        export_catering(s, out, plan_title="Demo", item="Conference banquet", names=True)
    assert banquet.total == len(banquet.diners) > 0
    assert banquet.tagged + banquet.no_restriction == banquet.total
    assert banquet.per_tag["nut_allergy"] >= 1 and "nut_allergy" in banquet.allergies
    text = _pdf_text(out)
    assert "ALLERGY WARNING" in text and "Total guests" in text
    assert medical and free_text
    flat = " ".join(text.split())
    for note in medical + free_text:
        assert " ".join(note.split())[:40] not in flat


def test_manifest_lists_the_minibus_seats_driver_guide_and_meeting_point(
    demo_plan: PlanFile,
) -> None:
    with demo_plan.reading() as s:
        legs = manifest_legs(s, "Post-conference", day=date(2015, 4, 24))
    first = legs[0]
    assert first.vehicle == "Post-tour minibus" and first.seats == 12
    assert len(first.passengers) == 12 and first.free_seats == 0
    assert first.driver.startswith("Qian Jun") and first.guides[0].startswith("Sun Li")
    assert first.meeting is not None and first.meeting < first.start
    assert "Lobby" in first.meeting_point or "lobby" in first.meeting_point


def test_pinyin_reads_surnames_as_surnames() -> None:
    assert pinyin_name("王小明") == "Wang Xiaoming"
    assert pinyin_name("单雄信") == "Shan Xiongxin"
    assert pinyin_name("欧阳修") == "Ouyang Xiu"
    assert pinyin_name("吕小燕") == "Lyu Xiaoyan"
    assert pinyin_name("鲍勃·奥尼尔") == ""  # a foreign name in characters: the passport's spelling
    assert pinyin_name("Smith") == ""


def test_the_three_exports_run_from_the_cli(demo_path: Path, tmp_path: Path) -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "tourplanner", "export", *args],
            capture_output=True,
            text=True,
            timeout=120,
        )

    for args in (
        ("rooming-list", str(demo_path), "--programme", "Post", "-o", str(tmp_path / "r.xlsx")),
        ("manifest", str(demo_path), "--programme", "Post", "-o", str(tmp_path / "m.pdf")),
        ("catering", str(demo_path), "--date", "2015-04-22", "-o", str(tmp_path / "c.xlsx")),
    ):
        done = run(*args)
        assert done.returncode == 0, done.stderr
    bad = run("rooming-list", str(demo_path), "--hotel", "Nowhere", "-o", str(tmp_path / "x.pdf"))
    assert bad.returncode != 0 and "no hotel matches 'Nowhere'" in bad.stderr
    assert "Traceback" not in bad.stderr and not (tmp_path / "x.pdf").exists()


def test_a_vehicle_on_one_item_makes_its_programme_one_with_a_manifest(demo_plan) -> None:
    """The print preview offers the manifest of a programme a vehicle serves, whether the
    vehicle serves the whole programme or one of its items (the preview once matched titles)."""
    with demo_plan.reading() as s:
        ids = [p.id for p in s.scalars(select(Programme).order_by(Programme.id))]
        before = programmes_with_vehicles(s, ids)
        bare = next(pid for pid in ids if pid not in before)
        item_id = s.scalar(select(Item.id).where(Item.programme_id == bare).limit(1))
    assert before and item_id is not None
    with demo_plan.transaction() as s:
        vehicles.create_vehicle(s, name="Shuttle", kind="van", seats=8, item_id=item_id)
    with demo_plan.reading() as s:
        assert programmes_with_vehicles(s, ids) == before | {bare}

"""c3voc schedule.xml / schedule.json: import a pretalx file, export valid files, round trips."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import jsonschema
import pytest
from lxml import etree
from sqlalchemy import func, select

from tourplanner.db import PlanFile
from tourplanner.demo import write_demo_plan
from tourplanner.errors import TourPlannerError
from tourplanner.interchange.report import FileFormatError, ImportRefused
from tourplanner.interchange.schedule_export import (
    export_schedule,
    schedule_data,
    schedule_json,
    schedule_xml,
)
from tourplanner.interchange.schedule_import import import_schedule
from tourplanner.models import Item, Participation, Person, Programme, Room
from tourplanner.services import items, plans, programmes
from tourplanner.services.itinerary import programme_items

pytestmark = pytest.mark.both_engines

FIXTURES = Path(__file__).parents[1] / "fixtures"
SCHEDULE_JSON = FIXTURES / "interchange" / "smart_cities_schedule.json"
XSD = etree.XMLSchema(etree.parse(str(FIXTURES / "c3voc" / "schedule.xml.xsd")))
JSON_SCHEMA = json.loads((FIXTURES / "c3voc" / "schedule.schema.json").read_text())


def validate_xml(data: bytes) -> None:
    document = etree.fromstring(data)
    assert XSD.validate(document), XSD.error_log


def validate_json(data: bytes) -> None:
    jsonschema.Draft6Validator(JSON_SCHEMA, format_checker=jsonschema.FormatChecker()).validate(
        json.loads(data)
    )


def counts(plan: PlanFile) -> tuple[int, ...]:
    with plan.reading() as s:
        return tuple(
            s.scalar(select(func.count()).select_from(m)) or 0
            for m in (Item, Person, Programme, Room, Participation)
        )


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.tourplan"
    write_demo_plan(path)
    return path


def test_the_fixture_is_a_valid_pretalx_schedule() -> None:
    validate_json(SCHEDULE_JSON.read_bytes())


def test_import_pretalx_json_with_several_days_and_rooms(plan_file: PlanFile) -> None:
    with plan_file.transaction() as s:
        report = import_schedule(s, SCHEDULE_JSON)
    assert (report.added, report.errors) == (8, [])
    with plan_file.reading() as s:
        prog = programmes.find_programme(s, "Smart Cities Forum Shenzhen 2015")
        assert (prog.kind, prog.timezone, str(prog.start_date), str(prog.end_date)) == (
            "conference",
            "Asia/Shanghai",
            "2015-04-21",
            "2015-04-23",
        )
        got = {i.uid[-2:]: i for i in items.list_items(s, prog.id)}
        keynote = got["01"]
        assert keynote.kind == "keynote" and keynote.title_local == "开幕主旨演讲"
        assert (keynote.start_utc, keynote.end_utc) == (
            datetime(2015, 4, 21, 1, tzinfo=UTC),
            datetime(2015, 4, 21, 1, 45, tzinfo=UTC),
        )
        assert keynote.room.name == "Hall A" and keynote.venue.name_en == prog.title_en
        assert keynote.track == "Plenary" and keynote.language == "en"
        assert [got[k].kind for k in ("02", "03", "04", "05", "06", "07", "08")] == [
            "panel",
            "workshop",
            "session",
            "meal",
            "ceremony",
            "panel",
            "site_visit",
        ]
        assert got["04"].language == "zh" and got["04"].title_en == "深圳城市规划三十年"
        assert sorted(r.name for r in keynote.venue.rooms) == [
            "Bus bay",
            "Hall A",
            "Room 3",
            "Room 5",
        ]
        views = {v.uid[-2:]: v for v in programme_items(s, prog.id)}
        assert views["02"].speakers == ("Lin Xia", "Mark Kohler")
        assert views["04"].speakers == ("陈宇",)
    assert counts(plan_file)[1] == 4  # four distinct speakers, each created once


def test_reimport_does_not_duplicate(plan_file: PlanFile, tmp_path: Path) -> None:
    with plan_file.transaction() as s:
        import_schedule(s, SCHEDULE_JSON)
    before = counts(plan_file)
    with plan_file.transaction() as s:
        again = import_schedule(s, SCHEDULE_JSON)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 8)
    moved = SCHEDULE_JSON.read_text().replace(
        "2015-04-22T16:30:00+08:00", "2015-04-22T17:00:00+08:00"
    )
    with plan_file.transaction() as s:
        third = import_schedule(s, moved.encode())
    assert (third.added, third.updated) == (0, 1)
    assert counts(plan_file) == before


def test_import_into_a_named_programme(plan_file: PlanFile) -> None:
    with plan_file.transaction() as s:
        import_schedule(s, SCHEDULE_JSON, programme="Forum (from pretalx)")
    with plan_file.reading() as s:
        assert (
            len(items.list_items(s, programmes.find_programme(s, "Forum (from pretalx)").id)) == 8
        )


def test_conference_time_zone_applies_to_times_without_offset(plan_file: PlanFile) -> None:
    xml = b"""<?xml version="1.0"?>
<schedule><version>1</version><conference><title>NIST Brownfields</title><acronym>nist2015</acronym>
<time_zone_name>America/New_York</time_zone_name></conference>
<day index="1" date="2015-10-14" start="2015-10-14T08:00:00-04:00" end="2015-10-14T18:00:00-04:00">
<room name="Green Auditorium"><event id="1" guid="11111111-2222-4333-8444-555555555555">
<room>Green Auditorium</room><title>Welcome</title><type>plenary</type><date></date>
<start>09:30</start><duration>00:45</duration><abstract/><track/></event></room></day></schedule>"""
    with plan_file.transaction() as s:
        import_schedule(s, xml)
    with plan_file.reading() as s:
        item = items.list_items(s)[0]
        assert item.start_utc == datetime(2015, 10, 14, 13, 30, tzinfo=UTC)
        assert item.timezone == "America/New_York" and item.kind == "plenary"


def test_the_preview_shows_each_event_at_its_local_time(plan_file: PlanFile) -> None:
    # The times are written when the preview reads them (only the rows a preview keeps).
    with plan_file.transaction() as s:
        report = import_schedule(s, SCHEDULE_JSON, dry_run=True)
    keynote = next(row for row in report.preview if row.title.endswith("the opening keynote"))
    assert (keynote.outcome, keynote.when, keynote.place) == (
        "added",
        "Tue 21 Apr 2015 09:00 CST – 09:45 CST",
        "Hall A",
    )
    assert counts(plan_file)[0] == 0


@pytest.mark.parametrize(
    "title",
    [
        "SAFEA Foreign Expert Affairs Conference 2015",
        "ICMA–NIST Brownfields Redevelopment Conference (in planning)",
    ],
)
def test_exports_validate_against_both_schemas(demo_path: Path, tmp_path: Path, title: str) -> None:
    with PlanFile.open(demo_path) as plan, plan.reading() as s:
        pid = programmes.find_programme(s, title).id
        n_xml = export_schedule(s, tmp_path / "schedule.xml", programme_id=pid)
        n_json = export_schedule(s, tmp_path / "schedule.json", programme_id=pid)
    assert n_xml == n_json > 0
    validate_xml((tmp_path / "schedule.xml").read_bytes())
    validate_json((tmp_path / "schedule.json").read_bytes())


def _snapshot(plan: PlanFile, programme_id: int) -> list[tuple]:
    with plan.reading() as s:
        views = programme_items(s, programme_id, include_cancelled=False)
        return sorted(
            (
                v.uid,
                v.title_en,
                v.title_local,
                v.kind,
                v.start_utc,
                v.end_utc,
                v.timezone,
                v.track,
                v.language,
                v.description,
                v.room or (v.venue.name_en if v.venue else ""),
                tuple(sorted(n for n in v.speakers)),
            )
            for v in views
        )


def _speaker_names(plan: PlanFile, programme_id: int) -> list[tuple]:
    with plan.reading() as s:
        rows = s.execute(
            select(Item.uid, Person.name_latin)
            .join(Participation, Participation.item_id == Item.id)
            .join(Person, Person.id == Participation.person_id)
            .where(
                Item.programme_id == programme_id,
                Participation.role == "speaking",
                Item.status != "cancelled",
            )
        ).all()
        return sorted(rows)


@pytest.mark.parametrize("suffix", [".xml", ".json"])
def test_round_trip_plan_schedule_new_plan(demo_path: Path, tmp_path: Path, suffix: str) -> None:
    title = "SAFEA Foreign Expert Affairs Conference 2015"
    out = tmp_path / f"schedule{suffix}"
    with PlanFile.open(demo_path) as source:
        with source.reading() as s:
            pid = programmes.find_programme(s, title).id
            export_schedule(s, out, programme_id=pid)
        expected = _snapshot(source, pid)
        expected_speakers = _speaker_names(source, pid)
    target = PlanFile.create(tmp_path / "new.tourplan")
    try:
        with target.transaction() as s:
            plans.create_plan(s, title="New", home_timezone="Asia/Shanghai")
            report = import_schedule(s, out)
        assert report.errors == [] and report.added == len(expected)
        with target.reading() as s:
            new_pid = programmes.find_programme(s, title).id
        got = _snapshot(target, new_pid)
        # Speakers' display names may carry honorifics and local names in the source plan;
        # compare everything else, then the speakers by their Latin names.
        assert [g[:-1] for g in got] == [e[:-1] for e in expected]
        assert _speaker_names(target, new_pid) == expected_speakers
    finally:
        target.close()


def test_imported_schedule_exports_again_validly(plan_file: PlanFile) -> None:
    with plan_file.transaction() as s:
        import_schedule(s, SCHEDULE_JSON)
    with plan_file.reading() as s:
        data = schedule_data(s, programmes.find_programme(s, "Smart Cities").id)
    validate_xml(schedule_xml(data))
    validate_json(schedule_json(data))
    guids = {
        e["guid"]
        for d in data["schedule"]["conference"]["days"]
        for evs in d["rooms"].values()
        for e in evs
    }
    assert "6a0f3b0e-1d2c-4e55-9c1a-3f1e8a0b7c01" in guids  # the source's guids are kept


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<schedule>&lol2;</schedule>"""


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (BILLION_LAUGHS, "DTD or entities"),
        (b"<schedule><conference></schedule>", "line 1, column 25: not well-formed"),
        (b'{"schedule": {"conference": {"days": [}}}', "line 1, column 39: not valid JSON"),
        (b'{"schedule": {}}', "no schedule.conference"),
        (b"<html><body/></html>", "root element is <html>"),
        (b"PK\x03\x04", "not a schedule.xml or schedule.json"),
        (
            json.dumps(
                {
                    "schedule": {
                        "conference": {
                            "title": "X",
                            "days": [
                                {
                                    "date": "2015-04-21",
                                    "rooms": {
                                        "Hall": [
                                            {
                                                "title": "A",
                                                "date": "2015-04-21T09:00:00+08:00",
                                                "duration": "1h",
                                            }
                                        ]
                                    },
                                }
                            ],
                        }
                    }
                }
            ).encode(),
            r"days\[0\].rooms\['Hall'\]\[0\]: duration '1h'",
        ),
    ],
)
def test_bad_schedules_are_refused_and_change_nothing(
    plan_file: PlanFile, data: bytes, message: str
) -> None:
    before = counts(plan_file)
    with pytest.raises(FileFormatError, match=message), plan_file.transaction() as s:
        import_schedule(s, data)
    assert counts(plan_file) == before


def test_an_invalid_event_refuses_the_whole_schedule(plan_file: PlanFile) -> None:
    doc = json.loads(SCHEDULE_JSON.read_text())
    doc["schedule"]["conference"]["days"][1]["rooms"]["Room 3"][0]["title"] = ""
    with pytest.raises(ImportRefused) as refused, plan_file.transaction() as s:
        import_schedule(s, json.dumps(doc).encode())
    assert "days[1].rooms['Room 3'][0]: English title: is required" in refused.value.report.text()
    assert counts(plan_file) == (0, 0, 0, 0, 0)


def test_only_an_exact_title_is_reused_without_programme(plan_file: PlanFile) -> None:
    from datetime import date

    with plan_file.transaction() as s:
        for title in (
            "Smart Cities Forum Shenzhen 2015 planning",
            "Smart Cities Forum Shenzhen 2015 (old)",
        ):
            programmes.create_programme(
                s,
                title_en=title,
                kind="conference",
                start_date=date(2015, 4, 21),
                end_date=date(2015, 4, 23),
                timezone="Asia/Shanghai",
            )
    with plan_file.transaction() as s:
        report = import_schedule(s, SCHEDULE_JSON)
    assert "created programme 'Smart Cities Forum Shenzhen 2015'" in report.text()
    with plan_file.transaction() as s:
        again = import_schedule(s, SCHEDULE_JSON)
    assert again.unchanged == 8 and "created programme" not in again.text()


def test_empty_schedule_without_dates_is_refused(plan_file: PlanFile) -> None:
    data = b'{"schedule": {"conference": {"title": "Empty", "days": []}}}'
    with (
        pytest.raises(TourPlannerError, match="neither events nor conference dates"),
        plan_file.transaction() as s,
    ):
        import_schedule(s, data)
    assert counts(plan_file) == (0, 0, 0, 0, 0)

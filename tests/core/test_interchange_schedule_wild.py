"""Schedules as recent conferences publish them (pretalx schedule.json, frab schedule.xml, an
Indico timetable through the c3voc exporter): missing rooms, speakers without ids, talks across
midnight, a day that changes at 04:00, and one broken event skipped on request."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from tourplanner.cli import main
from tourplanner.db import PlanFile
from tourplanner.interchange.report import FileFormatError
from tourplanner.interchange.schedule_import import import_schedule
from tourplanner.services import items, programmes
from tourplanner.services.itinerary import names_by_item


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def pretalx_event(n: int, start: str, duration: str, room: str | None, **extra: object) -> dict:
    """An event as pretalx 2024/2025 writes it into schedule.json."""
    return {
        "guid": f"6f2a1c3e-0000-4000-8000-{n:012d}",
        "id": 4000 + n,
        "code": f"AB{n:02d}CD",
        "logo": "",
        "date": start,
        "start": start[11:16],
        "duration": duration,
        "room": room,
        "slug": f"ai4cities-2025-{n}",
        "url": f"https://pretalx.example.org/ai4cities-2025/talk/AB{n:02d}CD/",
        "title": f"Talk {n}",
        "subtitle": "",
        "track": "Smart mobility",
        "type": "Talk",
        "language": "en",
        "abstract": "About cities.",
        "description": "",
        "recording_license": "",
        "do_not_record": False,
        "persons": [
            {
                "code": f"SP{n:03d}",
                "name": f"Speaker {n}",
                "avatar": None,
                "biography": "",
                "public_name": f"Speaker {n}",
                "guid": f"5c1b0000-0000-4000-8000-{n:012d}",
                "avatar_thumbnail_default": None,
            }
        ],
        "links": [],
        "feedback_url": "",
        "origin_url": "",
        "attachments": [],
        **extra,
    }


def pretalx(days: list[dict], **conference: object) -> bytes:
    return json.dumps(
        {
            "$schema": "https://c3voc.de/schedule/schema.json",
            "generator": {"name": "pretalx", "version": "2025.1.0"},
            "schedule": {
                "version": "0.9",
                "base_url": "https://pretalx.example.org/ai4cities-2025/schedule/",
                "conference": {
                    "acronym": "ai4cities-2025",
                    "title": "AI for Cities 2025",
                    "start": "2025-06-16",
                    "end": "2025-06-17",
                    "daysCount": len(days),
                    "timeslot_duration": "00:05",
                    "time_zone_name": "Europe/Lisbon",
                    "colors": {"primary": "#3aa57c"},
                    "rooms": [],
                    "tracks": [],
                    "days": days,
                    **conference,
                },
            },
        }
    ).encode()


def views(plan: PlanFile) -> dict[str, tuple[datetime, datetime, str]]:
    with plan.reading() as s:
        return {
            i.title_en: (i.start_utc, i.end_utc, i.room.name if i.room else "")
            for i in items.list_items(s)
        }


def test_pretalx_with_missing_rooms_and_a_talk_across_midnight(plan_file: PlanFile) -> None:
    days = [
        {
            "index": 1,
            "date": "2025-06-16",
            "day_start": "2025-06-16T04:00:00+01:00",
            "day_end": "2025-06-17T03:59:00+01:00",
            "rooms": {
                "Auditorium": [
                    pretalx_event(1, "2025-06-16T09:00:00+01:00", "00:30", "Auditorium"),
                    # Late session of a hackathon: 23:30 for 90 minutes, into the next day.
                    pretalx_event(2, "2025-06-16T23:30:00+01:00", "01:30", "Auditorium"),
                ],
                # An online talk without a room: pretalx writes null.
                "": [pretalx_event(3, "2025-06-16T11:00:00+01:00", "00:45", None)],
            },
        },
        {
            "index": 2,
            "date": "2025-06-17",
            "rooms": {
                "Room 2.14": [
                    pretalx_event(
                        4,
                        "2025-06-17T10:00:00+01:00",
                        "00:25",
                        "Room 2.14",
                        # A co-speaker entered by name only: no code, no guid.
                        persons=[{"public_name": "Ana Ferreira"}, "Jo Lee"],
                    )
                ]
            },
        },
    ]
    with plan_file.transaction() as s:
        report = import_schedule(s, pretalx(days))
    assert (report.added, report.errors) == (4, [])
    got = views(plan_file)
    assert got["Talk 2"] == (utc(2025, 6, 16, 22, 30), utc(2025, 6, 17, 0, 0), "Auditorium")
    assert got["Talk 3"][2] == "General"  # no room given: the venue's general room
    with plan_file.reading() as s:
        programme = programmes.find_programme(s, "AI for Cities 2025")
        assert (programme.start_date.isoformat(), programme.end_date.isoformat()) == (
            "2025-06-16",
            "2025-06-17",
        )
        talk4 = next(i for i in items.list_items(s) if i.title_en == "Talk 4")
        names = sorted(names_by_item(s, [talk4.id])[talk4.id]["speaking"])
    assert names == ["Ana Ferreira", "Jo Lee"]


FRAB = """<?xml version="1.0" encoding="UTF-8"?>
<schedule>
  <generator name="frab" version="1.0.0"/>
  <version>2.3</version>
  <conference>
    <acronym>camp2025</acronym>
    <title>Summer Camp 2025</title>
    <start>2025-08-13</start>
    <end>2025-08-14</end>
    <days>2</days>
    <timeslot_duration>00:15</timeslot_duration>
    <day_change>04:00</day_change>
    <time_zone_name>Europe/Berlin</time_zone_name>
  </conference>
  <day index="1" date="2025-08-13" start="2025-08-13T04:00:00+02:00" end="2025-08-14T03:59:00+02:00">
    <room name="Stage A">
      <event guid="0b5c0000-0000-4000-8000-000000000001" id="101">
        <start>22:00</start><duration>01:00</duration><room>Stage A</room>
        <slug>camp2025-101-late</slug><title>Late talk</title><subtitle/><track>Culture</track>
        <type>lecture</type><language>de</language><abstract/><description/>
        <persons><person>Kim</person></persons><links/>
      </event>
      <event guid="0b5c0000-0000-4000-8000-000000000002" id="102">
        <start>01:30</start><duration>00:45</duration><room>Stage A</room>
        <slug>camp2025-102-night</slug><title>Night owl session</title><subtitle/><track/>
        <type>lecture</type><language>en</language><abstract/><description/>
        <persons><person id="7">Sam</person></persons><links/>
      </event>
      <event guid="0b5c0000-0000-4000-8000-000000000003" id="103">
        <start>ten</start><duration>00:45</duration><room>Stage A</room>
        <title>Broken start</title><persons/>
      </event>
    </room>
  </day>
</schedule>
"""


def test_frab_day_change_puts_small_hours_on_the_next_date(plan_file: PlanFile) -> None:
    data = FRAB.encode()
    with (
        pytest.raises(FileFormatError, match="start 'ten' is not a time"),
        plan_file.transaction() as s,
    ):
        import_schedule(s, data)
    assert views(plan_file) == {}
    with plan_file.transaction() as s:
        report = import_schedule(s, data, skip_invalid=True)
    assert (report.added, report.skipped) == (2, 1)
    assert "day 1, room 'Stage A', event 3: start 'ten' is not a time like 09:30" in report.text()
    got = views(plan_file)
    assert got["Late talk"][:2] == (utc(2025, 8, 13, 20), utc(2025, 8, 13, 21))
    # 01:30 on the day of 13 August that changes at 04:00 is the night into 14 August.
    assert got["Night owl session"][:2] == (utc(2025, 8, 13, 23, 30), utc(2025, 8, 14, 0, 15))


INDICO = """<?xml version="1.0" encoding="UTF-8"?>
<schedule>
  <generator name="indico-c3voc-export" version="3.3"/>
  <version>1</version>
  <conference>
    <acronym>ICUP-2025</acronym>
    <title>International Conference on Urban Planning 2025</title>
    <start>2025-09-22</start>
    <end>2025-09-22</end>
    <time_zone_name>Asia/Singapore</time_zone_name>
  </conference>
  <day index="1" date="2025-09-22">
    <room name="">
      <event guid="" id="contrib-55">
        <date>2025-09-22T09:00:00+08:00</date><start>09:00</start><duration>00:20</duration>
        <room/><title>Opening remarks</title><type>Contribution</type>
        <persons><person>Prof. Tan Wei</person><person>Dr. A. Rahman</person></persons>
      </event>
      <event id="contrib-56">
        <date>2025-09-22T09:20:00+08:00</date><start>09:20</start><duration>00:40</duration>
        <room/><title>Keynote: Water-sensitive cities</title><type>Keynote</type>
        <persons><person>Dr. A. Rahman</person></persons>
      </event>
    </room>
  </day>
</schedule>
"""


def test_indico_export_without_rooms_guids_or_speaker_ids(plan_file: PlanFile) -> None:
    with plan_file.transaction() as s:
        report = import_schedule(s, INDICO.encode())
    assert (report.added, report.errors) == (2, [])
    got = views(plan_file)
    assert got["Opening remarks"] == (utc(2025, 9, 22, 1), utc(2025, 9, 22, 1, 20), "General")
    with plan_file.transaction() as s:
        again = import_schedule(s, INDICO.encode())
    # No guid: the made-up one is stable, so the second import changes nothing.
    assert (again.added, again.unchanged) == (0, 2)
    with plan_file.reading() as s:
        keynote = next(i for i in items.list_items(s) if i.title_en.startswith("Keynote"))
        assert keynote.kind == "keynote"
        speakers = names_by_item(s, [keynote.id])[keynote.id]["speaking"]
    assert speakers == ["Dr. A. Rahman"]


def test_cli_import_schedule_skip_invalid(
    plan_file: PlanFile, tmp_path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "schedule.xml"
    source.write_text(FRAB, encoding="utf-8")
    assert main(["import", "schedule", str(plan_file.path), str(source)]) == 2
    assert "error: day 1, room 'Stage A', event 3: start 'ten'" in capsys.readouterr().err
    assert main(["import", "schedule", str(plan_file.path), str(source), "--skip-invalid"]) == 0
    assert "2 added, 0 updated, 0 unchanged, 1 skipped" in capsys.readouterr().out

"""iCalendar export and import: airline invitation, time zones, recurrence, round trip, bad files."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from icalendar import Calendar
from sqlalchemy import func, select

from tourplanner.db import PlanFile
from tourplanner.demo import write_demo_plan
from tourplanner.interchange.ics_export import export_ics, ics_bytes
from tourplanner.interchange.ics_import import import_ics
from tourplanner.interchange.report import FileFormatError, ImportRefused
from tourplanner.models import Item, Programme, Venue
from tourplanner.services import items, people, plans, programmes, travel, venues

pytestmark = pytest.mark.both_engines

FIXTURES = Path(__file__).parents[1] / "fixtures" / "interchange"


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def item_count(plan: PlanFile) -> int:
    with plan.reading() as s:
        return s.scalar(select(func.count()).select_from(Item)) or 0


@pytest.fixture
def programme_id(plan_file: PlanFile) -> int:
    with plan_file.transaction() as s:
        return programmes.create_programme(
            s,
            title_en="Travel",
            kind="visit",
            start_date=date(2015, 4, 16),
            end_date=date(2015, 4, 30),
            timezone="Asia/Shanghai",
        )


# --- import -------------------------------------------------------------------------------


def test_airline_invitation_with_vtimezones_and_two_calendars(
    plan_file: PlanFile, programme_id: int
) -> None:
    with plan_file.transaction() as s:
        report = import_ics(s, FIXTURES / "united_iad_pek.ics", programme_id=programme_id)
    assert (report.added, report.errors) == (3, [])
    with plan_file.reading() as s:
        by_title = {
            i.title_en.split(" ")[2] if i.title_en.startswith("Flight") else "hotel": i
            for i in items.list_items(s)
        }
        out = by_title["897"]
        # 12:25 EDT in Washington, 14:15 CST next day in Beijing.
        assert (out.start_utc, out.end_utc) == (utc(2015, 4, 16, 16, 25), utc(2015, 4, 17, 6, 15))
        assert out.timezone == "America/New_York"
        assert out.sequence == 1
        assert "Confirmation: K7QX2M" in out.description
        assert out.uid == "UA897-20150416-IAD-PEK-K7QX2M@travel.example-agency.com"
        # All-day hotel stay: whole local days in the programme's zone.
        hotel = by_title["hotel"]
        assert (hotel.start_utc, hotel.end_utc) == (utc(2015, 4, 18, 16), utc(2015, 4, 22, 16))
        assert "Location: Wuzhou Guest House" in hotel.description
        # Second VCALENDAR, Outlook's Windows zone name, end given in UTC.
        back = by_title["888"]
        assert back.timezone == "Asia/Shanghai"
        assert (back.start_utc, back.end_utc) == (utc(2015, 4, 26, 3), utc(2015, 4, 26, 15, 45))


def test_reimporting_an_invitation_updates_rather_than_duplicates(
    plan_file: PlanFile, programme_id: int, tmp_path: Path
) -> None:
    source = FIXTURES / "united_iad_pek.ics"
    with plan_file.transaction() as s:
        import_ics(s, source, programme_id=programme_id)
    with plan_file.transaction() as s:
        again = import_ics(s, source, programme_id=programme_id)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 3)
    moved = (
        source.read_bytes()
        .replace(b"20150416T122500", b"20150416T132500")
        .replace(b"SEQUENCE:1", b"SEQUENCE:2")
    )
    with plan_file.transaction() as s:
        third = import_ics(s, moved, programme_id=programme_id)
    assert (third.added, third.updated, third.unchanged) == (0, 1, 2)
    assert item_count(plan_file) == 3
    with plan_file.reading() as s:
        flight = next(i for i in items.list_items(s) if "897" in i.title_en)
        assert flight.start_utc == utc(2015, 4, 16, 17, 25)
        assert flight.sequence >= 2


ICS_HEAD = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"


def _ics(*events: str) -> bytes:
    body = "".join(f"BEGIN:VEVENT\r\n{e.strip()}\r\nEND:VEVENT\r\n" for e in events)
    return (ICS_HEAD + body + "END:VCALENDAR\r\n").encode()


def test_utc_floating_and_recurring_events(plan_file: PlanFile, programme_id: int) -> None:
    data = _ics(
        "UID:a\r\nSUMMARY:UTC call\r\nDTSTART:20150420T010000Z\r\nDTEND:20150420T020000Z",
        "UID:b\r\nSUMMARY:Floating lunch\r\nDTSTART:20150420T120000\r\nDURATION:PT90M",
        "UID:c\r\nSUMMARY:Breakfast\r\nDTSTART;TZID=Asia/Shanghai:20150420T070000\r\n"
        "DTEND;TZID=Asia/Shanghai:20150420T080000\r\n"
        "RRULE:FREQ=DAILY;UNTIL=20150424T000000Z\r\n"
        "EXDATE;TZID=Asia/Shanghai:20150422T070000\r\nCATEGORIES:Meal",
    )
    with plan_file.transaction() as s:
        import_ics(s, data, programme_id=programme_id)
    with plan_file.reading() as s:
        got = {i.uid: i for i in items.list_items(s)}
        assert got["a"].start_utc == utc(2015, 4, 20, 1)
        assert (got["b"].start_utc, got["b"].end_utc) == (
            utc(2015, 4, 20, 4),
            utc(2015, 4, 20, 5, 30),
        )
        breakfast = got["c"]
        assert breakfast.kind == "meal"
        assert breakfast.recurrence == "FREQ=DAILY;UNTIL=20150424T080000"
        assert breakfast.exdates == "2015-04-22T07:00:00"
        from tourplanner.services.itinerary import programme_items

        days = [v.start_utc.day for v in programme_items(s, programme_id) if v.uid == "c"]
        assert days == [19, 20, 22, 23]  # 07:00 CST is 23:00 UTC the day before; the 22nd skipped


def test_changed_occurrence_becomes_its_own_item(plan_file: PlanFile, programme_id: int) -> None:
    data = _ics(
        "UID:s\r\nSUMMARY:Stand-up\r\nDTSTART;TZID=Asia/Shanghai:20150420T090000\r\n"
        "DTEND;TZID=Asia/Shanghai:20150420T091500\r\nRRULE:FREQ=DAILY;COUNT=3",
        "UID:s\r\nRECURRENCE-ID;TZID=Asia/Shanghai:20150421T090000\r\nSUMMARY:Stand-up (late)\r\n"
        "DTSTART;TZID=Asia/Shanghai:20150421T110000\r\nDTEND;TZID=Asia/Shanghai:20150421T111500",
    )
    with plan_file.transaction() as s:
        report = import_ics(s, data, programme_id=programme_id)
    assert report.added == 2
    with plan_file.reading() as s:
        series = next(i for i in items.list_items(s) if i.uid == "s")
        assert series.exdates == "2015-04-21T09:00:00"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"hello\r\n", "line 1: not an iCalendar content line"),
        (
            (
                ICS_HEAD + "BEGIN:VEVENT\r\nUID:x\r\nDTSTART:20150420T010000Z\r\nEND:VCALENDAR\r\n"
            ).encode(),
            "line 7: END:VCALENDAR does not close BEGIN:VEVENT of line 4",
        ),
        ((ICS_HEAD + "BEGIN:VEVENT\r\nUID:x\r\n").encode(), "line 4: BEGIN:VEVENT is never closed"),
        (
            (
                ICS_HEAD
                + "BEGIN:VEVENT\r\nthis is not a property\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
            ).encode(),
            "line 5: not an iCalendar content line",
        ),
        (ICS_HEAD.encode() + b"SUMMARY:\xff\xfe\r\nEND:VCALENDAR\r\n", "line 4: not UTF-8"),
        (b"", "empty"),
    ],
)
def test_malformed_files_name_the_line_and_import_nothing(
    plan_file: PlanFile, programme_id: int, data: bytes, message: str
) -> None:
    with pytest.raises(FileFormatError, match=message), plan_file.transaction() as s:
        import_ics(s, data, programme_id=programme_id)
    assert item_count(plan_file) == 0


def test_one_bad_event_refuses_the_whole_file(plan_file: PlanFile, programme_id: int) -> None:
    data = _ics(
        "UID:good\r\nSUMMARY:Fine\r\nDTSTART:20150420T010000Z\r\nDTEND:20150420T020000Z",
        "UID:tz\r\nSUMMARY:Unknown zone\r\nDTSTART;TZID=Mars/Olympus:20150420T010000\r\nDTEND;TZID=Mars/Olympus:20150420T020000",
        "UID:broken\r\nSUMMARY:Broken\r\nDTSTART:2015042\r\nDTEND:20150420T020000Z",
        "UID:backwards\r\nSUMMARY:Backwards\r\nDTSTART:20150420T050000Z\r\nDTEND:20150420T020000Z",
    )
    with pytest.raises(ImportRefused) as refused, plan_file.transaction() as s:
        import_ics(s, data, programme_id=programme_id)
    text = refused.value.report.text()
    assert "line 10: DTSTART uses time zone 'Mars/Olympus'" in text
    assert "line 16:" in text and "2015042" in text
    assert "line 22: end: must be after the start" in text
    assert item_count(plan_file) == 0


def test_dry_run_writes_nothing(plan_file: PlanFile, programme_id: int) -> None:
    with plan_file.transaction() as s:
        report = import_ics(
            s, FIXTURES / "united_iad_pek.ics", programme_id=programme_id, dry_run=True
        )
    assert report.added == 3
    assert item_count(plan_file) == 0


# --- export -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.tourplan"
    write_demo_plan(path)
    return path


def test_person_itinerary_export(demo_path: Path, tmp_path: Path) -> None:
    with PlanFile.open(demo_path) as plan, plan.reading() as s:
        traveller = next(p for p in people.list_people(s) if travel.travel_of_person(s, p.id))
        segments = [
            (t.uid, t.start_timezone, t.end_timezone, t.start_utc)
            for t in travel.travel_of_person(s, traveller.id)
        ]
        count = export_ics(s, tmp_path / "me.ics", person_id=traveller.id)
    calendar = Calendar.from_ical((tmp_path / "me.ics").read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert count == len(events) > len(segments)
    zones = {str(e["DTSTART"].params.get("TZID")) for e in events} | {
        str(e["DTEND"].params.get("TZID")) for e in events
    }
    zones.discard("None")
    assert {tz.tz_name for tz in calendar.timezones} >= zones >= {"Asia/Shanghai"}
    uid, start_zone, end_zone, start_utc = segments[0]
    flight = next(e for e in events if str(e["UID"]) == uid)
    assert flight["DTSTART"].dt.tzinfo.key == start_zone
    assert flight["DTEND"].dt.tzinfo.key == end_zone
    assert flight["DTSTART"].dt == start_utc
    crossing = [e for e in events if "Washington Dulles (IAD) → Beijing" in str(e["SUMMARY"])]
    assert crossing and "CST +1" in str(crossing[0]["DESCRIPTION"])  # arrives the next day


def test_programme_export_location_both_languages_uid_and_sequence(
    demo_path: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "copy.tourplan"
    copy.write_bytes(demo_path.read_bytes())
    with PlanFile.open(copy) as plan:
        with plan.reading() as s:
            conference = programmes.find_programme(
                s, "SAFEA Foreign Expert Affairs Conference 2015"
            ).id
            first = ics_bytes(s, programme_id=conference)[0]
        before = {str(e["UID"]): e for e in Calendar.from_ical(first).walk("VEVENT")}
        keynote_uid = next(
            u
            for u, e in before.items()
            if "KEYNOTE" in str(e.get("X-TOURPLANNER-KIND", "")).upper()
        )
        with plan.transaction() as s:
            keynote = next(i for i in items.list_items(s, conference) if i.uid == keynote_uid)
            items.move_item(s, keynote.id, datetime(2015, 4, 21, 10, 0))
        with plan.reading() as s:
            second = ics_bytes(s, programme_id=conference)[0]
    after = {str(e["UID"]): e for e in Calendar.from_ical(second).walk("VEVENT")}
    assert after.keys() == before.keys()
    assert int(after[keynote_uid]["SEQUENCE"]) == int(before[keynote_uid]["SEQUENCE"]) + 1
    location = str(after[keynote_uid]["LOCATION"])
    assert "Shenzhen Convention & Exhibition Center" in location and "深圳会展中心" in location
    assert after[keynote_uid]["DTSTART"].params["TZID"] == "Asia/Shanghai"
    assert "Speakers:" in str(after[keynote_uid]["DESCRIPTION"])


def _copy_skeleton(source: PlanFile, target: PlanFile, programme_title: str) -> int:
    """The venues, rooms and one programme of `source` recreated in an empty `target`."""
    with source.reading() as s:
        venue_rows = [
            (
                {k: getattr(v, k) for k in venues.VENUE_FIELDS},
                [(r.name, r.name_local, r.capacity) for r in v.rooms],
            )
            for v in venues.list_venues(s)
        ]
        prog = programmes.find_programme(s, programme_title)
        prog_fields = {k: getattr(prog, k) for k in programmes.FIELDS if k != "parent_id"}
    with target.transaction() as s:
        plans.create_plan(s, title="Copy", home_timezone="Asia/Shanghai")
        for fields, rooms in venue_rows:
            vid = venues.create_venue(s, **fields)
            for name, name_local, capacity in rooms:
                venues.add_room(s, vid, name=name, name_local=name_local, capacity=capacity)
        return programmes.create_programme(s, **prog_fields)


ITEM_FIELDS = (
    "uid",
    "title_en",
    "title_local",
    "kind",
    "start_utc",
    "end_utc",
    "timezone",
    "description",
    "status",
    "track",
    "language",
    "recurrence",
    "exdates",
)


def _items(plan: PlanFile, programme_id: int) -> list[tuple]:
    with plan.reading() as s:
        return sorted(
            tuple(getattr(i, f) for f in ITEM_FIELDS)
            + (i.venue.name_en if i.venue else None, i.room.name if i.room else None)
            for i in items.list_items(s, programme_id)
        )


@pytest.mark.parametrize(
    "title", ["SAFEA Foreign Expert Affairs Conference 2015", "Pre-conference study tour: Beijing"]
)
def test_round_trip_plan_ics_new_plan(demo_path: Path, tmp_path: Path, title: str) -> None:
    with PlanFile.open(demo_path) as source:
        with source.reading() as s:
            pid = programmes.find_programme(s, title).id
            data, _ = ics_bytes(s, programme_id=pid)
        target = PlanFile.create(tmp_path / "new.tourplan")
        try:
            new_pid = _copy_skeleton(source, target, title)
            with target.transaction() as s:
                report = import_ics(s, data, programme_id=new_pid)
            assert report.errors == []
            assert _items(target, new_pid) == _items(source, pid)
        finally:
            target.close()


def test_whole_plan_export(demo_path: Path) -> None:
    with PlanFile.open(demo_path) as plan, plan.reading() as s:
        data, count = ics_bytes(s)
        total = s.scalar(select(func.count()).select_from(Item))
        assert s.scalar(select(func.count()).select_from(Programme)) == 4
        assert s.scalar(select(func.count()).select_from(Venue)) > 6
    assert count == total == len(list(Calendar.from_ical(data).walk("VEVENT")))


def test_round_trip_keeps_text_with_newlines_commas_and_semicolons(
    plan_file: PlanFile, programme_id: int, tmp_path: Path
) -> None:
    with plan_file.transaction() as s:
        items.create_item(
            s,
            programme_id=programme_id,
            title_en="Briefing; part 1, again",
            title_local="情况介绍；第一部分",
            kind="plenary",
            start=datetime(2015, 4, 20, 9),
            end=datetime(2015, 4, 20, 10, 30),
            description="Line one\nLine two, with; punctuation \\ and a backslash",
            track="Policy",
            language="zh",
            status="tentative",
            recurrence="FREQ=DAILY;COUNT=4",
            exdates="2015-04-22T09:00:00",
        )
        items.create_item(
            s,
            programme_id=programme_id,
            title_en="Breakfast",
            kind="meal",
            start=datetime(2015, 4, 20, 7),
            end=datetime(2015, 4, 20, 8),
            recurrence="FREQ=DAILY;UNTIL=20150424T070000",
        )
        data, _ = ics_bytes(s, programme_id=programme_id)
    assert b"RRULE:FREQ=DAILY;UNTIL=20150423T230000Z" in data  # UTC, as RFC 5545 asks
    other = PlanFile.create(tmp_path / "other.tourplan")
    try:
        with other.transaction() as s:
            pid = programmes.create_programme(
                s,
                title_en="Travel",
                kind="visit",
                start_date=date(2015, 4, 16),
                end_date=date(2015, 4, 30),
                timezone="Asia/Shanghai",
            )
            import_ics(s, data, programme_id=pid)
        assert _items(other, pid) == _items(plan_file, programme_id)
    finally:
        other.close()


def test_absurd_sequence_is_refused_and_long_uid_is_tamed(
    plan_file: PlanFile, programme_id: int
) -> None:
    event = (
        "UID:" + "x" * 300 + "\r\nSUMMARY:A\r\nSEQUENCE:{}\r\n"
        "DTSTART:20150420T010000Z\r\nDTEND:20150420T020000Z"
    )
    refused = pytest.raises(ImportRefused, match="line 4: SEQUENCE: .* outside the RFC 5545 range")
    with refused, plan_file.transaction() as s:
        import_ics(s, _ics(event.format("99999999999999999999999999")), programme_id=programme_id)
    assert item_count(plan_file) == 0
    for _ in range(2):
        with plan_file.transaction() as s:
            import_ics(s, _ics(event.format("7")), programme_id=programme_id)
    with plan_file.reading() as s:
        (item,) = items.list_items(s)
        assert item.sequence == 7 and len(item.uid) <= 64

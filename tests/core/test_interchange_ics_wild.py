"""Calendars as they arrive from Outlook, Google, Apple, Thunderbird and booking systems: what the
icalendar library reads is imported, the broken events are skipped on request, zones defined in
the file keep exact instants, RDATE is kept, and everything round-trips through `export ics`."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from icalendar import Calendar
from sqlalchemy import func, select

from tourplanner.db import PlanFile
from tourplanner.interchange.ics_export import ics_bytes
from tourplanner.interchange.ics_import import import_ics
from tourplanner.interchange.report import FileFormatError, ImportRefused
from tourplanner.models import Item
from tourplanner.services import items, programmes

HEAD = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def calendar(*events: str, zones: str = "") -> bytes:
    body = "".join(f"BEGIN:VEVENT\r\n{e.strip()}\r\nEND:VEVENT\r\n" for e in events)
    return (HEAD + zones + body + "END:VCALENDAR\r\n").encode()


def refused(plan: PlanFile, data: bytes, programme_id: int, error: type, match: str) -> None:
    """Importing `data` raises `error` matching `match`, and writes nothing."""
    before = item_count(plan)
    with pytest.raises(error, match=match), plan.transaction() as s:
        import_ics(s, data, programme_id=programme_id)
    assert item_count(plan) == before


def item_count(plan: PlanFile) -> int:
    with plan.reading() as s:
        return s.scalar(select(func.count()).select_from(Item)) or 0


@pytest.fixture
def programme_id(plan_file: PlanFile) -> int:
    with plan_file.transaction() as s:
        return programmes.create_programme(
            s,
            title_en="Berlin visit",
            kind="visit",
            start_date=date(2015, 3, 1),
            end_date=date(2015, 4, 30),
            timezone="Europe/Berlin",
        )


def by_uid(plan: PlanFile) -> dict[str, Item]:
    with plan.reading() as s:
        got = {i.uid: i for i in items.list_items(s)}
        s.expunge_all()
        return got


def round_trip(plan: PlanFile, programme_id: int) -> dict[str, tuple[datetime, datetime]]:
    """The UTC instants of each event of the programme's exported .ics, by UID."""
    with plan.reading() as s:
        data, _ = ics_bytes(s, programme_id=programme_id)
    out = {}
    for event in Calendar.from_ical(data).walk("VEVENT"):
        start, end = event["DTSTART"].dt, event["DTEND"].dt
        out[str(event["UID"])] = (start.astimezone(UTC), end.astimezone(UTC))
    return out


def instants(plan: PlanFile) -> dict[str, tuple[datetime, datetime]]:
    return {uid: (i.start_utc, i.end_utc) for uid, i in by_uid(plan).items()}


# --- what the library reads is read ------------------------------------------------------


APPLE = (
    "UID:apple-1\r\nSUMMARY:Site visit\r\n"
    "DTSTART;TZID=Europe/Berlin:20150420T100000\r\nDTEND;TZID=Europe/Berlin:20150420T120000\r\n"
    "LOCATION:Potsdamer Platz 1\\n10785 Berlin\r\n"
    'X-APPLE-STRUCTURED-LOCATION;VALUE=URI;X-ADDRESS="Potsdamer Platz 1\\\\n10785 Be\r\n'
    ' rlin";X-APPLE-RADIUS=70.59;X-APPLE-REFERENCEFRAME=1;X-TITLE="Potsdamer Pla\r\n'
    ' tz 1":geo:52.509,13.376\r\n'
)
SPACED = (
    "UID:spaced-1\r\nSUMMARY:Board meeting\r\n"
    "DTSTART ; TZID = Europe/Berlin:20150421T090000\r\nDTEND;TZID=Europe/Berlin:20150421T100000\r\n"
    "X-MS-OLK-FORCEINSPECTOROPEN ; VALUE = BOOLEAN:TRUE\r\n"
)


def test_apple_structured_location_and_unusual_spacing_import(
    plan_file: PlanFile, programme_id: int
) -> None:
    data = calendar(APPLE, SPACED).replace(
        b"VERSION:2.0\r\n", b"VERSION:2.0\r\nREFRESH - INTERVAL; VALUE = DURATION:PT48H\r\n"
    )
    with plan_file.transaction() as s:
        report = import_ics(s, data, programme_id=programme_id)
    assert (report.added, report.errors) == (2, [])
    got = by_uid(plan_file)
    assert (got["apple-1"].start_utc, got["apple-1"].timezone) == (
        utc(2015, 4, 20, 8),
        "Europe/Berlin",
    )
    assert got["spaced-1"].start_utc == utc(2015, 4, 21, 7)
    assert round_trip(plan_file, programme_id) == instants(plan_file)


def test_files_the_library_cannot_read_still_name_the_line(
    plan_file: PlanFile, programme_id: int
) -> None:
    broken = HEAD + "BEGIN:VEVENT\r\nUID:x\r\nBEGIN:VALARM\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    refused(
        plan_file,
        broken.encode(),
        programme_id,
        FileFormatError,
        "line 7: END:VEVENT does not close BEGIN:VALARM of line 6",
    )
    deep = HEAD + "BEGIN:X\r\n" * 9 + "END:X\r\n" * 9 + "END:VCALENDAR\r\n"
    refused(plan_file, deep.encode(), programme_id, FileFormatError, "nested too deeply")
    assert item_count(plan_file) == 0


# --- one broken event among good ones ----------------------------------------------------

GOOD = [
    f"UID:good-{n}\r\nSUMMARY:Talk {n}\r\nDTSTART:201504{n + 10:02d}T080000Z\r\n"
    f"DTEND:201504{n + 10:02d}T090000Z"
    for n in range(1, 6)
]
BROKEN = [
    "UID:bad-rrule\r\nSUMMARY:Weekly\r\nDTSTART:20150401T080000Z\r\nDTEND:20150401T090000Z\r\n"
    "RRULE:FREQ=INVALID_TYPE_CAUSES_ERROR",
    "UID:bad-duration\r\nSUMMARY:Forever\r\nDTSTART:20150402T080000Z\r\n"
    "DURATION:P999999999999999999W",
    "UID:backwards\r\nSUMMARY:Backwards\r\nDTSTART:20150403T090000Z\r\nDTEND:20150403T080000Z",
    "UID:bad-start\r\nSUMMARY:No date\r\nDTSTART:INVALID-DATE\r\nDTEND:20150404T090000Z",
    "UID:junk-line\r\nSUMMARY:Junk\r\nDTSTART:20150405T080000Z\r\nX-APPLE-RADIUS=49.9",
]


def test_broken_events_refuse_the_file_unless_skipped(
    plan_file: PlanFile, programme_id: int
) -> None:
    data = calendar(*GOOD[:3], *BROKEN[:4], *GOOD[3:])
    with pytest.raises(ImportRefused) as refused, plan_file.transaction() as s:
        import_ics(s, data, programme_id=programme_id)
    assert len(refused.value.report.errors) == 4
    assert item_count(plan_file) == 0

    with plan_file.transaction() as s:
        report = import_ics(s, data, programme_id=programme_id, skip_invalid=True)
    assert (report.added, report.skipped) == (5, 4)
    text = report.text()
    # The good events are six lines each; the broken ones begin on lines 22, 29, 35 and 41.
    assert "line 22: RRULE: Expected frequency" in text
    assert "line 29: DURATION: Impractical iCalendar duration" in text
    assert "line 35: end: must be after the start" in text
    assert "line 41: DTSTART: Expected datetime" in text
    assert "5 added, 0 updated, 0 unchanged, 4 skipped" in report.summary()
    assert sorted(by_uid(plan_file)) == [f"good-{n}" for n in range(1, 6)]
    assert round_trip(plan_file, programme_id) == instants(plan_file)


def test_an_unreadable_line_refuses_the_file_or_skips_its_event(
    plan_file: PlanFile, programme_id: int
) -> None:
    data = calendar(GOOD[0], BROKEN[4])
    refused(
        plan_file, data, programme_id, FileFormatError, "line 14: not an iCalendar content line"
    )
    with plan_file.transaction() as s:
        report = import_ics(s, data, programme_id=programme_id, skip_invalid=True)
    assert (report.added, report.skipped) == (1, 1)
    assert (
        "line 10: the event's line 14 is not an iCalendar content line: 'X-APPLE-RADIUS=49.9'"
    ) in report.text()


def test_skip_invalid_dry_run_writes_nothing(plan_file: PlanFile, programme_id: int) -> None:
    data = calendar(GOOD[0], BROKEN[0])
    with plan_file.transaction() as s:
        report = import_ics(s, data, programme_id=programme_id, skip_invalid=True, dry_run=True)
    assert (report.added, report.skipped) == (1, 1)
    assert item_count(plan_file) == 0


def test_unused_broken_property_is_a_note(plan_file: PlanFile, programme_id: int) -> None:
    data = calendar(GOOD[0] + "\r\nATTACH;VALUE=BINARY;ENCODING=BASE64:@@@not base64@@@")
    with plan_file.transaction() as s:
        report = import_ics(s, data, programme_id=programme_id)
    assert report.added == 1
    assert report.errors == [] and any("ATTACH" in str(n) for n in report.notes)


def test_repeated_start_is_said_in_words(plan_file: PlanFile, programme_id: int) -> None:
    data = calendar(
        "UID:two\r\nDTSTART:20150420T080000Z\r\nDTSTART:20150420T100000Z\r\nSUMMARY:Twice"
    )
    refused(
        plan_file,
        data,
        programme_id,
        ImportRefused,
        "line 4: the event has 2 DTSTARTs; it must have one",
    )


def test_cli_skip_invalid_names_each_skipped_event(
    plan_file: PlanFile, programme_id: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tourplanner.cli import main

    source = tmp_path / "outlook.ics"
    source.write_bytes(calendar(GOOD[0], BROKEN[0], GOOD[1]))
    args = ["import", "ics", str(plan_file.path), str(source), "--programme", "Berlin visit"]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "line 10: RRULE: Expected frequency" in err and "error: calendar events refused" in err
    assert item_count(plan_file) == 0
    assert main([*args, "--skip-invalid"]) == 0
    out = capsys.readouterr()
    assert "2 added, 0 updated, 0 unchanged, 1 skipped" in out.out
    assert "line 10: RRULE: Expected frequency" in out.err
    assert item_count(plan_file) == 2

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
from tourplanner.services.itinerary import programme_items

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


# --- zones in the wild ---------------------------------------------------------------------


def vtimezone(tzid: str, standard: str = "+0100", daylight: str | None = "+0200") -> str:
    """A VTIMEZONE as Outlook writes it: rules from 1601, EU transition Sundays."""
    parts = [f"BEGIN:VTIMEZONE\r\nTZID:{tzid}\r\n"]
    if daylight is None:
        parts.append(
            f"BEGIN:STANDARD\r\nDTSTART:16010101T000000\r\nTZOFFSETFROM:{standard}\r\n"
            f"TZOFFSETTO:{standard}\r\nEND:STANDARD\r\n"
        )
    else:
        parts.append(
            "BEGIN:STANDARD\r\nDTSTART:16011028T030000\r\n"
            "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\n"
            f"TZOFFSETFROM:{daylight}\r\nTZOFFSETTO:{standard}\r\nEND:STANDARD\r\n"
            "BEGIN:DAYLIGHT\r\nDTSTART:16010325T020000\r\n"
            "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\n"
            f"TZOFFSETFROM:{standard}\r\nTZOFFSETTO:{daylight}\r\nEND:DAYLIGHT\r\n"
        )
    return "".join(parts) + "END:VTIMEZONE\r\n"


def meeting(uid: str, tzid: str, start: str, end: str, extra: str = "") -> str:
    return (
        f"UID:{uid}\r\nSUMMARY:Meeting {uid}\r\nDTSTART;TZID={tzid}:{start}\r\n"
        f"DTEND;TZID={tzid}:{end}" + (f"\r\n{extra}" if extra else "")
    )


def test_outlook_custom_zones_keep_exact_instants(plan_file: PlanFile, programme_id: int) -> None:
    zones = (
        vtimezone("W. Europe Standard Time")
        + vtimezone("Western/Central Europe")
        + vtimezone("CUSTOM_tzid", "+0545", None)
        + vtimezone("Odd Local Time", "+0123", None)
    )
    data = calendar(
        # Before and after the EU change to summer time on 29 March 2015.
        meeting("win", "W. Europe Standard Time", "20150327T100000", "20150327T110000"),
        meeting("custom", "Western/Central Europe", "20150330T100000", "20150330T110000"),
        meeting("nepal", "CUSTOM_tzid", "20150401T090000", "20150401T100000"),
        meeting("odd", "Odd Local Time", "20150402T090000", "20150402T100000"),
        zones=zones,
    )
    with plan_file.transaction() as s:
        report = import_ics(s, data, programme_id=programme_id)
    assert (report.added, report.errors) == (4, [])
    got = by_uid(plan_file)
    assert (got["win"].start_utc, got["win"].timezone) == (utc(2015, 3, 27, 9), "Europe/Berlin")
    assert (got["custom"].start_utc, got["custom"].timezone) == (
        utc(2015, 3, 30, 8),
        "Europe/Berlin",  # no IANA name: the programme's zone has the same rules
    )
    assert (got["nepal"].start_utc, got["nepal"].timezone) == (
        utc(2015, 4, 1, 3, 15),
        "Asia/Kathmandu",
    )
    assert (got["odd"].start_utc, got["odd"].timezone) == (utc(2015, 4, 2, 7, 37), "Europe/Berlin")
    text = report.text()
    assert "'Western/Central Europe' is defined in the file" in text
    assert "shown in Asia/Kathmandu, which has the same rules" in text
    assert "'Odd Local Time' matches no IANA zone; its times are kept exact" in text
    assert round_trip(plan_file, programme_id) == instants(plan_file)


def test_vendor_prefixes_and_windows_names(plan_file: PlanFile, programme_id: int) -> None:
    thunderbird = "/mozilla.org/20070129_1/Europe/Berlin"
    evolution = "/freeassociation.sourceforge.net/Tzfile/America/New_York"
    data = calendar(
        meeting("tb", thunderbird, "20150415T140000", "20150415T150000"),
        meeting("evo", evolution, "20150416T090000", "20150416T100000"),
        # No VTIMEZONE at all: the library's own Windows table names the zone.
        meeting("outlook", "China Standard Time", "20150417T090000", "20150417T100000"),
        zones=vtimezone(thunderbird),
    )
    with plan_file.transaction() as s:
        report = import_ics(s, data, programme_id=programme_id)
    assert (report.added, report.errors) == (3, [])
    assert "guessing it means 'America/New_York' by stripping the vendor prefix" in report.text()
    got = by_uid(plan_file)
    assert (got["tb"].start_utc, got["tb"].timezone) == (utc(2015, 4, 15, 12), "Europe/Berlin")
    assert (got["evo"].start_utc, got["evo"].timezone) == (
        utc(2015, 4, 16, 13),
        "America/New_York",
    )
    assert (got["outlook"].start_utc, got["outlook"].timezone) == (
        utc(2015, 4, 17, 1),
        "Asia/Shanghai",
    )
    assert round_trip(plan_file, programme_id) == instants(plan_file)


def test_weekly_meeting_in_a_custom_zone_keeps_its_wall_clock_across_dst(
    plan_file: PlanFile, programme_id: int
) -> None:
    data = calendar(
        meeting(
            "weekly",
            "Western/Central Europe",
            "20150323T100000",
            "20150323T110000",
            "RRULE:FREQ=WEEKLY;COUNT=3",
        ),
        zones=vtimezone("Western/Central Europe"),
    )
    with plan_file.transaction() as s:
        import_ics(s, data, programme_id=programme_id)
    with plan_file.reading() as s:
        starts = [v.start_utc for v in programme_items(s, programme_id)]
    assert starts == [utc(2015, 3, 23, 9), utc(2015, 3, 30, 8), utc(2015, 4, 6, 8)]


# --- RDATE and RSCALE ----------------------------------------------------------------------


def test_rdate_extra_dates_are_kept_expanded_and_exported(
    plan_file: PlanFile, programme_id: int
) -> None:
    data = calendar(
        meeting(
            "weekly",
            "Europe/Berlin",
            "20150323T100000",
            "20150323T110000",
            "RRULE:FREQ=WEEKLY;COUNT=3\r\n"
            "RDATE;TZID=Europe/Berlin:20150325T150000,20150401T100000\r\n"
            "EXDATE;TZID=Europe/Berlin:20150330T100000",
        ),
        # RDATE alone (no rule): the start and the extra dates, the last one past the programme.
        meeting(
            "extra",
            "Europe/Berlin",
            "20150410T090000",
            "20150410T093000",
            "RDATE;VALUE=DATE-TIME:20150412T070000Z\r\nRDATE;TZID=Europe/Berlin:20150601T090000",
        ),
    )
    with plan_file.transaction() as s:
        report = import_ics(s, data, programme_id=programme_id)
    assert (report.added, report.errors) == (2, [])
    got = by_uid(plan_file)
    assert got["weekly"].rdates == "2015-03-25T15:00:00,2015-04-01T10:00:00"
    assert got["extra"].rdates == "2015-04-12T09:00:00,2015-06-01T09:00:00"
    with plan_file.reading() as s:
        views = programme_items(s, programme_id)
        weekly = [(v.start_utc, v.end_utc) for v in views if v.uid == "weekly"]
        extra = [v.start_utc for v in views if v.uid == "extra"]
    # 23 Mar (CET), 25 Mar 15:00 extra, 30 Mar excluded, 1 Apr the rule's own and an RDATE once,
    # 6 Apr (CEST); every occurrence lasts an hour.
    assert weekly == [
        (utc(2015, 3, 23, 9), utc(2015, 3, 23, 10)),
        (utc(2015, 3, 25, 14), utc(2015, 3, 25, 15)),
        (utc(2015, 4, 1, 8), utc(2015, 4, 1, 9)),
        (utc(2015, 4, 6, 8), utc(2015, 4, 6, 9)),
    ]
    assert extra == [utc(2015, 4, 10, 7), utc(2015, 4, 12, 7)]  # June is after the programme

    with plan_file.reading() as s:
        exported, _ = ics_bytes(s, programme_id=programme_id)
    events = {str(e["UID"]): e for e in Calendar.from_ical(exported).walk("VEVENT")}
    rdates = events["weekly"]["RDATE"]
    starts = [
        d.dt.astimezone(UTC)
        for group in (rdates if isinstance(rdates, list) else [rdates])
        for d in group.dts
    ]
    assert starts == [utc(2015, 3, 25, 14), utc(2015, 4, 1, 8)]
    assert round_trip(plan_file, programme_id) == instants(plan_file)

    # The exported file imports back into the same items and occurrences.
    with plan_file.transaction() as s:
        again = import_ics(s, exported, programme_id=programme_id)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 2)


def test_rscale_is_refused_in_words(plan_file: PlanFile, programme_id: int) -> None:
    data = calendar(
        "UID:new-year\r\nSUMMARY:Chinese New Year\r\nDTSTART;VALUE=DATE:20150219\r\n"
        "RRULE:RSCALE=CHINESE;FREQ=YEARLY",
        GOOD[0],
    )
    refused(
        plan_file,
        data,
        programme_id,
        ImportRefused,
        "line 4: the event repeats by the Chinese calendar .RRULE RSCALE=CHINESE.; only repeats "
        "by the Gregorian calendar can be imported",
    )
    with plan_file.transaction() as s:
        report = import_ics(s, data, programme_id=programme_id, skip_invalid=True)
    assert (report.added, report.skipped) == (1, 1)


# --- a programme made for the calendar -----------------------------------------------------


def programme_rows(plan: PlanFile) -> list[tuple[str, str, date, date, str]]:
    with plan.reading() as s:
        return [
            (p.title_en, p.kind, p.start_date, p.end_date, p.timezone)
            for p in programmes.list_programmes(s)
        ]


def test_cli_creates_the_programme_from_the_calendars_dates(
    plan_file: PlanFile, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tourplanner.cli import main

    source = tmp_path / "google.ics"
    data = calendar(
        # Late on 9 May in New York is 10 May in Berlin, the calendar's own zone.
        "UID:g1\r\nSUMMARY:Arrival dinner\r\nDTSTART;TZID=America/New_York:20150509T200000\r\n"
        "DTEND;TZID=America/New_York:20150509T220000",
        "UID:g2\r\nSUMMARY:Excursion\r\nDTSTART;VALUE=DATE:20150512\r\nDTEND;VALUE=DATE:20150514",
    ).replace(b"VERSION:2.0\r\n", b"VERSION:2.0\r\nX-WR-TIMEZONE:Europe/Berlin\r\n")
    source.write_bytes(data)
    base = ["import", "ics", str(plan_file.path), str(source)]
    assert main([*base, "--programme", "Spring visit"]) == 2
    assert "no programme matches 'Spring visit' (add --create" in capsys.readouterr().err
    assert main([*base, "--programme", "Spring visit", "--create", "--dry-run"]) == 0
    assert "would be 2 added" in capsys.readouterr().out
    assert programme_rows(plan_file) == []
    assert main([*base, "--programme", "Spring visit", "--create"]) == 0
    assert programme_rows(plan_file) == [
        ("Spring visit", "visit", date(2015, 5, 10), date(2015, 5, 13), "Europe/Berlin")
    ]
    # Found the second time: updated in place, no second programme.
    assert main([*base, "--programme", "Spring visit", "--create"]) == 0
    assert "0 added, 0 updated, 2 unchanged" in capsys.readouterr().out
    assert len(programme_rows(plan_file)) == 1

    other = tmp_path / "training.ics"
    other.write_bytes(data.replace(b"UID:g", b"UID:t"))
    args = [*base[:2], str(plan_file.path), str(other), "--new-programme", "Training week"]
    assert main([*args, "--kind", "training", "--zone", "America/New_York"]) == 0
    assert programme_rows(plan_file)[0] == (  # in date order
        "Training week",
        "training",
        date(2015, 5, 9),
        date(2015, 5, 13),
        "America/New_York",
    )
    assert main([*args, "--zone", "Mars/Base"]) == 2
    assert len(programme_rows(plan_file)) == 2


def test_an_rdate_without_a_date_is_left_out_with_a_note(
    plan_file: PlanFile, programme_id: int
) -> None:
    data = calendar(
        meeting("t", "Europe/Berlin", "20150302T000000", "20150302T010000")
        + "\r\nRDATE;VALUE=TIME;TZID=Europe/Berlin:083000"
    )
    with plan_file.transaction() as s:
        report = import_ics(s, data, programme_id=programme_id)
    assert (report.added, report.errors) == (1, [])
    assert "RDATE 08:30:00 is not a date or date-time; left out" in report.text()
    assert by_uid(plan_file)["t"].rdates == ""

"""Travel from booking calendars: flights with each end in its airport's zone, hotel nights,
trains, what is not travel named in the report, re-import updating by UID, and the CLI."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from icalendar import Calendar

from tourplanner.cli import main
from tourplanner.db import PlanFile
from tourplanner.interchange.ics_export import ics_bytes
from tourplanner.interchange.report import ImportRefused
from tourplanner.interchange.travel_import import import_travel
from tourplanner.models import TravelSegment
from tourplanner.places import airport
from tourplanner.services import people
from tourplanner.services.travel import travel_of_person

FIXTURES = Path(__file__).parents[1] / "fixtures" / "interchange"
HEAD = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//TripIt, Inc.//TripIt Itinerary//EN\r\n"


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def calendar(*events: str) -> bytes:
    body = "".join(f"BEGIN:VEVENT\r\n{e.strip()}\r\nEND:VEVENT\r\n" for e in events)
    return (HEAD + body + "END:VCALENDAR\r\n").encode()


@pytest.fixture
def person_id(plan_file: PlanFile) -> int:
    with plan_file.transaction() as s:
        return people.create_person(s, name_latin="Sarah Mitchell", email="smitchell@icma.org")


def segments(plan: PlanFile, person_id: int) -> list[TravelSegment]:
    with plan.reading() as s:
        found = travel_of_person(s, person_id)
        s.expunge_all()
        return found


def test_airport_codes_resolve_to_name_and_zone() -> None:
    pek, iad = airport("pek"), airport("IAD")
    assert pek and (pek.name, pek.zone) == (
        "Beijing Capital International Airport",
        "Asia/Shanghai",
    )
    assert iad and (iad.name, iad.zone) == (
        "Washington Dulles International Airport",
        "America/New_York",
    )
    assert airport("ZZZ") is None


def test_airline_invitation_becomes_flights_and_a_stay(plan_file: PlanFile, person_id: int) -> None:
    with plan_file.transaction() as s:
        report = import_travel(s, FIXTURES / "united_iad_pek.ics", person_id=person_id)
    assert (report.added, report.errors) == (3, [])
    out, hotel, back = segments(plan_file, person_id)
    # Departs 12:25 EDT in Washington, arrives 14:15 CST the next day in Beijing: each end in
    # its own zone, so the arrival is after the departure.
    assert (out.kind, out.carrier, out.number) == ("flight", "UA", "897")
    assert (out.start_utc, out.start_timezone) == (utc(2015, 4, 16, 16, 25), "America/New_York")
    assert (out.end_utc, out.end_timezone) == (utc(2015, 4, 17, 6, 15), "Asia/Shanghai")
    assert out.from_place == "Washington Dulles International Airport (IAD)"
    assert out.to_place == "Beijing Capital International Airport (PEK)"
    assert out.confirmation_code == "K7QX2M"
    # Four nights, check-in 15:00 and check-out 12:00 in China (where the flight arrived).
    assert (hotel.kind, hotel.to_place) == ("hotel", "Wuzhou Guest House, Shenzhen")
    assert (hotel.start_utc, hotel.end_utc) == (utc(2015, 4, 19, 7), utc(2015, 4, 23, 4))
    assert hotel.start_timezone == hotel.end_timezone == "Asia/Shanghai"
    assert hotel.confirmation_code == "88231"
    assert "4 night(s)" in report.text()
    # Outlook's Windows zone at departure, the arrival given in UTC.
    assert (back.start_utc, back.end_utc) == (utc(2015, 4, 26, 3), utc(2015, 4, 26, 15, 45))
    assert (back.start_timezone, back.end_timezone) == ("Asia/Shanghai", "America/New_York")

    # Exported as the person's itinerary, each event keeps its instants.
    with plan_file.reading() as s:
        data, count = ics_bytes(s, person_id=person_id)
    assert count == 3
    exported = {
        str(e["UID"]): (e["DTSTART"].dt.astimezone(UTC), e["DTEND"].dt.astimezone(UTC))
        for e in Calendar.from_ical(data).walk("VEVENT")
    }
    assert exported == {seg.uid: (seg.start_utc, seg.end_utc) for seg in (out, hotel, back)}


def test_reimport_updates_by_uid(plan_file: PlanFile, person_id: int) -> None:
    source = (FIXTURES / "united_iad_pek.ics").read_bytes()
    with plan_file.transaction() as s:
        import_travel(s, source, person_id=person_id)
    with plan_file.transaction() as s:
        again = import_travel(s, source, person_id=person_id)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 3)
    delayed = source.replace(b"20150416T122500", b"20150416T142500")
    with plan_file.transaction() as s:
        third = import_travel(s, delayed, person_id=person_id)
    assert (third.added, third.updated, third.unchanged) == (0, 1, 2)
    found = segments(plan_file, person_id)
    assert len(found) == 3 and found[0].start_utc == utc(2015, 4, 16, 18, 25)


TRIPIT_FLIGHT = (
    "UID:item-7d1e@tripit.com\r\nSUMMARY:LH400 FRA to JFK\r\n"
    "DTSTART;TZID=Europe/Berlin:20150510T101500\r\nDTEND;TZID=America/New_York:20150510T125000\r\n"
    "LOCATION:Frankfurt (FRA)\r\nDESCRIPTION:Booking reference: XK7P2Q\\nSeat 41K"
)
TRAIN = (
    "UID:db-ice-1003@bahn.de\r\nSUMMARY:Train ICE 1003: Berlin Hbf → München Hbf\r\n"
    "DTSTART;TZID=Europe/Berlin:20150512T080000\r\nDTEND;TZID=Europe/Berlin:20150512T115500"
)
STAY = (
    "UID:stay-1@hotel.example\r\nSUMMARY:Stay at The Langham New York\r\n"
    "DTSTART;VALUE=DATE:20150510\r\nDTEND;VALUE=DATE:20150512\r\n"
    "LOCATION:400 Fifth Avenue\\, New York"
)
REMINDER = "UID:remind-1@tripit.com\r\nSUMMARY:Check your passport\r\nDTSTART:20150509T080000Z"
BACKWARDS = (
    "UID:bad-1@tripit.com\r\nSUMMARY:UA 1 SFO to LAX\r\n"
    "DTSTART;TZID=America/Los_Angeles:20150513T100000\r\n"
    "DTEND;TZID=America/Los_Angeles:20150513T080000"
)


def test_tripit_flight_train_stay_and_what_is_not_travel(
    plan_file: PlanFile, person_id: int
) -> None:
    data = calendar(TRIPIT_FLIGHT, TRAIN, STAY, REMINDER)
    with plan_file.transaction() as s:
        report = import_travel(s, data, person_id=person_id)
    assert (report.added, report.skipped, report.errors) == (3, 1, [])
    assert "'Check your passport' is not read as travel" in report.text()
    flight, stay, train = segments(plan_file, person_id)
    assert (flight.carrier, flight.number, flight.confirmation_code) == ("LH", "400", "XK7P2Q")
    assert (flight.start_utc, flight.end_utc) == (utc(2015, 5, 10, 8, 15), utc(2015, 5, 10, 16, 50))
    assert (flight.start_timezone, flight.end_timezone) == ("Europe/Berlin", "America/New_York")
    # The stay follows the flight's arrival in New York.
    assert (stay.to_place, stay.start_timezone) == ("The Langham New York", "America/New_York")
    assert (stay.start_utc, stay.end_utc) == (utc(2015, 5, 10, 19), utc(2015, 5, 12, 16))
    assert (train.kind, train.carrier, train.number) == ("train", "ICE", "1003")
    assert (train.from_place, train.to_place) == ("Berlin Hbf", "München Hbf")
    assert train.start_utc == utc(2015, 5, 12, 6)


def test_a_broken_booking_refuses_unless_skipped(plan_file: PlanFile, person_id: int) -> None:
    data = calendar(TRIPIT_FLIGHT, BACKWARDS)
    with pytest.raises(ImportRefused, match="line 12: it arrives"), plan_file.transaction() as s:
        import_travel(s, data, person_id=person_id)
    assert segments(plan_file, person_id) == []
    with plan_file.transaction() as s:
        report = import_travel(s, data, person_id=person_id, skip_invalid=True)
    assert (report.added, report.skipped) == (1, 1)


def test_cli_import_travel(
    plan_file: PlanFile, person_id: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["import", "travel", str(plan_file.path), str(FIXTURES / "united_iad_pek.ics")]
    assert main([*args, "--person", "Sarah Mitchell", "--dry-run"]) == 0
    assert "travel bookings: would be 3 added" in capsys.readouterr().out
    assert segments(plan_file, person_id) == []
    assert main([*args, "--person", "Sarah Mitchell"]) == 0
    assert len(segments(plan_file, person_id)) == 3
    assert main([*args, "--person", "Nobody Here"]) == 2
    assert capsys.readouterr().err.strip().splitlines()[-1].startswith("error: no person")

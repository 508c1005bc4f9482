"""Fuzzing every importer: arbitrary bytes or text either import or raise a TourPlannerError,
and a refusal never leaves anything behind (rows are counted before and after)."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from tourplanner.db import PlanFile
from tourplanner.errors import TourPlannerError
from tourplanner.interchange.ics_import import import_ics
from tourplanner.interchange.people_import import import_people
from tourplanner.interchange.report import ImportReport
from tourplanner.interchange.schedule_import import import_schedule
from tourplanner.models import (
    Group,
    Item,
    Organization,
    Participation,
    Person,
    Programme,
    Room,
    Venue,
)
from tourplanner.services import programmes

FIXTURES = Path(__file__).parents[1] / "fixtures" / "interchange"
# TP_FUZZ_EXAMPLES=2000 for a longer hunt; the suite's default keeps it quick.
FUZZ = settings(
    max_examples=int(os.environ.get("TP_FUZZ_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
MODELS = (Person, Organization, Group, Item, Programme, Venue, Room, Participation)


def snapshot(plan: PlanFile) -> tuple[int, ...]:
    with plan.reading() as s:
        return tuple(s.scalar(select(func.count()).select_from(m)) or 0 for m in MODELS)


def attempt(plan: PlanFile, run) -> ImportReport | None:
    """Run one import; a refusal must be a TourPlannerError and must change nothing."""
    before = snapshot(plan)
    try:
        with plan.transaction() as s:
            report = run(s)
    except TourPlannerError:
        assert snapshot(plan) == before
        return None
    assert report.errors == [] or report.skipped or report.dry_run
    return report


@pytest.fixture
def programme_id(plan_file: PlanFile) -> int:
    with plan_file.transaction() as s:
        return programmes.create_programme(
            s,
            title_en="Fuzz",
            kind="conference",
            start_date=date(2015, 4, 20),
            end_date=date(2015, 4, 22),
            timezone="Asia/Shanghai",
        )


# Text that looks like the real thing, with random damage: more interesting than pure noise.
def mutated(seed: bytes) -> st.SearchStrategy[bytes]:
    def damage(data: bytes, cuts: list[tuple[int, bytes]]) -> bytes:
        out = bytearray(data)
        for position, junk in cuts:
            at = position % (len(out) + 1)
            out[at : at + len(junk)] = junk
        return bytes(out)

    return st.builds(
        damage,
        st.just(seed),
        st.lists(st.tuples(st.integers(0, len(seed)), st.binary(max_size=12)), max_size=6),
    )


CSV_SEED = (FIXTURES / "delegates_gb18030.csv").read_bytes()
XLSX_SEED = (FIXTURES / "delegates_merged.xlsx").read_bytes()
ICS_SEED = (FIXTURES / "united_iad_pek.ics").read_bytes()
SCHEDULE_SEED = (FIXTURES / "smart_cities_schedule.json").read_bytes()


@FUZZ
@given(
    data=st.one_of(
        st.binary(max_size=400), mutated(CSV_SEED), st.text(max_size=300).map(str.encode)
    )
)
def test_people_csv_fuzz(plan_file: PlanFile, tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "fuzz.csv"
    path.write_bytes(data)
    before = snapshot(plan_file)[0]
    report = attempt(plan_file, lambda s: import_people(s, path))
    if report is not None:
        assert snapshot(plan_file)[0] == before + report.added


@FUZZ
@given(data=st.one_of(st.binary(max_size=400), mutated(XLSX_SEED)))
def test_people_xlsx_fuzz(plan_file: PlanFile, tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "fuzz.xlsx"
    path.write_bytes(data)
    attempt(plan_file, lambda s: import_people(s, path, day_first=True, skip_invalid=True))


@FUZZ
@given(
    rows=st.lists(
        st.lists(
            st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=15),
            min_size=3,
            max_size=3,
        ),
        max_size=6,
    )
)
def test_people_rows_fuzz(plan_file: PlanFile, tmp_path: Path, rows: list[list[str]]) -> None:
    import csv
    import io

    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows([["Name", "Email", "Organization"], *rows])
    path = tmp_path / "rows.csv"
    path.write_bytes(buffer.getvalue().encode("utf-8"))
    before = snapshot(plan_file)[0]
    report = attempt(plan_file, lambda s: import_people(s, path))
    if report is not None:
        assert snapshot(plan_file)[0] == before + report.added


@FUZZ
@given(
    data=st.one_of(
        st.binary(max_size=400), mutated(ICS_SEED), st.text(max_size=300).map(str.encode)
    )
)
def test_ics_fuzz(plan_file: PlanFile, programme_id: int, data: bytes) -> None:
    before = snapshot(plan_file)[3]
    report = attempt(plan_file, lambda s: import_ics(s, data, programme_id=programme_id))
    if report is not None:
        assert snapshot(plan_file)[3] == before + report.added


EVENT_LINES = st.lists(
    st.sampled_from(
        [
            "DTSTART:20150420T090000Z",
            "DTSTART;VALUE=DATE:20150420",
            "DTSTART;TZID=Asia/Shanghai:20150420T090000",
            "DTEND:20150420T100000Z",
            "DTEND:20150419T100000Z",
            "DURATION:PT1H",
            "DURATION:-PT1H",
            "RRULE:FREQ=DAILY;COUNT=3",
            "RRULE:FREQ=SOMETIMES",
            "EXDATE:20150421T090000Z",
            "SUMMARY:Talk",
            "UID:same",
            "SEQUENCE:x",
            "STATUS:CANCELLED",
            "RECURRENCE-ID:20150421T090000Z",
            "DTSTART;TZID=Nowhere/Land:20150420T090000",
            "X-TOURPLANNER-KIND:keynote",
        ]
    ),
    max_size=8,
)


@FUZZ
@given(events=st.lists(EVENT_LINES, max_size=4))
def test_ics_structured_fuzz(
    plan_file: PlanFile, programme_id: int, events: list[list[str]]
) -> None:
    body = "".join(
        "BEGIN:VEVENT\r\n" + "".join(f"{line}\r\n" for line in lines) + "END:VEVENT\r\n"
        for lines in events
    )
    data = f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{body}END:VCALENDAR\r\n".encode()
    attempt(plan_file, lambda s: import_ics(s, data, programme_id=programme_id))


@FUZZ
@given(
    data=st.one_of(
        st.binary(max_size=400), mutated(SCHEDULE_SEED), st.text(max_size=300).map(str.encode)
    )
)
def test_schedule_fuzz(plan_file: PlanFile, data: bytes) -> None:
    before = snapshot(plan_file)[3]
    report = attempt(plan_file, lambda s: import_schedule(s, data))
    if report is not None:
        assert snapshot(plan_file)[3] == before + report.added


JSONISH = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-5, 5)
    | st.text(max_size=8)
    | st.sampled_from(["09:00", "01:30", "2015-04-21T09:00:00+08:00", "2015-04-21"]),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(
                [
                    "title",
                    "date",
                    "start",
                    "duration",
                    "room",
                    "persons",
                    "guid",
                    "type",
                    "end",
                    "name",
                ]
            ),
            inner,
            max_size=5,
        )
    ),
    max_leaves=12,
)


@FUZZ
@given(event=JSONISH, extra=JSONISH)
def test_schedule_structured_fuzz(plan_file: PlanFile, event: object, extra: object) -> None:
    doc = {
        "schedule": {
            "conference": {
                "title": "Fuzz conf",
                "time_zone_name": extra if isinstance(extra, str) else "Asia/Shanghai",
                "days": [{"date": "2015-04-21", "rooms": {"Hall": [event, extra]}}],
            }
        }
    }
    data = json.dumps(doc).encode()
    attempt(plan_file, lambda s: import_schedule(s, data))

"""A schedule whose every event is new is checked column by column
(`items.checked_item_columns`): it must answer only when every row passes `checked_item_values`,
with the very values that gives; and a bad event anywhere, the last too, still refuses the whole
schedule with the row-by-row words and writes nothing."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from tourplanner.db import PlanFile
from tourplanner.enums import ItemKind
from tourplanner.errors import TourPlannerError
from tourplanner.interchange.report import ImportRefused
from tourplanner.interchange.schedule_import import import_schedule
from tourplanner.models import Item, Room, Venue
from tourplanner.services import items, programmes, venues

FIXTURES = Path(__file__).parents[1] / "fixtures"
SCHEDULE_JSON = FIXTURES / "interchange" / "smart_cities_schedule.json"
CHECKED = (*items._CHECKED, "start_utc", "end_utc")
EAST = timezone(timedelta(hours=8))


@pytest.fixture(scope="module")
def places(tmp_path_factory: pytest.TempPathFactory) -> tuple[PlanFile, dict[str, int]]:
    """A plan with a programme, two venues in other zones and their rooms."""
    plan = PlanFile.create(tmp_path_factory.mktemp("columns") / "columns.tourplan")
    with plan.transaction() as s:
        ids = {
            "programme": programmes.create_programme(
                s,
                title_en="Summit",
                kind="conference",
                start_date=date(2015, 4, 20),
                end_date=date(2015, 4, 24),
                timezone="Asia/Shanghai",
            ),
            "berlin": venues.create_venue(s, name_en="Berlin hall", timezone="Europe/Berlin"),
            "utc": venues.create_venue(s, name_en="Ship", timezone="UTC"),
        }
        ids["hall"] = venues.add_room(s, ids["berlin"], name="Hall")
        ids["deck"] = venues.add_room(s, ids["utc"], name="Deck")
    yield plan, ids
    plan.close()


TEXTS = st.sampled_from([None, "", "Talk", "  Talk  ", "\u3000讲座", "x" * 301, 5])
LONG_TEXTS = st.sampled_from([None, "", " About ", "y" * 10_001])
ZONES = st.sampled_from([None, "UTC", "Asia/Tokyo", "Not/AZone"])
STARTS = st.sampled_from(
    [
        datetime(2015, 4, 20, 9, 0, tzinfo=EAST),
        datetime(2015, 4, 20, 1, 0, tzinfo=UTC),
        datetime(2015, 4, 21, 14, 30),  # naive: wall clock at the item's zone
        datetime(2015, 10, 25, 2, 30),  # naive, ambiguous in Berlin
        datetime(2015, 10, 25, 2, 30, fold=1),
        datetime(1850, 1, 1, 9, 0, tzinfo=UTC),  # outside the years the app prints
        "2015-04-20 09:00",  # not a datetime
    ]
)
LENGTHS = st.sampled_from([timedelta(minutes=45), timedelta(0), timedelta(hours=-1)])


@st.composite
def rows(draw: st.DrawFn) -> tuple[dict[str, Any], object, object]:
    place = draw(st.sampled_from(["none", "berlin", "hall", "hall+berlin", "deck+berlin", "deck"]))
    fields: dict[str, Any] = {
        "title_en": draw(TEXTS),
        "title_local": draw(TEXTS),
        "kind": draw(st.sampled_from([None, "", "session", "workshop", ItemKind.PANEL, "nope"])),
        "status": draw(st.sampled_from([None, "confirmed", "cancelled", "maybe"])),
        "description": draw(LONG_TEXTS),
        "track": draw(TEXTS),
        "language": draw(TEXTS),
        "timezone": draw(ZONES),
        "recurrence": draw(st.sampled_from([None, "", None, "FREQ=DAILY;COUNT=2"])),
        "place": place,
    }
    start = draw(STARTS)
    end = start + draw(LENGTHS) if isinstance(start, datetime) else start
    return fields, start, end


def with_ids(fields: dict[str, Any], ids: dict[str, int]) -> dict[str, Any]:
    place = fields.pop("place")
    room, _, venue = place.partition("+")
    out = {**fields, "programme_id": ids["programme"], "room_id": None, "venue_id": None}
    if room in ("hall", "deck"):
        out["room_id"] = ids[room]
        out["venue_id"] = ids[venue] if venue else None
    elif room != "none":
        out["venue_id"] = ids[room]
    return out


@pytest.mark.sqlite_only(reason="a check without writing; the import tests below run on both")
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(rows(), min_size=1, max_size=6))
def test_columns_answer_only_as_each_row_is_checked(
    places: tuple[PlanFile, dict[str, int]], drawn: list[tuple[dict[str, Any], object, object]]
) -> None:
    plan, ids = places
    table = [(with_ids(dict(fields), ids), start, end) for fields, start, end in drawn]
    with plan.reading() as s:
        each: list[dict[str, object] | None] = []
        for fields, start, end in table:
            try:
                each.append(items.checked_item_values(s, start=start, end=end, **fields))  # type: ignore[arg-type]
            except TourPlannerError:
                each.append(None)
        columns = {f: [fields[f] for fields, _s, _e in table] for f in table[0][0]}
        starts = [start for _f, start, _e in table]
        ends = [end for _f, _s, end in table]
        got = items.checked_item_columns(s, columns, starts, ends, lookups={})  # type: ignore[arg-type]
    if None in each:
        assert got is None
        return
    if not any(fields["recurrence"] for fields, _s, _e in table):
        assert got is not None  # the ordinary rows are answered column by column
    if got is not None:
        for field in CHECKED:
            assert got[field] == [row[field] for row in each if row is not None], field


def counts(plan: PlanFile) -> tuple[int, ...]:
    with plan.reading() as s:
        return tuple(
            s.scalar(select(func.count()).select_from(m)) or 0 for m in (Item, Room, Venue)
        )


def test_a_bad_last_event_refuses_the_whole_schedule(plan_file: PlanFile) -> None:
    doc = json.loads(SCHEDULE_JSON.read_text())
    last_day = doc["schedule"]["conference"]["days"][-1]
    room, events = [(r, e) for r, e in last_day["rooms"].items() if e][-1]
    events[-1]["title"] = "x" * 301
    with pytest.raises(ImportRefused) as refused, plan_file.transaction() as s:
        import_schedule(s, json.dumps(doc).encode())
    index = len(doc["schedule"]["conference"]["days"]) - 1
    where = f"days[{index}].rooms[{room!r}][{len(events) - 1}]"
    assert f"{where}: English title: is too long (301 characters, at most 300)" in (
        refused.value.report.text()
    )
    assert counts(plan_file) == (0, 0, 0)


def test_an_all_new_schedule_stores_what_each_event_checks_to(plan_file: PlanFile) -> None:
    data = SCHEDULE_JSON.read_bytes()
    with plan_file.transaction() as s:
        report = import_schedule(s, data)
    with plan_file.reading() as s:
        stored = list(s.scalars(select(Item).order_by(Item.id)))
        assert len(stored) == report.added > 0
        for item in stored:
            again = items.checked_item_values(
                s,
                programme_id=item.programme_id,
                start=item.start_utc,
                end=item.end_utc,
                title_en=item.title_en,
                title_local=item.title_local,
                kind=item.kind,
                track=item.track,
                language=item.language,
                description=item.description,
                venue_id=item.venue_id,
                room_id=item.room_id,
            )
            assert {f: getattr(item, f) for f in CHECKED} == {f: again[f] for f in CHECKED}
            assert (item.version, item.sequence, item.changed_by) == (1, 0, plan_file.author)

"""The demo plan: rich, consistent in time and place, written safely, readable by the CLI."""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from tourplanner import demo
from tourplanner.cli import main
from tourplanner.db import PlanFile
from tourplanner.enums import ItemStatus, ParticipationStatus
from tourplanner.errors import PlanFileError, ValidationError
from tourplanner.services import (
    items,
    itinerary,
    organizations,
    participations,
    people,
    plans,
    programmes,
    travel,
    venues,
)
from tourplanner.services.views import TravelView
from tourplanner.timezones import abbreviation, format_time, to_local, to_utc

from ..conftest import ENGINES, new_team_database  # noqa: TID252 - the suite's one helper


@pytest.fixture(scope="module", params=ENGINES)
def demo_plan(tmp_path_factory, request: pytest.FixtureRequest) -> PlanFile:
    """The demo plan, written once per engine for the module (the tests only read it): a plan
    file, and a copy of it published into a team database."""
    path = tmp_path_factory.mktemp("demo") / "demo.tourplan"
    demo.write_demo_plan(path)
    if request.param == "postgresql":
        from tourplanner.db.teamplan import TeamPlan

        url = new_team_database(
            request.getfixturevalue("team_server"), request.getfixturevalue("team_demo_template")
        )
        plan = TeamPlan.open(url)
    else:
        plan = PlanFile.open(path)
    yield plan
    plan.close()


def _programme(session, kind: str, title_part: str = ""):
    found = [
        p
        for p in programmes.list_programmes(session)
        if p.kind == kind and title_part in p.title_en
    ]
    assert len(found) == 1, [p.title_en for p in found]
    return found[0]


def _people_with_flights(session):
    for person in people.list_people(session):
        segments = travel.travel_of_person(session, person.id)
        flights = [s for s in segments if s.kind == "flight"]
        if flights:
            yield person, segments, flights


def test_file_is_sound(demo_plan) -> None:
    assert demo_plan.integrity_ok()
    if demo_plan.is_team:
        return  # no file: the server checks its own pages
    con = sqlite3.connect(demo_plan.path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        con.close()


def test_plan_record(demo_plan) -> None:
    with demo_plan.reading() as s:
        summary = itinerary.plan_summary(s).as_dict()
    assert "SAFEA Foreign Expert Affairs Conference 2015" in summary["title"]
    assert summary["home_timezone"] == "Asia/Shanghai"
    assert summary["organization"] == "ICMA"
    with demo_plan.reading() as s:
        contacts = plans.get_plan(s).emergency_contacts
    assert "+86 138" in contacts and "+1 202" in contacts


def test_venues_in_three_cities_with_both_languages(demo_plan) -> None:
    with demo_plan.reading() as s:
        all_venues = venues.list_venues(s)
        bilingual = [
            v for v in all_venues if v.name_local and v.address_en and v.address_local and v.city
        ]
        chinese = [v for v in bilingual if v.timezone == "Asia/Shanghai"]
        assert len(bilingual) >= 6
        assert {"Beijing", "Shenzhen", "Yangzhou", "Shanghai"} <= {v.city for v in chinese}
        assert all(v.latitude is not None for v in all_venues)
        hall = venues.find_venue(s, "深圳会展中心")
        assert "福华三路" in hall.address_local
        assert {r.name for r in hall.rooms} >= {"Hall A", "Room 3"}
        assert all(r.capacity for r in hall.rooms if r.name in ("Hall A", "Room 3", "Room 5"))
        dulles = venues.find_venue(s, "Dulles")
        assert dulles.timezone == "America/New_York"
        for landmark in ("故宫博物院", "慕田峪长城", "瘦西湖", "个园", "中国政法大学"):
            venues.find_venue(s, landmark)


def test_people_organizations_groups(demo_plan) -> None:
    with demo_plan.reading() as s:
        everyone = people.list_people(s)
        assert len(everyone) >= 20
        assert len(organizations.list_organizations(s)) >= 5
        groups = organizations.list_groups(s)
        assert len([g for g in groups if len(g.members) >= 2]) >= 2
        bob = people.find_person(s, "Bob O'Neill")
        assert bob.organization.name_en.startswith("ICMA")
        nie = people.find_person(s, "聂彪")
        assert nie.honorific == "Mr." and nie.organization.name_local == "国家外国专家局"
        for name in ("Sun Zhaohua", "Zheng Jie", "Wang Haiyang"):
            assert people.find_person(s, name).name_local
        diets = " ".join(p.dietary_needs.lower() for p in everyone)
        assert "vegetarian" in diets and "halal" in diets and "nut" in diets
        assert any(p.passport_visa_notes for p in everyone)
        assert any(p.medical_notes for p in everyone)
        roles = {p.role for p in everyone}
        assert {"delegate", "speaker", "staff", "interpreter", "guide", "official"} <= roles


def test_conference_has_keynote_signing_and_three_days(demo_plan) -> None:
    with demo_plan.reading() as s:
        conf = _programme(s, "conference", "SAFEA")
        views = itinerary.programme_items(s, conf.id)
        assert len(views) >= 20
        days = {to_local(v.start_utc, v.timezone).date() for v in views}
        assert len(days) >= 3
        keynote = [v for v in views if v.kind == "keynote"]
        assert len(keynote) == 1
        assert "Urbanization" in keynote[0].title_en
        assert keynote[0].speakers == ("Mr. Bob O'Neill (鲍勃·奥尼尔)",)
        assert format_time(keynote[0].start_utc, keynote[0].timezone) == "09:15 CST"
        signing = [v for v in views if v.kind == "ceremony" and "Signing" in v.title_en]
        assert len(signing) == 1 and len(signing[0].speakers) == 2
        # Parallel sessions run in different rooms at the same time.
        by_start = defaultdict(set)
        for v in views:
            if v.kind in ("session", "panel", "workshop"):
                by_start[v.start_utc].add(v.room)
        assert max(len(rooms) for rooms in by_start.values()) >= 3


def test_tours_have_daily_stops_meals_transfers_and_fit_around_the_conference(
    demo_plan,
) -> None:
    with demo_plan.reading() as s:
        conf = _programme(s, "conference", "SAFEA")
        pre = _programme(s, "pre_tour")
        post = _programme(s, "post_tour")
        assert pre.parent_id == conf.id and post.parent_id == conf.id
        assert pre.end_date < conf.start_date and post.start_date > conf.end_date
        assert post.capacity is not None
        for tour in (pre, post):
            for day in itinerary.programme_days(s, tour.id):
                assert itinerary.programme_day(s, tour.id, day), (tour.title_en, day)
            kinds = {v.kind for v in itinerary.programme_items(s, tour.id)}
            assert {"meal", "transfer", "site_visit"} <= kinds
        # The daily breakfast is one recurring item, expanded per day.
        breakfast = [i for i in items.list_items(s, pre.id) if i.recurrence]
        assert len(breakfast) == 1
        occurrences = [v for v in itinerary.programme_items(s, pre.id) if v.id == breakfast[0].id]
        assert len(occurrences) == 4
        assert [to_local(v.start_utc, v.timezone).day for v in occurrences] == [16, 17, 18, 19]
        # The post-tour breakfast skips the dim sum morning (an EXDATE).
        post_breakfast = [
            v for v in itinerary.programme_items(s, post.id) if v.recurrence and v.kind == "meal"
        ]
        assert [to_local(v.start_utc, v.timezone).day for v in post_breakfast] == [25, 27]


def test_brownfields_conference_is_tentative(demo_plan) -> None:
    with demo_plan.reading() as s:
        brownfields = _programme(s, "conference", "Brownfields")
        tentative = [i for i in items.list_items(s) if i.status == ItemStatus.TENTATIVE]
        assert tentative and {i.programme_id for i in tentative} == {brownfields.id}
        assert brownfields.timezone == "America/New_York"
        assert "NIST" in brownfields.title_en
    assert len(demo.DELIBERATE_FINDINGS) in (1, 2)


def test_rosters_within_capacity_with_a_waitlist(demo_plan) -> None:
    with demo_plan.reading() as s:
        for kind in ("pre_tour", "post_tour"):
            roster = itinerary.tour_roster(s, _programme(s, kind).id)
            assert roster.over_capacity == 0
            assert roster.confirmed >= 10
        post = itinerary.tour_roster(s, _programme(s, "post_tour").id)
        waitlisted = [e for e in post.entries if e.status == ParticipationStatus.WAITLISTED]
        assert len(waitlisted) == 2
        assert post.confirmed == post.programme.capacity
        us = organizations.find_group(s, "US delegation")
        pre = _programme(s, "pre_tour")
        on_pre = {p.person_id for p in participations.participants(s, programme_id=pre.id)}
        assert {m.id for m in us.members} <= on_pre


def test_the_red_eye_lands_two_days_later(demo_plan) -> None:
    with demo_plan.reading() as s:
        bob = people.find_person(s, "Bob O'Neill")
        first = TravelView.of(travel.travel_of_person(s, bob.id)[0])
    assert first.kind == "flight" and first.number == "CA 818"
    assert format_time(first.start_utc, first.start_timezone) == "23:55 EDT"
    assert abbreviation(first.start_utc, first.start_timezone) == "EDT"
    assert format_time(first.end_utc, first.end_timezone) == "01:40 CST"
    assert first.day_offset == 2
    # Truthful: 13 h 45 in the air, a normal Washington-Beijing nonstop time.
    assert first.end_utc - first.start_utc == timedelta(hours=13, minutes=45)


def test_flights_cross_the_pacific_both_ways(demo_plan) -> None:
    with demo_plan.reading() as s:
        flights = [
            seg
            for person in people.list_people(s)
            for seg in travel.travel_of_person(s, person.id)
            if seg.kind == "flight"
        ]
        hotels = [
            seg
            for person in people.list_people(s)
            for seg in travel.travel_of_person(s, person.id)
            if seg.kind == "hotel"
        ]
        west = [f for f in flights if f.start_timezone.startswith("America/")]
        east = [f for f in flights if f.end_timezone.startswith("America/")]
        assert west and east
        assert {TravelView.of(f).day_offset for f in west} == {1, 2}
        assert all(f.end_utc - f.start_utc < timedelta(hours=15) for f in flights)
        assert all(f.confirmation_code for f in flights + hotels)
        assert hotels and all(h.venue_id is not None for h in hotels)


def test_everyone_is_there_before_their_first_item_and_until_their_last(demo_plan) -> None:
    with demo_plan.reading() as s:
        checked = 0
        for person, _segments, flights in _people_with_flights(s):
            plan = itinerary.person_itinerary(s, person.id)
            assert plan.items, person.name_latin
            arrival, departure = flights[0], flights[-1]
            assert arrival.end_utc <= min(v.start_utc for v in plan.items), person.name_latin
            assert max(v.end_utc for v in plan.items) <= departure.start_utc, person.name_latin
            checked += 1
    assert checked >= 15


def test_every_night_in_china_has_a_hotel(demo_plan) -> None:
    with demo_plan.reading() as s:
        for person, segments, flights in _people_with_flights(s):
            hotels = [x for x in segments if x.kind == "hotel"]
            first_night = to_local(flights[0].end_utc, "Asia/Shanghai").date()
            last_morning = to_local(flights[-1].start_utc, "Asia/Shanghai").date()
            night = first_night
            while night < last_morning:
                small_hours = to_utc(
                    datetime.combine(night + timedelta(days=1), time(3)), "Asia/Shanghai"
                )
                covering = [h for h in hotels if h.start_utc <= small_hours < h.end_utc]
                assert len(covering) == 1, (person.name_latin, night)
                night += timedelta(days=1)
            for h in hotels:
                checkin = to_local(h.start_utc, h.start_timezone).time()
                checkout = to_local(h.end_utc, h.end_timezone).time()
                assert checkout <= time(12) and (checkin >= time(12) or checkin <= time(4))


def test_no_one_is_double_booked_or_rushed(demo_plan) -> None:
    """Each person's confirmed items and journeys are apart, with time to move between venues."""
    with demo_plan.reading() as s:
        for person in people.list_people(s):
            plan = itinerary.person_itinerary(s, person.id)
            entries = [v for v in plan.items if v.status == ItemStatus.CONFIRMED]
            entries += [t for t in plan.travel if t.kind != "hotel"]
            entries.sort(key=lambda e: (e.start_utc, e.end_utc))
            for a, b in zip(entries, entries[1:], strict=False):
                assert a.end_utc <= b.start_utc, (person.name_latin, a.title_en, b)
            placed = [v for v in entries if getattr(v, "venue", None) and hasattr(v, "room")]
            for a, b in zip(placed, placed[1:], strict=False):
                needed = venues.travel_minutes(s, a.venue.id, b.venue.id)
                gap = (b.start_utc - a.end_utc).total_seconds() / 60
                assert gap >= needed, (person.name_latin, a.title_en, b.title_en, gap, needed)


def test_rooms_are_not_double_booked(demo_plan) -> None:
    with demo_plan.reading() as s:
        by_place = defaultdict(list)
        for prog in programmes.list_programmes(s):
            for v in itinerary.programme_items(s, prog.id, include_cancelled=False):
                if v.venue is not None:
                    by_place[(v.venue.id, v.room)].append(v)
    for place, views in by_place.items():
        views.sort(key=lambda v: v.start_utc)
        for a, b in zip(views, views[1:], strict=False):
            assert a.end_utc <= b.start_utc, (place, a.title_en, b.title_en)


def test_items_stay_inside_their_programme_dates(demo_plan) -> None:
    with demo_plan.reading() as s:
        for prog in programmes.list_programmes(s):
            for v in itinerary.programme_items(s, prog.id):
                day = to_local(v.start_utc, prog.timezone).date()
                assert prog.start_date <= day <= prog.end_date, (prog.title_en, v.title_en)


def test_the_deliberate_cancelled_booking_is_there(demo_plan) -> None:
    with demo_plan.reading() as s:
        cancelled = [i for i in items.list_items(s) if i.status == ItemStatus.CANCELLED]
        assert len(cancelled) == 1
        booked = participations.participants(s, item_id=cancelled[0].id)
        assert [p.person.name_latin for p in booked] == ["Ahmed Hassan"]
        hassan = itinerary.person_itinerary(s, booked[0].person_id)
        assert cancelled[0].id not in {v.id for v in hassan.items}


def test_write_refuses_an_existing_file_and_leaves_it_alone(tmp_path) -> None:
    target = tmp_path / "mine.tourplan"
    target.write_bytes(b"my precious plan")
    with pytest.raises(PlanFileError, match="already exists"):
        demo.write_demo_plan(target)
    assert target.read_bytes() == b"my precious plan"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.tourplan"]


def test_a_failed_demo_leaves_no_file(tmp_path, monkeypatch) -> None:
    broken = [*demo.PEOPLE, {**demo.PEOPLE[0], "key": "broken", "email": "not an address"}]
    monkeypatch.setattr(demo, "PEOPLE", broken)
    target = tmp_path / "demo.tourplan"
    with pytest.raises(ValidationError, match="email"):
        demo.write_demo_plan(target)
    assert list(tmp_path.iterdir()) == []


def test_cli_demo_then_info(tmp_path, capsys) -> None:
    target = tmp_path / "x.tourplan"
    assert main(["demo", str(target)]) == 0
    capsys.readouterr()
    assert main(["info", str(target), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    kinds = sorted(p["kind"] for p in data["programmes"])
    assert kinds == ["conference", "conference", "post_tour", "pre_tour"]
    conf = next(p for p in data["programmes"] if "SAFEA" in p["title"])
    assert conf["start"] == "2015-04-20" and conf["items"] >= 20
    assert data["counts"]["people"] >= 20 and data["counts"]["venues"] >= 6
    assert main(["demo", str(target)]) == 2
    assert "already exists" in capsys.readouterr().err


def test_demo_uses_only_known_dates(demo_plan) -> None:
    """The trip happens in April 2015, the brownfields conference in October."""
    with demo_plan.reading() as s:
        starts = {v.start_utc.date() for v in items.list_items(s)}
    assert min(starts) >= date(2015, 4, 15) and max(starts) <= date(2015, 10, 21)


def test_demo_path_is_not_reused(tmp_path) -> None:
    """Writing twice to the same new path: the second refuses, the first stays intact."""
    target: Path = tmp_path / "twice.tourplan"
    demo.write_demo_plan(target)
    size = target.stat().st_size
    with pytest.raises(PlanFileError):
        demo.write_demo_plan(target)
    assert target.stat().st_size == size
    with PlanFile.open(target) as plan, plan.reading() as s:
        assert len(people.list_people(s)) == len(demo.PEOPLE)

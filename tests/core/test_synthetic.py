"""The synthetic plan generator: the requested sizes, the same plan for the same seed."""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tourplanner.db import PlanFile
from tourplanner.errors import ValidationError
from tourplanner.models import Item, Participation, Person, Programme, Traveller
from tourplanner.services import itinerary
from tourplanner.timezones import to_local

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # benchmarks/ is not an installed package
    sys.path.insert(0, str(ROOT))

from benchmarks.synthetic import generate_plan, main  # noqa: E402

SIZE = {"people": 30, "items": 150, "programmes": 4, "participations_per_person": 5}


def _snapshot(path: Path) -> dict[str, list[tuple]]:
    """Everything that should be identical between two runs with the same seed."""
    with PlanFile.open(path) as plan, plan.reading() as s:
        return {
            "programmes": [
                (p.title_en, p.kind, p.start_date, p.end_date, p.timezone, p.capacity, p.parent_id)
                for p in s.scalars(select(Programme).order_by(Programme.id))
            ],
            "items": [
                (i.title_en, i.kind, i.start_utc, i.end_utc, i.venue_id, i.room_id, i.status)
                for i in s.scalars(select(Item).order_by(Item.id))
            ],
            "people": [
                (p.name_latin, p.name_local, p.email, p.organization_id, p.role)
                for p in s.scalars(select(Person).order_by(Person.id))
            ],
            "participations": [
                (p.person_id, p.item_id, p.programme_id, p.role, p.status)
                for p in s.scalars(select(Participation).order_by(Participation.id))
            ],
            "travel": [
                (t.person_id, t.kind, t.start_utc, t.end_utc, t.confirmation_code)
                for t in s.scalars(select(Traveller).order_by(Traveller.id))
            ],
        }


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("synthetic") / "small.tourplan"
    generate_plan(path, seed=7, quiet=True, **SIZE)
    return path


def test_requested_counts(small) -> None:
    with PlanFile.open(small) as plan, plan.reading() as s:
        counts = itinerary.plan_summary(s).counts
        per_item = s.scalar(
            select(func.count())
            .select_from(Participation)
            .where(Participation.item_id.is_not(None))
        )
        per_person = set(
            s.scalars(
                select(func.count())
                .select_from(Participation)
                .where(Participation.item_id.is_not(None))
                .group_by(Participation.person_id)
            )
        )
        assert plan.integrity_ok()
    assert counts["people"] == 30
    assert counts["items"] == 150
    assert counts["programmes"] == 4
    assert per_item == 30 * 5 and per_person == {5}
    assert counts["venues"] >= 3 and counts["organizations"] >= 2 and counts["groups"] >= 2
    assert counts["travel_segments"] > 0


def test_same_seed_same_plan_other_seed_other_plan(small, tmp_path) -> None:
    again = tmp_path / "again.tourplan"
    generate_plan(again, seed=7, quiet=True, **SIZE)
    assert _snapshot(again) == _snapshot(small)
    other = tmp_path / "other.tourplan"
    generate_plan(other, seed=8, quiet=True, **SIZE)
    assert _snapshot(other)["items"] != _snapshot(small)["items"]


def test_rooms_are_never_double_booked_and_items_stay_in_their_programme(small) -> None:
    with PlanFile.open(small) as plan, plan.reading() as s:
        by_room = defaultdict(list)
        for prog in s.scalars(select(Programme)):
            for view in itinerary.programme_items(s, prog.id):
                day = to_local(view.start_utc, prog.timezone).date()
                assert prog.start_date <= day <= prog.end_date
                if view.room:
                    by_room[(view.venue.id, view.room)].append(view)
        assert by_room
        for views in by_room.values():
            views.sort(key=lambda v: v.start_utc)
            for a, b in zip(views, views[1:], strict=False):
                assert a.end_utc <= b.start_utc


def test_tours_have_rosters_a_recurring_breakfast_and_follow_their_conference(small) -> None:
    with PlanFile.open(small) as plan, plan.reading() as s:
        progs = {p.id: p for p in s.scalars(select(Programme))}
        tours = [p for p in progs.values() if p.capacity is not None]
        assert tours
        for tour in tours:
            roster = itinerary.tour_roster(s, tour.id)
            assert roster.over_capacity == 0
            assert roster.confirmed == min(tour.capacity, 30)
            assert any(i.recurrence for i in tour.items)
            if tour.kind == "post_tour":
                assert tour.start_date > progs[tour.parent_id].end_date


def test_default_bookings_scale_with_items(tmp_path) -> None:
    path = tmp_path / "default.tourplan"
    generate_plan(path, people=10, items=40, programmes=1, quiet=True)
    with PlanFile.open(path) as plan, plan.reading() as s:
        assert s.scalar(select(func.count()).select_from(Participation)) == 10 * 12


@pytest.mark.parametrize(
    "size",
    [
        {"people": 5, "items": 10, "programmes": 0},
        {"people": -1, "items": 10, "programmes": 1},
        {"people": 5, "items": 10, "programmes": 1, "participations_per_person": 11},
    ],
)
def test_bad_sizes_are_refused_and_write_nothing(tmp_path, size) -> None:
    with pytest.raises(ValidationError):
        generate_plan(tmp_path / "bad.tourplan", quiet=True, **size)
    assert list(tmp_path.iterdir()) == []


def test_cli(tmp_path, capsys) -> None:
    path = tmp_path / "cli.tourplan"
    args = [str(path), "--people", "8", "--items", "30", "--programmes", "2", "--seed", "3"]
    assert main(args) == 0
    out = capsys.readouterr()
    assert "30 items" in out.out and "8 people" in out.out and " s:" in out.out
    assert "items" in out.err  # progress
    assert main(args) == 2
    assert "already exists" in capsys.readouterr().err

"""The seating rules (docs/protocol.md) on generated cases and on the demo plan."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tourplanner.cli import main
from tourplanner.db import PlanFile
from tourplanner.errors import ValidationError
from tourplanner.operations.operation import StaleError
from tourplanner.operations.seating import place_person, seat_item
from tourplanner.protocol.attendees import Candidate, rank
from tourplanner.protocol.banquet import SeatingImpossible, same_side_neighbours, table_of
from tourplanner.protocol.engine import lay_out
from tourplanner.services import protocol


def people(hosts: int, guests: int = 0, **more: object) -> list:
    cands = [
        Candidate(i + 1, f"Host {i + 1}", side="host", explicit_rank=i + 1) for i in range(hosts)
    ]
    cands += [
        Candidate(
            100 + i,
            f"Guest {i + 1}",
            side="guest",
            explicit_rank=i + 1,
            languages=frozenset({"en"}),
        )
        for i in range(guests)
    ]
    return rank(cands)


def x_of(layout, person_id: int) -> float:
    spot = layout.seat_of(person_id)
    assert spot is not None
    return spot.x


@given(st.integers(min_value=1, max_value=9).map(lambda n: 2 * n + 1))
def test_odd_rostrum_no1_centre_no2_on_the_senior_side(count: int) -> None:
    crowd = people(count)
    chinese = lay_out("rostrum", crowd, "chinese", seats=count)
    international = lay_out("rostrum", crowd, "international", seats=count)
    assert x_of(chinese, 1) == 0 and x_of(international, 1) == 0
    # Seated facing the audience, a person's left is the viewer's right (+x).
    assert x_of(chinese, 2) > 0 > x_of(chinese, 3)
    assert x_of(international, 2) < 0 < x_of(international, 3)
    xs = [p.spot.x for p in chinese.placements]
    assert len(set(xs)) == count  # no seat shared


@given(st.integers(min_value=1, max_value=9).map(lambda n: 2 * n))
def test_even_rostrum_no1_and_no2_share_the_centre(count: int) -> None:
    crowd = people(count)
    for convention, sign in (("chinese", 1), ("international", -1)):
        layout = lay_out("rostrum", crowd, convention, seats=count)
        one, two = x_of(layout, 1), x_of(layout, 2)
        assert abs(one) == abs(two) == pytest.approx(0.45)
        assert one * sign > 0 > two * sign
        if count >= 4:
            assert abs(x_of(layout, 3)) > abs(one) and x_of(layout, 3) * one > 0


def test_signing_guest_on_the_hosts_right_under_both_conventions() -> None:
    crowd = people(4, 4)
    for convention in ("chinese", "international"):
        layout = lay_out("signing", crowd, convention)
        host, guest = x_of(layout, 1), x_of(layout, 100)
        assert guest < host  # the host faces the audience: their right is the viewer's left
        witnesses = [p for p in layout.placements if "-W" in p.spot.label]
        assert all(p.spot.y > 1.0 for p in witnesses)  # standing behind the table
        assert len({p.spot.label for p in layout.placements}) == len(layout.placements)


def test_meeting_principal_guest_on_the_hosts_right() -> None:
    layout = lay_out("meeting", people(3, 3), "international")
    assert x_of(layout, 100) < x_of(layout, 1)


def test_unsided_people_are_listed_unseated_with_why() -> None:
    crowd = rank([Candidate(1, "Host", side="host"), Candidate(2, "Driver")])
    layout = lay_out("signing", crowd, "international")
    assert layout.unseated == [(2, "has no side (host or guest) set")]


def test_motorcade_principal_guest_behind_the_lead_car_rear_right() -> None:
    crowd = rank(
        [
            Candidate(1, "Host", side="host"),
            Candidate(2, "Guest", side="guest"),
            Candidate(3, "Interp", side="guest", role="interpreter", interprets_for=2),
            Candidate(4, "Guest two", side="guest"),
        ]
    )
    layout = lay_out("motorcade", crowd, "international", seats=3)
    assert layout.seat_of(2).label == "Car 2/rear right"
    assert layout.seat_of(1).label == "Car 2/rear left"
    assert layout.seat_of(3).label == "Car 2/front"
    assert layout.seat_of(4).table == 3


def banquet_people(count: int) -> list:
    cands = []
    for i in range(count):
        side = "host" if i % 2 else "guest"
        cands.append(
            Candidate(
                i + 1,
                f"P{i}",
                side=side,
                explicit_rank=i // 2 + 1,
                languages=frozenset({"zh"} if side == "host" else {"en"}),
            )
        )
    cands.append(
        Candidate(
            900,
            "Interp",
            side="host",
            role="interpreter",
            interprets_for=2,
            languages=frozenset({"zh", "en"}),
        )
    )
    cands.append(
        Candidate(
            901,
            "Interp G",
            side="guest",
            role="interpreter",
            interprets_for=1,
            languages=frozenset({"zh", "en"}),
        )
    )
    return rank(cands)


def neighbours_of(layout, person_id: int) -> set[int | None]:
    spot = layout.seat_of(person_id)
    table = sorted(
        (p for p in layout.placements if p.spot.table == spot.table), key=lambda p: p.spot.position
    )
    k = next(i for i, p in enumerate(table) if p.person_id == person_id)
    return {table[k - 1].person_id, table[(k + 1) % len(table)].person_id}


@settings(max_examples=8, deadline=None)
@given(st.integers(min_value=8, max_value=30))
def test_banquet_rules_hold(count: int) -> None:
    crowd = banquet_people(count)
    tables = -(-(count + 2) // 8) + 1
    layout = lay_out("banquet", crowd, "international", tables=tables, seats=8, time_limit=5)
    taken = [p.person_id for p in layout.placements if p.person_id is not None]
    assert len(taken) == len(set(taken)) == len(crowd)  # everyone, no seat shared
    # Host 1 (id 2) in seat 1 of the host table, the principal guest (id 1) on their right.
    assert layout.seat_of(2).label == "T1-1" and layout.seat_of(1).label == "T1-2"
    assert 2 in neighbours_of(layout, 900) or layout.seat_of(900) is None
    assert 2 in neighbours_of(layout, 900) and 1 in neighbours_of(layout, 901)
    sides = {a.person_id: a.side for a in crowd if not a.is_interpreter}
    pairs = list(same_side_neighbours(layout, sides))
    assert len(pairs) <= tables  # alternating, apart from the odd seat a table may force


def test_locked_seats_are_kept_after_a_resolve() -> None:
    crowd = banquet_people(20)
    first = lay_out("banquet", crowd, "international", tables=4, seats=8, time_limit=5)
    locks = {"T3-4": 7, "T2-2": 12}
    again = lay_out("banquet", crowd, "international", tables=4, seats=8, locks=locks, time_limit=5)
    assert again.assignment["T3-4"] == 7 and again.assignment["T2-2"] == 12
    assert {p.spot.label for p in again.placements if p.locked} == set(locks)
    assert table_of(first).keys() == table_of(again).keys()


def test_an_impossible_banquet_is_explained() -> None:
    crowd = banquet_people(10)
    # The principal guest locked at table 2 cannot also sit at the host table.
    with pytest.raises(SeatingImpossible) as caught:
        lay_out("banquet", crowd, "international", tables=3, seats=8, locks={"T2-3": 1})
    text = str(caught.value)
    assert "the locked seats" in text and "host table" in text
    with pytest.raises(SeatingImpossible, match="12 people are booked but 1 tables of 8"):
        lay_out("banquet", crowd, "international", tables=1, seats=8)


def test_unknown_layout_or_convention_refused() -> None:
    with pytest.raises(ValidationError):
        lay_out("buffet", people(2), "international")
    with pytest.raises(ValidationError):
        lay_out("rostrum", people(2), "french")


@pytest.fixture
def demo_copy(demo_path):
    plan = PlanFile.open(demo_path)
    yield plan
    plan.close()


def _item(session, title: str) -> int:
    return protocol.find_item(session, title).id


def test_demo_signing_rostrum_and_banquet(demo_copy) -> None:
    plan = demo_copy
    with plan.reading() as s:
        signing = protocol.seating_view(s, _item(s, "Signing ceremony"))
        rostrum = protocol.seating_view(s, _item(s, "Opening ceremony"))
        banquet = protocol.seating_view(s, _item(s, "Conference banquet"))
    by_name = {seat.name: seat for seat in signing.seats if seat.name}
    assert by_name["Bob O'Neill"].x < by_name["Nie Biao"].x  # guest on the host's right
    assert {"Sun Zhaohua", "Zheng Jie", "Wang Haiyang"} <= {
        seat.name for seat in signing.seats if "-W" in seat.label
    }
    centre = next(seat for seat in rostrum.seats if seat.x == 0)
    assert centre.name == "Sun Zhaohua" and len(rostrum.seats) % 2 == 1
    second = next(seat for seat in rostrum.seats if seat.name == "Bob O'Neill")
    assert second.x > 0  # chinese convention: No. 2 on No. 1's left
    sun = next(seat for seat in banquet.seats if seat.name == "Sun Zhaohua")
    interp = next(seat for seat in banquet.seats if seat.name == "Chen Xiaoyu")
    assert sun.table == interp.table == 1 and abs(sun.position - interp.position) in (1, 7)
    assert len({seat.table for seat in banquet.seats if seat.name}) == 3


def test_moving_a_person_locks_the_seat_and_undo_restores(demo_copy) -> None:
    plan = demo_copy
    with plan.reading() as s:
        item_id = _item(s, "Conference banquet")
        walsh = next(
            seat
            for seat in protocol.seating_view(s, item_id).seats
            if seat.name == "Jennifer Walsh"
        )
        before = protocol.seating_state(s, item_id)
    op = place_person(item_id, walsh.person_id, "T2-5", "Jennifer Walsh")
    with plan.transaction() as s:
        op.do(s)
    resolve = seat_item(item_id, "banquet")
    with plan.transaction() as s:
        resolve.do(s)  # a re-solve keeps the lock
    with plan.reading() as s:
        view = protocol.seating_view(s, item_id)
        moved = view.seat_of(walsh.person_id)
    assert moved.label == "T2-5" and moved.locked
    with plan.transaction() as s:
        protocol.set_locked(s, item_id, "T2-5", False)  # changed outside these two steps
    with plan.transaction() as s, pytest.raises(StaleError, match="changed since"):
        resolve.undo(s)
    with plan.transaction() as s:
        protocol.set_locked(s, item_id, "T2-5", True)
    with plan.transaction() as s:
        resolve.undo(s)
        op.undo(s)
    with plan.reading() as s:
        assert protocol.seating_state(s, item_id) == before


def test_place_person_refuses_a_seat_that_does_not_exist(demo_copy) -> None:
    with demo_copy.transaction() as s:
        item_id = _item(s, "Conference banquet")
        before = protocol.seating_state(s, item_id)
        with pytest.raises(ValidationError, match="no seat 'T9-9'"):
            protocol.place_person(s, item_id, 1, "T9-9")
    with demo_copy.reading() as s:
        assert protocol.seating_state(s, item_id) == before


def test_cli_json_shape(demo_copy, capsys) -> None:
    path = str(demo_copy.path)
    demo_copy.close()  # the command opens the file itself
    assert main(["seating", path, "--item", "Opening ceremony", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"item", "layout", "convention", "seats"}
    assert data["layout"] == "rostrum" and data["convention"] == "chinese"
    keys = {"seat", "table", "row", "position", "x", "y", "person_id", "name", "side", "rank"}
    assert all(set(seat) == keys for seat in data["seats"])
    assert data["seats"][0]["name"] == "Sun Zhaohua" and data["seats"][0]["rank"] == 1
    assert (
        main(
            [
                "seating",
                path,
                "--item",
                "Opening ceremony",
                "--convention",
                "international",
                "--json",
            ]
        )
        == 0
    )
    flipped = json.loads(capsys.readouterr().out)
    assert flipped["seats"][1]["x"] == -data["seats"][1]["x"]
    assert main(["seating", path, "--item", "no such item"]) == 2
    assert capsys.readouterr().err.startswith("error: no item matches")

"""Transfer grouping over plain records: windows, terminals, hotels, vehicles, times in zones."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tourplanner.errors import ValidationError
from tourplanner.operations_planning.transfer_groups import (
    ARRIVAL,
    DEPARTURE,
    Movement,
    Rules,
    group_transfers,
)
from tourplanner.operations_planning.vehicle_sizes import Vehicle, vehicles_for
from tourplanner.services.transfers import split_terminal
from tourplanner.timezones import to_local

LANDING = datetime(2015, 4, 15, 6, 35, tzinfo=UTC)  # 14:35 in Beijing


def move(n: int, at: datetime = LANDING, **kw: object) -> Movement:
    values: dict[str, object] = {
        "person_id": n,
        "name": f"Person {n:02d}",
        "direction": ARRIVAL,
        "journey": "UA 897",
        "kind": "flight",
        "at_utc": at,
        "zone": "Asia/Shanghai",
        "hub": "Beijing Capital International Airport (PEK)",
        "terminal": "T3",
        "international": True,
        "hotel": "Shangri-La Hotel, Beijing",
        "travel_minutes": 60,
        "sign": "US delegation",
    }
    values.update(kw)
    return Movement(**values)  # type: ignore[arg-type]


def test_arrivals_within_the_window_of_the_first_share_a_vehicle_later_ones_do_not() -> None:
    groups = group_transfers(
        [
            move(1),
            move(2, LANDING + timedelta(minutes=50)),
            move(3, LANDING + timedelta(minutes=60)),
            move(4, LANDING + timedelta(minutes=61)),
        ]
    )
    assert [[m.person_id for m in g.movements] for g in groups] == [[1, 2, 3], [4]]
    wider = group_transfers([move(1), move(4, LANDING + timedelta(minutes=61))], Rules(90))
    assert len(wider) == 1


def test_terminals_and_hotels_are_separate_pick_ups() -> None:
    groups = group_transfers(
        [move(1), move(2, terminal="T2"), move(3, hotel="Kerry Hotel"), move(4)]
    )
    assert sorted(tuple(m.person_id for m in g.movements) for g in groups) == [(1, 4), (2,), (3,)]


@pytest.mark.parametrize(
    ("people", "vehicles"),
    [
        (1, [("car", 1)]),
        (3, [("car", 3)]),
        (4, [("van", 4)]),
        (7, [("van", 7)]),
        (8, [("minibus", 8)]),
        (19, [("minibus", 19)]),
        (20, [("coach", 20)]),
        (49, [("coach", 49)]),
        (60, [("coach", 49), ("minibus", 11)]),
        (100, [("coach", 49), ("coach", 49), ("car", 2)]),
    ],
)
def test_vehicle_sizes(people: int, vehicles: list[tuple[str, int]]) -> None:
    assert vehicles_for(people) == tuple(Vehicle(k, n) for k, n in vehicles)
    assert sum(v.seats_needed for v in vehicles_for(people)) == people


def test_an_international_arrival_is_picked_up_an_hour_after_the_last_landing_in_local_time() -> (
    None
):
    # A red-eye from Washington (EDT) lands in Beijing (CST, 12 hours ahead) at 01:40.
    landing = datetime(2015, 4, 14, 17, 40, tzinfo=UTC)
    late = landing + timedelta(minutes=20)
    (group,) = group_transfers([move(1, landing), move(2, late, international=False)])
    assert group.pickup_utc == max(landing + timedelta(minutes=60), late + timedelta(minutes=30))
    local = to_local(group.pickup_utc, group.zone)
    assert (local.date().isoformat(), f"{local:%H:%M}") == ("2015-04-15", "02:40")
    assert group.drop_utc == group.pickup_utc + timedelta(minutes=60)
    assert group.pickup_utc > group.last_utc
    assert group.vehicles == (Vehicle("car", 2),)


def test_departures_leave_for_check_in_of_the_earliest_flight_plus_the_road() -> None:
    flight = datetime(2015, 4, 24, 0, 30, tzinfo=UTC)  # 08:30 in Shenzhen
    (group,) = group_transfers(
        [
            move(1, flight, direction=DEPARTURE, international=False, travel_minutes=45),
            move(2, flight + timedelta(minutes=30), direction=DEPARTURE, international=True),
        ]
    )
    # Domestic at 08:30 wants 06:30; international at 09:00 wants 06:00: the earlier wins.
    assert group.drop_utc == flight + timedelta(minutes=30) - timedelta(hours=3)
    assert group.pickup_utc == group.drop_utc - timedelta(minutes=45)
    assert not group.travel_assumed


def test_without_a_stored_road_time_the_default_is_used_and_said() -> None:
    (group,) = group_transfers([move(1, travel_minutes=None)], Rules(default_travel_minutes=75))
    assert group.travel_assumed and group.travel_minutes == 75
    assert group.drop_utc - group.pickup_utc == timedelta(minutes=75)


def test_the_board_names_the_most_common_sign_first() -> None:
    (group,) = group_transfers([move(1, sign="ICMA staff"), move(2), move(3)])
    assert group.signs == ("US delegation", "ICMA staff")


@pytest.mark.parametrize("minutes", [0, -5, 721])
def test_a_window_out_of_range_is_a_sentence(minutes: int) -> None:
    with pytest.raises(ValidationError, match="between 1 and 720"):
        Rules(window_minutes=minutes)


@pytest.mark.parametrize(
    ("text", "hub", "terminal"),
    [
        ("Beijing Capital (PEK), Terminal 3", "Beijing Capital (PEK)", "T3"),
        ("Shenzhen Bao'an (SZX) T3", "Shenzhen Bao'an (SZX)", "T3"),
        ("Washington Dulles (IAD)", "Washington Dulles (IAD)", ""),
        ("Shanghai Hongqiao Railway Station", "Shanghai Hongqiao Railway Station", ""),
    ],
)
def test_the_terminal_is_read_from_the_place(text: str, hub: str, terminal: str) -> None:
    assert split_terminal(text) == (hub, terminal)


def test_a_pick_up_of_many_organisations_prints_on_one_page(tmp_path) -> None:
    # Found on the 5,000-person plan: 40 organisations' signs made one cell taller than a page.
    from pypdf import PdfReader

    from tourplanner.export.operations.transfers import export_transfers, sign_lines
    from tourplanner.services.transfers import TransferSheet

    groups = group_transfers([move(n, sign=f"Organisation {n}") for n in range(40)])
    assert sign_lines(groups[0])[-1] == "and 37 other groups"
    sheet = TransferSheet("Plan", tuple(groups), ("arrival",), None, Rules())
    out = tmp_path / "t.pdf"
    export_transfers(sheet, out)
    assert "and 37 other groups" in PdfReader(out).pages[0].extract_text()

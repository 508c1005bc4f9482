"""Stays joined by "sharing with" make rooms: chains, either way round, outsiders left out."""

from __future__ import annotations

from tourplanner.operations_planning.shared_rooms import room_with, rooms


def test_stays_in_chains_either_way_round_make_one_room_each() -> None:
    links = [(2, 1), (3, 2), (4, None), (5, 6), (7, 99)]  # 6 names 5 the other way: (5, 6)
    assert rooms([1, 2, 3, 4, 5, 6, 7], links) == [[1, 2, 3], [4], [5, 6], [7]]
    # A link to a stay not asked about (another hotel's) joins nothing.
    assert rooms([7], links) == [[7]]
    assert rooms([], links) == []


def test_the_room_of_a_stay_is_all_its_stay_joins() -> None:
    links = [(10, None), (11, 10), (12, 11), (20, 21)]
    assert room_with(12, links) == {10, 11, 12}
    assert room_with(10, links) == {10, 11, 12}
    assert room_with(21, links) == {20, 21}
    assert room_with(30, links) == {30}  # alone in its room

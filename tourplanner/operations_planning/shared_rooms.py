"""Which hotel stays share a room: stays joined by "sharing with", either way round, in chains.

A booking says only whom it shares with (one other stay). A room of three is two such links,
and either stay of a link may name the other, so a room is a connected group of stays. The
rooming list prints each group as one room; a guest dropped on a room joins its whole group.
"""

from __future__ import annotations

from collections.abc import Iterable


def rooms(stays: Iterable[int], links: Iterable[tuple[int, int | None]]) -> list[list[int]]:
    """The stays grouped into rooms, each room's stays and the rooms in the order of `stays`.

    `links` are (stay, shares with) pairs; a link to a stay not in `stays` is left out (a stay
    at another hotel, or outside the list asked for).
    """
    parent = {s: s for s in stays}

    def root(s: int) -> int:
        while parent[s] != s:
            parent[s] = parent[parent[s]]  # path halving: chains stay short
            s = parent[s]
        return s

    for stay, mate in links:
        if stay in parent and mate is not None and mate in parent:
            parent[root(mate)] = root(stay)
    grouped: dict[int, list[int]] = {}
    for s in parent:
        grouped.setdefault(root(s), []).append(s)
    return list(grouped.values())


def room_with(stay: int, links: Iterable[tuple[int, int | None]]) -> set[int]:
    """Every stay in the same room as `stay` (itself included)."""
    pairs = [(a, b) for a, b in links if b is not None]
    stays = {stay} | {a for a, _ in pairs} | {b for _, b in pairs if b is not None}
    return next(set(room) for room in rooms(stays, pairs) if stay in room)

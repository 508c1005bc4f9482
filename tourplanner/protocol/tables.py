"""Banquet tables: where each round table stands, its seats round it, and the tables' order.

The host table (No. 1) stands at the head of the room, facing the entrance; the others are
numbered by their distance from it, the nearer first, and at equal distance the one on the
host's right (the viewer's left) first. Seat 1 of each table faces the entrance; seat 2 is on
its right (the viewer's left), and so on round the table.
"""

from __future__ import annotations

import math

from tourplanner.protocol.seats import Spot

TABLE_GAP = 4.0  # metres between rows of tables
TABLE_GAP_X = 5.5  # and between tables in a row (room for the names beside the seats)
RADIUS = 1.1


def table_centres(count: int) -> list[tuple[float, float]]:
    """Centres of tables 1..count: the host table at the head, the rest in rows before it."""
    if count <= 0:
        return []
    per_row = max(1, min(6, math.ceil(math.sqrt(count - 1)) + 1)) if count > 1 else 1
    places = []
    rows = math.ceil((count - 1) / per_row) if count > 1 else 0
    for r in range(rows):
        for c in range(per_row):
            places.append(((c - (per_row - 1) / 2) * TABLE_GAP_X, (rows - r - 1) * TABLE_GAP))
    head = (0.0, rows * TABLE_GAP + TABLE_GAP * 0.9)

    def rank(p: tuple[float, float]) -> tuple[float, float]:
        return (round(math.dist(p, head), 6), p[0])  # viewer's left = the host's right first

    chosen = sorted(places, key=rank)[: count - 1]
    rows_y = sorted({y for _, y in chosen})
    centred = []
    for y in rows_y:  # a row that is not full stands centred under the host table
        row = sorted(x for x, yy in chosen if yy == y)
        shift = -(row[0] + row[-1]) / 2
        centred += [(x + shift, y) for x in row]
    return [head, *sorted(centred, key=rank)]


def seat_spots(table: int, centre: tuple[float, float], seats: int) -> list[Spot]:
    """The seats of one table: seat 1 at the far side facing the entrance, then to its right."""
    spots = []
    for k in range(seats):
        angle = (
            math.pi / 2 + k * 2 * math.pi / seats
        )  # counter-clockwise: towards the viewer's left
        x = centre[0] + RADIUS * math.cos(angle)
        y = centre[1] + RADIUS * math.sin(angle)
        spots.append(Spot(f"T{table}-{k + 1}", k + 1, round(x, 3), round(y, 3), table=table))
    return spots


def neighbours(seat: int, seats: int) -> tuple[int, int]:
    """The seats (0-based) either side of `seat` round a table of `seats`."""
    return ((seat - 1) % seats, (seat + 1) % seats)

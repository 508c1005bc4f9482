"""The rostrum rule: No. 1 in the centre, then alternately to the senior and the other side.

Offsets are in seat widths from the row's centre line, to the viewer's right; the people sit
facing the viewer, so their own left is the viewer's right (+).
"""

from __future__ import annotations


def senior_sign(convention: str) -> int:
    """+1 when the senior side is the seated person's left (chinese), -1 when right."""
    return 1 if convention == "chinese" else -1


def row_offsets(count: int, convention: str) -> list[float]:
    """Offsets of No. 1, No. 2 ... in a row of `count`.

    Odd: 1 at 0, 2 one step to the senior side, 3 one step to the other, outward.
    Even: 1 and 2 share the centre, 1 half a step to the senior side, 2 to the other.
    """
    sign = senior_sign(convention)
    offsets: list[float] = []
    if count % 2:
        offsets.append(0.0)
        for n in range(1, count // 2 + 1):
            offsets += [sign * n, -sign * n]
    else:
        for n in range(count // 2):
            offsets += [sign * (n + 0.5), -sign * (n + 0.5)]
    return offsets[:count]


def rows_of(count: int, width: int) -> list[int]:
    """How many seats each row holds, front first, when at most `width` fit in one."""
    rows = [width] * (count // width)
    if count % width:
        rows.append(count % width)
    return rows

"""Fill seats in order of honour with people in order of precedence, keeping locked seats."""

from __future__ import annotations

from tourplanner.protocol.attendees import Attendee
from tourplanner.protocol.seats import Layout, Placement, Spot


def fill(
    layout: Layout,
    spots: list[Spot],
    people: list[Attendee],
    locks: dict[str, int],
) -> Layout:
    """Seat `people` on `spots` (both best first); a locked seat keeps its person."""
    present = {a.person_id for a in people}
    labels = {s.label for s in spots}
    kept = {label: pid for label, pid in locks.items() if label in labels and pid in present}
    for label, pid in locks.items():
        if pid in present and label not in labels:
            layout.unseated.append((pid, f"their locked seat {label} is no longer laid out"))
    held = set(kept.values())
    queue = [a.person_id for a in people if a.person_id not in held]
    for spot in spots:
        if spot.label in kept:
            layout.placements.append(Placement(spot, kept[spot.label], locked=True))
        else:
            layout.placements.append(Placement(spot, queue.pop(0) if queue else None))
    layout.unseated += [(pid, "no seat is left in this layout") for pid in queue]
    return layout

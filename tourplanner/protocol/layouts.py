"""The rule-based layouts: rostrum, photo line, meeting (会见), signing and motorcade."""

from __future__ import annotations

from tourplanner.protocol.attendees import GUEST, HOST, Attendee, merged_order, principal
from tourplanner.protocol.fill import fill
from tourplanner.protocol.rows import row_offsets, rows_of
from tourplanner.protocol.seats import Layout, Spot

SEAT_WIDTH = 0.9  # metres between two chairs on a rostrum or in a photo line
ROW_DEPTH = 1.2


def rostrum_spots(count: int, convention: str, width: int, *, prefix: str = "R") -> list[Spot]:
    """Seats of a rostrum (front row first), in order of honour."""
    spots = []
    number = 0
    for row, in_row in enumerate(rows_of(count, width), start=1):
        for offset in row_offsets(in_row, convention):
            number += 1
            label = f"{prefix}{row}-{number}" if count > width else f"{prefix}{number}"
            spots.append(Spot(label, number, offset * SEAT_WIDTH, row * ROW_DEPTH, row=row))
    return spots


def rostrum(people: list[Attendee], convention: str, width: int, locks: dict[str, int]) -> Layout:
    """No. 1 in the centre of the front row; the rule of `row_offsets` outward."""
    layout = Layout("rostrum", convention)
    order = _off_stage(layout, people)
    return fill(layout, rostrum_spots(len(order), convention, width), order, locks)


def _off_stage(layout: Layout, people: list[Attendee]) -> list[Attendee]:
    """Interpreters work from the booth or behind, not on the rostrum or in the photo."""
    for a in people:
        if a.is_interpreter:
            layout.unseated.append((a.person_id, "interprets from the booth, not on the rostrum"))
    return merged_order([a for a in people if not a.is_interpreter])


def photo(people: list[Attendee], convention: str, width: int, locks: dict[str, int]) -> Layout:
    """The photo line: the rostrum rule for standing people, rows behind the first."""
    layout = Layout("photo", convention)
    order = _off_stage(layout, people)
    spots = rostrum_spots(len(order), convention, width, prefix="P")
    return fill(layout, spots, order, locks)


def _sided(layout: Layout, people: list[Attendee]) -> list[Attendee]:
    """Those with a side; the others are listed as unseated, with why."""
    for a in people:
        if a.side not in (HOST, GUEST):
            layout.unseated.append((a.person_id, "has no side (host or guest) set"))
    return [a for a in people if a.side in (HOST, GUEST)]


def _interpreter_of(people: list[Attendee], who: Attendee | None) -> Attendee | None:
    if who is None:
        return None
    return next((a for a in people if a.interprets_for == who.person_id), None)


def meeting(people: list[Attendee], convention: str, locks: dict[str, int]) -> Layout:
    """Reception: principals side by side facing the entrance, the guest on the host's right
    (the viewer's left); each side along its own arm in rank order; interpreters behind."""
    layout = Layout("meeting", convention)
    sided = _sided(layout, people)
    spots: list[Spot] = []
    order: list[Attendee] = []
    for side, sign in ((GUEST, -1), (HOST, 1)):
        lead = principal(sided, side)
        interp = _interpreter_of(sided, lead)
        rest = [a for a in sided if a.side == side and a not in (lead, interp)]
        if lead is not None:
            spots.append(Spot(f"{side[0].upper()}1", 1, sign * 0.8, 6.0, row=1))
            order.append(lead)
        if interp is not None:
            spots.append(Spot(f"{side[0].upper()}1-I", 0, sign * 1.1, 6.8, row=2))
            order.append(interp)
        for n, a in enumerate(rest, start=2):
            spots.append(Spot(f"{side[0].upper()}{n}", n, sign * 2.6, 6.0 - (n - 1) * 0.9, row=1))
            order.append(a)
    return fill(layout, spots, order, locks)


def signing(people: list[Attendee], convention: str, locks: dict[str, int]) -> Layout:
    """Signers at the table, the guest on the host's right; seconds at their outer side;
    witnesses standing behind, each side behind its signer, centre outward by rank."""
    layout = Layout("signing", convention)
    sided = _sided(layout, people)
    spots: list[Spot] = []
    order: list[Attendee] = []
    for side, sign in ((GUEST, -1), (HOST, 1)):
        mine = [a for a in sided if a.side == side]
        signer = next((a for a in mine if a.duty == "signer"), principal(mine, side))
        second = _second(mine, signer)
        letter = side[0].upper()
        if signer is not None:
            spots.append(Spot(f"{letter}-signer", 1, sign * 0.8, 1.0, row=1))
            order.append(signer)
        if second is not None:
            spots.append(Spot(f"{letter}-second", 2, sign * 2.2, 1.0, row=1))
            order.append(second)
        witnesses = [a for a in mine if a not in (signer, second)]
        for n, a in enumerate(witnesses):
            row, col = divmod(n, 5)
            x = sign * (0.6 + col * 1.2)  # room between standing people for their names
            spots.append(Spot(f"{letter}-W{n + 1}", n + 3, x, 2.6 + row * 1.0, row=row + 2))
            order.append(a)
    return fill(layout, spots, order, locks)


def _second(mine: list[Attendee], signer: Attendee | None) -> Attendee | None:
    """The signer's second: the side's most senior staff member, else its most junior person
    (when there are witnesses besides)."""
    others = [a for a in mine if a is not signer and not a.is_interpreter]
    staff = [a for a in others if a.role == "staff"]
    if staff:
        return staff[0]
    return others[-1] if len(others) >= 2 else None


CAR_SEATS = ("rear right", "rear left", "front")


def motorcade(
    people: list[Attendee], convention: str, per_car: int, locks: dict[str, int]
) -> Layout:
    """Car 1 leads empty; car 2 carries the principal guest (rear right), the host (rear
    left) and the guest's interpreter (front); the others follow by rank."""
    layout = Layout("motorcade", convention)
    per_car = max(1, min(per_car, len(CAR_SEATS)))
    guest, host = principal(people, GUEST), principal(people, HOST)
    first = [a for a in (guest, host, _interpreter_of(people, guest)) if a is not None]
    rest = [a for a in _guests_first(people) if a not in first]
    order = first + rest
    cars = -(-len(order) // per_car) if order else 0
    spots = [
        Spot(f"Car {car}/{CAR_SEATS[seat]}", seat + 1, seat * 1.0 - 1.0, car * 5.0, table=car)
        for car in range(2, cars + 2)
        for seat in range(per_car)
    ]
    return fill(layout, spots, order, locks)


def _guests_first(people: list[Attendee]) -> list[Attendee]:
    """By rank, a guest before a host at equal rank; the unsided last."""
    return sorted(people, key=lambda a: (a.side not in (HOST, GUEST), a.rank, a.side != GUEST))

"""Who attends an item: booked into it directly, or on its programme for the items everyone on
a programme attends without a booking of their own (plenaries, meals, visits).

The same rule as the conflict index's `item_people` and the itinerary's: confirmed bookings
only, and breakout kinds (sessions, panels, workshops) only by a booking of their own. A group
books its members one by one, so a person's groups are named beside them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import NamedTuple

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session, selectinload

from tourplanner.enums import ParticipationStatus
from tourplanner.models import Item, Participation, Person
from tourplanner.services import items
from tourplanner.services.itinerary import NEEDS_OWN_BOOKING

DIRECT = "booked directly"
PROGRAMME = "through the programme"


class Attendee(NamedTuple):
    person_id: int
    name_latin: str
    name_local: str
    through: str  # DIRECT or PROGRAMME
    groups: tuple[str, ...]


class Attendance(NamedTuple):
    """Everyone attending one item, by name, and how many come each way."""

    attendees: tuple[Attendee, ...]
    direct: int
    through_programme: int

    def summary(self) -> str:
        """'14 attending: 12 through the programme, 2 booked directly'."""
        total = len(self.attendees)
        return f"{total} attending: {self.through_programme} {PROGRAMME}, {self.direct} {DIRECT}"


def item_attendance(session: Session, item_id: int) -> Attendance:
    """Everyone confirmed in an item, directly or through its programme."""
    return items_attendance(session, [items.get_item(session, item_id)])[item_id]


def items_attendance(session: Session, of: Sequence[Item]) -> dict[int, Attendance]:
    """`item_attendance` of each of these items, by item id, read in one query for them all
    (the Meals page counts every meal of a plan)."""
    if not of:
        return {}
    through_programme = {i.programme_id for i in of if i.kind not in NEEDS_OWN_BOOKING}
    condition: ColumnElement[bool] = Participation.item_id.in_([i.id for i in of])
    if through_programme:
        condition = condition | Participation.programme_id.in_(through_programme)
    found = session.scalars(
        select(Participation)
        .join(Person)
        .where(Participation.status == ParticipationStatus.CONFIRMED, condition)
        .options(selectinload(Participation.person).selectinload(Person.groups))
        .order_by(Person.name_latin, Person.id)
    ).all()
    # Each booking keeps its place in the query's name order (the database's collation).
    by_item: dict[int, list[tuple[int, Participation]]] = defaultdict(list)
    by_programme: dict[int, list[tuple[int, Participation]]] = defaultdict(list)
    for n, p in enumerate(found):
        if p.item_id is not None:
            by_item[p.item_id].append((n, p))
        elif p.programme_id is not None:
            by_programme[p.programme_id].append((n, p))
    return {
        item.id: _attendance(
            by_item[item.id]
            + (by_programme[item.programme_id] if item.kind not in NEEDS_OWN_BOOKING else [])
        )
        for item in of
    }


def _attendance(found: list[tuple[int, Participation]]) -> Attendance:
    """One item's attendance from its confirmed bookings (direct and programme ones, each with
    its place in name order)."""
    found.sort(key=lambda placed: placed[0])
    through: dict[int, tuple[Person, str]] = {}
    for _, p in found:
        way = DIRECT if p.item_id is not None else PROGRAMME
        if p.person_id not in through or way == DIRECT:  # a booking of one's own counts first
            through[p.person_id] = (p.person, way)
    attendees = tuple(
        Attendee(
            person.id,
            person.name_latin,
            person.name_local,
            way,
            tuple(sorted(g.name for g in person.groups)),
        )
        for person, way in through.values()
    )
    direct = sum(a.through == DIRECT for a in attendees)
    return Attendance(attendees, direct, len(attendees) - direct)

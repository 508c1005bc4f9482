"""Who attends an item: booked into it directly, or on its programme for the items everyone on
a programme attends without a booking of their own (plenaries, meals, visits).

The same rule as the conflict index's `item_people` and the itinerary's: confirmed bookings
only, and breakout kinds (sessions, panels, workshops) only by a booking of their own. A group
books its members one by one, so a person's groups are named beside them.
"""

from __future__ import annotations

from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from tourplanner.enums import ParticipationStatus
from tourplanner.models import Participation, Person
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
    item = items.get_item(session, item_id)
    confirmed = Participation.status == ParticipationStatus.CONFIRMED
    condition = Participation.item_id == item_id
    if item.kind not in NEEDS_OWN_BOOKING:
        condition = condition | (Participation.programme_id == item.programme_id)
    found = session.scalars(
        select(Participation)
        .join(Person)
        .where(confirmed, condition)
        .options(selectinload(Participation.person).selectinload(Person.groups))
        .order_by(Person.name_latin, Person.id)
    ).all()
    through: dict[int, tuple[Person, str]] = {}
    for p in found:
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

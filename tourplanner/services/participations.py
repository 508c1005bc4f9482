"""Who takes part in which item or programme, in which role."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from sqlalchemy import insert, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from tourplanner.enums import ParticipationRole, ParticipationStatus
from tourplanner.errors import NotFoundError, ValidationError
from tourplanner.i18n import _
from tourplanner.models import Group, Item, Participation, Person, Programme
from tourplanner.services import validation as v
from tourplanner.services.common import fetch


def _existing(
    session: Session, person_id: int, item_id: int | None, programme_id: int | None, role: str
) -> Participation | None:
    return session.scalar(
        select(Participation).where(
            Participation.person_id == person_id,
            Participation.item_id.is_(None)
            if item_id is None
            else Participation.item_id == item_id,
            Participation.programme_id.is_(None)
            if programme_id is None
            else Participation.programme_id == programme_id,
            Participation.role == role,
        )
    )


def add_participation(
    session: Session,
    person_id: int,
    *,
    item_id: int | None = None,
    programme_id: int | None = None,
    role: str = ParticipationRole.ATTENDING,
    status: str = ParticipationStatus.CONFIRMED,
) -> int:
    """Book a person into an item or a whole programme; booking twice returns the same id."""
    if (item_id is None) == (programme_id is None):
        raise ValidationError("participation", _("choose either an item or a programme"))
    fetch(session, Person, person_id, "person")
    if item_id is not None:
        fetch(session, Item, item_id, "item")
    elif programme_id is not None:
        fetch(session, Programme, programme_id, "programme")
    role = v.choice(role, ParticipationRole, "role")
    status = v.choice(status, ParticipationStatus, "status")
    found = _existing(session, person_id, item_id, programme_id, role)
    if found is not None:
        found.status = status
        session.flush()
        return found.id
    part = Participation(
        person_id=person_id, item_id=item_id, programme_id=programme_id, role=role, status=status
    )
    session.add(part)
    session.flush()
    return part.id


def update_participation(
    session: Session, participation_id: int, *, role: str | None = None, status: str | None = None
) -> None:
    part = fetch(session, Participation, participation_id, "participation")
    if role is not None:
        part.role = v.choice(role, ParticipationRole, "role")
    if status is not None:
        part.status = v.choice(status, ParticipationStatus, "status")
    session.flush()


def remove_participation(session: Session, participation_id: int) -> None:
    session.delete(fetch(session, Participation, participation_id, "participation"))
    session.flush()


def assign_group(
    session: Session,
    group_id: int,
    *,
    item_id: int | None = None,
    programme_id: int | None = None,
    role: str = ParticipationRole.ATTENDING,
    status: str = ParticipationStatus.CONFIRMED,
) -> list[int]:
    """Book every member of a group; returns the participation ids."""
    group = fetch(session, Group, group_id, "group")
    return [
        add_participation(
            session, p.id, item_id=item_id, programme_id=programme_id, role=role, status=status
        )
        for p in group.members
    ]


def participations_of_person(session: Session, person_id: int) -> list[Participation]:
    return list(session.scalars(select(Participation).where(Participation.person_id == person_id)))


def participants(
    session: Session, *, item_id: int | None = None, programme_id: int | None = None
) -> list[Participation]:
    """The participations of one item or one programme, by person name."""
    query = select(Participation).join(Person).order_by(Person.name_latin)
    if item_id is not None:
        query = query.where(Participation.item_id == item_id)
    if programme_id is not None:
        query = query.where(Participation.programme_id == programme_id)
    return list(session.scalars(query))


class Booking(NamedTuple):
    """One participation to add in bulk."""

    person_id: int
    item_id: int | None = None
    programme_id: int | None = None
    role: str = ParticipationRole.ATTENDING
    status: str = ParticipationStatus.CONFIRMED


# What makes a booking the same booking: one person, one item or programme, one role.
BOOKING_KEY = (
    Participation.person_id,
    Participation.item_id,
    Participation.programme_id,
    Participation.role,
)


def _missing(session: Session, column: InstrumentedAttribute[int], ids: set[int]) -> set[int]:
    found: set[int] = set()
    id_list = sorted(ids)
    for start in range(0, len(id_list), 900):  # stay under SQLite's bound-parameter limit
        chunk = id_list[start : start + 900]
        found.update(session.scalars(select(column).where(column.in_(chunk))))
    return ids - found


def add_participations(session: Session, bookings: Sequence[Booking]) -> int:
    """Book many at once (bulk assign, imports, generators); returns how many were new."""
    return len(book(session, bookings))


def book(session: Session, bookings: Sequence[Booking]) -> list[Booking]:
    """Book many at once; returns the bookings that were new (what an undo takes back).

    Checks every id and value first and refuses the whole batch on the first problem, so a
    bad row changes nothing. Bookings that already exist are left as they are.
    """
    for n, b in enumerate(bookings, start=1):
        if (b.item_id is None) == (b.programme_id is None):
            raise ValidationError(
                "participation", _("booking {n}: choose either an item or a programme").format(n=n)
            )
        v.choice(b.role, ParticipationRole, "role")
        v.choice(b.status, ParticipationStatus, "status")
    for what, column, ids in (
        ("person", Person.id, {b.person_id for b in bookings}),
        ("item", Item.id, {b.item_id for b in bookings if b.item_id is not None}),
        (
            "programme",
            Programme.id,
            {b.programme_id for b in bookings if b.programme_id is not None},
        ),
    ):
        missing = _missing(session, column, ids)
        if missing:
            raise NotFoundError(
                _("{what} #{min} does not exist").format(what=what, min=min(missing))
            )
    people_ids = sorted({b.person_id for b in bookings})
    existing: set[tuple] = set()
    for start in range(0, len(people_ids), 900):
        existing.update(
            tuple(row)
            for row in session.execute(
                select(*BOOKING_KEY).where(
                    Participation.person_id.in_(people_ids[start : start + 900])
                )
            ).all()
        )
    new: dict[tuple, Booking] = {}
    for b in bookings:
        k = (b.person_id, b.item_id, b.programme_id, b.role)
        if k not in existing:
            new.setdefault(k, b)
    if new:
        session.execute(insert(Participation), [b._asdict() for b in new.values()])
    session.flush()
    return list(new.values())


def booked(session: Session, bookings: Sequence[Booking]) -> list[Booking]:
    """Those of these bookings that exist now (matched as `unbook` matches them)."""
    return [
        b
        for b in bookings
        if session.scalar(
            select(Participation.id).where(
                *(col == val for col, val in zip(BOOKING_KEY, b[:4], strict=True))
            )
        )
        is not None
    ]


def unbook(session: Session, bookings: Sequence[Booking]) -> int:
    """Remove these bookings (matched on person, item or programme, and role); returns how many."""
    removed = 0
    for b in bookings:
        found = session.scalar(
            select(Participation).where(
                *(col == val for col, val in zip(BOOKING_KEY, b[:4], strict=True))
            )
        )
        if found is not None:
            session.delete(found)
            removed += 1
    session.flush()
    return removed

"""Bookings and group memberships in bulk; undo takes back only what the step itself made."""

from __future__ import annotations

from dataclasses import dataclass, field

from tourplanner.i18n import _
from tourplanner.operations.changes import Changes
from tourplanner.operations.operation import Session, StaleError
from tourplanner.services import organizations, participations
from tourplanner.services.participations import Booking

_BOOKINGS = Changes(bookings=True)


@dataclass
class Book:
    text: str
    bookings: list[Booking]
    made: list[Booking] = field(default_factory=list)

    def do(self, session: Session) -> Changes:
        self.made = participations.book(session, self.bookings)
        return _BOOKINGS

    def undo(self, session: Session) -> Changes:
        if participations.unbook(session, self.made) != len(self.made):
            raise StaleError(_("Some of these bookings were taken off since; nothing was undone"))
        return _BOOKINGS


@dataclass
class Unbook:
    text: str
    bookings: list[Booking]
    removed: list[Booking] = field(default_factory=list)

    def do(self, session: Session) -> Changes:
        self.removed = participations.booked(session, self.bookings)
        participations.unbook(session, self.removed)
        return _BOOKINGS

    def undo(self, session: Session) -> Changes:
        participations.book(session, self.removed)  # one booked again meanwhile stays as it is
        return _BOOKINGS


@dataclass
class JoinGroup:
    text: str
    group_id: int
    person_ids: list[int]
    added: list[int] = field(default_factory=list)

    def do(self, session: Session) -> Changes:
        self.added = organizations.join_group(session, self.group_id, self.person_ids)
        return Changes.of_records("group", [self.group_id])

    def undo(self, session: Session) -> Changes:
        removed = organizations.remove_group_members(session, self.group_id, self.added)
        if removed != len(self.added):
            raise StaleError(_("Some of these people left the group since; nothing was undone"))
        return Changes.of_records("group", [self.group_id])

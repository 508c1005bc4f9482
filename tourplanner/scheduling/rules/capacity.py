"""room-over-capacity and over-capacity: more confirmed people than a room's places or seats."""

from __future__ import annotations

from collections.abc import Iterable

from tourplanner.i18n import _
from tourplanner.scheduling.findings import ERROR, Finding, Sentence
from tourplanner.scheduling.rules.view import CANCELLED, WAITLISTED, CheckView, Timed
from tourplanner.scheduling.snapshot import NEEDS_OWN_BOOKING, BookingRec, ProgrammeRec, RoomRec
from tourplanner.scheduling.text import occasion_of


def room_over_capacity(view: CheckView, key: object, room: RoomRec, capacity: int) -> list[Timed]:
    """Each item (not cancelled) in the room with more confirmed people than it holds."""
    items = view.snap.items
    found = []
    for item_id in view.items_by_room.get(key, ()):
        item = items[item_id]
        if item.status == CANCELLED:
            continue
        bookings = view.item_bookings.get(item_id, ())
        most = len(bookings)
        if item.kind not in NEEDS_OWN_BOOKING:
            most += len(view.programme_people.get(item.programme_id, ()))
        if most <= capacity:  # cheap bound first: most items are nowhere near full
            continue
        count = len(view.item_people(item_id))
        if count <= capacity:
            continue
        found.append(
            (
                item.start.timestamp(),
                Finding(
                    "room-over-capacity",
                    ERROR,
                    Sentence(  # written when read, in the reader's language
                        _room_full,
                        (item.title, item.zone, item.start, item.end),
                        count,
                        capacity,
                        room.name,
                        _waiting(bookings),
                    ),
                    item_ids=(item_id,),
                    room_ids=(room.id,),
                    venue_ids=(room.venue_id,),
                ),
            )
        )
    return found


def over_capacity(view: CheckView, prog: ProgrammeRec, capacity: int) -> list[Timed]:
    """A programme with more people confirmed on it than its seats."""
    confirmed = len(view.programme_people.get(prog.id, ()))
    if confirmed <= capacity:
        return []
    return [
        (
            view.spans[prog.id][0],
            Finding(
                "over-capacity",
                ERROR,
                Sentence(
                    _programme_full,
                    prog.title,
                    confirmed,
                    capacity,
                    _waiting(view.programme_bookings.get(prog.id, ())),
                ),
                programme_ids=(prog.id,),
            ),
        )
    ]


def _waiting(bookings: Iterable[BookingRec]) -> int:
    return len({b.person_id for b in bookings if b.status == WAITLISTED})


def _room_full(occasion: tuple, count: int, capacity: int, room: str, waiting: int) -> str:
    return _(
        "{occasion} has {count} confirmed people for the {capacity} places of {room}: {over}"
    ).format(
        occasion=occasion_of(*occasion),
        count=count,
        capacity=capacity,
        room=room,
        over=_over(count, capacity, waiting),
    )


def _programme_full(title: str, count: int, capacity: int, waiting: int) -> str:
    return _("'{title}' has {count} confirmed people for {capacity} seats: {over}").format(
        title=title, count=count, capacity=capacity, over=_over(count, capacity, waiting)
    )


def _over(count: int, capacity: int, waiting: int) -> str:
    """'3 over (2 more on the waiting list).': the end of both messages."""
    if waiting:
        return _("{over} over ({waiting} more on the waiting list).").format(
            over=count - capacity, waiting=waiting
        )
    return _("{over} over.").format(over=count - capacity)

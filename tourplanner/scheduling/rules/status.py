"""tentative and cancelled-booking: an item still to be confirmed, a booking on a cancelled one."""

from __future__ import annotations

from tourplanner.scheduling.findings import WARNING, Finding
from tourplanner.scheduling.rules.view import CANCELLED, CONFIRMED, TENTATIVE, CheckView, Timed
from tourplanner.scheduling.snapshot import ItemRec, PersonRec
from tourplanner.scheduling.text import occasion


def tentative(item: ItemRec) -> list[Timed]:
    """A tentative item, to be confirmed."""
    if item.status != TENTATIVE:
        return []
    return [
        (
            item.start.timestamp(),
            Finding(
                "tentative",
                WARNING,
                f"{occasion(item, item.start, item.end)} is tentative.",
                item_ids=(item.id,),
                programme_ids=(item.programme_id,),
            ),
        )
    ]


def cancelled_bookings(view: CheckView, person: PersonRec) -> list[Timed]:
    """Each cancelled item a person is still confirmed in (once, however many bookings)."""
    items = view.snap.items
    found = []
    seen = set()
    for booking in view.person_bookings.get(person.id, ()):
        item = items.get(booking.item_id) if booking.item_id is not None else None
        if item is None or item.status != CANCELLED or booking.status != CONFIRMED:
            continue
        if item.id in seen:
            continue
        seen.add(item.id)
        found.append(
            (
                item.start.timestamp(),
                Finding(
                    "cancelled-booking",
                    WARNING,
                    f"{person.name} is still booked into {occasion(item, item.start, item.end)}, "
                    "which is cancelled.",
                    item_ids=(item.id,),
                    person_ids=(person.id,),
                ),
            )
        )
    return found

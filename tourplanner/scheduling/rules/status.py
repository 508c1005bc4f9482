"""tentative and cancelled-booking: an item still to be confirmed, a booking on a cancelled one."""

from __future__ import annotations

from tourplanner.i18n import _
from tourplanner.scheduling.findings import WARNING, Finding
from tourplanner.scheduling.rules.view import TENTATIVE, CheckView, Timed
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
                _("{occasion} is tentative.").format(occasion=occasion(item, item.start, item.end)),
                item_ids=(item.id,),
                programme_ids=(item.programme_id,),
            ),
        )
    ]


def cancelled_bookings(view: CheckView, person: PersonRec) -> list[Timed]:
    """Each cancelled item a person is still confirmed in (once, however many bookings)."""
    items = view.snap.items
    found = []
    # The cancelled items among those the person is confirmed in directly: two small sets.
    booked = view.person_items.get(person.id)
    for item_id in sorted(booked & view.cancelled) if booked else ():
        item = items[item_id]
        found.append(
            (
                item.start.timestamp(),
                Finding(
                    "cancelled-booking",
                    WARNING,
                    _("{name} is still booked into {occasion}, which is cancelled.").format(
                        name=person.name, occasion=occasion(item, item.start, item.end)
                    ),
                    item_ids=(item.id,),
                    person_ids=(person.id,),
                ),
            )
        )
    return found

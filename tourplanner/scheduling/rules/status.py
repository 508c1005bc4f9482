"""tentative and cancelled-booking: an item still to be confirmed, a booking on a cancelled one."""

from __future__ import annotations

from datetime import datetime

from tourplanner.i18n import _
from tourplanner.scheduling.findings import WARNING, Finding, Sentence
from tourplanner.scheduling.rules.view import TENTATIVE, CheckView, Timed
from tourplanner.scheduling.snapshot import ItemRec, PersonRec
from tourplanner.scheduling.text import occasion_of


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
                # Written when read, in the language of the reader.
                Sentence(_tentative, item.title, item.zone, item.start, item.end),
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
                    Sentence(_cancelled, person.name, item.title, item.zone, item.start, item.end),
                    item_ids=(item.id,),
                    person_ids=(person.id,),
                ),
            )
        )
    return found


def _tentative(title: str, zone: str, start: datetime, end: datetime) -> str:
    return _("{occasion} is tentative.").format(occasion=occasion_of(title, zone, start, end))


def _cancelled(name: str, title: str, zone: str, start: datetime, end: datetime) -> str:
    return _("{name} is still booked into {occasion}, which is cancelled.").format(
        name=name, occasion=occasion_of(title, zone, start, end)
    )

"""Journeys as undoable steps: one flight edited once for everyone, and its travellers.

A journey is the "travel" record of `services.records`; these steps add the traveller-level
edits (add, remove, a seat or booking code changed) on top of the generic create/edit/delete.
Each returns the `Changes` of the journey, and undo puts back exactly the travellers it had.
"""

from __future__ import annotations

from collections.abc import Callable

from tourplanner.operations.changes import Changes
from tourplanner.operations.edit import Edit
from tourplanner.operations.operation import Session
from tourplanner.operations.records import Create, create_record, edit_record
from tourplanner.services import travel
from tourplanner.services.travel import TravellerEntry

Entries = tuple[TravellerEntry, ...]


def create_journey(values: dict[str, object], *, name: str) -> Create:
    """A new journey (or stay) with its `travellers` among the values."""
    return create_record("travel", values, f"Add journey '{name}'")


def edit_journey(journey_id: int, values: dict[str, object], *, name: str) -> Edit:
    """Change the journey once for everyone on it (times, places, carrier, travellers)."""
    return edit_record("travel", journey_id, values, name=name, text=f"Edit journey '{name}'")


def _travellers_step(
    journey_id: int, text: str, name: str, derive: Callable[[Entries], Entries]
) -> Edit[Entries]:
    def read(session: Session) -> Entries:
        return travel.travellers_of(session, journey_id)

    def write(session: Session, entries: Entries) -> None:
        travel.update_journey(session, journey_id, travellers=entries)

    return Edit(
        text,
        f"The travellers of '{name}'",
        read,
        write,
        None,
        Changes.of_records("travel", [journey_id]),
        derive=derive,
    )


def add_traveller(journey_id: int, entry: TravellerEntry, *, name: str, person: str) -> Edit:
    """Put one more person on the journey (the service refuses someone already on it)."""
    return _travellers_step(
        journey_id, f"Add {person} to '{name}'", name, lambda entries: (*entries, entry)
    )


def remove_traveller(journey_id: int, person_id: int, *, name: str, person: str) -> Edit:
    """Take one person off the journey; the last one cannot go (delete the journey instead)."""

    def without(entries: Entries) -> Entries:
        kept = tuple(e for e in entries if e.person_id != person_id)
        if len(kept) == len(entries):
            travel.with_entry(entries, person_id)  # says in words that they are not on it
        return kept

    return _travellers_step(journey_id, f"Remove {person} from '{name}'", name, without)


def edit_traveller(
    journey_id: int, person_id: int, *, name: str, person: str, **changes: str
) -> Edit:
    """Change one traveller's seat, booking code, status or notes."""
    return _travellers_step(
        journey_id,
        f"Edit {person} on '{name}'",
        name,
        lambda entries: travel.with_entry(entries, person_id, **changes),
    )

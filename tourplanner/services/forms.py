"""What the editors offer to choose from, as plain values (they never read mapped objects)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from tourplanner.services import programmes, venues
from tourplanner.services.views import ProgrammeChoice, VenueChoice


def programme_choices(session: Session) -> list[ProgrammeChoice]:
    return [
        ProgrammeChoice(p.id, p.title_en, p.timezone) for p in programmes.list_programmes(session)
    ]


def venue_choices(session: Session) -> list[VenueChoice]:
    """Every venue with its rooms, labelled with its city where it has one."""
    return [
        VenueChoice(
            v.id,
            f"{v.name_en} ({v.city})" if v.city else v.name_en,
            v.timezone,
            tuple((r.id, r.name) for r in v.rooms),
        )
        for v in venues.list_venues(session)
    ]


def room_named(session: Session, venue_id: int, name: str) -> int | None:
    """The id of the venue's room of that name (the timeline's columns are rooms by name)."""
    return next((r.id for r in venues.get_venue(session, venue_id).rooms if r.name == name), None)

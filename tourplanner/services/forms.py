"""What the editors offer to choose from, as plain values (they never read mapped objects)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from tourplanner.services import items, programmes, venues
from tourplanner.services.itinerary import NEEDS_OWN_BOOKING
from tourplanner.services.views import ProgrammeChoice, VenueChoice


def programme_choices(session: Session) -> list[ProgrammeChoice]:
    return [
        ProgrammeChoice(p.id, p.title_en, p.timezone, p.start_date)
        for p in programmes.list_programmes(session)
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


def booking_heading(
    session: Session, *, item_id: int | None = None, programme_id: int | None = None
) -> tuple[str, str | None]:
    """The title of an item or programme whose bookings are listed, and for an item that its
    programme's people attend without a booking (a plenary, a meal), that programme's title."""
    if item_id is None:
        assert programme_id is not None
        return programmes.get_programme(session, programme_id).title_en, None
    item = items.get_item(session, item_id)
    everyone = None if item.kind in NEEDS_OWN_BOOKING else item.programme.title_en
    return item.title_en, everyone

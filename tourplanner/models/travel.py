"""Travel: journeys (flights, trains, road transfers) and hotel stays, each with its travellers.

A journey is one record however many people are on it, so moving the flight moves everyone;
each traveller has their own seat, booking code and status. A hotel stay is one person's nights
at a hotel: the same table with exactly one traveller, so every consumer reads a person's travel
the same way (docs/plan-file.md says why).
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.ext.associationproxy import AssociationProxy, association_proxy
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tourplanner.models.base import NEVER_REUSE_IDS, Base, UTCDateTime
from tourplanner.models.person import Person
from tourplanner.models.venue import Venue
from tourplanner.models.versioned import Versioned


class TravelSegment(Versioned, Base):
    """A journey or a stay; departure and arrival each carry their own zone."""

    __tablename__ = "travel_segments"
    __table_args__ = (CheckConstraint("end_utc >= start_utc", name="times"), NEVER_REUSE_IDS)

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(64), default=lambda: str(uuid.uuid4()), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    carrier: Mapped[str] = mapped_column(String(100), default="")
    number: Mapped[str] = mapped_column(String(50), default="")
    from_place: Mapped[str] = mapped_column(String(200), default="")
    to_place: Mapped[str] = mapped_column(String(200), default="")
    start_utc: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    start_timezone: Mapped[str] = mapped_column(String(64))
    end_utc: Mapped[datetime] = mapped_column(UTCDateTime)
    end_timezone: Mapped[str] = mapped_column(String(64))
    # The hotel of a stay (or the station/airport venue where one exists).
    venue_id: Mapped[int | None] = mapped_column(
        ForeignKey("venues.id", ondelete="RESTRICT"), index=True
    )
    notes: Mapped[str] = mapped_column(Text, default="")

    venue: Mapped[Venue | None] = relationship()
    travellers: Mapped[list[Traveller]] = relationship(
        back_populates="journey",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Traveller.person_id",  # a stable order however they were added
    )


class Traveller(Versioned, Base):
    """One person on a journey (or the guest of a stay), with their own seat and booking."""

    __tablename__ = "travellers"
    __table_args__ = (UniqueConstraint("segment_id", "person_id"), NEVER_REUSE_IDS)

    id: Mapped[int] = mapped_column(primary_key=True)
    # Kept from the per-person row it was before journeys (migration 0005): calendar exports
    # keep their event ids.
    uid: Mapped[str] = mapped_column(String(64), default=lambda: str(uuid.uuid4()), unique=True)
    segment_id: Mapped[int] = mapped_column(
        ForeignKey("travel_segments.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    seat: Mapped[str] = mapped_column(String(20), default="")
    confirmation_code: Mapped[str] = mapped_column(String(50), default="")
    status: Mapped[str] = mapped_column(String(20), default="confirmed")
    notes: Mapped[str] = mapped_column(Text, default="")

    journey: Mapped[TravelSegment] = relationship(back_populates="travellers")
    person: Mapped[Person] = relationship()

    # A traveller reads as their own travel: the journey's fields, with their seat and code. The
    # itinerary, calendar and person views take these as one person's segment.
    kind: AssociationProxy[str] = association_proxy("journey", "kind")
    carrier: AssociationProxy[str] = association_proxy("journey", "carrier")
    number: AssociationProxy[str] = association_proxy("journey", "number")
    from_place: AssociationProxy[str] = association_proxy("journey", "from_place")
    to_place: AssociationProxy[str] = association_proxy("journey", "to_place")
    start_utc: AssociationProxy[datetime] = association_proxy("journey", "start_utc")
    start_timezone: AssociationProxy[str] = association_proxy("journey", "start_timezone")
    end_utc: AssociationProxy[datetime] = association_proxy("journey", "end_utc")
    end_timezone: AssociationProxy[str] = association_proxy("journey", "end_timezone")
    venue_id: AssociationProxy[int | None] = association_proxy("journey", "venue_id")
    venue: AssociationProxy[Venue | None] = association_proxy("journey", "venue")
    journey_notes: AssociationProxy[str] = association_proxy("journey", "notes")

"""A person's travel: flights, trains, road transfers and hotel stays."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tourplanner.models.base import NEVER_REUSE_IDS, Base, UTCDateTime
from tourplanner.models.person import Person
from tourplanner.models.venue import Venue
from tourplanner.models.versioned import Versioned


class TravelSegment(Versioned, Base):
    """Departure and arrival each carry their own zone; a hotel stay runs check-in to check-out."""

    __tablename__ = "travel_segments"
    __table_args__ = (CheckConstraint("end_utc >= start_utc", name="times"), NEVER_REUSE_IDS)

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(64), default=lambda: str(uuid.uuid4()), unique=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    carrier: Mapped[str] = mapped_column(String(100), default="")
    number: Mapped[str] = mapped_column(String(50), default="")
    confirmation_code: Mapped[str] = mapped_column(String(50), default="")
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

    person: Mapped[Person] = relationship()
    venue: Mapped[Venue | None] = relationship()

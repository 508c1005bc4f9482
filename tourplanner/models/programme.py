"""Programmes (conference, tours, training, visits) and the items scheduled in them."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tourplanner.models.base import NEVER_REUSE_IDS, Base, UTCDateTime
from tourplanner.models.venue import Room, Venue
from tourplanner.models.versioned import Versioned


def new_uid() -> str:
    return str(uuid.uuid4())


class Programme(Versioned, Base):
    __tablename__ = "programmes"
    __table_args__ = (
        CheckConstraint("end_date >= start_date", name="dates"),
        CheckConstraint("capacity IS NULL OR capacity >= 0", name="capacity"),
        NEVER_REUSE_IDS,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title_en: Mapped[str] = mapped_column(String(300))
    title_local: Mapped[str] = mapped_column(String(300), default="")
    kind: Mapped[str] = mapped_column(String(20))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    # The zone in which the date range is read (where the programme takes place).
    timezone: Mapped[str] = mapped_column(String(64))
    capacity: Mapped[int | None] = mapped_column(Integer)
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("programmes.id", ondelete="SET NULL"), index=True
    )
    description: Mapped[str] = mapped_column(Text, default="")

    parent: Mapped[Programme | None] = relationship(remote_side=[id])
    items: Mapped[list[Item]] = relationship(
        back_populates="programme", cascade="all, delete-orphan", order_by="Item.start_utc"
    )


class Item(Versioned, Base):
    __tablename__ = "items"
    __table_args__ = (
        CheckConstraint("end_utc >= start_utc", name="times"),
        # A programme day is read per zone and UTC range (the timeline, 3,000 items a day).
        Index("ix_items_programme_zone_start", "programme_id", "timezone", "start_utc"),
        NEVER_REUSE_IDS,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(64), default=new_uid, unique=True)
    programme_id: Mapped[int] = mapped_column(
        ForeignKey("programmes.id", ondelete="CASCADE"), index=True
    )
    title_en: Mapped[str] = mapped_column(String(300))
    title_local: Mapped[str] = mapped_column(String(300), default="")
    kind: Mapped[str] = mapped_column(String(20), default="session")
    start_utc: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    end_utc: Mapped[datetime] = mapped_column(UTCDateTime)
    # IANA zone of where it happens (the venue's, or the programme's when there is no venue).
    timezone: Mapped[str] = mapped_column(String(64))
    venue_id: Mapped[int | None] = mapped_column(
        ForeignKey("venues.id", ondelete="RESTRICT"), index=True
    )
    room_id: Mapped[int | None] = mapped_column(
        ForeignKey("rooms.id", ondelete="SET NULL"), index=True
    )
    description: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="confirmed")
    track: Mapped[str] = mapped_column(String(100), default="")
    language: Mapped[str] = mapped_column(String(35), default="")
    # RFC 5545 RRULE text (without the 'RRULE:' prefix); EXDATEs and RDATEs (extra starts)
    # as local ISO times.
    recurrence: Mapped[str] = mapped_column(Text, default="")
    exdates: Mapped[str] = mapped_column(Text, default="")
    rdates: Mapped[str] = mapped_column(Text, default="", server_default="")
    sequence: Mapped[int] = mapped_column(Integer, default=0)
    # Where and when to meet before it (the lobby, the bus bay), at the item's own zone.
    meeting_point: Mapped[str] = mapped_column(Text, default="", server_default="")
    meeting_utc: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # A meal's menu (what the caterer serves, the dietary options).
    menu_note: Mapped[str] = mapped_column(Text, default="", server_default="")

    programme: Mapped[Programme] = relationship(back_populates="items")
    venue: Mapped[Venue | None] = relationship()
    room: Mapped[Room | None] = relationship()

"""Operations around the programme: hotel rooms, vehicles with their seats, and assignments.

A room is kept on a person's hotel stay (the stay already says which hotel and which nights);
two people share a room when one stay names the other. A vehicle serves a whole programme or
one item; its seats are allocated per leg (an item) or for every leg. An assignment puts a
guide, driver or interpreter on an item or on one day of a programme.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tourplanner.models.base import NEVER_REUSE_IDS, Base
from tourplanner.models.person import Person
from tourplanner.models.programme import Item, Programme
from tourplanner.models.travel import TravelSegment
from tourplanner.models.versioned import Versioned


class RoomBooking(Versioned, Base):
    """The room of one hotel stay: its type, who shares it, requests, the hotel's number."""

    __tablename__ = "room_bookings"
    __table_args__ = (
        CheckConstraint("room_type IN ('single', 'twin', 'double', 'suite')", name="room_type"),
        CheckConstraint("shares_with_id IS NULL OR shares_with_id <> stay_id", name="not_self"),
        NEVER_REUSE_IDS,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    stay_id: Mapped[int] = mapped_column(
        ForeignKey("travel_segments.id", ondelete="CASCADE"), unique=True, index=True
    )
    room_type: Mapped[str] = mapped_column(String(10), default="single")
    room_number: Mapped[str] = mapped_column(String(20), default="")
    # Another person's stay at the same hotel: the two share this room.
    shares_with_id: Mapped[int | None] = mapped_column(
        ForeignKey("travel_segments.id", ondelete="SET NULL"), index=True
    )
    smoking: Mapped[bool] = mapped_column(Boolean, default=False)
    accessible: Mapped[bool] = mapped_column(Boolean, default=False)
    requests: Mapped[str] = mapped_column(Text, default="")
    confirmation_number: Mapped[str] = mapped_column(String(50), default="")

    stay: Mapped[TravelSegment] = relationship(foreign_keys=[stay_id])
    shares_with: Mapped[TravelSegment | None] = relationship(foreign_keys=[shares_with_id])


class Vehicle(Versioned, Base):
    """A coach, minibus, car or van for a programme (every leg) or one item."""

    __tablename__ = "vehicles"
    __table_args__ = (
        CheckConstraint("seats >= 1", name="seats"),
        CheckConstraint("programme_id IS NOT NULL OR item_id IS NOT NULL", name="serves"),
        NEVER_REUSE_IDS,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(10), default="coach")
    seats: Mapped[int] = mapped_column(Integer)
    plate: Mapped[str] = mapped_column(String(30), default="")
    company: Mapped[str] = mapped_column(String(200), default="")
    programme_id: Mapped[int | None] = mapped_column(
        ForeignKey("programmes.id", ondelete="CASCADE"), index=True
    )
    item_id: Mapped[int | None] = mapped_column(
        ForeignKey("items.id", ondelete="CASCADE"), index=True
    )
    # The driver is a person of the plan, or only a name and a phone (the company's driver).
    driver_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), index=True
    )
    driver_name: Mapped[str] = mapped_column(String(200), default="")
    driver_phone: Mapped[str] = mapped_column(String(50), default="")
    # Fixed seats: each person keeps the seat allocated to them on every leg of a tour.
    fixed_seats: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")

    programme: Mapped[Programme | None] = relationship()
    item: Mapped[Item | None] = relationship()
    driver: Mapped[Person | None] = relationship()


class VehicleSeat(Versioned, Base):
    """A person's seat on a vehicle, for one leg (an item) or for every leg (no item)."""

    __tablename__ = "vehicle_seats"
    __table_args__ = NEVER_REUSE_IDS

    id: Mapped[int] = mapped_column(primary_key=True)
    vehicle_id: Mapped[int] = mapped_column(
        ForeignKey("vehicles.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    item_id: Mapped[int | None] = mapped_column(
        ForeignKey("items.id", ondelete="CASCADE"), index=True
    )
    seat: Mapped[str] = mapped_column(String(20), default="")

    vehicle: Mapped[Vehicle] = relationship()
    person: Mapped[Person] = relationship()


class Assignment(Versioned, Base):
    """A guide, driver or interpreter on an item or on one day of a programme."""

    __tablename__ = "assignments"
    __table_args__ = (
        CheckConstraint("role IN ('guide', 'driver', 'interpreter')", name="role"),
        CheckConstraint("mode IN ('', 'consecutive', 'simultaneous')", name="mode"),
        CheckConstraint(
            "item_id IS NOT NULL OR (programme_id IS NOT NULL AND day IS NOT NULL)", name="serves"
        ),
        NEVER_REUSE_IDS,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(20))
    item_id: Mapped[int | None] = mapped_column(
        ForeignKey("items.id", ondelete="CASCADE"), index=True
    )
    programme_id: Mapped[int | None] = mapped_column(
        ForeignKey("programmes.id", ondelete="CASCADE"), index=True
    )
    day: Mapped[date | None] = mapped_column(Date)
    vehicle_id: Mapped[int | None] = mapped_column(
        ForeignKey("vehicles.id", ondelete="SET NULL"), index=True
    )
    # An interpreter's language pair ('en' -> 'zh'), mode and booth.
    language_from: Mapped[str] = mapped_column(String(35), default="")
    language_to: Mapped[str] = mapped_column(String(35), default="")
    mode: Mapped[str] = mapped_column(String(20), default="")
    booth: Mapped[str] = mapped_column(String(50), default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    person: Mapped[Person] = relationship()
    item: Mapped[Item | None] = relationship()
    programme: Mapped[Programme | None] = relationship()
    vehicle: Mapped[Vehicle | None] = relationship()

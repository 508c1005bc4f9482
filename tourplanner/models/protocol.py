"""Protocol: each person's precedence and side, and the seating plans laid out for items."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tourplanner.models.base import NEVER_REUSE_IDS, Base
from tourplanner.models.versioned import Versioned

SIDES = ("host", "guest")


class Precedence(Versioned, Base):
    """A person's explicit rank (1 = most senior of their side), side and interpreting duty."""

    __tablename__ = "precedence"
    __table_args__ = (
        CheckConstraint("rank IS NULL OR rank >= 1", name="rank"),
        CheckConstraint("side IS NULL OR side IN ('host', 'guest')", name="side"),
    )

    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), primary_key=True
    )
    rank: Mapped[int | None] = mapped_column(Integer)
    side: Mapped[str | None] = mapped_column(String(10))
    # An interpreter sits next to the principal they interpret for.
    interprets_for_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL")
    )


class OrganizationProtocol(Versioned, Base):
    """An organisation's default side for its people, and its rank among organisations."""

    __tablename__ = "organization_protocol"
    __table_args__ = (
        CheckConstraint("rank IS NULL OR rank >= 1", name="rank"),
        CheckConstraint("side IS NULL OR side IN ('host', 'guest')", name="side"),
    )

    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), primary_key=True
    )
    rank: Mapped[int | None] = mapped_column(Integer)
    side: Mapped[str | None] = mapped_column(String(10))


class SeatingPlan(Versioned, Base):
    """One item's seating: its layout kind, convention and table shape."""

    __tablename__ = "seating_plans"
    __table_args__ = (
        CheckConstraint("tables >= 1 AND seats_per_table >= 1", name="shape"),
        NEVER_REUSE_IDS,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(
        ForeignKey("items.id", ondelete="CASCADE"), unique=True, index=True
    )
    layout: Mapped[str] = mapped_column(String(20))
    convention: Mapped[str] = mapped_column(String(20), default="international")
    tables: Mapped[int] = mapped_column(Integer, default=1)
    seats_per_table: Mapped[int] = mapped_column(Integer, default=10)
    # Space-separated dietary tags per table, one line per table ("2: vegetarian halal").
    table_tags: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    seats: Mapped[list[Seat]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="Seat.id"
    )


class Seat(Versioned, Base):
    """A seat laid out in a plan, where it is, who sits there and whether the user fixed it."""

    __tablename__ = "seats"
    __table_args__ = (
        UniqueConstraint("plan_id", "label"),
        NEVER_REUSE_IDS,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(
        ForeignKey("seating_plans.id", ondelete="CASCADE"), index=True
    )
    label: Mapped[str] = mapped_column(String(40))
    table_no: Mapped[int | None] = mapped_column(Integer)
    row_no: Mapped[int | None] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer)
    x: Mapped[float] = mapped_column(Float, default=0.0)
    y: Mapped[float] = mapped_column(Float, default=0.0)
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), index=True
    )
    locked: Mapped[bool] = mapped_column(Boolean, default=False)

    plan: Mapped[SeatingPlan] = relationship(back_populates="seats")

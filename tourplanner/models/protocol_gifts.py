"""The gift register: official gifts given and received, for the records gift rules require."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, Date, ForeignKey, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from tourplanner.models.base import NEVER_REUSE_IDS, Base
from tourplanner.models.versioned import Versioned


class Gift(Versioned, Base):
    __tablename__ = "gifts"
    __table_args__ = (
        CheckConstraint("direction IN ('given', 'received')", name="direction"),
        CheckConstraint("value IS NULL OR value >= 0", name="value"),
        NEVER_REUSE_IDS,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    direction: Mapped[str] = mapped_column(String(10))
    giver: Mapped[str] = mapped_column(String(300))
    recipient: Mapped[str] = mapped_column(String(300))
    name: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    value: Mapped[float | None] = mapped_column(Numeric(12, 2, asdecimal=False))
    currency: Mapped[str] = mapped_column(String(3), default="")
    given_on: Mapped[date | None] = mapped_column(Date)
    occasion: Mapped[str] = mapped_column(String(300), default="")
    item_id: Mapped[int | None] = mapped_column(ForeignKey("items.id", ondelete="SET NULL"))
    kept_at: Mapped[str] = mapped_column(String(300), default="")

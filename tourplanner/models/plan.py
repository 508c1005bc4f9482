"""The plan: one per file, holding its title, home zone and plan-wide settings."""

from __future__ import annotations

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from tourplanner.models.base import Base
from tourplanner.models.versioned import Versioned


class Plan(Versioned, Base):
    __tablename__ = "plans"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    home_timezone: Mapped[str] = mapped_column(String(64))
    organization: Mapped[str] = mapped_column(String(200), default="")
    emergency_contacts: Mapped[str] = mapped_column(Text, default="")
    # Default travel times for the scheduling checks, used where no per-pair time is set.
    travel_minutes_same_city: Mapped[int] = mapped_column(Integer, default=30)
    travel_minutes_other_city: Mapped[int] = mapped_column(Integer, default=180)

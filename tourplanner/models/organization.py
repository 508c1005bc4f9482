"""Organizations people belong to, and groups (delegations) that gather people."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Column, ForeignKey, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tourplanner.models.base import NEVER_REUSE_IDS, Base
from tourplanner.models.versioned import Versioned

if TYPE_CHECKING:  # person.py imports this module: Person is named for the type checker only
    from tourplanner.models.person import Person

group_members = Table(
    "group_members",
    Base.metadata,
    Column("group_id", ForeignKey("groups.id", ondelete="CASCADE"), primary_key=True),
    Column("person_id", ForeignKey("people.id", ondelete="CASCADE"), primary_key=True),
)


class Organization(Versioned, Base):
    __tablename__ = "organizations"
    __table_args__ = NEVER_REUSE_IDS

    id: Mapped[int] = mapped_column(primary_key=True)
    name_en: Mapped[str] = mapped_column(String(200))
    name_local: Mapped[str] = mapped_column(String(200), default="")
    country: Mapped[str] = mapped_column(String(100), default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class Group(Versioned, Base):
    __tablename__ = "groups"
    __table_args__ = NEVER_REUSE_IDS

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")

    members: Mapped[list[Person]] = relationship(
        secondary=group_members, back_populates="groups", order_by="Person.name_latin"
    )

"""Who takes part in what: a person in an item or a whole programme, in some role."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tourplanner.models.base import NEVER_REUSE_IDS, Base
from tourplanner.models.person import Person
from tourplanner.models.programme import Item, Programme


class Participation(Base):
    __tablename__ = "participations"
    __table_args__ = (
        CheckConstraint("(item_id IS NULL) <> (programme_id IS NULL)", name="item_xor_programme"),
        NEVER_REUSE_IDS,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    item_id: Mapped[int | None] = mapped_column(
        ForeignKey("items.id", ondelete="CASCADE"), index=True
    )
    programme_id: Mapped[int | None] = mapped_column(
        ForeignKey("programmes.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[str] = mapped_column(String(20), default="attending")
    status: Mapped[str] = mapped_column(String(20), default="confirmed")

    person: Mapped[Person] = relationship()
    item: Mapped[Item | None] = relationship()
    programme: Mapped[Programme | None] = relationship()

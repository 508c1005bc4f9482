"""People: delegates, speakers, officials, interpreters, guides, staff."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tourplanner.i18n.names import display_name
from tourplanner.models.base import NEVER_REUSE_IDS, Base
from tourplanner.models.organization import Group, Organization, group_members
from tourplanner.models.versioned import Versioned


class Person(Versioned, Base):
    __tablename__ = "people"
    __table_args__ = NEVER_REUSE_IDS

    id: Mapped[int] = mapped_column(primary_key=True)
    name_latin: Mapped[str] = mapped_column(String(200), index=True)
    name_local: Mapped[str] = mapped_column(String(200), default="")
    honorific: Mapped[str] = mapped_column(String(50), default="")
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organizations.id", ondelete="SET NULL"), index=True
    )
    role: Mapped[str] = mapped_column(String(20), default="delegate")
    email: Mapped[str] = mapped_column(String(200), default="", index=True)
    phone: Mapped[str] = mapped_column(String(50), default="")
    preferred_language: Mapped[str] = mapped_column(String(35), default="")
    dietary_needs: Mapped[str] = mapped_column(Text, default="")
    # The caterer's tags (enums.DietaryTag values, comma-separated) beside the free text;
    # `dietary_other` names what the 'other' tag means.
    dietary_tags: Mapped[str] = mapped_column(String(300), default="", server_default="")
    dietary_other: Mapped[str] = mapped_column(String(200), default="", server_default="")
    accessibility_needs: Mapped[str] = mapped_column(Text, default="")
    emergency_contact: Mapped[str] = mapped_column(Text, default="")
    # Sensitive: never printed or exported unless the user explicitly asks.
    passport_visa_notes: Mapped[str] = mapped_column(Text, default="")
    medical_notes: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    organization: Mapped[Organization | None] = relationship()
    groups: Mapped[list[Group]] = relationship(
        secondary=group_members, back_populates="members", order_by=Group.name
    )

    @property
    def display_name(self) -> str:
        """'Dr. Li Wei (李伟)': honorific, Latin name and local name where present."""
        return Person.name_of(self.honorific, self.name_latin, self.name_local)

    @staticmethod
    def name_of(honorific: str, name_latin: str, name_local: str) -> str:
        """The display name from the three columns (for queries that read only those), in the
        current language: 'Dr. Li Wei (李伟)', '李伟博士（Li Wei）' (tourplanner.i18n.names)."""
        return display_name((honorific, name_latin, name_local))


SENSITIVE_PERSON_FIELDS = ("passport_visa_notes", "medical_notes")

"""Who gets a badge or a table tent, as plain views (never passport or medical notes)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from tourplanner.errors import ValidationError
from tourplanner.i18n import _
from tourplanner.models import Person


@dataclass(frozen=True)
class BadgeView:
    """What a badge or a name card prints: the name in both scripts, organisation, role, email."""

    person_id: int
    honorific: str
    name_latin: str
    name_local: str
    organization_en: str
    organization_local: str
    role: str
    email: str

    @classmethod
    def of(cls, person: Person) -> BadgeView:
        org = person.organization
        return cls(
            person_id=person.id,
            honorific=person.honorific,
            name_latin=person.name_latin,
            name_local=person.name_local,
            organization_en=org.name_en if org is not None else "",
            organization_local=org.name_local if org is not None else "",
            role=person.role,
            email=person.email,
        )


def _people(session: Session):  # noqa: ANN202 - a select of Person
    return select(Person).options(selectinload(Person.organization))


def badge_views(session: Session, *, group: str | None = None) -> list[BadgeView]:
    """Everyone's badge by name, or a group's members'; a sentence if there is nobody."""
    from tourplanner.services.organizations import find_group

    if group is not None:
        found = find_group(session, group)
        people = sorted(found.members, key=lambda p: (p.name_latin.casefold(), p.id))
        if not people:
            raise ValidationError(
                "group", _("The group {name} has no members.").format(name=found.name)
            )
    else:
        people = list(session.scalars(_people(session).order_by(Person.name_latin, Person.id)))
        if not people:
            raise ValidationError("people", _("The plan has nobody to make a badge for."))
    return [BadgeView.of(p) for p in people]


def name_card_views(session: Session, *, item: str) -> list[BadgeView]:
    """Everyone attending the item (booked, or through its programme: `item_attendance`), by
    name; a sentence if there is nobody."""
    from tourplanner.services.attendance import item_attendance
    from tourplanner.services.protocol import find_item

    found = find_item(session, item)
    ids = [a.person_id for a in item_attendance(session, found.id).attendees]
    if not ids:
        raise ValidationError(
            "item", _("Nobody is booked on {title}.").format(title=found.title_en)
        )
    people = {p.id: p for p in session.scalars(_people(session).where(Person.id.in_(ids)))}
    return [BadgeView.of(people[i]) for i in ids]

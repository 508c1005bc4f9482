"""People: create, change, remove, find."""

from __future__ import annotations

from functools import partial

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from tourplanner.enums import PersonRole
from tourplanner.models import Organization, Person
from tourplanner.services import validation as v
from tourplanner.services.common import (
    create_record,
    delete_record,
    fetch,
    find_one,
    update_record,
)

FIELDS = (
    "name_latin",
    "name_local",
    "honorific",
    "organization_id",
    "role",
    "email",
    "phone",
    "preferred_language",
    "dietary_needs",
    "accessibility_needs",
    "emergency_contact",
    "passport_visa_notes",
    "medical_notes",
    "notes",
)


def _validate(session: Session, person: Person) -> None:
    person.name_latin = v.required_text(person.name_latin, "name (Latin script)")
    person.name_local = v.optional_text(person.name_local, "name (local script)", max_length=200)
    person.honorific = v.optional_text(person.honorific, "honorific", max_length=50)
    person.role = v.choice(person.role or PersonRole.DELEGATE, PersonRole, "role")
    person.email = v.email(person.email)
    person.phone = v.optional_text(person.phone, "phone", max_length=50)
    person.preferred_language = v.optional_text(
        person.preferred_language, "preferred language", max_length=35
    )
    for field in (
        "dietary_needs",
        "accessibility_needs",
        "emergency_contact",
        "passport_visa_notes",
        "medical_notes",
        "notes",
    ):
        setattr(person, field, v.optional_text(getattr(person, field), field.replace("_", " ")))
    if person.organization_id is not None:
        fetch(session, Organization, person.organization_id, "organization")


def create_person(session: Session, **fields: object) -> int:
    """Add a person; returns their id."""
    return create_record(session, Person(), fields, FIELDS, partial(_validate, session))


def update_person(session: Session, person_id: int, **changes: object) -> None:
    update_record(
        session, Person, person_id, changes, FIELDS, partial(_validate, session), "person"
    )


def delete_person(session: Session, person_id: int) -> None:
    """Remove a person with their participations, travel and group memberships."""
    delete_record(session, Person, person_id, "person")


def get_person(session: Session, person_id: int) -> Person:
    return fetch(session, Person, person_id, "person")


def list_people(session: Session) -> list[Person]:
    """Everyone by name, with organization and groups loaded (tables show them)."""
    query = select(Person).options(selectinload(Person.organization), selectinload(Person.groups))
    return list(session.scalars(query.order_by(Person.name_latin, Person.id)))


def find_person(session: Session, query: str | int) -> Person:
    """A person by id, Latin or local name, or email."""
    return find_one(
        session,
        Person,
        query,
        what="person",
        names=lambda p: (p.name_latin, p.name_local, p.email),
        label=lambda p: p.display_name,
    )

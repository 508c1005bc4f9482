"""People: create, change, remove, find."""

from __future__ import annotations

from collections.abc import Mapping
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
from tourplanner.services.dietary import parse_tags

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
    "dietary_tags",
    "dietary_other",
    "accessibility_needs",
    "emergency_contact",
    "passport_visa_notes",
    "medical_notes",
    "notes",
)


# (field, its name in messages, longest) for the optional text fields, in the form's order.
_TEXTS = (
    ("name_local", "name (local script)", 200),
    ("honorific", "honorific", 50),
    ("phone", "phone", 50),
    ("preferred_language", "preferred language", 35),
    ("dietary_other", "other dietary need", 200),
    *(
        (field, field.replace("_", " "), 10_000)
        for field in (
            "dietary_needs",
            "accessibility_needs",
            "emergency_contact",
            "passport_visa_notes",
            "medical_notes",
            "notes",
        )
    ),
)
_ROLES = frozenset(r.value for r in PersonRole)


def checked_values(values: Mapping[str, object]) -> dict[str, object]:
    """A person's values checked and filled in as they are stored; needs no database.

    Every field but `organization_id` (whose check is a query); bulk imports use it as is.
    """
    role = values.get("role") or PersonRole.DELEGATE
    if not isinstance(role, str):
        role = v.choice(role, PersonRole, "role")  # raises, in words
    checked: dict[str, object] = {
        "name_latin": v.required_text(values.get("name_latin"), "name (Latin script)"),
        "role": str(role) if role in _ROLES else v.choice(role, PersonRole, "role"),
        "email": v.email(values.get("email")),
        "dietary_tags": parse_tags(values.get("dietary_tags")),
    }
    for field, label, longest in _TEXTS:
        value = values.get(field)
        # Most fields of most people are empty: they need no check.
        empty = value is None or value == ""
        checked[field] = "" if empty else v.optional_text(value, label, max_length=longest)
    return checked


_LONGEST = {"name_latin": 200, "email": 200, **{field: most for field, _l, most in _TEXTS}}


def checked_columns(columns: Mapping[str, list[str]], count: int) -> dict[str, list[str]] | None:
    """`checked_values` over whole columns of text (a field left out is empty in every row),
    for an import of many people at once; None if any row needs `checked_values` itself.

    Only answers when every row passes as it is: short enough text, a name in every row, a
    known role, valid emails. Anything else is for `checked_values`, row by row, which words
    the problem; so the rules and their messages stay there.
    """
    if set(columns) - _LONGEST.keys() - {"role"}:
        return None
    out = {field: [""] * count for field in _LONGEST}
    for field, values in columns.items():
        if len(values) != count:
            return None
        if field != "role":
            # Longer unstripped text may still pass; `checked_values` then says so row by row.
            if max(map(len, values), default=0) > _LONGEST[field]:
                return None
            out[field] = list(map(str.strip, values))
    if not all(out["name_latin"]):
        return None
    out["role"] = [r or PersonRole.DELEGATE.value for r in columns.get("role", [""] * count)]
    if not set(out["role"]) <= _ROLES or not v.valid_emails([e for e in out["email"] if e]):
        return None
    out["dietary_tags"] = [""] * count  # parse_tags of nothing
    return out


def _validate(session: Session, person: Person) -> None:
    values = checked_values({field: getattr(person, field) for field in FIELDS})
    for field, value in values.items():
        setattr(person, field, value)
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

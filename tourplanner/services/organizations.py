"""Organizations and groups (delegations)."""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial

from sqlalchemy import select
from sqlalchemy.orm import Session

from tourplanner.errors import ValidationError
from tourplanner.i18n import _
from tourplanner.models import Group, Organization, Person
from tourplanner.services import validation as v
from tourplanner.services.common import (
    create_record,
    delete_record,
    fetch,
    find_one,
    update_record,
)

ORGANIZATION_FIELDS = ("name_en", "name_local", "country", "notes")
GROUP_FIELDS = ("name", "description")


def organization_values(values: Mapping[str, object]) -> dict[str, str]:
    """An organization's values checked as they are stored; needs no database."""
    return {
        "name_en": v.required_text(values.get("name_en"), "English name"),
        "name_local": v.optional_text(values.get("name_local"), "local name", max_length=200),
        "country": v.optional_text(values.get("country"), "country", max_length=100),
        "notes": v.optional_text(values.get("notes"), "notes"),
    }


def _validate_organization(org: Organization) -> None:
    values = organization_values({field: getattr(org, field) for field in ORGANIZATION_FIELDS})
    for field, value in values.items():
        setattr(org, field, value)


def create_organization(session: Session, **fields: object) -> int:
    """Add an organization; returns its id."""
    return create_record(
        session, Organization(), fields, ORGANIZATION_FIELDS, _validate_organization
    )


def update_organization(session: Session, organization_id: int, **changes: object) -> None:
    update_record(
        session,
        Organization,
        organization_id,
        changes,
        ORGANIZATION_FIELDS,
        _validate_organization,
        "organization",
    )


def delete_organization(session: Session, organization_id: int) -> None:
    """Remove an organization; its people stay, without an organization."""
    delete_record(session, Organization, organization_id, "organization")


def get_organization(session: Session, organization_id: int) -> Organization:
    return fetch(session, Organization, organization_id, "organization")


def list_organizations(session: Session) -> list[Organization]:
    return list(session.scalars(select(Organization).order_by(Organization.name_en)))


def find_organization(session: Session, query: str | int) -> Organization:
    return find_one(
        session,
        Organization,
        query,
        what="organization",
        names=lambda o: (o.name_en, o.name_local),
        label=lambda o: o.name_en,
    )


def _validate_group(session: Session, group: Group) -> None:
    group.name = v.required_text(group.name, "name")
    group.description = v.optional_text(group.description, "description")
    clash = session.scalar(select(Group.id).where(Group.name == group.name, Group.id != group.id))
    if clash is not None:
        raise ValidationError(
            "name", _("a group called {name!r} already exists").format(name=group.name)
        )


def create_group(session: Session, **fields: object) -> int:
    """Add a group (a delegation); returns its id."""
    return create_record(session, Group(), fields, GROUP_FIELDS, partial(_validate_group, session))


def update_group(session: Session, group_id: int, **changes: object) -> None:
    update_record(
        session, Group, group_id, changes, GROUP_FIELDS, partial(_validate_group, session), "group"
    )


def delete_group(session: Session, group_id: int) -> None:
    """Remove a group; its members stay in the plan."""
    delete_record(session, Group, group_id, "group")


def get_group(session: Session, group_id: int) -> Group:
    return fetch(session, Group, group_id, "group")


def list_groups(session: Session) -> list[Group]:
    return list(session.scalars(select(Group).order_by(Group.name)))


def find_group(session: Session, query: str | int) -> Group:
    return find_one(
        session, Group, query, what="group", names=lambda g: (g.name,), label=lambda g: g.name
    )


def add_group_members(session: Session, group_id: int, person_ids: list[int]) -> int:
    """Put people into a group; returns how many were newly added."""
    return len(join_group(session, group_id, person_ids))


def join_group(session: Session, group_id: int, person_ids: list[int]) -> list[int]:
    """Put people into a group; returns the ids of those who were not in it (for undo)."""
    group = fetch(session, Group, group_id, "group")
    present = {p.id for p in group.members}
    added = []
    for person_id in dict.fromkeys(person_ids):
        if person_id not in present:
            group.members.append(fetch(session, Person, person_id, "person"))
            added.append(person_id)
    session.flush()
    return added


def remove_group_members(session: Session, group_id: int, person_ids: list[int]) -> int:
    """Take people out of a group; returns how many were removed."""
    group = fetch(session, Group, group_id, "group")
    drop = set(person_ids)
    before = len(group.members)
    group.members = [p for p in group.members if p.id not in drop]
    session.flush()
    return before - len(group.members)

"""The plan record: title, home zone, organization and plan-wide settings."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from tourplanner.errors import NotFoundError, ValidationError
from tourplanner.i18n import _
from tourplanner.models import Plan
from tourplanner.services import validation as v
from tourplanner.services.common import apply_changes

FIELDS = (
    "title",
    "home_timezone",
    "organization",
    "emergency_contacts",
    "travel_minutes_same_city",
    "travel_minutes_other_city",
)


def _validate(plan: Plan) -> None:
    plan.title = v.required_text(plan.title, "title", max_length=200)
    plan.home_timezone = v.timezone_name(plan.home_timezone, "home time zone")
    plan.organization = v.optional_text(plan.organization, "organization", max_length=200)
    plan.emergency_contacts = v.optional_text(plan.emergency_contacts, "emergency contacts")
    plan.travel_minutes_same_city = v.minutes(
        30 if plan.travel_minutes_same_city is None else plan.travel_minutes_same_city,
        "travel minutes within a city",
    )
    plan.travel_minutes_other_city = v.minutes(
        180 if plan.travel_minutes_other_city is None else plan.travel_minutes_other_city,
        "travel minutes between cities",
    )


def create_plan(session: Session, **fields: object) -> int:
    """Write the plan record of a new file; a file holds exactly one."""
    if session.scalar(select(Plan.id)) is not None:
        raise ValidationError("plan", _("this file already has a plan"))
    plan = Plan()
    apply_changes(plan, fields, FIELDS, "plan")
    _validate(plan)
    session.add(plan)
    session.flush()
    return plan.id


def get_plan(session: Session) -> Plan:
    """The file's plan record."""
    plan = session.scalar(select(Plan).limit(1))
    if plan is None:
        raise NotFoundError(_("this file has no plan record"))
    return plan


def update_plan(session: Session, **changes: object) -> None:
    """Change the plan's title, zone, organization or settings."""
    plan = get_plan(session)
    apply_changes(plan, changes, FIELDS, "plan")
    _validate(plan)
    session.flush()


def home_timezone(session: Session) -> str:
    """The plan's home time zone (a new plan made from this one starts with it)."""
    return get_plan(session).home_timezone

"""Guides, drivers and interpreters assigned to an item or to one day of a programme."""

from __future__ import annotations

from functools import partial

from sqlalchemy.orm import Session

from tourplanner.enums import AssignmentRole, InterpretingMode
from tourplanner.errors import ValidationError
from tourplanner.i18n import _
from tourplanner.models import Assignment, Item, Person, Programme, Vehicle
from tourplanner.services import validation as v
from tourplanner.services.common import create_record, delete_record, fetch, update_record

FIELDS = (
    "person_id",
    "role",
    "item_id",
    "programme_id",
    "day",
    "vehicle_id",
    "language_from",
    "language_to",
    "mode",
    "booth",
    "notes",
)


def _validate(session: Session, a: Assignment) -> None:
    if a.person_id is None:
        raise ValidationError("person", _("choose who is assigned"))
    fetch(session, Person, a.person_id, "person")
    a.role = v.choice(a.role, AssignmentRole, "role")
    a.mode = v.choice(a.mode or "", InterpretingMode, "mode")
    a.language_from = v.optional_text(a.language_from, "from language", max_length=35)
    a.language_to = v.optional_text(a.language_to, "to language", max_length=35)
    a.booth = v.optional_text(a.booth, "booth", max_length=50)
    a.notes = v.optional_text(a.notes, "notes")
    if a.role != AssignmentRole.INTERPRETER and (a.mode or a.language_from or a.language_to):
        raise ValidationError("mode", _("only an interpreter has languages and a mode"))
    if a.role == AssignmentRole.INTERPRETER and bool(a.language_from) != bool(a.language_to):
        raise ValidationError("to language", _("give both languages of the pair, or neither"))
    if a.item_id is not None:
        fetch(session, Item, a.item_id, "item")
    elif a.programme_id is None or a.day is None:
        raise ValidationError("item", _("choose an item, or a programme and a day"))
    if a.programme_id is not None:
        prog = fetch(session, Programme, a.programme_id, "programme")
        if a.day is not None and not prog.start_date <= a.day <= prog.end_date:
            raise ValidationError(
                "day",
                _("{day} is not a day of {title_en!r} ({start_date}–{end_date})").format(
                    day=a.day,
                    title_en=prog.title_en,
                    start_date=prog.start_date,
                    end_date=prog.end_date,
                ),
            )
    if a.vehicle_id is not None:
        fetch(session, Vehicle, a.vehicle_id, "vehicle")


def create_assignment(session: Session, **fields: object) -> int:
    return create_record(session, Assignment(), fields, FIELDS, partial(_validate, session))


def update_assignment(session: Session, assignment_id: int, **changes: object) -> None:
    update_record(
        session,
        Assignment,
        assignment_id,
        changes,
        FIELDS,
        partial(_validate, session),
        "assignment",
    )


def delete_assignment(session: Session, assignment_id: int) -> None:
    delete_record(session, Assignment, assignment_id, "assignment")


def get_assignment(session: Session, assignment_id: int) -> Assignment:
    return fetch(session, Assignment, assignment_id, "assignment")

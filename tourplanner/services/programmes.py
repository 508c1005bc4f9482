"""Programmes: a conference, its study tours, training programmes and visits."""

from __future__ import annotations

from datetime import date
from functools import partial

from sqlalchemy import select
from sqlalchemy.orm import Session

from tourplanner.enums import ProgrammeKind
from tourplanner.errors import ValidationError
from tourplanner.i18n import _
from tourplanner.models import Programme
from tourplanner.plan_year import main_year
from tourplanner.printable import check_printable
from tourplanner.services import validation as v
from tourplanner.services.common import (
    create_record,
    delete_record,
    fetch,
    find_one,
    update_record,
)

FIELDS = (
    "title_en",
    "title_local",
    "kind",
    "start_date",
    "end_date",
    "timezone",
    "capacity",
    "parent_id",
    "description",
)


def _validate(session: Session, prog: Programme) -> None:
    prog.title_en = v.required_text(prog.title_en, "English title", max_length=300)
    prog.title_local = v.optional_text(prog.title_local, "local title", max_length=300)
    prog.kind = v.choice(prog.kind, ProgrammeKind, "kind")
    for field in ("start_date", "end_date"):
        value = getattr(prog, field)
        if not isinstance(value, date):
            raise ValidationError(field.replace("_", " "), _("is required (a date)"))
        check_printable(value, field.replace("_", " "))
    if prog.end_date < prog.start_date:
        raise ValidationError("end date", _("cannot be before the start date"))
    prog.timezone = v.timezone_name(prog.timezone)
    prog.capacity = v.capacity(prog.capacity, "seats")
    prog.description = v.optional_text(prog.description, "description")
    if prog.parent_id is not None:
        if prog.id is not None and prog.parent_id == prog.id:
            raise ValidationError("part of", _("a programme cannot be part of itself"))
        parent: Programme | None = fetch(session, Programme, prog.parent_id, "programme")
        while parent is not None:
            if prog.id is not None and parent.id == prog.id:
                raise ValidationError("part of", _("that would make the programmes a loop"))
            parent = parent.parent


def create_programme(session: Session, **fields: object) -> int:
    """Add a programme; returns its id."""
    return create_record(session, Programme(), fields, FIELDS, partial(_validate, session))


def update_programme(session: Session, programme_id: int, **changes: object) -> None:
    update_record(
        session, Programme, programme_id, changes, FIELDS, partial(_validate, session), "programme"
    )


def delete_programme(session: Session, programme_id: int) -> None:
    """Remove a programme with its items and participations."""
    delete_record(session, Programme, programme_id, "programme")


def get_programme(session: Session, programme_id: int) -> Programme:
    return fetch(session, Programme, programme_id, "programme")


def list_programmes(session: Session) -> list[Programme]:
    return list(session.scalars(select(Programme).order_by(Programme.start_date, Programme.id)))


def find_programme(session: Session, query: str | int) -> Programme:
    return find_one(
        session,
        Programme,
        query,
        what="programme",
        names=lambda p: (p.title_en, p.title_local),
        label=lambda p: p.title_en,
    )


def main_year_of(session: Session) -> int | None:
    """The plan's main year: the one most of its programme days fall in (None: no programme)."""
    spans = session.execute(select(Programme.start_date, Programme.end_date)).all()
    return main_year((first, last) for first, last in spans)

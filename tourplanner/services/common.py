"""Lookups shared by the services: fetch by id, find by name or id."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from tourplanner.errors import AmbiguousNameError, NotFoundError, ValidationError
from tourplanner.i18n import _


class _Record(Protocol):
    """A mapped record: anything with an integer id."""

    @property
    def id(self) -> int: ...


T = TypeVar("T")
R = TypeVar("R", bound=_Record)
M = TypeVar("M", bound=_Record)


def fetch(session: Session, model: type[T], entity_id: int, what: str) -> T:
    """The row with that id, or a NotFoundError saying which kind of thing is missing."""
    obj = session.get(model, entity_id)
    if obj is None:
        raise NotFoundError(
            _("{what} #{entity_id} does not exist").format(what=what, entity_id=entity_id)
        )
    return obj


def find_one(
    session: Session,
    model: type[R],
    query: str | int,
    *,
    what: str,
    names: Callable[[R], Iterable[str]],
    label: Callable[[R], str],
) -> R:
    """Resolve a user's reference: an id ('12', '#12') or a name (exact, then unique substring)."""
    text = str(query).strip()
    if not text:
        raise ValidationError(what, _("no name or id given"))
    if text.lstrip("#").isdigit():
        obj = session.get(model, int(text.lstrip("#")))
        if obj is not None:
            return obj
    rows = list(session.scalars(select(model)))
    folded = text.casefold()
    exact = [r for r in rows if any(n and n.casefold() == folded for n in names(r))]
    matches = exact or [r for r in rows if any(n and folded in n.casefold() for n in names(r))]
    if not matches:
        raise NotFoundError(_("no {what} matches {text!r}").format(what=what, text=text))
    if len(matches) > 1:
        raise AmbiguousNameError(what, text, [(m.id, label(m)) for m in matches])
    return matches[0]


def apply_changes(
    obj: object, changes: dict[str, object], allowed: Iterable[str], what: str
) -> None:
    """Set the given attributes, refusing any field the caller may not change."""
    allowed = set(allowed)
    unknown = sorted(set(changes) - allowed)
    if unknown:
        raise ValidationError(
            unknown[0], _("is not a field of a {what} that can be changed").format(what=what)
        )
    for key, value in changes.items():
        setattr(obj, key, value)


def create_record(
    session: Session,
    obj: M,
    fields: dict[str, object],
    allowed: Iterable[str],
    validate: Callable[[M], None],
) -> int:
    """Fill a new record from `fields`, validate it, insert it; returns its id."""
    apply_changes(obj, fields, allowed, type(obj).__name__.lower())
    with session.no_autoflush:  # validators query; the half-filled record must not be flushed
        validate(obj)
    session.add(obj)
    session.flush()
    return obj.id


def update_record(
    session: Session,
    model: type[M],
    record_id: int,
    changes: dict[str, object],
    allowed: Iterable[str],
    validate: Callable[[M], None],
    what: str,
) -> M:
    """Change the given fields of a record and validate it as a whole."""
    obj = fetch(session, model, record_id, what)
    apply_changes(obj, changes, allowed, what)
    with session.no_autoflush:
        validate(obj)
    session.flush()
    return obj


def delete_record(session: Session, model: type, record_id: int, what: str) -> None:
    """Delete a record; the database cascades to what depends on it."""
    session.delete(fetch(session, model, record_id, what))
    session.flush()

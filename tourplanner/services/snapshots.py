"""Snapshots of a record and everything its deletion takes with it, so a deletion can be undone.

Deleting a person also deletes their participations, travel and group memberships (ON DELETE
CASCADE), and deleting an organization empties `people.organization_id` (SET NULL). A snapshot
taken before the deletion holds all those rows as plain values; restoring it puts back the same
rows with the same ids, so undo/redo commands that refer to ids keep working.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Table, and_, select, update
from sqlalchemy.orm import Session

from tourplanner.errors import NotFoundError
from tourplanner.i18n import _
from tourplanner.models import Base


@dataclass(frozen=True)
class Snapshot:
    """Rows to re-insert (per table) and nulled links to re-set, all plain values."""

    table: str
    key: dict[str, Any]
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    links: list[tuple[str, dict[str, Any], str, Any]] = field(default_factory=list)


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def _where(table: Table, values: dict[str, Any]) -> ColumnElement[bool]:
    return and_(*(table.c[k] == v for k, v in values.items()))


def _pk(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    return {c.name: row[c.name] for c in table.primary_key.columns}


def _collect(session: Session, table: Table, rows: list[dict[str, Any]], snap: Snapshot) -> None:
    """Add `rows` of `table` and, recursively, whatever cascades from them."""
    kept = snap.rows.setdefault(table.name, [])
    fresh = [r for r in rows if r not in kept]
    kept.extend(fresh)
    for child in Base.metadata.sorted_tables:
        for fk in child.foreign_keys:
            if fk.column.table is not table:
                continue
            for row in fresh:
                value = row[fk.column.name]
                if fk.ondelete == "CASCADE":
                    found = session.execute(select(child).where(fk.parent == value)).mappings()
                    _collect(session, child, [dict(r) for r in found], snap)
                elif fk.ondelete == "SET NULL":
                    keys = session.execute(
                        select(*child.primary_key.columns).where(fk.parent == value)
                    ).mappings()
                    snap.links.extend((child.name, dict(k), fk.parent.name, value) for k in keys)


def capture(session: Session, table_name: str, record_id: int) -> Snapshot:
    """Everything needed to restore record `record_id` of `table_name` after deleting it."""
    table = _table(table_name)
    key = {table.primary_key.columns[0].name: record_id}
    row = session.execute(select(table).where(_where(table, key))).mappings().first()
    if row is None:
        raise NotFoundError(
            _("record #{record_id} of {table_name} does not exist").format(
                record_id=record_id, table_name=table_name
            )
        )
    snap = Snapshot(table_name, key)
    session.flush()
    _collect(session, table, [dict(row)], snap)
    return snap


def restore(session: Session, snap: Snapshot) -> None:
    """Put the snapshot's rows back with their ids and re-link what was nulled."""
    session.flush()
    for table in Base.metadata.sorted_tables:  # parents before children
        rows = snap.rows.get(table.name, [])
        present = [
            r
            for r in rows
            if session.execute(select(table).where(_where(table, _pk(table, r)))).first()
        ]
        missing = [r for r in rows if r not in present]
        if missing:
            session.execute(table.insert(), missing)
    for table_name, key, column, value in snap.links:
        table = _table(table_name)
        session.execute(update(table).where(_where(table, key)).values({column: value}))
    session.expire_all()


def exists(session: Session, table_name: str, record_id: int) -> bool:
    """Whether a record of that id is in the table now."""
    table = _table(table_name)
    key = {table.primary_key.columns[0].name: record_id}
    return session.execute(select(table).where(_where(table, key))).first() is not None

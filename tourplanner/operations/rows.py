"""A bulk change (an import) as one undoable step: the rows it added, changed and removed.

The tables it may touch are read before and after it runs; the difference is kept (only the
rows that differ) and undo writes it backwards, redo forwards, without running the importer
again. Each first checks that those rows are still as the step left them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, bindparam, delete, select, tuple_, update

from tourplanner.interchange.importing import insert_links
from tourplanner.models import Base
from tourplanner.operations.changes import Changes
from tourplanner.operations.operation import Session, ensure_unchanged

Key = tuple[Any, ...]
Rows = dict[Key, dict[str, Any]]


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def _key(table: Table, row: dict[str, Any]) -> Key:
    return tuple(row[c.name] for c in table.primary_key.columns)


def read_rows(session: Session, table_name: str) -> Rows:
    """Every row of a table, by primary key."""
    table = _table(table_name)
    session.flush()
    rows = [dict(r) for r in session.execute(select(table)).mappings()]
    return {_key(table, row): row for row in rows}


@dataclass(frozen=True)
class TableDiff:
    """For one table: the rows as they were before and after, only those that differ."""

    table: str
    before: Rows
    after: Rows

    @classmethod
    def between(cls, table: str, before: Rows, after: Rows) -> TableDiff:
        keys = {k for k in before.keys() | after.keys() if before.get(k) != after.get(k)}
        return cls(
            table,
            {k: before[k] for k in keys if k in before},
            {k: after[k] for k in keys if k in after},
        )

    @property
    def keys(self) -> set[Key]:
        return set(self.before) | set(self.after)

    def current(self, session: Session) -> Rows:
        """Those rows as they are now."""
        table = _table(self.table)
        columns = list(table.primary_key.columns)
        found: Rows = {}
        keys = sorted(self.keys)
        for start in range(0, len(keys), 400):  # stay under SQLite's bound-parameter limit
            chunk = keys[start : start + 400]
            where = (
                tuple_(*columns).in_(chunk)
                if len(columns) > 1
                else columns[0].in_([k[0] for k in chunk])
            )
            for row in session.execute(select(table).where(where)).mappings():
                found[_key(table, dict(row))] = dict(row)
        return found


# One statement per table, run for every row (an executemany): undoing an import of thousands
# of rows took a statement per row. The key is bound under its own names ("key_id"): a
# parameter named as a column is what an UPDATE sets.
def _by_key(table: Table) -> list[Any]:
    return [c == bindparam(f"key_{c.name}") for c in table.primary_key.columns]


def _key_params(table: Table, key: Key) -> dict[str, Any]:
    return {f"key_{c.name}": v for c, v in zip(table.primary_key.columns, key, strict=True)}


def _delete(session: Session, table: Table, keys: Iterable[Key]) -> None:
    params = [_key_params(table, key) for key in keys]
    if params:
        session.execute(delete(table).where(*_by_key(table)), params)


def _update_and_insert(session: Session, table: Table, wanted: Rows, present: Rows) -> None:
    """Give the rows both hold `wanted`'s values; add those only `wanted` holds."""
    keys = {c.name for c in table.primary_key.columns}
    changed = [
        {**{k: v for k, v in wanted[key].items() if k not in keys}, **_key_params(table, key)}
        for key in present.keys() & wanted.keys()
    ]
    if changed:
        session.execute(update(table).where(*_by_key(table)), changed)
    insert_links(session, table, [wanted[k] for k in wanted.keys() - present.keys()])


@dataclass
class BulkChange:
    """Run `change(session)` once; afterwards undo/redo replay the rows it changed."""

    text: str
    tables: tuple[str, ...]  # every table the change may write
    change: Callable[[Session], object]
    changes: Changes = field(default_factory=lambda: Changes(everything=True))
    result: object = None  # what `change` returned (an import's report)
    diffs: list[TableDiff] = field(default_factory=list)
    _done: bool = False

    def do(self, session: Session) -> Changes:
        if self._done:
            self._replay(session, forward=True)
            return self.changes
        before = {name: read_rows(session, name) for name in self.tables}
        self.result = self.change(session)
        self.diffs = [
            TableDiff.between(name, before[name], read_rows(session, name)) for name in self.tables
        ]
        self._done = True
        return self.changes

    def undo(self, session: Session) -> Changes:
        self._replay(session, forward=False)
        return self.changes

    def _replay(self, session: Session, *, forward: bool) -> None:
        ordered = _parents_first(self.diffs)
        what = f"A record that '{self.text}' touches"
        for diff in ordered:  # check everything before writing anything
            ensure_unchanged(what, diff.current(session), diff.before if forward else diff.after)
        # Checked, the rows now are what the step left: no need to read them again.
        sides = [(d, *((d.before, d.after) if forward else (d.after, d.before))) for d in ordered]
        for diff, present, wanted in reversed(sides):  # children before their parents go
            _delete(session, _table(diff.table), present.keys() - wanted.keys())
        for diff, present, wanted in sides:  # parents before their children come
            _update_and_insert(session, _table(diff.table), wanted, present)
        session.expire_all()

    @property
    def counts(self) -> dict[str, int]:
        """How many rows of each table the step added, changed or removed."""
        return {d.table: len(d.keys) for d in self.diffs if d.keys}


def _parents_first(diffs: Iterable[TableDiff]) -> list[TableDiff]:
    order = {t.name: n for n, t in enumerate(Base.metadata.sorted_tables)}
    return sorted(diffs, key=lambda d: order[d.table])

"""What every import does around its writing: a savepoint, the dry run, the refusal, and
the bulk inserts its rows go through."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, cast

from sqlalchemy import Column, Connection, DateTime, Table, insert
from sqlalchemy.orm import Session

from tourplanner.collector import count_as_old, cycle_collection_paused
from tourplanner.interchange.report import ImportRefused, ImportReport
from tourplanner.models import Base, UTCDateTime
from tourplanner.models.versioned import Versioned, row_stamp


@contextmanager
def import_savepoint(
    session: Session, report: ImportReport, *, dry_run: bool, skip_invalid: bool = False
) -> Iterator[None]:
    """Write an import inside a savepoint of the caller's transaction; keep it only if it may.

    The block writes and records problems in `report`. Afterwards the savepoint is kept for a
    real run without errors (or with `skip_invalid`, whose bad rows were left out); a dry run
    is always rolled back, and so is an import with errors, which then raises ImportRefused
    (with the report) on a real run. The caller's transaction must roll back on that refusal
    (the `plan.transaction()` block does); rolling back here too means nothing stays written
    even if a caller swallows it. An exception from the block rolls back and goes on.
    """
    savepoint = session.begin_nested()
    try:
        with cycle_collection_paused():
            yield
            # The rows, checks and reports the import built live to its end: handed to the
            # oldest generation unwalked, so the collector resuming does not walk them all
            # again (and with them the whole heap) only to keep them.
            count_as_old()
    except BaseException:
        savepoint.rollback()
        raise
    refused = bool(report.errors) and not skip_invalid
    if dry_run or refused:
        savepoint.rollback()
    else:
        savepoint.commit()
    if refused and not dry_run:
        raise ImportRefused(report)


def insert_rows(session: Session, model: type[Base], rows: list[dict[str, Any]]) -> list[int]:
    """Insert rows in bulk; returns their new ids in the rows' order.

    The bulk writer the importers hand their rows to: no ORM object, no flush per row. Each row
    is written as an ORM object would be: the columns it leaves unset get the model's defaults,
    and a versioned row starts at version 1 stamped with the session's author, the time and
    what is being done (what `db/authorship.stamp` writes before a flush). On a plan file the
    rows go in one driver-level executemany (SQLAlchemy's own multi-row INSERT builds its
    parameters row by row, most of an import's writing time); elsewhere (a team plan on
    PostgreSQL) in SQLAlchemy's bulk `INSERT ... RETURNING`.
    """
    if not rows:
        return []
    table = cast(Table, model.__table__)
    columns = [c for c in table.columns if c.name != "id"]
    return _insert(session, model, _by_column(rows, columns, _stamped(session, model)), len(rows))


def insert_columns(
    session: Session, model: type[Base], values: dict[str, list[Any]], count: int
) -> list[int]:
    """`insert_rows` for rows given column by column (each list `count` long, stored values):
    a column left out takes the model's default, a versioned row its stamp, as there."""
    if not count:
        return []
    table = cast(Table, model.__table__)
    stamped = _stamped(session, model)
    by_column: Columns = {}
    for column in table.columns:
        if column.name == "id":
            continue
        if column.name in stamped:
            by_column[column] = _Repeated([stamped[column.name]] * count)
        elif column.name in values:
            by_column[column] = values[column.name]
        elif column.default is None or not column.default.is_callable:
            # Left out: the model's one default in every row, bound once.
            default = None if column.default is None else column.default.arg  # type: ignore[attr-defined]
            by_column[column] = _Repeated([default] * count)
        else:
            by_column[column] = _by_column([{}] * count, [column], {})[column]
    return _insert(session, model, by_column, count)


def _stamped(session: Session, model: type[Base]) -> dict[str, Any]:
    return {"version": 1, **stamp_values(session)} if issubclass(model, Versioned) else {}


def _insert(session: Session, model: type[Base], by_column: Columns, count: int) -> list[int]:
    table = cast(Table, model.__table__)
    # AUTOINCREMENT: each row gets a bigger id than any row before it (see `_new_ids`).
    assert table.dialect_options["sqlite"]["autoincrement"], table.name
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        ids = _new_ids(connection, table, by_column)
    else:
        # Multi-row INSERTs; their ids sorted are in the rows' order (asking SQLAlchemy to sort
        # them instead makes it insert one row per statement).
        names = [c.name for c in by_column]
        values = [
            dict(zip(names, row, strict=True)) for row in zip(*by_column.values(), strict=True)
        ]
        ids = sorted(session.scalars(insert(table).returning(table.c.id), values))
    if len(ids) != count:
        raise RuntimeError(f"{count} rows inserted into {table.name}, {len(ids)} ids back")
    return ids


def stamp_values(session: Session) -> dict[str, Any]:
    """Who wrote a row, when and doing what, as an ORM flush in this session stamps it.

    A plan's transaction (`OpenPlan.transaction`, which names its author in `session.info`)
    stamps every versioned row it flushes (`db/authorship.stamp`); a bare session stamps
    nothing. Bulk writes, which no flush sees, add these values to their rows themselves.
    """
    return row_stamp(session) if "author" in session.info else {}


Columns = dict[Column[Any], list[Any]]


class _Repeated(list[Any]):
    """One value in every row (a stamp): bound to its stored form once."""


def _by_column(rows: list[dict[str, Any]], columns: list[Column[Any]], stamped: dict) -> Columns:
    """Every column's values over the rows: a row's own, else the model's default, as an ORM
    insert gives them.

    A row checked as a model's values carries unset (None) what the checker never fills
    (columns added since, such as an item's meeting point): a column that cannot be NULL then
    takes its default too. Built column by column: one comprehension each, not one Python
    step per cell.
    """
    out: Columns = {}
    for column in columns:
        name, default = column.name, column.default
        if name in stamped:
            out[column] = _Repeated([stamped[name]] * len(rows))
        elif default is None:
            out[column] = [row.get(name) for row in rows]
        elif default.is_callable:  # e.g. a new item's uid
            make = default.arg  # type: ignore[attr-defined]
            out[column] = [row.get(name) if _has(row, column) else make(None) for row in rows]
        elif column.nullable:
            arg = default.arg  # type: ignore[attr-defined]
            out[column] = [row.get(name, arg) for row in rows]
        else:
            arg = default.arg  # type: ignore[attr-defined]
            out[column] = [arg if (v := row.get(name)) is None else v for row in rows]
    return out


def _has(row: dict[str, Any], column: Column[Any]) -> bool:
    """Whether the row gives the column its value (a None only counts where NULL may be)."""
    value = row.get(column.name)
    return value is not None or bool(column.nullable and column.name in row)


def _new_ids(connection: Connection, table: Table, values: Columns) -> list[int]:
    """Insert the rows in one executemany; their new ids, read back as those above the
    largest before (the transaction holds the write lock, and AUTOINCREMENT numbers new rows
    past every id the table has had)."""
    name = connection.dialect.identifier_preparer.format_table(table)
    before = connection.exec_driver_sql(f"SELECT max(id) FROM {name}").scalar() or 0
    _executemany(connection, table, values)
    # One statement numbers its rows one after another: their first and last id say them all
    # (reading 5,000 ids back through SQLAlchemy's result rows took a tenth of an import).
    first, last, count = connection.exec_driver_sql(
        f"SELECT min(id), max(id), count(*) FROM {name} WHERE id > ?", (before,)
    ).one()
    if count and last - first + 1 == count:
        return list(range(first, last + 1))
    found = connection.exec_driver_sql(f"SELECT id FROM {name} WHERE id > ? ORDER BY id", (before,))
    return list(found.scalars())


def _executemany(connection: Connection, table: Table, values: Columns) -> None:
    """One sqlite3 executemany of the rows, each value bound by its column's own type."""
    dialect = connection.dialect
    preparer = dialect.identifier_preparer
    bound = []
    slots = []
    for column, cells in values.items():
        process = column.type.dialect_impl(dialect).bind_processor(dialect)
        shared = _shared_literal(cells, process)
        if shared is not None:
            slots.append(shared)
            continue
        slots.append("?")
        if process is None or not cells:
            bound.append(cells)
        elif isinstance(cells, _Repeated):
            bound.append([None if cells[0] is None else process(cells[0])] * len(cells))
        elif isinstance(column.type, DateTime | UTCDateTime):
            bound.append(_each_once(process, cells))
        else:
            bound.append([None if v is None else process(v) for v in cells])
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        preparer.format_table(table),
        ", ".join(preparer.format_column(c) for c in values),
        ", ".join(slots),
    )
    rows = list(zip(*bound, strict=True)) if bound else [()] * len(next(iter(values.values())))
    connection.exec_driver_sql(sql, rows)


def _shared_literal(cells: list[Any], process: Callable[[Any], Any] | None) -> str | None:
    """The SQL text of the one value every row has in this column, when it is NULL, an
    integer or the empty text (what most columns of an import hold: a field the file leaves
    out, a first version): written into the statement, it is not bound once per row (a tenth
    of a people import's insert). None for any other column, which is bound, and for a
    column whose type stores the value as something else (JSON's '""')."""
    if not cells:
        return None
    first = cells[0]
    if not (first is None or first == "" or type(first) is int):
        return None
    if first is not None and process is not None:
        stored = process(first)
        if type(stored) is not type(first) or stored != first:
            return None
    if cells.count(first) != len(cells):  # in C; a column of one object is found at once
        return None
    if first is None:
        return "NULL"
    return "''" if first == "" else str(first)


def _each_once(process: Callable[[Any], Any], cells: list[Any]) -> list[Any]:
    """The cells bound, each distinct value once (and looked up in C loops): the times of a
    schedule's parallel sessions repeat room after room, and binding a datetime is Python."""
    distinct = dict.fromkeys(cells)
    distinct.pop(None, None)
    done: dict[Any, Any] = dict(zip(distinct, map(process, distinct), strict=True))
    done[None] = None
    return list(map(done.__getitem__, cells))


def insert_links(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert whole rows (a link table's, or rows put back by an undo, ids and all) in one
    executemany; nothing is returned."""
    if not rows:
        return
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        _executemany(connection, table, _by_column(rows, list(table.columns), {}))
    else:
        session.execute(insert(table), rows)


def insert_link_columns(session: Session, table: Table, values: dict[str, list[Any]]) -> None:
    """`insert_links` of rows given column by column (every column of the table)."""
    if not next(iter(values.values()), None):
        return
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        _executemany(connection, table, {table.c[name]: cells for name, cells in values.items()})
    else:
        rows = [dict(zip(values, row, strict=True)) for row in zip(*values.values(), strict=True)]
        session.execute(insert(table), rows)

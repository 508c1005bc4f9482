"""Copy a whole plan between engines (file to team database and back), ids and uids kept."""

from __future__ import annotations

from sqlalchemy import Connection, Table, select

from tourplanner.db import postgresql
from tourplanner.models import Base

BATCH = 2000


def plan_tables() -> list[Table]:
    """Every table of a plan, parents before children (Alembic's own table aside)."""
    return list(Base.metadata.sorted_tables)


def copy_rows(source: Connection, target: Connection) -> dict[str, int]:
    """Insert every row of `source` into the empty plan of `target`; the count per table."""
    counts: dict[str, int] = {}
    for table in plan_tables():
        rows = [dict(r) for r in source.execute(select(table)).mappings()]
        for start in range(0, len(rows), BATCH):
            target.execute(table.insert(), rows[start : start + BATCH])
        counts[table.name] = len(rows)
    if target.dialect.name == "postgresql":
        postgresql.reset_sequences(target, serial_tables())
    return counts


def serial_tables() -> list[str]:
    """The tables whose ids a sequence gives on PostgreSQL."""
    return [t.name for t in plan_tables() if _has_serial_id(t)]


def is_empty(connection: Connection) -> bool:
    """Whether a plan holds no rows at all (a newly created one)."""
    return all(connection.execute(select(t).limit(1)).first() is None for t in plan_tables())


def _has_serial_id(table: Table) -> bool:
    keys = list(table.primary_key.columns)
    return len(keys) == 1 and keys[0].name == "id" and keys[0].autoincrement in (True, "auto")

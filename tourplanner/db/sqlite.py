"""Everything SQLite-specific lives here, so the rest runs unchanged on PostgreSQL."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event

from tourplanner.errors import PlanFileError

SQLITE_HEADER = b"SQLite format 3\x00"
WRITE_OPTION = "tourplanner_write"


def make_engine(path: Path) -> Engine:
    """An engine on the plan file: WAL, foreign keys, busy timeout, real transactions."""
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": 10})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # pysqlite's legacy transaction handling emits no BEGIN before SELECT or DDL;
        # switching it off and issuing BEGIN ourselves makes transactions real.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA busy_timeout = 10000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # A write transaction takes the write lock up front: no "database is locked" half-way.
        immediate = conn.get_execution_options().get(WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def writer(engine: Engine) -> Engine:
    """The same engine, beginning its transactions with the write lock held."""
    return engine.execution_options(**{WRITE_OPTION: True})


def has_sqlite_header(path: Path) -> bool:
    with open(path, "rb") as fh:
        return fh.read(16) == SQLITE_HEADER


def inspect_readonly(path: Path) -> tuple[set[str], str | None]:
    """The table names and stored schema revision of a file, opened read-only; never writes."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as exc:
        raise PlanFileError(f"{path} cannot be read: {exc}") from exc
    try:
        check = conn.execute("PRAGMA quick_check").fetchone()
        if not check or check[0] != "ok":
            raise PlanFileError(f"{path} is damaged (the database check failed)")
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        revision = None
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        return tables, revision
    except sqlite3.DatabaseError as exc:
        raise PlanFileError(f"{path} is damaged or not a database ({exc})") from exc
    finally:
        conn.close()


def backup_file(source: Path, target: Path) -> None:
    """A consistent copy of a plan file (including its WAL), through SQLite's backup API."""
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def integrity_ok(engine: Engine) -> bool:
    with engine.connect() as conn:
        return conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"


@contextmanager
def foreign_keys_off(connection: Connection) -> Iterator[None]:
    """Foreign keys off while Alembic's batch mode recreates tables.

    With them on, dropping a table during a batch copy would cascade-delete its child rows.
    The pragma is ignored inside a transaction, so it is set around it.
    """
    if connection.dialect.name != "sqlite":
        yield
        return
    # On the driver connection: SQLAlchemy would first begin a transaction, voiding the pragma.
    raw = connection.connection.driver_connection
    assert raw is not None  # a connection in use has its driver's connection
    raw.execute("PRAGMA foreign_keys = OFF")
    try:
        yield
    finally:
        raw.execute("PRAGMA foreign_keys = ON")


def verify_foreign_keys(connection: Connection) -> None:
    """Raise inside the migration's transaction if it left links pointing nowhere."""
    if connection.dialect.name != "sqlite":
        return
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        raise PlanFileError(f"the upgrade would break {len(broken)} links between records")

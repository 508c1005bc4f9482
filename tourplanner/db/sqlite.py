"""Everything SQLite-specific lives here, so the rest runs unchanged on PostgreSQL."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from tourplanner.errors import PlanFileError
from tourplanner.i18n import _

SQLITE_HEADER = b"SQLite format 3\x00"
WRITE_OPTION = "tourplanner_write"
BUSY_TIMEOUT_MS = 10000
PAGE_CACHE_KIB = 32 * 1024  # per connection (a negative cache_size counts KiB)

# How a connection may touch the file: "write" (the plan's writer), "read" (a reader that
# never writes but, being the last to close, lets SQLite tidy its -wal away), "ro" (SQLite's
# read-only mode, for files and folders that cannot be written) and "immutable" (reads the
# file alone, creates nothing beside it: for checking a file before anything else).
MODES = ("write", "create", "read", "ro", "immutable")


def file_uri(path: Path, mode: str = "write") -> str:
    """The SQLite URI of a file name: every character of the name is escaped, never parsed."""
    uri = Path(os.path.realpath(path)).as_uri()
    if mode == "ro":
        return f"{uri}?mode=ro"
    if mode == "immutable":
        return f"{uri}?mode=ro&immutable=1"
    if mode == "create":
        return f"{uri}?mode=rwc"
    return f"{uri}?mode=rw"


def connect(path: Path, mode: str = "write") -> sqlite3.Connection:
    """A DB-API connection to an existing file, the path passed as a file name (never a URL)."""
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}")
    conn = sqlite3.connect(
        file_uri(path, mode), uri=True, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
    )
    if mode == "read":
        conn.execute("PRAGMA query_only = ON")
    return conn


def make_engine(path: Path, *, mode: str = "write") -> Engine:
    """An engine on the plan file: WAL, foreign keys, busy timeout, real transactions."""
    # A creator hands SQLite the file name itself: a URL would read '%20', '?' or '#' in it.
    engine = create_engine("sqlite://", creator=lambda: connect(path, mode), poolclass=QueuePool)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # pysqlite's legacy transaction handling emits no BEGIN before SELECT or DDL;
        # switching it off and issuing BEGIN ourselves makes transactions real.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        if mode in ("write", "create"):
            cursor.execute("PRAGMA journal_mode = WAL")
            # The plan checkpoints itself (PlanFile.checkpoint) and notes the result in its
            # lock, so a -wal left by a crash can later be told from one beside another file.
            cursor.execute("PRAGMA wal_autocheckpoint = 0")
            cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        # SQLite's default page cache is 2 MB: a 20,000-item plan (14 MB) was read from the file
        # again on each day the timeline jumps to (a 3,391-item day's query 14 ms against 8 ms
        # with the plan in the cache). The cache grows only as pages are read, up to 32 MiB.
        cursor.execute(f"PRAGMA cache_size = {-PAGE_CACHE_KIB}")
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


def wal_path(path: Path) -> Path:
    return Path(f"{os.path.realpath(path)}-wal")


def shm_path(path: Path) -> Path:
    return Path(f"{os.path.realpath(path)}-shm")


def has_pending_wal(path: Path) -> bool:
    """Whether a non-empty -wal lies beside the file (commits not yet in the file itself)."""
    try:
        return wal_path(path).stat().st_size > 0
    except FileNotFoundError:
        return False


def inspect(
    path: Path, mode: str = "immutable", *, check: str = "quick_check", shown_as: Path | None = None
) -> tuple[set[str], str | None]:
    """The table names and stored schema revision of a file after a database check; never
    writes (with "immutable", creates nothing beside the file either)."""
    shown = shown_as or path
    try:
        conn = connect(path, mode)
    except sqlite3.Error as exc:
        raise PlanFileError(
            _("{shown} cannot be read: {error_sentence}").format(
                shown=shown, error_sentence=error_sentence(exc, shown)
            )
        ) from exc
    try:
        result = conn.execute(f"PRAGMA {check}").fetchone()
        if not result or result[0] != "ok":
            raise PlanFileError(damaged_sentence(shown))
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        revision = None
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        return tables, revision
    except sqlite3.DatabaseError as exc:
        if is_damage(exc):
            raise PlanFileError(damaged_sentence(shown)) from exc
        raise PlanFileError(
            _("{shown} cannot be read: {error_sentence}").format(
                shown=shown, error_sentence=error_sentence(exc, shown)
            )
        ) from exc
    finally:
        conn.close()


def damaged_sentence(path: Path) -> str:
    return (
        f"{path} is damaged (the database check failed); nothing was changed: "
        f"`tourplanner doctor {path}` says what is wrong, "
        f"`tourplanner backups {path}` lists the copies to restore"
    )


def error_sentence(exc: sqlite3.Error, path: Path) -> str:
    """What an SQLite error means for the plan at `path`, in words (the end of a sentence)."""
    code = getattr(exc, "sqlite_errorcode", None)
    text = str(exc)
    if code == sqlite3.SQLITE_FULL or "disk is full" in text:
        return _("no space left on the disk holding {path}").format(path=path)
    if code == sqlite3.SQLITE_READONLY or "readonly" in text or "read-only" in text:
        return _("{path} is read-only").format(path=path)
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or "locked" in text:
        return _("{path} is busy (another program is writing it); try again in a moment").format(
            path=path
        )
    if code == sqlite3.SQLITE_CANTOPEN or "unable to open" in text:
        return _("{path} cannot be opened (is its folder read-only or gone?)").format(path=path)
    if code == sqlite3.SQLITE_IOERR or "disk I/O error" in text:
        return _("the disk holding {path} failed to read or write").format(path=path)
    if is_damage(exc):
        return _("{path} is damaged").format(path=path)
    return text


def is_damage(exc: sqlite3.Error) -> bool:
    """Whether SQLite says the file itself is bad (not busy, read-only or full)."""
    code = getattr(exc, "sqlite_errorcode", None)
    return code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB) or (
        code is None and ("malformed" in str(exc) or "not a database" in str(exc))
    )


def backup_into(source: sqlite3.Connection, target: Path) -> None:
    """Copy a database through SQLite's backup API into a new, self-contained file at `target`,
    then verify the copy with a full integrity check; a copy that fails it is removed."""
    dst = sqlite3.connect(file_uri(target, "create"), uri=True)
    try:
        source.backup(dst)
        # The copy carries the source's WAL flag; a backup stands alone without a -wal.
        dst.execute("PRAGMA journal_mode = DELETE")
        ok = dst.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    except BaseException:
        dst.close()
        _remove_with_sidecars(target)
        raise
    dst.close()
    if not ok:
        _remove_with_sidecars(target)
        raise PlanFileError(
            _("the copy of the plan failed its check; {target} was not kept").format(target=target)
        )
    fsync_file(target)


def backup_file(source: Path, target: Path, *, mode: str = "read") -> None:
    """A consistent, verified copy of a plan file (including its WAL), through the backup API."""
    src = connect(source, mode)
    try:
        backup_into(src, target)
    finally:
        src.close()


def raw_connection(connection: Connection) -> sqlite3.Connection:
    """The driver's own connection under SQLAlchemy's (for pragmas and the backup API, which
    must not run inside the transaction SQLAlchemy would begin)."""
    raw = connection.connection.driver_connection
    assert isinstance(raw, sqlite3.Connection)  # a connection in use has its driver's one
    return raw


def checkpoint(engine: Engine, *, wait_ms: int = 200) -> bool:
    """Move every commit from the -wal into the file itself and empty the -wal; True when all of
    it went (a reader still on an old snapshot can hold part of it back). Waits at most
    `wait_ms` for readers, not the usual busy timeout."""
    with engine.connect() as conn:
        raw = raw_connection(conn)
        raw.execute(f"PRAGMA busy_timeout = {wait_ms}")
        try:
            busy, _log, _moved = raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            if busy:
                raw.execute("PRAGMA wal_checkpoint(PASSIVE)")
        finally:
            raw.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return busy == 0


def wal_size(path: Path) -> int:
    try:
        return wal_path(path).stat().st_size
    except FileNotFoundError:
        return 0


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove_with_sidecars(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


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
    raw = raw_connection(connection)
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
        raise PlanFileError(
            _("the upgrade would break {n_broken} links between records").format(
                n_broken=len(broken)
            )
        )

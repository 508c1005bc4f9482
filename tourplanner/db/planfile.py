"""Open, create, migrate and back up plan files; hand out one transaction per user operation.

Opening checks the file before anything is created beside it, then (for writing) takes the
plan's lock (db/lock.py), so one program writes at a time. Closing moves every commit from the
-wal into the file itself, so the `.tourplan` alone is the whole plan.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import tempfile
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from tourplanner.db import lock, migrate, sqlite, stamp
from tourplanner.db.open_plan import OpenPlan
from tourplanner.errors import PlanFileError
from tourplanner.i18n import _
from tourplanner.plan_location import is_team_location

PLAN_SUFFIX = ".tourplan"
REQUIRED_TABLES = {"alembic_version", "plans"}
# SQLite's automatic checkpoints are off (db/sqlite.py): the plan checkpoints itself past this,
# so it knows what its -wal builds on (see lock.wal_belongs).
WAL_CHECKPOINT_BYTES = 4 * 1024 * 1024


class PlanFile(OpenPlan):
    """An open plan file. Use `transaction()` for each user operation."""

    def __init__(self, path: Path, engine: Engine, *, read_only: bool = False) -> None:
        super().__init__(engine, writes_through=sqlite.writer(engine), read_only=read_only)
        self.path = path
        self._anchor = None
        if not read_only:
            # One connection held open for the plan's life: no other connection is ever the
            # last to close, so the file itself changes only at our checkpoints, each noted in
            # the lock (what a -wal left by a crash builds on).
            self._anchor = engine.connect()
            lock.record_base(path)

    @classmethod
    def create(cls, path: Path | str) -> PlanFile:
        """Create a new, empty plan file at the newest schema; refuses to overwrite."""
        path = Path(path)
        if path.exists() or path.is_symlink():
            raise PlanFileError(_("{path} already exists; choose another name").format(path=path))
        if not path.parent.is_dir():
            raise PlanFileError(_("folder {parent} does not exist").format(parent=path.parent))
        engine = sqlite.make_engine(path, mode="create")
        try:
            migrate.upgrade(engine)
            stamp.stamp_new_file(engine)
            engine.dispose()  # later connections must find the file, never create another
            lock.acquire(path)
            return cls(path, sqlite.make_engine(path, mode="write"))
        except Exception as exc:
            engine.dispose()
            _remove_plan_files(path)
            raise PlanFileError(
                _("could not create {path}: {reason}").format(path=path, reason=_reason(exc, path))
            ) from exc

    @classmethod
    def open(cls, path: Path | str, *, read_only: bool = False) -> PlanFile:
        """Open an existing plan, upgrading an older one after backing it up.

        With `read_only`, no lock is taken and nothing is written: reading commands work on a
        plan another program has open for writing. A `postgresql://` location opens the team
        plan there instead (db/teamplan.py), with the same methods.
        """

        if is_team_location(path):
            from tourplanner.db.teamplan import TeamPlan

            return TeamPlan.open(str(path), read_only=read_only)  # type: ignore[return-value]
        path = Path(path)
        check_is_a_file(path)
        if not read_only:
            holder = lock.read_holder(path)
            if holder is not None and not lock.held_here(path):
                from tourplanner.errors import PlanLockedError

                raise PlanLockedError(path, holder)
        revision = check_plan_file(path)
        if read_only and revision != migrate.head_revision():
            cls.open(path).close()  # an older file is upgraded once (with its backup) first
            revision = migrate.head_revision()
        if read_only:
            return cls(path, sqlite.make_engine(path, mode=reader_mode(path)), read_only=True)
        check_writable(path)
        lock.acquire(path)
        try:
            return cls._open_for_writing(path, revision)
        except BaseException:
            lock.release(path)
            raise

    @classmethod
    def _open_for_writing(cls, path: Path, revision: str) -> PlanFile:
        from tourplanner.db import backups

        engine = sqlite.make_engine(path, mode="write")
        plan = cls(path, engine)
        if revision != migrate.head_revision():
            try:
                plan.backup_path = backups.backup_open_plan(plan, reason=revision)
            except BaseException:
                plan._dispose()
                raise
            try:
                migrate.upgrade(engine)
            except Exception as exc:
                plan._dispose()
                raise PlanFileError(
                    _(
                        "could not upgrade {path} ({reason}); your data is safe in {backup_path}"
                    ).format(path=path, reason=_reason(exc, path), backup_path=plan.backup_path)
                ) from exc
        return plan

    def _not_saved(self, exc: Exception) -> PlanFileError | None:
        raw = getattr(exc, "orig", exc)
        if isinstance(exc, (DBAPIError, sqlite3.Error)) and isinstance(
            raw, sqlite3.OperationalError
        ):
            return PlanFileError(
                _("the change was not saved: {error_sentence}").format(
                    error_sentence=sqlite.error_sentence(raw, self.path)
                )
            )
        return None

    def _committed(self) -> None:
        if sqlite.wal_size(self.path) > WAL_CHECKPOINT_BYTES:
            self.checkpoint()

    def save_copy(self, target: Path | str) -> None:
        """A consistent copy of the plan as it is now, in another file (never over this one)."""
        from tourplanner.files import atomic_path

        target = Path(target)
        if target.resolve() == self.path.resolve():
            raise PlanFileError(_("choose another file than the open plan for the copy"))
        if target.exists():
            raise PlanFileError(
                _("{target} already exists; choose another name").format(target=target)
            )
        with atomic_path(target) as tmp, self.engine.connect() as conn:
            sqlite.backup_into(sqlite.raw_connection(conn), tmp)

    def integrity_ok(self) -> bool:
        return sqlite.integrity_ok(self.engine)

    def checkpoint(self) -> bool:
        """Move the commits from the -wal into the file itself, so the `.tourplan` alone holds
        the whole plan (call it after a quiet spell); True when all of it went."""
        if self.read_only or self._closed:
            return False
        try:
            done = sqlite.checkpoint(self.engine)
        except (DBAPIError, sqlite3.Error):
            return False  # a busy reader holds it back; the next checkpoint or close does it
        lock.record_base(self.path)
        return done

    def close(self) -> None:
        """Checkpoint (the file alone then holds every commit), close, and give the lock back."""
        if self._closed:
            return
        self._closed = True
        try:
            if not self.read_only:
                # On failure every commit is still safe in the -wal; SQLite replays it on open.
                with contextlib.suppress(DBAPIError, sqlite3.Error):
                    sqlite.checkpoint(self.engine)
                    lock.record_base(self.path)
            self._dispose()
        finally:
            if not self.read_only:
                lock.release(self.path)

    def _dispose(self) -> None:
        if self._anchor is not None:
            self._anchor.close()
            self._anchor = None
        self.engine.dispose()


def check_is_a_file(path: Path) -> None:
    if not path.exists():
        raise PlanFileError(_("{path} does not exist").format(path=path))
    if not path.is_file():
        raise PlanFileError(_("{path} is not a file").format(path=path))
    try:
        header_ok = sqlite.has_sqlite_header(path)
    except OSError as exc:
        from tourplanner.files import os_error_sentence

        raise PlanFileError(
            _("cannot read {path}: {os_error_sentence}").format(
                path=path, os_error_sentence=os_error_sentence(exc, path)
            )
        ) from exc
    if not header_ok:
        raise PlanFileError(
            _("{path} is not a TourPlanner plan (not a database file)").format(path=path)
        )


def check_writable(path: Path) -> None:
    """Refuse, before anything is created beside it, a plan that cannot be written."""
    from tourplanner.files import READ_ONLY_ERRNOS, os_error_sentence

    try:
        os.close(os.open(path, os.O_RDWR))
        probe = os.open(path.parent, os.O_RDONLY)
        os.close(probe)
    except OSError as exc:
        if exc.errno in READ_ONLY_ERRNOS:
            raise PlanFileError(
                _(
                    "{path} is read-only; reading it works (info, check, exports), changing it needs a writable copy (Save a Copy, or copy the file elsewhere)"
                ).format(path=path)
            ) from exc
        raise PlanFileError(
            _("cannot open {path}: {os_error_sentence}").format(
                path=path, os_error_sentence=os_error_sentence(exc, path)
            )
        ) from exc


def check_plan_file(path: Path) -> str:
    """The stored revision of a TourPlanner plan, or a PlanFileError saying what it is instead.

    Creates nothing beside the file: a file alone is read immutable; a -wal left beside it
    (by a crash, or beside an older copy put in the plan's place) is first tried on a private
    copy, so a -wal that does not belong to the file is never replayed into it.
    """
    check_is_a_file(path)
    if not sqlite.has_pending_wal(path):
        tables, revision = sqlite.inspect(path, "immutable")
    elif lock.read_holder(path) is not None:
        tables, revision = sqlite.inspect(path, reader_mode(path))  # a live writer's -wal
    elif lock.wal_belongs(path) is False:
        sqlite.inspect(path, "immutable")  # a damaged file alone is said as such
        raise PlanFileError(stale_wal_sentence(path))
    else:
        tables, revision = _inspect_with_leftover_wal(path)
    if not tables >= REQUIRED_TABLES or revision is None:
        raise PlanFileError(_("{path} is a database, but not a TourPlanner plan").format(path=path))
    if revision not in migrate.known_revisions():
        raise PlanFileError(
            _(
                "{path} was saved by a newer version of TourPlanner (schema {revision}); update TourPlanner to open it"
            ).format(path=path, revision=revision)
        )
    return revision


def stale_wal_sentence(path: Path) -> str:
    return (
        f"{path} has a leftover {sqlite.wal_path(path).name} that does not belong to it "
        "(was an older copy put in its place?); it was not applied and nothing was changed: "
        f"`tourplanner doctor {path} --repair` sets it aside, keeping a copy in the backups"
    )


def _inspect_with_leftover_wal(path: Path) -> tuple[set[str], str | None]:
    """Replay a leftover -wal into a private copy: if the copy checks out the -wal is the
    file's own (commits a crash left there); if not, it belongs to another version."""
    scratch = Path(tempfile.mkdtemp(prefix="tourplanner-check-"))
    try:
        copy = scratch / "plan.tourplan"
        shutil.copyfile(path, copy)
        shutil.copyfile(sqlite.wal_path(path), f"{copy}-wal")
        try:
            return sqlite.inspect(copy, "read", check="integrity_check", shown_as=path)
        except PlanFileError:
            sqlite.inspect(path, "immutable")  # the file alone damaged: say that instead
            raise PlanFileError(stale_wal_sentence(path)) from None
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def reader_mode(path: Path) -> str:
    """The connection mode for reading: an ordinary reader where the folder is writable;
    SQLite's read-only mode, or the file alone (immutable), on read-only folders and mounts."""
    if not _writable(path):
        # Nobody can change a read-only file: read it alone, creating nothing beside it.
        return "ro" if sqlite.has_pending_wal(path) else "immutable"
    try:
        conn = sqlite.connect(path, "read")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
        return "read"
    except sqlite3.OperationalError:
        return "ro" if sqlite.has_pending_wal(path) else "immutable"


def _writable(path: Path) -> bool:
    try:
        os.close(os.open(path, os.O_RDWR))
    except OSError:
        return False
    return True


def _reason(exc: BaseException, path: Path) -> str:
    raw = getattr(exc, "orig", exc)
    if isinstance(raw, sqlite3.Error):
        return sqlite.error_sentence(raw, path)
    if isinstance(raw, OSError):
        from tourplanner.files import os_error_sentence

        return os_error_sentence(raw, path)
    return str(exc)


def _remove_plan_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    lock.release(path)

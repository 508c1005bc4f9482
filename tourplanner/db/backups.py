"""Rolling automatic backups of each plan, kept in the user's data folder (never beside it).

As Anki does: a verified copy (SQLite's backup API, then `integrity_check`) before every
import, upgrade and restore, and while a plan is open for writing at most every 30 minutes
and on close when something changed. Kept: the newest 10, plus the newest of each of the last
7 days and of each of the last 4 weeks.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from tourplanner.db import sqlite
from tourplanner.errors import PlanFileError
from tourplanner.files import size_text
from tourplanner.i18n import _
from tourplanner.wording import count

if TYPE_CHECKING:
    from tourplanner.db.planfile import PlanFile

DATA_DIR_VARIABLE = "TOURPLANNER_DATA_DIR"  # tests point it at tmp; users may move it
KEEP_LAST, KEEP_DAYS, KEEP_WEEKS = 10, 7, 4
EVERY = timedelta(minutes=30)
_STAMP = "%Y%m%d-%H%M%S-%f"
_NAME = re.compile(r"\.backup-(?P<reason>[A-Za-z0-9]+)-(?P<stamp>\d{8}-\d{6}-\d{6})\.tourplan$")


@dataclass(frozen=True)
class BackupInfo:
    """One backup, as plain values for a list (the CLI's `backups`, the GUI's restore dialog)."""

    path: Path
    taken: datetime  # UTC
    reason: str  # import, upgrade's old revision, restore, auto, close, repair
    size: int
    items: int | None  # None when the backup cannot be read
    people: int | None

    def line(self) -> str:
        counts = (
            f"{count(self.items, 'item', 'items')}, {count(self.people or 0, 'person', 'people')}"
            if self.items is not None
            else "unreadable"
        )
        return (
            f"{self.path}  {self.taken:%Y-%m-%d %H:%M:%S} UTC  {size_text(self.size)}  {counts}"
            f"  ({self.reason})"
        )


def data_root() -> Path:
    """The user data folder (platformdirs), or $TOURPLANNER_DATA_DIR when set."""
    override = os.environ.get(DATA_DIR_VARIABLE)
    if override:
        return Path(override)
    from platformdirs import user_data_path

    return user_data_path("TourPlanner", appauthor=False)


def backup_folder(plan_path: Path) -> Path:
    """The folder of one plan's backups: its name plus a digest of its full path."""
    real = os.path.realpath(plan_path)
    digest = hashlib.sha256(real.encode("utf-8", "surrogateescape")).hexdigest()[:12]
    return data_root() / "backups" / f"{Path(real).name}-{digest}"


def make_backup(
    plan_path: Path, *, reason: str = "auto", source: sqlite3.Connection | None = None
) -> Path:
    """A verified copy of the plan now (through `source`, the plan's own connection, when it is
    open); then older backups beyond what is kept are removed. Returns the new backup's path."""
    folder = backup_folder(plan_path)
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        from tourplanner.files import os_error_sentence

        raise PlanFileError(
            _("cannot back up {plan_path}: {os_error_sentence}; nothing was changed").format(
                plan_path=plan_path, os_error_sentence=os_error_sentence(exc, folder)
            )
        ) from exc
    now = datetime.now(UTC)
    target = folder / f"{Path(plan_path).name}.backup-{reason}-{now.strftime(_STAMP)}.tourplan"
    part = target.with_name(f".{target.name}.part")
    try:
        if source is not None:
            sqlite.backup_into(source, part)
        else:
            sqlite.backup_file(plan_path, part, mode=_source_mode(plan_path))
        os.replace(part, target)
    except (OSError, sqlite3.Error) as exc:
        part.unlink(missing_ok=True)
        raise PlanFileError(
            _("cannot back up {plan_path}: {reason}; nothing was changed").format(
                plan_path=plan_path, reason=_reason(exc, folder)
            )
        ) from exc
    _write_origin(folder, plan_path)
    prune(plan_path, now=now)
    return target


def backup_open_plan(plan: PlanFile, *, reason: str = "auto") -> Path:
    """Back up an open plan through its own connection (sees its latest commit); a team plan
    into a plan file in the backups folder."""
    if plan.is_team:
        from tourplanner.team.offline import backup_team_plan

        return backup_team_plan(plan, reason=reason)  # type: ignore[arg-type]
    with plan.engine.connect() as conn:
        path = make_backup(plan.path, reason=reason, source=sqlite.raw_connection(conn))
    plan.backed_up_generation = plan.generation
    return path


def maybe_backup(
    plan: PlanFile, *, closing: bool = False, now: datetime | None = None
) -> Path | None:
    """The GUI's timer and close hook: back up when something changed since the last backup
    and (unless `closing`) the newest backup is 30 minutes old or more. Returns the new backup
    or None when none was due."""
    if plan.read_only or plan.generation == plan.backed_up_generation:
        return None
    if plan.is_team:
        return None  # a team plan is kept by its server's backups (docs/team.md), not here
    newest = list_backups(plan.path, counts=False)
    now = now or datetime.now(UTC)
    if not closing and newest and now - newest[0].taken < EVERY:
        return None
    return backup_open_plan(plan, reason="close" if closing else "auto")


def list_backups(plan_path: Path, *, counts: bool = True) -> list[BackupInfo]:
    """The plan's backups, newest first, as plain values."""
    folder = backup_folder(plan_path)
    found = []
    for path in folder.glob("*.tourplan") if folder.is_dir() else ():
        match = _NAME.search(path.name)
        if not match:
            continue
        taken = datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=UTC)
        items, people = _counts(path) if counts else (None, None)
        found.append(BackupInfo(path, taken, match["reason"], path.stat().st_size, items, people))
    return sorted(found, key=lambda b: b.taken, reverse=True)


def backup_list(plan_path: Path | str) -> list[dict]:
    """The backups as dicts of plain values (path as str, taken as ISO text), newest first."""
    return [
        {
            "path": str(b.path),
            "taken": b.taken.isoformat(timespec="seconds"),
            "reason": b.reason,
            "size": b.size,
            "items": b.items,
            "people": b.people,
        }
        for b in list_backups(Path(plan_path))
    ]


def to_keep(taken: list[datetime], now: datetime) -> set[datetime]:
    """Which backup times the rolling rule keeps: the newest 10; the newest of each of the last
    7 days; the newest of each of the last 4 weeks."""
    newest_first = sorted(taken, reverse=True)
    keep = set(newest_first[:KEEP_LAST])
    days: set = set()
    weeks: set = set()
    for when in newest_first:
        age = now - when
        day = when.date()
        if age < timedelta(days=KEEP_DAYS) and day not in days:
            days.add(day)
            keep.add(when)
        week = when.isocalendar()[:2]
        if age < timedelta(weeks=KEEP_WEEKS) and week not in weeks:
            weeks.add(week)
            keep.add(when)
    return keep


def prune(plan_path: Path, *, now: datetime | None = None) -> list[Path]:
    """Remove the backups the rolling rule no longer keeps; returns those removed."""
    backups = list_backups(plan_path, counts=False)
    keep = to_keep([b.taken for b in backups], now or datetime.now(UTC))
    removed = [b.path for b in backups if b.taken not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def _counts(path: Path) -> tuple[int | None, int | None]:
    try:
        conn = sqlite.connect(path, "immutable")
        try:
            items = conn.execute("SELECT count(*) FROM items").fetchone()[0]
            people = conn.execute("SELECT count(*) FROM people").fetchone()[0]
            return items, people
        finally:
            conn.close()
    except sqlite3.Error:
        return None, None


def _source_mode(plan_path: Path) -> str:
    from tourplanner.db.planfile import reader_mode

    return reader_mode(plan_path)


def _write_origin(folder: Path, plan_path: Path) -> None:
    """A note of which plan the folder's backups are of (for a person browsing the folder)."""
    with contextlib.suppress(OSError):
        (folder / "plan-path.txt").write_text(os.path.realpath(plan_path) + "\n", "utf-8")


def _reason(exc: BaseException, folder: Path) -> str:
    if isinstance(exc, sqlite3.Error):
        return sqlite.error_sentence(exc, folder)
    if isinstance(exc, OSError):
        from tourplanner.files import os_error_sentence

        return os_error_sentence(exc, folder)
    return str(exc)


def restore(plan_path: Path | str, backup_path: Path | str) -> Path | None:
    """Put a backup in the plan's place, after backing up the plan as it is now (a damaged
    plan is kept as its raw bytes). The plan's stale -wal and -shm are removed before the
    backup takes its place, so they are never replayed into it. Returns the backup of the
    state before (None when there was no plan file)."""
    from tourplanner.db import lock
    from tourplanner.db.planfile import check_plan_file
    from tourplanner.files import atomic_path

    plan_path, backup_path = Path(plan_path), Path(backup_path)
    if os.path.realpath(plan_path) == os.path.realpath(backup_path):
        raise PlanFileError(_("choose a backup, not the plan itself, to restore"))
    check_plan_file(backup_path)
    sqlite.inspect(backup_path, "immutable", check="integrity_check")
    if not plan_path.exists():
        with atomic_path(plan_path) as tmp:
            sqlite.backup_file(backup_path, tmp, mode="immutable")
        return None
    lock.acquire(plan_path)
    try:
        before = _backup_current(plan_path)
        with atomic_path(plan_path) as tmp:
            sqlite.backup_file(backup_path, tmp, mode="immutable")
            # Their commits are in `before`; left beside the restored file they would be
            # replayed into it.
            for sidecar in (sqlite.wal_path(plan_path), sqlite.shm_path(plan_path)):
                sidecar.unlink(missing_ok=True)
        return before
    finally:
        lock.release(plan_path)


def _backup_current(plan_path: Path) -> Path:
    """A verified backup of the plan now, or, if it cannot be read, a raw copy of its bytes
    (and of its -wal) so that nothing is lost by restoring over it."""
    try:
        from tourplanner.db.planfile import check_plan_file

        check_plan_file(plan_path)
        return make_backup(plan_path, reason="restore")
    except PlanFileError:
        return raw_copy(plan_path, reason="damaged")


def raw_copy(plan_path: Path, *, reason: str) -> Path:
    """The plan's bytes as they are (and its -wal beside, if any), into its backup folder."""
    import shutil

    folder = backup_folder(plan_path)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    stamp = datetime.now(UTC).strftime(_STAMP)
    target = folder / f"{Path(plan_path).name}.backup-{reason}-{stamp}.tourplan"
    try:
        shutil.copyfile(plan_path, target)
        wal = sqlite.wal_path(plan_path)
        if wal.exists():
            shutil.copyfile(wal, f"{target}-wal")
    except OSError as exc:
        target.unlink(missing_ok=True)
        raise PlanFileError(
            _("cannot back up {plan_path}: {reason}; nothing was changed").format(
                plan_path=plan_path, reason=_reason(exc, folder)
            )
        ) from exc
    return target


def before_import(plan: PlanFile, *, dry_run: bool = False) -> Path | None:
    """The verified backup taken before an import writes into the plan (none for a dry run)."""
    return None if dry_run else backup_open_plan(plan, reason="import")

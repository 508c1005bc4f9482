"""One writer at a time: a lock file beside the plan naming who has it open for writing.

Like LibreOffice's `.~lock.NAME#`, the lock is a small file beside the plan (so a second
computer on a shared folder sees it too), holding the user, host, program, pid and since when.
On the same host the file is also held with `flock` for as long as the plan is open: a lock
whose flock can be taken belongs to a program that ended or crashed, and is taken over. A lock
from another host cannot be proven stale from here; it is shown, and the user may break it.
"""

from __future__ import annotations

import fcntl
import getpass
import json
import os
import socket
import sys
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from tourplanner.errors import PlanFileError, PlanLockedError
from tourplanner.i18n import _

# Open write locks of this process, by lock path: a second open of the same plan in one program
# shares the lock (it is still one writer), and the last close releases it.
_HELD: dict[str, tuple[int, int]] = {}


@dataclass(frozen=True)
class LockHolder:
    """Who has a plan open for writing."""

    user: str
    host: str
    program: str
    pid: int
    since: str  # ISO time, UTC

    def sentence(self) -> str:
        since = self.since.replace("T", " ")[:16]
        return _("{user} on {host} ({program}, pid {pid}) since {since} UTC").format(
            user=self.user, host=self.host, program=self.program, pid=self.pid, since=since
        )


def lock_path(plan_path: Path) -> Path:
    """Where the lock of a plan lives: `.~lock.NAME#` beside the (real) plan file."""
    real = Path(os.path.realpath(plan_path))
    return real.with_name(f".~lock.{real.name}#")


def this_holder() -> LockHolder:
    return LockHolder(
        user=_user(),
        host=socket.gethostname(),
        program=Path(sys.argv[0]).name if sys.argv and sys.argv[0] else "python",
        pid=os.getpid(),
        since=datetime.now(UTC).isoformat(timespec="seconds"),
    )


def read_holder(plan_path: Path) -> LockHolder | None:
    """Who holds the plan's lock, or None when nobody does (a stale lock on this host counts
    as nobody)."""
    path = lock_path(plan_path)
    holder = _read(path)
    if holder is None or (holder.host == socket.gethostname() and not _alive_here(path)):
        return None
    return holder


def acquire(plan_path: Path) -> None:
    """Take the plan's write lock, or raise PlanLockedError naming who has it."""
    path = lock_path(plan_path)
    key = str(path)
    if key in _HELD:
        fd, count = _HELD[key]
        _HELD[key] = (fd, count + 1)
        return
    while True:
        fd = _open_lock_file(path, plan_path)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise PlanLockedError(plan_path, _read(path)) from None
        if _same_file(fd, path):
            break
        os.close(fd)  # the file was removed (released) while we waited: try the new one
    holder = _read_fd(fd)
    if holder is not None and holder.host != socket.gethostname():
        os.close(fd)
        raise PlanLockedError(plan_path, holder)
    _write(fd, this_holder(), base=file_fingerprint(plan_path))
    _HELD[key] = (fd, 1)


def release(plan_path: Path) -> None:
    """Give the lock back (the last of this process's opens removes the lock file)."""
    path = lock_path(plan_path)
    key = str(path)
    if key not in _HELD:
        return
    fd, count = _HELD[key]
    if count > 1:
        _HELD[key] = (fd, count - 1)
        return
    del _HELD[key]
    try:
        if _same_file(fd, path):
            path.unlink(missing_ok=True)
    finally:
        os.close(fd)


def break_lock(plan_path: Path) -> LockHolder | None:
    """Remove a lock left by another computer (or a program that is gone); returns who held it.

    A lock held by a running program on this computer is not broken: that program is using
    the plan right now.
    """
    path = lock_path(plan_path)
    holder = _read(path)
    if holder is None and not path.exists():
        return None
    if holder is not None and holder.host == socket.gethostname() and _alive_here(path):
        raise PlanLockedError(plan_path, holder, breakable=False)
    path.unlink(missing_ok=True)
    return holder


def _open_lock_file(path: Path, plan_path: Path) -> int:
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
    except OSError as exc:
        from tourplanner.files import os_error_sentence

        raise PlanFileError(
            _("cannot open {plan_path} for writing: {os_error_sentence}").format(
                plan_path=plan_path, os_error_sentence=os_error_sentence(exc, path.parent)
            )
        ) from exc


def _alive_here(path: Path) -> bool:
    """Whether a program on this host holds the lock file's flock right now."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return False
    try:
        if str(path) in _HELD:
            return True
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        return False
    except BlockingIOError:
        return True
    finally:
        os.close(fd)


def _same_file(fd: int, path: Path) -> bool:
    try:
        return os.fstat(fd).st_ino == path.stat().st_ino
    except FileNotFoundError:
        return False


def _read(path: Path) -> LockHolder | None:
    try:
        return _parse(path.read_bytes())
    except OSError:
        return None


def _read_fd(fd: int) -> LockHolder | None:
    os.lseek(fd, 0, os.SEEK_SET)
    return _parse(os.read(fd, 4096))


def _parse(data: bytes) -> LockHolder | None:
    try:
        fields = json.loads(data.decode("utf-8"))
        return LockHolder(**{k: fields[k] for k in LockHolder.__dataclass_fields__})
    except (ValueError, KeyError, TypeError):
        return None


def _write(fd: int, holder: LockHolder, *, base: list[int] | None) -> None:
    record = {**asdict(holder), "base": base}
    os.ftruncate(fd, 0)
    os.lseek(fd, 0, os.SEEK_SET)
    os.write(fd, json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n")
    os.fsync(fd)


def file_fingerprint(plan_path: Path) -> list[int] | None:
    """Which version of the file itself this is (inode, size, modification time)."""
    try:
        st = os.stat(os.path.realpath(plan_path))
    except OSError:
        return None
    return [st.st_ino, st.st_size, st.st_mtime_ns]


def record_base(plan_path: Path) -> None:
    """Note the file as it is after a checkpoint: what the frames now in its -wal build on."""
    entry = _HELD.get(str(lock_path(plan_path)))
    if entry is None:
        return
    holder = _read_fd(entry[0]) or this_holder()
    _write(entry[0], holder, base=file_fingerprint(plan_path))


def wal_belongs(plan_path: Path) -> bool | None:
    """For a -wal left by a crashed writer here: whether the file is still the one its frames
    build on (False: another file was put in its place). None when nobody recorded it."""
    path = lock_path(plan_path)
    try:
        record = json.loads(path.read_bytes().decode("utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(record, dict) or not record.get("base"):
        return None
    if record.get("host") != socket.gethostname() or _alive_here(path):
        return None
    return record["base"] == file_fingerprint(plan_path)


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return str(os.getuid())


def held_here(plan_path: Path) -> bool:
    """Whether this process holds the plan's lock (a second open in one program shares it)."""
    return str(lock_path(plan_path)) in _HELD

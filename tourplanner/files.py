"""Writing files the safe way: atomically, and every failure said in one sentence.

An export is written to a temporary file in the destination folder, flushed and fsynced, then
renamed over the target: a reader (or a crash) sees the old file or the new one, never half of
one. On any failure the old file is untouched and the temporary is removed.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from tourplanner.errors import OutputError
from tourplanner.i18n import _

READ_ONLY_ERRNOS = {errno.EROFS, errno.EACCES, errno.EPERM}


def os_error_sentence(exc: OSError, path: Path | str) -> str:
    """What an OSError means for `path`, as the end of a sentence a user can act on."""
    path = Path(path)
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return _("no space left on the disk holding {path}").format(path=path)
    if exc.errno in READ_ONLY_ERRNOS:
        return _("{path} is read-only").format(path=path)
    if exc.errno == errno.ENOENT:
        return _("folder {path} does not exist").format(path=path.parent if path.suffix else path)
    if exc.errno == errno.ENOTDIR:
        return _("{path} is not a folder").format(path=path.parent)
    if exc.errno == errno.EISDIR:
        return _("{path} is a folder").format(path=path)
    return f"{path}: {exc.strerror or exc}"


def check_output_folder(target: Path) -> None:
    """Refuse, before any work, a target whose folder is missing or is not a folder."""
    parent = Path(target).parent
    if not parent.exists():
        raise OutputError(
            _("cannot write {path}: folder {folder} does not exist").format(
                path=target, folder=parent
            )
        )
    if not parent.is_dir():
        raise OutputError(
            _("cannot write {path}: {folder} is not a folder").format(path=target, folder=parent)
        )
    if Path(target).is_dir():
        raise OutputError(_("cannot write {path}: it is a folder").format(path=target))


@contextmanager
def atomic_path(target: Path | str) -> Iterator[Path]:
    """A temporary path beside `target` to write; renamed over `target` when the block ends,
    removed if it fails. The written file is fsynced before the rename, the folder after."""
    target = Path(target)
    check_output_folder(target)
    remove_stale_parts(target)
    try:
        # The writer's pid in the name lets a later write remove it if this one is killed.
        fd, tmp_name = tempfile.mkstemp(
            prefix=f".{target.name}.{os.getpid()}-", suffix=".part", dir=target.parent
        )
    except OSError as exc:
        reason = os_error_sentence(exc, target.parent)
        raise OutputError(
            _("cannot write {path}: {reason}").format(path=target, reason=reason)
        ) from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        _fsync(tmp)
        _keep_mode(target, tmp)
        os.replace(tmp, target)
        _fsync_dir(target.parent)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OutputError(
            _("cannot write {path}: {reason}").format(
                path=target, reason=os_error_sentence(exc, target)
            )
        ) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@contextmanager
def atomic_open(target: Path | str) -> Iterator[BinaryIO]:
    """A binary file object whose contents replace `target` atomically when the block ends."""
    with atomic_path(target) as tmp, open(tmp, "wb") as fh:
        yield fh
        fh.flush()


def write_bytes(target: Path | str, data: bytes) -> None:
    """Replace `target` by `data`, atomically."""
    with atomic_open(target) as fh:
        fh.write(data)


def remove_stale_parts(target: Path) -> None:
    """Remove the temporaries of `target` left by a writer that was killed (its pid is gone)."""
    for part in target.parent.glob(f".{glob_escape(target.name)}.*-*.part"):
        pid = part.name[len(target.name) + 2 :].split("-", 1)[0]
        if pid.isdigit() and not pid_alive(int(pid)):
            part.unlink(missing_ok=True)


def pid_alive(pid: int) -> bool:
    """Whether a process with this id runs on this machine."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def glob_escape(name: str) -> str:
    import glob

    return glob.escape(name)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable."""
    _fsync_dir(folder)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # some systems cannot open a folder; the rename itself is still atomic
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _keep_mode(target: Path, tmp: Path) -> None:
    """mkstemp makes the file private (0600); an export gets the folder's usual mode."""
    try:
        mode = target.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(tmp, mode)


def size_text(size: int) -> str:
    """A file's size as people read it: "256 KiB", "11.5 MiB"."""
    return f"{size / 1024:.0f} KiB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MiB"

"""Everyone's itineraries at once: one PDF for the printer, or one file per person.

The people are cut into small chunks rendered by a pool of processes (one per core), each with
its own connection to the plan file; the chunks are then joined in order. Progress is reported
per chunk and a cancel request stops the work and removes what it wrote.

Workers die with their parent: on Linux the kernel sends them SIGTERM when it dies
(PR_SET_PDEATHSIG), elsewhere a thread notices the parent is gone; either way the worker removes
the run's scratch folder and exits, writing nothing more. The scratch folder (personal
itineraries in the making) is private (0700) and hidden in the destination folder, so every
file reaches its place by a rename on the same disk; one left by a run that was killed with
all its workers is removed by the next run.
"""

from __future__ import annotations

import ctypes
import os
import re
import shutil
import signal
import tempfile
import threading
import time
import unicodedata
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from pathlib import Path
from typing import Any

from reportlab.platypus import Flowable, PageBreak

from tourplanner.db import PlanFile
from tourplanner.errors import Cancelled, OutputError, ValidationError
from tourplanner.export.pdf.page import Unnumbered, build
from tourplanner.files import check_output_folder, fsync_dir, os_error_sentence, pid_alive
from tourplanner.i18n import use_language
from tourplanner.services import itinerary, organizations, people

CHUNK = 12  # people per task: small enough for smooth progress and a quick cancel
SCRATCH_PREFIX = ".tourplanner-batch-"
PR_SET_PDEATHSIG = 1


class DuplexPad(Unnumbered):
    """At the top of an even page, fills it blank, so the next person starts on an odd page."""

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._blank = self.canv.getPageNumber() % 2 == 0
        return (avail_width, avail_height) if self._blank else (0, 0)

    def draw(self) -> None:
        if self._blank:
            super().draw()


def safe_name(name: str) -> str:
    """A file name from a person's name: ASCII letters, digits and dashes, never empty."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^A-Za-z0-9]+", "-", ascii_name).strip("-")[:60]
    return slug or "person"


def file_names(people_rows: Sequence[tuple[int, str]]) -> dict[int, str]:
    """Unique, safe file names for each person id."""
    names: dict[int, str] = {}
    taken: set[str] = set()
    for person_id, name in people_rows:
        base = safe_name(name)
        candidate = f"{base}.pdf"
        if candidate.lower() in taken:
            candidate = f"{base}-{person_id}.pdf"
        taken.add(candidate.lower())
        names[person_id] = candidate
    return names


_OPEN_PLANS: dict[str, PlanFile] = {}
_SCRATCH: list[str] = []


def _worker_init(parent_pid: int, scratch: str) -> None:
    """In each worker: die with the parent (kernel signal on Linux, a watching thread anywhere),
    removing the run's scratch files on the way out."""
    _SCRATCH[:] = [scratch]
    signal.signal(signal.SIGTERM, _die)
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        pass  # not Linux: the thread below is the only watch
    if os.getppid() != parent_pid:  # the parent died before the watch was set
        _die()
    threading.Thread(target=_watch_parent, args=(parent_pid,), daemon=True).start()


def _watch_parent(parent_pid: int) -> None:
    while os.getppid() == parent_pid:
        time.sleep(0.5)
    os.kill(os.getpid(), signal.SIGTERM)


def _die(*_args: object) -> None:
    for scratch in _SCRATCH:
        shutil.rmtree(scratch, ignore_errors=True)
    os._exit(1)


def _new_scratch(folder: Path) -> Path:
    """A private, hidden scratch folder in `folder` (the same disk as the files' destination),
    after removing those that runs killed with all their workers left there."""
    for old in folder.glob(f"{SCRATCH_PREFIX}*"):
        pid = old.name[len(SCRATCH_PREFIX) :].split("-", 1)[0]
        if pid.isdigit() and not pid_alive(int(pid)):
            shutil.rmtree(old, ignore_errors=True)
    try:
        return Path(tempfile.mkdtemp(prefix=f"{SCRATCH_PREFIX}{os.getpid()}-", dir=folder))
    except OSError as exc:
        raise OutputError(f"cannot write into {folder}: {os_error_sentence(exc, folder)}") from exc


def _plan(path: str) -> PlanFile:
    """One open plan per worker process (opening checks the file, so do it once)."""
    if path not in _OPEN_PLANS:
        _OPEN_PLANS[path] = PlanFile.open(path, read_only=True)
    return _OPEN_PLANS[path]


def render_chunk(
    plan_path: str,
    person_ids: list[int],
    target: str | None,
    names: dict[int, str] | None,
    folder: str | None,
    *,
    paper: str,
    duplex: bool,
    scratch: str | None = None,
) -> list[str]:
    """Render some people: into one PDF at `target`, or one file each into `folder` (each
    written in `scratch`, then renamed into place)."""
    from tourplanner.export.pdf import plan_info, text_width
    from tourplanner.export.pdf.itinerary import itinerary_story
    from tourplanner.export.pdf.language import reader_language
    from tourplanner.export.pdf.styles import make_styles
    from tourplanner.services.item_places import Places

    plan = _plan(plan_path)
    styles, width = make_styles(), text_width(paper)
    with plan.reading() as session:
        info = plan_info(session)
        places = Places.load(session)  # once for everyone, not once per person
        itins = [itinerary.person_itinerary(session, pid, places=places) for pid in person_ids]
    meta: dict[str, Any] = dict(
        paper=paper,
        author=info.organization,
        subject=info.title,
        plan_title=info.title,
        stamp=info.stamp,
    )
    if folder is not None:
        assert names is not None  # with a folder come the file names, by person
        written = []
        for itin in itins:
            final = Path(folder) / names[itin.person.id]
            tmp = Path(scratch or folder) / f".{final.name}.part"
            lang = reader_language(itin.person.preferred_language)
            with use_language(lang):
                build(
                    str(tmp),
                    itinerary_story(itin, info, width, styles),
                    title=f"Itinerary — {itin.person.name_latin}",
                    lang=lang,
                    **meta,
                )
            _fsync(tmp)
            os.replace(tmp, final)
            written.append(str(final))
        return written
    story: list[Flowable] = []
    for n, itin in enumerate(itins):
        if n:
            story.append(PageBreak())
            if duplex:
                story.append(DuplexPad())
        # Each person in their own language; the pages' header and footer follow the section.
        with use_language(reader_language(itin.person.preferred_language)):
            story += itinerary_story(itin, info, width, styles)
    assert target is not None  # without a folder, one file at target
    build(target, story, title="Itineraries", **meta)
    return [target]


def _people_to_print(plan: PlanFile, group_id: int | None) -> list[tuple[int, str]]:
    with plan.reading() as session:
        if group_id is not None:
            members = organizations.get_group(session, group_id).members
        else:
            members = people.list_people(session)
        return [
            (p.id, p.name_latin)
            for p in sorted(members, key=lambda p: (p.name_latin.casefold(), p.id))
        ]


def _merge(parts: list[str], out: Path, *, duplex: bool) -> None:
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import DictionaryObject, NameObject, TextStringObject

    writer = PdfWriter()
    for part in parts:
        writer.append(part)  # with its bookmarks (one per person and per day)
        if duplex and len(writer.pages) % 2:
            writer.add_blank_page()  # the next chunk's first person must start on an odd page
    if duplex and len(writer.pages) % 2:
        writer.add_blank_page()
    if parts:
        # The parts' title, author and language, which appending pages alone would lose.
        first = PdfReader(parts[0])
        writer.add_metadata({k: v for k, v in (first.metadata or {}).items() if k != "/Producer"})
        root = first.trailer["/Root"].get_object()
        if isinstance(root, DictionaryObject) and "/Lang" in root:
            writer._root_object[NameObject("/Lang")] = TextStringObject(str(root["/Lang"]))
    with open(out, "wb") as fh:
        writer.write(fh)
        fh.flush()
        os.fsync(fh.fileno())


def _fsync(path: Path) -> None:
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())


def export_itineraries(
    plan: PlanFile,
    out: Path,
    *,
    group_id: int | None = None,
    duplex: bool = False,
    paper: str = "a4",
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[Path]:
    """Everyone's (or one group's) itineraries: `out` ending in .pdf gives one combined file for
    printing (with `duplex`, each person starts on an odd page); otherwise `out` is a folder
    that receives one file per person. Returns the files written."""
    from tourplanner.export.pdf.styles import paper_size

    paper_size(paper)  # refuse a bad paper name before any work
    out = Path(out)
    to_folder = out.suffix.lower() != ".pdf"
    rows = _people_to_print(plan, group_id)
    if not rows:
        # A PDF with no pages is not a document a printer or viewer accepts: say so instead.
        raise ValidationError(
            "group" if group_id is not None else "people",
            "nobody to print: the group has no members"
            if group_id is not None
            else "nobody to print: the plan has no people yet",
        )
    names = file_names(rows) if to_folder else None
    if to_folder:
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"cannot write {out}: {os_error_sentence(exc, out)}") from exc
    else:
        check_output_folder(out)
    chunks = [[pid for pid, _ in rows[i : i + CHUNK]] for i in range(0, len(rows), CHUNK)]
    scratch = _new_scratch(out if to_folder else out.parent)
    written: list[str] = []
    parts: dict[int, str] = {}
    total, done = len(rows), 0
    workers = workers or min(2, os.cpu_count() or 1)
    if progress:
        progress(0, total)
    try:
        with ProcessPoolExecutor(
            max_workers=workers, initializer=_worker_init, initargs=(os.getpid(), str(scratch))
        ) as pool:
            futures: dict[Future, int] = {}
            for n, chunk in enumerate(chunks):
                target = None if to_folder else str(scratch / f"part-{n:05d}.pdf")
                future = pool.submit(
                    render_chunk,
                    str(plan.path),
                    chunk,
                    target,
                    names,
                    str(out) if to_folder else None,
                    paper=paper,
                    duplex=duplex,
                    scratch=str(scratch),
                )
                futures[future] = n
            pending = set(futures)
            while pending:
                finished, pending = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
                for future in finished:
                    paths = future.result()
                    written += paths
                    parts[futures[future]] = paths[0] if paths else ""
                    done += len(chunks[futures[future]])
                    if progress:
                        progress(done, total)
                if cancelled and cancelled():
                    for future in pending:
                        future.cancel()
                    pool.shutdown(wait=True, cancel_futures=True)
                    for future in pending:
                        if not future.cancelled() and future.exception() is None:
                            written += future.result()
                    raise Cancelled("the export was cancelled; nothing was kept")
        if to_folder:
            return sorted(Path(p) for p in written)
        merged = scratch / f".{out.name}.part"
        try:
            _merge([parts[n] for n in sorted(parts)], merged, duplex=duplex)
            os.replace(merged, out)
        except OSError as exc:
            raise OutputError(f"cannot write {out}: {os_error_sentence(exc, out)}") from exc
        fsync_dir(out.parent)
        return [out]
    except BaseException:
        if to_folder:
            for path in written:
                Path(path).unlink(missing_ok=True)
        raise
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

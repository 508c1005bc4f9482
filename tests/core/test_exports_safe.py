"""Every export is atomic; a killed batch export takes its workers and scratch files with it."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from tourplanner import files
from tourplanner.db import PlanFile
from tourplanner.errors import OutputError
from tourplanner.interchange.ics_export import export_ics
from tourplanner.interchange.people_export import export_people
from tourplanner.interchange.schedule_export import export_schedule


@pytest.fixture
def demo(demo_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "demo.tourplan"
    path.write_bytes(demo_template.read_bytes())
    return path


def conference(plan: PlanFile) -> int:
    from tourplanner.services import programmes

    with plan.reading() as s:
        return next(p.id for p in programmes.list_programmes(s) if p.kind == "conference")


def write_each(plan: PlanFile, out: Path, kind: str) -> None:
    from tourplanner.export import pdf

    if kind == "pdf":
        pdf.export_programme_booklet(plan, conference(plan), out)
        return
    with plan.reading() as s:
        if kind == "ics":
            export_ics(s, out)
        elif kind == "xlsx" or kind == "csv":
            export_people(s, out)
        else:
            export_schedule(s, out, programme_id=conference(plan))


KINDS = ["ics", "csv", "xlsx", "json", "pdf"]


@pytest.mark.parametrize("kind", KINDS)
def test_a_failed_export_leaves_the_earlier_file_and_no_temporary(
    demo: Path, tmp_path: Path, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / f"export.{kind}"
    with PlanFile.open(demo, read_only=True) as plan:
        write_each(plan, out, kind)
        good = out.read_bytes()
        assert len(good) > 1000

        def full(fd: int) -> None:  # the disk fills up as the new file is made durable
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(files.os, "fsync", full)
        with pytest.raises(OutputError, match=f"no space left on the disk holding {out}"):
            write_each(plan, out, kind)
    assert out.read_bytes() == good
    assert sorted(p.name for p in out_dir.iterdir()) == [out.name]


def test_an_export_to_a_missing_folder_is_one_sentence(demo: Path, tmp_path: Path) -> None:
    for args in (
        ["export", "ics", str(demo), "-o", str(tmp_path / "nope" / "x.ics")],
        ["export", "people", str(demo), "-o", str(tmp_path / "nope" / "x.csv")],
        ["export", "programme", str(demo), "-o", str(tmp_path / "nope" / "x.pdf")],
        ["export", "itineraries", str(demo), "-o", str(tmp_path / "nope" / "all.pdf")],
    ):
        result = subprocess.run(
            [sys.executable, "-m", "tourplanner", *args], capture_output=True, text=True
        )
        assert result.returncode == 2, (args, result.stderr)
        lines = result.stderr.strip().splitlines()
        assert (
            lines[-1]
            == f"error: cannot write {args[-1]}: folder {tmp_path / 'nope'} does not exist"
        )
        assert "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.tourplan"]


def test_a_temporary_left_by_a_killed_writer_is_removed_by_the_next_write(tmp_path: Path) -> None:
    target = tmp_path / "plan.ics"
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    left = tmp_path / f".plan.ics.{dead.pid}-abc123.part"
    left.write_bytes(b"half an export")
    alive = tmp_path / f".plan.ics.{os.getpid()}-def456.part"  # a running writer's: kept
    alive.write_bytes(b"in progress")
    files.write_bytes(target, b"BEGIN:VCALENDAR")
    assert sorted(p.name for p in tmp_path.iterdir()) == [alive.name, "plan.ics"]


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        text = (task / "children").read_text().split()
        found |= {int(t) for t in text}
    return found


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split(") ")[-1][0] != "Z"
    except FileNotFoundError:
        return False


def _snapshot(folder: Path) -> dict[str, int]:
    return {p.name: p.stat().st_size for p in folder.rglob("*")}


@pytest.fixture(scope="module")
def big_plan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from benchmarks.synthetic import generate_plan

    path = tmp_path_factory.mktemp("big") / "big.tourplan"
    generate_plan(path, people=300, items=1500, programmes=6, seed=1, quiet=True)
    return path


def _kill_batch_export(big_plan: Path, out: Path, *, wait_for_files: int) -> tuple[set, Path]:
    # A private temporary folder for the run: whatever it leaves there is this run's.
    private_tmp = Path(tempfile.mkdtemp(prefix="batch-tmp-", dir=out.parent.parent))
    parent = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tourplanner",
            "export",
            "itineraries",
            str(big_plan),
            "-o",
            str(out),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "TMPDIR": str(private_tmp)},
    )
    deadline = time.monotonic() + 60
    folder = out if out.suffix != ".pdf" else out.parent
    workers: set[int] = set()
    while time.monotonic() < deadline:
        workers |= _children(parent.pid)
        written = [p for p in folder.rglob("*.pdf") if p.is_file()] if folder.exists() else []
        if len(workers) >= 2 and len(written) >= wait_for_files:
            break
        time.sleep(0.05)
    assert len(workers) >= 2, "the pool did not start"
    parent.send_signal(signal.SIGKILL)
    parent.wait(timeout=10)
    gone_by = time.monotonic() + 5
    while time.monotonic() < gone_by and any(_alive(w) for w in workers):
        time.sleep(0.05)
    assert not any(_alive(w) for w in workers), "a worker outlived its parent by 5 s"
    assert list(private_tmp.iterdir()) == [], "scratch left in the temporary folder"
    private_tmp.rmdir()
    return workers, folder


def test_a_killed_folder_export_stops_its_workers_and_leaves_no_scratch(
    big_plan: Path, tmp_path: Path
) -> None:
    out = tmp_path / "itineraries"
    _kill_batch_export(big_plan, out, wait_for_files=3)
    after_kill = _snapshot(out)
    time.sleep(2)
    assert _snapshot(out) == after_kill, "files were written after the kill"
    names = sorted(after_kill)
    assert names and all(n.endswith(".pdf") and not n.startswith(".") for n in names), names
    assert len(names) < 300  # it was stopped, not finished


def test_a_killed_combined_export_leaves_neither_file_nor_scratch(
    big_plan: Path, tmp_path: Path
) -> None:
    out = tmp_path / "all.pdf"
    _kill_batch_export(big_plan, out, wait_for_files=1)  # a chunk's part in the scratch folder
    time.sleep(1)
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_a_scratch_folder_left_by_a_killed_run_is_removed_by_the_next(
    demo: Path, tmp_path: Path
) -> None:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    out = tmp_path / "people"
    out.mkdir()
    old = out / f".tourplanner-batch-{dead.pid}-xyz"
    old.mkdir()
    (old / "part-00000.pdf").write_bytes(b"someone's itinerary")
    from tourplanner.export import pdf

    with PlanFile.open(demo, read_only=True) as plan:
        written = pdf.export_itineraries(plan, out, workers=1)
    assert not old.exists()
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in written)


@pytest.mark.slow
def test_sigkill_loop_on_batch_exports(big_plan: Path, tmp_path: Path) -> None:
    """Repeated kills at varying moments: workers gone, nothing written after, no scratch."""
    trials = 10
    for n in range(trials):
        out = tmp_path / f"run-{n}"
        _kill_batch_export(big_plan, out, wait_for_files=1 + n % 4)
        after = _snapshot(out)
        time.sleep(1)
        assert _snapshot(out) == after
        assert not [name for name in after if name.startswith(".")]

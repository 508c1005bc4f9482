"""Every failure one sentence: a full disk (a real small tmpfs), read-only folders (a read-only
bind mount), a read-only file (the immutable flag: root ignores chmod), dates the app cannot
print. rc 2, one `error:` line, nothing changed."""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "interchange"


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tourplanner", *args], capture_output=True, text=True, timeout=120
    )


def one_error(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines[-1].startswith("error:"), result.stderr
    return lines[-1]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def people_count(path: Path) -> int:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?immutable=1", uri=True)
    try:
        return conn.execute("SELECT count(*) FROM people").fetchone()[0]
    finally:
        conn.close()


def _mount(*args: str) -> bool:
    if os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    where = tmp_path / "disk"
    where.mkdir()
    if not _mount("-t", "tmpfs", "-o", "size=2m", "tmpfs", str(where)):
        pytest.skip("needs root and mount to make a small tmpfs")
    yield where
    subprocess.run(["umount", "-l", str(where)], check=False)


def fill(folder: Path, *, leave: int = 0) -> Path:
    """Fill the disk holding `folder`, then give `leave` bytes back."""
    filler = folder / "filler"
    with open(filler, "wb", buffering=0) as fh:
        try:
            while True:
                fh.write(b"\0" * 4096)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
    if leave:
        os.truncate(filler, max(0, filler.stat().st_size - leave))
    return filler


def big_people_csv(path: Path, count: int) -> Path:
    rows = [f"Person {n} {'x' * 60},p{n}@example.org" for n in range(count)]
    path.write_text("Name,Email\n" + "\n".join(rows) + "\n", "utf-8")
    return path


def test_an_import_on_a_full_disk_is_a_sentence_and_changes_nothing(
    small_disk: Path, demo_template: Path, tmp_path: Path
) -> None:
    plan = small_disk / "plan.tourplan"
    shutil.copy(demo_template, plan)
    before = people_count(plan)
    csv = big_people_csv(tmp_path / "many.csv", 3000)
    fill(small_disk, leave=160 * 1024)
    line = one_error(cli("import", "people", str(plan), str(csv)))
    assert "no space left on the disk holding" in line and str(plan) in line
    (small_disk / "filler").unlink()
    assert people_count(plan) == before
    assert cli("info", str(plan)).returncode == 0
    assert sorted(p.name for p in small_disk.iterdir()) == ["plan.tourplan"]


def test_an_export_on_a_full_disk_keeps_the_earlier_file(
    small_disk: Path, demo_template: Path
) -> None:
    out = small_disk / "plan.ics"
    assert cli("export", "ics", str(demo_template), "-o", str(out)).returncode == 0
    good = out.read_bytes()
    fill(small_disk)
    line = one_error(cli("export", "ics", str(demo_template), "-o", str(out)))
    assert line == f"error: cannot write {out}: no space left on the disk holding {out}"
    assert out.read_bytes() == good
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler", "plan.ics"]


def test_a_new_plan_on_a_full_disk_leaves_nothing(small_disk: Path) -> None:
    fill(small_disk)
    line = one_error(cli("demo", str(small_disk / "new.tourplan")))
    assert "no space left on the disk holding" in line
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler"]


@pytest.fixture
def read_only_folder(tmp_path: Path, demo_template: Path) -> Iterator[Path]:
    source = tmp_path / "source"
    source.mkdir()
    shutil.copy(demo_template, source / "plan.tourplan")
    mounted = tmp_path / "read-only"
    mounted.mkdir()
    if not _mount("--bind", "-o", "ro", str(source), str(mounted)):
        pytest.skip("needs root and mount for a read-only bind mount")
    yield mounted
    subprocess.run(["umount", "-l", str(mounted)], check=False)


def test_a_plan_on_a_read_only_mount_reads_but_refuses_changes(
    read_only_folder: Path, tmp_path: Path
) -> None:
    plan = read_only_folder / "plan.tourplan"
    before = digest(plan)
    assert cli("info", str(plan)).returncode == 0
    assert cli("check", str(plan)).returncode in (0, 1)
    assert cli("doctor", str(plan)).returncode == 0
    assert cli("export", "ics", str(plan), "-o", str(tmp_path / "out.ics")).returncode == 0
    csv = big_people_csv(tmp_path / "few.csv", 2)
    line = one_error(cli("import", "people", str(plan), str(csv)))
    assert line.startswith(f"error: {plan} is read-only")
    line = one_error(cli("export", "ics", str(plan), "-o", str(read_only_folder / "x.ics")))
    assert line.endswith(f"{read_only_folder} is read-only")
    line = one_error(cli("demo", str(read_only_folder / "new.tourplan")))
    assert "read-only" in line
    assert digest(plan) == before
    assert sorted(p.name for p in read_only_folder.iterdir()) == ["plan.tourplan"]


@pytest.fixture
def immutable_plan(tmp_path: Path, demo_template: Path) -> Iterator[Path]:
    plan = tmp_path / "plan.tourplan"
    shutil.copy(demo_template, plan)
    if subprocess.run(["chattr", "+i", str(plan)], capture_output=True).returncode != 0:
        pytest.skip("needs chattr +i (root) for a file even root cannot write")
    yield plan
    subprocess.run(["chattr", "-i", str(plan)], check=False)


def test_a_read_only_plan_file_refuses_an_import_before_anything_is_made(
    immutable_plan: Path, tmp_path: Path
) -> None:
    csv = big_people_csv(tmp_path / "few.csv", 2)
    line = one_error(cli("import", "people", str(immutable_plan), str(csv)))
    assert line.startswith(f"error: {immutable_plan} is read-only")
    assert cli("info", str(immutable_plan)).returncode == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["few.csv", "plan.tourplan"]


@pytest.mark.parametrize("when", ["9999-12-31", "0001-01-01"])
def test_a_date_the_app_cannot_print_is_refused_at_import_naming_the_row(
    demo_template: Path, tmp_path: Path, when: str
) -> None:
    plan = tmp_path / "plan.tourplan"
    shutil.copy(demo_template, plan)
    before = digest(plan)
    text = (FIXTURES / "smart_cities_schedule.json").read_text("utf-8")
    schedule = tmp_path / "far.json"
    schedule.write_text(text.replace("2015-04-21T09:00", f"{when}T09:00", 1), "utf-8")
    line = one_error(cli("import", "schedule", str(plan), str(schedule)))
    assert f"days[0].rooms['Hall A'][0]: {when} is outside the years 1900-2999" in line
    stamp = when.replace("-", "")
    calendar = tmp_path / "far.ics"
    calendar.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\n"
        f"UID:far@example.org\r\nDTSTART:{stamp}T090000Z\r\nDTEND:{stamp}T100000Z\r\n"
        "SUMMARY:Far\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        "utf-8",
    )
    line = one_error(cli("import", "ics", str(plan), str(calendar), "--programme", "1"))
    assert f"line 4: DTSTART {when} is outside the years 1900-2999" in line
    assert digest(plan) == before

"""The plan file alone is the plan; refused files stay alone; one writer at a time."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tourplanner.db import PlanFile, lock, sqlite
from tourplanner.errors import PlanFileError, PlanLockedError
from tourplanner.services import plans, venues

# A writer in its own process: opens the plan, adds N venues (checkpointing after the first
# batch when asked), prints "ready" and waits to be killed or to read a line.
WRITER = """
import sys
from tourplanner.db import PlanFile
from tourplanner.services import venues
path, first, then, checkpoint = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
plan = PlanFile.open(path)
with plan.transaction() as s:
    for n in range(first):
        venues.create_venue(s, name_en=f"First {n}", timezone="Asia/Shanghai")
if checkpoint == "yes":
    plan.checkpoint()
for n in range(then):
    with plan.transaction() as s:
        venues.create_venue(s, name_en=f"Then {n}", timezone="Asia/Shanghai")
print("ready", flush=True)
sys.stdin.readline()
plan.close()
"""


def start_writer(path: Path, first: int = 0, then: int = 0, checkpoint: bool = False):
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            WRITER,
            str(path),
            str(first),
            str(then),
            "yes" if checkpoint else "no",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    line = proc.stdout.readline()
    assert line.strip() == "ready", proc.stderr.read()
    return proc


def kill(proc: subprocess.Popen) -> None:
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tourplanner", *args], capture_output=True, text=True, timeout=60
    )


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def venue_names_of_file_alone(path: Path) -> list[str]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?immutable=1", uri=True)
    try:
        return [r[0] for r in conn.execute("SELECT name_en FROM venues ORDER BY id")]
    finally:
        conn.close()


@pytest.fixture
def plan_path(tmp_path: Path) -> Path:
    path = tmp_path / "plan.tourplan"
    with PlanFile.create(path) as plan, plan.transaction() as s:
        plans.create_plan(s, title="Safe", home_timezone="Asia/Shanghai")
    return path


def names_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# --- self-contained files ------------------------------------------------------------------


def test_a_closed_plan_is_the_file_alone(plan_path: Path, tmp_path: Path) -> None:
    with PlanFile.open(plan_path) as plan, plan.transaction() as s:
        venues.create_venue(s, name_en="Ge Garden", timezone="Asia/Shanghai")
    assert names_in(tmp_path) == ["plan.tourplan"]
    elsewhere = tmp_path / "copy"
    elsewhere.mkdir()
    shutil.copy(plan_path, elsewhere / "plan.tourplan")  # only the .tourplan
    assert venue_names_of_file_alone(elsewhere / "plan.tourplan") == ["Ge Garden"]


def test_checkpoint_puts_every_commit_in_the_file_while_open(plan_path: Path) -> None:
    with PlanFile.open(plan_path) as plan:
        with plan.transaction() as s:
            venues.create_venue(s, name_en="Slender West Lake", timezone="Asia/Shanghai")
        assert venue_names_of_file_alone(plan_path) == []  # still in the -wal
        assert plan.checkpoint() is True
        assert venue_names_of_file_alone(plan_path) == ["Slender West Lake"]
        assert sqlite.wal_size(plan_path) == 0


def test_a_killed_writer_loses_no_acknowledged_commit(plan_path: Path) -> None:
    proc = start_writer(plan_path, first=3, then=2)
    kill(proc)
    assert sqlite.has_pending_wal(plan_path)
    with PlanFile.open(plan_path) as plan, plan.reading() as s:  # its stale lock is taken over
        assert len(venues.list_venues(s)) == 5
    assert names_in(plan_path.parent) == ["plan.tourplan"]


def test_a_stale_wal_beside_an_older_copy_is_said_not_replayed(
    plan_path: Path, tmp_path: Path
) -> None:
    older = tmp_path / "older.tourplan"
    shutil.copy(plan_path, older)
    proc = start_writer(plan_path, first=300, then=20, checkpoint=True)
    kill(proc)
    assert sqlite.has_pending_wal(plan_path)
    shutil.copy(older, plan_path)  # the user puts the older copy in the plan's place
    before = {name: digest(plan_path.parent / name) for name in names_in(plan_path.parent)}
    with pytest.raises(PlanFileError, match="leftover plan.tourplan-wal that does not belong"):
        PlanFile.open(plan_path)
    with pytest.raises(PlanFileError, match="does not belong"):
        PlanFile.open(plan_path, read_only=True)
    result = cli("info", str(plan_path))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.startswith("error:") and "doctor" in result.stderr
    assert {name: digest(plan_path.parent / name) for name in names_in(plan_path.parent)} == before
    assert venue_names_of_file_alone(plan_path) == []


# An older TourPlanner (or another program): SQLite's automatic checkpoints, no lock file.
RAW_WRITER = """
import os, sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
row = "INSERT INTO venues (name_en, name_local, address_en, address_local, city, country, "
row += "timezone, notes) VALUES (?, '', '', '', '', '', 'UTC', '')"
for n in range(int(sys.argv[2])):
    conn.execute(row, ("Venue %d " % n + "x" * 300,))
os.kill(os.getpid(), 9)
"""


def test_a_stale_wal_is_caught_by_the_check_even_without_a_lock_record(
    plan_path: Path, tmp_path: Path
) -> None:
    older = tmp_path / "older.tourplan"
    shutil.copy(plan_path, older)
    subprocess.run([sys.executable, "-c", RAW_WRITER, str(plan_path), "6000"], timeout=60)
    assert sqlite.has_pending_wal(plan_path) and not lock.lock_path(plan_path).exists()
    shutil.copy(older, plan_path)
    before = {name: digest(plan_path.parent / name) for name in names_in(plan_path.parent)}
    with pytest.raises(PlanFileError, match="does not belong"):
        PlanFile.open(plan_path)
    assert {name: digest(plan_path.parent / name) for name in names_in(plan_path.parent)} == before


def test_a_damaged_plan_is_refused_pointing_to_doctor_and_backups(plan_path: Path) -> None:
    with PlanFile.open(plan_path) as plan, plan.transaction() as s:
        for n in range(400):
            venues.create_venue(s, name_en=f"Venue {n}", timezone="Asia/Shanghai")
    data = bytearray(plan_path.read_bytes())
    page = 4096
    data[page * 5 : page * 5 + 200] = os.urandom(200)
    plan_path.write_bytes(bytes(data))
    with pytest.raises(PlanFileError, match=r"damaged.*tourplanner doctor.*tourplanner backups"):
        PlanFile.open(plan_path)
    result = cli("info", str(plan_path))
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert names_in(plan_path.parent) == ["plan.tourplan"]
    assert plan_path.read_bytes() == bytes(data)


def test_a_wal_mode_foreign_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "contacts.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()
    before = digest(path)
    for read_only in (False, True):
        with pytest.raises(PlanFileError, match="not a TourPlanner plan"):
            PlanFile.open(path, read_only=read_only)
    assert cli("import", "people", str(path), str(path)).returncode == 2
    assert digest(path) == before
    assert names_in(tmp_path) == ["contacts.db"]


# --- one writer ------------------------------------------------------------------------------


def test_a_second_writer_is_refused_at_once_naming_the_holder(
    plan_path: Path, tmp_path: Path
) -> None:
    holder = start_writer(plan_path, first=1)
    try:
        started = time.monotonic()
        with pytest.raises(
            PlanLockedError, match=rf"open for writing by .* on {socket.gethostname()}"
        ):
            PlanFile.open(plan_path)
        csv = tmp_path / "x.csv"
        csv.write_text("Name,Email\nNew Comer,new@example.org\n", "utf-8")
        result = cli("import", "people", str(plan_path), str(csv))
        assert time.monotonic() - started < 8  # at once, not after a busy timeout
        assert result.returncode == 2
        assert result.stderr.startswith("error:") and f"pid {holder.pid}" in result.stderr
        assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1
        # Reading works on a locked plan.
        info = cli("info", str(plan_path), "--json")
        assert info.returncode == 0, info.stderr
        assert json.loads(info.stdout)["counts"]["venues"] == 1
        assert cli("check", str(plan_path)).returncode == 0
        out = tmp_path / "people.csv"
        assert cli("export", "people", str(plan_path), "-o", str(out)).returncode == 0
        with PlanFile.open(plan_path, read_only=True) as plan:
            with plan.reading() as s:
                assert [v.name_en for v in venues.list_venues(s)] == ["First 0"]
            with pytest.raises(PlanFileError, match="read-only"), plan.transaction():
                pass
    finally:
        holder.stdin.write("\n")
        holder.stdin.flush()
        holder.wait(timeout=20)
    assert holder.returncode == 0
    with PlanFile.open(plan_path):  # released on close
        pass


def test_a_lock_left_by_a_dead_program_here_is_taken_over(plan_path: Path) -> None:
    holder = start_writer(plan_path)
    kill(holder)
    assert lock.lock_path(plan_path).exists()
    assert lock.read_holder(plan_path) is None
    with PlanFile.open(plan_path) as plan:
        assert lock.read_holder(plan_path).pid == os.getpid()
        with plan.transaction() as s:
            venues.create_venue(s, name_en="After", timezone="UTC")
    assert not lock.lock_path(plan_path).exists()


def test_another_computers_lock_is_shown_and_can_be_broken(plan_path: Path) -> None:
    record = {
        "user": "wang",
        "host": "laptop-of-wang",
        "program": "tourplanner",
        "pid": 4242,
        "since": "2026-12-01T08:00:00+00:00",
        "base": None,
    }
    lock.lock_path(plan_path).write_text(json.dumps(record), "utf-8")
    with pytest.raises(PlanLockedError, match=r"wang on laptop-of-wang \(tourplanner, pid 4242\)"):
        PlanFile.open(plan_path)
    result = cli("doctor", str(plan_path), "--break-lock")
    assert result.returncode in (0, 1), result.stderr
    assert "laptop-of-wang" in result.stdout
    with PlanFile.open(plan_path):
        pass


def test_a_lock_held_by_a_running_program_here_is_not_broken(plan_path: Path) -> None:
    holder = start_writer(plan_path)
    try:
        with pytest.raises(PlanLockedError):
            lock.break_lock(plan_path)
        assert lock.read_holder(plan_path).pid == holder.pid
    finally:
        kill(holder)


def test_a_busy_database_is_a_sentence(plan_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sqlite, "BUSY_TIMEOUT_MS", 300)
    other = sqlite3.connect(plan_path, isolation_level=None)  # another program, no lock file
    other.execute("BEGIN IMMEDIATE")
    try:
        plan = PlanFile.open(plan_path)
        with pytest.raises(PlanFileError, match="busy"), plan.transaction() as s:
            venues.create_venue(s, name_en="Blocked", timezone="UTC")
        plan.close()
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_refused_wal_mode_files_get_nothing_beside_them_from_any_command(
    plan_path: Path, tmp_path: Path
) -> None:
    conn = sqlite3.connect(plan_path)  # still in WAL mode, as the app leaves it
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    truncated = tmp_path / "cut.tourplan"
    truncated.write_bytes(plan_path.read_bytes()[: 4096 * 2])
    csv = tmp_path / "x.csv"
    csv.write_text("Name,Email\nNew Comer,new@example.org\n", "utf-8")
    before = names_in(tmp_path)
    for path, words in ((plan_path, "newer version"), (truncated, "damaged")):
        for args in (
            ["info", str(path)],
            ["check", str(path)],
            ["import", "people", str(path), str(csv)],
            ["export", "ics", str(path), "-o", str(tmp_path / "out.ics")],
            ["doctor", str(path), "--repair"],
        ):
            result = cli(*args)
            assert result.returncode in (1, 2), (args, result.stderr)
            assert "Traceback" not in result.stderr
            if args[0] != "doctor":
                assert words in result.stderr, (args, result.stderr)
        assert names_in(tmp_path) == before, path

"""Rolling automatic backups in the user data folder, listed and restored from the CLI."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tourplanner.db import PlanFile, backups, lock, sqlite
from tourplanner.errors import PlanFileError, PlanLockedError
from tourplanner.services import plans, venues

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tourplanner", *args], capture_output=True, text=True, timeout=60
    )


def venue_names(path: Path) -> list[str]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?immutable=1", uri=True)
    try:
        return [r[0] for r in conn.execute("SELECT name_en FROM venues ORDER BY id")]
    finally:
        conn.close()


@pytest.fixture
def plan_path(tmp_path: Path) -> Path:
    path = tmp_path / "plan.tourplan"
    with PlanFile.create(path) as plan, plan.transaction() as s:
        plans.create_plan(s, title="Backed up", home_timezone="Asia/Shanghai")
        venues.create_venue(s, name_en="Ge Garden", timezone="Asia/Shanghai")
    return path


def test_backups_live_in_the_user_data_folder_never_beside_the_plan(
    plan_path: Path, private_data_dir: Path
) -> None:
    made = backups.make_backup(plan_path, reason="auto")
    assert made.is_relative_to(private_data_dir)
    assert sorted(p.name for p in plan_path.parent.iterdir()) == ["plan.tourplan"]
    assert venue_names(made) == ["Ge Garden"]
    conn = sqlite3.connect(made)
    try:  # a backup stands alone: no WAL flag, so nothing is created beside it when read
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        conn.close()


def test_an_upgrade_is_backed_up_in_the_data_folder(tmp_path: Path, private_data_dir: Path) -> None:
    path = tmp_path / "old.tourplan"
    shutil.copy(FIXTURES / "plan-0001.tourplan", path)
    with PlanFile.open(path) as plan:
        assert plan.backup_path.is_relative_to(private_data_dir)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.tourplan"]
    [listed] = backups.list_backups(path)
    assert listed.reason == "0001" and listed.items == 1 and listed.people == 1


def test_every_import_is_preceded_by_a_verified_backup(plan_path: Path, tmp_path: Path) -> None:
    csv = tmp_path / "x.csv"
    csv.write_text("Name,Email\nNew Comer,new@example.org\n", "utf-8")
    assert cli("import", "people", str(plan_path), str(csv), "--dry-run").returncode == 0
    assert backups.list_backups(plan_path) == []  # a dry run writes nothing, backs up nothing
    assert cli("import", "people", str(plan_path), str(csv)).returncode == 0
    [before] = backups.list_backups(plan_path)
    assert before.reason == "import" and before.people == 0 and before.items == 0
    result = cli("backups", str(plan_path))
    assert result.returncode == 0
    line = result.stdout.strip()
    assert line.startswith(f"{before.path}  ")
    assert "0 items, 0 people" in line and "UTC" in line and "KiB" in line


def test_the_listing_is_newest_first_and_plain_values(plan_path: Path) -> None:
    first = backups.make_backup(plan_path, reason="auto")
    with PlanFile.open(plan_path) as plan:
        with plan.transaction() as s:
            venues.create_venue(s, name_en="Slender West Lake", timezone="Asia/Shanghai")
        second = backups.backup_open_plan(plan)
    listed = backups.backup_list(plan_path)
    assert [row["path"] for row in listed] == [str(second), str(first)]
    assert listed[0]["items"] == 0 and listed[0]["size"] == second.stat().st_size
    assert isinstance(listed[0]["taken"], str)
    out = cli("backups", str(plan_path)).stdout.splitlines()
    assert [line.split("  ")[0] for line in out] == [str(second), str(first)]


def test_maybe_backup_every_30_minutes_and_on_close_when_changed(plan_path: Path) -> None:
    with PlanFile.open(plan_path) as plan:
        assert backups.maybe_backup(plan) is None  # nothing changed
        with plan.transaction() as s:
            venues.create_venue(s, name_en="A", timezone="UTC")
        first = backups.maybe_backup(plan)
        assert first is not None
        with plan.transaction() as s:
            venues.create_venue(s, name_en="B", timezone="UTC")
        assert backups.maybe_backup(plan) is None  # the last one is younger than 30 minutes
        later = datetime.now(UTC) + timedelta(minutes=31)
        assert backups.maybe_backup(plan, now=later) is not None
        assert backups.maybe_backup(plan, closing=True) is None  # nothing since
        with plan.transaction() as s:
            venues.create_venue(s, name_en="C", timezone="UTC")
        on_close = backups.maybe_backup(plan, closing=True)
    assert venue_names(on_close) == ["Ge Garden", "A", "B", "C"]
    assert [b.reason for b in backups.list_backups(plan_path)] == ["close", "auto", "auto"]


def test_rolling_rule_keeps_ten_then_one_a_day_then_one_a_week() -> None:
    now = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)
    hourly_today = [now - timedelta(hours=h, minutes=1) for h in range(12)]  # 12 today
    daily = [now - timedelta(days=d, hours=1) for d in range(1, 10)]  # 9 earlier days
    weekly = [now - timedelta(weeks=w, hours=3) for w in range(2, 8)]  # up to 7 weeks back
    kept = backups.to_keep(hourly_today + daily + weekly, now)
    newest_ten = sorted(hourly_today + daily + weekly, reverse=True)[:10]
    assert set(newest_ten) <= kept
    for d in range(1, 7):  # one a day for 7 days (today and the 6 before)
        assert now - timedelta(days=d, hours=1) in kept
    assert now - timedelta(days=9, hours=1) not in kept  # same ISO week as a kept newer one
    for w in (2, 3):  # within 4 weeks: one per week
        assert now - timedelta(weeks=w, hours=3) in kept
    for w in (5, 6, 7):  # older than 4 weeks: gone
        assert now - timedelta(weeks=w, hours=3) not in kept


def test_prune_removes_the_files_beyond_the_rule(plan_path: Path) -> None:
    made = [backups.make_backup(plan_path) for _ in range(13)]
    remaining = {b.path for b in backups.list_backups(plan_path)}
    # All taken today: the newest 10 are kept (the day's newest and week's newest among them).
    assert remaining == set(made[-10:])


def test_restore_backs_up_the_current_state_and_drops_a_stale_wal(plan_path: Path) -> None:
    good = backups.make_backup(plan_path)
    writer = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys\n"
            "from tourplanner.db import PlanFile\n"
            "from tourplanner.services import venues\n"
            "plan = PlanFile.open(sys.argv[1])\n"
            "with plan.transaction() as s:\n"
            "    venues.create_venue(s, name_en='Later', timezone='UTC')\n"
            "print('ready', flush=True)\n"
            "sys.stdin.readline()\n",
            str(plan_path),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert writer.stdout.readline().strip() == "ready"
    try:
        result = cli("restore", str(plan_path), str(good))  # refused while it is open
        assert result.returncode == 2 and "open for writing by" in result.stderr
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=10)
    assert sqlite.has_pending_wal(plan_path)  # 'Later' sits in the -wal
    result = cli("restore", str(plan_path), str(good))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in plan_path.parent.iterdir()) == ["plan.tourplan"]
    assert venue_names(plan_path) == ["Ge Garden"]
    before = [b for b in backups.list_backups(plan_path) if b.reason == "restore"]
    assert len(before) == 1 and venue_names(before[0].path) == ["Ge Garden", "Later"]
    with PlanFile.open(plan_path) as plan, plan.reading() as s:
        assert [v.name_en for v in venues.list_venues(s)] == ["Ge Garden"]


def test_restore_over_a_damaged_plan_keeps_its_bytes(plan_path: Path) -> None:
    good = backups.make_backup(plan_path)
    damaged = b"SQLite format 3\x00" + os.urandom(5000)
    plan_path.write_bytes(damaged)
    before = backups.restore(plan_path, good)
    assert before.read_bytes() == damaged and before.name.startswith(
        "plan.tourplan.backup-damaged-"
    )
    assert venue_names(plan_path) == ["Ge Garden"]


def test_restore_refuses_a_bad_backup_and_changes_nothing(plan_path: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.tourplan"
    bad.write_bytes(b"not a plan")
    before = plan_path.read_bytes()
    result = cli("restore", str(plan_path), str(bad))
    assert result.returncode == 2 and result.stderr.startswith("error:")
    assert plan_path.read_bytes() == before
    with pytest.raises(PlanFileError, match="not the plan itself"):
        backups.restore(plan_path, plan_path)


def test_restore_is_refused_while_another_program_writes(plan_path: Path) -> None:
    good = backups.make_backup(plan_path)
    lock.lock_path(plan_path).write_text(
        '{"user": "li", "host": "other-pc", "program": "tourplanner", "pid": 7, '
        '"since": "2026-12-01T09:00:00+00:00", "base": null}',
        "utf-8",
    )
    with pytest.raises(PlanLockedError, match="li on other-pc"):
        backups.restore(plan_path, good)

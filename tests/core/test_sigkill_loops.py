"""SIGKILL at random moments during edits, imports and an upgrade: nothing acknowledged is lost,
an import is all or nothing, the file stays sound and opens for writing again (its lock taken
over), and nothing is left beside it once reopened and closed.

Slow: run with TOURPLANNER_SLOW_TESTS=1 (as .ci/run does) or `-m slow`."""

from __future__ import annotations

import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tourplanner.db import PlanFile, migrate
from tourplanner.services import plans

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
EDIT_TRIALS, IMPORT_TRIALS, UPGRADE_TRIALS = 20, 10, 10

EDITOR = """
import sys
from tourplanner.db import PlanFile
from tourplanner.services import venues
plan = PlanFile.open(sys.argv[1])
n = 0
while True:
    with plan.transaction() as s:
        venues.create_venue(s, name_en=f"Venue {n}", timezone="Asia/Shanghai")
    print(n, flush=True)  # acknowledged: the commit returned
    n += 1
    if n % 25 == 0:
        plan.checkpoint()
"""


def check_sound(path: Path) -> None:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()


def reopen_and_close(path: Path) -> None:
    with PlanFile.open(path) as plan, plan.transaction():
        pass
    assert sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name)) == [
        path.name
    ]


def new_plan(path: Path) -> Path:
    with PlanFile.create(path) as plan, plan.transaction() as s:
        plans.create_plan(s, title="Killed", home_timezone="Asia/Shanghai")
    return path


@pytest.mark.slow
def test_sigkill_during_edits_loses_nothing_acknowledged(tmp_path: Path) -> None:
    rng = random.Random(11)
    path = new_plan(tmp_path / "edits.tourplan")
    expected = 0
    for _ in range(EDIT_TRIALS):
        proc = subprocess.Popen(
            [sys.executable, "-c", EDITOR, str(path)], stdout=subprocess.PIPE, text=True
        )
        time.sleep(rng.uniform(0.8, 2.0))
        proc.send_signal(signal.SIGKILL)
        acknowledged = proc.stdout.read().split()
        proc.wait()
        expected += len(acknowledged)
        conn = sqlite3.connect(path)
        try:
            stored = conn.execute("SELECT count(*) FROM venues").fetchone()[0]
        finally:
            conn.close()
        # Every acknowledged commit is there; at most the one in flight may be there too.
        assert expected <= stored <= expected + 1
        expected = stored
        check_sound(path)
    reopen_and_close(path)


@pytest.mark.slow
def test_sigkill_during_imports_is_all_or_nothing(tmp_path: Path) -> None:
    rng = random.Random(12)
    base = new_plan(tmp_path / "base.tourplan")
    csv = tmp_path / "people.csv"
    rows = [f"Person {n},p{n}@example.org" for n in range(1500)]
    csv.write_text("Name,Email\n" + "\n".join(rows) + "\n", "utf-8")
    outcomes = []
    for trial in range(IMPORT_TRIALS):
        folder = tmp_path / f"trial-{trial}"
        folder.mkdir()
        path = folder / "plan.tourplan"
        shutil.copy(base, path)
        proc = subprocess.Popen(
            [sys.executable, "-m", "tourplanner", "import", "people", str(path), str(csv)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.5, 5.0))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        conn = sqlite3.connect(path)
        after = conn.execute("SELECT count(*) FROM people").fetchone()[0]
        conn.close()
        assert after in (0, 1500), after
        outcomes.append("all" if after else "none")
        check_sound(path)
        reopen_and_close(path)
    print(f"imports killed ({IMPORT_TRIALS}): {outcomes}")


@pytest.mark.slow
def test_sigkill_during_an_upgrade_leaves_the_old_or_the_new_schema(tmp_path: Path) -> None:
    rng = random.Random(13)
    outcomes = []
    for trial in range(UPGRADE_TRIALS):
        path = tmp_path / f"old-{trial}.tourplan"
        shutil.copy(FIXTURES / "plan-0001.tourplan", path)
        proc = subprocess.Popen(
            [sys.executable, "-m", "tourplanner", "info", str(path)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.5, 3.5))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        conn = sqlite3.connect(path)
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        conn.close()
        assert revision in ("0001", migrate.head_revision())
        outcomes.append(revision)
        check_sound(path)
        with PlanFile.open(path) as plan, plan.reading() as s:  # upgrades now if it was not
            assert plans.get_plan(s).title == "Study tour 2014"
        reopen_and_close(path)
    print(f"upgrades killed ({UPGRADE_TRIALS}): {outcomes}")

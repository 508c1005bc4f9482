"""Paths are paths: a plan's name reaches SQLite as a file name, never parsed as a URL."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ODD_NAMES = [
    "plan%20a.tourplan",
    "new?x=1.tourplan",
    "plan#2.tourplan",
    "my plan.tourplan",
    'it\'s "ours".tourplan',
    "会议计划.tourplan",
    "%3F%23 ?#.tourplan",
]


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tourplanner", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=os.environ.copy(),
    )


def people_count(path: Path) -> int:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?immutable=1", uri=True)
    try:
        return conn.execute("SELECT count(*) FROM people").fetchone()[0]
    finally:
        conn.close()


@pytest.mark.parametrize("name", ODD_NAMES)
def test_demo_import_and_info_use_exactly_the_named_file(tmp_path: Path, name: str) -> None:
    # The neighbour a URL reading of the name would hit ('plan a', 'new', 'plan'...).
    result = cli("demo", name, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]
    before = people_count(tmp_path / name)
    (tmp_path / "x.csv").write_text("Name,Email\nNew Comer,new@example.org\n", "utf-8")
    result = cli("import", "people", name, "x.csv", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert people_count(tmp_path / name) == before + 1
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([name, "x.csv"])
    result = cli("info", name, "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert f'"people": {before + 1}' in result.stdout


def test_percent_name_beside_its_decoded_twin_changes_only_itself(tmp_path: Path) -> None:
    """`import people 'plan%20a.tourplan'` once changed 'plan a.tourplan'."""
    assert cli("demo", "plan a.tourplan", cwd=tmp_path).returncode == 0
    assert cli("demo", "plan%20a.tourplan", cwd=tmp_path).returncode == 0
    twin = people_count(tmp_path / "plan a.tourplan")
    (tmp_path / "x.csv").write_text("Name,Email\nNew Comer,new@example.org\n", "utf-8")
    assert cli("import", "people", "plan%20a.tourplan", "x.csv", cwd=tmp_path).returncode == 0
    assert people_count(tmp_path / "plan a.tourplan") == twin
    assert people_count(tmp_path / "plan%20a.tourplan") == twin + 1


def test_a_symlinked_plan_is_written_through_the_link(tmp_path: Path) -> None:
    real_dir = tmp_path / "real"
    real_dir.mkdir()
    assert cli("demo", str(real_dir / "plan.tourplan"), cwd=tmp_path).returncode == 0
    link = tmp_path / "link.tourplan"
    link.symlink_to(real_dir / "plan.tourplan")
    before = people_count(link)
    (tmp_path / "x.csv").write_text("Name,Email\nNew Comer,new@example.org\n", "utf-8")
    result = cli("import", "people", "link.tourplan", "x.csv", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert link.is_symlink()
    assert people_count(real_dir / "plan.tourplan") == before + 1
    # The -wal, -shm and lock belong beside the real file; none is left after the command.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.tourplan", "real", "x.csv"]
    assert sorted(p.name for p in real_dir.iterdir()) == ["plan.tourplan"]

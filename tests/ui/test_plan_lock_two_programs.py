"""Two programs at once: the app (offscreen) holds the plan; a CLI import is refused at once,
naming it, while reading commands work; once the app closes the plan, the CLI may write."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tourplanner", *args], capture_output=True, text=True, timeout=60
    )


def test_a_cli_import_is_refused_while_the_app_has_the_plan(window, tmp_path: Path) -> None:
    plan = window.plan.path
    csv = tmp_path / "x.csv"
    csv.write_text("Name,Email\nNew Comer,new@example.org\n", "utf-8")
    started = time.monotonic()
    result = cli("import", "people", str(plan), str(csv))
    assert time.monotonic() - started < 10
    assert result.returncode == 2
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f"error: {plan} is open for writing by ")
    assert f"pid {os.getpid()}" in line and "open the plan read-only" in line
    assert cli("info", str(plan)).returncode == 0
    assert cli("check", str(plan)).returncode in (0, 1)
    window.close()
    window.plan.close()
    result = cli("import", "people", str(plan), str(csv))
    assert result.returncode == 0, result.stderr

"""Shared fixtures: real plan files in tmp_path, Qt offscreen for the UI tests."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

# Set before any Qt import so GUI tests never need a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tourplanner.db import PlanFile  # noqa: E402
from tourplanner.demo import write_demo_plan  # noqa: E402
from tourplanner.services import plans  # noqa: E402


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Long loops (the `slow` marker) run in CI (.ci/run sets TOURPLANNER_SLOW_TESTS=1) or when
    asked for with `-m slow`, not in every local run."""
    if os.environ.get("TOURPLANNER_SLOW_TESTS") == "1" or "slow" in (config.getoption("-m") or ""):
        return
    skip = pytest.mark.skip(reason="slow: set TOURPLANNER_SLOW_TESTS=1 or pass -m slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def private_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Backups, logs and other per-user files go to fresh folders, never into the real home."""
    folder = tmp_path_factory.mktemp("user-data")
    monkeypatch.setenv("TOURPLANNER_DATA_DIR", str(folder))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path_factory.mktemp("user-state")))
    return folder


@pytest.fixture
def plan_file(tmp_path: Path) -> PlanFile:
    """A new, empty plan file on disk with its plan record (home zone Asia/Shanghai)."""
    plan = PlanFile.create(tmp_path / "test.tourplan")
    with plan.transaction() as s:
        plans.create_plan(s, title="Test plan", home_timezone="Asia/Shanghai", organization="ICMA")
    yield plan
    plan.close()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    """The demo plan, written once per test run (a closed file: no WAL left beside it)."""
    path = tmp_path_factory.mktemp("demo") / "demo.tourplan"
    write_demo_plan(path)
    return path


@pytest.fixture
def demo_path(demo_template: Path, tmp_path: Path) -> Path:
    """A test's own copy of the demo plan, free to change."""
    path = tmp_path / "demo.tourplan"
    shutil.copyfile(demo_template, path)
    return path

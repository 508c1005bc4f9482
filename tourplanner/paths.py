"""Where TourPlanner keeps its own files (the demo plan) and where resources are."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_path

PACKAGE_DIR = Path(__file__).resolve().parent
RESOURCES_DIR = PACKAGE_DIR.parent / "resources"


def data_dir() -> Path:
    """The per-user data folder, created on first use."""
    path = user_data_path("TourPlanner", appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def demo_plan_path() -> Path:
    """Where the demo plan lives when the app opens it with no other plan."""
    return data_dir() / "demo.tourplan"

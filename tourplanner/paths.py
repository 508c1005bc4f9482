"""Where TourPlanner keeps its own files (the demo plan, the log) and where its resources are."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from platformdirs import user_data_path, user_log_path

APP_NAME = "TourPlanner"


def _resources_dir() -> Path:
    # The resources ship inside the package (wheel, sdist, frozen bundle alike) and are found
    # through importlib.resources, never beside the source tree. reportlab and Qt want file
    # names, so the package must be installed as files on disk (it is: a wheel is unpacked, and
    # PyInstaller collects data files into its folder), not imported from a zip.
    folder = files("tourplanner") / "resources"
    if not isinstance(folder, Path):
        raise RuntimeError(f"TourPlanner's resources are not files on disk ({folder!r})")
    return folder


RESOURCES_DIR = _resources_dir()


def resource(*parts: str) -> Path:
    """A file shipped with the app, e.g. `resource("fonts", "DejaVuSans.ttf")`."""
    return RESOURCES_DIR.joinpath(*parts)


def data_dir() -> Path:
    """The per-user data folder, created on first use."""
    path = user_data_path(APP_NAME, appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    """The per-user log folder (not created here: the log handler creates it when it writes)."""
    return user_log_path(APP_NAME, appauthor=False)


def demo_plan_path() -> Path:
    """Where the demo plan lives when the app opens it with no other plan."""
    return data_dir() / "demo.tourplan"

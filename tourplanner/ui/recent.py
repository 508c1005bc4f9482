"""The recently opened plans, kept in QSettings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

RECENT_KEY = "plans/recent"
LAST_PLAN_KEY = "plans/last"
KEEP = 8


def remember(path: Path | str) -> None:
    """Put a plan first in the recent list and make it the one opened next time."""
    if isinstance(path, str):  # a team plan's URL (never with its password: see shown())
        return
    path = path.resolve()
    settings = QSettings()
    paths = [p for p in _stored(settings) if p != str(path)]
    settings.setValue(RECENT_KEY, [str(path), *paths][:KEEP])
    settings.setValue(LAST_PLAN_KEY, str(path))


def recent_plans() -> tuple[list[Path], list[Path]]:
    """The recent plans that still exist, and those that no longer do (now forgotten)."""
    settings = QSettings()
    stored = [Path(p) for p in _stored(settings)]
    present = [p for p in stored if p.is_file()]
    gone = [p for p in stored if not p.is_file()]
    if gone:
        settings.setValue(RECENT_KEY, [str(p) for p in present])
    return present, gone


def last_plan() -> Path | None:
    value = str(QSettings().value(LAST_PLAN_KEY, "", str) or "")
    return Path(value) if value and Path(value).is_file() else None


def _stored(settings: QSettings) -> list[str]:
    value = settings.value(RECENT_KEY, [])
    if isinstance(value, str):  # QSettings gives a lone string for a one-item list
        return [value]
    return [str(v) for v in value] if isinstance(value, list) else []

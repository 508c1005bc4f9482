"""Asking which file to read or write: the one place every file dialog goes through.

Each kind of file (plans, exports, imports) remembers the folder it was last used in (in
QSettings); the first time, dialogs start in the user's documents folder, never in whatever
the working directory happens to be.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

PLANS, EXPORTS, IMPORTS = "plans", "exports", "imports"
# Exports keep the key the itinerary preview used: folders users chose before are remembered.
KEYS = {PLANS: "folders/plans", EXPORTS: "person_view/export_folder", IMPORTS: "folders/imports"}


def documents_folder() -> Path:
    """The user's documents folder (their home when the system names none)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found and Path(found).is_dir() else Path.home()


def last_folder(kind: str) -> Path:
    """Where a dialog for this kind of file starts: the folder used last, if still there."""
    value = QSettings().value(KEYS[kind])
    folder = Path(str(value)) if value else None
    return (
        folder
        if folder is not None and folder.is_absolute() and folder.is_dir()
        else (documents_folder())
    )


def remember_folder(kind: str, chosen: Path) -> None:
    QSettings().setValue(KEYS[kind], str(chosen.parent))


def save_path(
    parent: QWidget, title: str, suggested: str, filters: str, *, kind: str = EXPORTS
) -> Path | None:
    """The file the user chose to write, or None when they cancelled."""
    start = last_folder(kind) / Path(suggested).name
    name, _ = QFileDialog.getSaveFileName(parent, title, str(start), filters)
    if not name:
        return None
    remember_folder(kind, Path(name))
    return Path(name)


def open_path(
    parent: QWidget, title: str, filters: str, *, kind: str, start: Path | None = None
) -> Path | None:
    """The file the user chose to read, or None when they cancelled."""
    folder = start if start is not None and start.is_dir() else last_folder(kind)
    name, _ = QFileDialog.getOpenFileName(parent, title, str(folder), filters)
    if not name:
        return None
    remember_folder(kind, Path(name))
    return Path(name)

"""Asking where to write a file: the one save dialog every command uses."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget


def save_path(parent: QWidget, title: str, suggested: str, filters: str) -> Path | None:
    """The file the user chose to write, or None when they cancelled."""
    name, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    return Path(name) if name else None

"""UI test fixtures: private QSettings, and the main window on a fresh copy of the demo plan."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QDialog

from tourplanner.db import PlanFile
from tourplanner.ui.app import create_application
from tourplanner.ui.window.main_window import MainWindow


@pytest.fixture(autouse=True)
def private_settings(tmp_path_factory) -> None:
    """UI tests keep their QSettings in a temporary folder, never in the user's own settings."""
    folder = tmp_path_factory.mktemp("settings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))


@pytest.fixture
def window(qtbot, demo_path: Path):
    """The main window on the demo plan, as `scripts/start` opens it."""
    create_application()
    win = MainWindow(PlanFile.open(demo_path))
    qtbot.addWidget(win)
    yield win
    # A dialog a test left open would stay modal and block the next test's window.
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.reject()
    win.close()  # waits for its threads (conflict check, days read ahead) before the file closes
    win.plan.close()

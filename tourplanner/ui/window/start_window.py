"""The window shown the moment the app starts, while the database layer loads and the plan
opens: the main window's size and place, the plan's name, nothing that needs the plan."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


class StartWindow(QMainWindow):
    """Painted before SQLAlchemy and Alembic are imported; the main window takes its place."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("{name} — TourPlanner").format(name=path.name))
        label = QLabel(self.tr("Opening {name}…").format(name=path.name))
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setAccessibleName(self.tr("Opening the plan"))
        self.setCentralWidget(label)
        self.resize(1440, 900)
        geometry = QSettings().value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)

    def show_now(self) -> None:
        """Show and paint at once, before the slow imports that follow."""
        self.show()
        self.repaint()
        QApplication.processEvents()

"""The window shown the moment the app starts, while the database layer loads and the plan
opens: the main window's size and place, the plan's name, nothing that needs the plan."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from tourplanner.ui.tasks import TaskRunner


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
        self._waiting: QEventLoop | None = None  # while `load` waits: a close ends the wait

    def show_now(self) -> None:
        """Show and paint at once, before the slow imports that follow."""
        self.show()
        self.repaint()
        QApplication.processEvents()

    def load(self, job: Callable[[], object]) -> bool:
        """Run `job` (the database layer's imports) on the task runner, this window live the
        while: it repaints, moves and resizes, and may be closed. Whether it is still open
        (closed, the app is to quit rather than open the plan).

        An import cannot be stopped: a window closed meanwhile waits for it to end."""
        tasks = TaskRunner(self, workers=1)
        self._waiting = QEventLoop()
        tasks.idle.connect(self._waiting.quit)  # the answer comes through this loop
        tasks.run(lambda _state: job())
        if self.isVisible():
            self._waiting.exec()
        self._waiting = None
        tasks.shut_down()
        return self.isVisible()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        if self._waiting is not None:
            self._waiting.quit()
        super().closeEvent(event)

"""Start the desktop app: QApplication, fonts, which plan to open, the main window."""

from __future__ import annotations

import importlib
import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from tourplanner import __version__
from tourplanner.desktop import APP_ID
from tourplanner.errors import TourPlannerError
from tourplanner.paths import RESOURCES_DIR, demo_plan_path
from tourplanner.ui import crash
from tourplanner.ui.language import add_cjk_font, apply_language, startup_language
from tourplanner.ui.recent import last_plan, remember

log = logging.getLogger("tourplanner.ui")


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with TourPlanner's names (for QSettings) and its bundled CJK font."""
    found = QApplication.instance()
    app = found if isinstance(found, QApplication) else None
    app = app or QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName("TourPlanner")
    app.setApplicationName("TourPlanner")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)  # the window matches its launcher (Wayland, GNOME)
    icon = RESOURCES_DIR / "icons" / "tourplanner.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    # Chinese names, addresses and the Chinese UI must render where the system has no CJK font.
    add_cjk_font(app)
    return app


def choose_plan(plan_path: Path | None, *, demo: bool) -> Path:
    """The plan to open: the one given, else the last one, else the demo (written if missing)."""
    if plan_path is not None:
        return plan_path
    if not demo and (last := last_plan()) is not None:
        return last
    path = demo_plan_path()
    if not path.exists():
        from tourplanner.demo import write_demo_plan

        write_demo_plan(path)
    return path


def _database_layer() -> None:
    """Import the plan file's layer: SQLAlchemy, the models, the services. Pure Python, so it
    is imported on the task runner, the start window live the while; most of the main
    window's import time."""
    importlib.import_module("tourplanner.planfile")


def run(plan_path: Path | None, *, demo: bool = False, lang: str | None = None) -> int:
    """Open the main window on a plan and run the event loop; returns the exit status.

    A start window is painted first; only then is the database layer imported, on the task
    runner (SQLAlchemy and Alembic alone took twice as long as a bare window to appear), and
    then the main window.
    """
    app = create_application()
    apply_language(app, startup_language(lang))  # before the first window: it is built translated
    crash.install()
    try:
        path = choose_plan(plan_path, demo=demo)
    except TourPlannerError as exc:
        log.error("the plan could not be opened: %s", exc)
        QMessageBox.critical(
            None,
            QCoreApplication.translate("app", "TourPlanner"),
            QCoreApplication.translate("app", "The plan could not be opened.\n\n{exc}").format(
                exc=exc
            ),
        )
        return 2
    from tourplanner.ui.window.start_window import StartWindow

    start = StartWindow(path)
    start.show_now()
    if not start.load(_database_layer):
        return 0  # closed before the plan opened
    from tourplanner.ui.window.main_window import MainWindow
    from tourplanner.ui.window.opening import open_or_ask

    plan = open_or_ask(start, path)  # a plan another program writes: read-only, if wished
    if plan is None:
        start.close()
        return 2
    remember(path)
    window = MainWindow(plan)
    window.setGeometry(start.geometry())
    window.show()
    start.close()
    try:
        return app.exec()
    finally:
        window.plan.close()  # the plan shown last (File > Open may have switched)

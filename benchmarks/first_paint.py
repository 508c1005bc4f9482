"""Start the app (or a bare PySide6 window) and report the first painted window, then quit.

Run in a fresh process: prints one JSON line with the seconds from the start of the process
to the first paint of a top-level window, the class of that window, and whether SQLAlchemy
and Alembic were imported by then; for the app, also when its main window was shown and
whether OR-Tools was imported by then. Used by the start-up test and by bench_startup.

    python benchmarks/first_paint.py app PLAN.tourplan   # `tourplanner PLAN`, as launched
    python benchmarks/first_paint.py bare
"""

from __future__ import annotations

import json
import os
import sys
import time

# The launcher's clock when it started this process (wall time: the process's own start-up
# counts), else this module's first line.
STARTED = float(os.environ.get("FIRST_PAINT_T0", time.time()))


def since_start() -> float:
    return time.time() - STARTED


def main() -> int:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

    seen: dict[str, object] = {}

    class Spy(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
            # The first paint of a window or of anything in one (a main window full of
            # widgets may leave nothing of its own to paint).
            if (
                "window" not in seen
                and event.type() == QEvent.Type.Paint
                and isinstance(obj, QWidget)
            ):
                seen.update(
                    seconds=since_start(),
                    window=type(obj.window()).__name__,
                    sqlalchemy="sqlalchemy" in sys.modules,
                    alembic="alembic" in sys.modules,
                )
            return False

    mode = sys.argv[1]
    if mode == "bare":
        app = QApplication(sys.argv[:1])
        spy = Spy()
        app.installEventFilter(spy)
        window = QMainWindow()
        window.resize(1440, 900)
        window.show()

        def quit_when_painted() -> None:
            if "window" in seen:
                app.quit()
            else:
                QTimer.singleShot(5, quit_when_painted)

        QTimer.singleShot(0, quit_when_painted)
        app.exec()
    else:
        from tourplanner.cli import main as tourplanner
        from tourplanner.ui.app import create_application

        app = create_application()
        spy = Spy()
        app.installEventFilter(spy)

        def quit_when_open() -> None:
            names = [type(w).__name__ for w in app.topLevelWidgets() if w.isVisible()]
            if "MainWindow" in names and "main_window" not in seen:
                seen["main_window"] = since_start()
                # Loaded only when a banquet is seated: half a second with the pandas it loads.
                seen["ortools"] = "ortools" in sys.modules
            if "main_window" in seen and "window" in seen:  # the main window shown and painted
                app.quit()
            else:
                QTimer.singleShot(20, quit_when_open)

        QTimer.singleShot(0, quit_when_open)
        tourplanner([sys.argv[2]])  # as `tourplanner PLAN` starts
    print(json.dumps(seen))
    return 0


if __name__ == "__main__":
    sys.exit(main())

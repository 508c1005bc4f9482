"""`tourplanner --screenshot OUT.png [PLAN]`: open the window, paint it once, save it, quit.

The installed-app smoke test (scripts/smoke_installed.sh) uses it to prove that a wheel or the
frozen bundle starts the GUI (offscreen too) and paints a plan, with nothing but the app itself.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QImage

from tourplanner.errors import TourPlannerError
from tourplanner.planfile import PlanFile
from tourplanner.ui.app import choose_plan, create_application
from tourplanner.ui.language import apply_language, startup_language

SIZE = (1280, 800)
# A painted window shows text, icons and the timeline's colours; a blank one a colour or two.
MIN_COLOURS = 16


def distinct_colours(image: QImage, *, step: int = 4) -> int:
    """How many colours a grid of the image's pixels holds (every `step`-th pixel)."""
    return len(
        {
            image.pixel(x, y)
            for y in range(0, image.height(), step)
            for x in range(0, image.width(), step)
        }
    )


def save_screenshot(plan_path: Path | None, out: Path, *, demo: bool = False) -> int:
    """Paint the main window on a plan into `out` (PNG); 0, or a TourPlannerError if blank."""
    if not out.parent.is_dir():
        raise TourPlannerError(f"folder {out.parent} does not exist")
    # The check never reads or changes the user's own window settings or recent plans.
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    with tempfile.TemporaryDirectory() as settings:
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings)
        app = create_application()
        apply_language(app, startup_language())  # --lang, else the system's (settings are new)
        from tourplanner.ui.window.main_window import MainWindow

        with PlanFile.open(choose_plan(plan_path, demo=demo)) as plan:
            window = MainWindow(plan)
            window.resize(*SIZE)
            window.show()
            app.processEvents()
            image = window.grab().toImage()
            window.close()
    colours = distinct_colours(image)
    if colours < MIN_COLOURS:
        raise TourPlannerError(f"the window painted almost nothing ({colours} colours)")
    part = out.with_name(f".{out.stem}.part.png")  # Qt picks the format by the suffix
    if not image.save(str(part)):
        part.unlink(missing_ok=True)
        raise TourPlannerError(f"could not write {out}")
    os.replace(part, out)
    print(f"wrote {out} ({image.width()}x{image.height()}, {colours} colours)")
    sys.stdout.flush()
    return 0

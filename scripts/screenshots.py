"""Save screenshots of the app on the demo plan (offscreen, 1440x900) into docs/screenshots/.

.venv/bin/python scripts/screenshots.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tourplanner.db import PlanFile  # noqa: E402
from tourplanner.demo import write_demo_plan  # noqa: E402
from tourplanner.ui.app import create_application  # noqa: E402
from tourplanner.ui.main_window import MainWindow  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    app = create_application()
    path = Path(tempfile.mkdtemp()) / "demo.tourplan"
    write_demo_plan(path)
    with PlanFile.open(path) as plan:
        window = MainWindow(plan)
        window.resize(1440, 900)
        window.show()
        app.processEvents()
        window.grab().save(str(OUT / "programmes.png"))
        window.tabs.setCurrentIndex(1)
        app.processEvents()
        window.grab().save(str(OUT / "people.png"))
        window.close()
    print(f"saved screenshots in {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

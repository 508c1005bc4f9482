"""Save screenshots of the app on the demo plan (offscreen, 1440x900) into docs/screenshots/.

.venv/bin/python scripts/screenshots.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import date  # noqa: E402

from tourplanner.db import PlanFile  # noqa: E402
from tourplanner.demo import write_demo_plan  # noqa: E402
from tourplanner.services import programmes  # noqa: E402
from tourplanner.ui.app import create_application  # noqa: E402
from tourplanner.ui.main_window import MainWindow  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"


def conference_id(plan: PlanFile) -> int:
    with plan.reading() as session:
        return next(p.id for p in programmes.list_programmes(session) if p.kind == "conference")


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
        window.tabs.setCurrentWidget(window.timeline)
        window.timeline.select_day(conference_id(plan), date(2015, 4, 21))
        app.processEvents()
        window.grab().save(str(OUT / "timeline.png"))
        keynote = next(b for b in window.timeline.blocks.values() if b.view.kind == "keynote")
        editor = window.edit_item(keynote.view.id)
        editor.title_en.clear()
        editor.save()  # shows the message next to the field
        app.processEvents()
        editor.grab().save(str(OUT / "item-editor.png"))
        editor.reject()
        window.close()
    print(f"saved screenshots in {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

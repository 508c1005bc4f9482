"""Save screenshots of the app on the demo plan (offscreen, 1440x900) into docs/screenshots/.

.venv/bin/python scripts/screenshots.py
.venv/bin/python scripts/screenshots.py --lang zh_CN

In another language every page and dialog (tourplanner.ui.screens) is saved into
out/screenshots-<lang>/ to be looked at, and the timeline and the item editor into
docs/screenshots/ as timeline-<short>.png and item-editor-<short>.png (the README shows them).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import argparse  # noqa: E402
import time  # noqa: E402
from datetime import date, datetime, timedelta  # noqa: E402

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from tourplanner import i18n  # noqa: E402
from tourplanner.db import PlanFile  # noqa: E402
from tourplanner.demo import write_demo_plan  # noqa: E402
from tourplanner.services import items, people, programmes, travel  # noqa: E402
from tourplanner.ui import screens  # noqa: E402
from tourplanner.ui.app import create_application  # noqa: E402
from tourplanner.ui.language import apply_language  # noqa: E402
from tourplanner.ui.records.entities import ENTITIES  # noqa: E402
from tourplanner.ui.window.main_window import MainWindow  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"


def save(app: QApplication, widget: QWidget, name: str, folder: Path = OUT) -> None:
    app.processEvents()
    widget.grab().save(str(folder / f"{name}.png"))


def timeline_lanes(app: QApplication, window: MainWindow, item_id: int, start: datetime) -> None:
    """At 1600x1000: the keynote moved into the opening ceremony, the two side by side in
    Hall A with the clash outlined, scrolled a little under the frozen room titles."""
    size = window.size()
    window.resize(1600, 1000)
    window.edits.move_item_to(item_id, start)
    app.processEvents()
    time.sleep(0.1)  # the resize settles: the rooms share the width
    app.processEvents()
    window.timeline.set_selection([])
    window.timeline.view.verticalScrollBar().setValue(24)
    save(app, window, "timeline-lanes")
    window.undo_stack.undo()
    window.resize(size)
    app.processEvents()


def save_journey_editor(app: QApplication, window: MainWindow) -> None:
    """The demo's UA 897: one flight with all its travellers, airports that know their zones."""
    with window.plan.reading() as session:
        journey = next(
            t.journey.id
            for p in people.list_people(session)
            for t in travel.travel_of_person(session, p.id)
            if t.number == "UA 897"
        )
    journey_editor = window.edits.edit_record(ENTITIES["travel"], journey)
    journey_editor.travellers.table.selectRow(0)
    save(app, journey_editor, "journey-editor")
    journey_editor.reject()


def save_operations(app: QApplication, window: MainWindow) -> None:
    """The Transfers and Meals pages, and the print preview of the arrivals' transfer sheet."""
    window.show_page("transfer")
    save(app, window, "operations-transfers")
    window.show_page("meal")
    window.tasks.wait()  # the meals' counts are read on the task runner
    with window.plan.reading() as session:
        banquet = next(
            i.id for i in items.list_items(session) if i.title_en == "Conference banquet"
        )
    window.meals.select_ids([banquet])
    save(app, window, "operations-meals")
    window.show_page("transfer")
    window.transfers.direction.setCurrentIndex(1)  # arrivals
    dialog = window.exports.print_preview("transfer", window.transfers.options())
    deadline = time.monotonic() + 60
    while dialog.page_count == 0 and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.05)
    for _ in range(5):  # the pages laid out and painted
        app.processEvents()
        time.sleep(0.02)
    save(app, dialog, "operations-print-preview")
    dialog.reject()
    window.transfers.direction.setCurrentIndex(0)


def every_screen(app: QApplication, lang: str) -> int:
    """Every page and dialog in `lang`, into out/screenshots-<lang>/; the timeline and the item
    editor into docs/screenshots/ for the README."""
    folder = ROOT / "out" / f"screenshots-{lang}"
    folder.mkdir(parents=True, exist_ok=True)
    short = lang.split("_")[0]
    path = Path(tempfile.mkdtemp()) / "demo.tourplan"
    write_demo_plan(path)
    with PlanFile.open(path) as plan:
        window = MainWindow(plan)
        window.resize(1440, 900)
        window.show()
        with plan.reading() as session:
            conference = next(
                p.id for p in programmes.list_programmes(session) if p.kind == "conference"
            )
            keynote = next(
                i.id for i in items.list_items(session) if i.title_en.startswith("Keynote")
            )
        for page in screens.pages(window):
            if page == "timeline":
                window.timeline.select_day(conference, date(2015, 4, 21))
                save(app, window, f"timeline-{short}")
            save(app, window, f"page-{page}", folder)
        for name, dialog in screens.dialogs(window):
            save(app, dialog, f"dialog-{name}", folder)
        editor = window.edits.edit_item(keynote)
        save(app, editor, f"item-editor-{short}")
        editor.reject()
        window.close()
    print(f"saved every page and dialog in {folder}, two of them in {OUT}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description="Screenshots of the app on the demo plan.")
    parser.add_argument("--lang", default=i18n.ENGLISH, help="en (default) or zh_CN")
    lang = i18n.normalize(parser.parse_args().lang)
    OUT.mkdir(parents=True, exist_ok=True)
    # Screenshots never read or change the user's own settings.
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    app = create_application()
    apply_language(app, lang)
    if lang != i18n.ENGLISH:
        return every_screen(app, lang)
    path = Path(tempfile.mkdtemp()) / "demo.tourplan"
    write_demo_plan(path)
    with PlanFile.open(path) as plan:
        window = MainWindow(plan)
        window.resize(1440, 900)
        window.show()
        with plan.reading() as session:
            conference = next(
                p.id for p in programmes.list_programmes(session) if p.kind == "conference"
            )
            keynote = next(i for i in items.list_items(session) if i.title_en.startswith("Keynote"))
            keynote_id, keynote_start = keynote.id, keynote.start_utc
            bob = people.find_person(session, "Bob O'Neill").id
        window.show_page("timeline")
        window.timeline.select_day(conference, date(2015, 4, 21))
        save(app, window, "timeline")
        window.show_page("agenda")
        save(app, window, "agenda")
        window.show_page("person")
        window.people.select_ids([bob])
        window.preview.set_person(bob)
        save(app, window, "people")
        window.show_page("travel")
        save(app, window, "travel")
        # A move into the tea break: the conflicts panel lists the clashes, the timeline
        # selects the items of the finding clicked.
        window.show_page("timeline")
        window.edits.move_item_to(keynote_id, keynote_start + timedelta(minutes=15))
        panel = window.conflicts
        first_error = panel.model().index(0, 0, panel.model().index(0, 0))
        panel.setCurrentIndex(first_error)
        panel.clicked.emit(first_error)
        save(app, window, "conflicts")
        window.undo_stack.undo()
        timeline_lanes(app, window, keynote_id, keynote_start - timedelta(minutes=30))
        editor = window.edits.edit_item(keynote_id)
        editor.title_en.clear()
        editor.save()  # shows the message next to the field
        save(app, editor, "item-editor")
        editor.reject()
        venue = window.edits.new_record(ENTITIES["venue"])
        venue.widgets["name_en"].setText("Shenzhen Bay Sports Centre")
        venue.widgets["name_local"].setText("深圳湾体育中心")
        venue.widgets["city"].setText("Shenzhen")
        venue.widgets["timezone"].setEditText("Asia/Shenzen")
        venue.save()
        save(app, venue, "venue-editor")
        venue.reject()
        save_journey_editor(app, window)
        save_operations(app, window)
        window.close()
    print(f"saved screenshots in {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Every page and dialog of the app, opened in turn on a main window.

`scripts/screenshots.py --lang zh_CN` photographs them and tests/ui/test_chinese_ui.py scans
their texts for English that bypassed translation: both walk the same list, so a dialog added
here is both photographed and checked.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QDialog, QWidget

from tourplanner.operations import seating as seating_ops
from tourplanner.planfile import backup_list
from tourplanner.services import items, protocol
from tourplanner.ui.pages import PAGES

if TYPE_CHECKING:
    from tourplanner.ui.window.main_window import MainWindow

PAGE_KEYS = tuple(key for key, _text, _icon in PAGES)


def pages(window: MainWindow) -> Iterator[str]:
    """Show each page of the window in turn; yields its key while it is shown."""
    for key in PAGE_KEYS:
        window.show_page(key)
        QApplication.processEvents()
        yield key


def dialogs(window: MainWindow) -> Iterator[tuple[str, QWidget]]:
    """Open each dialog over the window in turn (never modal: nothing waits for a click);
    yields its name and the dialog while it is open, and closes it after."""
    for name, make in _openers(window):
        dialog = make()
        if dialog is None:
            continue
        dialog.show()
        QApplication.processEvents()
        yield name, dialog
        if isinstance(dialog, QDialog):
            dialog.reject()
        dialog.close()
        QApplication.processEvents()


def _openers(window: MainWindow) -> list[tuple[str, Callable[[], QWidget | None]]]:
    from tourplanner.ui.bookings_dialog import BookingsDialog
    from tourplanner.ui.imports import ImportEventsDialog, ImportPeopleDialog
    from tourplanner.ui.protocol.seating_editor import SeatingEditor
    from tourplanner.ui.records.entities import ENTITIES
    from tourplanner.ui.team.open_dialog import OpenTeamPlanDialog
    from tourplanner.ui.window.preferences import PreferencesDialog
    from tourplanner.ui.window.restore_dialog import RestoreDialog

    with window.plan.reading() as session:
        listed = items.list_items(session)
        banquet = next((i.id for i in listed if i.title_en == "Conference banquet"), listed[0].id)
        seated = protocol.plan_of(session, banquet) is not None
        first = listed[0].id

    def seating() -> QWidget:
        if not seated:
            window.run(seating_ops.seat_item(banquet, "Conference banquet"))
        return SeatingEditor(lambda: window.plan, window.operations.run, banquet, window)

    openers: list[tuple[str, Callable[[], QWidget | None]]] = [
        ("item-editor", lambda: window.edits.edit_item(first)),
        ("new-item", window.edits.new_item),
        ("plan-details", window.edits.edit_plan_details),
    ]
    openers += [
        (f"new-{key}", partial(window.edits.new_record, entity)) for key, entity in ENTITIES.items()
    ]
    openers += [
        ("travel-times", window.edits.edit_travel_times),
        (
            "bookings",
            lambda: BookingsDialog(window.plan, window, window.bookings.unbook, item_id=first),
        ),
        ("import-people", lambda: ImportPeopleDialog.from_context(window)),
        ("import-events", lambda: ImportEventsDialog.from_context(window)),
        ("restore", lambda: RestoreDialog(window.plan.path, backup_list(window.plan.path), window)),
        ("open-team-plan", lambda: OpenTeamPlanDialog(window)),
        ("preferences", lambda: PreferencesDialog(window)),
        ("seating", seating),
    ]
    return openers

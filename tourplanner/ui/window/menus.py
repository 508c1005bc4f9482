"""The main window's actions, menus, toolbar and the tables' buttons: one place per command."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QMenu,
    QToolBar,
    QWidget,
)

from tourplanner.enums import ItemStatus, label
from tourplanner.ui.icons import icon
from tourplanner.ui.pages import PAGES
from tourplanner.ui.protocol.seating_editor import show_seating
from tourplanner.ui.records.entities import ENTITIES

if TYPE_CHECKING:
    from tourplanner.ui.window.main_window import MainWindow

# Moving an item from the keyboard (Edit > Move 15 min earlier / later).
STEP = timedelta(minutes=15)


class WindowMenus:
    """Every command as a QAction (`acts`), put in the window's menus, toolbar and pages.

    Each action calls one of the window's collaborators: files, edits, bookings, exports.
    """

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.acts: dict[str, QAction] = {}
        self.recent_menu: QMenu | None = None
        self.toolbar: QToolBar | None = None

    def build(self) -> None:
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_page_actions()

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence.StandardKey | str | None = None,
        *,
        tip: str = "",
        role: str = "",
    ) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(shortcut)
        if role:
            action.setIcon(icon(role))
        plain = text.replace("&", "").rstrip("…")
        action.setToolTip(tip or plain)
        action.setStatusTip(tip or plain)
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)  # shortcuts work even when the menu bar is hidden
        return action

    def _build_actions(self) -> None:
        a, key, w = self._action, QKeySequence.StandardKey, self.window
        self.acts = {
            "new-plan": a(
                QCoreApplication.translate("WindowMenus", "&New plan…"),
                w.files.new_plan,
                key.New,
                role="new-plan",
            ),
            "open": a(
                QCoreApplication.translate("WindowMenus", "&Open…"),
                w.files.open_dialog,
                key.Open,
                role="open",
            ),
            "open-team": a(
                QCoreApplication.translate("WindowMenus", "Open &Team Plan…"),
                w.files.open_team_dialog,
                tip=QCoreApplication.translate(
                    "WindowMenus", "Open a plan several coordinators share on a PostgreSQL server"
                ),
            ),
            "save-copy": a(
                QCoreApplication.translate("WindowMenus", "Save a &Copy As…"),
                w.files.save_copy,
                key.SaveAs,
                role="save-copy",
            ),
            "restore": a(
                QCoreApplication.translate("WindowMenus", "&Restore from Backup…"),
                w.files.restore_from_backup,
                tip=QCoreApplication.translate(
                    "WindowMenus", "Put one of the plan's automatic backups in its place"
                ),
            ),
            "seating": a(
                QCoreApplication.translate("WindowMenus", "&Seating plan of the selected item…"),
                lambda: show_seating(w),
                tip=QCoreApplication.translate(
                    "WindowMenus", "Lay out, edit and re-solve who sits where at the selected item"
                ),
            ),
            "import-people": a(
                QCoreApplication.translate("WindowMenus", "Import &people…"),
                w.files.import_people,
                role="import",
            ),
            "import-events": a(
                QCoreApplication.translate("WindowMenus", "Import &calendar or schedule…"),
                w.files.import_events,
            ),
            "export": a(
                QCoreApplication.translate("WindowMenus", "&Export itinerary (PDF)…"),
                w.exports.export_selected_itinerary,
                "Ctrl+Shift+E",
                tip=QCoreApplication.translate(
                    "WindowMenus", "Write the selected person's itinerary as a PDF"
                ),
                role="export",
            ),
            "export-booklet": a(
                QCoreApplication.translate("WindowMenus", "Programme &booklet (PDF)…"),
                lambda: w.exports.export_programme("booklet"),
                tip=QCoreApplication.translate(
                    "WindowMenus", "A programme's booklet: each day's items, rooms and speakers"
                ),
                role="export",
            ),
            "export-tour": a(
                QCoreApplication.translate("WindowMenus", "&Tour sheet (PDF)…"),
                lambda: w.exports.export_programme("tour"),
                tip=QCoreApplication.translate(
                    "WindowMenus", "A study tour's roster, hotels and day-by-day stops"
                ),
                role="tour",
            ),
            "export-person-ics": a(
                QCoreApplication.translate("WindowMenus", "Selected person's &calendar (.ics)…"),
                w.exports.export_person_calendar,
                tip=QCoreApplication.translate(
                    "WindowMenus",
                    "The selected person's items and travel, for their phone's calendar",
                ),
            ),
            "export-programme-ics": a(
                QCoreApplication.translate("WindowMenus", "Programme &calendar (.ics)…"),
                lambda: w.exports.export_programme("ics"),
                tip=QCoreApplication.translate(
                    "WindowMenus", "A programme's items as calendar events"
                ),
            ),
            "export-schedule": a(
                QCoreApplication.translate(
                    "WindowMenus", "Programme &schedule (pretalx/frab XML or JSON)…"
                ),
                lambda: w.exports.export_programme("schedule"),
                tip=QCoreApplication.translate(
                    "WindowMenus",
                    "A conference schedule in the format of event apps and video teams",
                ),
            ),
            "export-people": a(
                QCoreApplication.translate("WindowMenus", "&People list (CSV or Excel)…"),
                w.exports.export_people_list,
                tip=QCoreApplication.translate(
                    "WindowMenus",
                    "Everyone in the plan as a spreadsheet (no passport or medical notes)",
                ),
                role="people",
            ),
            "export-transfers": a(
                QCoreApplication.translate("WindowMenus", "Trans&fers (Excel or PDF)…"),
                lambda: w.exports.export_transfers(),
                tip=QCoreApplication.translate(
                    "WindowMenus", "Arrivals and departures grouped into shared pick-ups"
                ),
            ),
            "export-badges": a(
                QCoreApplication.translate("WindowMenus", "Ba&dges (PDF)…"),
                lambda: w.exports.export_badges(),
                tip=QCoreApplication.translate(
                    "WindowMenus", "Name badges on A4 or Letter label sheets, with a QR code"
                ),
            ),
            "export-name-cards": a(
                QCoreApplication.translate(
                    "WindowMenus", "&Name cards of the selected item (PDF)…"
                ),
                lambda: w.exports.export_name_cards(),
                tip=QCoreApplication.translate(
                    "WindowMenus", "Folded table tents (席卡) for the people at the item"
                ),
            ),
            "export-rooming": a(
                QCoreApplication.translate("WindowMenus", "&Rooming list (PDF or Excel)…"),
                lambda: w.exports.export_operations("rooming"),
                tip=QCoreApplication.translate(
                    "WindowMenus",
                    "Rooms per hotel and night, pre- and post-tour lists apart, with totals",
                ),
            ),
            "export-manifest": a(
                QCoreApplication.translate("WindowMenus", "Bus &manifest (PDF or Excel)…"),
                lambda: w.exports.export_operations("manifest"),
                tip=QCoreApplication.translate(
                    "WindowMenus",
                    "A programme's vehicles per leg: driver, guide, meeting point, seats",
                ),
            ),
            "export-catering": a(
                QCoreApplication.translate("WindowMenus", "&Catering sheet (PDF or Excel)…"),
                lambda: w.exports.export_operations("catering"),
                tip=QCoreApplication.translate(
                    "WindowMenus", "Dietary counts per meal for the caterer (no medical notes)"
                ),
            ),
            "export-all": a(
                QCoreApplication.translate("WindowMenus", "Export &all itineraries (PDF)…"),
                w.exports.export_all_itineraries,
                tip=QCoreApplication.translate(
                    "WindowMenus", "Write every person's itinerary into one PDF, in the background"
                ),
                role="export-all",
            ),
            "print": a(
                QCoreApplication.translate("WindowMenus", "&Print itinerary…"),
                w.exports.print_itinerary,
                key.Print,
                tip=QCoreApplication.translate(
                    "WindowMenus", "Print the selected person's itinerary"
                ),
                role="print",
            ),
            "print-preview": a(
                QCoreApplication.translate("WindowMenus", "Print pre&view…"),
                lambda: w.exports.print_preview(w.current_page(), w.transfers.options()),
                tip=QCoreApplication.translate(
                    "WindowMenus",
                    "The operations document of the page shown, or the selected person's "
                    "itinerary, as it prints",
                ),
                role="print",
            ),
            "close": a(QCoreApplication.translate("WindowMenus", "&Close"), w.close, key.Close),
            "quit": a(QCoreApplication.translate("WindowMenus", "&Quit"), w.files.quit, key.Quit),
            "new-item": a(
                QCoreApplication.translate("WindowMenus", "New &item…"),
                w.edits.new_item,
                "Ctrl+I",
                role="new-item",
            ),
            "edit": a(
                QCoreApplication.translate("WindowMenus", "&Edit…"),
                w.edits.edit_selected,
                "Ctrl+E",
                tip=QCoreApplication.translate("WindowMenus", "Edit the selected item or record"),
                role="edit",
            ),
            "delete": a(
                QCoreApplication.translate("WindowMenus", "&Delete"),
                w.edits.delete_selected,
                key.Delete,
                tip=QCoreApplication.translate(
                    "WindowMenus", "Delete the selected items or records (Undo brings them back)"
                ),
                role="delete",
            ),
            "find": a(
                QCoreApplication.translate("WindowMenus", "&Find…"),
                w.search_table,
                key.Find,
                tip=QCoreApplication.translate("WindowMenus", "Search the table shown"),
                role="find",
            ),
            "later": a(
                QCoreApplication.translate("WindowMenus", "Move item 15 min &later"),
                lambda: w.edits.move_selected(STEP),
                QCoreApplication.translate("WindowMenus", "Ctrl+Down"),
                role="later",
            ),
            "earlier": a(
                QCoreApplication.translate("WindowMenus", "Move item 15 min e&arlier"),
                lambda: w.edits.move_selected(-STEP),
                QCoreApplication.translate("WindowMenus", "Ctrl+Up"),
                role="earlier",
            ),
            "book-item": a(
                QCoreApplication.translate("WindowMenus", "Book selected people into an &item…"),
                w.bookings.book_people_into_item,
                tip=QCoreApplication.translate(
                    "WindowMenus", "Add the selected people to one item"
                ),
                role="book",
            ),
            "book-programme": a(
                QCoreApplication.translate(
                    "WindowMenus", "Book selected people onto a &tour or programme…"
                ),
                w.bookings.book_people_into_programme,
                tip=QCoreApplication.translate(
                    "WindowMenus", "Add the selected people to a whole tour or programme"
                ),
                role="tour",
            ),
            "bookings": a(
                QCoreApplication.translate("WindowMenus", "Who is &booked…"),
                w.bookings.show_bookings,
                "Ctrl+B",
                tip=QCoreApplication.translate(
                    "WindowMenus",
                    "The people booked into the selected item or onto the selected programme",
                ),
                role="people",
            ),
            "join-group": a(
                QCoreApplication.translate("WindowMenus", "Add selected people to a &group…"),
                w.bookings.add_people_to_group,
                tip=QCoreApplication.translate(
                    "WindowMenus", "Put the selected people into a group (delegation)"
                ),
                role="group",
            ),
            "seat-vehicle": a(
                QCoreApplication.translate("WindowMenus", "Seat selected people on a &vehicle…"),
                w.bookings.seat_people_on_vehicle,
                tip=QCoreApplication.translate(
                    "WindowMenus", "Put the selected people onto a coach or minibus, for every leg"
                ),
                role="travel",
            ),
            "share-room": a(
                QCoreApplication.translate(
                    "WindowMenus", "Put the selected people into one &room…"
                ),
                w.bookings.share_room,
                tip=QCoreApplication.translate(
                    "WindowMenus",
                    "Their stays at the hotel where they all stay share one twin, double or suite",
                ),
                role="rooms",
            ),
            "logistics": a(
                QCoreApplication.translate("WindowMenus", "&Meeting point and menu…"),
                w.edits.edit_logistics,
                tip=QCoreApplication.translate(
                    "WindowMenus",
                    "Where and when to meet before the selected item, and a meal's menu",
                ),
            ),
            "travel-times": a(
                QCoreApplication.translate("WindowMenus", "&Travel times between venues…"),
                w.edits.edit_travel_times,
                tip=QCoreApplication.translate(
                    "WindowMenus",
                    "Minutes to allow between two venues, used by the travel-time check",
                ),
                role="travel",
            ),
            "plan-details": a(
                QCoreApplication.translate("WindowMenus", "Plan &details…"),
                w.edits.edit_plan_details,
                tip=QCoreApplication.translate(
                    "WindowMenus",
                    "The plan's title, organization, home time zone, coordinators and emergency numbers",
                ),
                role="edit",
            ),
            "check": a(
                QCoreApplication.translate("WindowMenus", "&Check the whole plan"),
                w.check_plan,
                "F5",
                tip=QCoreApplication.translate("WindowMenus", "Run every scheduling check again"),
                role="check",
            ),
            "preferences": a(
                QCoreApplication.translate("WindowMenus", "Pre&ferences…"),
                w.preferences,
                tip=QCoreApplication.translate("WindowMenus", "The language of the app"),
            ),
            "about": a(
                QCoreApplication.translate("WindowMenus", "&About TourPlanner"),
                w.about,
                role="about",
            ),
        }
        self.acts["undo"] = w.operations.stack.createUndoAction(
            w, QCoreApplication.translate("WindowMenus", "&Undo")
        )
        self.acts["undo"].setShortcut(key.Undo)
        self.acts["undo"].setIcon(icon("undo"))
        self.acts["redo"] = w.operations.stack.createRedoAction(
            w, QCoreApplication.translate("WindowMenus", "&Redo")
        )
        self.acts["redo"].setShortcut(key.Redo)
        self.acts["redo"].setIcon(icon("redo"))
        for status in ItemStatus:
            self.acts[f"status-{status.value}"] = a(
                QCoreApplication.translate("WindowMenus", "Mark as {lower}").format(
                    lower=label(status).lower()
                ),
                partial(w.edits.set_status, status.value),
                tip=QCoreApplication.translate(
                    "WindowMenus", "Mark the selected items as {lower}"
                ).format(lower=label(status).lower()),
            )
        for key_, entity in ENTITIES.items():
            self.acts[f"new-{key_}"] = a(
                QCoreApplication.translate("WindowMenus", "New {lower}…").format(
                    lower=entity.shown_title.lower()
                ),
                partial(w.edits.new_record, entity),
                role="new",
            )

    def _build_menus(self) -> None:
        w, acts = self.window, self.acts
        bar = w.menuBar()
        file_menu = bar.addMenu(QCoreApplication.translate("WindowMenus", "&File"))
        file_menu.addActions([acts["new-plan"], acts["open"], acts["open-team"]])
        self.recent_menu = file_menu.addMenu(
            QCoreApplication.translate("WindowMenus", "Open &Recent")
        )
        recent = self.recent_menu
        recent.aboutToShow.connect(lambda: w.files.fill_recent(recent))
        file_menu.addActions([acts["save-copy"], acts["restore"]])
        file_menu.addAction(acts["plan-details"])  # also under Plan: what the documents print
        file_menu.addSeparator()
        file_menu.addActions([acts["import-people"], acts["import-events"]])
        file_menu.addSeparator()
        file_menu.addActions([acts["export"], acts["export-all"]])
        more = file_menu.addMenu(QCoreApplication.translate("WindowMenus", "E&xport other"))
        more.addActions(
            [
                acts["export-booklet"],
                acts["export-tour"],
                acts["export-person-ics"],
                acts["export-programme-ics"],
                acts["export-schedule"],
                acts["export-people"],
                acts["export-rooming"],
                acts["export-manifest"],
                acts["export-catering"],
            ]
        )
        more.addSeparator()
        more.addActions(
            [acts["export-transfers"], acts["export-badges"], acts["export-name-cards"]]
        )
        file_menu.addActions([acts["print-preview"], acts["print"]])
        file_menu.addSeparator()
        file_menu.addActions([acts["close"], acts["quit"]])
        edit = bar.addMenu(QCoreApplication.translate("WindowMenus", "&Edit"))
        edit.addActions([acts["undo"], acts["redo"]])
        edit.addSeparator()
        edit.addActions([acts["edit"], acts["delete"], acts["find"]])
        edit.addSeparator()
        edit.addActions([acts["earlier"], acts["later"]])
        status = edit.addMenu(QCoreApplication.translate("WindowMenus", "Item &status"))
        status.addActions([acts[f"status-{s.value}"] for s in ItemStatus])
        edit.addSeparator()
        edit.addAction(acts["preferences"])
        view = bar.addMenu(QCoreApplication.translate("WindowMenus", "&View"))
        view.addAction(w.navigator_dock.toggleViewAction())
        view.addAction(w.conflicts_dock.toggleViewAction())
        view.addSeparator()
        for n, (key, text, role) in enumerate(PAGES, start=1):
            shortcut = f"Ctrl+{n}" if n <= 9 else None  # Ctrl+1 … Ctrl+9
            view.addAction(
                self._action(
                    QCoreApplication.translate("pages", text),
                    partial(w.show_page, key),
                    shortcut,
                    role=role,
                )
            )
        view.addSeparator()
        view.addActions(w.timeline.zoom_actions)  # their keys work while the timeline has focus
        plan_menu = bar.addMenu(QCoreApplication.translate("WindowMenus", "&Plan"))
        plan_menu.addAction(acts["new-item"])
        plan_menu.addActions([acts[f"new-{k}"] for k in ENTITIES])
        plan_menu.addSeparator()
        plan_menu.addActions(
            [
                acts["bookings"],
                acts["book-item"],
                acts["book-programme"],
                acts["join-group"],
                acts["seat-vehicle"],
                acts["share-room"],
            ]
        )
        plan_menu.addSeparator()
        plan_menu.addActions(
            [acts["plan-details"], acts["travel-times"], acts["logistics"], acts["check"]]
        )
        plan_menu.addSeparator()
        plan_menu.addAction(acts["seating"])
        help_menu = bar.addMenu(QCoreApplication.translate("WindowMenus", "&Help"))
        help_menu.addAction(acts["about"])

    def _build_toolbar(self) -> None:
        bar = QToolBar(QCoreApplication.translate("WindowMenus", "Toolbar"), self.window)
        bar.setObjectName("toolbar")
        bar.setIconSize(QSize(20, 20))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        acts = self.acts
        for group in (
            ("new-item", "edit", "delete"),
            ("undo", "redo"),
            ("find",),
            ("export", "print"),
            ("check",),
        ):
            bar.addActions([acts[k] for k in group])
            bar.addSeparator()
        self.window.addToolBar(bar)
        self.toolbar = bar
        for button in bar.findChildren(QWidget):
            action = getattr(button, "defaultAction", lambda: None)()
            if action is not None:
                button.setAccessibleName(action.text().replace("&", "").rstrip("…"))

    def _build_page_actions(self) -> None:
        acts, w = self.acts, self.window
        for key in ENTITIES:
            page = w.records[key]
            page.add_action(acts[f"new-{key}"])
            page.add_action(acts["edit"], button=False)
            page.add_action(acts["delete"], button=False)
        for key, short in (
            ("book-item", QCoreApplication.translate("WindowMenus", "Book into item…")),
            ("book-programme", QCoreApplication.translate("WindowMenus", "Book onto tour…")),
            ("join-group", QCoreApplication.translate("WindowMenus", "Add to group…")),
            ("seat-vehicle", QCoreApplication.translate("WindowMenus", "Seat on vehicle…")),
            ("share-room", QCoreApplication.translate("WindowMenus", "One room…")),
        ):
            acts[key].setIconText(short)  # the button's text; menus show the full one
            w.people.add_action(acts[key])
        w.records["room_booking"].add_action(acts["share-room"])
        w.people.add_action(acts["export"], button=False)
        shown = self._action(
            QCoreApplication.translate("WindowMenus", "Export these transfers…"),
            lambda: w.exports.export_transfers(options=w.transfers.options()),
            tip=QCoreApplication.translate(
                "WindowMenus", "The groups this page shows, as an Excel or PDF transfer sheet"
            ),
            role="export",
        )
        w.transfers.table_page.add_action(shown)
        acts["logistics"].setIconText(QCoreApplication.translate("WindowMenus", "Menu…"))
        acts["logistics"].setIcon(icon("edit"))
        acts["export-catering"].setIcon(icon("export"))
        w.meals.add_action(acts["logistics"])
        acts["export-catering"].setIconText(
            QCoreApplication.translate("WindowMenus", "Catering sheet…")
        )
        w.meals.add_action(acts["export-catering"])
        w.meals.add_action(acts["export-name-cards"], button=False)
        w.people.add_action(acts["print"], button=False)
        w.items_page.add_action(acts["new-item"])
        status = QMenu(QCoreApplication.translate("WindowMenus", "Set status"), w)
        status.addActions([acts[f"status-{s.value}"] for s in ItemStatus])
        status_action = status.menuAction()
        status_action.setIcon(icon("status"))
        status_action.setToolTip(
            QCoreApplication.translate(
                "WindowMenus", "Confirm, mark tentative or cancel the selected items"
            )
        )
        w.items_page.add_action(status_action)
        w.items_page.add_action(acts["bookings"], button=False)
        w.records["programme"].add_action(acts["bookings"], button=False)
        w.items_page.add_action(acts["edit"], button=False)
        w.items_page.add_action(acts["delete"], button=False)

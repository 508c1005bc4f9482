"""The main window: a navigator, the timeline, agenda and tables, the conflicts dock, menus.

Every change is one transaction, saved at once, and one step on the undo stack.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from tourplanner import __version__
from tourplanner.db import PlanFile
from tourplanner.errors import TourPlannerError
from tourplanner.models.enums import ItemKind, ItemStatus, ParticipationRole, label
from tourplanner.services import (
    items,
    itinerary,
    listings,
    organizations,
    plans,
    programmes,
    venues,
)
from tourplanner.services.participations import Booking
from tourplanner.timezones import abbreviation, to_local
from tourplanner.ui.agenda import AgendaView
from tourplanner.ui.batch_export import BatchExportWorker, start_worker
from tourplanner.ui.bookings_dialog import BookingsDialog
from tourplanner.ui.chooser import Chooser
from tourplanner.ui.conflict_checker import ConflictChecker
from tourplanner.ui.conflicts_panel import ConflictsPanel
from tourplanner.ui.entities import ENTITIES, PLAN, Entity
from tourplanner.ui.icons import icon
from tourplanner.ui.item_editor import ItemEditor, ItemValues, item_values
from tourplanner.ui.person_view import PersonView
from tourplanner.ui.recent import recent_plans, remember
from tourplanner.ui.record_editor import RecordEditor
from tourplanner.ui.record_page import RecordPage
from tourplanner.ui.timeline import TimelineView
from tourplanner.ui.undo_commands import (
    AddItemCommand,
    AddRecordCommand,
    BookCommand,
    DeleteCommand,
    EditItemCommand,
    EditRecordCommand,
    JoinGroupCommand,
    MoveItemCommand,
    ResizeItemCommand,
    SetStatusCommand,
    TriedCommand,
    UnbookCommand,
)

STEP = timedelta(minutes=15)
# Pages in navigator order: (key, navigator text, icon role). Record pages use ENTITIES' keys.
PAGES = (
    ("timeline", "Timeline", "timeline"),
    ("agenda", "Agenda", "agenda"),
    ("item", "Items", "items"),
    ("person", "People", "people"),
    ("travel", "Travel", "travel"),
    ("group", "Groups", "groups"),
    ("organization", "Organizations", "organizations"),
    ("venue", "Venues", "venues"),
    ("room", "Rooms", "rooms"),
    ("programme", "Programmes", "programmes"),
)
ITEM_PAGES = ("timeline", "agenda", "item")
PAGE_KEY = Qt.ItemDataRole.UserRole


def counted(n: int, one: str, many: str) -> str:
    """'1 person', '3 people'."""
    return f"{n} {one if n == 1 else many}"


class MainWindow(QMainWindow):
    """One open plan. Every change is one transaction, saved at once and undoable."""

    def __init__(self, plan: PlanFile) -> None:
        super().__init__()
        self.plan = plan
        self.undo_stack = QUndoStack(self)
        self.setDockNestingEnabled(True)
        self.timeline = TimelineView(plan)
        self.timeline.move_requested.connect(self.move_item_to)
        self.timeline.edit_requested.connect(self.edit_item)
        self.timeline.resize_requested.connect(self.resize_item_to)
        self.timeline.new_item_requested.connect(self.new_item_at)
        self.timeline.status_requested.connect(
            lambda item_id, status: self.set_status(status, [item_id])
        )
        self.timeline.delete_requested.connect(lambda item_id: self.delete_items([item_id]))
        self.agenda = AgendaView(plan)
        self.agenda.edit_requested.connect(self.edit_item)
        self.agenda.programme_edit_requested.connect(
            lambda pid: self.edit_record(ENTITIES["programme"], pid)
        )
        self.records: dict[str, RecordPage] = {}
        for key, entity in ENTITIES.items():
            page = RecordPage(plan, entity.listing, entity.plural)
            page.edit_requested.connect(lambda rid, e=entity: self.edit_record(e, rid))
            self.records[key] = page
        self.items_page = RecordPage(plan, listings.items_listing, "items")
        self.items_page.edit_requested.connect(self.edit_item)
        self.records["item"] = self.items_page
        self.people = self.records["person"]
        self.person_view = PersonView(plan)
        self.person_view.status_message.connect(self.statusBar().showMessage)
        self.person_view.export_button.setIcon(icon("export"))
        self.person_view.print_button.setIcon(icon("print"))
        # Rendering an itinerary takes a moment: wait until the selection settles.
        self._preview_timer = QTimer(self, singleShot=True, interval=150)
        self._preview_timer.timeout.connect(
            lambda: self.person_view.set_person(self.selected_person_id())
        )
        self.people.table.selectionModel().currentRowChanged.connect(
            lambda *_: self._preview_timer.start()
        )
        self.people_side = QSplitter()
        self.people_side.addWidget(self.people)
        self.people_side.addWidget(self.person_view)
        self.people_side.setStretchFactor(0, 3)
        self.people_side.setStretchFactor(1, 2)
        self.pages = QStackedWidget()
        self.page_widgets: dict[str, QWidget] = {
            "timeline": self.timeline,
            "agenda": self.agenda,
            "person": self.people_side,
        }
        for key, _text, _icon in PAGES:
            widget = self.page_widgets.setdefault(key, self.records.get(key))
            self.pages.addWidget(widget)
        self.pages.currentChanged.connect(self._page_shown)
        self.setCentralWidget(self.pages)
        self._stale: set[str] = set()
        self._build_navigator()
        self.conflicts = ConflictsPanel()
        self.conflicts.show_items.connect(self.select_items)
        self.checker = ConflictChecker(plan)
        self.checker.changed.connect(self.conflicts.set_findings)
        self.checker.checking.connect(self.conflicts.set_checking)
        self.conflicts_dock = QDockWidget("Conflicts", self)
        self.conflicts_dock.setObjectName("conflicts")
        self.conflicts_dock.setWidget(self.conflicts)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.conflicts_dock)
        self.resizeDocks([self.conflicts_dock], [190], Qt.Orientation.Vertical)
        self.resizeDocks([self.navigator_dock], [210], Qt.Orientation.Horizontal)
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_page_actions()
        self.resize(1440, 900)
        settings = QSettings()
        if settings.contains("window/geometry"):
            self.restoreGeometry(settings.value("window/geometry"))
            self.restoreState(settings.value("window/state"))
        self.reload()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        """Remember the window's size and docks; the plan itself is always saved already."""
        batch = getattr(self, "_batch", None)
        if batch is not None and batch[1].isRunning():
            batch[0].stop.set()  # a batch export stops and removes its partial file
            batch[1].wait()
        self.checker.wait()
        self.timeline.days.wait()
        self.person_view.close_document()
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        super().closeEvent(event)

    # -- building ------------------------------------------------------------------------------

    def _build_navigator(self) -> None:
        self.navigator = QTreeWidget()
        self.navigator.setHeaderHidden(True)
        self.navigator.setAccessibleName("Navigator")
        self.navigator.setToolTip("The plan's programmes, people, groups, organizations, venues")
        self.navigator.setIconSize(QSize(18, 18))
        self.nav_nodes: dict[str, QTreeWidgetItem] = {}
        for key, text, role in PAGES:
            node = QTreeWidgetItem([text])
            node.setIcon(0, icon(role))
            node.setData(0, PAGE_KEY, ("page", key))
            node.setToolTip(0, f"Show {text.lower()}")
            self.navigator.addTopLevelItem(node)
            self.nav_nodes[key] = node
        self.navigator.currentItemChanged.connect(self._navigate)
        self.navigator_dock = QDockWidget("Navigator", self)
        self.navigator_dock.setObjectName("navigator")
        self.navigator_dock.setWidget(self.navigator)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.navigator_dock)

    def _fill_navigator_programmes(self) -> None:
        """Each programme under Programmes; choosing one shows its first day on the timeline."""
        parent = self.nav_nodes["programme"]
        parent.takeChildren()
        with self.plan.reading() as session:
            found = [(p.id, p.title_en, p.kind) for p in programmes.list_programmes(session)]
        for pid, title, kind in found:
            node = QTreeWidgetItem([title])
            node.setData(0, PAGE_KEY, ("programme", pid))
            node.setToolTip(0, f"{title} ({label(kind)}): show it on the timeline")
            parent.addChild(node)
        parent.setExpanded(True)

    def _navigate(self, node: QTreeWidgetItem | None, _previous: object = None) -> None:
        if node is None:
            return
        kind, key = node.data(0, PAGE_KEY)
        if kind == "page":
            self.show_page(key)
        else:
            with self.plan.reading() as session:
                days = itinerary.programme_days(session, key)
            if days:
                self.timeline.select_day(key, days[0])
            self.show_page("timeline")

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence.StandardKey | str | None = None,
        *,
        tip: str = "",
        role: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        if role:
            action.setIcon(icon(role))
        plain = text.replace("&", "").rstrip("…")
        action.setToolTip(tip or plain)
        action.setStatusTip(tip or plain)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)  # shortcuts work even when the menu bar is hidden
        return action

    def _build_actions(self) -> None:
        a, key = self._action, QKeySequence.StandardKey
        self.acts = {
            "new-plan": a("&New plan…", self.new_plan, key.New, role="new-plan"),
            "open": a("&Open…", self.open_dialog, key.Open, role="open"),
            "save-copy": a("Save a &Copy As…", self.save_copy, key.SaveAs, role="save-copy"),
            "import-people": a("Import &people…", self.import_people, role="import"),
            "import-events": a("Import &calendar or schedule…", self.import_events),
            "export": a(
                "&Export itinerary (PDF)…",
                self.export_selected_itinerary,
                "Ctrl+Shift+E",
                tip="Write the selected person's itinerary as a PDF",
                role="export",
            ),
            "export-booklet": a(
                "Programme &booklet (PDF)…",
                lambda: self.export_programme("booklet"),
                tip="A programme's booklet: each day's items, rooms and speakers",
                role="export",
            ),
            "export-tour": a(
                "&Tour sheet (PDF)…",
                lambda: self.export_programme("tour"),
                tip="A study tour's roster, hotels and day-by-day stops",
                role="tour",
            ),
            "export-person-ics": a(
                "Selected person's &calendar (.ics)…",
                self.export_person_calendar,
                tip="The selected person's items and travel, for their phone's calendar",
            ),
            "export-programme-ics": a(
                "Programme &calendar (.ics)…",
                lambda: self.export_programme("ics"),
                tip="A programme's items as calendar events",
            ),
            "export-schedule": a(
                "Programme &schedule (pretalx/frab XML or JSON)…",
                lambda: self.export_programme("schedule"),
                tip="A conference schedule in the format of event apps and video teams",
            ),
            "export-people": a(
                "&People list (CSV or Excel)…",
                self.export_people_list,
                tip="Everyone in the plan as a spreadsheet (no passport or medical notes)",
                role="people",
            ),
            "export-all": a(
                "Export &all itineraries (PDF)…",
                self.export_all_itineraries,
                tip="Write every person's itinerary into one PDF, in the background",
                role="export-all",
            ),
            "print": a(
                "&Print itinerary…",
                self.print_itinerary,
                key.Print,
                tip="Print the selected person's itinerary",
                role="print",
            ),
            "close": a("&Close", self.close, key.Close),
            "quit": a("&Quit", QApplication.quit, key.Quit),
            "new-item": a("New &item…", self.new_item, "Ctrl+I", role="new-item"),
            "edit": a(
                "&Edit…",
                self.edit_selected,
                "Ctrl+E",
                tip="Edit the selected item or record",
                role="edit",
            ),
            "delete": a(
                "&Delete",
                self.delete_selected,
                key.Delete,
                tip="Delete the selected items or records (Undo brings them back)",
                role="delete",
            ),
            "find": a("&Find…", self.find, key.Find, tip="Search the table shown", role="find"),
            "later": a(
                "Move item 15 min &later",
                lambda: self.move_selected(STEP),
                "Ctrl+Down",
                role="later",
            ),
            "earlier": a(
                "Move item 15 min e&arlier",
                lambda: self.move_selected(-STEP),
                "Ctrl+Up",
                role="earlier",
            ),
            "book-item": a(
                "Book selected people into an &item…",
                self.book_people_into_item,
                tip="Add the selected people to one item",
                role="book",
            ),
            "book-programme": a(
                "Book selected people onto a &tour or programme…",
                self.book_people_into_programme,
                tip="Add the selected people to a whole tour or programme",
                role="tour",
            ),
            "bookings": a(
                "Who is &booked…",
                self.show_bookings,
                "Ctrl+B",
                tip="The people booked into the selected item or onto the selected programme",
                role="people",
            ),
            "join-group": a(
                "Add selected people to a &group…",
                self.add_people_to_group,
                tip="Put the selected people into a group (delegation)",
                role="group",
            ),
            "plan-details": a(
                "Plan &details…",
                self.edit_plan_details,
                tip="The plan's title, organization, home time zone and emergency contacts",
                role="edit",
            ),
            "check": a(
                "&Check the whole plan",
                self.check_plan,
                "F5",
                tip="Run every scheduling check again",
                role="check",
            ),
            "about": a("&About TourPlanner", self._about, role="about"),
        }
        self.acts["undo"] = self.undo_stack.createUndoAction(self, "&Undo")
        self.acts["undo"].setShortcut(key.Undo)
        self.acts["undo"].setIcon(icon("undo"))
        self.acts["redo"] = self.undo_stack.createRedoAction(self, "&Redo")
        self.acts["redo"].setShortcut(key.Redo)
        self.acts["redo"].setIcon(icon("redo"))
        for status in ItemStatus:
            self.acts[f"status-{status.value}"] = a(
                f"Mark as {label(status).lower()}",
                lambda s=status.value: self.set_status(s),
                tip=f"Mark the selected items as {label(status).lower()}",
            )
        for key_, entity in ENTITIES.items():
            self.acts[f"new-{key_}"] = a(
                f"New {entity.title.lower()}…",
                lambda e=entity: self.new_record(e),
                role="new",
            )

    def _build_menus(self) -> None:
        bar, acts = self.menuBar(), self.acts
        file_menu = bar.addMenu("&File")
        file_menu.addActions([acts["new-plan"], acts["open"]])
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addAction(acts["save-copy"])
        file_menu.addSeparator()
        file_menu.addActions([acts["import-people"], acts["import-events"]])
        file_menu.addSeparator()
        file_menu.addActions([acts["export"], acts["export-all"]])
        more = file_menu.addMenu("E&xport other")
        more.addActions(
            [
                acts["export-booklet"],
                acts["export-tour"],
                acts["export-person-ics"],
                acts["export-programme-ics"],
                acts["export-schedule"],
                acts["export-people"],
            ]
        )
        file_menu.addAction(acts["print"])
        file_menu.addSeparator()
        file_menu.addActions([acts["close"], acts["quit"]])
        edit = bar.addMenu("&Edit")
        edit.addActions([acts["undo"], acts["redo"]])
        edit.addSeparator()
        edit.addActions([acts["edit"], acts["delete"], acts["find"]])
        edit.addSeparator()
        edit.addActions([acts["earlier"], acts["later"]])
        status = edit.addMenu("Item &status")
        status.addActions([acts[f"status-{s.value}"] for s in ItemStatus])
        view = bar.addMenu("&View")
        view.addAction(self.navigator_dock.toggleViewAction())
        view.addAction(self.conflicts_dock.toggleViewAction())
        view.addSeparator()
        for n, (key, text, role) in enumerate(PAGES, start=1):
            shortcut = f"Ctrl+{n}" if n <= 9 else None  # Ctrl+1 … Ctrl+9
            view.addAction(self._action(text, lambda k=key: self.show_page(k), shortcut, role=role))
        plan_menu = bar.addMenu("&Plan")
        plan_menu.addAction(acts["new-item"])
        plan_menu.addActions([acts[f"new-{k}"] for k in ENTITIES])
        plan_menu.addSeparator()
        plan_menu.addActions(
            [acts["bookings"], acts["book-item"], acts["book-programme"], acts["join-group"]]
        )
        plan_menu.addSeparator()
        plan_menu.addActions([acts["plan-details"], acts["check"]])
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(acts["about"])

    def _build_toolbar(self) -> None:
        bar = QToolBar("Toolbar", self)
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
        self.addToolBar(bar)
        self.toolbar = bar
        for button in bar.findChildren(QWidget):
            action = getattr(button, "defaultAction", lambda: None)()
            if action is not None:
                button.setAccessibleName(action.text().replace("&", "").rstrip("…"))

    def _build_page_actions(self) -> None:
        acts = self.acts
        for key in ENTITIES:
            page = self.records[key]
            page.add_action(acts[f"new-{key}"])
            page.add_action(acts["edit"], button=False)
            page.add_action(acts["delete"], button=False)
        for key, short in (
            ("book-item", "Book into item…"),
            ("book-programme", "Book onto tour…"),
            ("join-group", "Add to group…"),
        ):
            acts[key].setIconText(short)  # the button's text; menus show the full one
            self.people.add_action(acts[key])
        self.people.add_action(acts["export"], button=False)
        self.people.add_action(acts["print"], button=False)
        self.items_page.add_action(acts["new-item"])
        status = QMenu("Set status", self)
        status.addActions([acts[f"status-{s.value}"] for s in ItemStatus])
        status_action = status.menuAction()
        status_action.setIcon(icon("status"))
        status_action.setToolTip("Confirm, mark tentative or cancel the selected items")
        self.items_page.add_action(status_action)
        self.items_page.add_action(acts["bookings"], button=False)
        self.records["programme"].add_action(acts["bookings"], button=False)
        self.items_page.add_action(acts["edit"], button=False)
        self.items_page.add_action(acts["delete"], button=False)

    # -- pages ---------------------------------------------------------------------------------

    def show_page(self, key: str) -> None:
        self.pages.setCurrentWidget(self.page_widgets[key])
        node = self.nav_nodes[key]
        if self.navigator.currentItem() is not node and not (
            key == "timeline" and self.navigator.currentItem() in self._programme_nodes()
        ):
            self.navigator.blockSignals(True)
            self.navigator.setCurrentItem(node)
            self.navigator.blockSignals(False)

    def _programme_nodes(self) -> list[QTreeWidgetItem]:
        parent = self.nav_nodes["programme"]
        return [parent.child(i) for i in range(parent.childCount())]

    def current_page(self) -> str:
        widget = self.pages.currentWidget()
        return next(k for k, w in self.page_widgets.items() if w is widget)

    def _page_shown(self, _index: int = 0) -> None:
        """Pages are read when shown: a hidden table of 20,000 items costs nothing."""
        key = self.current_page()
        if key in self._stale:
            self._stale.discard(key)
            if key == "agenda":
                self.agenda.reload()
            elif key in self.records:
                self.records[key].reload()

    def _refresh_pages(self, keys: set[str]) -> None:
        """These pages changed: the one shown is read again now, the others when shown."""
        self._stale |= keys
        self._page_shown()

    # -- loading -------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read every view again and recheck the plan (in the background when it is big)."""
        with self.plan.reading() as session:
            summary = itinerary.plan_summary(session)
        self.setWindowTitle(f"{summary['title']} — {self.plan.path.name} — TourPlanner")
        count = summary["counts"]["items"]
        self.timeline.reload_days()
        self._fill_navigator_programmes()
        self._refresh_pages({"agenda", *self.records})
        self.checker.rebuild(self.plan, items=count)
        self.statusBar().showMessage(f"{count} items, {summary['counts']['people']} people")

    def item_changed(self, item_id: int) -> None:
        """After an edit of one item: recheck only what it touches, then refresh the views."""
        self.items_changed([item_id])

    def items_changed(self, item_ids: list[int]) -> None:
        self.checker.items_changed(item_ids)
        for item_id in item_ids:
            self.timeline.refresh_item(item_id)
        self._refresh_pages({"agenda", "item"})
        self.person_view.invalidate()

    def records_changed(self) -> None:
        """After people, venues, groups... changed: everything may look different."""
        self.reload()
        self.person_view.invalidate()

    # -- selection -----------------------------------------------------------------------------

    def selected_item_ids(self) -> list[int]:
        """The items selected on the page shown (timeline, agenda or items table)."""
        page = self.current_page()
        if page == "timeline":
            return self.timeline.selected_ids()
        if page == "item":
            return self.items_page.selected_ids()
        return self.agenda.selected_item_ids()

    def selected_item_id(self) -> int | None:
        found = self.selected_item_ids()
        return found[0] if found else None

    def select_items(self, item_ids: list[int]) -> None:
        """Show these items: on the timeline when it is shown, else in the agenda."""
        if self.current_page() == "timeline":
            self.timeline.select_items(item_ids)
            return
        if self.current_page() == "item":
            self.items_page.select_ids(item_ids)
            return
        self.show_page("agenda")
        self.agenda.select_items(item_ids)

    def selected_person_ids(self) -> list[int]:
        return self.people.selected_ids()

    def selected_person_id(self) -> int | None:
        return self.people.current_id() or next(iter(self.selected_person_ids()), None)

    # -- items ---------------------------------------------------------------------------------

    def move_item_to(self, item_id: int, new_start: datetime) -> None:
        """Move an item (from the timeline) as one undoable step."""
        with self.plan.reading() as session:
            found = items.get_item(session, item_id)
            start, title = found.start_utc, found.title_en
        self._push(MoveItemCommand(self.plan, item_id, start, new_start, title, self.item_changed))

    def move_selected(self, delta: timedelta) -> None:
        item_id = self.selected_item_id()
        if item_id is None:
            self.statusBar().showMessage("Select an item to move")
            return
        with self.plan.reading() as session:
            start = items.get_item(session, item_id).start_utc
        self.move_item_to(item_id, start + delta)

    def new_item(self, values: ItemValues | None = None) -> ItemEditor:
        """Open the editor for a new item; saving it is one undoable step."""
        editor = ItemEditor(self.plan, self, values=values)
        editor.accepted.connect(
            lambda: self.undo_stack.push(
                AddItemCommand(self.plan, editor.item_id, editor.saved.title_en, self.item_changed)
            )
        )
        editor.open()
        return editor

    def new_item_at(
        self, programme_id: int, start: datetime, venue_id: int | None, room: str
    ) -> ItemEditor:
        """A new hour-long item where the timeline was double-clicked."""
        room_id = None
        if venue_id is not None and room:
            with self.plan.reading() as session:
                rooms = venues.get_venue(session, venue_id).rooms
                room_id = next((r.id for r in rooms if r.name == room), None)
        values = ItemValues(
            programme_id,
            "",
            "",
            ItemKind.SESSION,
            ItemStatus.CONFIRMED,
            venue_id,
            room_id,
            start,
            start + timedelta(hours=1),
            "",
        )
        return self.new_item(values)

    def edit_item(self, item_id: int) -> ItemEditor:
        """Open the editor on an item; saving the change is one undoable step."""
        before = item_values(self.plan, item_id)
        editor = ItemEditor(self.plan, self, values=before, item_id=item_id)
        editor.accepted.connect(
            lambda: self.undo_stack.push(
                EditItemCommand(self.plan, item_id, before, editor.saved, self.item_changed)
            )
        )
        editor.open()
        return editor

    def resize_item_to(self, item_id: int, new_end: datetime) -> None:
        """Give an item a new end (the timeline's edge drag) as one undoable step."""
        with self.plan.reading() as session:
            found = items.get_item(session, item_id)
            end, title = found.end_utc, found.title_en
        self._push(ResizeItemCommand(self.plan, item_id, end, new_end, title, self.item_changed))

    def set_status(self, status: str, item_ids: list[int] | None = None) -> None:
        ids = item_ids or self.selected_item_ids()
        if not ids:
            self.statusBar().showMessage("Select the items to change first")
            return
        text = f"Mark {counted(len(ids), 'item', 'items')} as {label(status).lower()}"
        self._push(SetStatusCommand(self.plan, ids, status, text, self.items_changed))

    # -- records -------------------------------------------------------------------------------

    def new_record(self, entity: Entity) -> RecordEditor:
        editor = RecordEditor(self.plan, entity, self)

        def added() -> None:
            self.undo_stack.push(
                AddRecordCommand(
                    self.plan,
                    entity,
                    editor.record_id,
                    editor.saved_name,
                    self.records_changed,
                )
            )
            self.records_changed()
            self.show_page(entity.key)
            self.records[entity.key].select_ids([editor.record_id])

        editor.accepted.connect(added)
        editor.open()
        return editor

    def edit_record(self, entity: Entity, record_id: int) -> RecordEditor:
        editor = RecordEditor(self.plan, entity, self, record_id=record_id)

        def edited() -> None:
            self.undo_stack.push(
                EditRecordCommand(
                    self.plan,
                    entity,
                    record_id,
                    editor.before,
                    editor.saved,
                    editor.saved_name,
                    self.records_changed,
                )
            )
            self.records_changed()

        editor.accepted.connect(edited)
        editor.open()
        return editor

    def edit_plan_details(self) -> RecordEditor:
        with self.plan.reading() as session:
            plan_id = plans.get_plan(session).id
        return self.edit_record(PLAN, plan_id)

    def edit_selected(self) -> QWidget | None:
        """Edit what is selected on the page shown (also Enter and double-click)."""
        page = self.current_page()
        if page in ITEM_PAGES:
            item_id = self.selected_item_id()
            if item_id is None:
                self.statusBar().showMessage("Select an item to edit")
                return None
            return self.edit_item(item_id)
        record_id = self.records[page].current_id()
        if record_id is None:
            self.statusBar().showMessage(f"Select one of the {ENTITIES[page].plural} to edit")
            return None
        return self.edit_record(ENTITIES[page], record_id)

    def delete_items(self, item_ids: list[int]) -> None:
        what = counted(len(item_ids), "item", "items")
        self._delete(
            item_ids, "items", items.delete_item, what, lambda: self.items_changed(item_ids)
        )

    def delete_selected(self) -> None:
        """Delete the selection on the page shown, as one undoable step."""
        page = self.current_page()
        if page in ITEM_PAGES:
            self.delete_items(self.selected_item_ids())
        else:
            entity = ENTITIES[page]
            ids = self.records[page].selected_ids()
            what = counted(len(ids), entity.title.lower(), entity.plural)
            self._delete(ids, entity.table, entity.delete, what, self.records_changed)

    def _delete(
        self,
        ids: list[int],
        table: str,
        delete: Callable[..., None],
        what: str,
        changed: Callable[[], None],
    ) -> None:
        if not ids:
            self.statusBar().showMessage("Select what to delete first")
            return
        text = f"Delete {what}"
        if self._push(DeleteCommand(self.plan, table, ids, delete, text, changed)):
            self.statusBar().showMessage(f"{text} — Edit > Undo brings them back")

    def _push(self, command: TriedCommand) -> bool:
        """Run an undoable change; a refusal (a domain error) is said in words, not pushed."""
        try:
            command.try_it()
        except TourPlannerError as exc:
            QMessageBox.warning(self, command.text(), f"Nothing was changed.\n\n{exc}")
            return False
        self.undo_stack.push(command)
        return True

    # -- bulk actions on people ----------------------------------------------------------------

    def _people_for(self, what: str) -> list[int] | None:
        ids = self.selected_person_ids()
        if not ids:
            QMessageBox.information(self, what, "Select one or more people in People first.")
            return None
        return ids

    def _choose(
        self,
        title: str,
        prompt: str,
        options: list[tuple[str, int]],
        roles: list[tuple[str, str]] | None = None,
    ) -> tuple[int, str | None] | None:
        chooser = Chooser(self, title, prompt, options, roles=roles)
        self._chooser = chooser  # tests answer it
        if not chooser.exec() or chooser.chosen() is None:
            return None
        return chooser.chosen(), chooser.chosen_role()

    def book_people_into_item(
        self, item_id: int | None = None, role: str = ParticipationRole.ATTENDING
    ) -> None:
        """Book the selected people into one item (as attendees, speakers, chairs…)."""
        ids = self._people_for("Book into an item")
        if ids is None:
            return
        if item_id is None:
            with self.plan.reading() as session:
                options = [
                    (
                        f"{to_local(i.start_utc, i.timezone):%a %d %b %H:%M} "
                        f"{abbreviation(i.start_utc, i.timezone)} — {i.title_en}",
                        i.id,
                    )
                    for i in items.list_items(session)
                ]
            picked = self._choose(
                "Book into an item",
                f"Book {counted(len(ids), 'person', 'people')} into:",
                options,
                [(label(r), r.value) for r in ParticipationRole],
            )
            if picked is None:
                return
            item_id, role = picked
        self._book([Booking(p, item_id=item_id, role=role) for p in ids])

    def book_people_into_programme(
        self, programme_id: int | None = None, role: str = ParticipationRole.ATTENDING
    ) -> None:
        """Book the selected people onto a whole tour or programme (its bus, its seats)."""
        ids = self._people_for("Book onto a tour or programme")
        if ids is None:
            return
        if programme_id is None:
            with self.plan.reading() as session:
                options = [(p.title_en, p.id) for p in programmes.list_programmes(session)]
            picked = self._choose(
                "Book onto a tour or programme",
                f"Book {counted(len(ids), 'person', 'people')} onto:",
                options,
                [(label(r), r.value) for r in ParticipationRole],
            )
            if picked is None:
                return
            programme_id, role = picked
        self._book([Booking(p, programme_id=programme_id, role=role) for p in ids])

    def _book(self, bookings: list[Booking]) -> None:
        text = f"Book {counted(len(bookings), 'person', 'people')}"
        role = bookings[0].role
        if role != ParticipationRole.ATTENDING:
            text += f" ({label(role).lower()})"
        self._push(BookCommand(self.plan, bookings, text, self.records_changed))

    def show_bookings(self) -> BookingsDialog | None:
        """Who is booked into the selected item (or onto the selected programme)."""
        if self.current_page() == "programme":
            programme_id = self.records["programme"].current_id()
            target = {"programme_id": programme_id} if programme_id is not None else None
        else:
            item_id = self.selected_item_id()
            target = {"item_id": item_id} if item_id is not None else None
        if target is None:
            self.statusBar().showMessage("Select an item or a programme first")
            return None
        dialog = BookingsDialog(self.plan, self, self.unbook, **target)
        dialog.open()
        return dialog

    def unbook(self, bookings: list[Booking]) -> bool:
        text = f"Take {counted(len(bookings), 'person', 'people')} off"
        return self._push(UnbookCommand(self.plan, bookings, text, self.records_changed))

    def add_people_to_group(self, group_id: int | None = None) -> None:
        ids = self._people_for("Add to a group")
        if ids is None:
            return
        if group_id is None:
            with self.plan.reading() as session:
                options = [(g.name, g.id) for g in organizations.list_groups(session)]
            picked = self._choose(
                "Add to a group", f"Add {counted(len(ids), 'person', 'people')} to:", options
            )
            if picked is None:
                return
            group_id = picked[0]
        text = f"Add {counted(len(ids), 'person', 'people')} to a group"
        self._push(JoinGroupCommand(self.plan, group_id, ids, text, self.records_changed))

    # -- find, check ---------------------------------------------------------------------------

    def find(self) -> None:
        """Put the cursor in the search box of the table shown (the items table from a view)."""
        page = self.current_page()
        if page in ("timeline", "agenda"):
            self.show_page("item")
            page = "item"
        self.records[page].search.setFocus()
        self.records[page].search.selectAll()

    def check_plan(self) -> None:
        """Run every check again (F5), at once."""
        self.checker.rebuild(self.plan)
        findings = self.checker.findings()
        self.conflicts_dock.show()
        errors = sum(f.severity == "error" for f in findings)
        warnings = len(findings) - errors
        self.statusBar().showMessage(
            f"Checked: {counted(errors, 'error', 'errors')}, "
            f"{counted(warnings, 'warning', 'warnings')}"
        )

    # -- plans ---------------------------------------------------------------------------------

    def open_plan(self, path: Path) -> bool:
        """Switch to another plan file; on failure say why and keep the current one."""
        try:
            plan = PlanFile.open(path)
        except TourPlannerError as exc:
            QMessageBox.warning(self, "Open plan", f"The plan could not be opened.\n\n{exc}")
            return False
        self._switch_to(plan)
        if plan.backup_path is not None:
            self.statusBar().showMessage(
                f"Upgraded; the old version is kept in {plan.backup_path.name}"
            )
        return True

    def _switch_to(self, plan: PlanFile) -> None:
        old = self.plan
        self.plan = self.timeline.plan = self.agenda.plan = self.person_view.plan = plan
        self.person_view.set_person(None)
        self.person_view.invalidate()
        for page in self.records.values():
            page.model.plan = plan
        self.undo_stack.clear()  # the steps belong to the other file
        self.agenda.forget_open_programmes()
        remember(plan.path)
        self.reload()
        if old is not plan:
            self.checker.wait()
            self.timeline.days.wait()  # reads ahead of the old file end before it closes
            old.close()

    def new_plan(self, path: Path | None = None) -> bool:
        """Create an empty plan file (same home zone as the current plan) and open it."""
        if path is None:
            name, _ = QFileDialog.getSaveFileName(
                self, "New plan", "plan.tourplan", "Plans (*.tourplan)"
            )
            if not name:
                return False
            path = Path(name)
        with self.plan.reading() as session:
            zone = plans.get_plan(session).home_timezone
        try:
            plan = PlanFile.create(path)
            with plan.transaction() as session:
                plans.create_plan(session, title=path.stem, home_timezone=zone)
        except TourPlannerError as exc:
            QMessageBox.warning(self, "New plan", f"The plan was not created.\n\n{exc}")
            return False
        self._switch_to(plan)
        return True

    def open_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Open plan", "", "Plans (*.tourplan);;All files (*)"
        )
        if name:
            self.open_plan(Path(name))

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        present, gone = recent_plans()
        for path in present:
            action = self.recent_menu.addAction(path.name)
            action.setToolTip(str(path))
            action.triggered.connect(lambda _=False, p=path: self.open_plan(p))
        if not present:
            self.recent_menu.addAction("(none)").setEnabled(False)
        if gone:
            self.statusBar().showMessage(
                "No longer found, removed from the list: " + ", ".join(p.name for p in gone)
            )

    def save_copy(self, target: Path | None = None) -> Path | None:
        """Write a consistent copy of the plan to another file (the open plan stays open)."""
        if target is None:
            name, _ = QFileDialog.getSaveFileName(
                self, "Save a copy", "copy.tourplan", "Plans (*.tourplan)"
            )
            if not name:
                return None
            target = Path(name)
        try:
            self.plan.save_copy(target)
        except (TourPlannerError, OSError) as exc:
            QMessageBox.warning(self, "Save a copy", f"The copy was not written.\n\n{exc}")
            return None
        self.statusBar().showMessage(f"Saved a copy as {target}")
        return target

    def import_people(self) -> None:
        from tourplanner.ui.import_dialog import ImportPeopleDialog

        dialog = ImportPeopleDialog(self.plan, self)
        dialog.imported.connect(lambda *_: self.reload())
        dialog.exec()

    def import_events(self) -> None:
        from tourplanner.ui.import_dialog import ImportEventsDialog

        dialog = ImportEventsDialog(self.plan, self)
        dialog.imported.connect(lambda *_: self.reload())
        dialog.exec()

    # -- itineraries ---------------------------------------------------------------------------

    def _person_or_say(self, what: str) -> int | None:
        person_id = self.selected_person_id()
        if person_id is None:
            QMessageBox.information(self, what, "Select a person in People first.")
        return person_id

    def export_selected_itinerary(self, path: Path | None = None) -> Path | None:
        person_id = self._person_or_say("Export itinerary")
        if person_id is None:
            return None
        if path is None:
            name, _ = QFileDialog.getSaveFileName(
                self, "Export itinerary", "itinerary.pdf", "PDF (*.pdf)"
            )
            if not name:
                return None
            path = Path(name)
        from tourplanner.export.pdf import export_itinerary  # reportlab: loaded when needed

        try:
            export_itinerary(self.plan, person_id, path)
        except (TourPlannerError, OSError) as exc:
            QMessageBox.warning(
                self, "Export itinerary", f"The itinerary was not written.\n\n{exc}"
            )
            return None
        self.statusBar().showMessage(f"Wrote {path}")
        return path

    def _write(self, what: str, path: Path, write: Callable[[Path], object]) -> Path | None:
        """Run one export; a problem is said in words and leaves no file behind."""
        try:
            write(path)
        except (TourPlannerError, OSError) as exc:
            QMessageBox.warning(self, what, f"Nothing was written.\n\n{exc}")
            return None
        self.statusBar().showMessage(f"Wrote {path}")
        return path

    def _save_name(self, what: str, suggested: str, filters: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self, what, suggested, filters)
        return Path(name) if name else None

    def export_programme(
        self, kind: str, programme_id: int | None = None, path: Path | None = None
    ) -> Path | None:
        """A programme as a booklet, a tour sheet, a calendar or a pretalx/frab schedule."""
        what, suffixes = {
            "booklet": ("Programme booklet", "PDF (*.pdf)"),
            "tour": ("Tour sheet", "PDF (*.pdf)"),
            "ics": ("Programme calendar", "Calendar (*.ics)"),
            "schedule": ("Programme schedule", "Schedule (*.xml *.json)"),
        }[kind]
        if programme_id is None:
            with self.plan.reading() as session:
                options = [(p.title_en, p.id) for p in programmes.list_programmes(session)]
            picked = self._choose(what, "Which programme?", options)
            if picked is None:
                return None
            programme_id = picked[0]
        suffix = {"booklet": ".pdf", "tour": ".pdf", "ics": ".ics", "schedule": ".xml"}[kind]
        path = path or self._save_name(what, f"{kind}{suffix}", suffixes)
        if path is None:
            return None

        def write(out: Path) -> None:
            if kind in ("booklet", "tour"):
                from tourplanner.export import pdf

                make = pdf.export_programme_booklet if kind == "booklet" else pdf.export_tour
                make(self.plan, programme_id, out)
                return
            with self.plan.reading() as session:
                if kind == "ics":
                    from tourplanner.interchange.ics_export import export_ics

                    export_ics(session, out, programme_id=programme_id)
                else:
                    from tourplanner.interchange.schedule_export import export_schedule

                    export_schedule(session, out, programme_id=programme_id)

        return self._write(what, path, write)

    def export_person_calendar(self, path: Path | None = None) -> Path | None:
        person_id = self._person_or_say("Export calendar")
        if person_id is None:
            return None
        path = path or self._save_name("Export calendar", "itinerary.ics", "Calendar (*.ics)")
        if path is None:
            return None

        def write(out: Path) -> None:
            from tourplanner.interchange.ics_export import export_ics

            with self.plan.reading() as session:
                export_ics(session, out, person_id=person_id)

        return self._write("Export calendar", path, write)

    def export_people_list(self, path: Path | None = None) -> Path | None:
        path = path or self._save_name(
            "Export people", "people.xlsx", "Excel (*.xlsx);;CSV (*.csv)"
        )
        if path is None:
            return None

        def write(out: Path) -> None:
            from tourplanner.interchange.people_export import export_people

            with self.plan.reading() as session:
                export_people(session, out)

        return self._write("Export people", path, write)

    def print_itinerary(self) -> bool:
        """Print the selected person's itinerary as it shows in the preview (a print dialog)."""
        person_id = self._person_or_say("Print itinerary")
        if person_id is None:
            return False
        self.person_view.set_person(person_id)
        return self.person_view.print_itinerary()

    def export_all_itineraries(
        self, out: Path | None = None, *, workers: int | None = None
    ) -> BatchExportWorker | None:
        if out is None:
            name, _ = QFileDialog.getSaveFileName(
                self, "Export all itineraries", "itineraries.pdf", "PDF (*.pdf)"
            )
            if not name:
                return None
            out = Path(name)
        dialog = QProgressDialog("Exporting itineraries…", "Cancel", 0, 100, self)
        dialog.setWindowTitle("Export all itineraries")
        dialog.setMinimumDuration(0)
        worker = BatchExportWorker(self.plan, out, workers=workers)
        worker.progressed.connect(
            lambda done, total: (dialog.setMaximum(max(total, 1)), dialog.setValue(done))
        )
        dialog.canceled.connect(worker.stop.set)
        worker.finished.connect(
            lambda paths: (dialog.reset(), self.statusBar().showMessage(f"Wrote {out}"))
        )
        worker.cancelled.connect(
            lambda: (dialog.reset(), self.statusBar().showMessage("Export cancelled"))
        )
        worker.failed.connect(
            lambda text: (dialog.reset(), QMessageBox.warning(self, "Export", text))
        )
        self._batch = (worker, start_worker(worker), dialog)
        return worker

    def _about(self) -> None:
        QMessageBox.about(
            self,
            "About TourPlanner",
            f"<b>TourPlanner {__version__}</b><p>Plan international conferences, study tours "
            "and delegation visits; print each delegate's itinerary.</p>"
            "<p>Works offline: every change is saved in the plan file at once.</p>",
        )

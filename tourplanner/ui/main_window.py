"""The main window: a navigator, the timeline, agenda and tables, the conflicts dock, menus.

Every change is one transaction, saved at once, and one step on the undo stack.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import (
    QDockWidget,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from tourplanner import __version__
from tourplanner.db import PlanFile
from tourplanner.enums import ItemKind, ItemStatus, label
from tourplanner.errors import TourPlannerError
from tourplanner.services import (
    items,
    itinerary,
    listings,
    plans,
    programmes,
    venues,
)
from tourplanner.ui.agenda import AgendaView
from tourplanner.ui.booking_actions import BookingActions
from tourplanner.ui.conflict_checker import ConflictChecker
from tourplanner.ui.conflicts_panel import ConflictsPanel
from tourplanner.ui.entities import ENTITIES, PLAN, Entity
from tourplanner.ui.icons import icon
from tourplanner.ui.item_editor import ItemEditor, ItemValues, item_values
from tourplanner.ui.itinerary import ItineraryPreview
from tourplanner.ui.pages import ITEM_PAGES, PAGES
from tourplanner.ui.plan_file_actions import PlanFileActions
from tourplanner.ui.record_editor import RecordEditor
from tourplanner.ui.record_page import RecordPage
from tourplanner.ui.tasks import TaskRunner
from tourplanner.ui.timeline import TimelineView
from tourplanner.ui.travel_times_dialog import TravelTimesDialog
from tourplanner.ui.undo_commands import (
    AddedCommand,
    DeleteCommand,
    EditedCommand,
    MoveItemCommand,
    ResizeItemCommand,
    SetStatusCommand,
    TravelTimeCommand,
    TriedCommand,
)
from tourplanner.ui.window.export_actions import ExportActions
from tourplanner.ui.window_menus import WindowMenus
from tourplanner.ui.wording import counted

PAGE_KEY = Qt.ItemDataRole.UserRole


class MainWindow(WindowMenus, BookingActions, PlanFileActions, QMainWindow):
    """One open plan. Every change is one transaction, saved at once and undoable."""

    def __init__(self, plan: PlanFile) -> None:
        super().__init__()
        self.plan = plan
        self.undo_stack = QUndoStack(self)
        self.tasks = TaskRunner(self)
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
        self.person_view = ItineraryPreview(plan, self.tasks)
        self.person_view.status_message.connect(self.statusBar().showMessage)
        self.person_view.export_button.setIcon(icon("export"))
        self.person_view.print_button.setIcon(icon("print"))
        # Rendering an itinerary takes a moment: wait until the selection settles.
        self._preview_timer = QTimer(self, singleShot=True, interval=150)
        self._preview_timer.timeout.connect(
            lambda: self.person_view.request_person(self.selected_person_id())
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
        self.exports = ExportActions(self)
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
        self.tasks.shut_down()  # a batch export stops and removes its partial file
        self.checker.shut_down()
        self.timeline.shut_down()
        self._preview_timer.stop()
        self.person_view.shut_down()
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

    @property
    def widget(self) -> QWidget:
        return self

    def say(self, message: str) -> None:
        self.statusBar().showMessage(message)

    def warn(self, title: str, message: str) -> None:
        QMessageBox.warning(self, title, message)

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
        self.timeline.refresh_items(item_ids)
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

        def added() -> None:
            item_id = editor.item_id
            self.undo_stack.push(
                AddedCommand(
                    self.plan,
                    "items",
                    item_id,
                    items.delete_item,
                    f"Add '{editor.saved.title_en}'",
                    lambda: self.item_changed(item_id),
                )
            )
            self.item_changed(item_id)

        editor.accepted.connect(added)
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

        def edited() -> None:
            self.undo_stack.push(
                EditedCommand(
                    self.plan,
                    lambda session, values: items.update_item(
                        session, item_id, **values.as_changes()
                    ),
                    before,
                    editor.saved,
                    f"Edit '{editor.saved.title_en}'",
                    lambda: self.item_changed(item_id),
                )
            )
            self.item_changed(item_id)

        editor.accepted.connect(edited)
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
                AddedCommand(
                    self.plan,
                    entity.table,
                    editor.record_id,
                    entity.delete,
                    f"Add {entity.title.lower()} '{editor.saved_name}'",
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
                EditedCommand(
                    self.plan,
                    lambda session, values: entity.update(session, record_id, **values),
                    editor.before,
                    editor.saved,
                    f"Edit {entity.title.lower()} '{editor.saved_name}'",
                    self.records_changed,
                )
            )
            self.records_changed()

        editor.accepted.connect(edited)
        editor.open()
        return editor

    def edit_travel_times(self) -> TravelTimesDialog:
        """Plan > Travel times: the minutes the checks allow between two venues."""
        dialog = TravelTimesDialog(self.plan, self, self.set_travel_time)
        dialog.open()
        return dialog

    def set_travel_time(self, venue_a: int, venue_b: int, minutes: int | None) -> str | None:
        """One undoable change of a pair's travel time; returns the problem, if refused."""
        return self._try(
            TravelTimeCommand(self.plan, venue_a, venue_b, minutes, self.records_changed)
        )

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

    def _try(self, command: TriedCommand) -> str | None:
        """Run an undoable change and put it on the stack; a refusal is returned in words."""
        try:
            command.try_it()
        except TourPlannerError as exc:
            return str(exc)
        self.undo_stack.push(command)
        return None

    def _push(self, command: TriedCommand) -> bool:
        """Run an undoable change; a refusal (a domain error) is said in a message box."""
        problem = self._try(command)
        if problem is not None:
            QMessageBox.warning(self, command.text(), f"Nothing was changed.\n\n{problem}")
        return problem is None

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

    def _about(self) -> None:
        QMessageBox.about(
            self,
            "About TourPlanner",
            f"<b>TourPlanner {__version__}</b><p>Plan international conferences, study tours "
            "and delegation visits; print each delegate's itinerary.</p>"
            "<p>Works offline: every change is saved in the plan file at once.</p>",
        )

"""The main window: programmes and items, people, conflicts; imports, PDF exports, undo."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QSettings, QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QTableView,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tourplanner import __version__
from tourplanner.db import PlanFile
from tourplanner.errors import TourPlannerError
from tourplanner.export.pdf import export_itinerary
from tourplanner.models.enums import label
from tourplanner.services import items, itinerary, plans
from tourplanner.services.conflicts import build_index, refresh_item
from tourplanner.services.views import ItemView
from tourplanner.timezones import abbreviation, to_local
from tourplanner.ui.batch_export import BatchExportWorker, start_worker
from tourplanner.ui.conflicts_panel import ConflictsPanel
from tourplanner.ui.item_editor import ItemEditor, item_values
from tourplanner.ui.people_model import PeopleModel
from tourplanner.ui.recent import recent_plans, remember
from tourplanner.ui.timeline import TimelineView
from tourplanner.ui.undo_commands import AddItemCommand, EditItemCommand, MoveItemCommand

COLUMNS = ("Programme / item", "When (local)", "Kind", "Venue", "Status")
STEP = timedelta(minutes=15)
EAGER_ITEMS = 2000  # up to this many items, every programme is shown open


def item_row(view: ItemView) -> list[str]:
    """The cells of an item: both-language title, local time range with zone, kind, venue."""
    start = to_local(view.start_utc, view.timezone)
    end = to_local(view.end_utc, view.timezone)
    title = f"{view.title_en} · {view.title_local}" if view.title_local else view.title_en
    when = f"{start:%a %d %b  %H:%M}–{end:%H:%M} {abbreviation(view.start_utc, view.timezone)}"
    venue = ""
    if view.venue:
        venue = view.venue.name_en + (f" · {view.room}" if view.room else "")
    return [title, when, label(view.kind), venue, label(view.status)]


class MainWindow(QMainWindow):
    """One open plan. Every change is one transaction, saved at once and undoable."""

    def __init__(self, plan: PlanFile) -> None:
        super().__init__()
        self.plan = plan
        self.undo_stack = QUndoStack(self)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(COLUMNS)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setAccessibleName("Programmes and items")
        self.tree.setToolTip("The plan's programmes and their items, in local time")
        self.tree.itemDoubleClicked.connect(lambda *_: self.edit_selected())
        self.tree.itemExpanded.connect(self._expanding)
        self.tree.itemCollapsed.connect(self._collapsed)
        self._expanded: set[int] | None = None
        self.people = PeopleModel(plan)
        self.people_filter = QSortFilterProxyModel(self)
        self.people_filter.setSourceModel(self.people)
        self.people_filter.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.people_filter.setFilterKeyColumn(-1)
        self.people_view = QTableView()
        self.people_view.setModel(self.people_filter)
        self.people_view.setSortingEnabled(True)
        self.people_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.people_view.verticalHeader().setVisible(False)
        self.people_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.people_view.setAccessibleName("People")
        self.people_view.horizontalHeader().setStretchLastSection(True)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Find people by name, organization, group or email")
        self.search.setAccessibleName("Find people")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.people_filter.setFilterFixedString)
        people_page = QWidget()
        layout = QVBoxLayout(people_page)
        layout.addWidget(self.search)
        layout.addWidget(self.people_view)
        self.timeline = TimelineView(plan)
        self.timeline.move_requested.connect(self.move_item_to)
        self.timeline.edit_requested.connect(self.edit_item)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.tree, "Programmes")
        self.tabs.addTab(people_page, "People")
        self.tabs.addTab(self.timeline, "Timeline")
        self.setCentralWidget(self.tabs)
        self.conflicts = ConflictsPanel()
        self.conflicts.show_items.connect(self.select_items)
        dock = QDockWidget("Conflicts", self)
        dock.setObjectName("conflicts")
        dock.setWidget(self.conflicts)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        self.resizeDocks([dock], [180], Qt.Orientation.Vertical)
        self._build_menus()
        self.resize(1440, 900)
        settings = QSettings()
        if settings.contains("window/geometry"):
            self.restoreGeometry(settings.value("window/geometry"))
            self.restoreState(settings.value("window/state"))
        self.reload()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        """Remember the window's size and docks; the plan itself is always saved already."""
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        super().closeEvent(event)

    # -- menus ---------------------------------------------------------------------------------

    def _action(self, menu, text: str, slot, shortcut=None, tip: str = "") -> QAction:  # noqa: ANN001
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.setToolTip(tip or text.replace("&", "").rstrip("…"))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self._action(file_menu, "&New plan…", self.new_plan, QKeySequence.StandardKey.New)
        self._action(file_menu, "&Open…", self.open_dialog, QKeySequence.StandardKey.Open)
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self._action(file_menu, "Save a &Copy As…", self.save_copy, QKeySequence.StandardKey.SaveAs)
        file_menu.addSeparator()
        self._action(file_menu, "Import &people…", self.import_people)
        self._action(file_menu, "Import &calendar or schedule…", self.import_events)
        file_menu.addSeparator()
        self._action(file_menu, "Export &itinerary (PDF)…", self.export_selected_itinerary)
        self._action(file_menu, "Export &all itineraries (PDF)…", self.export_all_itineraries)
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", self.close, QKeySequence.StandardKey.Quit)
        edit = bar.addMenu("&Edit")
        undo = self.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        edit.addActions([undo, redo])
        edit.addSeparator()
        self._action(edit, "&New item…", self.new_item, "Ctrl+I")
        self._action(edit, "&Edit item…", self.edit_selected, "Ctrl+E")
        self._action(edit, "Move item 15 min &later", lambda: self.move_selected(STEP), "Ctrl+Down")
        self._action(
            edit, "Move item 15 min &earlier", lambda: self.move_selected(-STEP), "Ctrl+Up"
        )
        help_menu = bar.addMenu("&Help")
        self._action(help_menu, "&About TourPlanner", self._about)

    # -- loading -------------------------------------------------------------------------------

    def reload(self) -> None:
        """Rebuild every view and the conflict index from the plan file."""
        with self.plan.reading() as session:
            title = plans.get_plan(session).title
            self.conflict_index = build_index(session)
        self.setWindowTitle(f"{title} — {self.plan.path.name} — TourPlanner")
        count = self._fill_tree()
        self.timeline.reload_days()
        self.people.reload()
        self.people_view.resizeColumnsToContents()
        self.conflicts.set_findings(self.conflict_index.findings())
        self.statusBar().showMessage(f"{count} items, {len(self.people.rows)} people")

    def _fill_tree(self) -> int:
        """Programmes, with their items in local time; returns the plan's item count.

        A programme's items are read when it is opened (or was open before), so a plan of
        tens of thousands of items opens at once.
        """
        with self.plan.reading() as session:
            summary = itinerary.plan_summary(session)["programmes"]
        total = sum(p["items"] for p in summary)
        if self._expanded is None:
            self._expanded = {p["id"] for p in summary} if total <= EAGER_ITEMS else set()
        self.tree.blockSignals(True)
        self.tree.clear()
        for p in summary:
            name = f"{p['title']} · {p['title_local']}" if p["title_local"] else p["title"]
            dates = (
                f"{date.fromisoformat(p['start']):%d %b} – {date.fromisoformat(p['end']):%d %b %Y}"
            )
            node = QTreeWidgetItem([name, dates, label(p["kind"]), f"{p['items']} items", ""])
            node.setData(0, Qt.ItemDataRole.UserRole, ("programme", p["id"]))
            self.tree.addTopLevelItem(node)
            if p["id"] in self._expanded:
                self._fill_programme(node)
                node.setExpanded(True)
            elif p["items"]:
                node.addChild(QTreeWidgetItem(["…"]))  # makes it expandable until it is read
        self.tree.blockSignals(False)
        for column in range(1, len(COLUMNS)):
            self.tree.resizeColumnToContents(column)
        self.tree.setColumnWidth(0, 520)
        self.tree.setColumnWidth(3, min(self.tree.columnWidth(3), 380))
        return total

    def _fill_programme(self, node: QTreeWidgetItem) -> None:
        pid = node.data(0, Qt.ItemDataRole.UserRole)[1]
        with self.plan.reading() as session:
            views = itinerary.programme_items(session, pid)
        node.takeChildren()
        for view in views:
            child = QTreeWidgetItem(item_row(view))
            child.setData(0, Qt.ItemDataRole.UserRole, ("item", view.id))
            node.addChild(child)

    def _expanding(self, node: QTreeWidgetItem) -> None:
        data = node.data(0, Qt.ItemDataRole.UserRole)
        if data and data[0] == "programme" and data[1] not in self._expanded:
            self._expanded.add(data[1])
            self._fill_programme(node)

    def _collapsed(self, node: QTreeWidgetItem) -> None:
        data = node.data(0, Qt.ItemDataRole.UserRole)
        if data and data[0] == "programme":
            self._expanded.discard(data[1])

    def item_changed(self, item_id: int) -> None:
        """After an edit: recheck only what the item touches, then refresh the views."""
        with self.plan.reading() as session:
            refresh_item(session, self.conflict_index, item_id)
        selected = self.selected_item_id()
        self.timeline.refresh_item(item_id)
        self._fill_tree()
        self.conflicts.set_findings(self.conflict_index.findings())
        if selected is not None:
            self.select_items([selected])

    # -- selection -----------------------------------------------------------------------------

    def _item_nodes(self):  # noqa: ANN202 - a generator of tree items
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            for j in range(top.childCount()):
                yield top.child(j)

    def selected_item_id(self) -> int | None:
        node = self.tree.currentItem()
        data = node.data(0, Qt.ItemDataRole.UserRole) if node else None
        return data[1] if data and data[0] == "item" else None

    def select_items(self, item_ids: list[int]) -> None:
        """Select (and scroll to) the first occurrence of each of these items."""
        if self.tabs.currentWidget() is not self.timeline:
            self.tabs.setCurrentIndex(0)
        self.tree.clearSelection()
        wanted = set(item_ids)
        with self.plan.reading() as session:
            owners = {items.get_item(session, i).programme_id for i in wanted}
        for n in range(self.tree.topLevelItemCount()):
            node = self.tree.topLevelItem(n)
            if node.data(0, Qt.ItemDataRole.UserRole)[1] in owners:
                node.setExpanded(True)  # reads its items if they were not read yet
        first = None
        for node in self._item_nodes():
            kind, ident = node.data(0, Qt.ItemDataRole.UserRole)
            if ident in wanted:
                node.setSelected(True)
                wanted.discard(ident)
                first = first or node
        if first is not None:
            self.tree.setCurrentItem(first)
            self.tree.scrollToItem(first)

    def selected_person_id(self) -> int | None:
        index = self.people_view.currentIndex()
        return self.people_filter.data(index, Qt.ItemDataRole.UserRole) if index.isValid() else None

    # -- operations ----------------------------------------------------------------------------

    def move_item_to(self, item_id: int, new_start: datetime) -> None:
        """Move an item (from the timeline) as one undoable step."""
        with self.plan.reading() as session:
            found = items.get_item(session, item_id)
            start, title = found.start_utc, found.title_en
        self.undo_stack.push(
            MoveItemCommand(self.plan, item_id, start, new_start, title, self.item_changed)
        )

    def edit_item(self, item_id: int) -> ItemEditor | None:
        self.select_items([item_id])
        return self.edit_selected()

    def move_selected(self, delta: timedelta) -> None:
        item_id = self.selected_item_id()
        if item_id is None:
            self.statusBar().showMessage("Select an item to move")
            return
        with self.plan.reading() as session:
            found = items.get_item(session, item_id)
            start, title = found.start_utc, found.title_en
        self.undo_stack.push(
            MoveItemCommand(self.plan, item_id, start, start + delta, title, self.item_changed)
        )

    def new_item(self) -> ItemEditor:
        """Open the editor for a new item; saving it is one undoable step."""
        editor = ItemEditor(self.plan, self)
        editor.accepted.connect(
            lambda: self.undo_stack.push(
                AddItemCommand(self.plan, editor.item_id, editor.saved.title_en, self.item_changed)
            )
        )
        editor.open()
        return editor

    def edit_selected(self) -> ItemEditor | None:
        """Open the editor on the selected item (also on double-click)."""
        item_id = self.selected_item_id()
        if item_id is None:
            self.statusBar().showMessage("Select an item to edit")
            return None
        before = item_values(self.plan, item_id)
        editor = ItemEditor(self.plan, self, values=before, item_id=item_id)
        editor.accepted.connect(
            lambda: self.undo_stack.push(
                EditItemCommand(self.plan, item_id, before, editor.saved, self.item_changed)
            )
        )
        editor.open()
        return editor

    # -- plans -------------------------------------------------------------------------------

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
        self.plan = self.people.plan = self.timeline.plan = plan
        self.undo_stack.clear()  # the steps belong to the other file
        self._expanded = None
        remember(plan.path)
        self.reload()
        if old is not plan:
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

    def export_selected_itinerary(self, path: Path | None = None) -> Path | None:
        person_id = self.selected_person_id()
        if person_id is None:
            QMessageBox.information(
                self, "Export itinerary", "Select a person in the People tab first."
            )
            return None
        if path is None:
            name, _ = QFileDialog.getSaveFileName(
                self, "Export itinerary", "itinerary.pdf", "PDF (*.pdf)"
            )
            if not name:
                return None
            path = Path(name)
        try:
            export_itinerary(self.plan, person_id, path)
        except (TourPlannerError, OSError) as exc:
            QMessageBox.warning(
                self, "Export itinerary", f"The itinerary was not written.\n\n{exc}"
            )
            return None
        self.statusBar().showMessage(f"Wrote {path}")
        return path

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
            f"TourPlanner {__version__}\nPlan conferences and study tours.",
        )

"""The main window: a navigator, the timeline, agenda and tables, the conflicts dock, menus.

Every change is one operation (`self.operations.run`), saved at once and one undo step; what it
changed reaches every view through `apply(changes)`. The commands live in collaborators that
take this window as their `WindowContext`: files, edits, bookings, exports; `menus` binds them
to actions.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QResizeEvent, QUndoStack
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from tourplanner.errors import TourPlannerError
from tourplanner.operations import Changes, Operation
from tourplanner.planfile import PlanFile, maybe_backup
from tourplanner.scheduling.findings import ERROR, Finding
from tourplanner.services import catering, itinerary, listings
from tourplanner.ui.agenda import AgendaView
from tourplanner.ui.conflicts.checker import ConflictChecker
from tourplanner.ui.conflicts.panel import ConflictsPanel
from tourplanner.ui.icons import icon
from tourplanner.ui.itinerary import ItineraryPreview
from tourplanner.ui.operations.transfers_page import TransfersPage
from tourplanner.ui.pages import PAGES
from tourplanner.ui.recent import remember
from tourplanner.ui.records.entities import ENTITIES
from tourplanner.ui.records.page import RecordPage
from tourplanner.ui.tasks import TaskRunner
from tourplanner.ui.team import live_changes
from tourplanner.ui.timeline import TimelineView
from tourplanner.ui.undo import OperationRunner
from tourplanner.ui.window.about import about_text
from tourplanner.ui.window.booking_actions import BookingActions
from tourplanner.ui.window.context import refusal
from tourplanner.ui.window.edit_actions import EditActions
from tourplanner.ui.window.export_actions import ExportActions
from tourplanner.ui.window.file_actions import FileActions
from tourplanner.ui.window.menus import WindowMenus
from tourplanner.ui.window.navigator import Navigator
from tourplanner.ui.window.preferences import PreferencesDialog
from tourplanner.ui.wording import counted


def findings_text(findings: list[Finding]) -> str:
    """'2 errors, 1 warning': what the status bar says of the findings the dock lists."""
    errors = sum(f.severity == ERROR for f in findings)
    warnings = len(findings) - errors
    return f"{counted(errors, 'error', 'errors')}, {counted(warnings, 'warning', 'warnings')}"


LAYOUT_VERSION = 2  # saved docks, splitter and columns of another version are not restored
DOCKS_MS = 60  # a resize settles this long before the docks are checked
QUIET_MS = 20_000  # no change for this long: the -wal is checkpointed into the plan file
BACKUP_CHECK_MS = 5 * 60_000  # how often to ask whether a backup is due (it is every 30 min)


class MainWindow(QMainWindow):
    """One open plan. Every change is one transaction, saved at once and undoable."""

    def __init__(self, plan: PlanFile) -> None:
        super().__init__()
        self._plan = plan
        self.tasks = TaskRunner(self)
        self.operations = OperationRunner(lambda: self._plan, self)
        self.operations.applied.connect(self.apply)
        self.operations.refused.connect(self.warn)
        self.files = FileActions(self)
        self.edits = EditActions(self)
        self.bookings = BookingActions(self)
        self.exports = ExportActions(self)
        self.setDockNestingEnabled(True)
        self._build_views(plan)
        self._build_pages()
        self._build_docks()
        self.menus = WindowMenus(self)
        self.menus.build()
        self._build_keeping()
        self.resize(1440, 900)
        self._docks_timer = QTimer(self, singleShot=True, interval=DOCKS_MS)
        self._docks_timer.timeout.connect(self.keep_docks_sensible)
        self._restore_layout()
        self.reload()
        self.live = live_changes.attach(self, self)  # a team plan: the others' changes, live

    # -- building ------------------------------------------------------------------------------

    def _build_views(self, plan: PlanFile) -> None:
        edits = self.edits
        self.timeline = TimelineView(plan, self.tasks)
        self.timeline.move_requested.connect(edits.move_item_to)
        self.timeline.edit_requested.connect(edits.edit_occurrence_shown)
        self.timeline.resize_requested.connect(edits.resize_item_to)
        self.timeline.new_item_requested.connect(edits.new_item_at)
        self.timeline.status_requested.connect(
            lambda item_id, status: edits.set_status(status, [item_id])
        )
        self.timeline.delete_requested.connect(lambda item_id: edits.delete_items([item_id]))
        self.agenda = AgendaView(plan)
        self.agenda.edit_requested.connect(edits.edit_item)
        self.agenda.programme_edit_requested.connect(
            lambda pid: edits.edit_record(ENTITIES["programme"], pid)
        )
        self.records: dict[str, RecordPage] = {}
        for key, entity in ENTITIES.items():
            assert entity.listing is not None  # every kind but the plan itself has a table
            page = RecordPage(plan, entity.listing, entity.shown_plural)
            page.edit_requested.connect(lambda rid, e=entity: edits.edit_record(e, rid))
            self.records[key] = page
        self.records["vehicle_seat"].accept_drops(
            self.bookings.move_seats_onto,
            self.tr("drag seats onto another vehicle's seat to move them there"),
        )
        self.records["room_booking"].accept_drops(
            self.bookings.join_room, self.tr("drag a guest onto another room to share it")
        )
        self.transfers = TransfersPage(plan)
        self.records["transfer"] = self.transfers.table_page
        self.meals = RecordPage(plan, catering.meals_listing, self.tr("meals"))
        self.meals.edit_requested.connect(edits.edit_logistics)
        self.meals.read_on(self.tasks, "meals")  # each meal's attendance: ~0.5 s at 5,000 people
        self.meals.edit_in_place({"Menu"}, edits.set_menu)
        self.records["meal"] = self.meals
        self.items_page = RecordPage(plan, listings.items_listing, "items")
        self.items_page.edit_requested.connect(edits.edit_item)
        self.records["item"] = self.items_page
        self.people = self.records["person"]
        self.preview = ItineraryPreview(plan, self.tasks)
        self.preview.status_message.connect(self.say)
        self.preview.export_button.setIcon(icon("export"))
        self.preview.print_button.setIcon(icon("print"))
        # Rendering an itinerary takes a moment: wait until the selection settles.
        self._preview_timer = QTimer(self, singleShot=True, interval=150)
        self._preview_timer.timeout.connect(
            lambda: self.preview.request_person(self.selected_person_id())
        )
        self.people.table.selectionModel().currentRowChanged.connect(
            lambda *_: self._preview_timer.start()
        )

    def _build_pages(self) -> None:
        self.people_side = QSplitter()
        self.people_side.addWidget(self.people)
        self.people_side.addWidget(self.preview)
        self.people_side.setStretchFactor(0, 3)
        self.people_side.setStretchFactor(1, 2)
        self.pages = QStackedWidget()
        self.page_widgets: dict[str, QWidget] = {
            "timeline": self.timeline,
            "agenda": self.agenda,
            "person": self.people_side,
            "transfer": self.transfers,
        }
        for key, _text, _icon in PAGES:
            widget = self.page_widgets.get(key) or self.records[key]
            self.page_widgets[key] = widget
            self.pages.addWidget(widget)
        self.pages.currentChanged.connect(self._page_shown)
        self.setCentralWidget(self.pages)
        self._stale: set[str] = set()

    def _build_docks(self) -> None:
        self.navigator = Navigator()
        self.navigator.page_chosen.connect(self.show_page)
        self.navigator.programme_chosen.connect(self.show_programme)
        self.navigator_dock = QDockWidget(self.tr("Navigator"), self)
        self.navigator_dock.setObjectName("navigator")
        self.navigator_dock.setWidget(self.navigator)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.navigator_dock)
        self.conflicts = ConflictsPanel()
        self.conflicts.show_items.connect(self.select_items)
        self.checker = ConflictChecker(self._plan, self.tasks)
        self.checker.changed.connect(self.conflicts.set_findings)
        self.checker.checking.connect(self.conflicts.set_checking)
        # The status bar counts the very findings the dock lists, after every (re)check.
        self.findings_label = QLabel()
        self.findings_label.setAccessibleName(self.tr("Findings"))
        self.findings_label.setToolTip(
            self.tr("The plan's errors and warnings (the Conflicts dock lists them)")
        )
        self.statusBar().addPermanentWidget(self.findings_label)
        self.checker.changed.connect(self._count_findings)
        self.checker.checking.connect(lambda: self.findings_label.setText(self.tr("Checking…")))
        self.timeline.day_shown.connect(self._timeline_day_shown)
        self.conflicts_dock = QDockWidget(self.tr("Conflicts"), self)
        self.conflicts_dock.setObjectName("conflicts")
        self.conflicts_dock.setWidget(self.conflicts)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.conflicts_dock)
        self._default_docks()

    def _build_keeping(self) -> None:
        """After a quiet spell the -wal goes into the file (a copy of the file alone is then
        the whole plan); every few minutes a backup is made when one is due."""
        self._quiet = QTimer(self, singleShot=True, interval=QUIET_MS)
        self._quiet.timeout.connect(lambda: self._plan.checkpoint())
        self._backup_timer = QTimer(self, interval=BACKUP_CHECK_MS)
        self._backup_timer.timeout.connect(self._backup_if_due)
        self._backup_timer.start()

    def _backup_on_close(self, plan: PlanFile) -> None:
        """A backup when the plan changed since its last one (the plan itself is safe either
        way: a failure only leaves that backup missing)."""
        try:
            maybe_backup(plan, closing=True)
        except TourPlannerError as exc:
            self.say(self.tr("No backup was made on closing: {exc}").format(exc=exc))

    def _backup_if_due(self) -> None:
        try:
            made = maybe_backup(self._plan)
        except TourPlannerError as exc:
            self.say(self.tr("The automatic backup was not made: {exc}").format(exc=exc))
            return
        if made is not None:
            self.say(self.tr("Backed up {name}").format(name=self._plan.path.name))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        """Remember the window's size and docks, and close the plan: its -wal is checkpointed
        into the file, so the `.tourplan` alone is the whole plan once the window is gone."""
        self.checker.shut_down()
        self.timeline.shut_down()
        self._preview_timer.stop()
        self.preview.shut_down()
        self.tasks.shut_down()  # a batch export stops and removes its partial file
        self._quiet.stop()
        self._backup_timer.stop()
        if self.live is not None:
            self.live.shut_down()
        self._close_file(self._plan)
        self._save_layout()
        super().closeEvent(event)

    # -- the window's layout, at every size and from one run to the next -----------------------

    def _save_layout(self) -> None:
        settings = QSettings()
        settings.setValue("window/version", LAYOUT_VERSION)
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState(LAYOUT_VERSION))
        settings.setValue("window/people-split", self.people_side.saveState())
        for key, page in self.records.items():
            columns = page.column_state()
            if columns is not None:
                settings.setValue(f"tables/{key}", columns[0])
                settings.setValue(f"tables/{key}-count", columns[1])

    def _restore_layout(self) -> None:
        """The size, docks, splitter and columns of last time, when they were saved by this
        version of the layout; anything unreadable is ignored and the defaults stay."""
        settings = QSettings()
        if settings.value("window/version") not in (LAYOUT_VERSION, str(LAYOUT_VERSION)):
            return
        geometry, state = settings.value("window/geometry"), settings.value("window/state")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        if isinstance(state, QByteArray) and not self.restoreState(state, LAYOUT_VERSION):
            self._default_docks()
        split = settings.value("window/people-split")
        if isinstance(split, QByteArray):
            self.people_side.restoreState(split)
        for key, page in self.records.items():
            columns, count = settings.value(f"tables/{key}"), settings.value(f"tables/{key}-count")
            if isinstance(columns, QByteArray) and count is not None:
                page.keep_columns(columns, int(count))
        self.keep_docks_sensible()

    def _default_docks(self) -> None:
        self.resizeDocks([self.conflicts_dock], [190], Qt.Orientation.Vertical)
        self.resizeDocks([self.navigator_dock], [210], Qt.Orientation.Horizontal)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._docks_timer.start()

    def keep_docks_sensible(self) -> None:
        """After a resize (or a saved state): the navigator wide enough for its labels (a fifth
        of the window at most, its programmes' titles at best), the conflicts dock neither
        squeezed nor taking half the window."""
        nav = self.navigator_dock
        if nav.isVisible() and not nav.isFloating():
            wanted = min(self.navigator.comfortable_width(), max(210, self.width() // 5))
            wanted = max(wanted, self.navigator.pages_width())
            if nav.width() < wanted - 2:
                self.resizeDocks([nav], [wanted], Qt.Orientation.Horizontal)
        dock = self.conflicts_dock
        if dock.isVisible() and not dock.isFloating():
            low, high = 110, max(110, int(self.height() * 0.4))
            if not low <= dock.height() <= high:
                height = min(max(190, low), high)
                self.resizeDocks([dock], [height], Qt.Orientation.Vertical)

    # -- the context its collaborators use -----------------------------------------------------

    @property
    def plan(self) -> PlanFile:
        return self._plan

    @property
    def widget(self) -> QWidget:
        return self

    @property
    def undo_stack(self) -> QUndoStack:
        return self.operations.stack

    @property
    def acts(self) -> dict[str, QAction]:
        return self.menus.acts

    def say(self, message: str) -> None:
        self.statusBar().showMessage(message)

    def warn(self, title: str, message: str) -> None:
        QMessageBox.warning(self, title, message)

    def run(self, operation: Operation) -> bool:
        """Run an operation; a refusal (a domain error) is said in a message box."""
        problem = self.operations.run(operation)
        if problem is not None:
            self.warn(operation.text, refusal(problem))
        return problem is None

    def apply(self, changes: Changes) -> None:
        """What changed reaches every view: items alone are rechecked and redrawn alone;
        anything else (people, venues, bookings…) reads every view again."""
        self._quiet.start()
        if changes.only_items:
            item_ids = sorted(changes.items)
            self.checker.items_changed(item_ids)
            self.timeline.refresh_items(item_ids)
            self._refresh_pages({"agenda", "item", "meal"})  # a meal's menu, time or people
        else:
            self.reload()
        self.preview.invalidate()

    def switch_plan(self, plan: PlanFile) -> None:
        """Show another plan file; the old one is closed once nothing reads it any more."""
        old = self._plan
        self._plan = self.timeline.plan = self.agenda.plan = self.preview.plan = plan
        self.preview.set_person(None)
        self.preview.invalidate()
        for page in self.records.values():
            page.model.plan = plan
        self.operations.clear()  # the steps belong to the other file
        self.agenda.forget_open_programmes()
        remember(plan.path)
        self.timeline.shut_down()  # reads ahead of the old file end before it closes
        self.reload()  # and the new file's days are read ahead from here on
        if self.live is not None:
            self.live.shut_down()
        self.live = live_changes.attach(self, self)
        if old is not plan:
            self.checker.wait()
            self._close_file(old)

    def replace_file(self, action: Callable[[], object]) -> TourPlannerError | None:
        """Close the plan's file, run `action` on it (a restore), and show the file again."""
        plan = self._plan
        path, read_only = plan.path, plan.read_only
        self.timeline.shut_down()
        self.tasks.cancel_all()
        self.tasks.wait()  # nothing reads the file any more
        self._close_file(plan)
        problem: TourPlannerError | None = None
        try:
            action()
        except TourPlannerError as exc:
            problem = exc
        try:
            reopened = PlanFile.open(path, read_only=read_only)
        except TourPlannerError as exc:
            reopened = PlanFile.open(path, read_only=True)  # at least to look at; said below
            problem = problem or exc
        self.switch_plan(reopened)
        return problem

    def _close_file(self, plan: PlanFile) -> None:
        """Close a plan, backing it up first when it changed since its last backup."""
        self._backup_on_close(plan)
        plan.close()

    # -- pages ---------------------------------------------------------------------------------

    def show_page(self, key: str) -> None:
        self.pages.setCurrentWidget(self.page_widgets[key])
        self.navigator.mark_page(key)
        shown = self.timeline.shown_key()
        if key == "timeline" and shown is not None:
            self.navigator.mark_programme(shown[0])

    def _timeline_day_shown(self, programme_id: int) -> None:
        """The navigator highlights the programme whose day the timeline shows."""
        if self.current_page() == "timeline":
            self.navigator.mark_programme(programme_id)

    def _count_findings(self, findings: list[Finding]) -> None:
        self.findings_label.setText(findings_text(findings))

    def shown_day(self) -> tuple[int, date] | None:
        return self.timeline.shown_key()

    def show_programme(self, programme_id: int) -> None:
        """A programme chosen in the navigator: its first day on the timeline."""
        with self._plan.reading() as session:
            days = itinerary.programme_days(session, programme_id)
        if days:
            self.timeline.select_day(programme_id, days[0])
        self.show_page("timeline")

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

    def reload(self) -> None:
        """Read every view again and recheck the plan (in the background when it is big)."""
        with self._plan.reading() as session:
            summary = itinerary.plan_summary(session)
        read_only = " (read-only)" if self._plan.read_only else ""
        self.setWindowTitle(
            self.tr("{title} — {name}{read_only} — TourPlanner").format(
                title=summary.title, name=self._plan.path.name, read_only=read_only
            )
        )
        count = summary.counts["items"]
        self.timeline.reload_days()
        self.navigator.set_programmes(summary.programmes)
        self._refresh_pages({"agenda", *self.records})
        self.checker.rebuild(self._plan, items=count)
        people = summary.counts["people"]
        self.say(
            self.tr("{counted}, {counted2}").format(
                counted=counted(count, "item", "items"),
                counted2=counted(people, "person", "people"),
            )
        )

    # -- selection -----------------------------------------------------------------------------

    def selected_item_ids(self) -> list[int]:
        """The items selected on the page shown (timeline, agenda, items table or meals)."""
        page = self.current_page()
        if page == "timeline":
            return self.timeline.selected_ids()
        if page == "item":
            return self.items_page.selected_ids()
        if page == "meal":
            return self.meals.selected_ids()
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

    def current_record_id(self, page: str) -> int | None:
        return self.records[page].current_id()

    def selected_record_ids(self, page: str) -> list[int]:
        return self.records[page].selected_ids()

    def show_records(self, kind: str, ids: list[int]) -> None:
        """Show a kind of record's page with these selected (a record just added)."""
        self.show_page(kind)
        self.records[kind].select_ids(ids)

    # -- find, check, about --------------------------------------------------------------------

    def search_table(self) -> None:
        """Put the cursor in the search box of the table shown (the items table from a view)."""
        page = self.current_page()
        if page in ("timeline", "agenda"):
            self.show_page("item")
            page = "item"
        self.records[page].search.setFocus()
        self.records[page].search.selectAll()

    def check_plan(self) -> None:
        """Run every check again (F5), at once."""
        self.checker.rebuild(self._plan)
        self.conflicts_dock.show()
        self.say(
            self.tr("Checked: {findings_text}").format(
                findings_text=findings_text(self.checker.findings())
            )
        )

    def preferences(self) -> None:
        PreferencesDialog(self).exec()

    def about(self) -> None:
        """Help > About: the version, the licences of what the app bundles, the log file."""
        QMessageBox.about(self, self.tr("About TourPlanner"), about_text())

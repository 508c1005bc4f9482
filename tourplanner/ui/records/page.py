"""A table page: a search box over a sortable, multi-select table, with its actions beside it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from tourplanner.planfile import PlanFile
from tourplanner.services.listings import Listing
from tourplanner.ui.records.model import ID_ROLE, RecordFilter, RecordTableModel
from tourplanner.ui.tasks import TaskRunner


class RecordTable(QTableView):
    """Enter edits the current row; the context menu holds the page's actions."""

    activated_row = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.menu_actions: list[QAction] = []
        self.empty_text: Callable[[], str] | None = None

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_row.emit()
            return
        super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        if self.model() is not None and self.model().rowCount() == 0 and self.empty_text:
            # An empty table says why, and what to do, instead of being a blank box.
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                self.viewport().rect().adjusted(24, 24, -24, -24),
                Qt.AlignmentFlag.AlignHCenter
                | Qt.AlignmentFlag.AlignTop
                | Qt.TextFlag.TextWordWrap,
                self.empty_text(),
            )

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        menu = QMenu(self)
        menu.addActions(self.menu_actions)
        menu.exec(event.globalPos())


def _width_with_text(tool: QToolButton) -> int:
    """A tool button's width with its text beside its icon, whatever its style now."""
    style = tool.toolButtonStyle()
    if style == Qt.ToolButtonStyle.ToolButtonTextBesideIcon:
        return tool.sizeHint().width()
    text = tool.fontMetrics().horizontalAdvance(tool.text())
    return tool.sizeHint().width() + text + 8


def _icon_width(tool: QToolButton) -> int:
    """A tool button's width with its icon alone (and its menu arrow)."""
    arrow = 14 if tool.menu() is not None or tool.defaultAction().menu() is not None else 0
    return tool.iconSize().width() + 14 + arrow


class RecordPage(QWidget):
    """One kind of record (people, venues...) as a table; `edit_requested` on double-click/Enter."""

    edit_requested = Signal(int)

    def __init__(self, plan: PlanFile, listing: Callable[..., Listing], plural: str) -> None:
        super().__init__()
        self.plural = plural
        self.model = RecordTableModel(plan, listing)
        self.proxy = RecordFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = RecordTable()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().setVisible(False)
        rows = self.table.verticalHeader()
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no height asked per row
        # Column widths from the first rows: measuring 20,000 rows costs a second.
        self.table.horizontalHeader().setResizeContentsPrecision(60)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(plural.capitalize())
        self.table.setToolTip(
            self.tr(
                "The plan's {plural}: click a header to sort, Ctrl/Shift-click to select several, double-click or Enter to edit"
            ).format(plural=plural)
        )
        self.table.empty_text = self._empty_text
        self.table.doubleClicked.connect(lambda *_: self._edit_current())
        self.table.activated_row.connect(self._edit_current)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Find {plural}").format(plural=plural))
        self.search.setAccessibleName(self.tr("Find {plural}").format(plural=plural))
        self.search.setToolTip(
            self.tr("Show only the {plural} whose text contains this").format(plural=plural)
        )
        self.search.setClearButtonEnabled(True)
        # Room for what it says at any window size: the buttons give up their text first.
        self.search.setMinimumWidth(
            self.search.fontMetrics().horizontalAdvance(
                self.tr("Find {plural}").format(plural=plural)
            )
            + 48
        )
        self.search.textChanged.connect(self._filter)
        self.count = QLabel()
        self.count.setAccessibleName(self.tr("Number of {plural}").format(plural=plural))
        # The buttons in a bar of their own whose least width is their icons': a narrow
        # window takes their text away, not the search box's or the navigator's room.
        self.button_bar = QWidget()
        self.buttons = QHBoxLayout(self.button_bar)
        self.buttons.setContentsMargins(0, 0, 0, 0)
        self.buttons.setSpacing(4)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.button_bar)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addWidget(self.count)
        self._sized = False
        self._saved_columns: tuple[QByteArray, int] | None = None
        self._tasks: TaskRunner | None = None  # read_on: the rows are read off the GUI thread
        self._task_key = ""

    def keep_columns(self, state: QByteArray, count: int) -> None:
        """Column widths saved last time, used when the table is first filled, if it still
        has that many columns (a newer version's table starts afresh)."""
        self._saved_columns = (state, count)

    def column_state(self) -> tuple[QByteArray, int] | None:
        """The columns' widths, order and sorting, and how many there are (once filled)."""
        if not self._sized:
            return None
        return self.table.horizontalHeader().saveState(), self.model.columnCount()

    def _restore_columns(self) -> bool:
        saved, self._saved_columns = self._saved_columns, None
        header = self.table.horizontalHeader()
        if saved is None or saved[1] != self.model.columnCount():
            return False
        if not header.restoreState(saved[0]):
            return False
        # A state that hides or squeezes a column is no help: measure them instead.
        return all(header.sectionSize(n) >= 24 for n in range(header.count()))

    def accept_drops(self, on_drop: Callable[[list[int], int], object], hint: str) -> None:
        """Rows dragged onto a row call `on_drop(their ids, its id)` (one undoable step)."""
        self.model.on_drop = on_drop
        self.table.setDragEnabled(True)
        self.table.setAcceptDrops(True)
        self.table.setDropIndicatorShown(True)
        self.table.setDragDropOverwriteMode(True)  # onto a row, not between two
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.table.setToolTip(f"{self.table.toolTip()}; {hint}")

    def edit_in_place(self, columns: set[str], on_edit: Callable[[int, str, str], object]) -> None:
        """These columns are edited in their cells (F2, or a click on a selected cell): each
        edit calls `on_edit(id, column title, text)`, one undoable step."""
        self.model.editable, self.model.on_edit = frozenset(columns), on_edit
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )

    def add_action(self, action: QAction, *, button: bool = True) -> None:
        """Offer an action on this page: as a button (optional) and in the context menu."""
        if button:
            tool = QToolButton()
            tool.setAutoRaise(True)
            tool.setDefaultAction(action)
            tool.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            tool.setAccessibleName(action.text().replace("&", "").rstrip("…"))
            self.buttons.addWidget(tool)
            self._fit_buttons()
        self.table.menu_actions.append(action)

    def tool_buttons(self) -> list[QToolButton]:
        """The page's buttons beside the search box."""
        found = (self.buttons.itemAt(n) for n in range(self.buttons.count()))
        return [w for i in found if i is not None and isinstance(w := i.widget(), QToolButton)]

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit_buttons()

    def _fit_buttons(self) -> None:
        """Buttons with their text when the page has room for it and the search box, else
        their icons alone (their tooltips still say what they do)."""
        tools = self.tool_buttons()
        if not tools:
            return
        beside = Qt.ToolButtonStyle.ToolButtonTextBesideIcon
        self.button_bar.setMinimumWidth(sum(_icon_width(t) + 4 for t in tools))
        wanted = self.search.minimumWidth() + 24 + sum(_width_with_text(t) + 4 for t in tools)
        style = beside if self.width() >= wanted else Qt.ToolButtonStyle.ToolButtonIconOnly
        for tool in tools:
            if tool.toolButtonStyle() != style:
                tool.setToolButtonStyle(style)

    def read_on(self, tasks: TaskRunner, key: str) -> None:
        """Read the rows on the task runner from now on (a listing that takes a moment on a
        big plan: the meals' counts); the rows shown stay until the new ones are read."""
        self._tasks, self._task_key = tasks, key

    def reload(self) -> None:
        """Read the rows again, keeping the selection where the records still exist."""
        keep = self.selected_ids()
        if self._tasks is None:
            self._filled(keep, self.model.read())
            return
        read = self.model.read
        self.count.setText(self.tr("Reading the {plural}…").format(plural=self.plural))
        self._tasks.run(
            lambda _state: read(),
            key=self._task_key,
            on_done=lambda found: self._filled(keep, found),
            on_error=lambda problem: self.count.setText(str(problem)),
        )

    def _filled(self, keep: list[int], found: Listing) -> None:
        self.model.fill(found)
        if not self._sized and self.model.rows:
            self.table.sortByColumn(self.model.time_column or 0, Qt.SortOrder.AscendingOrder)
            if not self._restore_columns():
                self.table.resizeColumnsToContents()
                for column in range(self.model.columnCount() - 1):
                    self.table.setColumnWidth(column, min(self.table.columnWidth(column), 300))
            self._sized = True
        self.select_ids(keep)
        self._show_count()

    def _empty_text(self) -> str:
        if self.model.rowCount():
            return self.tr("No {plural} contain “{text}”.").format(
                plural=self.plural, text=self.search.text()
            )
        new = next((a for a in self.table.menu_actions if a.text().startswith("New")), None)
        hint = (
            self.tr(" {rstrip}… adds one.").format(rstrip=new.text().replace("&", "").rstrip("…"))
            if new
            else ""
        )
        return self.tr("No {plural} yet.{hint}").format(plural=self.plural, hint=hint)

    def _filter(self, text: str) -> None:
        self.proxy.set_text(text)
        self._show_count()

    def _show_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(
            self.tr("{total} {plural}").format(total=total, plural=self.plural)
            if shown == total
            else self.tr("{shown} of {total} {plural}").format(
                shown=shown, total=total, plural=self.plural
            )
        )

    def selected_ids(self) -> list[int]:
        """The selected records' ids, in the table's order."""
        rows = sorted(self.table.selectionModel().selectedRows(), key=lambda i: i.row())
        return [self.proxy.data(i, ID_ROLE) for i in rows]

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.proxy.data(index, ID_ROLE) if index.isValid() else None

    def select_ids(self, ids: list[int]) -> None:
        selection = self.table.selectionModel()
        selection.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        first = None
        for record_id in ids:
            row = self.model.row_of(record_id)
            if row < 0:
                continue
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            if index.isValid():
                selection.select(index, flags)
                first = first or index
        if first is not None:
            selection.setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
            self.table.scrollTo(first)

    def _edit_current(self) -> None:
        record_id = self.current_id()
        if record_id is not None:
            self.edit_requested.emit(record_id)

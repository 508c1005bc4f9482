"""A table page: a search box over a sortable, multi-select table, with its actions beside it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction, QContextMenuEvent, QKeyEvent, QPainter, QPaintEvent, QPalette
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
            f"The plan's {plural}: click a header to sort, Ctrl/Shift-click to select several, "
            "double-click or Enter to edit"
        )
        self.table.empty_text = self._empty_text
        self.table.doubleClicked.connect(lambda *_: self._edit_current())
        self.table.activated_row.connect(self._edit_current)
        self.search = QLineEdit()
        self.search.setPlaceholderText(f"Find {plural}")
        self.search.setAccessibleName(f"Find {plural}")
        self.search.setToolTip(f"Show only the {plural} whose text contains this")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.count = QLabel()
        self.count.setAccessibleName(f"Number of {plural}")
        self.buttons = QHBoxLayout()
        self.buttons.setSpacing(4)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addLayout(self.buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addWidget(self.count)
        self._sized = False

    def add_action(self, action: QAction, *, button: bool = True) -> None:
        """Offer an action on this page: as a button (optional) and in the context menu."""
        if button:
            tool = QToolButton()
            tool.setAutoRaise(True)
            tool.setDefaultAction(action)
            tool.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            tool.setAccessibleName(action.text().replace("&", "").rstrip("…"))
            self.buttons.addWidget(tool)
        self.table.menu_actions.append(action)

    def reload(self) -> None:
        """Read the rows again, keeping the selection where the records still exist."""
        keep = self.selected_ids()
        self.model.reload()
        if not self._sized and self.model.rows:
            self.table.sortByColumn(self.model.time_column or 0, Qt.SortOrder.AscendingOrder)
            self.table.resizeColumnsToContents()
            for column in range(self.model.columnCount() - 1):
                self.table.setColumnWidth(column, min(self.table.columnWidth(column), 300))
            self._sized = True
        self.select_ids(keep)
        self._show_count()

    def _empty_text(self) -> str:
        if self.model.rowCount():
            return f"No {self.plural} contain “{self.search.text()}”."
        new = next((a for a in self.table.menu_actions if a.text().startswith("New")), None)
        hint = f" {new.text().replace('&', '').rstrip('…')}… adds one." if new else ""
        return f"No {self.plural} yet.{hint}"

    def _filter(self, text: str) -> None:
        self.proxy.set_text(text)
        self._show_count()

    def _show_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(
            f"{total} {self.plural}" if shown == total else f"{shown} of {total} {self.plural}"
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

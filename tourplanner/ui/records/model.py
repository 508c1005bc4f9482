"""The item model behind every table: plain rows from `services.listings`, never ORM objects.

Sorting and searching run in Python over the rows themselves, not through `data()` calls per
cell: on 5,000 people that is milliseconds instead of a noticeable pause per keystroke.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)

from tourplanner.planfile import PlanFile
from tourplanner.services.listings import Listing
from tourplanner.ui.records.headers import shown_header

Index = QModelIndex | QPersistentModelIndex
Row = tuple[int, tuple, str]  # the listing's order, its cells (the id first), the search text
ID_ROLE = Qt.ItemDataRole.UserRole
RECORD_IDS = "application/x-tourplanner-record-ids"  # dragged rows: their ids as JSON


class RecordTableModel(QAbstractTableModel):
    """Rows of `(id, cell, ...)`; `reload()` reads them (when first shown, and after changes)."""

    def __init__(self, plan: PlanFile, listing: Callable[..., Listing]) -> None:
        super().__init__()
        self.plan, self.listing = plan, listing
        self.columns: tuple[str, ...] = ()
        # (time order, row, its text folded for the search box): sorted together, never apart.
        self.rows: list[Row] = []
        self.time_column: int | None = None
        self._order: tuple[int, Qt.SortOrder] | None = None
        self.on_drop: Callable[[list[int], int], object] | None = None  # rows can be dragged
        # Columns edited in place (by title): `on_edit(record id, column title, text)`.
        self.on_edit: Callable[[int, str, str], object] | None = None
        self.editable: frozenset[str] = frozenset()

    def reload(self) -> None:
        self.fill(self.read())

    def read(self) -> Listing:
        """The listing's rows as the file holds them now (also off the GUI thread: plain)."""
        with self.plan.reading() as session:
            return self.listing(session)

    def fill(self, found: Listing) -> None:
        """Show these rows (read by `read`, here or on the task runner)."""
        self.beginResetModel()
        self.columns, self.time_column = found.columns, found.time_column
        self.rows = [(n, row, self._haystack(row)) for n, row in enumerate(found.rows)]
        if self._order is not None:
            self.rows.sort(key=self._key(self._order[0]), reverse=self._reversed())
        self.endResetModel()

    @staticmethod
    def _haystack(row: tuple) -> str:
        return "\t".join(str(cell) for cell in row[1:] if cell).casefold()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()][1]
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.EditRole,
        ):
            return row[index.column() + 1] or ""
        if role == ID_ROLE:
            return row[0]
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return shown_header(self.columns[section]) if 0 <= section < len(self.columns) else None
        return None

    def _key(self, column: int) -> Callable[[Row], tuple[str, int]]:
        if column == self.time_column:  # dates and times shown as text keep their time order
            return lambda entry: ("", entry[0])
        return lambda entry: (str(entry[1][column + 1] or "").casefold(), entry[0])

    def _reversed(self) -> bool:
        return self._order is not None and self._order[1] == Qt.SortOrder.DescendingOrder

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        ids = [self.rows[i.row()][1][0] for i in old]
        self._order = (column, order)
        self.rows.sort(key=self._key(column), reverse=self._reversed())
        where = {row[0]: n for n, (_, row, _) in enumerate(self.rows)}
        self.changePersistentIndexList(
            old, [self.index(where[i], p.column()) for i, p in zip(ids, old, strict=True)]
        )
        self.layoutChanged.emit()

    # -- dragging rows onto rows (the Seats and Hotel rooms pages): `on_drop(ids, target_id)` --

    def flags(self, index: Index) -> Qt.ItemFlag:
        found = super().flags(index)
        if self.on_drop is not None and index.isValid():
            found |= Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
        if self._editable(index):
            found |= Qt.ItemFlag.ItemIsEditable
        return found

    def _editable(self, index: Index) -> bool:
        return (
            self.on_edit is not None
            and index.isValid()
            and 0 <= index.column() < len(self.columns)
            and self.columns[index.column()] in self.editable
        )

    def setData(  # noqa: N802 - Qt's name
        self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        """A cell edited in place: `on_edit(id, column, text)` once the editor has closed (the
        step it runs reads the table again); the cell shows what the file holds after it."""
        if role != Qt.ItemDataRole.EditRole or not self._editable(index) or self.on_edit is None:
            return False
        row = self.rows[index.row()][1]
        text = str(value or "")
        if text == str(row[index.column() + 1] or ""):
            return False
        handler, column = self.on_edit, self.columns[index.column()]
        QTimer.singleShot(0, lambda: handler(row[0], column, text))
        return False

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt's name
        return [RECORD_IDS]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802
        ids = list(dict.fromkeys(self.rows[i.row()][1][0] for i in indexes if i.isValid()))
        data = QMimeData()
        data.setData(RECORD_IDS, QByteArray(json.dumps(ids).encode()))
        return data

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def dropMimeData(  # noqa: N802
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """Rows dropped on a row: `on_drop(their ids, its id)`, once the drop is over (what it
        runs reads the table again). Rows dropped between rows or on themselves do nothing."""
        if self.on_drop is None or not data.hasFormat(RECORD_IDS):
            return False
        target = parent.row() if parent.isValid() else -1
        if not 0 <= target < len(self.rows):
            return False
        ids = [i for i in json.loads(bytes(data.data(RECORD_IDS).data())) if isinstance(i, int)]
        target_id = self.rows[target][1][0]
        ids = [i for i in ids if i != target_id]
        if not ids:
            return False
        handler = self.on_drop
        QTimer.singleShot(0, lambda: handler(ids, target_id))
        return False  # nothing to remove from the dragged rows: the step reads them again

    def row_of(self, record_id: int) -> int:
        """The row of a record, or -1."""
        for n, (_, row, _) in enumerate(self.rows):
            if row[0] == record_id:
                return n
        return -1


class RecordFilter(QSortFilterProxyModel):
    """Shows the rows containing the search text; sorting is left to the rows' own model."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.needle = ""
        # The ids of the matching records: ids survive sorting and reloading, row numbers not.
        self._shown: set[int] | None = None

    def setSourceModel(self, model: QAbstractItemModel) -> None:  # noqa: N802 - Qt's name
        assert isinstance(model, RecordTableModel), "filters the rows of a record table"
        super().setSourceModel(model)
        model.modelReset.connect(lambda: self.set_text(self.needle))

    @property
    def records(self) -> RecordTableModel:
        model = self.sourceModel()
        assert isinstance(model, RecordTableModel)
        return model

    def set_text(self, text: str) -> None:
        # Qt 6.10 replaced invalidateRowsFilter() with a begin/end pair around the change.
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
        model = self.records
        self.needle = text.strip().casefold()
        self._shown = (
            {row[0] for _, row, hay in model.rows if self.needle in hay} if self.needle else None
        )
        if hasattr(self, "endFilterChange"):
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        if self._shown is None:
            return True
        rows = self.records.rows
        return source_row < len(rows) and rows[source_row][1][0] in self._shown

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.records.sort(column, order)

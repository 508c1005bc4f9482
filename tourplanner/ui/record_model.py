"""The item model behind every table: plain rows from `services.listings`, never ORM objects."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from tourplanner.db import PlanFile
from tourplanner.services.listings import Listing

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


class RecordTableModel(QAbstractTableModel):
    """Rows of `(id, cell, ...)`; `reload()` reads them (when first shown, and after changes)."""

    def __init__(self, plan: PlanFile, listing: Callable[..., Listing]) -> None:
        super().__init__()
        self.plan, self.listing = plan, listing
        self.columns: tuple[str, ...] = ()
        self.rows: list[tuple] = []
        self.time_column: int | None = None

    def reload(self) -> None:
        with self.plan.reading() as session:
            found = self.listing(session)
        self.beginResetModel()
        self.columns, self.rows, self.time_column = found
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return row[index.column() + 1] or ""
        if role == ID_ROLE:
            return row[0]
        if role == SORT_ROLE:
            # Text sorts as text, except dates and times: they keep the listing's time order.
            if index.column() == self.time_column:
                return index.row()
            return str(row[index.column() + 1] or "").casefold()
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section] if 0 <= section < len(self.columns) else None
        return None

    def row_of(self, record_id: int) -> int:
        """The row of a record, or -1."""
        for n, row in enumerate(self.rows):
            if row[0] == record_id:
                return n
        return -1

"""The index scheme of a two-level tree model: top rows, each with rows of its own below.

A top row's index carries the internal id TOP; a row below carries its top row's number + 1,
so `parent()` needs no object behind the index.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex

from tourplanner.ui.records.model import Index

TOP = 0


class TwoLevelModel(QAbstractItemModel):
    """`index` and `parent` for top rows and the rows below them; subclasses count and show."""

    @staticmethod
    def is_top(index: Index) -> bool:
        return index.isValid() and index.internalId() == TOP

    @staticmethod
    def top_row(index: Index) -> int:
        """The top row an index is in (its own row for a top row); -1 for the root."""
        if not index.isValid():
            return -1
        return index.row() if index.internalId() == TOP else index.internalId() - 1

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, TOP)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008 - Qt's model API overloads QObject.parent()
        if not index.isValid() or index.internalId() == TOP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, TOP)

"""Pick one thing from a long list (an item among 20,000, a group, a tour) by typing part of it."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from tourplanner.ui.widgets.form_rows import name_buttons


class Chooser(QDialog):
    """A search box over a list; OK (or Enter, or a double-click) picks the current entry."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        prompt: str,
        options: list[tuple[str, int]],
        *,
        roles: list[tuple[str, str]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.model = QStandardItemModel(self)
        for text, ident in options:
            entry = QStandardItem(text)
            entry.setData(ident, Qt.ItemDataRole.UserRole)
            entry.setEditable(False)
            self.model.appendRow(entry)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Type part of the name"))
        self.search.setAccessibleName(self.tr("Search"))
        self.search.setToolTip(self.tr("Show only the entries containing this text"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.list = QListView()
        self.list.setModel(self.proxy)
        self.list.setUniformItemSizes(True)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setAccessibleName(title)
        self.list.setToolTip(prompt)
        self.list.doubleClicked.connect(lambda *_: self.accept())
        buttons = name_buttons(
            QDialogButtonBox(
                QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
            )
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(prompt))
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        self.role = QComboBox()
        self.role.setAccessibleName(self.tr("Role"))
        self.role.setToolTip(self.tr("In which role: attending, speaking, chairing…"))
        if roles:
            for text, value in roles:
                self.role.addItem(text, value)
            row = QHBoxLayout()
            row.addWidget(QLabel(self.tr("As:")))
            row.addWidget(self.role, 1)
            layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(560, 480)
        self._filter("")

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        if self.proxy.rowCount():
            self.list.setCurrentIndex(self.proxy.index(0, 0))
        self.ok.setEnabled(self.proxy.rowCount() > 0)

    def chosen_role(self) -> str | None:
        return self.role.currentData() if self.role.count() else None

    def chosen(self) -> int | None:
        index = self.list.currentIndex()
        return self.proxy.data(index, Qt.ItemDataRole.UserRole) if index.isValid() else None

"""File > Restore from Backup…: the plan's backups, newest first, one to put in its place."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tourplanner.files import size_text
from tourplanner.ui.widgets.form_rows import name_buttons

COLUMNS = ("Taken", "Why", "Size", "Items", "People")
WHY = {
    "auto": "while open",
    "close": "on closing",
    "import": "before an import",
    "restore": "before a restore",
    "repair": "before a repair",
}


def _why(reason: str) -> str:
    """Why a backup was made; an upgrade's backup is named by the schema it was before."""
    if reason.isdigit():
        return f"before an upgrade (schema {reason})"
    return WHY.get(reason, reason)


def _taken(iso: str) -> str:
    """The backup's time in the computer's own zone, with the zone's name."""
    local = datetime.fromisoformat(iso).astimezone()
    return f"{local:%a %d %b %Y %H:%M} {local.tzname()}"


class RestoreDialog(QDialog):
    """Lists `backups` (plain dicts from the plan-file layer); `chosen()` is the one picked."""

    def __init__(self, plan_path: Path, backups: list[dict], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Restore from backup")
        self.backups = backups
        heading = QLabel(
            f"Backups of {plan_path.name}, newest first. Restoring one puts it in the plan's "
            "place; the plan as it is now is backed up first, so this too can be undone by "
            "restoring that backup."
            if backups
            else f"There are no backups of {plan_path.name} yet."
        )
        heading.setWordWrap(True)
        self.table = QTableWidget(len(backups), len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAccessibleName("Backups")
        self.table.setToolTip("Choose the backup to restore")
        for row, backup in enumerate(backups):
            cells = (
                _taken(backup["taken"]),
                _why(backup["reason"]),
                size_text(backup["size"]),
                "" if backup["items"] is None else str(backup["items"]),
                "" if backup["people"] is None else str(backup["people"]),
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(backup["path"])
                if column >= 2:
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, cell)
        self.table.resizeColumnsToContents()
        # The reason takes the room left; the numbers keep their width, by the right edge.
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        if backups:
            self.table.selectRow(0)
        buttons = name_buttons(
            QDialogButtonBox(
                QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
            )
        )
        self.restore_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert self.restore_button is not None
        self.restore_button.setText("Restore")
        self.restore_button.setAccessibleName("Restore the chosen backup")
        self.restore_button.setEnabled(bool(backups))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(640, 360)

    def chosen(self) -> Path | None:
        rows = self.table.selectionModel().selectedRows()
        return Path(self.backups[rows[0].row()]["path"]) if rows else None

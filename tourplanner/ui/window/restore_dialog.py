"""File > Restore from Backup…: the plan's backups, newest first, one to put in its place."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
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
from tourplanner.i18n import formats
from tourplanner.ui.marks import QT_TRANSLATE_NOOP
from tourplanner.ui.widgets.form_rows import name_buttons

COLUMNS = (
    QT_TRANSLATE_NOOP("restore_dialog", "Taken"),
    QT_TRANSLATE_NOOP("restore_dialog", "Why"),
    QT_TRANSLATE_NOOP("restore_dialog", "Size"),
    QT_TRANSLATE_NOOP("restore_dialog", "Items"),
    QT_TRANSLATE_NOOP("restore_dialog", "People"),
)
WHY = {
    "auto": QT_TRANSLATE_NOOP("restore_dialog", "while open"),
    "close": QT_TRANSLATE_NOOP("restore_dialog", "on closing"),
    "import": QT_TRANSLATE_NOOP("restore_dialog", "before an import"),
    "restore": QT_TRANSLATE_NOOP("restore_dialog", "before a restore"),
    "repair": QT_TRANSLATE_NOOP("restore_dialog", "before a repair"),
}


def _why(reason: str) -> str:
    """Why a backup was made; an upgrade's backup is named by the schema it was before."""
    if reason.isdigit():
        return QCoreApplication.translate(
            "restore_dialog", "before an upgrade (schema {reason})"
        ).format(reason=reason)
    return QCoreApplication.translate("restore_dialog", WHY[reason]) if reason in WHY else reason


def _taken(iso: str) -> str:
    """The backup's time in the computer's own zone, with the zone's name."""
    local = datetime.fromisoformat(iso).astimezone()
    return f"{formats.day_and_clock(local)} {local.tzname()}"


class RestoreDialog(QDialog):
    """Lists `backups` (plain dicts from the plan-file layer); `chosen()` is the one picked."""

    def __init__(self, plan_path: Path, backups: list[dict], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from backup"))
        self.backups = backups
        heading = QLabel(
            self.tr(
                "Backups of {name}, newest first. Restoring one puts it in the plan's place; the plan as it is now is backed up first, so this too can be undone by restoring that backup."
            ).format(name=plan_path.name)
            if backups
            else self.tr("There are no backups of {name} yet.").format(name=plan_path.name)
        )
        heading.setWordWrap(True)
        self.table = QTableWidget(len(backups), len(COLUMNS))
        self.table.setHorizontalHeaderLabels(
            [QCoreApplication.translate("restore_dialog", c) for c in COLUMNS]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAccessibleName(self.tr("Backups"))
        self.table.setToolTip(self.tr("Choose the backup to restore"))
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
        self.restore_button.setText(self.tr("Restore"))
        self.restore_button.setAccessibleName(self.tr("Restore the chosen backup"))
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

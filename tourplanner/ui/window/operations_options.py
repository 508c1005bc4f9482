"""The small option dialogs of the operations exports: transfers and badges."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QWidget,
)

from tourplanner.ui.operations.transfer_filter import TransferFilter, TransferOptions


@dataclass(frozen=True)
class BadgeOptions:
    group: str | None = None  # None: everyone
    sheet: str = "a4"


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class TransferOptionsDialog(QDialog):
    """Arrivals, departures or both; one day or all; how many minutes share a vehicle."""

    def __init__(self, parent: QWidget | None, first_day: date | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Transfers"))
        form = QFormLayout(self)
        self.filter = TransferFilter(self)
        self.direction, self.one_day = self.filter.direction, self.filter.one_day
        self.day, self.minutes = self.filter.day, self.filter.minutes
        if first_day is not None:
            self.filter.set_day(first_day)
        form.addRow(self.tr("Show"), self.direction)
        form.addRow(self.one_day, self.day)
        form.addRow(self.tr("Share a vehicle within"), self.minutes)
        form.addRow(_buttons(self))

    def options(self) -> TransferOptions:
        return self.filter.options()


class BadgeOptionsDialog(QDialog):
    """Everyone or one group; A4 or Letter label sheets."""

    def __init__(self, parent: QWidget | None, groups: list[str]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Badges"))
        form = QFormLayout(self)
        self.group = QComboBox()
        self.group.addItem(self.tr("Everyone"), None)
        for name in groups:
            self.group.addItem(name, name)
        form.addRow(self.tr("Who"), self.group)
        self.sheet = QComboBox()
        self.sheet.addItem(self.tr("A4, 10 badges of 90 × 54 mm"), "a4")
        self.sheet.addItem(self.tr("Letter, 6 badges of 4 × 3 in"), "letter")
        form.addRow(self.tr("Label sheet"), self.sheet)
        form.addRow(_buttons(self))

    def options(self) -> BadgeOptions:
        return BadgeOptions(group=self.group.currentData(), sheet=self.sheet.currentData())

"""The small option dialogs of the operations exports: transfers and badges."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QSpinBox,
    QWidget,
)

from tourplanner.operations_planning.transfer_groups import ARRIVAL, DEPARTURE, DIRECTIONS


@dataclass(frozen=True)
class TransferOptions:
    directions: tuple[str, ...] = DIRECTIONS
    on: date | None = None
    window_minutes: int = 60


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
        self.direction = QComboBox()
        self.direction.addItem(self.tr("Arrivals and departures"), DIRECTIONS)
        self.direction.addItem(self.tr("Arrivals only"), (ARRIVAL,))
        self.direction.addItem(self.tr("Departures only"), (DEPARTURE,))
        form.addRow(self.tr("Which"), self.direction)
        self.one_day = QCheckBox(self.tr("Only one day (local at the airport)"))
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        if first_day is not None:
            self.day.setDate(QDate(first_day.year, first_day.month, first_day.day))
        self.day.setEnabled(False)
        self.one_day.toggled.connect(self.day.setEnabled)
        form.addRow(self.one_day, self.day)
        self.minutes = QSpinBox()
        self.minutes.setRange(1, 720)
        self.minutes.setValue(60)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setToolTip(self.tr("Arrivals within this many minutes share a vehicle"))
        form.addRow(self.tr("Share a vehicle within"), self.minutes)
        form.addRow(_buttons(self))

    def options(self) -> TransferOptions:
        day = self.day.date()
        return TransferOptions(
            directions=tuple(self.direction.currentData()),
            on=date(day.year(), day.month(), day.day()) if self.one_day.isChecked() else None,
            window_minutes=self.minutes.value(),
        )


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

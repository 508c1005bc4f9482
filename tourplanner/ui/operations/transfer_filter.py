"""What a transfer listing asks for: arrivals, departures or both; one day or all; how many
minutes share a vehicle. The controls of the Transfers page's bar and of the export's dialog."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QObject
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QSpinBox, QWidget

from tourplanner.operations_planning.transfer_groups import ARRIVAL, DEPARTURE, DIRECTIONS, Rules
from tourplanner.services.transfers import TransferSheet, transfer_sheet


@dataclass(frozen=True)
class TransferOptions:
    directions: tuple[str, ...] = DIRECTIONS
    on: date | None = None
    window_minutes: int = Rules().window_minutes

    def sheet(self, session: Any) -> TransferSheet:
        """The transfer groups these options ask for (the page's rows, the export's sheet)."""
        return transfer_sheet(
            session,
            directions=self.directions,
            on=self.on,
            rules=Rules(window_minutes=self.window_minutes),
        )


class TransferFilter(QObject):
    """The three controls (laid out by their owner) and the options they say."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.direction = QComboBox(parent)
        self.direction.setAccessibleName(self.tr("Which transfers"))
        self.direction.setToolTip(self.tr("Arrivals, departures or both"))
        self.direction.addItem(self.tr("Arrivals and departures"), DIRECTIONS)
        self.direction.addItem(self.tr("Arrivals"), (ARRIVAL,))
        self.direction.addItem(self.tr("Departures"), (DEPARTURE,))
        self.one_day = QCheckBox(self.tr("Only on"), parent)
        self.one_day.setAccessibleName(self.tr("Only one day"))
        self.one_day.setToolTip(self.tr("Only the transfers of one day, local at the airport"))
        self.day = QDateEdit(parent)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("ddd d MMM yyyy")
        self.day.setAccessibleName(self.tr("Day (local at the airport or station)"))
        self.day.setToolTip(self.tr("The day, local at the airport or station"))
        self.day.setEnabled(False)
        self.one_day.toggled.connect(self.day.setEnabled)
        self.minutes = QSpinBox(parent)
        self.minutes.setRange(1, 720)
        self.minutes.setValue(Rules().window_minutes)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setAccessibleName(self.tr("Share a vehicle within"))
        self.minutes.setToolTip(self.tr("Arrivals within this many minutes share a vehicle"))

    def set_day(self, day: date) -> None:
        self.day.setDate(QDate(day.year, day.month, day.day))

    def options(self) -> TransferOptions:
        day = self.day.date()
        return TransferOptions(
            directions=tuple(self.direction.currentData()),
            on=date(day.year(), day.month(), day.day()) if self.one_day.isChecked() else None,
            window_minutes=self.minutes.value(),
        )

"""The Transfers page: the arrival and departure groups the transfers export computes, read-only.

A filter (arrivals, departures or both; one day or all; how many minutes share a vehicle) above
the table; its Export button writes the sheet of what the page shows (`ExportActions`).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from tourplanner.errors import ValidationError
from tourplanner.planfile import PlanFile
from tourplanner.services.listings import Listing
from tourplanner.timezones import to_local
from tourplanner.ui.operations.transfer_filter import TransferFilter, TransferOptions
from tourplanner.ui.records.page import RecordPage


class TransfersPage(QWidget):
    """The filter bar over a `RecordPage` whose rows are the groups the filter asks for."""

    def __init__(self, plan: PlanFile) -> None:
        super().__init__()
        self.table_page = RecordPage(plan, self.listing, self.tr("transfers"))
        self.filter = TransferFilter(self)
        self.direction, self.one_day = self.filter.direction, self.filter.one_day
        self.day, self.minutes = self.filter.day, self.filter.minutes
        self.problem = QLabel()  # why the table is empty: no arrivals that day, say
        self.problem.setStyleSheet("color: #9A3412")
        self.problem.setWordWrap(True)
        self.problem.hide()
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Show")))
        bar.addWidget(self.direction)
        bar.addSpacing(12)
        bar.addWidget(self.one_day)
        bar.addWidget(self.day)
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("Share a vehicle within")))
        bar.addWidget(self.minutes)
        bar.addStretch(1)
        inner = self.table_page.layout()
        assert inner is not None
        margins = inner.contentsMargins()  # the bar lines up with the table below it
        bar.setContentsMargins(margins.left(), margins.top(), margins.right(), 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.problem)
        self.problem.setContentsMargins(margins.left(), 4, margins.right(), 0)
        layout.addWidget(self.table_page, 1)
        self.direction.currentIndexChanged.connect(self.table_page.reload)
        self.one_day.toggled.connect(self.table_page.reload)
        self.day.dateChanged.connect(self._day_changed)
        self.minutes.valueChanged.connect(self.table_page.reload)
        self._day_set = False

    def options(self) -> TransferOptions:
        """What the filter asks for, as the export takes it."""
        return self.filter.options()

    def _offer_day(self, day: date) -> None:
        """The day the date box offers until the coordinator picks one: the first pick-up's."""
        if not self._day_set:
            self.day.blockSignals(True)
            self.filter.set_day(day)
            self.day.blockSignals(False)

    def _day_changed(self) -> None:
        self._day_set = True
        if self.one_day.isChecked():
            self.table_page.reload()

    def listing(self, session: Any) -> Listing:
        """The groups for the filter; none (and the sentence saying why) when there are none."""
        from tourplanner.export.operations.transfers import GROUP_COLUMNS, group_listing

        chosen = self.options()
        try:
            sheet = chosen.sheet(session)
        except ValidationError as exc:
            self.problem.setText(str(exc))
            self.problem.show()
            return Listing(GROUP_COLUMNS, [], time_column=1)
        self.problem.hide()
        if sheet.groups:
            first = sheet.groups[0]
            self._offer_day(to_local(first.pickup_utc, first.zone).date())
        return group_listing(sheet)

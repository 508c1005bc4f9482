"""Travel times between venues: the minutes the travel-time check allows from one to the other.

Pairs without their own time use the plan's defaults (Plan details: within a city, between
cities). Each change is an undoable step of the window.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tourplanner.planfile import PlanFile
from tourplanner.services import forms, listings
from tourplanner.ui.marks import QT_TRANSLATE_NOOP
from tourplanner.ui.widgets.form_rows import name_buttons, problem_label

COLUMNS = (
    QT_TRANSLATE_NOOP("travel_times_dialog", "From"),
    QT_TRANSLATE_NOOP("travel_times_dialog", "To"),
    QT_TRANSLATE_NOOP("travel_times_dialog", "Minutes"),
)


class TravelTimesDialog(QDialog):
    """The pairs with their own time; pick two venues and minutes to set one, or remove one."""

    def __init__(
        self,
        plan: PlanFile,
        parent: QWidget | None,
        change: Callable[[int, int, int | None], str | None],
    ) -> None:
        super().__init__(parent)
        self.plan, self.change = plan, change
        self.setWindowTitle(self.tr("Travel times between venues"))
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(
            [QCoreApplication.translate("travel_times_dialog", c) for c in COLUMNS]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAccessibleName(self.tr("Travel times"))
        self.table.setToolTip(
            self.tr("Pairs of venues with their own travel time; select one to change it")
        )
        self.table.itemSelectionChanged.connect(self._picked)
        self.first, self.second = QComboBox(), QComboBox()
        with plan.reading() as session:
            choices = forms.venue_choices(session)
        for venue in choices:
            self.first.addItem(venue.label, venue.id)
            self.second.addItem(venue.label, venue.id)
        for box, name in ((self.first, self.tr("From venue")), (self.second, self.tr("To venue"))):
            box.setAccessibleName(name)
            box.setToolTip(self.tr("{name} (the time is the same both ways)").format(name=name))
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 24 * 60)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setValue(30)
        self.minutes.setAccessibleName(self.tr("Minutes"))
        self.minutes.setToolTip(self.tr("Minutes to allow between the two venues"))
        self.set_button = QPushButton(self.tr("Set"))
        self.set_button.setAccessibleName(self.tr("Set the travel time"))
        self.set_button.setToolTip(self.tr("Give this pair of venues its own travel time"))
        self.set_button.clicked.connect(self.set_pair)
        self.remove_button = QPushButton(self.tr("Use the default"))
        self.remove_button.setAccessibleName(self.tr("Remove the travel time"))
        self.remove_button.setToolTip(self.tr("The pair goes back to the plan's default time"))
        self.remove_button.clicked.connect(self.remove_pair)
        self.problem = problem_label(self.tr("Travel time problem"))
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("From")), 0, 0)
        grid.addWidget(self.first, 0, 1, 1, 3)
        grid.addWidget(QLabel(self.tr("To")), 1, 0)
        grid.addWidget(self.second, 1, 1, 1, 3)
        grid.addWidget(QLabel(self.tr("Minutes")), 2, 0)
        grid.addWidget(self.minutes, 2, 1)
        grid.addWidget(self.set_button, 2, 2)
        grid.addWidget(self.remove_button, 2, 3)
        close = name_buttons(QDialogButtonBox(QDialogButtonBox.StandardButton.Close))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(grid)
        layout.addWidget(self.problem)
        layout.addWidget(close)
        self.resize(820, 480)
        self.reload()

    def reload(self) -> None:
        with self.plan.reading() as session:
            pairs = listings.travel_times_listing(session)
        self.table.setRowCount(len(pairs))
        for n, (a, b, name_a, name_b, minutes) in enumerate(pairs):
            for column, text in enumerate((name_a, name_b, str(minutes))):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, (a, b, minutes))
                if column == 2:
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(n, column, cell)
        header = self.table.horizontalHeader()
        for column, mode in enumerate(
            (QHeaderView.ResizeMode.Stretch,) * 2 + (QHeaderView.ResizeMode.ResizeToContents,)
        ):
            header.setSectionResizeMode(column, mode)  # long venue names share the width
        self.remove_button.setEnabled(bool(pairs))

    def _picked(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            cell = self.table.item(rows[0].row(), 0)
            assert cell is not None  # every row has its first cell
            a, b, minutes = cell.data(Qt.ItemDataRole.UserRole)
            self.first.setCurrentIndex(self.first.findData(a))
            self.second.setCurrentIndex(self.second.findData(b))
            self.minutes.setValue(minutes)

    def _apply(self, minutes: int | None) -> None:
        self.problem.hide()
        problem = self.change(self.first.currentData(), self.second.currentData(), minutes)
        if problem:
            self.problem.setText(problem)
            self.problem.show()
            return
        self.reload()

    def set_pair(self) -> None:
        self._apply(self.minutes.value())

    def remove_pair(self) -> None:
        self._apply(None)

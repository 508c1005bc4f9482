"""Who is booked into an item or onto a programme: a list with their role and status.

Removing people from it is an undoable step of the window; the list reads itself again after.
For an item its programme's people attend without a booking (a plenary, a meal), a second list
names everyone attending, and how: booked directly or through the programme.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tourplanner.enums import label
from tourplanner.planfile import PlanFile
from tourplanner.services import attendance, forms, participations
from tourplanner.services.participations import Booking
from tourplanner.ui.marks import QT_TRANSLATE_NOOP
from tourplanner.ui.widgets.form_rows import name_buttons

COLUMNS = (
    QT_TRANSLATE_NOOP("bookings_dialog", "Name"),
    QT_TRANSLATE_NOOP("bookings_dialog", "Local name"),
    QT_TRANSLATE_NOOP("bookings_dialog", "Role"),
    QT_TRANSLATE_NOOP("bookings_dialog", "Status"),
)
ATTENDING_COLUMNS = (
    QT_TRANSLATE_NOOP("bookings_dialog", "Name"),
    QT_TRANSLATE_NOOP("bookings_dialog", "Local name"),
    QT_TRANSLATE_NOOP("bookings_dialog", "Attends"),
    QT_TRANSLATE_NOOP("bookings_dialog", "Groups"),
)


class BookingsDialog(QDialog):
    """The bookings of one item (`item_id`) or one programme (`programme_id`)."""

    def __init__(
        self,
        plan: PlanFile,
        parent: QWidget | None,
        unbook: Callable[[list[Booking]], bool],
        *,
        item_id: int | None = None,
        programme_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.plan, self.unbook = plan, unbook
        self.item_id, self.programme_id = item_id, programme_id
        with plan.reading() as session:
            title, everyone = forms.booking_heading(
                session, item_id=item_id, programme_id=programme_id
            )
        # Plenaries, meals, visits: the programme's people go without a booking.
        self.programme_title = everyone
        self.setWindowTitle(self.tr("Booked — {title}").format(title=title))
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.table = _table(COLUMNS)
        self.table.setAccessibleName(self.tr("Booked people"))
        self.table.setToolTip(self.tr("Who is booked, in which role; select rows to remove them"))
        self.remove = QPushButton(self.tr("Remove from it"))
        self.remove.setAccessibleName(self.tr("Remove the selected people"))
        self.remove.setToolTip(self.tr("Take the selected people off (Edit > Undo puts them back)"))
        self.remove.clicked.connect(self.remove_selected)
        close = name_buttons(QDialogButtonBox(QDialogButtonBox.StandardButton.Close))
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.remove)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        self.attending = _table(ATTENDING_COLUMNS)
        self.attending.setAccessibleName(self.tr("Everyone attending"))
        self.attending.setToolTip(
            self.tr("Everyone confirmed in this item: booked into it, or on its programme")
        )
        self.attending.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.attending_label = QLabel()
        self.attending_label.setBuddy(self.attending)
        if self.programme_title is not None:
            layout.addWidget(self.attending_label)
            layout.addWidget(self.attending, 2)
        layout.addLayout(row)
        self.resize(620, 460)
        self.reload()

    def reload(self) -> None:
        with self.plan.reading() as session:
            found = participations.participants(
                session, item_id=self.item_id, programme_id=self.programme_id
            )
            rows = [
                (
                    p.person.name_latin,
                    p.person.name_local,
                    Booking(p.person_id, p.item_id, p.programme_id, p.role, p.status),
                )
                for p in found
            ]
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(rows))
        for n, (name, local, booking) in enumerate(rows):
            cells = (name, local, label(booking.role), label(booking.status))
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column == 0:
                    cell.setData(Qt.ItemDataRole.UserRole, booking)
                self.table.setItem(n, column, cell)
        self.table.setSortingEnabled(True)
        self.table.sortItems(0, Qt.SortOrder.AscendingOrder)
        self.table.resizeColumnsToContents()
        confirmed = sum(b.status == "confirmed" for *_, b in rows)
        heading = self.tr("{booked} booked, {confirmed} confirmed.").format(
            booked=len(rows), confirmed=confirmed
        )
        if self.programme_title is not None and self.item_id is not None:
            with self.plan.reading() as session:
                who = attendance.item_attendance(session, self.item_id)
            heading += " " + self.tr(
                "{total} attending: {through} through the programme, {direct} booked directly."
            ).format(total=len(who.attendees), through=who.through_programme, direct=who.direct)
            self.attending_label.setText(
                self.tr(
                    "Everyone attending (everyone on '{programme_title}' attends it too):"
                ).format(programme_title=self.programme_title)
            )
            self._fill_attending(who)
        self.heading.setText(heading)
        self.remove.setEnabled(bool(rows))

    def _fill_attending(self, who: attendance.Attendance) -> None:
        table = self.attending
        table.setSortingEnabled(False)
        table.setRowCount(len(who.attendees))
        for n, a in enumerate(who.attendees):
            for column, text in enumerate(
                (a.name_latin, a.name_local, a.through.capitalize(), ", ".join(a.groups))
            ):
                table.setItem(n, column, QTableWidgetItem(text))
        table.setSortingEnabled(True)
        table.resizeColumnsToContents()

    def attending_names(self) -> list[str]:
        """The names in the list of everyone attending, as shown."""
        table = self.attending
        cells = [table.item(row, 0) for row in range(table.rowCount())]
        return [cell.text() for cell in cells if cell is not None]

    def selected(self) -> list[Booking]:
        chosen = {index.row() for index in self.table.selectionModel().selectedRows()}
        cells = [self.table.item(row, 0) for row in sorted(chosen)]
        return [cell.data(Qt.ItemDataRole.UserRole) for cell in cells if cell is not None]

    def remove_selected(self) -> None:
        chosen = self.selected()
        if chosen and self.unbook(chosen):
            self.reload()


def _table(columns: tuple[str, ...]) -> QTableWidget:
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels(
        [QCoreApplication.translate("bookings_dialog", c) for c in columns]
    )
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.setSortingEnabled(True)
    return table

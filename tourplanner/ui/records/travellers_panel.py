"""A journey's travellers in its editor: add and remove people, each one's seat, code, status."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tourplanner.enums import TravellerStatus, label
from tourplanner.services.travel import TravellerEntry
from tourplanner.ui.marks import QT_TRANSLATE_NOOP
from tourplanner.ui.widgets.zone_picker import searchable

COLUMNS = (
    QT_TRANSLATE_NOOP("travellers_panel", "Traveller"),
    QT_TRANSLATE_NOOP("travellers_panel", "Seat"),
    QT_TRANSLATE_NOOP("travellers_panel", "Booking code"),
    QT_TRANSLATE_NOOP("travellers_panel", "Status"),
    QT_TRANSLATE_NOOP("travellers_panel", "Notes"),
)
NAME, SEAT, CODE, STATUS, NOTES = range(5)
PERSON = Qt.ItemDataRole.UserRole


class TravellersPanel(QWidget):
    """The table of travellers, and a person box with Add / Remove beneath it."""

    changed = Signal()  # someone added or removed

    def __init__(self, people: list[tuple[str, int]]) -> None:
        super().__init__()
        self.names = {ident: name for name, ident in people}
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(
            [QCoreApplication.translate("travellers_panel", c) for c in COLUMNS]
        )
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        # Names and codes keep their width; the notes take what is left (the tooltip has all).
        for column, width in ((NAME, 170), (SEAT, 50), (CODE, 95), (STATUS, 115)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(NOTES, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.verticalHeader().setDefaultSectionSize(30)
        self.table.setMinimumHeight(200)
        # The list of people takes whatever height the dialog has to spare.
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.table.setAccessibleName(self.tr("Travellers"))
        self.table.setToolTip(
            self.tr(
                "Each traveller's seat, booking code, status and notes (double-click to change)"
            )
        )
        self.person = QComboBox()
        self.person.addItem(self.tr("(choose a person)"), None)
        for name, ident in people:
            self.person.addItem(name, ident)
        searchable(self.person)
        self.person.setAccessibleName(self.tr("Person to add"))
        self.person.setToolTip(self.tr("Type part of a name, then Add"))
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setToolTip(self.tr("Put the chosen person on this journey"))
        self.add_button.setAccessibleName(self.tr("Add traveller"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Take the selected travellers off this journey"))
        self.remove_button.setAccessibleName(self.tr("Remove traveller"))
        self.add_button.clicked.connect(self.add_chosen)
        self.remove_button.clicked.connect(self.remove_selected)
        adding = QHBoxLayout()
        adding.setContentsMargins(0, 0, 0, 0)
        adding.addWidget(self.person, 1)
        adding.addWidget(self.add_button)
        adding.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(adding)

    def set_entries(self, entries: tuple[TravellerEntry, ...] | list[TravellerEntry]) -> None:
        self.table.setRowCount(0)
        self.changed.emit()
        for entry in entries:
            self._append(entry)

    def _append(self, entry: TravellerEntry) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        name = QTableWidgetItem(self.names.get(entry.person_id, f"person #{entry.person_id}"))
        name.setData(PERSON, entry.person_id)  # Qt.UserRole
        name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.table.setItem(row, NAME, name)
        self.table.setItem(row, SEAT, QTableWidgetItem(entry.seat))
        self.table.setItem(row, CODE, QTableWidgetItem(entry.confirmation_code))
        status = QComboBox()
        for value in TravellerStatus:
            status.addItem(label(value), value.value)
        status.setCurrentIndex(max(0, status.findData(entry.status)))
        status.setAccessibleName(self.tr("Status of {text}").format(text=name.text()))
        status.setToolTip(
            self.tr("Confirmed, waitlisted or cancelled (a cancelled traveller is kept)")
        )
        self.table.setCellWidget(row, STATUS, status)
        notes = QTableWidgetItem(entry.notes)
        notes.setToolTip(entry.notes)
        self.table.setItem(row, NOTES, notes)
        self.changed.emit()

    def _cell(self, row: int, column: int) -> QTableWidgetItem:
        cell = self.table.item(row, column)
        assert cell is not None  # every row is made with all its cells
        return cell

    def person_ids(self) -> list[int]:
        return [self._cell(r, NAME).data(PERSON) for r in range(self.table.rowCount())]

    def add_chosen(self) -> bool:
        """Add the person in the box (once); whether someone was added."""
        ident = self.person.currentData()
        if ident is None or ident in self.person_ids():
            return False
        self._append(TravellerEntry(ident))
        self.person.setCurrentIndex(0)
        return True

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for row in rows or [self.table.currentRow()]:
            if row >= 0:
                self.table.removeRow(row)
        self.changed.emit()

    def entries(self) -> tuple[TravellerEntry, ...]:
        """The travellers as the service takes them (a person chosen but not yet added too)."""
        self.add_chosen()
        out = []
        for row in range(self.table.rowCount()):
            person = self._cell(row, NAME).data(PERSON)
            status = self.table.cellWidget(row, STATUS)
            assert isinstance(status, QComboBox)
            out.append(
                TravellerEntry(
                    person,
                    self._cell(row, SEAT).text(),
                    self._cell(row, CODE).text(),
                    status.currentData(),
                    self._cell(row, NOTES).text(),
                )
            )
        return tuple(out)

"""The item editor: a form with the right widgets, and validation messages next to each field."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from tourplanner.enums import ItemKind, ItemStatus, label
from tourplanner.errors import ValidationError
from tourplanner.operations import items as item_ops
from tourplanner.planfile import PlanFile
from tourplanner.services import forms
from tourplanner.services.items import ItemValues
from tourplanner.timezones import abbreviation, to_utc
from tourplanner.ui.undo import Run
from tourplanner.ui.widgets.form_rows import FormRows, name_buttons
from tourplanner.ui.widgets.qt_values import from_qdatetime, to_qdatetime

# The names the item service uses for each row's field in its validation errors.
REPORTED_AS = {
    "title_en": ("English title",),
    "title_local": ("local title",),
    "programme_id": ("programme",),
    "room_id": ("room",),
    "description": ("recurrence",),
}


class ItemEditor(QDialog):
    """Create or change an item. The form stays open and says what is wrong until it is right."""

    def __init__(
        self,
        plan: PlanFile,
        run: Run,
        parent: QWidget | None = None,
        *,
        values: ItemValues | None = None,
        item_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.plan, self.run, self.item_id = plan, run, item_id
        self.saved: ItemValues | None = None
        self.setWindowTitle("Edit item" if item_id else "New item")
        self.form = form = FormRows()
        self.errors = form.errors
        self.programme = QComboBox()
        self.title_en = QLineEdit()
        self.title_local = QLineEdit()
        self.kind = QComboBox()
        self.status = QComboBox()
        self.venue = QComboBox()
        self.room = QComboBox()
        self.start = QDateTimeEdit()
        self.end = QDateTimeEdit()
        self.zone = QLabel()
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)  # Tab goes on to Save, as in every field
        self.description.setFixedHeight(70)
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("ddd d MMM yyyy  HH:mm")
        with plan.reading() as session:
            programme_list = forms.programme_choices(session)
            venue_list = forms.venue_choices(session)
        for prog in programme_list:
            self.programme.addItem(prog.title, prog.id)
        self.venue.addItem("(no venue)", None)
        self.rooms_by_venue: dict[int, tuple[tuple[int, str], ...]] = {}
        self.zones: dict[int, str] = {}
        for venue in venue_list:
            self.venue.addItem(venue.label, venue.id)
            self.rooms_by_venue[venue.id] = venue.rooms
            self.zones[venue.id] = venue.timezone
        self.programme_zones = {p.id: p.timezone for p in programme_list}
        if not self.programme.count():
            # Items belong to a programme: say how to make one rather than refuse later.
            self.programme.setPlaceholderText("No programme yet: Plan > New programme first")
        for kind in ItemKind:
            self.kind.addItem(label(kind), kind.value)
        for status in ItemStatus:
            self.status.addItem(label(status), status.value)
        self.venue.currentIndexChanged.connect(self._venue_changed)
        self.programme.currentIndexChanged.connect(self._show_zone)
        rows = (
            ("programme_id", "Programme", self.programme),
            ("title_en", "Title (English)", self.title_en),
            ("title_local", "Title (local)", self.title_local),
            ("kind", "Kind", self.kind),
            ("status", "Status", self.status),
            ("venue_id", "Venue", self.venue),
            ("room_id", "Room", self.room),
            ("start", "Starts", self.start),
            ("end", "Ends", self.end),
            ("zone", "Time zone", self.zone),
            ("description", "Notes", self.description),
        )
        for key, text, widget in rows:
            form.add(key, text, widget, reported_as=REPORTED_AS.get(key, ()))
        buttons = name_buttons(
            QDialogButtonBox(
                QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
            )
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(form.general)
        layout.addWidget(buttons)
        self.resize(600, self.sizeHint().height())
        if values is not None:
            self.set_values(values)
        else:
            self._venue_changed()

    def set_values(self, v: ItemValues) -> None:
        self.programme.setCurrentIndex(max(0, self.programme.findData(v.programme_id)))
        self.title_en.setText(v.title_en)
        self.title_local.setText(v.title_local)
        self.kind.setCurrentIndex(max(0, self.kind.findData(v.kind)))
        self.status.setCurrentIndex(max(0, self.status.findData(v.status)))
        self.venue.setCurrentIndex(max(0, self.venue.findData(v.venue_id)))
        self._venue_changed()
        self.room.setCurrentIndex(max(0, self.room.findData(v.room_id)))
        self.start.setDateTime(to_qdatetime(v.start))
        self.end.setDateTime(to_qdatetime(v.end))
        self.description.setPlainText(v.description)

    def values(self) -> ItemValues:
        return ItemValues(
            self.programme.currentData(),
            self.title_en.text(),
            self.title_local.text(),
            self.kind.currentData(),
            self.status.currentData(),
            self.venue.currentData(),
            self.room.currentData(),
            from_qdatetime(self.start.dateTime()),
            from_qdatetime(self.end.dateTime()),
            self.description.toPlainText(),
        )

    def _venue_changed(self) -> None:
        self.room.clear()
        self.room.addItem("(no room)", None)
        for room_id, name in self.rooms_by_venue.get(self.venue.currentData(), []):
            self.room.addItem(name, room_id)
        self._show_zone()

    def _show_zone(self) -> None:
        zone = self.zones.get(self.venue.currentData()) or self.programme_zones.get(
            self.programme.currentData(), ""
        )
        when = from_qdatetime(self.start.dateTime())
        abbr = abbreviation(to_utc(when, zone), zone) if zone else ""
        self.zone.setText(
            f"{zone} ({abbr}) — times are local to where the item happens" if zone else ""
        )

    def save(self) -> None:
        """Save the item as one undoable operation; on a problem, say so beside the field and stay open."""
        self.form.clear_errors()
        values = self.values()
        if self.item_id is None:
            added = item_ops.add_item(values)
            problem = self.run(added)
        else:
            problem = self.run(item_ops.edit_item(self.item_id, values))
        if isinstance(problem, ValidationError):
            self.form.show_error(problem.field, problem.message)
            return
        if problem is not None:
            self.form.general.setText(str(problem))
            self.form.general.show()
            return
        if self.item_id is None:
            self.item_id = added.record_id
        self.saved = values
        self.accept()

"""The item editor: a form with the right widgets, and validation messages next to each field.

A repeating item shows its rule in the controls and in words; saving an occurrence opened from
a day asks whether the change is for this occurrence or for all of them.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from tourplanner.enums import ItemKind, ItemStatus, label
from tourplanner.errors import TourPlannerError, ValidationError
from tourplanner.i18n import formats
from tourplanner.operations import items as item_ops
from tourplanner.operations import versions
from tourplanner.operations.occurrence import edit_occurrence
from tourplanner.operations.versions import RowKey, RowVersion
from tourplanner.planfile import PlanFile
from tourplanner.scheduling.recurrence_text import describe
from tourplanner.scheduling.repeat_rule import exdate_days, exdates_text
from tourplanner.services import forms, items
from tourplanner.services.items import ItemValues
from tourplanner.timezones import abbreviation, to_utc
from tourplanner.ui.undo import Run
from tourplanner.ui.widgets.editor_guard import GuardedDialog
from tourplanner.ui.widgets.form_rows import FormRows, name_buttons
from tourplanner.ui.widgets.qt_values import from_qdatetime, to_qdatetime
from tourplanner.ui.widgets.repeat_box import RepeatBox
from tourplanner.ui.widgets.stale_reload import StaleReload

# The names the item service uses for each row's field in its validation errors.
REPORTED_AS = {
    "title_en": ("English title",),
    "title_local": ("local title",),
    "programme_id": ("programme",),
    "room_id": ("room",),
    "recurrence": ("recurrence", "exception dates"),
}
THIS_ONE, ALL = "this", "all"


def ask_this_or_all(parent: QWidget, occurrence: datetime) -> str:
    """Whether a change to a repeating item is for the occurrence of `occurrence` ('this') or
    for every one ('all'); "" when cancelled."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("item_editor", "Edit a repeating item"))
    box.setText(
        QCoreApplication.translate(
            "item_editor", "Change only the occurrence of {occurrence}, or all of them?"
        ).format(occurrence=formats.day(occurrence.date()))
    )
    this = box.addButton(
        QCoreApplication.translate("item_editor", "This occurrence"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    every = box.addButton(
        QCoreApplication.translate("item_editor", "All occurrences"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    clicked = box.clickedButton()
    return THIS_ONE if clicked is this else ALL if clicked is every else ""


def default_start(day: date | None) -> datetime:
    """Where a new item opens when nothing says otherwise: 09:00 on the day asked from."""
    return datetime.combine(day or date.today(), time(9))


class ItemEditor(GuardedDialog):
    """Create or change an item. The form stays open and says what is wrong until it is right.

    `occurrence`: the local start of the occurrence of a repeating item it was opened on (the
    form then shows that occurrence, and saving asks "this occurrence or all").
    """

    def __init__(
        self,
        plan: PlanFile,
        run: Run,
        parent: QWidget | None = None,
        *,
        values: ItemValues | None = None,
        item_id: int | None = None,
        occurrence: datetime | None = None,
        seen: dict[RowKey, RowVersion | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.plan, self.run, self.item_id = plan, run, item_id
        # The row versions read with `values`: the save refuses what someone changed since.
        self.seen = seen
        self.saved: ItemValues | None = None
        self.series = values if item_id is not None else None  # as stored, for "all"
        self.occurrence = occurrence if values is not None and values.recurrence else None
        self.answer = ""  # "this" or "all", once asked
        self._length = timedelta(hours=1)  # kept when the start moves
        self._last_start: datetime | None = None
        self.setWindowTitle(self.tr("Edit item") if item_id else self.tr("New item"))
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
        self.repeat = RepeatBox()
        self.words = QLabel()
        self.words.setWordWrap(True)
        self.words.setToolTip(self.tr("The repeat rule in words"))
        self.words.setStyleSheet("font-style: italic;")
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)  # Tab goes on to Save, as in every field
        self.description.setFixedHeight(70)
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(self.tr("ddd d MMM yyyy  HH:mm"))
        with plan.reading() as session:
            programme_list = forms.programme_choices(session)
            venue_list = forms.venue_choices(session)
        for prog in programme_list:
            self.programme.addItem(prog.title, prog.id)
        self.venue.addItem(self.tr("(no venue)"), None)
        self.rooms_by_venue: dict[int, tuple[tuple[int, str], ...]] = {}
        self.zones: dict[int, str] = {}
        for venue in venue_list:
            self.venue.addItem(venue.label, venue.id)
            self.rooms_by_venue[venue.id] = venue.rooms
            self.zones[venue.id] = venue.timezone
        self.programme_zones = {p.id: p.timezone for p in programme_list}
        self.first_days = {p.id: p.first_day for p in programme_list}
        if not self.programme.count():
            # Items belong to a programme: say how to make one rather than refuse later.
            self.programme.setPlaceholderText(
                self.tr("No programme yet: Plan > New programme first")
            )
        for kind in ItemKind:
            self.kind.addItem(label(kind), kind.value)
        for status in ItemStatus:
            self.status.addItem(label(status), status.value)
        self.venue.currentIndexChanged.connect(self._venue_changed)
        self.programme.currentIndexChanged.connect(self._show_zone)
        if item_id is None:
            self.programme.currentIndexChanged.connect(self._programme_changed)
        self.start.dateTimeChanged.connect(self._start_moved)
        self.end.dateTimeChanged.connect(self._show_words)
        self.repeat.changed.connect(self._show_words)
        rows = (
            ("programme_id", self.tr("Programme"), self.programme),
            ("title_en", self.tr("Title (English)"), self.title_en),
            ("title_local", self.tr("Title (local)"), self.title_local),
            ("kind", self.tr("Kind"), self.kind),
            ("status", self.tr("Status"), self.status),
            ("venue_id", self.tr("Venue"), self.venue),
            ("room_id", self.tr("Room"), self.room),
            ("start", self.tr("Starts"), self.start),
            ("end", self.tr("Ends"), self.end),
            ("zone", self.tr("Time zone"), self.zone),
            ("recurrence", self.tr("Repeats"), self.repeat),
            ("words", "", self.words),
            ("description", self.tr("Notes"), self.description),
        )
        for key, text, widget in rows:
            form.add(key, text, widget, reported_as=REPORTED_AS.get(key, ()))
        self.words.setAccessibleName(self.tr("The repeat rule in words"))
        buttons = name_buttons(
            QDialogButtonBox(
                QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
            )
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.cancel)
        self.stale = StaleReload(buttons, self.reload)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(form.general)
        layout.addWidget(buttons)
        self.resize(640, self.sizeHint().height())
        if values is not None:
            self.set_values(self._shown(values))
        else:  # never 1 Jan 2000: the first day of the programme offered first
            self._venue_changed()
            self._programme_changed()
        self.guard(self.title_en, self.values)

    def reload(self) -> None:
        """Read the item as stored now (after a stale save): its values and versions."""
        if self.item_id is None:
            return
        with self.plan.reading() as session:
            stored = items.item_values(session, self.item_id)
            self.seen = versions.read(session, [("item", self.item_id)])
        self.series = stored
        self.form.clear_errors()
        self.set_values(self._shown(stored))
        self.mark_unchanged()

    def _shown(self, values: ItemValues) -> ItemValues:
        """The values the form shows: those of the occurrence it was opened on, if any."""
        if self.occurrence is None:
            return values
        length = values.end - values.start
        return replace(values, start=self.occurrence, end=self.occurrence + length)

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
        first = (self.series or v).start.date()
        self.repeat.set_rule(v.recurrence, exdate_days(v.exdates), first)
        self._show_words()

    def values(self) -> ItemValues:
        start = from_qdatetime(self.start.dateTime())
        return ItemValues(
            self.programme.currentData(),
            self.title_en.text(),
            self.title_local.text(),
            self.kind.currentData(),
            self.status.currentData(),
            self.venue.currentData(),
            self.room.currentData(),
            start,
            from_qdatetime(self.end.dateTime()),
            self.description.toPlainText(),
            self.repeat.rule_text(),
            exdates_text(self.repeat.skipped_days(), start.time()),
        )

    def _programme_changed(self) -> None:
        """A new item moves to the chosen programme's first day, keeping its hours."""
        first = self.first_days.get(self.programme.currentData())
        start = from_qdatetime(self.start.dateTime())
        if start.year <= 2000:  # Qt's empty date: not yet set from anywhere
            start = default_start(first)
        elif first is not None:
            start = datetime.combine(first, start.time())
        self.start.setDateTime(to_qdatetime(start))

    def _start_moved(self) -> None:
        """The end keeps the item's length; the repeat's dates stay on or after the start."""
        start = from_qdatetime(self.start.dateTime())
        end = from_qdatetime(self.end.dateTime())
        if end <= start or self._last_start is not None:
            self.end.setDateTime(to_qdatetime(start + self._length))
        self._last_start = start
        self.repeat.start_day_moved(self.start.date())
        self._show_words()

    def _show_words(self) -> None:
        start, end = from_qdatetime(self.start.dateTime()), from_qdatetime(self.end.dateTime())
        if end > start:
            self._length = end - start
        values = self.values()
        if self.occurrence is not None and self.series is not None:
            # The rule is the series': said from its first day, with this occurrence's hours.
            moved = start - self.occurrence
            start, end = self.series.start + moved, self.series.start + moved + (end - start)
        try:
            text = describe(values.recurrence, values.exdates, start, end)
        except ValidationError as exc:
            text = exc.message[:1].upper() + exc.message[1:] + "."
        self.words.setText(text if values.recurrence else "")

    def _venue_changed(self) -> None:
        self.room.clear()
        self.room.addItem(self.tr("(no room)"), None)
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
            self.tr("{zone} ({abbr}) — times are local to where the item happens").format(
                zone=zone, abbr=abbr
            )
            if zone
            else ""
        )

    def save(self) -> None:
        """Save the item as one undoable operation; on a problem, say so beside the field and stay open."""
        self.form.clear_errors()
        values = self.values()
        if self.item_id is None:
            added = item_ops.add_item(values)
            problem = self.run(added)
        elif self.occurrence is not None:
            self.answer = self.answer or self.ask_which()
            if not self.answer:
                return  # cancelled: the form stays as it is
            problem = self._save_occurrence(values)
        else:
            problem = self.run(item_ops.edit_item(self.item_id, values, seen=self.seen))
        self.stale.offer(problem)
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

    def ask_which(self) -> str:
        """'this' or 'all' occurrences of the repeating item; "" when cancelled."""
        assert self.occurrence is not None
        return ask_this_or_all(self, self.occurrence)

    def _save_occurrence(self, values: ItemValues) -> TourPlannerError | None:
        assert self.item_id is not None and self.occurrence is not None and self.series
        if self.answer == THIS_ONE:
            return self.run(edit_occurrence(self.item_id, self.occurrence, values))
        # All: the series moves by what this occurrence moved; the rest is as edited.
        moved = values.start - self.occurrence
        length = values.end - values.start
        start = self.series.start + moved
        return self.run(
            item_ops.edit_item(
                self.item_id, replace(values, start=start, end=start + length), seen=self.seen
            )
        )

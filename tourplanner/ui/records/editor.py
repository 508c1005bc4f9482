"""The editor for venues, people, organizations, groups and programmes, built from `entities`."""

from __future__ import annotations

from datetime import date, datetime, time

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialogButtonBox,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from tourplanner.enums import label
from tourplanner.errors import ValidationError
from tourplanner.operations import records as record_ops
from tourplanner.operations import versions
from tourplanner.operations.versions import RowKey, RowVersion
from tourplanner.planfile import PlanFile
from tourplanner.services import records
from tourplanner.ui.records.entities import Entity, Field
from tourplanner.ui.undo import Run
from tourplanner.ui.widgets.editor_guard import GuardedDialog
from tourplanner.ui.widgets.form_rows import FormRows, name_buttons
from tourplanner.ui.widgets.qt_values import from_qdate, from_qdatetime, to_qdate, to_qdatetime
from tourplanner.ui.widgets.stale_reload import StaleReload
from tourplanner.ui.widgets.zone_picker import ZonePicker, searchable


def _number(text: str, kind: str) -> object:
    """The typed number, or the text itself so the service can say what is wrong with it."""
    text = text.strip().replace(",", ".") if kind == "number" else text.strip()
    if not text:
        return None
    try:
        return int(text) if kind == "int" else float(text)
    except ValueError:
        return text


def _name(entity: Entity, values: dict[str, object]) -> str:
    """What the undo step calls the record, from the form (a blank name: its kind)."""
    try:
        return entity.kind.name_of(values).strip() or entity.shown_title.lower()
    except (KeyError, AttributeError):
        return entity.shown_title.lower()


class RecordEditor(GuardedDialog):
    """Create or change one record; stays open with the problem beside its field until right.

    Opens with its first field focused; a changed form asks before it is closed unsaved.
    """

    def __init__(
        self,
        plan: PlanFile,
        entity: Entity,
        run: Run,
        parent: QWidget | None = None,
        *,
        record_id: int | None = None,
        defaults: dict[str, object] | None = None,
        day: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.plan, self.entity, self.run, self.record_id = plan, entity, run, record_id
        self.before: dict[str, object] | None = None
        # The row versions read with `before`: the save refuses what someone changed since.
        self.seen: dict[RowKey, RowVersion | None] | None = None
        self.saved: dict[str, object] | None = None
        self.saved_name = ""  # what the undo step calls it: "Edit venue 'Civic Centre'"
        self.day = day or date.today()  # where dates of a new record start: the day asked from
        self.setWindowTitle(
            self.tr("Edit {lower}").format(lower=entity.shown_title.lower())
            if record_id
            else self.tr("New {lower}").format(lower=entity.shown_title.lower())
        )
        self.form = FormRows()
        self.widgets: dict[str, QWidget] = {}
        with plan.reading() as session:
            options = {
                f.key: records.choices(session, f.choices) for f in entity.fields if f.choices
            }
            if record_id is not None:
                self.before, self.seen = self._stored(session)
        for spec in entity.fields:
            widget = self._widget(spec, options.get(spec.key, []))
            self.widgets[spec.key] = widget
            self.form.add(spec.key, spec.shown_label, widget, reported_as=spec.reported_as)
            if spec.hint:
                widget.setToolTip(
                    self.tr("{label} ({hint})").format(label=spec.shown_label, hint=spec.shown_hint)
                )
        buttons = name_buttons(
            QDialogButtonBox(
                QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
            )
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.cancel)
        self.stale = StaleReload(buttons, self.reload)
        body = QWidget()
        body.setLayout(self.form)
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(self.form.general)
        layout.addWidget(buttons)
        self.set_values(self.before or defaults or {})
        self._last_day_follows_first()
        self.guard(self.widgets[entity.fields[0].key], self.values)
        self.resize(560, min(body.sizeHint().height() + 90, 760))

    def _last_day_follows_first(self) -> None:
        """Moving the first day moves the last one with it, keeping the length (a programme)."""
        first, last = self.widgets.get("start_date"), self.widgets.get("end_date")
        if not (isinstance(first, QDateEdit) and isinstance(last, QDateEdit)):
            return
        self._first_day = first.date()

        def moved(new: QDate) -> None:
            length = max(0, self._first_day.daysTo(last.date()))
            self._first_day = new
            last.setDate(new.addDays(length))

        first.dateChanged.connect(moved)

    def _widget(self, spec: Field, options: list[tuple[str, int]]) -> QWidget:
        if spec.kind == "long":
            text = QPlainTextEdit()
            text.setTabChangesFocus(True)
            text.setFixedHeight(64)
            return text
        if spec.kind in ("enum", "ref"):
            return self._choice(spec, options)
        if spec.kind == "bool":
            return QCheckBox()
        if spec.kind == "zone":
            return ZonePicker()
        if spec.kind == "date":
            day = QDateEdit()
            day.setCalendarPopup(True)
            day.setDisplayFormat(self.tr("ddd d MMM yyyy"))
            return day
        if spec.kind == "datetime":  # wall-clock time at the zone of the row below it
            moment = QDateTimeEdit()
            moment.setCalendarPopup(True)
            moment.setDisplayFormat(self.tr("ddd d MMM yyyy  HH:mm"))
            return moment
        line = QLineEdit()
        if spec.hint:
            line.setPlaceholderText(spec.shown_hint)
        return line

    def _choice(self, spec: Field, options: list[tuple[str, int]]) -> QComboBox:
        box = QComboBox()
        if spec.vocabulary is not None:
            for value in spec.vocabulary:
                box.addItem(label(value), value.value)
            return box
        box.addItem(self.tr("(none)"), None)
        for text, ident in options:
            if ident != self.record_id:  # a record is never its own parent
                box.addItem(text, ident)
        if len(options) > 20:  # thousands of people: type part of a name instead
            searchable(box)
        return box

    def set_values(self, values: dict[str, object]) -> None:
        for spec in self.entity.fields:
            widget, value = self.widgets[spec.key], values.get(spec.key)
            if isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText(str(value or ""))
            elif isinstance(widget, ZonePicker):
                widget.setEditText(str(value or ""))
            elif isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(0, widget.findData(value)))
            elif isinstance(widget, QDateTimeEdit) and spec.kind == "datetime":
                # A new record starts on the day it was asked from, never at "now".
                when = value if isinstance(value, datetime) else datetime.combine(self.day, time(9))
                widget.setDateTime(to_qdatetime(when))
            elif isinstance(widget, QDateEdit):
                widget.setDate(to_qdate(value if isinstance(value, date) else self.day))
            elif isinstance(widget, QLineEdit):
                widget.setText("" if value is None else str(value))

    def values(self) -> dict[str, object]:
        """The form's values as the service takes them."""
        out: dict[str, object] = {}
        for spec in self.entity.fields:
            widget = self.widgets[spec.key]
            if isinstance(widget, QCheckBox):
                out[spec.key] = widget.isChecked()
            elif isinstance(widget, QPlainTextEdit):
                out[spec.key] = widget.toPlainText()
            elif isinstance(widget, ZonePicker):
                out[spec.key] = widget.currentText().strip()
            elif isinstance(widget, QComboBox):
                out[spec.key] = widget.currentData()
            elif isinstance(widget, QDateTimeEdit) and spec.kind == "datetime":
                out[spec.key] = from_qdatetime(widget.dateTime())
            elif isinstance(widget, QDateEdit):
                out[spec.key] = from_qdate(widget.date())
            elif isinstance(widget, QLineEdit) and spec.kind in ("int", "number"):
                out[spec.key] = _number(widget.text(), spec.kind)
            elif isinstance(widget, QLineEdit):
                out[spec.key] = widget.text()
        return out

    def _stored(self, session: object) -> tuple[dict[str, object], dict | None]:
        """The record's values and row versions, read together."""
        assert self.record_id is not None
        values = records.record_values(session, self.entity.key, self.record_id)  # type: ignore[arg-type]
        key = (self.entity.key, self.record_id)
        seen = versions.read(session, [key]) if key[0] in versions.MODELS else None
        return values, seen

    def reload(self) -> None:
        """Read the record as stored now (after a stale save): its values and versions."""
        if self.record_id is None:
            return
        with self.plan.reading() as session:
            self.before, self.seen = self._stored(session)
        self.form.clear_errors()
        self.set_values(self.before)
        self.mark_unchanged()

    def save(self) -> None:
        """Save the record as one undoable operation; on a problem, say it beside the field."""
        self.form.clear_errors()
        values = self.values()
        title = self.entity.shown_title.lower()
        name = _name(self.entity, values)
        if self.record_id is None:
            added = record_ops.create_record(
                self.entity.key,
                values,
                self.tr("Add {title} '{name}'").format(title=title, name=name),
            )
            problem = self.run(added)
        else:
            problem = self.run(
                record_ops.edit_record(
                    self.entity.key,
                    self.record_id,
                    values,
                    name=name,
                    text=self.tr("Edit {title} '{name}'").format(title=title, name=name),
                    seen=self.seen,
                )
            )
        self.stale.offer(problem)
        if isinstance(problem, ValidationError):
            shown = self.form.show_error(problem.field, problem.message)
            target = self.widgets.get(self.form.names.get(problem.field, ""))
            (target or shown).setFocus()
            return
        if problem is not None:
            self.form.general.setText(str(problem))
            self.form.general.show()
            return
        if self.record_id is None:
            self.record_id = added.record_id
        self.saved, self.saved_name = values, name
        self.accept()

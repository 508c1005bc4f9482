"""The item editor's repeat controls: how often, until when, and the days skipped.

The controls edit a `RepeatRule` (scheduling/repeat_rule.py); a rule of another shape (an
imported calendar's) is shown as such and kept, word for word, unless the user picks another.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tourplanner.i18n import formats
from tourplanner.scheduling.repeat_rule import (
    DAILY,
    EVERY_N_DAYS,
    NONE,
    WEEKLY,
    RepeatRule,
    from_text,
)
from tourplanner.ui.marks import QT_TRANSLATE_NOOP
from tourplanner.ui.widgets.qt_values import from_qdate, to_qdate

CUSTOM = "custom"
HOW = (
    (NONE, QT_TRANSLATE_NOOP("repeat_box", "Does not repeat")),
    (DAILY, QT_TRANSLATE_NOOP("repeat_box", "Every day")),
    (WEEKLY, QT_TRANSLATE_NOOP("repeat_box", "Every week on…")),
)
ENDS = (
    ("programme", QT_TRANSLATE_NOOP("repeat_box", "until the programme ends")),
    ("until", "until"),
    ("count", QT_TRANSLATE_NOOP("repeat_box", "times:")),
)
WEEKDAYS = (
    QT_TRANSLATE_NOOP("repeat_box", "Mon"),
    QT_TRANSLATE_NOOP("repeat_box", "Tue"),
    QT_TRANSLATE_NOOP("repeat_box", "Wed"),
    QT_TRANSLATE_NOOP("repeat_box", "Thu"),
    QT_TRANSLATE_NOOP("repeat_box", "Fri"),
    QT_TRANSLATE_NOOP("repeat_box", "Sat"),
    QT_TRANSLATE_NOOP("repeat_box", "Sun"),
)


def _named(widget: QWidget, name: str, tip: str) -> QWidget:
    widget.setAccessibleName(name)
    widget.setToolTip(tip)
    return widget


def _day_edit() -> QDateEdit:
    day = QDateEdit()
    day.setCalendarPopup(True)
    day.setDisplayFormat(QCoreApplication.translate("repeat_box", "ddd d MMM yyyy"))
    return day


class RepeatBox(QWidget):
    """Repeat none / daily / weekly on weekdays / every N days; until a date or N times;
    the days skipped (add, remove). `changed` fires on every edit."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._custom = ""  # a rule of another shape, kept as it is
        self.how = QComboBox()
        for key, text in (*HOW, (EVERY_N_DAYS, QT_TRANSLATE_NOOP("repeat_box", "Every N days"))):
            self.how.addItem(QCoreApplication.translate("repeat_box", text), key)
        _named(self.how, self.tr("Repeats"), self.tr("Whether and how often the item repeats"))
        self.interval = QSpinBox(minimum=2, maximum=365, value=2, suffix=self.tr(" days"))
        _named(
            self.interval, self.tr("Every how many days"), self.tr("Repeat every this many days")
        )
        self.days = [QCheckBox(QCoreApplication.translate("repeat_box", name)) for name in WEEKDAYS]
        for box, name in zip(self.days, WEEKDAYS, strict=True):
            name = QCoreApplication.translate("repeat_box", name)
            _named(box, name, self.tr("Repeat on {name}").format(name=name))
            box.toggled.connect(self._edited)
        self.ends = QComboBox()
        for key, text in ENDS:
            self.ends.addItem(QCoreApplication.translate("repeat_box", text), key)
        _named(self.ends, self.tr("Repeats until"), self.tr("When the repeats stop"))
        self.until = _day_edit()
        _named(self.until, self.tr("Last day"), self.tr("The last day it repeats on"))
        self.count = QSpinBox(minimum=1, maximum=999, value=3)
        _named(self.count, self.tr("How many times"), self.tr("How many times in all"))
        self.skipped = QListWidget()
        _named(
            self.skipped,
            self.tr("Days skipped"),
            self.tr("The days it does not happen (exceptions)"),
        )
        self.skipped.setMaximumHeight(64)
        self.skip_day = _day_edit()
        _named(self.skip_day, self.tr("Day to skip"), self.tr("A day to leave out"))
        self.add_skip = QPushButton(self.tr("Skip this day"))
        _named(
            self.add_skip, self.tr("Skip this day"), self.tr("Leave the day chosen beside it out")
        )
        self.remove_skip = QPushButton(self.tr("Remove"))
        _named(
            self.remove_skip, self.tr("Remove skipped day"), self.tr("Have the selected day again")
        )
        self.add_skip.clicked.connect(lambda: self.add_skipped(from_qdate(self.skip_day.date())))
        self.remove_skip.clicked.connect(self._remove_selected)
        for signal in (
            self.how.currentIndexChanged,
            self.interval.valueChanged,
            self.ends.currentIndexChanged,
            self.until.dateChanged,
            self.count.valueChanged,
        ):
            signal.connect(self._edited)
        self._lay_out()
        self._show_parts()

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.how, 1)
        top.addWidget(self.interval)
        self.weekdays = QWidget()
        row = QHBoxLayout(self.weekdays)
        row.setContentsMargins(0, 0, 0, 0)
        for box in self.days:
            row.addWidget(box)
        row.addStretch(1)
        self.ending = QWidget()
        end = QHBoxLayout(self.ending)
        end.setContentsMargins(0, 0, 0, 0)
        end.addWidget(QLabel(self.tr("Ending")))
        end.addWidget(self.ends)
        end.addWidget(self.until)
        end.addWidget(self.count)
        end.addStretch(1)
        self.exceptions = QWidget()
        grid = QGridLayout(self.exceptions)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(QLabel(self.tr("Skipped days:")), 0, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.skipped, 0, 1, 2, 1)
        grid.addWidget(self.remove_skip, 0, 2, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.skip_day, 2, 1)
        grid.addWidget(self.add_skip, 2, 2)
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(top)
        for part in (self.weekdays, self.ending, self.exceptions):
            layout.addWidget(part)

    # -- reading and writing -----------------------------------------------------------------

    def set_rule(self, text: str, skipped: list[date], first_day: date) -> None:
        """Show a stored rule; one the controls cannot show is kept as a custom rule."""
        shape = from_text(text, first_day)
        self._custom = "" if shape is not None else text
        custom = self.how.findData(CUSTOM)
        if shape is None and custom < 0:
            self.how.addItem(self.tr("Custom rule (kept as it is)"), CUSTOM)
        elif shape is not None and custom >= 0:
            self.how.removeItem(custom)
        shape = shape or RepeatRule()
        self.blockSignals(True)
        self.how.setCurrentIndex(self.how.findData(CUSTOM if self._custom else shape.kind))
        self.interval.setValue(max(2, shape.interval))
        for n, box in enumerate(self.days):
            box.setChecked(
                n in shape.weekdays if shape.kind == WEEKLY else n == first_day.weekday()
            )
        end = "count" if shape.count else "until" if shape.until else "programme"
        self.ends.setCurrentIndex(self.ends.findData(end))
        self.until.setDate(to_qdate(shape.until or first_day))
        self.count.setValue(shape.count or 3)
        self.skip_day.setDate(to_qdate(first_day))
        self.skipped.clear()
        for day in skipped:
            self._list_skipped(day)
        self.blockSignals(False)
        self._show_parts()

    def rule(self) -> RepeatRule | None:
        """The rule the controls show; None for a kept custom rule."""
        kind = self.how.currentData()
        if kind == CUSTOM:
            return None
        end = self.ends.currentData()
        return RepeatRule(
            kind,
            weekdays=tuple(n for n, box in enumerate(self.days) if box.isChecked()),
            interval=self.interval.value() if kind == EVERY_N_DAYS else 1,
            until=from_qdate(self.until.date()) if end == "until" else None,
            count=self.count.value() if end == "count" else None,
        )

    def rule_text(self) -> str:
        """The RRULE to store ("" when it does not repeat)."""
        rule = self.rule()
        return self._custom if rule is None else rule.to_text()

    def skipped_days(self) -> list[date]:
        if self.how.currentData() == NONE:
            return []
        items = (self.skipped.item(n) for n in range(self.skipped.count()))
        return sorted(item.data(Qt.ItemDataRole.UserRole) for item in items)

    def add_skipped(self, day: date) -> None:
        """Leave a day out (once: a day already skipped stays listed once)."""
        days = self.skipped_days()
        if day not in days:
            self.skipped.clear()
            for each in sorted([*days, day]):
                self._list_skipped(each)
            self._edited()

    def _list_skipped(self, day: date) -> None:
        entry = QListWidgetItem(formats.day(day))
        entry.setData(Qt.ItemDataRole.UserRole, day)
        self.skipped.addItem(entry)

    def _remove_selected(self) -> None:
        for entry in self.skipped.selectedItems():
            self.skipped.takeItem(self.skipped.row(entry))
        self._edited()

    def _edited(self) -> None:
        self._show_parts()
        self.changed.emit()

    def _show_parts(self) -> None:
        kind = self.how.currentData()
        repeats = kind not in (NONE, CUSTOM)
        self.interval.setVisible(kind == EVERY_N_DAYS)
        self.weekdays.setVisible(kind == WEEKLY)
        self.ending.setVisible(repeats)
        self.exceptions.setVisible(kind != NONE)
        end = self.ends.currentData()
        self.until.setVisible(end == "until")
        self.count.setVisible(end == "count")
        self.remove_skip.setEnabled(self.skipped.count() > 0)

    def start_day_moved(self, first_day: QDate) -> None:
        """Keep the 'until' and 'skip' dates from lying before a new first day."""
        if self.until.date() < first_day:
            self.until.setDate(first_day)
        if self.skip_day.date() < first_day:
            self.skip_day.setDate(first_day)

"""The meeting point and time before an item, and a meal's menu: one small form, one step."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from tourplanner.errors import TourPlannerError
from tourplanner.operations.logistics import set_logistics
from tourplanner.services.item_logistics import ItemLogistics
from tourplanner.ui.undo import Run
from tourplanner.ui.widgets.qt_values import from_qdatetime, to_qdatetime


class LogisticsDialog(QDialog):
    def __init__(
        self,
        item_id: int,
        title: str,
        values: ItemLogistics,
        start: datetime,
        run: Run,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.item_id, self.title, self.run = item_id, title, run
        self.setWindowTitle(self.tr("Meeting point and menu: {title}").replace("{title}", title))
        form = QFormLayout()
        self.point = QLineEdit(values.meeting_point)
        self.point.setPlaceholderText(self.tr("e.g. Hotel lobby, the coach waits at the main door"))
        self.meet = QCheckBox(self.tr("Meet at"))
        self.when = QDateTimeEdit()
        self.when.setDisplayFormat("ddd d MMM yyyy  HH:mm")
        self.when.setDateTime(to_qdatetime(values.meeting_time or start.replace(tzinfo=None)))
        self.meet.setChecked(values.meeting_time is not None)
        self.when.setEnabled(self.meet.isChecked())
        self.meet.toggled.connect(self.when.setEnabled)
        self.menu = QPlainTextEdit(values.menu_note)
        self.menu.setTabChangesFocus(True)
        self.menu.setFixedHeight(72)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #9A3412")
        self.problem.hide()
        form.addRow(self.tr("Meeting point"), self.point)
        form.addRow(self.meet, self.when)
        form.addRow(self.tr("Menu (meals)"), self.menu)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def values(self) -> ItemLogistics:
        when = from_qdatetime(self.when.dateTime()) if self.meet.isChecked() else None
        return ItemLogistics(self.point.text(), when, self.menu.toPlainText())

    def save(self) -> None:
        """Save as one undoable step; a refusal is said in the form and nothing is written."""
        problem = self.run(set_logistics(self.item_id, self.values(), self.title))
        if isinstance(problem, TourPlannerError):
            self.problem.setText(str(problem))
            self.problem.show()
            return
        self.accept()

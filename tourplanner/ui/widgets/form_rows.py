"""A form whose rows each carry an inline problem line, shared by every editor dialog.

Services report a `ValidationError` by the field's plain name ("English name", "seats"); the
form maps that name to its row and shows the message right under the widget, so the user sees
what to fix where it is, never a traceback or a silent refusal.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, SignalInstance
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDateTimeEdit,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from tourplanner.ui.marks import QT_TRANSLATE_NOOP

ERROR_STYLE = "color: #b42318;"


def problem_label(accessible: str) -> QLabel:
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.setAccessibleName(accessible)
    label.hide()
    return label


class FormRows(QFormLayout):
    """Rows of label + widget + hidden problem line; `show_error` reveals the right one."""

    def __init__(self) -> None:
        super().__init__()
        self.errors: dict[str, QLabel] = {}
        self.names: dict[str, str] = {}  # a service's field name -> row key
        self.general = problem_label(self.tr("Problem"))

    def add(
        self, key: str, text: str, widget: QWidget, *, reported_as: tuple[str, ...] = ()
    ) -> None:
        """Add a row. `reported_as`: the names a service uses for this field in its errors."""
        widget.setAccessibleName(text)
        if not widget.toolTip():
            widget.setToolTip(text)
        error = problem_label(self.tr("{text} problem").format(text=text))
        self.errors[key] = error
        for name in (key, *reported_as):
            self.names[name] = key
        holder = QVBoxLayout()
        holder.setContentsMargins(0, 0, 0, 0)
        holder.setSpacing(2)
        holder.addWidget(widget)
        holder.addWidget(error)
        box = QWidget()
        box.setLayout(holder)
        self.addRow(text, box)
        for signal in edited_signals(widget):
            # The message is about the value it was shown for: editing the field clears it
            # at once (the next save says it again if it is still wrong).
            signal.connect(lambda *_, e=error: self._clear(e))

    def _clear(self, error: QLabel) -> None:
        error.hide()
        self.general.hide()

    def show_error(self, field: str, message: str) -> QLabel:
        """Show the problem beside its field (or under the form when no row matches)."""
        target = self.errors.get(self.names.get(field, ""))
        if target is None:
            self.general.setText(
                self.tr("{field}: {message}.").format(
                    field=field[:1].upper() + field[1:], message=message
                )
            )
            target = self.general
        else:
            target.setText(message[:1].upper() + message[1:] + ".")
        target.show()
        return target

    def clear_errors(self) -> None:
        for error in (*self.errors.values(), self.general):
            error.hide()

    def visible_errors(self) -> dict[str, str]:
        """Row key -> shown problem (`""` for the general line): what the user sees now."""
        shown = {key: e.text() for key, e in self.errors.items() if not e.isHidden()}
        if not self.general.isHidden():
            shown[""] = self.general.text()
        return shown


def edited_signals(widget: QWidget) -> list[SignalInstance]:
    """The signals a form widget sends when the user changes its value."""
    if isinstance(widget, QLineEdit):
        return [widget.textEdited]
    if isinstance(widget, QPlainTextEdit):
        return [widget.textChanged]
    if isinstance(widget, QComboBox):
        signals = [widget.currentIndexChanged]
        return [*signals, widget.editTextChanged] if widget.isEditable() else signals
    if isinstance(widget, QDateTimeEdit):
        return [widget.dateTimeChanged]
    if isinstance(widget, QAbstractSpinBox) and hasattr(widget, "valueChanged"):
        return [widget.valueChanged]
    changed = getattr(widget, "changed", None)  # a compound control (RepeatBox)
    return [changed] if isinstance(changed, SignalInstance) else []


# What each standard dialog button does, said on hover and to screen readers.
BUTTON_TIPS = {
    QDialogButtonBox.StandardButton.Save: QT_TRANSLATE_NOOP(
        "form_rows", "Save, or say what to fix (Enter)"
    ),
    QDialogButtonBox.StandardButton.Cancel: QT_TRANSLATE_NOOP(
        "form_rows", "Close without changing anything (Esc)"
    ),
    QDialogButtonBox.StandardButton.Ok: QT_TRANSLATE_NOOP(
        "form_rows", "Use the highlighted entry (Enter)"
    ),
    QDialogButtonBox.StandardButton.Close: QT_TRANSLATE_NOOP(
        "form_rows", "Close this window (Esc)"
    ),
}


def name_buttons(box: QDialogButtonBox) -> QDialogButtonBox:
    """Give a dialog's standard buttons accessible names and tooltips."""
    for button in box.buttons():
        which = box.standardButton(button)
        button.setAccessibleName(button.text().replace("&", ""))
        tip = BUTTON_TIPS.get(which)
        button.setToolTip(
            QCoreApplication.translate("form_rows", tip) if tip else button.text().replace("&", "")
        )
    return box

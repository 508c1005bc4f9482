"""The behaviour every editor dialog shares so that typed input is never lost.

The first field has the focus when the dialog opens (typing goes where it is meant to); Escape,
Cancel and the window's close button on a changed form ask "Discard your changes?", while an
unchanged form just closes. `reject()` itself (the program closing the dialog) never asks.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget


def ask_discard(parent: QWidget) -> bool:
    """Whether the user wants to throw away what they typed (No keeps the form as it is)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(parent.windowTitle())
    box.setText(QCoreApplication.translate("editor_guard", "Discard your changes?"))
    box.setInformativeText(
        QCoreApplication.translate(
            "editor_guard", "What you changed in this form has not been saved."
        )
    )
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    yes, no = box.button(QMessageBox.StandardButton.Yes), box.button(QMessageBox.StandardButton.No)
    yes.setText(QCoreApplication.translate("editor_guard", "Discard"))
    no.setText(QCoreApplication.translate("editor_guard", "Keep editing"))
    box.setDefaultButton(QMessageBox.StandardButton.No)  # Enter never throws input away
    box.setEscapeButton(QMessageBox.StandardButton.No)
    box.exec()
    return box.clickedButton() is yes


class GuardedDialog(QDialog):
    """A dialog with a first field and a form whose values say whether it was changed."""

    _first: QWidget | None = None
    _state: Callable[[], object] | None = None
    _unchanged: object = None

    def guard(self, first: QWidget | None, state: Callable[[], object]) -> None:
        """`first` gets the focus on opening; `state()` is compared with its value now."""
        self._first, self._state = first, state
        self.mark_unchanged()

    def mark_unchanged(self) -> None:
        """What the form holds now counts as unchanged (after it is filled in)."""
        if self._state is not None:
            self._unchanged = self._state()

    def is_changed(self) -> bool:
        return self._state is not None and self._state() != self._unchanged

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._first is not None:
            self._first.setFocus()

    def may_close(self) -> bool:
        """Whether the form may close unsaved: unchanged, or the user said to discard."""
        return not (self.isVisible() and self.is_changed()) or ask_discard(self)

    def cancel(self) -> None:
        """The Cancel button: a changed form asks first."""
        if self.may_close():
            self.reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """Escape on a changed form asks first (QDialog would reject at once)."""
        if event.matches(QKeySequence.StandardKey.Cancel) and not self.may_close():
            event.accept()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        """The window's close button on a changed form asks first."""
        if not self.may_close():
            event.ignore()
            return
        super().closeEvent(event)

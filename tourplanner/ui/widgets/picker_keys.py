"""Keys on a picker (an editable combo box with suggestions) that never lose what was typed.

Enter takes the highlighted suggestion (or the one entry the text names) and stays in the
form: it never reaches the dialog's Save. Up and Down on a closed picker open the suggestions
for the typed text instead of silently replacing it with the neighbouring entry of the list.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox

ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
STEP = (Qt.Key.Key_Up, Qt.Key.Key_Down)


class PickerKeys(QObject):
    """Event filter on a picker, its line edit and its suggestion list (see the module)."""

    def __init__(self, box: QComboBox) -> None:
        super().__init__(box)
        self.box = box
        completer = box.completer()
        assert completer is not None  # an editable combo box has one
        self.completer = completer
        popup = completer.popup()
        assert popup is not None  # a completer makes its list on first asking
        self.popup = popup
        line = box.lineEdit()
        for watched in (box, line, popup):
            if watched is not None:
                watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        popup = self.popup
        if event.key() in ENTER:
            if popup.isVisible():
                self._take_highlighted()
            else:
                self._take_typed()
            return True  # consumed here: Enter in a picker never saves the dialog
        if event.key() in STEP and watched is not popup and not popup.isVisible():
            if self.box.view().isVisible():
                return False  # the box's own list is open: arrows move in it
            self.completer.setCompletionPrefix(self.box.currentText())
            self.completer.complete()
            return True
        return False

    def _take_highlighted(self) -> None:
        popup = self.popup
        index = popup.currentIndex()
        if not index.isValid() and popup.model().rowCount():
            index = popup.model().index(0, 0)
        popup.hide()
        if index.isValid():
            # What the completer puts in the box (a city's suggestion puts its zone).
            self._choose(self.completer.pathFromIndex(index))

    def _take_typed(self) -> None:
        """The entry the typed text names (case aside), or the only suggestion for it."""
        text = self.box.currentText().strip()
        found = self.box.findText(text, Qt.MatchFlag.MatchFixedString)
        if found < 0 and text:
            self.completer.setCompletionPrefix(text)
            if self.completer.completionCount() == 1:
                self.completer.setCurrentRow(0)
                path = self.completer.pathFromIndex(self.completer.currentIndex())
                found = self.box.findText(path, Qt.MatchFlag.MatchFixedString)
        if found >= 0:
            self._choose(self.box.itemText(found))

    def _choose(self, text: str) -> None:
        found = self.box.findText(text, Qt.MatchFlag.MatchFixedString)
        if found >= 0:
            self.box.setCurrentIndex(found)
        self.box.setEditText(text)

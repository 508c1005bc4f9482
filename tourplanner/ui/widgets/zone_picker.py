"""Choosing from a long list by typing part of an entry, and the time-zone picker built on it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter

from tourplanner.timezones import all_zone_names
from tourplanner.ui.widgets import zone_completer
from tourplanner.ui.widgets.picker_keys import PickerKeys


def searchable(box: QComboBox) -> None:
    """Let a long list be searched by typing any part of an entry (the choice stays a listed one)."""
    box.setEditable(True)
    box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    completer = box.completer()
    assert completer is not None  # an editable combo box has one
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    PickerKeys(box)  # Enter never saves the dialog; Up/Down never replace the typed text


class ZonePicker(QComboBox):
    """A time zone, typed or picked; typing part of a zone ("shang") or a city ("Beijing") finds
    it, each suggestion with its offset from UTC now."""

    def __init__(self) -> None:
        super().__init__()
        self.addItems(list(all_zone_names()))
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.suggestions = zone_completer.attach(self)
        # After the zone completer is in place: the keys work on its list, not the box's first.
        PickerKeys(self)
        line = self.lineEdit()
        assert line is not None
        line.setPlaceholderText(self.tr("type a city, e.g. Beijing, or a zone like Asia/Shanghai"))

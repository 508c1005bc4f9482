"""Choosing from a long list by typing part of an entry, and the time-zone picker built on it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter

from tourplanner.timezones import all_zone_names
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
    """An IANA time zone, typed or picked; typing any part of a name ("shang") finds it."""

    def __init__(self) -> None:
        super().__init__()
        self.addItems(list(all_zone_names()))
        searchable(self)
        line = self.lineEdit()
        assert line is not None
        line.setPlaceholderText("e.g. Asia/Shanghai — type part of a city")

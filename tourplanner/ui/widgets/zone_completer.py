"""Suggestions for a time-zone box: zones and cities ("Beijing" → Asia/Shanghai), each with
its offset from UTC now. Choosing one puts the zone's name in the box."""

from __future__ import annotations

from datetime import UTC, datetime

import shiboken6
from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QCompleter

from tourplanner import places
from tourplanner.timezones import all_zone_names, utc_offset_label

ZONE_ROLE = Qt.ItemDataRole.UserRole
# What typing is matched against: the zone's or the city's own name, not the zone a city is in
# (else "shang" would list every city on Shanghai time).
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


def _suggestions() -> list[tuple[str, str, str]]:
    """(what the list shows, what typing matches, the zone): every zone, then every city."""
    now = datetime.now(UTC)
    offsets = {name: utc_offset_label(now, name) for name in all_zone_names()}
    rows = [(f"{name}   {offset}", name, name) for name, offset in offsets.items()]
    rows += [
        (f"{city.label} — {city.zone}   {offsets[city.zone]}", city.label, city.zone)
        for city in places.all_cities()
        if city.zone in offsets
    ]
    return rows


class ZoneSuggestions(QAbstractListModel):
    """Zones and cities as one list: display text, its name under SEARCH_ROLE, its zone."""

    def __init__(self) -> None:
        super().__init__(QApplication.instance())
        self.rows = _suggestions()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's API
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        shown, name, zone = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return shown
        return {SEARCH_ROLE: name, ZONE_ROLE: zone}.get(role)


_shared: list[ZoneSuggestions] = []


def shared_suggestions() -> ZoneSuggestions:
    """One list for every zone box of the app (thousands of cities, built once per app)."""
    if not _shared or not shiboken6.isValid(_shared[0]):  # its app may have been replaced
        _shared[:] = [ZoneSuggestions()]
    return _shared[0]


class ZoneCompleter(QCompleter):
    """Matches any part of a suggestion; what it puts in the box is the zone's name."""

    def __init__(self, parent: QComboBox) -> None:
        super().__init__(shared_suggestions(), parent)
        self.setCompletionRole(SEARCH_ROLE)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setMaxVisibleItems(12)

    def pathFromIndex(self, index: Index) -> str:  # noqa: N802 - Qt's API
        return str(index.data(ZONE_ROLE) or "")


def attach(box: QComboBox) -> ZoneCompleter:
    """Give an editable zone box the zone-and-city suggestions (on its line, not the box, so
    choosing a city does not look for the suggestion's text among the box's own entries)."""
    completer = ZoneCompleter(box)
    line = box.lineEdit()
    assert line is not None
    line.setCompleter(completer)
    # Set the zone ourselves: the line takes a completion only while it has the focus.
    completer.activated.connect(lambda zone: _choose(box, zone))
    return completer


def _choose(box: QComboBox, zone: str) -> None:
    """Make the chosen zone the box's entry (its own entry where it lists it)."""
    found = box.findText(zone, Qt.MatchFlag.MatchExactly)
    if found >= 0:
        box.setCurrentIndex(found)
    box.setEditText(zone)

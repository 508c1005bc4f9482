"""A journey's end: an airport (by code, name or city), a venue of the plan, or free text.

Typing suggests airports and venues; choosing one (or leaving the box on a bare code such as
"PEK") writes the place's full name and reports its zone, so the end's zone fills itself.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QStringListModel, Qt, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit

from tourplanner import places

Index = QModelIndex | QPersistentModelIndex


@lru_cache(maxsize=1)
def _airport_labels() -> tuple[str, ...]:
    """Every airport as the box shows it: "Beijing Capital International Airport (PEK)"."""
    return tuple(
        f"{p.label} — {p.city}, {p.country}"
        for p in sorted(places.all_airports(), key=lambda p: (p.city, p.name))
    )


class PlaceCompleter(QCompleter):
    """Matches any part of a suggestion; what it writes is the place, without " — its city"."""

    def pathFromIndex(self, index: Index) -> str:  # noqa: N802 - Qt's API
        return str(index.data() or "").split(" — ")[0]


class PlaceEdit(QLineEdit):
    """Free text that knows airports and the plan's venues; `zone_found` says a place's zone."""

    zone_found = Signal(str)

    def __init__(self, venues: list[places.Place]) -> None:
        super().__init__()
        self.venues = venues
        shown = [f"{v.name} — {v.city}".rstrip(" —") for v in venues] + list(_airport_labels())
        completer = PlaceCompleter(QStringListModel(shown, self), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setMaxVisibleItems(12)
        self.setCompleter(completer)
        completer.activated.connect(self._chosen)  # the place, as pathFromIndex wrote it
        self.textChanged.connect(self._recognise)
        self.editingFinished.connect(self._settle)

    def place(self) -> places.Place | None:
        """The airport or venue the text names, if any."""
        return places.place_of(self.text(), self.venues)

    def _chosen(self, place: str) -> None:
        self.setText(place)  # the line takes a completion itself only while it has the focus
        self._settle()

    def _recognise(self, text: str) -> None:
        """A "(PEK)" typed or pasted is enough to know the zone; a bare code waits for the end."""
        if places.CODE_IN_TEXT.search(text) and "(" in text:
            self._report()

    def _settle(self) -> None:
        """On leaving the box: a bare code becomes the airport's name; its zone is reported."""
        place = self.place()
        bare = "(" not in self.text()
        if place is not None and place.code and bare:
            self.setText(place.label)
        self._report()

    def _report(self) -> None:
        place = self.place()
        if place is not None and place.zone:
            self.zone_found.emit(place.zone)

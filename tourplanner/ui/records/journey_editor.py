"""The journey editor: one flight, train, transfer or stay with all its travellers.

Kind-aware: a stay shows the hotel and check-in/out, not carrier, flight or departure zone; a
flight's ends are airports whose zones fill themselves. Saving once moves everyone on it.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLabel, QSizePolicy, QWidget

from tourplanner.enums import TravelKind
from tourplanner.places import Place
from tourplanner.planfile import PlanFile
from tourplanner.services import venues as venue_service
from tourplanner.ui.marks import QT_TRANSLATE_NOOP
from tourplanner.ui.records.editor import RecordEditor
from tourplanner.ui.records.entities import Entity, Field
from tourplanner.ui.records.travellers_panel import TravellersPanel
from tourplanner.ui.undo import Run
from tourplanner.ui.widgets.place_edit import PlaceEdit

# Which rows each kind shows, and what its times and number are called.
MOVING_ONLY = ("carrier", "number", "from_place", "start_timezone")
LABELS = {
    TravelKind.FLIGHT: (
        QT_TRANSLATE_NOOP("journey_editor", "Flight"),
        QT_TRANSLATE_NOOP("journey_editor", "From (airport)"),
        QT_TRANSLATE_NOOP("journey_editor", "To (airport)"),
        QT_TRANSLATE_NOOP("journey_editor", "Departs"),
        QT_TRANSLATE_NOOP("journey_editor", "Arrives"),
    ),
    TravelKind.TRAIN: (
        QT_TRANSLATE_NOOP("journey_editor", "Train"),
        QT_TRANSLATE_NOOP("journey_editor", "From (station)"),
        QT_TRANSLATE_NOOP("journey_editor", "To (station)"),
        QT_TRANSLATE_NOOP("journey_editor", "Departs"),
        QT_TRANSLATE_NOOP("journey_editor", "Arrives"),
    ),
    TravelKind.ROAD: (
        QT_TRANSLATE_NOOP("journey_editor", "Vehicle or booking"),
        QT_TRANSLATE_NOOP("journey_editor", "From"),
        QT_TRANSLATE_NOOP("journey_editor", "To"),
        QT_TRANSLATE_NOOP("journey_editor", "Departs"),
        QT_TRANSLATE_NOOP("journey_editor", "Arrives"),
    ),
    TravelKind.HOTEL: (
        QT_TRANSLATE_NOOP("journey_editor", "Number"),
        QT_TRANSLATE_NOOP("journey_editor", "From"),
        QT_TRANSLATE_NOOP("journey_editor", "Hotel name (if not a venue)"),
        QT_TRANSLATE_NOOP("journey_editor", "Check-in"),
        QT_TRANSLATE_NOOP("journey_editor", "Check-out"),
    ),
}
ZONE_OF_END = {"from_place": "start_timezone", "to_place": "end_timezone"}


def _venue_places(plan: PlanFile) -> list[Place]:
    with plan.reading() as session:
        return [
            Place(v.name_en, v.city, v.country, v.timezone)
            for v in venue_service.list_venues(session)
        ]


class JourneyEditor(RecordEditor):
    """Create or change a journey or stay; `widgets["person_id"]` is the person to add."""

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
        self._venues = _venue_places(plan)
        super().__init__(plan, entity, run, parent, record_id=record_id, defaults=defaults, day=day)
        self.setWindowTitle(
            self.tr("Edit journey or stay") if record_id else self.tr("New journey or stay")
        )
        self.widgets["person_id"] = self.travellers.person
        for key, zone_key in ZONE_OF_END.items():
            end = self.widgets[key]
            assert isinstance(end, PlaceEdit)
            end.zone_found.connect(self.widgets[zone_key].setEditText)  # type: ignore[attr-defined]
        # The notes keep their few lines; the list of travellers takes the height to spare.
        self.widgets["notes"].setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.travellers.changed.connect(self._count_travellers)
        self._count_travellers()
        kind = self.widgets["kind"]
        assert isinstance(kind, QComboBox)
        kind.currentIndexChanged.connect(self._show_kind)
        self._show_kind()
        self.resize(780, 800)

    def _widget(self, spec: Field, options: list[tuple[str, int]]) -> QWidget:
        if spec.kind == "travellers":
            self.travellers = TravellersPanel(options)
            return self.travellers
        if spec.kind == "place":
            place = PlaceEdit(self._venues)
            place.setPlaceholderText(spec.shown_hint)
            return place
        return super()._widget(spec, options)

    def _row(self, key: str) -> QWidget:
        holder = self.widgets[key].parentWidget()
        assert holder is not None
        return holder

    def _show_kind(self) -> None:
        """Show the rows the kind has, called what the kind calls them."""
        kind = TravelKind(self.widgets["kind"].currentData())  # type: ignore[attr-defined]
        hotel = kind == TravelKind.HOTEL
        for key in MOVING_ONLY:
            self.form.setRowVisible(self._row(key), not hotel)
        self.form.setRowVisible(self._row("venue_id"), hotel)
        number, src, dst, start, end = (
            QCoreApplication.translate("journey_editor", t) for t in LABELS[kind]
        )
        names = {"number": number, "from_place": src, "to_place": dst, "start": start}
        names |= {
            "end": end,
            "end_timezone": self.tr("Time zone") if hotel else self.tr("Arrival time zone"),
        }
        for key, text in names.items():
            label = self.form.labelForField(self._row(key))
            if isinstance(label, QLabel):
                label.setText(text)
            self.widgets[key].setAccessibleName(text)
        self._one_guest()

    def _count_travellers(self) -> None:
        holder = self.travellers.parentWidget()
        label = self.form.labelForField(holder) if holder is not None else None
        if isinstance(label, QLabel):
            label.setText(
                self.tr("Travellers ({count})").format(count=len(self.travellers.person_ids()))
            )
        self._one_guest()

    def _one_guest(self) -> None:
        """A stay is one person's: once it has its guest, nobody else can be added."""
        hotel = self.widgets["kind"].currentData() == TravelKind.HOTEL  # type: ignore[attr-defined]
        full = hotel and bool(self.travellers.person_ids())
        self.travellers.person.setEnabled(not full)
        self.travellers.add_button.setEnabled(not full)

    def set_values(self, values: dict[str, object]) -> None:
        super().set_values(values)
        self.travellers.set_entries(values.get("travellers") or ())  # type: ignore[arg-type]

    def values(self) -> dict[str, object]:
        out = super().values()
        out.pop("person_id", None)
        out["travellers"] = self.travellers.entries()
        if out["kind"] == TravelKind.HOTEL:
            # A stay keeps the clocks of its hotel (the service takes the venue's zone).
            out["carrier"] = out["number"] = out["from_place"] = ""
            if out.get("venue_id") is not None:
                out["start_timezone"] = out["end_timezone"] = ""
            else:
                out["start_timezone"] = out["end_timezone"]
        return out

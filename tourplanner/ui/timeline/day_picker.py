"""The day selector: every day of every programme, each entry holding its programme and day."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox

from tourplanner.i18n import formats
from tourplanner.planfile import PlanFile
from tourplanner.services import forms, itinerary
from tourplanner.ui.timeline.day_cache import Key


class DayPicker(QComboBox):
    """A combo box of programme days; its entries' data is 'programme id|ISO day'."""

    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName(self.tr("Day"))
        self.setToolTip(self.tr("The programme and day to show"))

    def refill(self, plan: PlanFile) -> None:
        """Every day of every programme, the day chosen before kept chosen if it still is."""
        current = self.currentData()
        self.blockSignals(True)
        self.clear()
        with plan.reading() as session:
            for prog in forms.programme_choices(session):
                for day in itinerary.programme_days(session, prog.id):
                    self.addItem(
                        self.tr("{title} — {day}").format(title=prog.title, day=formats.day(day)),
                        f"{prog.id}|{day.isoformat()}",
                    )
        self.blockSignals(False)
        index = self.findData(current) if current else 0
        self.setCurrentIndex(max(index, 0))

    def key_at(self, n: int) -> Key | None:
        """The programme and day of entry `n`."""
        data = self.itemData(n) if 0 <= n < self.count() else None
        if not data:
            return None
        prog_text, day_text = data.split("|")
        return int(prog_text), date.fromisoformat(day_text)

    def choose(self, programme_id: int, day: date) -> None:
        """Show that programme day (the first entry if the plan has no such day)."""
        self.setCurrentIndex(max(0, self.findData(f"{programme_id}|{day.isoformat()}")))

"""Bulk actions on the selected people: book them into an item or onto a tour (in a role),
put them in a group; see who is booked and take people off."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QMessageBox,
)

from tourplanner.enums import ParticipationRole, label
from tourplanner.services import (
    items,
    organizations,
    programmes,
)
from tourplanner.services.participations import Booking
from tourplanner.timezones import abbreviation, to_local
from tourplanner.ui.bookings_dialog import BookingsDialog
from tourplanner.ui.chooser import Chooser
from tourplanner.ui.undo_commands import (
    BookCommand,
    JoinGroupCommand,
    UnbookCommand,
)
from tourplanner.ui.wording import counted


class BookingActions:
    """The main window's booking commands (a mixin: it uses the window's plan, selection and undo)."""

    # -- bulk actions on people ----------------------------------------------------------------

    def _people_for(self, what: str) -> list[int] | None:
        ids = self.selected_person_ids()
        if not ids:
            QMessageBox.information(self, what, "Select one or more people in People first.")
            return None
        return ids

    def _choose(
        self,
        title: str,
        prompt: str,
        options: list[tuple[str, int]],
        roles: list[tuple[str, str]] | None = None,
    ) -> tuple[int, str | None] | None:
        chooser = Chooser(self, title, prompt, options, roles=roles)
        self._chooser = chooser  # tests answer it
        if not chooser.exec() or chooser.chosen() is None:
            return None
        return chooser.chosen(), chooser.chosen_role()

    def book_people_into_item(
        self, item_id: int | None = None, role: str = ParticipationRole.ATTENDING
    ) -> None:
        """Book the selected people into one item (as attendees, speakers, chairs…)."""
        ids = self._people_for("Book into an item")
        if ids is None:
            return
        if item_id is None:
            with self.plan.reading() as session:
                options = [
                    (
                        f"{to_local(i.start_utc, i.timezone):%a %d %b %H:%M} "
                        f"{abbreviation(i.start_utc, i.timezone)} — {i.title_en}",
                        i.id,
                    )
                    for i in items.list_items(session)
                ]
            picked = self._choose(
                "Book into an item",
                f"Book {counted(len(ids), 'person', 'people')} into:",
                options,
                [(label(r), r.value) for r in ParticipationRole],
            )
            if picked is None:
                return
            item_id, role = picked
        self._book([Booking(p, item_id=item_id, role=role) for p in ids])

    def book_people_into_programme(
        self, programme_id: int | None = None, role: str = ParticipationRole.ATTENDING
    ) -> None:
        """Book the selected people onto a whole tour or programme (its bus, its seats)."""
        ids = self._people_for("Book onto a tour or programme")
        if ids is None:
            return
        if programme_id is None:
            with self.plan.reading() as session:
                options = [(p.title_en, p.id) for p in programmes.list_programmes(session)]
            picked = self._choose(
                "Book onto a tour or programme",
                f"Book {counted(len(ids), 'person', 'people')} onto:",
                options,
                [(label(r), r.value) for r in ParticipationRole],
            )
            if picked is None:
                return
            programme_id, role = picked
        self._book([Booking(p, programme_id=programme_id, role=role) for p in ids])

    def _book(self, bookings: list[Booking]) -> None:
        text = f"Book {counted(len(bookings), 'person', 'people')}"
        role = bookings[0].role
        if role != ParticipationRole.ATTENDING:
            text += f" ({label(role).lower()})"
        self._push(BookCommand(self.plan, bookings, text, self.records_changed))

    def show_bookings(self) -> BookingsDialog | None:
        """Who is booked into the selected item (or onto the selected programme)."""
        if self.current_page() == "programme":
            programme_id = self.records["programme"].current_id()
            target = {"programme_id": programme_id} if programme_id is not None else None
        else:
            item_id = self.selected_item_id()
            target = {"item_id": item_id} if item_id is not None else None
        if target is None:
            self.statusBar().showMessage("Select an item or a programme first")
            return None
        dialog = BookingsDialog(self.plan, self, self.unbook, **target)
        dialog.open()
        return dialog

    def unbook(self, bookings: list[Booking]) -> bool:
        text = f"Take {counted(len(bookings), 'person', 'people')} off"
        return self._push(UnbookCommand(self.plan, bookings, text, self.records_changed))

    def add_people_to_group(self, group_id: int | None = None) -> None:
        ids = self._people_for("Add to a group")
        if ids is None:
            return
        if group_id is None:
            with self.plan.reading() as session:
                options = [(g.name, g.id) for g in organizations.list_groups(session)]
            picked = self._choose(
                "Add to a group", f"Add {counted(len(ids), 'person', 'people')} to:", options
            )
            if picked is None:
                return
            group_id = picked[0]
        text = f"Add {counted(len(ids), 'person', 'people')} to a group"
        self._push(JoinGroupCommand(self.plan, group_id, ids, text, self.records_changed))

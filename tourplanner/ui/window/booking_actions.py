"""Bulk actions on the selected people: book them into an item or onto a tour (in a role),
put them in a group, seat them on a vehicle, put them into one hotel room; see who is booked and
take people off."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from tourplanner.enums import ParticipationRole, RoomType, label
from tourplanner.operations.bookings import Book, JoinGroup, Unbook
from tourplanner.operations.room_sharing import ShareRoom
from tourplanner.operations.vehicle_seats import SeatOnVehicle, move_seats
from tourplanner.services import records, room_sharing
from tourplanner.services.listings import item_choices
from tourplanner.services.participations import Booking
from tourplanner.ui.bookings_dialog import BookingsDialog
from tourplanner.ui.widgets.chooser import Chooser
from tourplanner.ui.window.context import WindowContext
from tourplanner.ui.wording import counted


class BookingActions:
    """Book the selected people, take them off, put them in a group: each one operation."""

    def __init__(self, context: WindowContext) -> None:
        self.context = context
        self.chooser: Chooser | None = None  # the last one asked (tests answer it)

    # -- bulk actions on people ----------------------------------------------------------------

    def _people_for(self, what: str) -> list[int] | None:
        ids = self.context.selected_person_ids()
        if not ids:
            QMessageBox.information(
                self.context.widget,
                what,
                QCoreApplication.translate(
                    "BookingActions", "Select one or more people in People first."
                ),
            )
            return None
        return ids

    def _choose(
        self,
        title: str,
        prompt: str,
        options: list[tuple[str, int]],
        roles: list[tuple[str, str]] | None = None,
    ) -> tuple[int, str | None] | None:
        chooser = Chooser(self.context.widget, title, prompt, options, roles=roles)
        self.chooser = chooser
        chosen = chooser.chosen() if chooser.exec() else None
        return None if chosen is None else (chosen, chooser.chosen_role())

    def book_people_into_item(
        self, item_id: int | None = None, role: str = ParticipationRole.ATTENDING
    ) -> None:
        """Book the selected people into one item (as attendees, speakers, chairs…)."""
        self._book_into(
            QCoreApplication.translate("BookingActions", "Book into an item"),
            QCoreApplication.translate("BookingActions", "Book {counted} into:"),
            item_choices,
            "item_id",
            item_id,
            role,
        )

    def book_people_into_programme(
        self, programme_id: int | None = None, role: str = ParticipationRole.ATTENDING
    ) -> None:
        """Book the selected people onto a whole tour or programme (its bus, its seats)."""
        self._book_into(
            QCoreApplication.translate("BookingActions", "Book onto a tour or programme"),
            QCoreApplication.translate("BookingActions", "Book {counted} onto:"),
            lambda session: records.choices(session, "programme"),
            "programme_id",
            programme_id,
            role,
        )

    def _book_into(
        self,
        what: str,
        question: str,
        options: Callable[[Any], list[tuple[str, int]]],
        target: str,
        target_id: int | None,
        role: str,
    ) -> None:
        """Book the selected people into `target` (asked for, with a role, when not given)."""
        ids = self._people_for(what)
        if ids is None:
            return
        if target_id is None:
            with self.context.plan.reading() as session:
                listed = options(session)
            picked = self._choose(
                what,
                question.format(counted=counted(len(ids), "person", "people")),
                listed,
                [(label(r), r.value) for r in ParticipationRole],
            )
            if picked is None:
                return
            target_id, role = picked[0], picked[1] or role
        if target == "item_id":
            self._book([Booking(p, item_id=target_id, role=role) for p in ids])
        else:
            self._book([Booking(p, programme_id=target_id, role=role) for p in ids])

    def _book(self, bookings: list[Booking]) -> None:
        text = QCoreApplication.translate("BookingActions", "Book {counted}").format(
            counted=counted(len(bookings), "person", "people")
        )
        role = bookings[0].role
        if role != ParticipationRole.ATTENDING:
            text += f" ({label(role).lower()})"
        self.context.run(Book(text, bookings))

    def show_bookings(self) -> BookingsDialog | None:
        """Who is booked into the selected item (or onto the selected programme)."""
        if self.context.current_page() == "programme":
            programme_id = self.context.current_record_id("programme")
            target = {"programme_id": programme_id} if programme_id is not None else None
        else:
            item_id = self.context.selected_item_id()
            target = {"item_id": item_id} if item_id is not None else None
        if target is None:
            self.context.say(
                QCoreApplication.translate("BookingActions", "Select an item or a programme first")
            )
            return None
        dialog = BookingsDialog(self.context.plan, self.context.widget, self.unbook, **target)
        dialog.open()
        return dialog

    def unbook(self, bookings: list[Booking]) -> bool:
        text = QCoreApplication.translate("BookingActions", "Take {counted} off").format(
            counted=counted(len(bookings), "person", "people")
        )
        return self.context.run(Unbook(text, bookings))

    def seat_people_on_vehicle(self, vehicle_id: int | None = None) -> None:
        """Put the selected people onto a vehicle (every leg), as one undoable step."""
        ids = self._people_for("Seat on a vehicle")
        if ids is None:
            return
        if vehicle_id is None:
            with self.context.plan.reading() as session:
                options = records.choices(session, "vehicle")
            picked = self._choose(
                "Seat on a vehicle", f"Seat {counted(len(ids), 'person', 'people')} on:", options
            )
            if picked is None:
                return
            vehicle_id = picked[0]
        text = f"Seat {counted(len(ids), 'person', 'people')} on a vehicle"
        self.context.run(SeatOnVehicle(text, vehicle_id, ids))

    def share_room(
        self,
        room_type: str | None = None,
        hotel_id: int | None = None,
        person_ids: list[int] | None = None,
    ) -> bool:
        """Put the selected people (or the guests of the selected hotel rooms) into one room of
        a type, at the hotel where they all stay, as one undoable step; asks the type, and the
        hotel when they share several. A refusal is said in a box and writes nothing."""
        what = QCoreApplication.translate("BookingActions", "Put into one room")
        if person_ids is None and self.context.current_page() == "room_booking":
            rooms = self.context.selected_record_ids("room_booking")
            if not rooms:
                self.context.say(
                    QCoreApplication.translate(
                        "BookingActions", "Select the rooms of the guests to put together first"
                    )
                )
                return False
            with self.context.plan.reading() as session:
                person_ids, hotel_id = room_sharing.guests_of(session, rooms)
        ids = person_ids or self._people_for(what)
        if not ids:
            return False
        if room_type is None or hotel_id is None:
            with self.context.plan.reading() as session:
                hotels = room_sharing.common_hotels(session, ids)
            if hotel_id is None and len(hotels) == 1:
                hotel_id = hotels[0][1]
            if hotels and (room_type is None or hotel_id is None):
                picked = self._choose_room(what, len(ids), hotels, hotel_id)
                if picked is None:
                    return False
                hotel_id, room_type = picked
        text = QCoreApplication.translate("BookingActions", "Put {counted} into one room").format(
            counted=counted(len(ids), "person", "people")
        )
        return self.context.run(ShareRoom(text, ids, room_type or RoomType.TWIN, hotel_id))

    def _choose_room(
        self, what: str, count: int, hotels: list[tuple[str, int]], hotel_id: int | None
    ) -> tuple[int, str] | None:
        """Which hotel (the one given first) and which type of room: one dialog."""
        if hotel_id is not None:
            hotels = [h for h in hotels if h[1] == hotel_id] or hotels
        types = [(label(t), t.value) for t in RoomType if room_sharing.ROOM_HOLDS[t] >= count]
        if not types:  # no room sleeps them all: the step itself says so
            return hotel_id or hotels[0][1], RoomType.SUITE.value
        chooser = Chooser(
            self.context.widget,
            what,
            QCoreApplication.translate("BookingActions", "Put {counted} into one room at:").format(
                counted=counted(count, "person", "people")
            ),
            hotels,
            roles=types,
        )
        chooser.role.setAccessibleName(QCoreApplication.translate("BookingActions", "Room type"))
        chooser.role.setToolTip(
            QCoreApplication.translate("BookingActions", "The type of the room they share")
        )
        self.chooser = chooser
        if not chooser.exec():
            return None
        hotel, room_type = chooser.chosen(), chooser.chosen_role()
        return None if hotel is None or room_type is None else (hotel, room_type)

    # -- drops: seats onto another vehicle, guests into another room ---------------------------

    def move_seats_onto(self, seat_ids: list[int], target_seat_id: int) -> bool:
        """Seats dragged onto a seat of another vehicle (the Seats page) move to that vehicle,
        as one undoable step."""
        with self.context.plan.reading() as session:
            target = records.record_values(session, "vehicle_seat", target_seat_id)
            vehicle_id = int(str(target["vehicle_id"]))
            vehicle = records.record_name(session, "vehicle", vehicle_id)
            moving = [
                s
                for s in seat_ids
                if records.record_values(session, "vehicle_seat", s)["vehicle_id"] != vehicle_id
            ]
        if not moving:  # dropped onto their own vehicle: nothing to move, no empty undo step
            return False
        text = QCoreApplication.translate("BookingActions", "Move {counted} onto {vehicle}").format(
            counted=counted(len(moving), "seat", "seats"), vehicle=vehicle
        )
        return self.context.run(move_seats(moving, vehicle_id, text))

    def join_room(self, booking_ids: list[int], target_booking_id: int) -> bool:
        """Guests dragged onto another room (the Hotel rooms page) share it: one undoable step;
        a single room becomes a twin, a room that sleeps fewer is refused in a sentence."""
        with self.context.plan.reading() as session:
            mates, hotel_id, room_type = room_sharing.room_of(session, target_booking_id)
            moving, _hotel = room_sharing.guests_of(session, booking_ids)
        ids = list(dict.fromkeys([*mates, *moving]))
        if room_type == RoomType.SINGLE:
            room_type = RoomType.TWIN.value
        text = QCoreApplication.translate("BookingActions", "Put {counted} into one room").format(
            counted=counted(len(ids), "person", "people")
        )
        return self.context.run(ShareRoom(text, ids, room_type, hotel_id))

    def add_people_to_group(self, group_id: int | None = None) -> None:
        ids = self._people_for(QCoreApplication.translate("BookingActions", "Add to a group"))
        if ids is None:
            return
        if group_id is None:
            with self.context.plan.reading() as session:
                options = records.choices(session, "group")
            picked = self._choose(
                QCoreApplication.translate("BookingActions", "Add to a group"),
                QCoreApplication.translate("BookingActions", "Add {counted} to:").format(
                    counted=counted(len(ids), "person", "people")
                ),
                options,
            )
            if picked is None:
                return
            group_id = picked[0]
        text = QCoreApplication.translate("BookingActions", "Add {counted} to a group").format(
            counted=counted(len(ids), "person", "people")
        )
        self.context.run(JoinGroup(text, group_id, ids))

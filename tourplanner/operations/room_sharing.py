"""Putting the selected people into one hotel room (the People page's bulk action), one step."""

from __future__ import annotations

from dataclasses import dataclass, field

from tourplanner.i18n import _
from tourplanner.operations.changes import Changes
from tourplanner.operations.operation import Session, ensure_unchanged
from tourplanner.services import room_sharing
from tourplanner.services.room_sharing import RoomState, SharedRoom


@dataclass
class ShareRoom:
    """Their stays at one hotel share one room of a type; undo puts back the rooms it changed
    (the same bookings), redo the ones it made, each only if nothing changed them since."""

    text: str
    person_ids: list[int]
    room_type: str
    hotel_id: int | None = None
    done: SharedRoom | None = field(default=None, repr=False)

    def do(self, session: Session) -> Changes:
        if self.done is None:
            self.done = room_sharing.share_one_room(
                session, self.person_ids, self.room_type, self.hotel_id
            )
        else:
            self._swap(session, self.done.before, self.done.after)
        return self._changes()

    def undo(self, session: Session) -> Changes:
        assert self.done is not None, "undone before it was done"
        self._swap(session, self.done.after, self.done.before)
        return self._changes()

    def _swap(
        self, session: Session, expected: tuple[RoomState, ...], wanted: tuple[RoomState, ...]
    ) -> None:
        assert self.done is not None
        found = room_sharing.room_states(session, self.done.stay_ids)
        ensure_unchanged(_("The room at {hotel}").format(hotel=self.done.hotel), found, expected)
        room_sharing.restore_rooms(session, wanted)

    def _changes(self) -> Changes:
        assert self.done is not None
        return Changes.of_records("room_booking", self.done.booking_ids)

"""An item's logistics: where and when to meet before it, and a meal's menu."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from tourplanner.errors import ValidationError
from tourplanner.i18n import _
from tourplanner.models import Item
from tourplanner.services import validation as v
from tourplanner.services.common import fetch
from tourplanner.timezones import to_local, to_utc


@dataclass(frozen=True)
class ItemLogistics:
    """The values an editor shows: the meeting time as the wall-clock time at the item's zone."""

    meeting_point: str
    meeting_time: datetime | None  # naive, local to the item
    menu_note: str

    def as_changes(self) -> dict[str, object]:
        return {
            "meeting_point": self.meeting_point,
            "meeting_time": self.meeting_time,
            "menu_note": self.menu_note,
        }


def item_logistics(session: Session, item_id: int) -> ItemLogistics:
    item = fetch(session, Item, item_id, "item")
    when = item.meeting_utc
    local = to_local(when, item.timezone).replace(tzinfo=None) if when is not None else None
    return ItemLogistics(item.meeting_point, local, item.menu_note)


def set_item_logistics(
    session: Session,
    item_id: int,
    *,
    meeting_point: object = None,
    meeting_time: object = None,
    menu_note: object = None,
) -> None:
    """Store them; a meeting after the item starts is refused and nothing changes."""
    item = fetch(session, Item, item_id, "item")
    point = v.optional_text(meeting_point, "meeting point", max_length=500)
    note = v.optional_text(menu_note, "menu")
    when: datetime | None = None
    if meeting_time is not None:
        if not isinstance(meeting_time, datetime):
            raise ValidationError("meeting time", _("must be a date and time"))
        when = to_utc(meeting_time.replace(tzinfo=None), item.timezone)
        if when > item.start_utc:
            raise ValidationError("meeting time", _("is after the item starts"))
    item.meeting_point, item.meeting_utc, item.menu_note = point, when, note
    session.flush()

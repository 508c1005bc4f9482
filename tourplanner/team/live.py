"""Live changes: a committed transaction on a team plan tells every other app what it changed.

The writer's session collects what it touched (every mapped row it flushed; a bulk statement
counts as "everything") and, just before the commit, sends it with `pg_notify`: PostgreSQL
delivers a notification only when the transaction commits, and never one rolled back. The
other apps LISTEN on their own connection (`ChangeListener`) and apply the `Changes` to their
views as if they had made them.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.orm import Session, sessionmaker

from tourplanner.operations.changes import RECORD_KINDS, Changes

CHANNEL = "tourplanner_changes"
# PostgreSQL's limit on a payload is 8000 bytes: a bigger change says "everything".
MAX_PAYLOAD = 7900
KINDS = {
    "items": "item",
    "people": "person",
    "travel_segments": "travel",
    "groups": "group",
    "organizations": "organization",
    "venues": "venue",
    "rooms": "room",
    "programmes": "programme",
    "gifts": "gift",
    "room_bookings": "room_booking",
    "vehicles": "vehicle",
    "vehicle_seats": "vehicle_seat",
    "assignments": "assignment",
}


@dataclass(frozen=True)
class RemoteChange:
    """What another app committed: its Changes, who made them, and what the step was called."""

    changes: Changes
    author: str
    doing: str
    sender: str

    def sentence(self) -> str:
        what = f"“{self.doing}”" if self.doing else "a change"
        return f"{self.author or 'Someone'} made {what}"


def new_sender() -> str:
    """An id for one open plan, so an app can tell its own notifications from others'."""
    return uuid.uuid4().hex


def install(factory: sessionmaker[Session], sender: str) -> None:
    """Make every transaction of `factory` announce what it changed when it commits."""
    event.listen(factory, "after_flush", _collect)
    event.listen(factory, "do_orm_execute", _bulk)
    event.listen(factory, "before_commit", lambda session: _announce(session, sender))


def _touched(session: Session) -> dict[str, Any]:
    return session.info.setdefault("touched", {"records": {}, "plan": False, "everything": False})


def _collect(session: Session, _context: Any) -> None:
    touched = _touched(session)
    for obj in (*session.new, *session.dirty, *session.deleted):
        table = getattr(getattr(obj, "__table__", None), "name", None)
        if table == "plans" or table == "travel_times":
            touched["plan"] = True
        elif table == "participations":
            touched["bookings"] = True
        elif table in KINDS and getattr(obj, "id", None) is not None:
            touched["records"].setdefault(KINDS[table], set()).add(obj.id)


def _bulk(state: Any) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        _touched(state.session)["everything"] = True


def changes_of(touched: dict[str, Any]) -> Changes:
    records = {k: frozenset(v) for k, v in touched["records"].items() if k in RECORD_KINDS}
    return Changes(
        items=frozenset(touched["records"].get("item", ())),
        records=records,
        bookings=bool(touched.get("bookings")),
        plan=bool(touched["plan"]),
        everything=bool(touched["everything"]),
    )


def encode(changes: Changes, *, author: str, doing: str, sender: str) -> str:
    """The notification's payload (JSON); a change too big to list says "everything"."""
    body = {
        "sender": sender,
        "author": author,
        "doing": doing[:200],
        "items": sorted(changes.items),
        "records": {k: sorted(v) for k, v in changes.records.items()},
        "bookings": changes.bookings,
        "plan": changes.plan,
        "everything": changes.everything,
    }
    payload = json.dumps(body, ensure_ascii=False)
    if len(payload.encode()) > MAX_PAYLOAD:
        body.update(items=[], records={}, everything=True)
        payload = json.dumps(body, ensure_ascii=False)
    return payload


def decode(payload: str) -> RemoteChange:
    body = json.loads(payload)
    changes = Changes(
        items=frozenset(body["items"]),
        records={k: frozenset(v) for k, v in body["records"].items() if k in RECORD_KINDS},
        bookings=body["bookings"],
        plan=body["plan"],
        everything=body["everything"],
    )
    return RemoteChange(changes, body["author"], body["doing"], body["sender"])


def _announce(session: Session, sender: str) -> None:
    touched = session.info.pop("touched", None)
    if not touched:
        return
    changes = changes_of(touched)
    if changes.empty:
        return
    payload = encode(
        changes,
        author=session.info.get("author", ""),
        doing=session.info.get("doing", ""),
        sender=sender,
    )
    session.execute(
        text("SELECT pg_notify(:channel, :payload)"), {"channel": CHANNEL, "payload": payload}
    )

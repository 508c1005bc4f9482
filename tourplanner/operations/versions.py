"""Row versions read for an operation's rows, and the refusal when another person changed them.

An edit remembers the versions of the rows it wrote (and, when the user started from what a
view showed, the versions that view read); undo, redo and a stale edit compare them with the
plan's and refuse in a sentence naming who changed what ("'Keynote' was changed since: Li Na
did “Move 'Keynote'” a minute ago").
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, NamedTuple

from sqlalchemy import select

from tourplanner.i18n import _, ngettext
from tourplanner.models import (
    Assignment,
    Gift,
    Group,
    Item,
    Organization,
    Person,
    Plan,
    Programme,
    Room,
    RoomBooking,
    TravelSegment,
    Vehicle,
    VehicleSeat,
    Venue,
)
from tourplanner.operations.changes import Changes
from tourplanner.operations.operation import Session, StaleError

MODELS: dict[str, Any] = {
    "item": Item,
    "person": Person,
    "travel": TravelSegment,
    "group": Group,
    "organization": Organization,
    "venue": Venue,
    "room": Room,
    "programme": Programme,
    "plan": Plan,
    "gift": Gift,
    "room_booking": RoomBooking,
    "vehicle": Vehicle,
    "vehicle_seat": VehicleSeat,
    "assignment": Assignment,
}
RowKey = tuple[str, int]


class RowVersion(NamedTuple):
    version: int
    changed_by: str
    changed_at: datetime | None
    changed_what: str


def rows_of(changes: Changes) -> list[RowKey]:
    keys = [("item", i) for i in changes.items]
    keys += [(kind, i) for kind, ids in changes.records.items() for i in ids]
    return keys


def read(session: Session, keys: list[RowKey]) -> dict[RowKey, RowVersion | None]:
    """The version and last author of each row (None: the row is gone)."""
    found: dict[RowKey, RowVersion | None] = dict.fromkeys(keys)
    for kind in {k for k, _i in keys}:
        model = MODELS[kind]
        ids = [i for k, i in keys if k == kind]
        query = select(
            model.id, model.version, model.changed_by, model.changed_at, model.changed_what
        ).where(model.id.in_(ids))
        for row_id, *rest in session.execute(query):
            found[(kind, row_id)] = RowVersion(*rest)
    return found


def of_changes(session: Session, changes: Changes) -> dict[RowKey, RowVersion | None]:
    """The versions of the rows an operation's `Changes` names."""
    return read(session, rows_of(changes))


def ensure_same(
    session: Session, what: str, expected: dict[RowKey, RowVersion | None] | None
) -> None:
    """Refuse (StaleError) when someone else wrote a row since `expected` was read. This
    app's own later steps move versions on too (undoing two moves of one item): those are left
    to the value check of `ensure_unchanged`, which tells them from a change of the values."""
    if not expected:
        return
    me = session.info.get("author")
    for key, now in read(session, list(expected)).items():
        before = expected[key]
        if before is None or now is None or now.version == before.version:
            continue  # a row gone is the value check's to say (it was this app's, or not)
        if now.changed_by != me:
            raise StaleError(changed_sentence(what, now))


def changed_sentence(what: str, row: RowVersion, *, now: datetime | None = None) -> str:
    """ "'Keynote' was changed since: Li Na did “Move 'Keynote'” a minute ago; ..." """
    who = row.changed_by or _("someone")
    when = ago(row.changed_at, now=now)
    if row.changed_what:
        text = _(
            "{what} was changed since: {who} did “{step}” {when}; "
            "nothing was changed here (reload to see it, then try again)."
        )
    else:
        text = _(
            "{what} was changed since: {who} changed it {when}; "
            "nothing was changed here (reload to see it, then try again)."
        )
    return text.format(what=what, who=who, step=row.changed_what, when=when)


def ago(instant: datetime | None, *, now: datetime | None = None) -> str:
    """How long ago, as people say it: "just now", "a minute ago", "3 hours ago"."""
    if instant is None:
        return _("earlier")
    seconds = max(0, int(((now or datetime.now(UTC)) - instant).total_seconds()))
    if seconds >= 86400:
        n = seconds // 86400
        return _("a day ago") if n == 1 else ngettext("{n} day ago", "{n} days ago", n).format(n=n)
    if seconds >= 3600:
        n = seconds // 3600
        return (
            _("an hour ago") if n == 1 else ngettext("{n} hour ago", "{n} hours ago", n).format(n=n)
        )
    if seconds >= 90:
        n = seconds // 60
        return ngettext("{n} minute ago", "{n} minutes ago", n).format(n=n)
    return _("a minute ago") if seconds >= 45 else _("just now")

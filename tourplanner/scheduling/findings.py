"""A finding of the scheduling checks: which rule, how bad, what it involves, in plain words."""

from __future__ import annotations

from dataclasses import asdict, dataclass

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Finding:
    rule: str
    severity: str  # ERROR or WARNING
    message: str
    item_ids: tuple[int, ...] = ()
    person_ids: tuple[int, ...] = ()
    programme_ids: tuple[int, ...] = ()
    room_ids: tuple[int, ...] = ()
    venue_ids: tuple[int, ...] = ()
    travel_ids: tuple[int, ...] = ()

    def to_json(self) -> dict[str, object]:
        """A JSON-ready dict (tuples become lists)."""
        return {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(self).items()}


def order_key(when: float, finding: Finding) -> tuple:
    """How findings are listed: errors first, then by time (`when`, POSIX seconds), then rule.

    `when` is the start of the earliest thing the finding is about; it is not part of a
    Finding, so the checks keep it beside each one.
    """
    # Plain strings and ints only: comparing Finding dataclasses costs ten times more. Every
    # id is in it, so the order is total: two delegates of the same name double-booked alike
    # are listed the same way by a full check and by an index kept in order edit by edit.
    f = finding
    return (
        f.severity != ERROR,
        when,
        f.rule,
        f.message,
        f.item_ids,
        f.person_ids,
        f.programme_ids,
        f.room_ids,
        f.venue_ids,
        f.travel_ids,
    )

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


def sort_key(finding: Finding) -> tuple:
    """Errors first, then by rule and message (messages start with the people/times involved)."""
    return (finding.severity != ERROR, finding.rule, finding.message, finding.item_ids)

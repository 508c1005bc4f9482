"""What an operation changed: the only way views learn of a change."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields

# Kinds of records with their own ids in `Changes`, by the key the UI's pages use.
RECORD_KINDS = (
    "person",
    "travel",
    "group",
    "organization",
    "venue",
    "room",
    "programme",
    "gift",
    "room_booking",
    "vehicle",
    "vehicle_seat",
    "assignment",
)


@dataclass(frozen=True)
class Changes:
    """Ids of what was created, changed or deleted, per kind; flags for the rest.

    `everything` is for operations that may touch anything (imports, a restored backup):
    views read all again.
    """

    items: frozenset[int] = frozenset()
    records: dict[str, frozenset[int]] = field(default_factory=dict)
    bookings: bool = False
    plan: bool = False  # the plan's details or its travel times
    everything: bool = False

    def __post_init__(self) -> None:
        unknown = set(self.records) - set(RECORD_KINDS)
        if unknown:
            raise ValueError(f"unknown kinds of record: {sorted(unknown)}")

    @classmethod
    def of_items(cls, ids: Iterable[int]) -> Changes:
        return cls(items=frozenset(ids))

    @classmethod
    def of_records(cls, kind: str, ids: Iterable[int]) -> Changes:
        """Records of one kind ("person", "venue"...; "item" and "plan" have their own fields)."""
        if kind == "item":
            return cls.of_items(ids)
        if kind == "plan":
            return cls(plan=True)
        return cls(records={kind: frozenset(ids)})

    def __or__(self, other: Changes) -> Changes:
        records = dict(self.records)
        for kind, ids in other.records.items():
            records[kind] = records.get(kind, frozenset()) | ids
        return Changes(
            items=self.items | other.items,
            records=records,
            bookings=self.bookings or other.bookings,
            plan=self.plan or other.plan,
            everything=self.everything or other.everything,
        )

    @property
    def only_items(self) -> bool:
        """Whether just items changed (views can then refresh those items alone)."""
        return not (self.records or self.bookings or self.plan or self.everything)

    @property
    def empty(self) -> bool:
        return all(not getattr(self, f.name) for f in fields(self))

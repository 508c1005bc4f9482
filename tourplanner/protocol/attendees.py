"""Who is to be seated: plain values, and their order of precedence (docs/protocol.md)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

HOST, GUEST = "host", "guest"
SIDES = (HOST, GUEST)

# Derived precedence when no explicit rank is set: lower is senior.
ROLE_LEVEL = {
    "vip": 0,
    "official": 1,
    "speaker": 2,
    "delegate": 3,
    "staff": 4,
    "guide": 5,
    "interpreter": 6,
}
HONORIFIC_LEVEL = {"h.e.": 0, "minister": 0, "prof.": 1, "dr.": 2}


@dataclass(frozen=True)
class Candidate:
    """A person booked on the item, as the service reads them."""

    person_id: int
    name: str
    name_local: str = ""
    role: str = "delegate"
    honorific: str = ""
    side: str | None = None
    explicit_rank: int | None = None
    organization_rank: int | None = None
    languages: frozenset[str] = frozenset()
    dietary: frozenset[str] = frozenset()
    interprets_for: int | None = None
    duty: str = ""  # "signer" for the item's signers (their booking says "speaking")


@dataclass(frozen=True)
class Attendee:
    """A candidate with their rank within their side (1 = the side's principal)."""

    person_id: int
    name: str
    name_local: str
    side: str | None
    rank: int
    role: str
    languages: frozenset[str] = field(default_factory=frozenset)
    dietary: frozenset[str] = field(default_factory=frozenset)
    interprets_for: int | None = None
    duty: str = ""

    @property
    def is_interpreter(self) -> bool:
        return self.interprets_for is not None or self.role == "interpreter"


def precedence_key(c: Candidate) -> tuple[object, ...]:
    """Explicit ranks first, then role and honorific; ties by organisation, name, record."""
    if c.explicit_rank is not None:
        level: tuple[int, ...] = (0, c.explicit_rank)
    else:
        honorific = HONORIFIC_LEVEL.get(c.honorific.strip().casefold(), 3)
        level = (1, ROLE_LEVEL.get(c.role, 3), honorific)
    org = c.organization_rank if c.organization_rank is not None else 10**6
    return (*level, org, c.name.casefold(), c.person_id)


def rank(candidates: list[Candidate]) -> list[Attendee]:
    """Everyone in order of precedence, numbered 1, 2, ... within their own side."""
    ordered = sorted(candidates, key=precedence_key)
    counters: dict[str | None, int] = {}
    result = []
    for c in ordered:
        counters[c.side] = counters.get(c.side, 0) + 1
        result.append(_attendee(c, counters[c.side]))
    return result


def _attendee(c: Candidate, number: int) -> Attendee:
    return Attendee(
        c.person_id,
        c.name,
        c.name_local,
        c.side,
        number,
        c.role,
        c.languages,
        c.dietary,
        c.interprets_for,
        c.duty,
    )


def merged_order(attendees: list[Attendee]) -> list[Attendee]:
    """One order for both sides: host 1, guest 1, host 2, guest 2 ...; the unsided last."""
    hosts = [a for a in attendees if a.side == HOST]
    guests = [a for a in attendees if a.side == GUEST]
    merged: list[Attendee] = []
    for n in range(max(len(hosts), len(guests))):
        merged += [side[n] for side in (hosts, guests) if n < len(side)]
    return merged + [a for a in attendees if a.side not in SIDES]


def principal(attendees: list[Attendee], side: str) -> Attendee | None:
    """A side's rank 1 who is not an interpreter."""
    return next((a for a in attendees if a.side == side and not a.is_interpreter), None)


def renumbered(attendees: list[Attendee]) -> list[Attendee]:
    """The same people numbered again 1, 2, ... per side in their current order."""
    counters: dict[str | None, int] = {}
    result = []
    for a in attendees:
        counters[a.side] = counters.get(a.side, 0) + 1
        result.append(replace(a, rank=counters[a.side]))
    return result

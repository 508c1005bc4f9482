"""One entry for every layout kind: the rules, or the solver for a banquet."""

from __future__ import annotations

from tourplanner.errors import ValidationError
from tourplanner.i18n import _
from tourplanner.protocol import banquet, layouts
from tourplanner.protocol.attendees import Attendee
from tourplanner.protocol.seats import CONVENTIONS, LAYOUTS, Layout


def lay_out(
    kind: str,
    people: list[Attendee],
    convention: str,
    *,
    tables: int = 1,
    seats: int = 10,
    locks: dict[str, int] | None = None,
    table_tags: dict[int, frozenset[str]] | None = None,
    time_limit: float = 10.0,
) -> Layout:
    """Lay out `people` (ranked) by the rules of `kind`; locked seats (label -> person) stay."""
    if kind not in LAYOUTS:
        raise ValidationError(
            "layout",
            _("must be one of {join}, not {kind!r}").format(join=", ".join(LAYOUTS), kind=kind),
        )
    if convention not in CONVENTIONS:
        raise ValidationError(
            "convention",
            _("must be one of {join}, not {convention!r}").format(
                join=", ".join(CONVENTIONS), convention=convention
            ),
        )
    locks = dict(locks or {})
    if kind == "banquet":
        shape = banquet.Banquet(tables, seats, dict(table_tags or {}), time_limit)
        return banquet.solve(people, shape, locks, convention)
    if kind == "rostrum":
        return layouts.rostrum(people, convention, seats, locks)
    if kind == "photo":
        return layouts.photo(people, convention, seats, locks)
    if kind == "meeting":
        return layouts.meeting(people, convention, locks)
    if kind == "signing":
        return layouts.signing(people, convention, locks)
    return layouts.motorcade(people, convention, seats, locks)

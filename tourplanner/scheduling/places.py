"""Which venue and city a journey's end names: the one place where travel text meets the plan.

Today a journey's From and To are free text ("Beijing Capital (PEK), Terminal 3", "Shangri-La
Hotel, Futian"); they are matched against the plan's venues by name, then against the cities
the venues are in, and last against an airport code in the text ("Washington Dulles (IAD)"),
whose city the airports table knows.
"""

from __future__ import annotations

import re

from tourplanner import places
from tourplanner.scheduling.snapshot import PlanSnapshot, VenueRec

Place = tuple[int | None, str]  # (venue id or None, city or "" when not known)
NOWHERE: Place = (None, "")


def place_of(snap: PlanSnapshot, text: str, venue_id: int | None = None) -> Place:
    """The venue and city a place's text names; `venue_id` is the record's own venue, if any."""
    key = (text, venue_id)
    found = snap.place_memo.get(key)
    if found is None:
        found = snap.place_memo[key] = _match(snap.venues, text, venue_id)
    return found


def same_city(a: str, b: str) -> bool:
    """Whether two city names are the same city (ignoring case)."""
    return a == b or a.casefold() == b.casefold()


def _normal(text: str) -> str:
    return " ".join(text.casefold().split())


def _match(venues: dict[int, VenueRec], text: str, venue_id: int | None) -> Place:
    wanted = _normal(text)
    if wanted:
        named = [v for v in venues.values() if _names(v, wanted)]
        if named and len({_normal(v.city) for v in named}) == 1:
            return (named[0].id if len(named) == 1 else None, named[0].city)
        cities = {_normal(v.city): v.city for v in venues.values() if v.city.strip()}
        hits = [c for key, c in cities.items() if re.search(rf"\b{re.escape(key)}\b", wanted)]
        if len(hits) == 1:
            return (None, hits[0])
    if venue_id is not None and venue_id in venues:
        return (venue_id, venues[venue_id].city)
    if places.CODE_IN_TEXT.search(text or ""):
        found = places.place_of(text)
        if found is not None and found.city:
            # The plan's own name for that city where a venue is in it ("Beijing", not "BJS").
            same = [v.city for v in venues.values() if same_city(v.city, found.city)]
            return (None, same[0] if same else found.city)
    return NOWHERE


def _names(venue: VenueRec, wanted: str) -> bool:
    # "Shangri-La Hotel, Futian" names "Shangri-La Hotel, Futian, Shenzhen": one starts the other.
    name = _normal(venue.name)
    return bool(name) and (_starts(name, wanted) or _starts(wanted, name))


def _starts(text: str, prefix: str) -> bool:
    """`text` begins with the whole words of `prefix` ("Hall" does not start "Hallstatt")."""
    return text.startswith(prefix) and (len(text) == len(prefix) or not text[len(prefix)].isalnum())

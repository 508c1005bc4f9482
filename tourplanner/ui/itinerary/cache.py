"""The itineraries made lately, by person: a coordinator flips between a few people."""

from __future__ import annotations

from collections import OrderedDict

from tourplanner.ui.itinerary.render import Itinerary

CACHED_PEOPLE = 32  # PDFs are ~50 kB each


class ItineraryCache:
    """The last CACHED_PEOPLE itineraries made, the least recently used dropped first."""

    def __init__(self, size: int = CACHED_PEOPLE) -> None:
        self.size = size
        self._made: OrderedDict[int, Itinerary] = OrderedDict()

    def __contains__(self, person_id: object) -> bool:
        return person_id in self._made

    def get(self, person_id: int) -> Itinerary | None:
        made = self._made.get(person_id)
        if made is not None:
            self._made.move_to_end(person_id)
        return made

    def put(self, itinerary: Itinerary) -> None:
        self._made[itinerary.person_id] = itinerary
        self._made.move_to_end(itinerary.person_id)
        while len(self._made) > self.size:
            self._made.popitem(last=False)

    def clear(self) -> None:
        self._made.clear()

"""Places that know their zone: airports by IATA/ICAO code, name or city, and cities' zones.

The data is the maintained `airportsdata` package (every airport with its IANA zone), read once
per process on first use. A journey's end is an airport found here, a venue of the plan (the
caller passes them), or free text with no zone of its own.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

# "Washington Dulles International Airport (IAD)", "Beijing Capital (PEK), Terminal 3", or a
# bare "IAD" / "KIAD".
CODE_IN_TEXT = re.compile(r"\(([A-Z0-9]{3,4})\)|^\s*([A-Za-z0-9]{3,4})\s*$")


@dataclass(frozen=True)
class Place:
    """A place a journey can start or end at, with the zone of its clocks."""

    name: str
    city: str
    country: str  # ISO 3166 code, e.g. "CN"
    zone: str
    code: str = ""  # IATA (or ICAO) code of an airport; empty for a venue

    @property
    def label(self) -> str:
        """What a journey's end says: "Beijing Capital International Airport (PEK)"."""
        return f"{self.name} ({self.code})" if self.code else self.name


@dataclass(frozen=True)
class City:
    """A city and the zone its clocks keep (the most common zone of its airports)."""

    name: str
    country: str
    zone: str

    @property
    def label(self) -> str:
        return f"{self.name}, {self.country}"


def _place(row: Mapping[str, Any], code: str) -> Place:
    return Place(row["name"], row["city"], row["country"], row["tz"], code)


@lru_cache(maxsize=1)
def _by_iata() -> dict[str, Place]:
    import airportsdata

    return {code: _place(row, code) for code, row in airportsdata.load("IATA").items() if row["tz"]}


@lru_cache(maxsize=1)
def _by_icao() -> dict[str, Place]:
    import airportsdata

    return {
        code: _place(row, row["iata"] or code)
        for code, row in airportsdata.load("ICAO").items()
        if row["tz"]
    }


def all_airports() -> list[Place]:
    """Every airport with an IATA code."""
    return list(_by_iata().values())


def airport(code: str) -> Place | None:
    """The airport with that IATA ("PEK") or ICAO ("ZBAA") code, any case; None if unknown."""
    code = code.strip().upper()
    if len(code) == 3:
        return _by_iata().get(code)
    if len(code) == 4:
        return _by_icao().get(code)
    return None


def find_airports(query: str, *, limit: int = 20) -> list[Place]:
    """Airports whose code, name or city matches: the code first, then names that start so."""
    text = query.strip().casefold()
    if len(text) < 2:
        return []
    exact = airport(text)
    ranked: list[tuple[int, str, Place]] = []
    for place in _by_iata().values():
        name, city = place.name.casefold(), place.city.casefold()
        if city == text or name.startswith(text):
            rank = 1
        elif city.startswith(text):
            rank = 2
        elif text in name or text in city:
            rank = 3
        else:
            continue
        ranked.append((rank, place.name, place))
    found = [p for _, _, p in sorted(ranked, key=lambda r: r[:2])]
    if exact is not None:
        found = [exact, *(p for p in found if p != exact)]
    return found[:limit]


def place_of(text: str, venues: Iterable[Place] = ()) -> Place | None:
    """The place a journey end's text names: an airport code in it, or a venue of that name."""
    match = CODE_IN_TEXT.search(text or "")
    if match:
        found = airport(match.group(1) or match.group(2))
        if found is not None:
            return found
    wanted = (text or "").strip().casefold()
    return next((v for v in venues if wanted and v.name.casefold() == wanted), None)


@lru_cache(maxsize=1)
def all_cities() -> tuple[City, ...]:
    """Every city with an airport, with its zone, sorted by name."""
    zones: dict[tuple[str, str], Counter[str]] = {}
    for place in _by_iata().values():
        if place.city:
            zones.setdefault((place.city, place.country), Counter())[place.zone] += 1
    return tuple(
        City(city, country, counts.most_common(1)[0][0])
        for (city, country), counts in sorted(zones.items())
    )


def find_cities(query: str, *, limit: int = 20) -> list[City]:
    """Cities whose name matches, the exact and starting ones first."""
    text = query.strip().casefold()
    if len(text) < 2:
        return []
    ranked = []
    for city in all_cities():
        name = city.name.casefold()
        rank = 0 if name == text else 1 if name.startswith(text) else 2 if text in name else -1
        if rank >= 0:
            ranked.append((rank, city.name, city))
    return [c for _, _, c in sorted(ranked, key=lambda r: r[:2])][:limit]

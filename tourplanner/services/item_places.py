"""What a printed item needs beyond its own row: where a transfer goes, a group flight's number
and airports, and the interpreters' language pairs and booths.

A transfer item has no venue of its own ("Coach: hotel to the Great Wall at Mutianyu"): its
destination is the plan's venue its title names, else the place of the item it takes people
to (the next one with a venue, within two hours), else the hotel of the night when the title
says "the hotel". A group flight is a transfer titled with a flight number and two airport
codes ("Group flight CA 1315 Beijing Capital (PEK) to Shenzhen Bao'an (SZX)"): its ends are
the plan's airport venues with those codes. Nothing is guessed when nothing matches.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from tourplanner.enums import AssignmentRole, ItemKind
from tourplanner.models import Assignment, Person, Venue
from tourplanner.services.views import Interpreting, ItemView, TravelView, VenueView

# "Beijing Capital (PEK), Terminal 3" -> "PEK": an airport named by its IATA code.
AIRPORT_CODE = re.compile(r"\(([A-Z]{3})\)")
# "flight CA 1315", "Flight ZH9835": a flight number after the word.
FLIGHT_NUMBER = re.compile(r"\bflight\s+([A-Z0-9]{2}\s?\d{1,4})\b", re.IGNORECASE)
# Words that say nothing about which place is meant ("the hotel" is handled apart).
NOISE = frozenset({"the", "a", "at", "to", "of", "and", "back", "hotel", "&"})
WORD = re.compile(r"[\w'’-]+")
# How far a transfer's next item may start after it ends and still be where it goes.
NEXT_WITHIN = timedelta(hours=2)
# A name matches when this share of its words are words of the venue's name.
NAME_MATCH = 0.75


def words(text: str) -> set[str]:
    return {w for w in WORD.findall(text.casefold()) if w not in NOISE}


@dataclass(frozen=True)
class Places:
    """The plan's venues, found by airport code or by the words of a name.

    Indexed once (as services/transfers' _HubVenues): a lookup per transfer and per journey
    end scanned every venue, and re-split every venue's name, each time.
    """

    venues: tuple[VenueView, ...]
    # Airport code -> the first venue whose English name holds it "(PEK)".
    _airports: dict[str, VenueView] = field(init=False, repr=False, compare=False)
    # Casefolded English name -> the first venue of that name.
    _names: dict[str, VenueView] = field(init=False, repr=False, compare=False)
    # A word of a name -> the positions (in `venues`) of the venues whose name has it.
    _by_word: dict[str, list[int]] = field(init=False, repr=False, compare=False)
    _words: tuple[set[str], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        airports: dict[str, VenueView] = {}
        names: dict[str, VenueView] = {}
        by_word: dict[str, list[int]] = {}
        for n, venue in enumerate(self.venues):
            if m := AIRPORT_CODE.search(venue.name_en):
                airports.setdefault(m.group(1), venue)
            names.setdefault(venue.name_en.casefold(), venue)
            for word in words(venue.name_en):
                by_word.setdefault(word, []).append(n)
        object.__setattr__(self, "_airports", airports)
        object.__setattr__(self, "_names", names)
        object.__setattr__(self, "_by_word", by_word)
        object.__setattr__(self, "_words", tuple(words(v.name_en) for v in self.venues))

    @classmethod
    def load(cls, session: Session) -> Places:
        return cls(tuple(VenueView.of(v) for v in session.scalars(select(Venue))))

    def airport(self, code: str) -> VenueView | None:
        return self._airports.get(code)

    def of_text(self, text: str) -> VenueView | None:
        """The venue a place text names: by its airport code, else its exact name."""
        if m := AIRPORT_CODE.search(text):
            return self.airport(m.group(1))
        wanted = text.strip().casefold()
        return self._names.get(wanted)

    def named(self, text: str) -> VenueView | None:
        """The one venue whose name holds most of the words of `text`, or None (a tie too)."""
        wanted = words(text)
        if not wanted:
            return None
        # Only venues sharing a word can reach NAME_MATCH; the rest score 0 and never tie
        # with a best score above it. In venue order, as the scan was (ties stay in order).
        candidates = sorted({n for w in wanted for n in self._by_word.get(w, ())})
        scored = sorted(
            ((len(wanted & self._words[n]) / len(wanted), n) for n in candidates),
            key=lambda s: -s[0],
        )
        if not scored or scored[0][0] < NAME_MATCH:
            return None
        if len(scored) > 1 and scored[1][0] == scored[0][0]:
            return None
        return self.venues[scored[0][1]]


def destination_texts(title: str) -> list[str]:
    """Where a transfer's title says it goes: the words in brackets, then the part after "to"."""
    texts = re.findall(r"\(([^)]*)\)", title)
    parts = re.split(r"\bto\b", title, flags=re.IGNORECASE)
    if len(parts) > 1:
        texts.append(parts[-1])
    return texts


def _flight(view: ItemView, places: Places) -> ItemView | None:
    codes = AIRPORT_CODE.findall(view.title_en)
    number = FLIGHT_NUMBER.search(view.title_en)
    if number is None or len(codes) < 2:
        return None
    return dataclasses.replace(
        view,
        flight=number.group(1),
        origin=places.airport(codes[0]),
        destination=places.airport(codes[-1]),
    )


def _hotel_at(view: ItemView, hotels: Iterable[TravelView]) -> VenueView | None:
    """The hotel stay the transfer ends in (it may be checked into just after)."""
    for stay in hotels:
        if stay.start_utc <= view.end_utc + NEXT_WITHIN and view.end_utc < stay.end_utc:
            return stay.venue
    return None


def _destination(
    view: ItemView,
    later: Sequence[ItemView],
    places: Places,
    hotels: Sequence[TravelView],
) -> VenueView | None:
    for text in destination_texts(view.title_en):
        if venue := places.named(text):
            return venue
    for nxt in later:
        if nxt.start_utc - view.end_utc > NEXT_WITHIN:
            break
        if nxt.flight:
            return nxt.origin
        if nxt.venue is not None:
            return nxt.venue
    if "hotel" in view.title_en.casefold():
        return _hotel_at(view, hotels)
    return None


def interpreting_by_item(session: Session, item_ids: list[int]) -> dict[int, list[Interpreting]]:
    """Each item's interpreter assignments (language pair, mode, booth), by interpreter name."""
    found: dict[int, list[Interpreting]] = {}
    if not item_ids:
        return found
    rows = session.execute(
        select(
            Assignment.item_id,
            Person.id,
            Person.honorific,
            Person.name_latin,
            Person.name_local,
            Assignment.language_from,
            Assignment.language_to,
            Assignment.mode,
            Assignment.booth,
        )
        .join(Person, Assignment.person_id == Person.id)
        .where(Assignment.role == AssignmentRole.INTERPRETER, Assignment.item_id.in_(item_ids))
        .order_by(Person.name_latin, Assignment.id)
    )
    for item_id, person_id, honorific, latin, local, src, dst, mode, booth in rows:
        assert item_id is not None  # the query asks for items' assignments only
        name = Person.name_of(honorific, latin, local)
        found.setdefault(item_id, []).append(
            Interpreting(person_id, name, src or "", dst or "", mode or "", booth or "")
        )
    return found


def for_print(
    session: Session,
    views: Sequence[ItemView],
    hotels: Sequence[TravelView] = (),
    places: Places | None = None,
) -> list[ItemView]:
    """The views with their transfer ends, flight numbers and interpreter assignments."""
    places = places or Places.load(session)
    interpreting = interpreting_by_item(session, sorted({v.id for v in views}))
    out = [dataclasses.replace(v, interpreting=tuple(interpreting.get(v.id, ()))) for v in views]
    transfers = [n for n, v in enumerate(out) if v.kind == ItemKind.TRANSFER]
    for n in transfers:
        out[n] = _flight(out[n], places) or out[n]
    stays = sorted((h for h in hotels if h.kind == "hotel"), key=lambda h: h.start_utc)
    for n in transfers:
        view = out[n]
        if view.flight or view.venue is not None:
            continue
        later = [v for v in out[n + 1 :] if v.start_utc >= view.end_utc - timedelta(minutes=5)]
        later = [v for v in later if v.programme_id == view.programme_id]
        if venue := _destination(view, later, places, stays):
            out[n] = dataclasses.replace(view, destination=venue)
    return out

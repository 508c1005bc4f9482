"""Lines printed by more than one document come from one function, and the plan's venues are
found through an index that answers as the scan it replaced (demo plan, real SQLite file)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from tourplanner.db import PlanFile
from tourplanner.export.pdf.fonts import markup
from tourplanner.export.pdf.itinerary import (
    destination_lines,
    flight_names,
    flight_title,
    journey_ends,
)
from tourplanner.export.pdf.programme_docs import item_details
from tourplanner.export.pdf.styles import make_styles
from tourplanner.models import Item, Programme
from tourplanner.services import item_places, itinerary
from tourplanner.services.item_places import NAME_MATCH, Places, words


@pytest.fixture(scope="module")
def demo(demo_read_only: PlanFile) -> PlanFile:
    return demo_read_only


@pytest.fixture(scope="module")
def printed(demo) -> list:
    """Every programme's items as the documents print them (transfer ends, flights)."""
    with demo.reading() as s:
        ids = s.scalars(select(Programme.id)).all()
        return [
            v for pid in ids for v in item_places.for_print(s, itinerary.programme_items(s, pid))
        ]


def in_order(part: list, whole: list) -> bool:
    """`part` appears in `whole` as a run of consecutive lines."""
    return any(whole[n : n + len(part)] == part for n in range(len(whole) - len(part) + 1))


def test_the_booklet_and_tour_sheet_say_where_a_transfer_goes_as_the_itinerary(printed) -> None:
    s = make_styles()
    transfers = [v for v in printed if v.destination is not None and not v.flight]
    assert transfers, "the demo has coaches that go somewhere"
    for view in transfers:
        for full in (True, False):
            shared = destination_lines(view.destination, s, full=full)
            assert in_order(shared, item_details(view, s, with_venue=full))
    # In full, the driver's Chinese address and the English one, as in the itinerary.
    coach = next(v for v in transfers if v.destination.address_local)
    texts = [ln.markup for ln in item_details(coach, s, with_venue=True)]
    assert markup(coach.destination.address_local) in texts
    assert markup(coach.destination.address_en) in texts


def test_the_booklet_prints_a_group_flight_as_the_itinerary(printed) -> None:
    s = make_styles()
    flights = [v for v in printed if v.flight]
    assert flights, "the demo has a group flight"
    for view in flights:
        ends = (view.origin, view.destination)
        details = item_details(view, s, with_venue=True)
        assert in_order(journey_ends(flight_names(view), ends, s), details)
        assert any(flight_title(view) in ln.markup for ln in details)


def scanned_named(venues, text: str):  # noqa: ANN001, ANN201 - the scan the index replaced
    wanted = words(text)
    if not wanted:
        return None
    scored = sorted(
        ((len(wanted & words(v.name_en)) / len(wanted), v.id, v) for v in venues),
        key=lambda s: -s[0],
    )
    if not scored or scored[0][0] < NAME_MATCH:
        return None
    if len(scored) > 1 and scored[1][0] == scored[0][0]:
        return None
    return scored[0][2]


def test_the_venue_index_answers_as_the_scan(demo) -> None:
    with demo.reading() as s:
        places = Places.load(s)
        titles = s.scalars(select(Item.title_en)).all()
    venues = places.venues
    texts = [*titles, *(v.name_en for v in venues), "the hotel", "", "Hall", "Shangri-La"]
    texts += [t for title in titles for t in item_places.destination_texts(title)]
    found = 0
    for text in texts:
        assert places.named(text) == scanned_named(venues, text), text
        found += places.named(text) is not None
        wanted = text.strip().casefold()
        scan = next((v for v in venues if v.name_en.casefold() == wanted), None)
        if not item_places.AIRPORT_CODE.search(text):
            assert places.of_text(text) == scan, text
    assert found > 10  # the index finds what the scan found, not only the misses
    codes = {"PEK", "SZX", "IAD", "XXX", ""}
    codes |= {m for v in venues for m in item_places.AIRPORT_CODE.findall(v.name_en)}
    for code in codes:
        scan = next(
            (
                v
                for v in venues
                if (m := item_places.AIRPORT_CODE.search(v.name_en)) and m.group(1) == code
            ),
            None,
        )
        assert places.airport(code) == scan
        if code:
            assert places.of_text(f"Somewhere ({code})") == scan
    assert places.airport("PEK") is not None


def test_a_tie_between_two_venues_names_neither() -> None:
    from tourplanner.services.views import VenueView

    def venue(n: int, name: str) -> VenueView:
        return VenueView(n, name, "", "", "", "", "", "UTC", None, None)

    places = Places((venue(1, "North Hall"), venue(2, "South Hall"), venue(3, "Grand Ballroom")))
    assert places.named("Hall") is None  # both halls score 1: no guess
    assert places.named("the Grand Ballroom") == places.venues[2]
    assert places.named("North Hall") == places.venues[0]

"""Places know their zone: airports by code, name or city from airportsdata, and cities' zones
for the zone picker; unknown input finds nothing and a city typed as a zone is explained."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tourplanner import places
from tourplanner.errors import ValidationError
from tourplanner.timezones import zone


@pytest.mark.parametrize(
    ("code", "city", "tz"),
    [
        ("PEK", "Beijing", "Asia/Shanghai"),
        ("iad", "Washington", "America/New_York"),
        ("SZX", "Shenzhen", "Asia/Shanghai"),
        ("ZBAA", "Beijing", "Asia/Shanghai"),  # ICAO
        ("KIAD", "Washington", "America/New_York"),
    ],
)
def test_an_airport_by_iata_or_icao_code_knows_its_city_and_zone(code, city, tz) -> None:
    found = places.airport(code)
    assert found is not None and (found.city, found.zone) == (city, tz)
    assert found.label.endswith(f"({found.code})") and len(found.code) == 3


def test_airports_by_name_or_city_the_exact_code_first() -> None:
    assert places.find_airports("PEK")[0].code == "PEK"
    beijing = {p.code for p in places.find_airports("Beijing")}
    assert {"PEK", "PKX"} <= beijing
    assert places.find_airports("x") == [] and places.find_airports("Qqqzzz") == []


@pytest.mark.parametrize(
    ("text", "tz"),
    [
        ("Washington Dulles International Airport (IAD)", "America/New_York"),
        ("Beijing Capital (PEK), Terminal 3", "Asia/Shanghai"),
        ("PEK", "Asia/Shanghai"),
    ],
)
def test_a_journey_end_names_its_place(text, tz) -> None:
    found = places.place_of(text)
    assert found is not None and found.zone == tz


def test_a_venue_end_and_free_text() -> None:
    hall = places.Place("Shenzhen Convention Centre", "Shenzhen", "CN", "Asia/Shanghai")
    assert places.place_of("shenzhen convention centre", [hall]) == hall
    assert places.place_of("the hotel lobby", [hall]) is None
    assert places.place_of("") is None


@pytest.mark.parametrize(
    ("city", "tz"),
    [
        ("Beijing", "Asia/Shanghai"),
        ("Shenzhen", "Asia/Shanghai"),
        ("Washington", "America/New_York"),
    ],
)
def test_cities_find_their_zone(city, tz) -> None:
    first = places.find_cities(city)[0]
    assert (first.name, first.zone) == (city, tz)
    assert first.label == f"{city}, {first.country}"


def test_a_city_typed_as_a_zone_is_answered_in_plain_words() -> None:
    with pytest.raises(ValidationError) as err:
        zone("Beijing")
    assert str(err.value).endswith(
        "'Beijing' is not a known time zone: Beijing, CN keeps Asia/Shanghai time"
    )
    with pytest.raises(ValidationError) as err:
        zone("Atlantis")
    assert "IANA" not in str(err.value) and "type a city" in str(err.value)


def test_places_need_no_qt() -> None:
    code = (
        "import sys; from tourplanner import places; places.find_cities('Beijing'); "
        "assert 'PySide6' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)

"""What the documents say, read back from the PDF text of the demo plan (issue #15): the
booklet's day grid, group flights, transfer destinations, interpreters, the cover's summaries."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from tourplanner.db import PlanFile
from tourplanner.export.pdf import export_itinerary, export_programme_booklet
from tourplanner.export.pdf.day_grid import MAX_ROOMS, grid_rooms
from tourplanner.models import Programme
from tourplanner.services import people
from tourplanner.services.item_places import Places
from tourplanner.services.views import ItemView, VenueView


@pytest.fixture(scope="module")
def demo(demo_read_only: PlanFile) -> PlanFile:
    return demo_read_only


def pages_of(path: Path) -> list[str]:
    # No-break spaces (phone numbers) read as spaces.
    return [page.extract_text().replace("\xa0", " ") for page in PdfReader(path).pages]


def itinerary_of(demo: PlanFile, name: str, out: Path) -> list[str]:
    with demo.reading() as s:
        pid = people.find_person(s, name).id
    export_itinerary(demo, pid, out)
    return pages_of(out)


@pytest.fixture(scope="module")
def patricia(demo, tmp_path_factory) -> list[str]:
    return itinerary_of(demo, "Patricia Gómez", tmp_path_factory.mktemp("out") / "p.pdf")


@pytest.fixture(scope="module")
def booklet(demo, tmp_path_factory) -> Path:
    with demo.reading() as s:
        conf = s.query(Programme).filter_by(kind="conference").order_by(Programme.id).first()
        assert conf is not None
        conference_id = conf.id
    out = tmp_path_factory.mktemp("out") / "booklet.pdf"
    export_programme_booklet(demo, conference_id, out)
    return out


def positions(path: Path) -> list[tuple[int, float, float, str]]:
    """Each text run of the PDF with its page, x and y."""
    found: list[tuple[int, float, float, str]] = []
    for n, page in enumerate(PdfReader(path).pages):

        def visit(text, cm, tm, font, size, n=n) -> None:  # noqa: ANN001
            if text.strip():
                found.append((n, cm[4] + tm[4] * cm[0], cm[5] + tm[5] * cm[3], text))

        page.extract_text(visitor_text=visit)
    return found


def run_at(
    runs: list[tuple[int, float, float, str]], start: str, page: int | None = None
) -> tuple[int, float, float]:
    """The first run starting with `start` (on `page`): its page, x and y."""
    found = next(r for r in runs if r[3].startswith(start) and page in (None, r[0]))
    return found[0], found[1], found[2]


def test_parallel_sessions_stand_side_by_side_in_room_columns(booklet) -> None:
    runs = positions(booklet)
    # Three sessions at 13:30 on 21 April, in Rooms 3, 5 and 7: one row, three columns.
    first = run_at(runs, "Performance")
    second = run_at(runs, "Panel: Eco-friendly")
    third = run_at(runs, "Workshop: working")
    assert first[0] == second[0] == third[0]
    assert first[2] == pytest.approx(second[2], abs=0.5) == pytest.approx(third[2], abs=0.5)
    assert first[1] < second[1] < third[1]
    # The rooms head the columns, in the same order.
    rooms = [run_at(runs, f"Room {n}", page=first[0]) for n in (3, 5, 7)]
    assert [r[1] for r in rooms] == pytest.approx([first[1], second[1], third[1]], abs=0.5)
    assert all(r[2] > first[2] for r in rooms)  # above the sessions


def test_a_plenary_spans_the_grid_and_chinese_never_splits_a_latin_word(booklet) -> None:
    text = "\n".join(pages_of(booklet))
    # Wider than one room's column, the plenary's title is on one line.
    assert "Plenary: innovative solutions for urbanization — U.S. and Chinese cities\n" in text
    # The Chinese title of a cell breaks between characters, "ICMA" stays whole.
    lines = text.splitlines()
    assert any("ICMA中国中心模式" in ln for ln in lines)
    assert not any(ln.rstrip().endswith(("IC", "ICM")) for ln in lines)


def test_a_group_flight_prints_as_a_flight(patricia) -> None:
    text = "\n".join(patricia[1:])
    at = text.index("Group flight · CA 1315")
    flight = text[at - 40 : at + 400]  # the time column comes first
    assert "Beijing Capital International Airport (PEK) →" in flight
    assert "北京首都国际机场 → 深圳宝安国际机场" in flight
    assert "Departs Sun 19 Apr 13:30 CST · Arrives Sun 19 Apr 16:55 CST" in flight
    assert "travel time 3 h 25 min" in flight
    assert "→ 16:55 CST" in flight


def test_coaches_name_their_destination_with_its_address(patricia) -> None:
    text = "\n".join(patricia[1:])
    at = text.index("Coach: hotel to the Great Wall at Mutianyu")
    coach = text[at : text.index("The Great Wall at Mutianyu", at)]
    assert "To: Great Wall at Mutianyu · 慕田峪长城" in coach
    assert "北京市怀柔区渤海镇慕田峪村" in coach
    # To the airport: the airport the group flight leaves from.
    at = text.index("Coach: check-out and transfer to Beijing Capital Airport T3")
    assert "To: Beijing Capital International Airport (PEK)" in text[at : at + 300]
    # Where to meet the minibus, before it leaves.
    assert "Meet: 08:00 Hotel lobby, Shangri-La Futian" in text


def test_the_interpreter_reads_their_direction_mode_and_booth(demo, tmp_path) -> None:
    pages = itinerary_of(demo, "Chen Xiaoyu", tmp_path / "chen.pdf")
    duties = [ln for ln in "\n".join(pages).splitlines() if "Booth 1 (Hall A)" in ln]
    # A Chinese reader: the languages as Chinese names them; the keynote is English → Chinese.
    assert any("英语 → 中文" in ln for ln in duties)
    assert any("中文 → 英语" in ln for ln in duties)


def test_other_readers_see_who_interprets_in_which_direction(patricia) -> None:
    text = " ".join("\n".join(patricia[1:]).split())
    assert "Interpreter: Ms. Chen Xiaoyu (陈晓雨), English → Chinese, simultaneous" in text
    assert "Booth 1" not in text  # the booth is the interpreter's business


def test_the_cover_has_each_day_at_a_glance_and_the_hotels_phones(patricia) -> None:
    cover = patricia[0]
    assert "Your days at a glance" in cover
    assert "Thu 16 Apr · Day 2 · Beijing" in cover
    assert "08:15 Coach: hotel to the Forbidden City" in cover
    assert "Your hotels" in cover
    hotels = cover[cover.index("Your hotels") :]
    assert "Shangri-La Hotel, Beijing" in hotels and "+86 10 6841 2211" in hotels
    assert "Fairmont Peace Hotel" in hotels and "+86 21 6138 6888" in hotels
    assert "Coordinators and emergency contacts" in cover  # still on the first page


def venue(id: int, name: str) -> VenueView:
    return VenueView(id, name, "", "", "", "", "CN", "Asia/Shanghai", None, None)


def test_a_destination_is_named_only_when_one_venue_matches() -> None:
    places = Places(
        (
            venue(1, "Shangri-La Hotel, Beijing"),
            venue(2, "Shangri-La Hotel, Futian, Shenzhen"),
            venue(3, "Shenzhen Bao'an International Airport (SZX)"),
        )
    )
    assert places.named("the Shangri-La, Futian") == places.venues[1]
    assert places.named("Shenzhen Bao'an Airport") == places.venues[2]
    assert places.named("the Shangri-La") is None  # two hotels match as well: nothing guessed
    assert places.named("the hotel") is None
    assert places.named("Mutianyu") is None


def session_at(id: int, room: str, start: int, end: int) -> ItemView:
    """An item view in a room of venue 1 on 21 April 2015, from `start` to `end` o'clock UTC."""
    at = datetime(2015, 4, 21, tzinfo=UTC)
    return ItemView(
        id, f"uid{id}", 1, "Conf", f"Session {id}", "", "session", "confirmed",
        at.replace(hour=start), at.replace(hour=end), "Asia/Shanghai", venue(1, "Hall"),
        room, "", None, "", "", "", "", 0,
    )  # fmt: skip


def test_the_grid_is_kept_for_days_one_cell_per_room_can_show() -> None:
    plenary = session_at(1, "Hall A", 1, 2)
    parallel = [session_at(2, "Room 3", 3, 4), session_at(3, "Room 5", 3, 5)]
    assert grid_rooms([plenary, *parallel]) == [(1, "Room 3"), (1, "Room 5")]
    assert grid_rooms([plenary]) is None  # nothing in parallel: a list
    # Two items at once in Room 5 would share a cell: the day stays a list.
    assert grid_rooms([plenary, *parallel, session_at(4, "Room 5", 4, 5)]) is None
    many = [session_at(n, f"Room {n}", 3, 4) for n in range(2, 2 + MAX_ROOMS + 1)]
    assert grid_rooms(many) is None  # too many columns for the page

"""What the person holding the paper needs, read back from the PDF text (issue #15)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from tourplanner.db import PlanFile
from tourplanner.demo import write_demo_plan
from tourplanner.errors import ValidationError
from tourplanner.export.pdf import export_itinerary, export_programme_booklet, export_tour
from tourplanner.family_names import display_sort_key, family_name
from tourplanner.models import Participation, Plan, Programme
from tourplanner.services import itinerary, people
from tourplanner.services.revision import plan_revision

DATE = re.compile(
    r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} [A-Z][a-z]+ 2015"
)


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> PlanFile:
    path = tmp_path_factory.mktemp("demo") / "demo.tourplan"
    write_demo_plan(path)
    plan = PlanFile.open(path)
    yield plan
    plan.close()


def person_id(plan: PlanFile, query: str) -> int:
    with plan.reading() as s:
        return people.find_person(s, query).id


def pages_of(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


@pytest.fixture(scope="module")
def patricia(demo, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("out") / "patricia.pdf"
    export_itinerary(demo, person_id(demo, "Patricia Gómez"), out)
    return out


def day_numbers(text: str) -> dict[str, str]:
    """'Wednesday 15 April 2015' -> 'Day 1', from the day headings' text."""
    found = {}
    for match in re.finditer(DATE.pattern + r"\s*\n?(?:[^\n]*· )?(Day \d+)", text):
        found[match.group(0).split("\n")[0].split(" Day")[0].strip()] = match.group(2)
    return found


def test_every_page_after_the_cover_names_its_day(patricia) -> None:
    pages = pages_of(patricia)
    assert len(pages) > 5
    for n, text in enumerate(pages[1:], start=2):
        if "Please take me to" in text:
            continue  # the taxi cards are for every day
        assert DATE.search(text), f"page {n} names no date"
    assert any("(continued)" in text for text in pages)


def test_taxi_addresses_and_chinese_airport_names(patricia) -> None:
    text = "\n".join(pages_of(patricia))
    # The flight names both airports as a Chinese driver reads them.
    assert "北京首都国际机场" in text
    # A card per hotel, with the Chinese address for the driver.
    cards = text[text.index("Please take me to") :].replace("\n", "")
    assert "北京香格里拉饭店" in cards and "北京市海淀区紫竹院路29号" in cards


def test_flights_name_the_arrival_zone_and_duration(patricia) -> None:
    text = "\n".join(pages_of(patricia))
    assert "Shanghai time at arrival" in text
    assert re.search(r"travel time \d+ h \d\d min", text)
    assert re.search(r"→ \d\d:\d\d CST", text)


def test_a_lost_date_over_the_date_line_is_mentioned(demo, tmp_path) -> None:
    out = tmp_path / "bob.pdf"
    export_itinerary(demo, person_id(demo, "Bob O'Neill"), out)
    text = "\n".join(pages_of(out))
    # Bob leaves Mon 13 Apr and lands Wed 15 Apr: Tuesday 14 April is spent in the air.
    assert "Tuesday 14 April 2015" in text
    assert "the flight crosses the date line" in text


def test_the_same_date_has_the_same_day_number_everywhere(demo, patricia, tmp_path) -> None:
    other = tmp_path / "bob.pdf"
    export_itinerary(demo, person_id(demo, "Bob O'Neill"), other)
    with demo.reading() as s:
        tour_id = s.query(Programme).filter_by(kind="pre_tour").one().id
    tour = tmp_path / "tour.pdf"
    export_tour(demo, tour_id, tour)
    first = day_numbers("\n".join(pages_of(patricia)))
    second = day_numbers("\n".join(pages_of(other)))
    sheet = day_numbers("\n".join(pages_of(tour)))
    shared = set(first) & set(second) & set(sheet)
    assert "Thursday 16 April 2015" in shared
    for day in shared:
        assert first[day] == second[day] == sheet[day]
    # Day 1 is the event's first day (the pre-tour's), for everyone.
    assert first["Wednesday 15 April 2015"] == "Day 1"


def test_pdf_has_language_and_bookmarks_per_person_and_day(patricia) -> None:
    reader = PdfReader(patricia)
    assert str(reader.trailer["/Root"]["/Lang"]) == "en"
    outline = reader.outline
    assert outline[0].title == "Ms. Patricia Gómez"
    days = [o.title for o in outline[1]]
    assert "Wednesday 15 April 2015" in days and len(days) > 10


def test_the_version_stamp_changes_after_an_edit(demo, tmp_path) -> None:
    pid = person_id(demo, "Karen Brooks")
    before, after = tmp_path / "before.pdf", tmp_path / "after.pdf"
    export_itinerary(demo, pid, before)
    stamp = re.search(r"Plan revision ([0-9a-f]{8})", pages_of(before)[-1])
    assert stamp
    with demo.transaction() as s:
        s.query(Plan).one().title += " (revised)"
    export_itinerary(demo, pid, after)
    again = re.search(r"Plan revision ([0-9a-f]{8})", pages_of(after)[-1])
    assert again and again.group(1) != stamp.group(1)


def test_rosters_are_in_family_name_order(demo) -> None:
    with demo.reading() as s:
        tour_id = s.query(Programme).filter_by(kind="pre_tour").one().id
        roster = itinerary.tour_roster(s, tour_id)
    keys = [
        family_name(e.person.name_latin, e.person.name_local).casefold() for e in roster.entries
    ]
    assert keys == sorted(keys)
    assert family_name("Liu Yan", "刘燕") == "Liu" and family_name("Daniel Kim", "金大年") == "Kim"


def tour_of(demo: PlanFile, kind: str) -> int:
    with demo.reading() as s:
        return s.query(Programme).filter_by(kind=kind).one().id


def test_the_tour_roster_counts_add_up_and_waitlisted_stand_apart(demo, tmp_path) -> None:
    out = tmp_path / "post.pdf"
    export_tour(demo, tour_of(demo, "post_tour"), out)
    first = "\n".join(pages_of(out))
    first = first[: first.index("DAY BY DAY")]
    with demo.reading() as s:
        roster = itinerary.tour_roster(s, tour_of(demo, "post_tour"))
    confirmed = [e for e in roster.entries if e.status == "confirmed"]
    waiting = [e for e in roster.entries if e.status == "waitlisted"]
    assert f"{len(confirmed)} confirmed of {roster.programme.capacity} seats" in first
    on_bus = first[first.index("ON THE BUS") :]
    if waiting:
        assert f"{len(waiting)} waitlisted" in first
        on_bus, waitlist = on_bus.split("WAITLISTED (not on the bus)")
        assert waiting[0].person.name_latin in waitlist
        assert waiting[0].person.name_latin not in on_bus
    # Numbered rows on the bus: exactly as many as the confirmed count.
    numbers = re.findall(r"^(\d+)\s(?:Mr|Ms|Dr|Prof)\.", on_bus, re.M)
    assert numbers == [str(n) for n in range(1, len(confirmed) + 1)]
    # Phones whole, a tick box per row, dietary needs beside the name.
    assert confirmed[0].person.phone in first
    assert first.count("☐") == len(roster.entries)


def test_dietary_needs_on_the_tour_sheet(demo, tmp_path) -> None:
    out = tmp_path / "pre.pdf"
    export_tour(demo, tour_of(demo, "pre_tour"), out)
    text = "\n".join(pages_of(out))
    days = text[text.index("DAY BY DAY") :]
    # On each meal the guide orders, not only on the roster page.
    assert days.count("Dietary: ") >= 3 and "Hassan: Halal" in days.replace("\n", " ")


def test_a_roster_for_a_conference_is_refused_in_a_sentence(demo, tmp_path) -> None:
    out = tmp_path / "conf.pdf"
    with pytest.raises(ValidationError, match="is a conference, not a tour"):
        export_tour(demo, conference(demo), out)
    assert not out.exists()


def conference(demo: PlanFile) -> int:
    with demo.reading() as s:
        return s.query(Programme).filter_by(kind="conference").order_by(Programme.id).first().id


def test_booklet_names_venues_and_indexes_speakers_by_family_name(demo, tmp_path) -> None:
    out = tmp_path / "booklet.pdf"
    export_programme_booklet(demo, conference(demo), out)
    pages = pages_of(out)
    text = "\n".join(pages)
    title_page = pages[0].replace("\n", " ")
    assert "VENUES" in title_page
    assert "Shenzhen Convention & Exhibition Center" in title_page and "Shangri-La" in title_page
    assert "深圳市福田区福华三路111号" in title_page
    # The banquet in the hotel names its building, not only its hall.
    assert re.search(r"Grand Ballroom · 大宴会厅 · Shangri-La Hotel, Futian", text)
    index = text[text.index("SPEAKER INDEX") :]
    speakers, chairs = index.split("CHAIRS")
    assert "SPEAKERS" in speakers
    assert re.search(r"p\.\s\d+", speakers)
    names = re.findall(r"^((?:Mr|Ms|Dr|Prof)\. [^\n(]+(?:\([^)\n]*\))?)", chairs, re.M)
    keys = [display_sort_key(n) for n in names]
    assert len(names) > 3 and keys == sorted(keys)


def test_a_chinese_reader_gets_a_chinese_itinerary(demo, tmp_path) -> None:
    out = tmp_path / "liu.pdf"
    export_itinerary(demo, person_id(demo, "Liu Yan"), out)
    reader = PdfReader(out)
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert str(reader.trailer["/Root"]["/Lang"]) == "zh-CN"
    assert "个人行程" in text and "每日行程" in text and "联络人和紧急电话" in text
    assert "2015年4月16日 星期四" in text and "第2天" in text
    assert "Page 1 of" not in text and re.search(r"第\s*1\s*页", text)
    # The Chinese-side contacts, not the U.S. Embassy's.
    assert "110" in text and "Embassy" not in text
    # Her own part, in Chinese, with a call time.
    assert "您的角色" in text
    # A Chinese reader's programmes by their Chinese names and dates (not "20 Apr – 23 Apr").
    nie = tmp_path / "nie.pdf"
    export_itinerary(demo, person_id(demo, "Nie Biao"), nie)
    cover = re.sub(r"\s+", "", PdfReader(nie).pages[0].extract_text())
    assert "2015年国家外国专家局外国专家工作会议·2015年4月20日至4月23日" in cover
    assert "20Apr" not in cover
    # Named as Chinese writes it, family name first and the title after, the Latin beneath.
    assert "聂彪先生NieBiao" in cover and "Mr.NieBiao" not in cover


def test_an_english_reader_keeps_the_embassy_and_english_labels(patricia) -> None:
    text = "\n".join(pages_of(patricia))
    assert "PERSONAL ITINERARY" in text and "U.S. Embassy Beijing" in text
    assert "SAFEA Foreign Expert Affairs Conference 2015 · 20 Apr – 23 Apr 2015" in text
    assert "个人行程" not in text


def test_stored_guides_interpreters_languages_and_venue_notes_are_printed(
    demo, patricia, tmp_path
) -> None:
    text = "\n".join(pages_of(patricia)).replace("\n", " ")
    assert "Guide: " in text
    assert "Enter by the north entrance on Fuhua 3rd Road" in text  # the venue's notes
    out = tmp_path / "booklet.pdf"
    export_programme_booklet(demo, conference(demo), out)
    booklet = "\n".join(pages_of(out)).replace("\n", " ")
    assert "Interpreter: " in booklet and "Language: " in booklet
    # The languages named, not coded: "zh, en (simultaneous interpretation)" as stored.
    assert "Language: Chinese, English (simultaneous interpretation)" in booklet
    assert "Language: zh" not in booklet


def test_the_revision_moves_with_each_change_of_a_booking(demo_plan) -> None:
    """Bookings carry no version: their sums must still move when one changes hands or role,
    and two bookings swapping their people must not cancel out."""
    demo = demo_plan  # its own copy, on a plan file and on a team plan (the module's is shared)

    def revision() -> str:
        with demo.reading() as s:
            return plan_revision(s)

    seen = {revision()}
    with demo.transaction() as s:
        first = s.query(Participation).order_by(Participation.id).first()
        assert first is not None
        first.role = "speaking" if first.role != "speaking" else "chairing"
    seen.add(revision())
    with demo.transaction() as s:
        a, b = s.query(Participation).order_by(Participation.id).limit(2)
        assert a.person_id != b.person_id
        a.person_id, b.person_id = b.person_id, a.person_id
    seen.add(revision())
    with demo.transaction() as s:
        s.delete(s.query(Participation).order_by(Participation.id.desc()).first())
    seen.add(revision())
    assert len(seen) == 4
    assert revision() in seen  # and reading twice gives the same code

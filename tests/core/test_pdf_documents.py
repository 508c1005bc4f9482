"""PDF documents of the demo plan, checked through the text a reader extracts from them."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from tourplanner.cli import main
from tourplanner.db import PlanFile
from tourplanner.demo import write_demo_plan
from tourplanner.errors import Cancelled, ValidationError
from tourplanner.export.pdf import (
    export_itineraries,
    export_itinerary,
    export_programme_booklet,
    export_tour,
)
from tourplanner.export.pdf.batch import file_names
from tourplanner.services import items, organizations, people, programmes, venues


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> PlanFile:
    path = tmp_path_factory.mktemp("demo") / "demo.tourplan"
    write_demo_plan(path)
    plan = PlanFile.open(path)
    yield plan
    plan.close()


def text_of(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def person_id(plan: PlanFile, query: str) -> int:
    with plan.reading() as s:
        return people.find_person(s, query).id


def test_itinerary_content_order_local_times_and_chinese(demo, tmp_path) -> None:
    out = tmp_path / "bob.pdf"
    export_itinerary(demo, person_id(demo, "Bob O'Neill"), out)
    reader = PdfReader(out)
    text = text_of(out)
    assert "PERSONAL ITINERARY" in text and "鲍勃·奥尼尔" in text
    assert "Departs Mon 13 Apr 23:55 EDT · Arrives Wed 15 Apr 01:40 CST (+2 days)" in text
    assert "From here: Shanghai time, CST (UTC+8) — 12 h ahead of New York time (EDT)." in text
    # The Chinese address of the conference centre comes back character for character.
    assert "深圳市福田区福华三路" in text
    keynote = text.index("Keynote: U.S. Best Practices")
    assert text.index("Forbidden City") < keynote < text.index("Signing ceremony")
    assert "09:15–10:15" in text[keynote - 40 : keynote]
    total = len(reader.pages)
    assert f"Page 1 of {total}" in reader.pages[0].extract_text()
    assert f"Page {total} of {total}" in reader.pages[-1].extract_text()
    assert reader.metadata.author == "ICMA" and reader.metadata.title.startswith("Itinerary")


def test_only_the_persons_own_items_and_no_sensitive_data(demo, tmp_path) -> None:
    with demo.reading() as s:
        carrier = next(p for p in people.list_people(s) if p.passport_visa_notes)
        pid, secret = carrier.id, carrier.passport_visa_notes
    plain, full = tmp_path / "plain.pdf", tmp_path / "full.pdf"
    export_itinerary(demo, pid, plain)
    export_itinerary(demo, pid, full, include_sensitive=True)
    assert secret[:20] not in text_of(plain) and secret[:20] in text_of(full).replace("\n", " ")
    assert secret[:20] not in str(PdfReader(full).metadata)


def test_cancelled_items_only_when_asked(demo, tmp_path) -> None:
    pid = person_id(demo, "Ahmed Hassan")
    export_itinerary(demo, pid, tmp_path / "a.pdf")
    export_itinerary(demo, pid, tmp_path / "b.pdf", include_cancelled=True)
    assert "Shenzhen Bay evening cruise" not in text_of(tmp_path / "a.pdf")
    assert "CANCELLED · Shenzhen Bay evening cruise" in text_of(tmp_path / "b.pdf")


def test_markup_in_user_text_prints_literally(plan_file, tmp_path) -> None:
    nasty = '<b>Bob & "Alice"</b> <font size=40>x</font> 🎉 O\'Neill'
    with plan_file.transaction() as s:
        pid = people.create_person(s, name_latin=nasty, name_local="李<伟>")
        venue = venues.create_venue(
            s, name_en="A & B <Hall>", address_local="深圳 & <路>", timezone="Asia/Shanghai"
        )
        prog = programmes.create_programme(
            s,
            title_en="0.1 < x",
            kind="visit",
            timezone="Asia/Shanghai",
            start_date=date(2015, 4, 21),
            end_date=date(2015, 4, 21),
        )
        item = items.create_item(
            s,
            programme_id=prog,
            title_en="S&P <i>briefing",
            venue_id=venue,
            start=datetime(2015, 4, 21, 9),
            end=datetime(2015, 4, 21, 10),
        )
        from tourplanner.services.participations import add_participation

        add_participation(s, pid, item_id=item)
    out = tmp_path / "nasty.pdf"
    export_itinerary(plan_file, pid, out)
    text = text_of(out)
    for literal in (
        '<b>Bob & "Alice"</b>',
        "<font size=40>x</font>",
        "李<伟>",
        "A & B <Hall>",
        "S&P <i>briefing",
        "深圳 & <路>",
    ):
        assert literal in text, literal


def test_empty_itinerary_is_one_clear_page(plan_file, tmp_path) -> None:
    with plan_file.transaction() as s:
        pid = people.create_person(s, name_latin="Nobody Booked")
    out = tmp_path / "empty.pdf"
    export_itinerary(plan_file, pid, out)
    reader = PdfReader(out)
    assert len(reader.pages) == 1
    assert "Nothing is booked for Nobody Booked yet" in reader.pages[0].extract_text()


def test_an_entry_taller_than_a_page_carries_on_over_the_next_pages(plan_file, tmp_path) -> None:
    from tourplanner.services.participations import add_participation

    notes = "\n".join(f"Briefing note {n:03d} for the delegation." for n in range(150))
    with plan_file.transaction() as s:
        pid = people.create_person(s, name_latin="Long Reader")
        prog = programmes.create_programme(
            s,
            title_en="Study visit",
            kind="visit",
            timezone="Asia/Shanghai",
            start_date=date(2015, 4, 21),
            end_date=date(2015, 4, 21),
        )
        for hour, title, description in ((9, "Long briefing", notes), (11, "Lunch after", "")):
            item = items.create_item(
                s,
                programme_id=prog,
                title_en=title,
                description=description,
                start=datetime(2015, 4, 21, hour),
                end=datetime(2015, 4, 21, hour + 1),
            )
            add_participation(s, pid, item_id=item)
    out = tmp_path / "long.pdf"
    export_itinerary(plan_file, pid, out)  # no "too large on page" layout error
    pages = [page.extract_text() for page in PdfReader(out).pages]
    text = "\n".join(pages)
    assert len(pages) >= 4  # the cover, then the briefing over three pages
    # Every line once and in order, the time once, and the next entry after the last line.
    lines = [text.index(f"Briefing note {n:03d} ") for n in range(150)]
    assert lines == sorted(lines) and text.count("Briefing note") == 150
    assert text.count("09:00–10:00") == 1 and text.index("Lunch after") > lines[-1]


@pytest.mark.parametrize(("paper", "size"), [("a4", (595, 842)), ("letter", (612, 792))])
def test_paper_sizes(demo, tmp_path, paper, size) -> None:
    out = tmp_path / f"{paper}.pdf"
    export_itinerary(demo, person_id(demo, "Bob O'Neill"), out, paper=paper)
    box = PdfReader(out).pages[0].mediabox
    assert (round(box.width), round(box.height)) == size


def test_fonts_are_embedded_subsets(demo, tmp_path) -> None:
    out = tmp_path / "fonts.pdf"
    export_itinerary(demo, person_id(demo, "Bob O'Neill"), out)
    fonts = set()
    for page in PdfReader(out).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            assert descriptor is not None and "/FontFile2" in descriptor.get_object(), font[
                "/BaseFont"
            ]
            fonts.add(str(font["/BaseFont"]))
    assert all(re.match(r"^/[A-Z]{6}\+", f) for f in fonts), fonts
    assert any("DroidSansFallback" in f for f in fonts) and any("DejaVuSans" in f for f in fonts)


def test_booklet_and_tour(demo, tmp_path) -> None:
    with demo.reading() as s:
        conf = programmes.find_programme(s, "SAFEA Foreign Expert Affairs Conference 2015").id
        tour = programmes.find_programme(s, "Post-conference").id
    export_programme_booklet(demo, conf, tmp_path / "booklet.pdf")
    text = text_of(tmp_path / "booklet.pdf")
    assert "SPEAKER INDEX" in text and "Signing ceremony" in text
    assert (
        text.index("Opening ceremony")
        < text.index("Keynote: U.S. Best Practices")
        < text.index("SPEAKER INDEX")
    )
    assert "Shenzhen Bay evening cruise" not in text  # cancelled
    export_tour(demo, tour, tmp_path / "tour.pdf")
    text = text_of(tmp_path / "tour.pdf")
    assert (
        "12 confirmed of 12 seats · 2 waitlisted" in text
        and "ON THE BUS" in text
        and "HOTELS" in text
    )


def test_batch_duplex_starts_each_person_on_an_odd_page(demo, tmp_path) -> None:
    with demo.reading() as s:
        group = organizations.find_group(s, "US delegation")
        gid, members = group.id, [p.display_name for p in group.members]
    out = tmp_path / "all.pdf"
    seen = []
    export_itineraries(
        demo, out, group_id=gid, duplex=True, workers=2, progress=lambda d, t: seen.append((d, t))
    )
    reader = PdfReader(out)
    starts = [
        n
        for n, page in enumerate(reader.pages, start=1)
        if "PERSONAL ITINERARY" in page.extract_text()
    ]
    assert len(starts) == len(members) and all(n % 2 == 1 for n in starts)
    assert len(reader.pages) % 2 == 0
    assert seen[0] == (0, len(members)) and seen[-1] == (len(members), len(members))


def test_batch_to_folder_gives_safe_unique_names(demo, tmp_path) -> None:
    written = export_itineraries(demo, tmp_path / "out", workers=1)
    with demo.reading() as s:
        assert len(written) == len(people.list_people(s))
    assert all(re.fullmatch(r"[A-Za-z0-9-]+\.pdf", p.name) for p in written)
    assert file_names([(1, "Li Wei"), (2, "Li  Wei"), (3, "李伟"), (4, "../../etc")]) == {
        1: "Li-Wei.pdf",
        2: "Li-Wei-2.pdf",
        3: "person.pdf",
        4: "etc.pdf",
    }


def test_cancelling_a_batch_removes_what_it_wrote(demo, tmp_path) -> None:
    calls = []
    with pytest.raises(Cancelled):
        export_itineraries(
            demo,
            tmp_path / "out",
            workers=1,
            progress=lambda d, t: calls.append(d),
            cancelled=lambda: len(calls) >= 2,
        )
    assert list((tmp_path / "out").iterdir()) == []
    with pytest.raises(Cancelled):
        export_itineraries(demo, tmp_path / "all.pdf", workers=1, cancelled=lambda: True)
    assert not (tmp_path / "all.pdf").exists()


def test_cli_errors_write_nothing(demo, tmp_path, capsys) -> None:
    out = tmp_path / "x.pdf"
    assert (
        main(["export", "itinerary", str(demo.path), "--person", "No Such Person", "-o", str(out)])
        == 2
    )
    assert "error: no person matches" in capsys.readouterr().err
    assert main(["export", "itinerary", str(demo.path), "--person", "Chen", "-o", str(out)]) == 2
    assert "is ambiguous, it matches: #" in capsys.readouterr().err
    assert main(["export", "tour", str(demo.path), "--programme", "Atlantis", "-o", str(out)]) == 2
    assert not out.exists() and list(tmp_path.iterdir()) == []
    with pytest.raises(ValidationError):
        export_itinerary(demo, 1, out, paper="a5")
    assert not out.exists()


def test_cli_exports(demo, tmp_path) -> None:
    assert (
        main(
            [
                "export",
                "programme",
                str(demo.path),
                "-o",
                str(tmp_path / "b.pdf"),
                "--paper",
                "letter",
            ]
        )
        == 0
    )
    assert (
        main(
            [
                "export",
                "tour",
                str(demo.path),
                "--programme",
                "Pre-conference",
                "-o",
                str(tmp_path / "t.pdf"),
            ]
        )
        == 0
    )
    assert "Forbidden City" in text_of(tmp_path / "t.pdf")


def test_daylight_saving_change_during_a_stay_is_marked(plan_file, tmp_path) -> None:
    from tourplanner.services.participations import add_participation

    with plan_file.transaction() as s:
        pid = people.create_person(s, name_latin="Dana Early")
        venue = venues.create_venue(s, name_en="City Hall", timezone="America/New_York")
        prog = programmes.create_programme(
            s,
            title_en="Washington visit",
            kind="visit",
            timezone="America/New_York",
            start_date=date(2015, 3, 6),
            end_date=date(2015, 3, 10),
        )
        for day, title in ((6, "Welcome"), (7, "Before the change"), (9, "After the change")):
            items.create_item(
                s,
                programme_id=prog,
                title_en=title,
                kind="site_visit",
                venue_id=venue,
                start=datetime(2015, 3, day, 10),
                end=datetime(2015, 3, day, 11),
            )
        add_participation(s, pid, programme_id=prog)
    out = tmp_path / "dst.pdf"
    export_itinerary(plan_file, pid, out)
    # The day pages (the cover's days at a glance names the items too).
    text = " ".join(text_of(out).split("Day by day", 1)[1].split())
    # Clocks went forward on Sunday 8 March 2015 in New York: said once, before Monday's item.
    assert text.count("Clocks change") == 1
    cue = text.index("Clocks change: from here, New York time is EDT")
    assert text.index("Before the change") < cue < text.index("After the change")
    assert "clocks go forward 1 h." in text
    assert "From here:" not in text  # the person never changes zone
    assert "10:00–11:00" in text and "EST" in text and "EDT" in text


def test_batch_of_an_empty_group_is_refused_and_writes_nothing(plan_file, tmp_path) -> None:
    with plan_file.transaction() as s:
        gid = organizations.create_group(s, name="Nobody yet")
    target = tmp_path / "prints"
    target.mkdir()
    with pytest.raises(ValidationError, match="nobody to print"):
        export_itineraries(plan_file, target / "all.pdf", group_id=gid)
    with pytest.raises(ValidationError, match="nobody to print"):
        export_itineraries(plan_file, target / "folder")
    assert list(target.iterdir()) == []

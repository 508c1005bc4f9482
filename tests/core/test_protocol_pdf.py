"""The printed seating: diagram, seat list, one name card per seat laid out; written safely."""

from __future__ import annotations

from pypdf import PdfReader

from tourplanner.cli import main


def test_seating_pdf_has_names_seat_list_and_a_card_per_seat(demo_path, tmp_path, capsys) -> None:
    out = tmp_path / "banquet.pdf"
    assert main(["seating", str(demo_path), "--item", "Conference banquet", "-o", str(out)]) == 0
    pages = PdfReader(out).pages
    text = [p.extract_text() for p in pages]
    assert "Host table" in text[0] and "Sun Zhaohua" in text[0] and "孙兆华" in text[0]
    assert "ENTRANCE" in text[0]
    assert "Table 1, seat 1" in text[1] and "Sun Zhaohua" in text[1]
    seated = text[1].count("Table ")
    cards = sum(t.count("Table ") for t in text[2:])
    assert cards == seated == 21  # the booked people, each once, no card for an empty seat
    assert len(pages) == 2 + -(-seated // 2)


def test_user_text_is_not_parsed_as_markup(demo_path, tmp_path) -> None:
    from tourplanner.db import PlanFile
    from tourplanner.services import people

    with PlanFile.open(demo_path) as plan, plan.transaction() as s:
        sun = people.find_person(s, "Sun Zhaohua")
        people.update_person(s, sun.id, name_latin="Sun <b>& Co</b>")
    out = tmp_path / "signing.pdf"
    assert main(["seating", str(demo_path), "--item", "Signing ceremony", "-o", str(out)]) == 0
    assert "Sun <b>& Co</b>" in PdfReader(out).pages[1].extract_text()


def test_a_missing_folder_is_one_sentence_and_writes_nothing(demo_path, tmp_path, capsys) -> None:
    out = tmp_path / "nowhere" / "x.pdf"
    assert main(["seating", str(demo_path), "--item", "Signing ceremony", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: cannot write") and err.count("\n") == 1
    assert not out.parent.exists()


def test_each_delegates_itinerary_shows_their_seat(demo_path, tmp_path) -> None:
    out = tmp_path / "walsh.pdf"
    assert (
        main(["export", "itinerary", str(demo_path), "--person", "Jennifer Walsh", "-o", str(out)])
        == 0
    )
    text = "".join(p.extract_text() for p in PdfReader(out).pages)
    from tourplanner.db import PlanFile
    from tourplanner.services import people, protocol

    with PlanFile.open(demo_path, read_only=True) as plan, plan.reading() as s:
        walsh = people.find_person(s, "Jennifer Walsh").id
        banquet = protocol.find_item(s, "Conference banquet").id
        seat = protocol.seats_of_person(s, walsh)[banquet]
    assert seat.startswith("Table 2, seat ")  # the vegetarian table (demo: "2: vegetarian halal")
    assert f"Your seat: {seat}" in text
    assert text.count("Your seat:") == 1  # only the banquet seats her

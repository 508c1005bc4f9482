"""A person's itinerary export says, before writing, which errors the checks find in it."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from pypdf import PdfReader

from tourplanner.cli import main
from tourplanner.services import items, participations, people, programmes, travel, venues
from tourplanner.services.itinerary_checks import itinerary_errors, problems_text


def _shenzhen_keynote_without_travel(plan_file) -> None:
    with plan_file.transaction() as s:
        hall = venues.create_venue(
            s, name_en="Convention Center", city="Shenzhen", timezone="Asia/Shanghai"
        )
        venues.create_venue(s, name_en="Hotel", city="Beijing", timezone="Asia/Shanghai")
        conf = programmes.create_programme(
            s,
            title_en="Conference",
            kind="conference",
            timezone="Asia/Shanghai",
            start_date=date(2015, 4, 15),
            end_date=date(2015, 4, 17),
        )
        ann = people.create_person(s, name_latin="Ann Lee")
        people.create_person(s, name_latin="Bo Chen")
        travel.create_travel(
            s,
            person_id=ann,
            kind="flight",
            number="UA 897",
            from_place="Washington Dulles (IAD)",
            to_place="Beijing Capital (PEK)",
            start=datetime(2015, 4, 14, 12, 40),
            start_timezone="America/New_York",
            end=datetime(2015, 4, 15, 14, 35),
            end_timezone="Asia/Shanghai",
        )
        keynote = items.create_item(
            s,
            programme_id=conf,
            title_en="Keynote",
            venue_id=hall,
            start=datetime(2015, 4, 16, 9),
            end=datetime(2015, 4, 16, 10),
        )
        participations.add_participation(s, ann, item_id=keynote)


def test_cli_itinerary_names_its_errors_before_writing(plan_file, tmp_path: Path, capsys) -> None:
    _shenzhen_keynote_without_travel(plan_file)
    out = tmp_path / "ann.pdf"
    assert (
        main(["export", "itinerary", str(plan_file.path), "--person", "Ann Lee", "-o", str(out)])
        == 0
    )
    captured = capsys.readouterr()
    [line] = captured.err.splitlines()
    assert line.startswith("warning: The itinerary of Ann Lee has 1 error: Ann Lee is booked into ")
    assert "in Shenzhen, but has no travel to Shenzhen" in line
    assert (
        "wrote the itinerary of Ann Lee" in captured.out
        and "Ann Lee" in PdfReader(out).pages[0].extract_text()
    )
    # Someone with nothing wrong is exported without a word.
    assert (
        main(["export", "itinerary", str(plan_file.path), "--person", "Bo Chen", "-o", str(out)])
        == 0
    )
    assert capsys.readouterr().err == ""


def test_batch_export_warns_for_each_person_with_errors(plan_file, tmp_path: Path, capsys) -> None:
    _shenzhen_keynote_without_travel(plan_file)
    out = tmp_path / "all.pdf"
    assert main(["export", "itineraries", str(plan_file.path), "-o", str(out)]) == 0
    err = capsys.readouterr().err.splitlines()
    warnings = [line for line in err if line.startswith("warning:")]
    assert len(warnings) == 1 and "The itinerary of Ann Lee has 1 error" in warnings[0]
    assert out.exists()


def test_an_unknown_person_is_one_sentence_and_writes_nothing(
    plan_file, tmp_path: Path, capsys
) -> None:
    _shenzhen_keynote_without_travel(plan_file)
    out = tmp_path / "nobody.pdf"
    assert (
        main(["export", "itinerary", str(plan_file.path), "--person", "Nobody", "-o", str(out)])
        == 2
    )
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith("error: ") and not out.exists()


def test_problems_text_counts_and_names(plan_file) -> None:
    _shenzhen_keynote_without_travel(plan_file)
    with plan_file.reading() as s:
        ann = people.find_person(s, "Ann Lee").id
        errors = itinerary_errors(s, ann)
    assert [f.rule for f in errors] == ["not-in-city"]
    assert problems_text("Ann Lee", []) == ""
    assert problems_text("Ann Lee", errors * 2).startswith(
        "The itinerary of Ann Lee has 2 errors: "
    )

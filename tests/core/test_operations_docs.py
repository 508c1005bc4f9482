"""Transfers, badges and name cards from the demo plan: the files' content, and bad input."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from tourplanner.cli import main
from tourplanner.db import PlanFile
from tourplanner.export.operations.badges import SHEETS, vcard
from tourplanner.export.operations.names import name_lines
from tourplanner.operations_planning.transfer_groups import ARRIVAL, DEPARTURE
from tourplanner.services.badges import badge_views
from tourplanner.services.transfers import transfer_sheet
from tourplanner.timezones import to_local


def _text(pdf: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(pdf).pages)


def test_the_people_on_ca_818_are_one_arrival_group_picked_up_after_landing(demo_path) -> None:
    with PlanFile.open(demo_path, read_only=True) as plan, plan.reading() as session:
        sheet = transfer_sheet(session, directions=(ARRIVAL,), on=date(2015, 4, 15))
    (ca818,) = [g for g in sheet.groups if any(m.journey == "CA 818" for m in g.movements)]
    assert {m.journey for m in ca818.movements} == {"CA 818"}
    assert ca818.pickup_utc > ca818.last_utc
    assert f"{to_local(ca818.pickup_utc, ca818.zone):%Y-%m-%d %H:%M}" == "2015-04-15 02:40"
    assert (ca818.hub, ca818.terminal) == ("Beijing Capital International Airport (PEK)", "T3")
    assert ca818.hotel == "Shangri-La Hotel, Beijing"
    assert (ca818.travel_minutes, ca818.travel_assumed) == (60, False)  # stored in the demo
    (ua897,) = [g for g in sheet.groups if g is not ca818]
    assert ua897.seats == 15 and [v.kind for v in ua897.vehicles] == ["minibus"]
    assert "US delegation" in ua897.signs


def test_departures_leave_the_hotel_before_check_in(demo_path) -> None:
    with PlanFile.open(demo_path, read_only=True) as plan, plan.reading() as session:
        sheet = transfer_sheet(session, directions=(DEPARTURE,), on=date(2015, 4, 24))
    (group,) = sheet.groups
    assert {m.journey for m in group.movements} == {"CA 1304"}
    # CA 1304 is domestic at 08:30: at the airport by 06:30, 45 minutes of road before.
    assert f"{to_local(group.pickup_utc, group.zone):%H:%M}" == "05:45"


def test_the_transfer_spreadsheet_has_a_row_per_person_with_local_times(
    demo_path, tmp_path, capsys
) -> None:
    out = tmp_path / "transfers.xlsx"
    assert main(["export", "transfers", str(demo_path), "-o", str(out)]) == 0
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    assert header[0] == "Transfer" and "Sign" in header
    with PlanFile.open(demo_path, read_only=True) as plan, plan.reading() as session:
        assert len(body) == transfer_sheet(session).people
    red_eye = [r for r in body if r[header.index("Flight or train")] == "CA 818"]
    assert len(red_eye) == 1
    assert (
        red_eye[0][header.index("Pick-up (local)")] == "Wed 15 Apr 2015 02:40 CST (Asia/Shanghai)"
    )
    assert "transfer(s)" in capsys.readouterr().out


def test_the_transfer_pdf_names_each_group_and_its_vehicle(demo_path, tmp_path) -> None:
    out = tmp_path / "transfers.pdf"
    assert main(["export", "transfers", str(demo_path), "--arrivals", "-o", str(out)]) == 0
    text = _text(out)
    assert "Arrival 1" in text and "CA 818" in text and "minibus (15 seats)" in text
    assert "Departure 1" not in text


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--date", "2015-05-01"], "no arrivals or departures by air or rail on 2015-05-01"),
        (["--departures", "--date", "2015-04-15"], "no departures"),
        (["--date", "15/04/2015"], "is not a date"),
        (["--window", "0"], "between 1 and 720"),
    ],
)
def test_bad_transfer_input_is_a_sentence_and_writes_nothing(
    demo_path, tmp_path, capsys, args, said
) -> None:
    out = tmp_path / "transfers.xlsx"
    assert main(["export", "transfers", str(demo_path), *args, "-o", str(out)]) == 2
    assert said in capsys.readouterr().err
    assert not out.exists() and not list(tmp_path.glob(".transfers*"))


def test_badges_fill_the_label_grid_of_every_sheet(demo_path, tmp_path) -> None:
    with PlanFile.open(demo_path, read_only=True) as plan, plan.reading() as session:
        people = len(badge_views(session))
    for sheet in ("a4", "letter"):
        out = tmp_path / f"badges-{sheet}.pdf"
        assert main(["export", "badges", str(demo_path), "--sheet", sheet, "-o", str(out)]) == 0
        layout = SHEETS[sheet]
        reader = PdfReader(out)
        assert len(reader.pages) == -(-people // layout.per_page)
        size = reader.pages[0].mediabox
        assert (round(float(size.width)), round(float(size.height))) == tuple(
            round(v) for v in layout.page
        )
        # The grid lies on the page on every sheet.
        for i in range(layout.per_page):
            x, y = layout.origin(i)
            assert x >= 0 and y >= 0
            assert x + layout.width <= layout.page[0] + 0.01
            assert y + layout.height <= layout.page[1] + 0.01
        assert layout.origin(0) == layout.origin(layout.per_page)


def test_a_groups_badges_have_their_names_org_and_role(demo_path, tmp_path) -> None:
    out = tmp_path / "badges.pdf"
    args = ["export", "badges", str(demo_path), "--group", "SAFEA hosts", "-o", str(out)]
    assert main(args) == 0
    text = _text(out)
    assert "Nie Biao" in text and "OFFICIAL" in text
    assert "Sarah Mitchell" not in text


def test_the_badge_qr_vcard_holds_no_private_notes(demo_path) -> None:
    with PlanFile.open(demo_path) as plan, plan.transaction() as session:
        from tourplanner.services import people

        person = people.find_person(session, "Nie Biao")
        person.passport_visa_notes = "Passport E12345678"
        person.medical_notes = "Diabetic"
        person_id = person.id
    with PlanFile.open(demo_path, read_only=True) as plan, plan.reading() as session:
        (badge,) = [b for b in badge_views(session) if b.person_id == person_id]
    card = vcard(badge)
    assert card.startswith("BEGIN:VCARD") and "FN:Nie Biao" in card and "EMAIL" in card
    assert "E12345678" not in card and "Diabetic" not in card


def test_chinese_names_lead_in_chinese_foreign_names_in_latin() -> None:
    assert name_lines("Chen Gang", "陈刚") == ("陈刚", "Chen Gang")
    assert name_lines("Bob O'Neill", "鲍勃·奥尼尔") == ("Bob O'Neill", "鲍勃·奥尼尔")
    assert name_lines("Jennifer Walsh", "") == ("Jennifer Walsh", "")


def test_name_cards_are_one_folded_page_per_attendee(demo_path, tmp_path, capsys) -> None:
    out = tmp_path / "cards.pdf"
    assert (
        main(
            ["export", "name-cards", str(demo_path), "--item", "Conference banquet", "-o", str(out)]
        )
        == 0
    )
    count = int(capsys.readouterr().out.split()[1])
    reader = PdfReader(out)
    assert len(reader.pages) == count > 1
    first = reader.pages[0].extract_text()
    # Both halves carry the name: it is on the page twice.
    latin = [line for line in first.splitlines() if line.strip()]
    assert len(latin) >= 2 and latin.count(latin[-1]) + latin.count(latin[0]) >= 2


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["badges", "--group", "Nobody's group"], "no group matches"),
        (["name-cards", "--item", "No such item"], "no item matches"),
        (["badges", "--sheet", "a3"], "a3 is not a label sheet"),
    ],
)
def test_unknown_group_or_item_is_a_sentence_and_writes_nothing(
    demo_path, tmp_path, capsys, args, said
) -> None:
    out = tmp_path / "out.pdf"
    what, *rest = args
    assert main(["export", what, str(demo_path), *rest, "-o", str(out)]) == 2
    assert said in capsys.readouterr().err
    assert not out.exists()

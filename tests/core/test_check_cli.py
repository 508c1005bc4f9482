"""`tourplanner check`: exit 0 clean, 1 with errors, 2 when it cannot run; --json; the demo."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

from tourplanner.cli import main
from tourplanner.demo import DELIBERATE_FINDINGS, write_demo_plan
from tourplanner.services import items, participations, people, programmes


def test_demo_checks_clean_except_what_it_shows_on_purpose(tmp_path: Path, capsys) -> None:
    path = tmp_path / "demo.tourplan"
    write_demo_plan(path)
    assert main(["check", str(path), "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert {f["severity"] for f in found} == {"warning"}
    assert sorted({f["rule"] for f in found}) == ["cancelled-booking", "tentative"]
    assert (
        len(DELIBERATE_FINDINGS) == 2
    )  # tentative brownfields items; a booking on a cancelled cruise
    assert sum(f["rule"] == "tentative" for f in found) == 3


def test_errors_give_exit_1_and_rule_filter(plan_file, capsys) -> None:
    with plan_file.transaction() as s:
        prog = programmes.create_programme(
            s,
            title_en="Conference",
            kind="conference",
            timezone="Asia/Shanghai",
            start_date=date(2015, 4, 20),
            end_date=date(2015, 4, 22),
        )
        li = people.create_person(s, name_latin="Li Wei")
        for title, hour in (("Keynote", 9), ("Briefing", 9)):
            item = items.create_item(
                s,
                programme_id=prog,
                title_en=title,
                start=datetime(2015, 4, 21, hour),
                end=datetime(2015, 4, 21, hour + 1),
            )
            participations.add_participation(s, li, item_id=item)
    assert main(["check", str(plan_file.path)]) == 1
    out = capsys.readouterr().out
    assert "Errors (1):" in out and "[person-double-booked] Li Wei is in" in out
    assert main(["check", str(plan_file.path), "--rule", "tentative"]) == 0
    assert "No conflicts found." in capsys.readouterr().out


def test_unknown_rule_or_bad_file_exit_2(plan_file, tmp_path: Path, capsys) -> None:
    assert main(["check", str(plan_file.path), "--rule", "nonsense"]) == 2
    assert "error: rule: 'nonsense' is not a rule" in capsys.readouterr().err
    bad = tmp_path / "bad.tourplan"
    bad.write_text("hello")
    assert main(["check", str(bad)]) == 2

"""`tourplanner import ...` and `tourplanner export ...`: summaries, refusals (exit 2), files."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

from icalendar import Calendar
from sqlalchemy import func, select

from tourplanner.cli import main
from tourplanner.db import PlanFile
from tourplanner.models import Item, Person
from tourplanner.services import people, programmes

FIXTURES = Path(__file__).parents[1] / "fixtures" / "interchange"


def count(plan: PlanFile, model: type) -> int:
    with plan.reading() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def test_import_people_prints_a_summary(plan_file: PlanFile, capsys) -> None:
    rc = main(
        [
            "import",
            "people",
            str(plan_file.path),
            str(FIXTURES / "delegates_gb18030.csv"),
            "--group",
            "SAFEA",
        ]
    )
    out = capsys.readouterr()
    assert rc == 0
    assert out.out.strip() == "people: 4 added, 0 updated, 0 unchanged, 0 skipped"
    assert (
        main(["import", "people", str(plan_file.path), str(FIXTURES / "delegates_gb18030.csv")])
        == 0
    )
    assert "0 added, 0 updated, 4 unchanged" in capsys.readouterr().out
    assert count(plan_file, Person) == 4


def test_import_people_refusal_prints_the_report_and_exits_2(
    plan_file: PlanFile, tmp_path: Path, capsys
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("Name,Email\nAnn Lee,ann@example.org\nBob,not-an-email\n", encoding="utf-8")
    assert main(["import", "people", str(plan_file.path), str(bad)]) == 2
    err = capsys.readouterr().err
    assert "row 3: 'not-an-email' is not a valid email address" in err
    assert "error: people refused, nothing imported" in err
    assert count(plan_file, Person) == 0
    assert main(["import", "people", str(plan_file.path), str(bad), "--skip-invalid"]) == 0
    assert "1 added, 0 updated, 0 unchanged, 1 skipped" in capsys.readouterr().out
    assert count(plan_file, Person) == 1


def test_import_people_day_or_month_first(plan_file: PlanFile, tmp_path: Path, capsys) -> None:
    sheet = tmp_path / "arrivals.csv"
    sheet.write_text("Name;Arrival\nAnn Lee;02/03/2015 10:00\n", encoding="utf-8")
    assert main(["import", "people", str(plan_file.path), str(sheet)]) == 2
    assert "choose day-first or month-first" in capsys.readouterr().err
    assert main(["import", "people", str(plan_file.path), str(sheet), "--month-first"]) == 0
    with plan_file.reading() as s:
        assert people.find_person(s, "Ann Lee").notes == "Arrival: 2015-02-03 10:00"


def test_bad_files_give_one_error_line(plan_file: PlanFile, tmp_path: Path, capsys) -> None:
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"PK\x03\x04 not really")
    assert main(["import", "people", str(plan_file.path), str(junk)]) == 2
    assert capsys.readouterr().err.startswith("error: junk.xlsx is not an .xlsx workbook")
    assert main(["import", "people", str(plan_file.path), str(tmp_path / "missing.csv")]) == 2
    assert "cannot read" in capsys.readouterr().err


def _programme(plan: PlanFile) -> None:
    with plan.transaction() as s:
        programmes.create_programme(
            s,
            title_en="Travel",
            kind="visit",
            start_date=date(2015, 4, 16),
            end_date=date(2015, 4, 30),
            timezone="Asia/Shanghai",
        )


def test_import_and_export_ics(plan_file: PlanFile, tmp_path: Path, capsys) -> None:
    _programme(plan_file)
    path = str(plan_file.path)
    assert (
        main(
            [
                "import",
                "ics",
                path,
                str(FIXTURES / "united_iad_pek.ics"),
                "--programme",
                "Travel",
                "--dry-run",
            ]
        )
        == 0
    )
    assert "would be 3 added" in capsys.readouterr().out
    assert count(plan_file, Item) == 0
    assert (
        main(["import", "ics", path, str(FIXTURES / "united_iad_pek.ics"), "--programme", "Travel"])
        == 0
    )
    assert count(plan_file, Item) == 3
    out = tmp_path / "travel.ics"
    assert main(["export", "ics", path, "--programme", "Travel", "-o", str(out)]) == 0
    assert "wrote 3 events" in capsys.readouterr().out
    assert len(list(Calendar.from_ical(out.read_bytes()).walk("VEVENT"))) == 3


def test_import_ics_refused_exits_2_with_nothing_written(
    plan_file: PlanFile, tmp_path: Path, capsys
) -> None:
    _programme(plan_file)
    bad = tmp_path / "bad.ics"
    bad.write_bytes(
        FIXTURES.joinpath("united_iad_pek.ics")
        .read_bytes()
        .replace(b"END:VEVENT\r\nBEGIN:VEVENT", b"BEGIN:VEVENT", 1)
    )
    assert main(["import", "ics", str(plan_file.path), str(bad), "--programme", "Travel"]) == 2
    assert "error: line" in capsys.readouterr().err
    assert count(plan_file, Item) == 0
    assert main(["import", "ics", str(plan_file.path), str(bad), "--programme", "Nope"]) == 2


def test_import_and_export_schedule(plan_file: PlanFile, tmp_path: Path, capsys) -> None:
    path = str(plan_file.path)
    assert main(["import", "schedule", path, str(FIXTURES / "smart_cities_schedule.json")]) == 0
    assert (
        capsys.readouterr().out.strip()
        == "schedule events: 8 added, 0 updated, 0 unchanged, 0 skipped"
    )
    for suffix in (".xml", ".json"):
        out = tmp_path / f"schedule{suffix}"
        assert (
            main(["export", "schedule", path, "--programme", "Smart Cities", "-o", str(out)]) == 0
        )
        assert "wrote 8 events" in capsys.readouterr().out
    assert (
        len(json.loads((tmp_path / "schedule.json").read_text())["schedule"]["conference"]["days"])
        == 3
    )
    assert (
        main(
            [
                "export",
                "schedule",
                path,
                "--programme",
                "Smart Cities",
                "-o",
                str(tmp_path / "s.txt"),
            ]
        )
        == 2
    )
    assert "choose a .xml or .json" in capsys.readouterr().err


def test_export_people_csv_and_person_ics(plan_file: PlanFile, tmp_path: Path, capsys) -> None:
    path = str(plan_file.path)
    main(["import", "people", path, str(FIXTURES / "delegates_gb18030.csv")])
    capsys.readouterr()
    out = tmp_path / "roster.csv"
    assert main(["export", "people", path, "--group", "外专局代表团", "-o", str(out)]) == 0
    assert "wrote 2 people" in capsys.readouterr().out
    rows = list(csv.reader(io.StringIO(out.read_text("utf-8-sig"))))
    assert [r[0] for r in rows[1:]] == ["Li Wei", "Wang Fang"]
    ics = tmp_path / "li.ics"
    assert main(["export", "ics", path, "--person", "Li Wei", "-o", str(ics)]) == 0
    assert "wrote 0 events" in capsys.readouterr().out
    assert main(["export", "ics", path, "-o", str(tmp_path / "all.ics")]) == 0

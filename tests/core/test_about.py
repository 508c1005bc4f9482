"""One version in one place (the package metadata), shown wherever TourPlanner names itself."""

from __future__ import annotations

import re
import sqlite3
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from pypdf import PdfReader

import tourplanner
from tourplanner import about
from tourplanner.cli import main
from tourplanner.db import PlanFile
from tourplanner.db.stamp import APPLICATION_ID, decode, encode, made_by
from tourplanner.services import people, plans

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"


def pyproject_version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]


def test_the_version_is_the_package_metadata_and_pyproject_states_it() -> None:
    assert about.version() == metadata.version("tourplanner") == pyproject_version()
    assert tourplanner.__version__ == about.version()
    assert about.made_with() == f"TourPlanner {pyproject_version()}"


def test_no_module_writes_a_version_of_its_own() -> None:
    # The one place is pyproject.toml: a `__version__ = "0.1.0"` elsewhere would drift.
    assignment = re.compile(r"""version\w*\s*=\s*["']\d+\.\d""", re.IGNORECASE)
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "tourplanner").rglob("*.py")
        if assignment.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
    assert assignment.search('__version__ = "0.1.0"')  # the pattern finds the old way


def test_version_option_prints_it(capsys) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"tourplanner {pyproject_version()}"


def test_the_licences_name_their_texts_which_ship_in_the_package() -> None:
    found = about.licences()
    assert found[0].component == "TourPlanner" and found[0].licence == "LicenseRef-Proprietary"
    for licence in found[1:]:
        assert licence.text is not None and licence.text.is_file(), licence
        assert "tourplanner" in licence.text.parts and "resources" in licence.text.parts
    assert {lic.licence for lic in found} >= {"Apache-2.0"}


def test_a_new_plan_file_is_stamped_with_the_version_that_made_it(tmp_path: Path) -> None:
    path = tmp_path / "new.tourplan"
    with PlanFile.create(path) as plan:
        assert made_by(plan.engine) == about.made_with()
        with plan.transaction() as s:
            plans.create_plan(s, title="Stamped", home_timezone="Asia/Shanghai")
            people.create_person(s, name_latin="Li Wei")
        plan.save_copy(tmp_path / "copy.tourplan")
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert decode(conn.execute("PRAGMA user_version").fetchone()[0]) == about.version()
    finally:
        conn.close()
    with PlanFile.open(tmp_path / "copy.tourplan") as copy:  # the backup API keeps the stamp
        assert made_by(copy.engine) == about.made_with()


def test_a_file_made_before_stamps_says_so_and_an_upgrade_does_not_claim_it(
    tmp_path: Path, capsys
) -> None:
    path = tmp_path / "old.tourplan"
    path.write_bytes((FIXTURES / "plan-0001.tourplan").read_bytes())
    with PlanFile.open(path) as plan:  # upgraded to the newest schema
        assert made_by(plan.engine) is None
    assert main(["info", str(path)]) == 0
    assert "made by: TourPlanner 0.1 (before files were stamped)" in capsys.readouterr().out


def test_info_names_the_version_that_made_the_plan(plan_file, engine, capsys) -> None:
    if engine == "postgresql":  # the stamp is in a plan file's header: a team plan has none
        assert main(["info", str(plan_file.path)]) == 0
        assert "made by: not recorded (a team plan)" in capsys.readouterr().out
        return
    assert main(["info", str(plan_file.path)]) == 0
    assert f"made by: {about.made_with()}" in capsys.readouterr().out
    assert main(["info", str(plan_file.path), "--json"]) == 0
    assert f'"made_by": "{about.made_with()}"' in capsys.readouterr().out


@pytest.mark.parametrize(
    ("text", "number"), [("0.2.0", 2000), ("1.0", 1_000_000), ("2.15.3.dev1", 2_015_003)]
)
def test_stamp_encoding(text: str, number: int) -> None:
    assert encode(text) == number
    assert decode(number) == ".".join((text.split(".dev")[0].split(".") + ["0"])[:3])


def test_a_version_too_large_for_the_stamp_is_refused() -> None:
    with pytest.raises(ValueError, match="does not fit"):
        encode("1.1000.0")


def test_printed_documents_name_the_version(plan_file, tmp_path: Path) -> None:
    from tourplanner.export.pdf import export_itinerary

    with plan_file.transaction() as s:
        person = people.create_person(s, name_latin="Bob O'Neill")
    out = tmp_path / "bob.pdf"
    export_itinerary(plan_file, person, out)
    reader = PdfReader(out)
    assert f"· TourPlanner {about.version()}" in reader.pages[-1].extract_text()
    assert reader.metadata.creator == about.made_with()

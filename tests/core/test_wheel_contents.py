"""The sdist and the wheel carry everything the installed app reads: built once per test run.

`python -m build` makes the sdist, then the wheel from the unpacked sdist, so a file missing from
the sdist is missing from the wheel too and fails here.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from tourplanner import about

ROOT = Path(__file__).resolve().parents[2]
VERSION = about.version()
DIST_INFO = f"tourplanner-{VERSION}.dist-info"


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> tuple[Path, Path]:
    out = tmp_path_factory.mktemp("dist")
    # The isolated build environment has Babel (a build requirement) but not Qt: the .qm is
    # compiled with the pyside6-lrelease on PATH, as on a machine set up by bootstrap.
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    result = subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    (wheel,) = out.glob("tourplanner-*.whl")
    (sdist,) = out.glob("tourplanner-*.tar.gz")
    return wheel, sdist


@pytest.fixture(scope="session")
def wheel_files(built) -> set[str]:
    with zipfile.ZipFile(built[0]) as wheel:
        return set(wheel.namelist())


@pytest.fixture(scope="session")
def sdist_files(built) -> set[str]:
    with tarfile.open(built[1]) as sdist:
        prefix = f"tourplanner-{VERSION}/"
        return {m.name.removeprefix(prefix) for m in sdist.getmembers() if m.isfile()}


def source_files(folder: str, pattern: str = "*") -> set[str]:
    """The files the source tree holds under `folder` (what must ship)."""
    return {
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / folder).rglob(pattern)
        if p.is_file() and "__pycache__" not in p.parts
    }


def test_the_wheel_is_named_for_the_one_version(built) -> None:
    assert built[0].name == f"tourplanner-{VERSION}-py3-none-any.whl"
    assert built[1].name == f"tourplanner-{VERSION}.tar.gz"


def test_every_resource_is_in_the_wheel_and_the_sdist(wheel_files, sdist_files) -> None:
    resources = source_files("tourplanner/resources")
    assert len(resources) > 50  # fonts, icons, desktop files
    assert resources - wheel_files == set()
    written = {r for r in resources if not r.endswith((".mo", ".qm"))}
    assert written - sdist_files == set()


COMPILED = "tourplanner/resources/locale/zh_CN/LC_MESSAGES/tourplanner"
QT = "tourplanner/resources/locale/tourplanner_zh_CN"


def test_the_sdist_has_the_translations_as_written_and_the_wheel_compiled(
    wheel_files, sdist_files
) -> None:
    assert {f"{COMPILED}.po", f"{QT}.ts", "setup.py"} <= sdist_files
    assert not {f"{COMPILED}.mo", f"{QT}.qm"} & sdist_files  # compiled when the wheel is built
    assert {f"{COMPILED}.mo", f"{QT}.qm"} <= wheel_files


def test_the_wheels_catalog_is_the_chinese_one(built) -> None:
    import gettext
    import io

    with zipfile.ZipFile(built[0]) as wheel:
        catalog = gettext.GNUTranslations(io.BytesIO(wheel.read(f"{COMPILED}.mo")))
    assert catalog.gettext("No conflicts found.") != "No conflicts found."


def test_fonts_icons_and_desktop_files_are_in_the_wheel(wheel_files) -> None:
    expected = {
        "tourplanner/resources/fonts/DejaVuSans.ttf",
        "tourplanner/resources/fonts/DroidSansFallbackFull.ttf",
        "tourplanner/resources/icons/tourplanner.svg",
        "tourplanner/resources/icons/mdi/printer-outline.svg",
        "tourplanner/resources/desktop/io.github.tourplanner.TourPlanner.desktop",
        "tourplanner/resources/desktop/io.github.tourplanner.TourPlanner.metainfo.xml",
        "tourplanner/resources/desktop/io.github.tourplanner.TourPlanner.xml",
        "tourplanner/resources/desktop/icons/hicolor/256x256/apps/"
        "io.github.tourplanner.TourPlanner.png",
    }
    assert expected - wheel_files == set()
    assert not any(name.startswith("resources/") for name in wheel_files)  # not top-level


def test_the_licences_are_in_the_wheels_metadata(wheel_files) -> None:
    licences = {
        f"{DIST_INFO}/licenses/LICENSE",
        f"{DIST_INFO}/licenses/tourplanner/resources/fonts/LICENSE-DejaVu.txt",
        f"{DIST_INFO}/licenses/tourplanner/resources/fonts/LICENSE-DroidSansFallback.txt",
        f"{DIST_INFO}/licenses/tourplanner/resources/icons/mdi/LICENSE.txt",
    }
    assert licences - wheel_files == set()


def test_every_migration_and_module_is_in_the_wheel(wheel_files) -> None:
    migrations = source_files("tourplanner/db/migrations")
    assert any("/versions/0001_" in m for m in migrations)
    assert migrations - wheel_files == set()
    assert source_files("tourplanner", "*.py") - wheel_files == set()


def test_the_command_and_the_metadata(built) -> None:
    with zipfile.ZipFile(built[0]) as wheel:
        entry_points = wheel.read(f"{DIST_INFO}/entry_points.txt").decode()
        meta = wheel.read(f"{DIST_INFO}/METADATA").decode()
    assert "tourplanner = tourplanner.cli:entry" in entry_points
    assert f"Version: {VERSION}\n" in meta
    assert "License-Expression: LicenseRef-Proprietary" in meta


def test_the_sdist_has_the_changelog_licence_and_tests(sdist_files) -> None:
    assert {"LICENSE", "CHANGELOG.md", "README.md", "pyproject.toml"} <= sdist_files
    assert "tests/fixtures/plan-0001.tourplan" in sdist_files

"""Desktop integration on Linux: the shipped files validate, and --install-desktop installs them."""

from __future__ import annotations

import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tourplanner import desktop
from tourplanner.cli import main
from tourplanner.errors import TourPlannerError

SHIPPED = desktop.desktop_dir()
LAUNCHER = SHIPPED / f"{desktop.APP_ID}.desktop"
METAINFO = SHIPPED / f"{desktop.APP_ID}.metainfo.xml"
MIME = SHIPPED / f"{desktop.APP_ID}.xml"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(args, capture_output=True, text=True)


def test_the_launcher_validates() -> None:
    result = run("desktop-file-validate", str(LAUNCHER))
    assert result.returncode == 0 and result.stdout == "", result.stdout + result.stderr


def test_the_metainfo_validates() -> None:
    result = run("appstreamcli", "validate", "--no-net", str(METAINFO))
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_broken_launcher_fails_validation(tmp_path: Path) -> None:
    # The validator is really run: a launcher without its required Type is refused.
    broken = tmp_path / "broken.desktop"
    broken.write_text(LAUNCHER.read_text().replace("Type=Application\n", ""))
    assert run("desktop-file-validate", str(broken)).returncode != 0


def test_the_mime_type_claims_tourplan_files_and_the_launcher_opens_them() -> None:
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    kind = ET.parse(MIME).getroot().find("m:mime-type", ns)
    assert kind.get("type") == desktop.MIME_TYPE
    assert [g.get("pattern") for g in kind.findall("m:glob", ns)] == ["*.tourplan"]
    assert f"MimeType={desktop.MIME_TYPE};" in LAUNCHER.read_text().splitlines()
    assert desktop.MIME_TYPE in METAINFO.read_text()


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("size", desktop.HICOLOR_SIZES)
def test_the_icon_ships_in_each_hicolor_size(size: int) -> None:
    path = desktop.hicolor_dir() / f"{size}x{size}" / "apps" / f"{desktop.APP_ID}.png"
    assert png_size(path) == (size, size)


def test_install_puts_every_file_in_place_and_points_at_this_installation(tmp_path: Path) -> None:
    home = tmp_path / "share"
    command = ["/opt/Tour Planner/tourplanner"]
    files = desktop.install(home, command=command)
    installed = home / "applications" / f"{desktop.APP_ID}.desktop"
    assert installed in files and all(f.is_file() for f in files)
    assert (home / "mime" / "packages" / f"{desktop.APP_ID}.xml").is_file()
    assert (home / "metainfo" / f"{desktop.APP_ID}.metainfo.xml").is_file()
    assert (home / "icons/hicolor/scalable/apps" / f"{desktop.APP_ID}.svg").is_file()
    assert (home / "icons/hicolor/48x48/apps" / f"{desktop.APP_ID}.png").is_file()
    lines = installed.read_text().splitlines()
    assert 'Exec="/opt/Tour Planner/tourplanner" %f' in lines
    assert "TryExec=/opt/Tour Planner/tourplanner" in lines
    assert run("desktop-file-validate", str(installed)).returncode == 0
    # update-mime-database ran: the user's MIME database now knows the .tourplan type.
    globs = (home / "mime" / "globs2").read_text()
    assert f"{desktop.MIME_TYPE}:*.tourplan" in globs
    # update-desktop-database ran: the launcher is the handler of the type.
    assert (
        f"{desktop.MIME_TYPE}={desktop.APP_ID}.desktop"
        in (home / "applications" / "mimeinfo.cache").read_text()
    )
    assert not list(home.rglob(".*.part"))


def test_uninstall_removes_what_install_added_and_nothing_else(tmp_path: Path) -> None:
    home = tmp_path / "share"
    other = home / "applications" / "other.desktop"
    other.parent.mkdir(parents=True)
    other.write_text("[Desktop Entry]\n")
    files = desktop.install(home, command=["/usr/bin/tourplanner"])
    assert sorted(desktop.uninstall(home)) == files
    assert not any(f.exists() for f in files) and other.is_file()
    assert desktop.uninstall(home) == []


def test_the_command_installs_for_this_user(monkeypatch, tmp_path: Path, capsys) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    monkeypatch.setattr(sys, "argv", [str(Path(sys.executable).parent / "tourplanner")])
    assert main(["--install-desktop"]) == 0
    installed = tmp_path / "share" / "applications" / f"{desktop.APP_ID}.desktop"
    assert str(installed) in capsys.readouterr().out.splitlines()
    exec_line = next(li for li in installed.read_text().splitlines() if li.startswith("Exec="))
    assert exec_line == f"Exec={Path(sys.executable).parent.resolve() / 'tourplanner'} %f"
    assert main(["--uninstall-desktop"]) == 0
    assert not installed.exists()


def test_run_as_a_module_the_launcher_runs_the_module(monkeypatch) -> None:
    monkeypatch.setattr(sys, "argv", ["/somewhere/tourplanner/__main__.py"])
    assert desktop.launcher_command() == [str(Path(sys.executable).resolve()), "-m", "tourplanner"]


def test_other_systems_are_told_in_a_sentence(monkeypatch, tmp_path: Path, capsys) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    with pytest.raises(TourPlannerError, match="on Linux only"):
        desktop.install(tmp_path)
    assert main(["--install-desktop"]) == 2
    assert capsys.readouterr().err.startswith("error: desktop integration")
    assert not any(tmp_path.iterdir())


def test_the_metainfo_and_the_changelog_name_this_version_first() -> None:
    from tourplanner.about import version

    releases = ET.parse(METAINFO).getroot().find("releases")
    assert releases[0].get("version") == version()
    changelog = (Path(__file__).resolve().parents[2] / "CHANGELOG.md").read_text()
    first = next(line for line in changelog.splitlines() if line.startswith("## [0"))
    assert first.startswith(f"## [{version()}]")

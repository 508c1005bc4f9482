"""Desktop integration on Linux: the launcher, the app's metadata, its icons and the .tourplan type.

`tourplanner --install-desktop` copies them into the user's XDG data folder (per user, no root),
with the launcher pointing at the `tourplanner` that ran the command, so a double-clicked plan
opens in this very installation.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from platformdirs import user_data_path

from tourplanner.errors import TourPlannerError
from tourplanner.i18n import _
from tourplanner.paths import resource

APP_ID = "io.github.tourplanner.TourPlanner"
MIME_TYPE = "application/x-tourplanner"
HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def desktop_dir() -> Path:
    """The desktop files shipped in the package."""
    return resource("desktop")


def hicolor_dir() -> Path:
    """The app icon rendered in the hicolor theme's sizes (scripts/render_icons.py)."""
    return desktop_dir() / "icons" / "hicolor"


def launcher_command() -> list[str]:
    """How to start this installation: the bundle's binary, the `tourplanner` script, or -m."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    script = Path(sys.argv[0])
    if script.name.startswith("tourplanner") and script.suffix in ("", ".exe"):
        found = shutil.which(str(script))
        if found:
            return [str(Path(found).resolve())]
    return [str(Path(sys.executable).resolve()), "-m", "tourplanner"]


def _quote(arg: str) -> str:
    # The Desktop Entry spec: an argument with reserved characters goes in double quotes, with
    # `"`, `` ` ``, `$` and `\` escaped by a backslash (and the backslash doubled once more in a
    # key value string, as `\\`).
    if not any(c in arg for c in " \t\n\"'\\><~|&;$*?#()`"):
        return arg.replace("%", "%%")
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in arg).replace("%", "%%")
    return '"' + escaped.replace("\\", "\\\\") + '"'


def launcher_text(command: list[str]) -> str:
    """The shipped .desktop file with Exec (and TryExec) pointing at `command`."""
    lines = []
    for line in (desktop_dir() / f"{APP_ID}.desktop").read_text(encoding="utf-8").splitlines():
        if line.startswith("Exec="):
            line = "Exec=" + " ".join(_quote(a) for a in command) + " %f"
            lines.append(f"TryExec={command[0]}")
        lines.append(line)
    return "\n".join(lines) + "\n"


def _targets(data_home: Path) -> dict[Path, bytes | Path]:
    """Each file to install and what goes into it (bytes, or a shipped file to copy)."""
    targets: dict[Path, bytes | Path] = {
        data_home / "metainfo" / f"{APP_ID}.metainfo.xml": desktop_dir() / f"{APP_ID}.metainfo.xml",
        data_home / "mime" / "packages" / f"{APP_ID}.xml": desktop_dir() / f"{APP_ID}.xml",
        data_home / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg": resource(
            "icons", "tourplanner.svg"
        ),
    }
    for size in HICOLOR_SIZES:
        sub = Path(f"{size}x{size}") / "apps" / f"{APP_ID}.png"
        targets[data_home / "icons" / "hicolor" / sub] = hicolor_dir() / sub
    return targets


def default_data_home() -> Path:
    """$XDG_DATA_HOME, else ~/.local/share."""
    return user_data_path()


def install(data_home: Path | None = None, *, command: list[str] | None = None) -> list[Path]:
    """Install the launcher, metadata, icons and MIME type for this user; returns the files."""
    _require_linux()
    data_home = data_home or default_data_home()
    launcher = data_home / "applications" / f"{APP_ID}.desktop"
    files: dict[Path, bytes | Path] = {
        launcher: launcher_text(command or launcher_command()).encode("utf-8"),
        **_targets(data_home),
    }
    for target, source in files.items():
        target.parent.mkdir(parents=True, exist_ok=True)
        data = source if isinstance(source, bytes) else source.read_bytes()
        temporary = target.with_name(f".{target.name}.part")
        temporary.write_bytes(data)
        os.replace(temporary, target)
    _refresh_caches(data_home)
    return sorted(files)


def uninstall(data_home: Path | None = None) -> list[Path]:
    """Remove what `install` put there; returns the files removed."""
    _require_linux()
    data_home = data_home or default_data_home()
    candidates = [data_home / "applications" / f"{APP_ID}.desktop", *_targets(data_home)]
    removed = [path for path in candidates if path.exists()]
    for path in removed:
        path.unlink()
    _refresh_caches(data_home)
    return removed


def _require_linux() -> None:
    if not sys.platform.startswith("linux"):
        raise TourPlannerError(
            _(
                "desktop integration is installed this way on Linux only; on Windows and macOS the installer or the app bundle registers TourPlanner"
            )
        )


def _refresh_caches(data_home: Path) -> None:
    # The MIME database and the launchers' MIME cache are rebuilt by freedesktop's own tools;
    # without them (a minimal system) the files are still in place for the next login.
    for tool, folder in (
        ("update-mime-database", data_home / "mime"),
        ("update-desktop-database", data_home / "applications"),
    ):
        if shutil.which(tool) and folder.is_dir():
            subprocess.run([tool, str(folder)], check=False, capture_output=True)

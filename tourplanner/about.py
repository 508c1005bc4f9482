"""The app's facts: its one version (from the package metadata), its log file, its licences.

Read by `--version`, Help > About, error dialogs, document footers and the plan file's stamp, so
the version is written in one place only: `version` in pyproject.toml.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path

from tourplanner.paths import resource

DISTRIBUTION = "tourplanner"
# A tree that was never installed has no metadata; say so rather than guess a number.
UNKNOWN_VERSION = "0+unknown"


@cache
def version() -> str:
    """TourPlanner's version, e.g. "0.2.0", as the installed package metadata states it."""
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return UNKNOWN_VERSION


def made_with() -> str:
    """The words documents and plan files carry: "TourPlanner 0.2.0"."""
    return f"TourPlanner {version()}"


@dataclass(frozen=True)
class Licence:
    """One part of the app and the licence it is shipped under."""

    component: str
    licence: str  # an SPDX expression
    text: Path | None  # the licence's text on disk, where the app ships it


def project_licence() -> str:
    """TourPlanner's own licence (SPDX), as the package metadata states it."""
    try:
        meta = metadata.metadata(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return "see LICENSE"
    for field in ("License-Expression", "License"):
        found = meta.get_all(field) or []
        if found:
            return str(found[0])
    return "see LICENSE"


def licences() -> tuple[Licence, ...]:
    """TourPlanner's own licence and those of the fonts and icons it bundles."""
    return (
        Licence("TourPlanner", project_licence(), None),
        Licence(
            "DejaVu Sans (fonts)",
            "Bitstream-Vera AND LicenseRef-DejaVu-public-domain",
            resource("fonts", "LICENSE-DejaVu.txt"),
        ),
        Licence(
            "Droid Sans Fallback (font)",
            "Apache-2.0",
            resource("fonts", "LICENSE-DroidSansFallback.txt"),
        ),
        Licence(
            "Material Design Icons 7.4.47 (icons)",
            "Apache-2.0",
            resource("icons", "mdi", "LICENSE.txt"),
        ),
    )


def log_file() -> Path:
    """Where the app writes its warnings and errors (named in Help > About and error dialogs)."""
    from tourplanner.logs import log_file as _log_file

    return _log_file()

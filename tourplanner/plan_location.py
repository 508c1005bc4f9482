"""Where a plan is: a plan file's path, or a team database's URL (kept exactly as written).

Kept apart from `tourplanner.db` so the command line and the app's first window can read a
plan argument without loading the database layer.
"""

from __future__ import annotations

from pathlib import Path

SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")


def is_team_location(location: object) -> bool:
    """Whether a plan location names a team database rather than a plan file."""
    text = str(location)
    return any(text.startswith(f"{scheme}://") for scheme in SCHEMES)


def plan_location(text: str) -> Path | str:
    """A plan argument: a `postgresql://` URL stays text (a Path would fold its `//`)."""
    return text if is_team_location(text) else Path(text)

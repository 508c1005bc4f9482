"""Where a plan is: a plan file's path, or a team database's URL (kept exactly as written)."""

from __future__ import annotations

from pathlib import Path

from tourplanner.db.postgresql import is_team_location


def plan_location(text: str) -> Path | str:
    """A plan argument: a `postgresql://` URL stays text (a Path would fold its `//`)."""
    return text if is_team_location(text) else Path(text)


def open_plan(location: Path | str, *, read_only: bool = False):  # noqa: ANN201 - either kind
    """Open a plan file or a team plan, whichever `location` names."""
    if is_team_location(location):
        from tourplanner.db.teamplan import TeamPlan

        return TeamPlan.open(str(location), read_only=read_only)
    from tourplanner.db.planfile import PlanFile

    return PlanFile.open(location, read_only=read_only)

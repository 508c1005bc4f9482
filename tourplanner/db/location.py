"""Where a plan is: a plan file's path, or a team database's URL (kept exactly as written)."""

from __future__ import annotations

from pathlib import Path

from tourplanner.plan_location import is_team_location, plan_location

__all__ = ["open_plan", "plan_location"]


def open_plan(location: Path | str, *, read_only: bool = False):  # noqa: ANN201 - either kind
    """Open a plan file or a team plan, whichever `location` names."""
    if is_team_location(location):
        from tourplanner.db.teamplan import TeamPlan

        return TeamPlan.open(str(location), read_only=read_only)
    from tourplanner.db.planfile import PlanFile

    return PlanFile.open(location, read_only=read_only)

"""`publish`: a plan file copied into an empty team database, every id and uid kept."""

from __future__ import annotations

from pathlib import Path

from tourplanner.db.planfile import PlanFile
from tourplanner.db.teamplan import TeamPlan
from tourplanner.team import roles
from tourplanner.team.copy import copy_rows


def publish(plan_path: Path, url: str) -> dict[str, int]:
    """Lay out the schema in the empty database at `url` and copy the plan into it, in one
    transaction; the rows copied per table."""
    with PlanFile.open(plan_path, read_only=True) as source:
        team = TeamPlan.create(url)
        try:
            with source.engine.connect() as read, team.engine.begin() as write:
                counts = copy_rows(read, write)
                roles.set_up(write)  # owner, editor, viewer: docs/team.md
                return counts
        finally:
            team.close()

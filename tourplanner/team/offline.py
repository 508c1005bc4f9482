"""A team plan copied into a plan file: for Save a Copy, backups, and taking it offline."""

from __future__ import annotations

from pathlib import Path

from tourplanner.db.planfile import PlanFile
from tourplanner.db.teamplan import TeamPlan
from tourplanner.errors import PlanFileError
from tourplanner.team.copy import copy_rows


def copy_into_file(team: TeamPlan, target: Path) -> dict[str, int]:
    """Write the team plan as it is now into a new plan file at `target` (never over one)."""
    if target.exists():
        raise PlanFileError(f"{target} already exists; choose another name")
    copy = PlanFile.create(target)
    try:
        # One repeatable-read snapshot: every table as of the same moment.
        with (
            team.engine.connect().execution_options(isolation_level="REPEATABLE READ") as read,
            copy.engine.connect() as write,
            read.begin(),
            write.begin(),
        ):
            counts = copy_rows(read, write)
    except BaseException:
        copy.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        raise
    copy.close()
    return counts

"""The plan-opening facade: what the UI may know of plan files without the database layer.

`ui/` imports plan files from here only (an import-linter contract keeps it so); the engine,
sessions and migrations stay behind `PlanFile`'s methods, and the lock and the backups behind
these few functions.
"""

from tourplanner.db import PLAN_SUFFIX, PlanFile
from tourplanner.db.backups import backup_list, before_import, maybe_backup, restore
from tourplanner.db.lock import break_lock
from tourplanner.db.teamplan import TeamPlan
from tourplanner.errors import PlanLockedError
from tourplanner.team.credentials import remember as remember_password
from tourplanner.team.listener import ChangeListener, ConnectionLost

__all__ = [
    "ChangeListener",
    "ConnectionLost",
    "PLAN_SUFFIX",
    "PlanFile",
    "PlanLockedError",
    "TeamPlan",
    "backup_list",
    "before_import",
    "break_lock",
    "maybe_backup",
    "remember_password",
    "restore",
]

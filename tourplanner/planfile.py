"""The plan-opening facade: what the UI may know of plan files without the database layer.

`ui/` imports plan files from here only (an import-linter contract keeps it so); the engine,
sessions and migrations stay behind `PlanFile`'s methods.
"""

from tourplanner.db import PLAN_SUFFIX, PlanFile

__all__ = ["PLAN_SUFFIX", "PlanFile"]

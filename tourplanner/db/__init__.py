"""Plan files: engine, sessions, creation, opening, migration and backup."""

from tourplanner.db.planfile import PLAN_SUFFIX, PlanFile

__all__ = ["PLAN_SUFFIX", "PlanFile"]

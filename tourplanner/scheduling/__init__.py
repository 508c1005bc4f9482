"""Scheduling logic: recurrence and the conflict checks. Pure Python: no database, no Qt.

`checker.ConflictIndex` runs the checks over a `snapshot.PlanSnapshot` of plain records and
keeps them up to date after edits; `findings.Finding` is what they report; `rules.RULES` names
them. `tourplanner.services.conflicts` loads a snapshot from a plan file.
"""

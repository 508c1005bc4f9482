"""Scheduling logic: recurrence and the conflict checks. Pure Python: no database, no Qt.

`index.ConflictIndex` runs the checks over a `snapshot.PlanSnapshot` of plain records and
keeps them up to date after edits; the rules themselves are pure functions in `rules/`, named
by `rules.RULES`; `findings.Finding` is what they report. `tourplanner.services.conflicts`
loads a snapshot from a plan file.
"""

"""Scheduling logic: recurrence now, conflict checks later. Pure Python: no database, no Qt."""

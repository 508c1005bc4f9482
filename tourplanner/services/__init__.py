"""Use cases: plain functions taking a session and plain arguments.

The caller (UI operation, CLI command, worker) opens one transaction per user operation with
`PlanFile.transaction()` and passes its session in.
"""

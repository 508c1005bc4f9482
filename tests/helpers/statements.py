"""The SQL a plan's engine sends while a function runs: each statement with its parameters."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import event

from tourplanner.db import PlanFile


def statements_during(plan: PlanFile, fn: Callable[[], object]) -> list[tuple[str, Any]]:
    """Every statement (and its parameters) sent to the database while `fn` runs."""
    seen: list[tuple[str, Any]] = []

    def record(_conn, _cursor, statement, parameters, *_args) -> None:  # noqa: ANN001
        seen.append((statement, parameters))

    event.listen(plan.engine, "before_cursor_execute", record)
    try:
        fn()
    finally:
        event.remove(plan.engine, "before_cursor_execute", record)
    return seen


def verbs_during(plan: PlanFile, fn: Callable[[], object]) -> list[str]:
    """The first word of each statement sent while `fn` runs (SELECT, INSERT, SAVEPOINT...)."""
    return [sql.split(None, 1)[0].upper() for sql, _ in statements_during(plan, fn)]

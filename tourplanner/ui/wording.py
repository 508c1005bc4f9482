"""How the app counts things in its messages and undo steps (the core's one helper)."""

from __future__ import annotations

from tourplanner.wording import count


def counted(n: int, one: str, many: str) -> str:
    """'1 person', '3 people'."""
    return count(n, one, many)

"""How the app counts things in its messages and undo steps."""

from __future__ import annotations


def counted(n: int, one: str, many: str) -> str:
    """'1 person', '3 people'."""
    return f"{n} {one if n == 1 else many}"

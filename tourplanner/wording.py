"""How TourPlanner counts things in its messages, in the UI, the CLI and the documents.

One function, so a later translation replaces it with gettext's ngettext in one place.
"""

from __future__ import annotations


def count(n: int, one: str, many: str) -> str:
    """'1 programme', '2 programmes', '0 items': the number with the right form of the noun."""
    return f"{n} {one if n == 1 else many}"

"""The findings of every scope, and all of them in listing order, kept up to date scope by scope."""

from __future__ import annotations

from bisect import bisect_left, insort

from tourplanner.scheduling.findings import Finding, order_key
from tourplanner.scheduling.rules.view import Timed

Scope = tuple[str, object]  # ("person", id), ("room", id or ("venue", id)), ("item", id), ...
Entry = tuple[tuple, Finding]  # order_key, finding


def _entry_key(entry: Entry) -> tuple:
    return entry[0]


class ScopedFindings:
    """Findings by scope; `store` replaces one scope's, `findings` lists them all in order."""

    def __init__(self) -> None:
        self.scopes: dict[Scope, list[Entry]] = {}
        # Every scope's entries in listing order, kept up to date by each edit once sorted:
        # re-sorting 10,000 findings after every edit cost more than the recheck itself.
        self._sorted: list[Entry] | None = None
        self._listed: list[Finding] | None = None

    def findings(self) -> list[Finding]:
        """Every finding: errors first, then by time, then by rule."""
        if self._sorted is None:
            self._sorted = [entry for found in self.scopes.values() for entry in found]
            self._sorted.sort(key=_entry_key)
        if self._listed is None:
            self._listed = [finding for _, finding in self._sorted]
        return list(self._listed)

    def store(self, scope: Scope, found: list[Timed]) -> None:
        """Replace what a scope found (an empty list drops the scope)."""
        old = self.scopes.get(scope, [])
        new = [(order_key(when, f), f) for when, f in found]
        if new == old:
            return  # most rechecks find what was there: the listing stays as it is
        self._listed = None
        if new:
            self.scopes[scope] = new
        else:
            self.scopes.pop(scope, None)
        listing = self._sorted
        if listing is None:
            return  # not listed yet: sorted once when first asked for
        for entry in old:
            n = bisect_left(listing, entry[0], key=_entry_key)
            while listing[n] is not entry:  # equal keys: find this very entry
                n += 1
            del listing[n]
        for entry in new:
            insort(listing, entry, key=_entry_key)

"""A finding of the scheduling checks: which rule, how bad, what it involves, in plain words.

A big plan has tens of thousands of findings and the dock shows 500: a rule may hand its
sentence over as a `Sentence` (a writer and its arguments) instead of a string, and it is
written only when someone reads `finding.message`, in the language current then (a finding
found in English reads in Chinese once the language is Chinese).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tourplanner.i18n import current_language

ERROR = "error"
WARNING = "warning"

_IDS = ("item_ids", "person_ids", "programme_ids", "room_ids", "venue_ids", "travel_ids")


class Sentence:
    """A finding's sentence kept as its writer and arguments; written once, when first read.

    The arguments are plain values (names, numbers, instants, zone names): two sentences with
    the same writer and arguments are equal without being written.
    """

    __slots__ = ("args", "write", "_lang", "_text")

    def __init__(self, write: Callable[..., str], *args: Any) -> None:
        self.write = write
        self.args = args
        self._lang = ""
        self._text = ""

    def __str__(self) -> str:
        lang = current_language()
        if self._lang != lang:  # written once per language it is read in
            self._text = self.write(*self.args)
            self._lang = lang
        return self._text

    @property
    def key(self) -> tuple:
        """What orders and compares sentences without writing them."""
        return (self.write.__module__, self.write.__qualname__, self.args)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sentence) and self.key == other.key

    def __hash__(self) -> int:
        return hash(self.key)

    def __repr__(self) -> str:
        return repr(str(self))


class Finding:
    """One finding: the rule's id, ERROR or WARNING, the sentence, and the ids it is about.

    Built like the dataclass it was (`Finding(rule, severity, message, item_ids=...)`), frozen,
    equal and ordered by its values; `message` may be a str or a `Sentence`.
    """

    __slots__ = ("rule", "severity", "_message", *_IDS)

    rule: str
    severity: str  # ERROR or WARNING
    _message: str | Sentence
    item_ids: tuple[int, ...]
    person_ids: tuple[int, ...]
    programme_ids: tuple[int, ...]
    room_ids: tuple[int, ...]
    venue_ids: tuple[int, ...]
    travel_ids: tuple[int, ...]

    def __init__(
        self,
        rule: str,
        severity: str,
        message: str | Sentence,
        item_ids: tuple[int, ...] = (),
        person_ids: tuple[int, ...] = (),
        programme_ids: tuple[int, ...] = (),
        room_ids: tuple[int, ...] = (),
        venue_ids: tuple[int, ...] = (),
        travel_ids: tuple[int, ...] = (),
    ) -> None:
        setter = object.__setattr__
        setter(self, "rule", rule)
        setter(self, "severity", severity)
        setter(self, "_message", message)
        setter(self, "item_ids", item_ids)
        setter(self, "person_ids", person_ids)
        setter(self, "programme_ids", programme_ids)
        setter(self, "room_ids", room_ids)
        setter(self, "venue_ids", venue_ids)
        setter(self, "travel_ids", travel_ids)

    @property
    def message(self) -> str:
        """The sentence, in plain words (written now if it was kept as a Sentence)."""
        return str(self._message)

    @property
    def message_key(self) -> object:
        """The sentence as something to sort and compare by, without writing it."""
        message = self._message
        return (0, message) if isinstance(message, str) else (1, message.key)

    def _values(self) -> tuple:
        return (
            self.rule,
            self.severity,
            self.message_key,
            self.item_ids,
            self.person_ids,
            self.programme_ids,
            self.room_ids,
            self.venue_ids,
            self.travel_ids,
        )

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a Finding is frozen: cannot set {name}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"a Finding is frozen: cannot delete {name}")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Finding):
            return NotImplemented
        return self._values() == other._values()

    def __lt__(self, other: Finding) -> bool:
        return self._values() < other._values()

    def __le__(self, other: Finding) -> bool:
        return self._values() <= other._values()

    def __gt__(self, other: Finding) -> bool:
        return self._values() > other._values()

    def __ge__(self, other: Finding) -> bool:
        return self._values() >= other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        ids = "".join(f", {name}={getattr(self, name)!r}" for name in _IDS if getattr(self, name))
        return f"Finding({self.rule!r}, {self.severity!r}, {self.message!r}{ids})"

    def __reduce__(self) -> tuple:  # pickled (to a worker process) with its sentence written
        return (
            Finding,
            (self.rule, self.severity, self.message, *(getattr(self, n) for n in _IDS)),
        )

    def to_json(self) -> dict[str, object]:
        """A JSON-ready dict (tuples become lists)."""
        return {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            **{name: list(getattr(self, name)) for name in _IDS},
        }


def order_key(when: float, finding: Finding) -> tuple:
    """How findings are listed: errors first, then by time (`when`, POSIX seconds), then rule.

    `when` is the start of the earliest thing the finding is about; it is not part of a
    Finding, so the checks keep it beside each one.
    """
    # Plain values only: comparing Finding objects costs ten times more. Every id is in it,
    # so the order is total: two delegates of the same name double-booked alike are listed
    # the same way by a full check and by an index kept in order edit by edit. A sentence
    # kept unwritten sorts by its arguments, so listing needs no sentence written.
    f = finding
    return (
        f.severity != ERROR,
        when,
        f.rule,
        f.message_key,
        f.item_ids,
        f.person_ids,
        f.programme_ids,
        f.room_ids,
        f.venue_ids,
        f.travel_ids,
    )

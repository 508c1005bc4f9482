"""Read an .ics file's bytes into calendars: the icalendar library decides what parses.

In front of the parser stand only the limits that protect the machine (size, nesting depth,
number of events). A light outline of the file (where each VEVENT begins and ends) gives the
line numbers the report names. When the library reads nothing, or fewer calendars than the
file begins, the outline says which line broke the file; that check runs only after the
library has failed, so it can never refuse a file the library reads.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field

from icalendar import Calendar
from icalendar.parser import Contentline

from tourplanner.i18n import _
from tourplanner.interchange.report import FileFormatError

MAX_BYTES = 50 * 1024 * 1024
MAX_EVENTS = 100_000
MAX_DEPTH = 8
# The library splits content lines on CRLF or LF and unfolds lines that begin with a space or tab.
_NEWLINE = re.compile(r"\r?\n")


@dataclass
class Outline:
    """Where each VEVENT begins and ends (line numbers), and what else the calendars hold."""

    event_lines: list[int] = field(default_factory=list)
    event_ends: list[int] = field(default_factory=list)
    calendars: int = 0
    others: dict[str, int] = field(default_factory=dict)
    lines: list[tuple[int, str]] = field(default_factory=list)  # logical (unfolded) lines
    broken: str = ""  # the first nesting problem, said only if the library reads less
    guesses: list[str] = field(default_factory=list)  # what the library warned it guessed

    def unreadable_line(self, first: int, last: int) -> tuple[int, str] | None:
        """The first line in [first, last] that the library cannot split into name and value."""
        for number, line in self.lines:
            if first <= number <= last and _unreadable(line):
                return number, line
        return None


def _unreadable(line: str) -> bool:
    try:
        Contentline(line).parts()
    except ValueError:
        return True
    return False


def _logical_lines(text: str) -> list[tuple[int, str]]:
    """The content lines with folded continuations joined, each with its first line's number."""
    logical: list[tuple[int, str]] = []
    for number, line in enumerate(_NEWLINE.split(text), start=1):
        if line[:1] in (" ", "\t") and logical:
            logical[-1] = (logical[-1][0], logical[-1][1] + line[1:])
        elif line.strip():
            logical.append((number, line))
    return logical


def outline_of(text: str) -> Outline:
    """Count components by line; raise FileFormatError only past the machine's limits."""
    outline = Outline(lines=_logical_lines(text))
    stack: list[tuple[str, int]] = []
    for number, line in outline.lines:
        if line[:6].upper() != "BEGIN:" and line[:4].upper() != "END:":
            continue
        name, _sep, value = line.partition(":")
        name, value = name.strip().upper(), value.strip().upper()
        if name == "BEGIN":
            if len(stack) >= MAX_DEPTH:
                raise FileFormatError(
                    _("line {number}: components nested too deeply").format(number=number)
                )
            stack.append((value, number))
            _count_begin(outline, value, number, len(stack))
        elif name == "END":
            _close(outline, stack, value, number)
    if stack and not outline.broken:
        opened, at = stack[-1]
        outline.broken = f"line {at}: BEGIN:{opened} is never closed (END:{opened} missing)"
    return outline


def _count_begin(outline: Outline, value: str, number: int, depth: int) -> None:
    if value == "VCALENDAR" and depth == 1:
        outline.calendars += 1
    elif value == "VEVENT":
        outline.event_lines.append(number)
        outline.event_ends.append(number)
        if len(outline.event_lines) > MAX_EVENTS:
            raise FileFormatError(
                _("more than {max_events} events; split the file").format(max_events=MAX_EVENTS)
            )
    elif depth == 1 and not outline.broken:
        outline.broken = f"line {number}: BEGIN:{value} outside a VCALENDAR"
    elif depth == 2 and value != "VTIMEZONE":
        outline.others[value] = outline.others.get(value, 0) + 1


def _close(outline: Outline, stack: list[tuple[str, int]], value: str, number: int) -> None:
    if not stack:
        outline.broken = outline.broken or f"line {number}: END:{value} without a BEGIN"
        return
    opened, at = stack.pop()
    if opened == "VEVENT" and outline.event_ends:
        outline.event_ends[-1] = number
    if opened != value and not outline.broken:
        outline.broken = f"line {number}: END:{value} does not close BEGIN:{opened} of line {at}"


def read_calendars(data: bytes) -> tuple[list[Calendar], Outline]:
    """Decode and parse an .ics file's bytes (one or several VCALENDARs), with its outline."""
    if len(data) > MAX_BYTES:
        raise FileFormatError(
            _("the file is larger than {value} MB").format(value=MAX_BYTES // (1024 * 1024))
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise FileFormatError(
            _("line {line}: not UTF-8 text (iCalendar files are UTF-8)").format(line=line)
        ) from exc
    if "\x00" in text:
        raise FileFormatError(
            _("line {value}: binary data").format(
                value=text[: text.index(chr(0))].count(chr(10)) + 1
            )
        )
    outline = outline_of(text)
    if not outline.lines:
        raise FileFormatError(_("the file is empty (no BEGIN:VCALENDAR)"))
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            parsed = Calendar.from_ical(text, multiple=True)
        outline.guesses = _guesses(text, [str(w.message).split(" See RFC")[0] for w in caught])
    except Exception as exc:  # icalendar raises ValueError and others on content it cannot read
        raise FileFormatError(_why_unread(outline) or f"not a valid iCalendar file: {exc}") from exc
    calendars = [c for c in parsed if c.name == "VCALENDAR"]
    if not calendars or len(calendars) < outline.calendars:
        # The library silently drops a calendar whose components do not nest.
        raise FileFormatError(
            _why_unread(outline) or "no calendar could be read (no BEGIN:VCALENDAR … END:VCALENDAR)"
        )
    return calendars, outline


# icalendar warns of a TZID it guessed only the first time it resolves it in a process (the guess
# is cached): kept here by TZID, so a file read again (a second import) says it again.
_GUESSED: dict[str, str] = {}
_GUESSED_TZID = re.compile(r"Timezone '(.+?)' is a globally unique TZID")
_TZID_PARAMETER = re.compile(r"TZID=\"?([^:;\"\r\n]+)")


def _guesses(text: str, warned: list[str]) -> list[str]:
    """What the library guessed of this file's TZIDs: warned now, or the first time it read one."""
    for message in warned:
        if found := _GUESSED_TZID.match(message):
            _GUESSED.setdefault(found.group(1), message)
    again = [_GUESSED[t] for t in dict.fromkeys(_TZID_PARAMETER.findall(text)) if t in _GUESSED]
    return list(dict.fromkeys([*warned, *again]))


def _why_unread(outline: Outline) -> str:
    """Why the library read less than the file holds: its first unreadable line or bad nesting."""
    bad = outline.unreadable_line(0, outline.lines[-1][0])
    if bad is not None:
        return _("line {number}: not an iCalendar content line: {line!r}").format(
            number=bad[0], line=shorten(bad[1])
        )
    return outline.broken


def shorten(line: str) -> str:
    """A line cut to 60 characters for a message."""
    return line if len(line) <= 60 else line[:57] + "..."

"""The repeat rules the item editor offers, as plain values, and their RRULE text.

The editor offers: no repeat, every day, every week on chosen weekdays, every N days; ending
on a date, after N times, or with the programme. `from_text` reads back only rules of that
shape: any other RRULE (an import's) is kept as text and never rewritten behind the user.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from tourplanner.scheduling.recurrence import parse_exdates

NONE, DAILY, WEEKLY, EVERY_N_DAYS = "none", "daily", "weekly", "every-n-days"
WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")  # date.weekday() order


@dataclass(frozen=True)
class RepeatRule:
    """How an item repeats: `kind`, its weekdays (0 = Monday) or interval, and its end."""

    kind: str = NONE
    weekdays: tuple[int, ...] = ()
    interval: int = 1
    until: date | None = None
    count: int | None = None

    def to_text(self) -> str:
        """The RRULE body ("FREQ=DAILY;UNTIL=20150419T235959"); "" when it does not repeat."""
        if self.kind == NONE:
            return ""
        parts = ["FREQ=WEEKLY" if self.kind == WEEKLY else "FREQ=DAILY"]
        if self.kind == EVERY_N_DAYS and self.interval > 1:
            parts.append(f"INTERVAL={self.interval}")
        if self.kind == WEEKLY and self.weekdays:
            parts.append("BYDAY=" + ",".join(WEEKDAY_CODES[d] for d in sorted(set(self.weekdays))))
        if self.count is not None:
            parts.append(f"COUNT={self.count}")
        elif self.until is not None:
            # Local wall-clock, like the item's DTSTART: the whole of the last day is included.
            parts.append(f"UNTIL={datetime.combine(self.until, time(23, 59, 59)):%Y%m%dT%H%M%S}")
        return ";".join(parts)


def from_text(text: str, first_day: date) -> RepeatRule | None:
    """The rule the editor's controls show for this RRULE text; None when it is of another
    shape than the editor offers (it is then shown and kept as it is)."""
    body = text.strip()
    if body.upper().startswith("RRULE:"):
        body = body[6:]
    if not body:
        return RepeatRule()
    try:
        parts = dict(part.split("=", 1) for part in body.upper().split(";") if part)
    except ValueError:
        return None
    if not set(parts) <= {"FREQ", "INTERVAL", "BYDAY", "COUNT", "UNTIL"}:
        return None
    try:
        interval = int(parts.get("INTERVAL", "1"))
        count = int(parts["COUNT"]) if "COUNT" in parts else None
        until = _until(parts["UNTIL"]) if "UNTIL" in parts else None
    except ValueError:
        return None
    end = {"count": count, "until": until}
    if parts.get("FREQ") == "DAILY" and "BYDAY" not in parts:
        kind = DAILY if interval == 1 else EVERY_N_DAYS
        return RepeatRule(kind, interval=interval, **end)  # type: ignore[arg-type]
    if parts.get("FREQ") == "WEEKLY" and interval == 1:
        codes = parts.get("BYDAY", WEEKDAY_CODES[first_day.weekday()]).split(",")
        if not set(codes) <= set(WEEKDAY_CODES):
            return None
        days = tuple(sorted(WEEKDAY_CODES.index(c) for c in codes))
        return RepeatRule(WEEKLY, weekdays=days, **end)  # type: ignore[arg-type]
    return None


def _until(value: str) -> date:
    """The local last day of an UNTIL value (a date, or a date-time with or without Z)."""
    return datetime.strptime(value.rstrip("Z")[:8], "%Y%m%d").date()


def exdates_text(days: list[date], start_time: time) -> str:
    """The EXDATE list the item stores for these skipped days: each at the item's start time."""
    return ",".join(f"{datetime.combine(d, start_time):%Y-%m-%dT%H:%M}" for d in sorted(set(days)))


def exdate_days(text: str) -> list[date]:
    """The skipped days of a stored EXDATE list (see `recurrence.parse_exdates`)."""
    return sorted({moment.date() for moment in parse_exdates(text)})


def with_exdate(text: str, moment: datetime) -> str:
    """The stored EXDATE list with one more skipped occurrence (its naive local start)."""
    kept = {m.replace(second=0, microsecond=0) for m in parse_exdates(text)}
    kept.add(moment.replace(second=0, microsecond=0, tzinfo=None))
    return ",".join(f"{m:%Y-%m-%dT%H:%M}" for m in sorted(kept))

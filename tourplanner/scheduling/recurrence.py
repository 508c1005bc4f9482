"""Recurring items: RFC 5545 RRULE text expanded with dateutil, in the item's own zone, with
extra dates (RDATE) added and exception dates (EXDATE) taken out."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time

from dateutil.rrule import rrule, rrulestr

from tourplanner.errors import ValidationError
from tourplanner.i18n import _
from tourplanner.timezones import to_local, to_utc

MAX_OCCURRENCES = 10_000


def parse_rule(text: str, dtstart_local: datetime) -> rrule:
    """Parse an RRULE (with or without the 'RRULE:' prefix), or raise a ValidationError."""
    body = text.strip()
    if body.upper().startswith("RRULE:"):
        body = body[6:]
    try:
        rule = rrulestr(body, dtstart=dtstart_local.replace(tzinfo=None))
    except (ValueError, TypeError) as exc:
        raise ValidationError(
            "recurrence",
            _("{text!r} is not a valid repeat rule ({exc})").format(text=text, exc=exc),
        ) from exc
    if not isinstance(rule, rrule):
        raise ValidationError("recurrence", _("give a single RRULE"))
    return rule


def parse_exdates(text: str) -> list[datetime]:
    """EXDATEs as naive local date-times, from comma- or line-separated ISO values."""
    values = [p.strip() for p in text.replace("\n", ",").split(",") if p.strip()]
    result = []
    for value in values:
        try:
            result.append(datetime.fromisoformat(value).replace(tzinfo=None))
        except ValueError as exc:
            raise ValidationError(
                "exception dates",
                _("{value!r} is not a date-time like 2015-04-21T08:00").format(value=value),
            ) from exc
    return result


def parse_rdates(text: str) -> list[datetime]:
    """RDATEs (extra starts of a repeating item) as naive local date-times, like EXDATEs."""
    try:
        return parse_exdates(text)
    except ValidationError as exc:
        raise ValidationError("extra dates", exc.message) from exc


def occurrences(
    *,
    start_utc: datetime,
    end_utc: datetime,
    zone_name: str,
    rule_text: str,
    exdates_text: str = "",
    until: date | None = None,
    rdates_text: str = "",
) -> Iterator[tuple[datetime, datetime]]:
    """(start, end) UTC instants of each occurrence; wall-clock times are kept across DST.

    Occurrences after local date `until` (the programme's last day) are left out, so a rule
    without COUNT or UNTIL ends there; no rule yields more than MAX_OCCURRENCES.
    `first_cut` tells whether a rule with its own end was cut short. Extra dates (`rdates_text`)
    are occurrences of the same length, in time order with the rule's.
    """
    if rdates_text.strip():
        yield from _with_extra_dates(
            start_utc, end_utc, zone_name, rule_text, exdates_text, until, rdates_text
        )
        return
    if not rule_text.strip():
        yield start_utc, end_utc
        return
    first_local = to_local(start_utc, zone_name).replace(tzinfo=None)
    duration_local = to_local(end_utc, zone_name).replace(tzinfo=None) - first_local
    rule = parse_rule(rule_text, first_local)
    skipped = set(parse_exdates(exdates_text))
    limit = datetime.combine(until, time.max) if until else None
    for count, local in enumerate(rule):
        if count >= MAX_OCCURRENCES or (limit is not None and local > limit):
            break
        if local in skipped:
            continue
        yield to_utc(local, zone_name), to_utc(local + duration_local, zone_name)


def _with_extra_dates(
    start_utc: datetime,
    end_utc: datetime,
    zone_name: str,
    rule_text: str,
    exdates_text: str,
    until: date | None,
    rdates_text: str,
) -> Iterator[tuple[datetime, datetime]]:
    """The rule's occurrences (or the first alone) merged with the extra dates, each once."""
    first_local = to_local(start_utc, zone_name).replace(tzinfo=None)
    duration_local = to_local(end_utc, zone_name).replace(tzinfo=None) - first_local
    ruled = occurrences(
        start_utc=start_utc,
        end_utc=end_utc,
        zone_name=zone_name,
        rule_text=rule_text,
        exdates_text=exdates_text,
        until=until,
    )
    starts = {to_local(s, zone_name).replace(tzinfo=None) for s, _ in ruled}
    skipped = set(parse_exdates(exdates_text))
    limit = datetime.combine(until, time.max) if until else None
    for local in parse_rdates(rdates_text):
        if local not in skipped and (limit is None or local <= limit):
            starts.add(local)
    for local in sorted(starts)[:MAX_OCCURRENCES]:
        yield to_utc(local, zone_name), to_utc(local + duration_local, zone_name)


def first_cut(
    *,
    start_utc: datetime,
    zone_name: str,
    rule_text: str,
    exdates_text: str = "",
    until: date,
) -> datetime | None:
    """The first local start that `occurrences` leaves out for running past `until`.

    None when nothing is cut, or when the rule has no end of its own (such a rule is meant to
    run until its programme ends).
    """
    if not rule_text.strip():
        return None
    first_local = to_local(start_utc, zone_name).replace(tzinfo=None)
    rule = parse_rule(rule_text, first_local)
    if not _ends(rule):  # see `unbounded`
        return None
    skipped = set(parse_exdates(exdates_text))
    local = rule.after(datetime.combine(until, time.max))
    while local is not None and local in skipped:
        local = rule.after(local)
    return local


def validate_rule(rule_text: str, exdates_text: str, start_local: datetime) -> None:
    """Raise a ValidationError if the rule or the exception dates cannot be read."""
    if rule_text.strip():
        parse_rule(rule_text, start_local)
    parse_exdates(exdates_text)


def unbounded(rule_text: str, start_local: datetime) -> bool:
    """True when the rule has neither COUNT nor UNTIL and would repeat forever."""
    return not _ends(parse_rule(rule_text, start_local))


def _ends(rule: rrule) -> bool:
    """Whether the rule stops by itself (it has COUNT or UNTIL)."""
    # dateutil exposes no public accessor, and its stubs do not declare the private ones.
    return rule._count is not None or rule._until is not None  # type: ignore[attr-defined]

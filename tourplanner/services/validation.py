"""Field checks shared by the services; each raises a ValidationError in plain words."""

from __future__ import annotations

import re
from datetime import datetime
from enum import StrEnum
from functools import cache

from tourplanner.errors import ValidationError
from tourplanner.i18n import _
from tourplanner.printable import check_printable
from tourplanner.timezones import zone

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_EMAILS_RE = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+(?:\n[^@\s]+@[^@\s]+\.[^@\s]+)*")


def valid_emails(texts: list[str]) -> bool:
    """Whether EMAIL_RE takes every one of the texts (an import's column of emails).

    One match over the texts joined by line breaks instead of one match each: an address
    cannot hold a line break, so each line is one text, matched whole. A text with a line
    break of its own gives False, and the caller asks EMAIL_RE of each.
    """
    if not texts:
        return True
    joined = "\n".join(texts)
    return joined.count("\n") == len(texts) - 1 and _EMAILS_RE.fullmatch(joined) is not None


def required_text(value: object, field: str, *, max_length: int = 200) -> str:
    text = optional_text(value, field, max_length=max_length)
    if not text:
        raise ValidationError(field, _("is required and cannot be empty"))
    return text


def optional_text(value: object, field: str, *, max_length: int = 10_000) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValidationError(
            field, _("must be text, not {kind}").format(kind=type(value).__name__)
        )
    text = value.strip()
    if len(text) > max_length:
        raise ValidationError(
            field,
            _("is too long ({length} characters, at most {most})").format(
                length=len(text), most=max_length
            ),
        )
    return text


@cache
def _values(vocabulary: type[StrEnum]) -> tuple[str, ...]:
    return tuple(v.value for v in vocabulary)


def choice(value: object, vocabulary: type[StrEnum], field: str) -> str:
    allowed = _values(vocabulary)  # asked once per row of an import: kept
    if value not in allowed:
        raise ValidationError(
            field,
            _("{value!r} is not one of: {allowed}").format(value=value, allowed=", ".join(allowed)),
        )
    return str(value)


def capacity(value: object, field: str = "capacity") -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field, _("must be a whole number"))
    if value < 0:
        raise ValidationError(field, _("cannot be negative (got {value})").format(value=value))
    return value


def minutes(value: object, field: str) -> int:
    result = capacity(value, field)
    if result is None:
        raise ValidationError(field, _("is required"))
    return result


def timezone_name(value: object, field: str = "time zone") -> str:
    if not isinstance(value, str):
        raise ValidationError(
            field, _("is required (type a city, e.g. Beijing, and pick its zone)")
        )
    zone(value, field=field)
    return value


def email(value: object, field: str = "email") -> str:
    text = optional_text(value, field, max_length=200)
    if text and not EMAIL_RE.match(text):
        raise ValidationError(field, _("{text!r} is not a valid email address").format(text=text))
    return text


def coordinate(value: object, field: str, limit: float) -> float | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValidationError(field, _("must be a number"))
    if not -limit <= value <= limit:
        raise ValidationError(
            field,
            _("must be between -{limit:g} and {limit:g} (got {value})").format(
                limit=limit, value=value
            ),
        )
    return float(value)


def end_after_start(start: datetime, end: datetime, *, field: str = "end") -> None:
    check_printable(start, "start")
    check_printable(end, field)
    if end <= start:
        raise ValidationError(field, _("must be after the start"))

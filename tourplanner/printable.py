"""The years the app can lay out and print: a date outside them is refused where it enters."""

from __future__ import annotations

from datetime import date

from tourplanner.errors import ValidationError

# Wide for any conference or tour, and far from the ends of Python's datetime, where a
# conversion to UTC or to a local zone would overflow.
FIRST_YEAR, LAST_YEAR = 1900, 2999


def is_printable(value: date) -> bool:
    return FIRST_YEAR <= value.year <= LAST_YEAR


def outside_sentence(value: date) -> str:
    return (
        f"{value.isoformat()[:10]} is outside the years {FIRST_YEAR}-{LAST_YEAR} the app can print"
    )


def check_printable(value: date, field: str) -> None:
    """Raise a ValidationError naming `field` for a date (or date-time) the app cannot print."""
    if not is_printable(value):
        raise ValidationError(field, outside_sentence(value))

"""Dates and times typed in spreadsheets, read with explicit formats only.

Accepted (documented in docs/interchange.md):
- ISO: 2015-04-19, 2015-04-19 14:30, 2015-04-19T14:30:00, 2015/04/19 14:30
- Chinese: 2015年4月19日, 2015年4月19日 14:30
- Month names: 19 Apr 2015, 19 April 2015 14:30, Apr 19, 2015, April 19 2015 2:30 PM
- Numeric day and month: 19/04/2015, 04/19/2015, 19.04.2015, 19-04-2015 (two-digit years as 20xx).
  When both numbers could be the month (02/03/2015) the user's choice decides (day-first or
  month-first); without a choice it is an error, never a guess.
A missing year, month or day is an error: nothing is filled in from today's date.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time

from tourplanner.errors import ValidationError
from tourplanner.i18n import _

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}

_TIME = (
    r"(?:[ T]+(?P<hh>\d{1,2})[:：](?P<mi>\d{2})(?::(?P<ss>\d{2}))?\s*(?P<ampm>[AaPp]\.?[Mm]\.?)?)?"
)
_ISO = re.compile(rf"^(?P<y>\d{{4}})[-/.](?P<m>\d{{1,2}})[-/.](?P<d>\d{{1,2}}){_TIME}$")
_CN = re.compile(
    r"^(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]"
    r"(?:\s*(?P<hh>\d{1,2})[:：点时](?P<mi>\d{2})?分?)?$"
)
_DMY_NAME = re.compile(
    rf"^(?P<d>\d{{1,2}})[ -](?P<mon>[A-Za-z]{{3,9}})\.?,?[ -](?P<y>\d{{4}}){_TIME}$"
)
_MDY_NAME = re.compile(rf"^(?P<mon>[A-Za-z]{{3,9}})\.? (?P<d>\d{{1,2}}),? (?P<y>\d{{4}}){_TIME}$")
_NUMERIC = re.compile(
    rf"^(?P<a>\d{{1,2}})[/.\-](?P<b>\d{{1,2}})[/.\-](?P<y>\d{{4}}|\d{{2}}){_TIME}$"
)


def parse_datetime(text: str, *, day_first: bool | None = None, field: str = "date") -> datetime:
    """A naive date-time (wall clock) from `text`; a date alone gives midnight."""
    value = text.strip()
    if not value:
        raise ValidationError(field, _("is empty"))
    match = _ISO.match(value) or _CN.match(value)
    if match:
        y, m, d = int(match["y"]), int(match["m"]), int(match["d"])
    elif match := _DMY_NAME.match(value) or _MDY_NAME.match(value):
        month = MONTHS.get(match["mon"].casefold())
        if month is None:
            raise ValidationError(
                field,
                _("{value!r}: {match!r} is not a month name").format(
                    value=value, match=match["mon"]
                ),
            )
        y, m, d = int(match["y"]), month, int(match["d"])
    elif match := _NUMERIC.match(value):
        a, b = int(match["a"]), int(match["b"])
        y = int(match["y"]) + (2000 if len(match["y"]) == 2 else 0)
        if day_first is None:
            if a > 12 >= b:
                day_first = True
            elif b > 12 >= a:
                day_first = False
            elif a != b:
                raise ValidationError(
                    field,
                    (
                        _(
                            "{value!r} could be {spell} or {spell2}; choose day-first or month-first"
                        ).format(value=value, spell=_spell(y, b, a), spell2=_spell(y, a, b))
                    ),
                )
            else:
                day_first = True
        d, m = (a, b) if day_first else (b, a)
    else:
        raise ValidationError(
            field,
            _(
                "{value!r} is not a date in a known format (use 2015-04-19 or 2015-04-19 14:30)"
            ).format(value=value),
        )
    try:
        day = date(y, m, d)
    except ValueError as exc:
        raise ValidationError(
            field, _("{value!r} is not a real date ({exc})").format(value=value, exc=exc)
        ) from exc
    return datetime.combine(day, _time(match, value, field))


def _time(match: re.Match[str], value: str, field: str) -> time:
    groups = match.groupdict()
    if groups.get("hh") is None:
        return time(0, 0)
    hour, minute = int(groups["hh"]), int(groups.get("mi") or 0)
    second = int(groups.get("ss") or 0)
    ampm = (groups.get("ampm") or "").replace(".", "").casefold()
    if ampm:
        if not 1 <= hour <= 12:
            raise ValidationError(
                field,
                _("{value!r}: {hour} is not an hour on a 12-hour clock").format(
                    value=value, hour=hour
                ),
            )
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    try:
        return time(hour, minute, second)
    except ValueError as exc:
        raise ValidationError(
            field, _("{value!r} has an impossible time ({exc})").format(value=value, exc=exc)
        ) from exc


def parse_date(text: str, *, day_first: bool | None = None, field: str = "date") -> date:
    """A date from `text`; a time part, if any, is dropped."""
    return parse_datetime(text, day_first=day_first, field=field).date()


def _spell(y: int, m: int, d: int) -> str:
    try:
        return f"{date(y, m, d):%-d %B %Y}"
    except ValueError:
        return f"{y}-{m:02d}-{d:02d}"

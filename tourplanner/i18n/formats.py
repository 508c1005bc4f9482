"""Dates, weekdays and times as each language writes them, from Babel's CLDR data.

One module for the UI, the CLI and the documents: 'Mon 20 Apr 2015 14:30' in English,
'2015年4月20日 星期一 14:30' in Chinese.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from babel.dates import format_date, format_time, get_day_names
from babel.lists import format_list

from tourplanner.i18n import CHINESE, current_language

_DAY_PATTERNS = {CHINESE: "y年M月d日 EEEE"}
_DAY_DEFAULT = "EEE d MMM y"
# A day of this year's plan, where the year goes without saying (findings, timelines).
_SHORT_DAY_PATTERNS = {CHINESE: "M月d日 EEE"}
_SHORT_DAY_DEFAULT = "EEE d MMM"
_DATE_PATTERNS = {CHINESE: "y年M月d日"}
_DATE_DEFAULT = "d MMM y"
_MONTH_DAY_PATTERNS = {CHINESE: "M月d日"}
_MONTH_DAY_DEFAULT = "d MMM"


def day(value: dt.date, lang: str | None = None) -> str:
    """'Mon 20 Apr 2015' / '2015年4月20日 星期一'."""
    lang = lang or current_language()
    return format_date(value, _DAY_PATTERNS.get(lang, _DAY_DEFAULT), locale=_babel(lang))


def short_day(value: dt.date, lang: str | None = None) -> str:
    """'Tue 21 Apr' / '4月21日 周二': a day without its year."""
    return _short_day(value, lang or current_language())


@lru_cache(maxsize=4096)
def _short_day(value: dt.date, lang: str) -> str:
    # Kept: the checks name the same few days in thousands of findings.
    return format_date(
        value, _SHORT_DAY_PATTERNS.get(lang, _SHORT_DAY_DEFAULT), locale=_babel(lang)
    )


def date(value: dt.date, lang: str | None = None) -> str:
    """'20 Apr 2015' / '2015年4月20日': a date without its weekday."""
    lang = lang or current_language()
    return format_date(value, _DATE_PATTERNS.get(lang, _DATE_DEFAULT), locale=_babel(lang))


def date_range(start: dt.date, end: dt.date, lang: str | None = None) -> str:
    """'20 Apr – 23 Apr 2015' / '2015年4月20日至4月23日'; the year once when both share it."""
    lang = lang or current_language()
    if start.year == end.year:
        pattern = _MONTH_DAY_PATTERNS.get(lang, _MONTH_DAY_DEFAULT)
        # English names the shared year at the end, Chinese at the start.
        first = (
            date(start, lang)
            if lang == CHINESE
            else format_date(start, pattern, locale=_babel(lang))
        )
        last = (
            format_date(end, pattern, locale=_babel(lang)) if lang == CHINESE else date(end, lang)
        )
    else:
        first, last = date(start, lang), date(end, lang)
    return f"{first}至{last}" if lang == CHINESE else f"{first} – {last}"


def day_month(value: dt.date, *, with_year: bool = False, lang: str | None = None) -> str:
    """'17 April' / '4月17日'; with the year '17 April 2015' / '2015年4月17日'."""
    lang = lang or current_language()
    if lang == CHINESE:
        pattern = "y年M月d日" if with_year else "M月d日"
    else:
        pattern = "d MMMM y" if with_year else "d MMMM"
    return format_date(value, pattern, locale=_babel(lang))


def weekday(index: int, lang: str | None = None) -> str:
    """The weekday by its index, Monday 0: 'Monday' / '星期一'."""
    lang = lang or current_language()
    return str(get_day_names("wide", locale=_babel(lang))[index])


def listing(words: list[str], lang: str | None = None) -> str:
    """'a', 'a and b', 'a, b and c' / 'a、b和c'."""
    if not words:
        return ""
    return format_list(words, locale=_babel(lang or current_language()))


def clock(value: dt.time | dt.datetime, lang: str | None = None) -> str:
    """'14:30' in both languages (24-hour clock)."""
    lang = lang or current_language()
    return format_time(value, "HH:mm", locale=_babel(lang))


def day_and_clock(value: dt.datetime, lang: str | None = None) -> str:
    """'Mon 20 Apr 2015 14:30' / '2015年4月20日 星期一 14:30'."""
    return f"{day(value.date(), lang)} {clock(value, lang)}"


def _babel(lang: str) -> str:
    return "zh_Hans_CN" if lang == CHINESE else "en_GB"

"""Dates, weekdays and times as each language writes them, from Babel's CLDR data.

One module for the UI, the CLI and the documents: 'Mon 20 Apr 2015 14:30' in English,
'2015年4月20日 星期一 14:30' in Chinese.
"""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date, format_time

from tourplanner.i18n import CHINESE, current_language

_DAY_PATTERNS = {CHINESE: "y年M月d日 EEEE"}
_DAY_DEFAULT = "EEE d MMM y"


def day(value: dt.date, lang: str | None = None) -> str:
    """'Mon 20 Apr 2015' / '2015年4月20日 星期一'."""
    lang = lang or current_language()
    return format_date(value, _DAY_PATTERNS.get(lang, _DAY_DEFAULT), locale=_babel(lang))


def short_day(value: dt.date, lang: str | None = None) -> str:
    """'Mon 20 Apr' / '4月20日 周一': a day within a document that names its year once."""
    lang = lang or current_language()
    pattern = "M月d日 EEE" if lang == CHINESE else "EEE d MMM"
    return format_date(value, pattern, locale=_babel(lang))


def clock(value: dt.time | dt.datetime, lang: str | None = None) -> str:
    """'14:30' in both languages (24-hour clock)."""
    lang = lang or current_language()
    return format_time(value, "HH:mm", locale=_babel(lang))


def day_and_clock(value: dt.datetime, lang: str | None = None) -> str:
    """'Mon 20 Apr 2015 14:30' / '2015年4月20日 星期一 14:30'."""
    return f"{day(value.date(), lang)} {clock(value, lang)}"


def _babel(lang: str) -> str:
    return "zh_Hans_CN" if lang == CHINESE else "en_GB"

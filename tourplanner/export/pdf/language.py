"""Which language a document is printed in, and what changes with it beyond the words.

A person's `preferred_language` may list several ("zh, en"): the first is theirs. A Chinese
reader gets the Chinese titles first and the Chinese-side contacts: the foreign delegation's
embassy and consulate lines are for the foreign guests, not for them.
"""

from __future__ import annotations

import re

from babel import Locale, UnknownLocaleError

from tourplanner.i18n import CHINESE, current_language, normalize

# A contact line about a foreign mission: "U.S. Embassy Beijing: ...", "Consulate General ...".
MISSION = re.compile(r"\b(embassy|consulate)\b|大使馆|领事馆", re.IGNORECASE)


def reader_language(preferred: str) -> str:
    """The language of a person's documents: the first they prefer ('zh, en' -> 'zh_CN')."""
    return normalize(preferred.split(",")[0].strip())


def pdf_language(lang: str) -> str:
    """The PDF's /Lang tag (BCP 47) for a language of tourplanner.i18n."""
    return "zh-CN" if lang == CHINESE else "en"


def contacts_for(text: str, lang: str) -> str:
    """The plan's contacts as this reader needs them: no foreign mission for a Chinese reader."""
    if lang != CHINESE:
        return text
    return "\n".join(ln for ln in text.splitlines() if not MISSION.search(ln))


def language_name(code: str) -> str:
    """'zh' -> 'Chinese' / '中文': a language as the document's reader names it."""
    reader = Locale.parse("zh_Hans_CN" if current_language() == CHINESE else "en_GB")
    try:
        return Locale.parse(code.replace("-", "_")).get_language_name(reader) or code
    except (ValueError, UnknownLocaleError):
        return code


# The language codes a coordinator writes in an item's languages ("zh, en (simultaneous
# interpretation)"): common ones only, none an English word ("it", "to", "no" are codes too).
LANGUAGE_CODE = re.compile(r"\b(zh|en|fr|de|es|ru|ar|ja|ko|pt|vi|th|hi|ms|tr|nl|pl|sv|he|fa|ur)\b")


def languages_named(text: str) -> str:
    """An item's languages with each code named ('zh, en' -> 'Chinese, English'), the rest as
    written."""
    return LANGUAGE_CODE.sub(lambda m: language_name(m.group(1)), text)

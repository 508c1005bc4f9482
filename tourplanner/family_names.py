"""Sorting people by family name, as a roster or an index is read.

A Latin-script name is "Given Family" unless it is a Chinese name written in Chinese order:
"Liu Yan" beside 刘燕, whose first word is the pinyin of the first character (the family name).
"Emily Chen" beside 陈爱美 and "Daniel Kim" beside 金大年 stay "Given Family".
"""

from __future__ import annotations

import re
import unicodedata

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def _plain(text: str) -> str:
    """'Gómez' -> 'gomez': accents do not move a name in the alphabet."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def family_name(name_latin: str, name_local: str = "") -> str:
    """The family name within a romanised name ('Patricia Gómez' -> 'Gómez')."""
    words = name_latin.replace(",", " ").split()
    if not words:
        return name_local
    return words[0] if _chinese_order(words[0], name_local) else words[-1]


def _chinese_order(first_word: str, name_local: str) -> bool:
    if not name_local or not CJK.match(name_local):
        return False
    from pypinyin import lazy_pinyin  # its dictionaries load on first use

    return _plain(first_word) == _plain(lazy_pinyin(name_local[0])[0])


def family_sort_key(name_latin: str, name_local: str = "") -> tuple[str, str]:
    """Family name first, then the whole name: 'Brooks, Karen' before 'Gómez, Patricia'."""
    return _plain(family_name(name_latin, name_local)), _plain(name_latin)


DISPLAY = re.compile(r"^(?:(?P<hon>\S+\.)\s+)?(?P<latin>.*?)(?:\s*\((?P<local>[^()]*)\))?$")


def display_sort_key(display_name: str) -> tuple[str, str]:
    """The family-name key of a display name, 'Dr. Li Wei (李伟)': the honorific ignored."""
    found = DISPLAY.match(display_name.strip())
    if found is None:  # the pattern matches any text; kept for the type checker
        return _plain(display_name), _plain(display_name)
    return family_sort_key(found.group("latin"), found.group("local") or "")

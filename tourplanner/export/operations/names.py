"""A person's name in both scripts, the one they are known by first.

A Chinese name (local script, no interpunct) leads in Chinese, family name first as Chinese writes
it, with the Latin form beneath; a foreign name leads in Latin, with its Chinese transliteration
(鲍勃·奥尼尔: the interpunct marks one) beneath. `tourplanner.i18n` has no name helper yet: when it
grows one, this module should use it.
"""

from __future__ import annotations

from tourplanner.export.pdf.fonts import has_cjk

INTERPUNCT = "·"  # separates the parts of a transliterated foreign name


def is_chinese_name(name_local: str) -> bool:
    """Whether the local name is a Chinese person's own name (not a transliteration)."""
    return bool(name_local) and has_cjk(name_local) and INTERPUNCT not in name_local


def name_lines(name_latin: str, name_local: str) -> tuple[str, str]:
    """(the larger line, the smaller line); the second is empty when there is one script."""
    name_latin, name_local = name_latin.strip(), name_local.strip()
    if not name_local or name_local == name_latin:
        return name_latin, ""
    if is_chinese_name(name_local):
        return name_local, name_latin
    return name_latin, name_local


def organization_line(name_en: str, name_local: str) -> str:
    """'ICMA 国际市县管理协会' on one line is too long for a badge: the local name beneath."""
    return "\n".join(part for part in (name_en.strip(), name_local.strip()) if part)

"""People's names as each language writes them, with the honorific translated.

English: 'Dr. Li Wei (李伟)', the honorific first, the name as entered in Latin letters, the
local script beside it. Chinese: '李伟博士（Li Wei）', the Chinese name (family name first, as it
is written in Chinese) with the title after it, as 先生/女士/博士/教授 follow a name, and the
Latin spelling beside it. A foreign delegate without a Chinese name keeps their Latin one:
'Sarah Mitchell 女士'.

The one place for this: Person.display_name, the documents and the UI all call `display_name`.
"""

from __future__ import annotations

from typing import Protocol

from tourplanner.i18n import CHINESE, N_, _, current_language, use_language

# The honorifics people type, by their canonical spelling (lower case, no dots or spaces).
_HONORIFICS = {
    "mr": N_("Mr."),
    "mrs": N_("Mrs."),
    "ms": N_("Ms."),
    "miss": N_("Miss"),
    "dr": N_("Dr."),
    "prof": N_("Prof."),
    "professor": N_("Prof."),
    "he": N_("H.E."),  # His/Her Excellency: ambassadors, ministers
    "hon": N_("Hon."),
    "sir": N_("Sir"),
    "dame": N_("Dame"),
    "rev": N_("Rev."),
}


class NameParts(Protocol):
    """A person's name as stored: a PersonView, a Person, or anything with these three."""

    @property
    def honorific(self) -> str: ...

    @property
    def name_latin(self) -> str: ...

    @property
    def name_local(self) -> str: ...


def honorific(value: str, lang: str | None = None) -> str:
    """'Dr.' -> 'Dr.' / '博士'; kept as typed in English, and where TourPlanner does not know it."""
    key = value.lower().replace(".", "").replace(" ", "")
    source = _HONORIFICS.get(key)
    lang = lang or current_language()
    if source is None or lang != CHINESE:
        return value.strip()
    with use_language(lang):
        return _(source)


def display_name(
    person: NameParts | tuple[str, str, str], lang: str | None = None, *, other_script: bool = True
) -> str:
    """The name to show or print in ``lang`` (default: the current language).

    ``person`` is anything with ``honorific``, ``name_latin`` and ``name_local`` or the tuple
    (honorific, name_latin, name_local). ``other_script`` adds the name in the other script
    in brackets, where there is one.
    """
    if isinstance(person, tuple):
        title_text, latin, local = person
    else:
        title_text, latin, local = person.honorific, person.name_latin, person.name_local
    lang = lang or current_language()
    title = honorific(title_text, lang) if title_text else ""
    latin, local = latin.strip(), local.strip()
    if lang == CHINESE:
        name = local or latin
        # A title follows a name in Chinese; a space keeps it off a Latin name.
        spaced = title and not local and name and name[-1].isascii()
        named = f"{name} {title}" if spaced else f"{name}{title}"
        other = latin if local and latin and other_script else ""
        return f"{named}（{other}）" if other else named
    name = f"{title} {latin or local}".strip()
    other = local if latin and local and other_script else ""
    return f"{name} ({other})" if other else name

"""How TourPlanner counts things in its messages, in the CLI, the documents and the core.

`count` goes through gettext's ngettext, so each language picks its own form (Chinese has one).
Its nouns are marked for extraction by scripts/translations (the `count` keyword): a call
``count(n, "item", "items")`` puts the pair into the catalog as a plural entry.
"""

from __future__ import annotations

from tourplanner.i18n import N_plural, _, ngettext


def count(n: int, one: str, many: str) -> str:
    """'1 programme', '2 programmes'; '3 个日程' in Chinese.

    ``one``/``many`` are nouns ('item', 'items') or whole phrases with ``{n}``
    ('{n} item', '{n} items') where the number does not simply come first.
    """
    form = ngettext(one, many, n)
    if "{n}" in form:
        return form.format(n=n)
    # Translators: a number and its counted noun ("3 items"); Chinese: "3 项".
    return _("{n} {noun}").format(n=n, noun=form)


# The nouns the window counts with `count` (ui/ is outside the core's catalog extraction, so its
# literal nouns are marked here; a noun counted in ui/ must be added).
UI_NOUNS = (
    N_plural("item", "items"),
    N_plural("person", "people"),
    N_plural("problem", "problems"),
    N_plural("row", "rows"),
    N_plural("seat", "seats"),  # Move 2 seats onto … (a drop on the Seats page)
    N_plural("page", "pages"),  # the print preview
)

"""Who interprets an item and how: the interpreter's own duty, and what other readers see."""

from __future__ import annotations

from tourplanner.enums import label
from tourplanner.export.pdf.blocks import Line, join, line
from tourplanner.export.pdf.language import language_name
from tourplanner.export.pdf.styles import Styles
from tourplanner.i18n import _
from tourplanner.services.views import Interpreting, ItemView


def direction(a: Interpreting) -> str:
    """'English → Chinese, simultaneous': the pair in the reader's language, then the mode."""
    pair = ""
    if a.language_from and a.language_to:
        pair = f"{language_name(a.language_from)} → {language_name(a.language_to)}"
    return join(pair, _(label(a.mode)).lower(), sep=", ")


def interpreting_lines(view: ItemView, s: Styles, reader: int | None = None) -> list[Line]:
    """The reader's own duty as a badge ("You interpret: English → Chinese, simultaneous,
    Booth 1 (Hall A)"); the other interpreters by name with their direction."""
    lines: list[Line] = []
    mine = [a for a in view.interpreting if a.person_id == reader]
    for a in mine:
        duty = join(direction(a), a.booth, sep=", ")
        lines.append(line(_("You interpret: {duty}").format(duty=duty or _("this item")), s.badge))
    mine_names = {a.name for a in mine}
    assigned = {a.name: a for a in view.interpreting}
    others = [
        join(name, direction(assigned[name]), sep=", ") if name in assigned else name
        for name in dict.fromkeys([*view.interpreters, *assigned])
        if name not in mine_names
    ]
    if others:
        lines.append(line(_("Interpreter: {names}").format(names="; ".join(others)), s.small))
    return lines

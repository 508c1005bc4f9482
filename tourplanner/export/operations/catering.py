"""`export catering`: per meal, the count of each dietary tag and the total, allergy warnings
first, and the table of names only when asked. Never the free-text dietary or medical notes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from tourplanner.enums import label
from tourplanner.export.operations.document import Block, Document, write_document
from tourplanner.i18n import _
from tourplanner.i18n.formats import day_and_clock
from tourplanner.services.catering import MealCounts, meal_counts
from tourplanner.timezones import abbreviation


def meal_blocks(meal: MealCounts) -> list[Block]:
    lines = [
        f"{day_and_clock(meal.start)} {abbreviation(meal.start, meal.zone)}"
        + (f", {meal.venue}" if meal.venue else "")
    ]
    if meal.menu_note:
        lines.append(_("Menu: {menu}").format(menu=meal.menu_note))
    for tag, n in meal.allergies.items():
        lines.append(
            _("ALLERGY WARNING: {count} guest(s) with {allergy}").format(
                count=n, allergy=label(tag).lower()
            )
        )
    rows = [(label(tag), str(n)) for tag, n in meal.per_tag.items() if n]
    rows.append((_("No dietary restriction"), str(meal.no_restriction)))
    rows.append((_("Total guests"), str(meal.total)))
    allergy_names = {label(t) for t in meal.allergies}
    allergy_rows = frozenset(n for n, row in enumerate(rows) if row[0] in allergy_names)
    heading = meal.title + (f" ({meal.title_local})" if meal.title_local else "")
    blocks = [
        Block(
            heading,
            tuple(lines),
            (_("Dietary need"), _("Guests")),
            tuple(rows),
            (3.0, 1.0),
            sheet=meal.title,
            bold_rows=frozenset({len(rows) - 1}),
            warn_rows=allergy_rows,
        )
    ]
    if meal.diners:
        blocks.append(
            Block(
                _("Guests at {meal}").format(meal=meal.title),
                (),
                (_("Name"), _("Local script"), _("Dietary needs")),
                tuple(
                    (
                        d.name_latin,
                        d.name_local,
                        ", ".join(
                            label(t) if t != "other" else d.other or label(t) for t in d.tags
                        ),
                    )
                    for d in meal.diners
                ),
                (2.0, 1.5, 3.0),
                sheet=f"{meal.title[:22]} names",
            )
        )
    return blocks


def catering_document(meals: list[MealCounts], plan_title: str) -> Document:
    blocks = [b for meal in meals for b in meal_blocks(meal)]
    note = _(
        "Counts per dietary tag; one guest may have several tags, so the tags may add up to more "
        "than the guests with restrictions. No medical details are given on this sheet."
    )
    return Document("CATERING", plan_title, tuple(blocks), notes=(note,))


def export_catering(
    session: Session,
    out: Path,
    *,
    plan_title: str,
    item: str | None = None,
    day: date | None = None,
    names: bool = False,
) -> int:
    """Write the catering sheet; returns the number of meals."""
    meals = meal_counts(session, item=item, day=day, names=names)
    write_document(catering_document(meals, plan_title), out)
    return len(meals)

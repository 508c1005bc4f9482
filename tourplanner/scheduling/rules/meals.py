"""meal-diet-without-menu: a meal whose guests have dietary tags and whose menu note is empty.

The caterer reads the menu note for what is served to whom (the vegetarian plates, the halal
option, no nuts at table 3): without one, the tagged guests' needs reach nobody. Who attends is
the index's `item_people`, as the catering sheet counts them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import datetime

from tourplanner.enums import DietaryTag, label
from tourplanner.i18n import ngettext
from tourplanner.scheduling.findings import WARNING, Finding, Sentence
from tourplanner.scheduling.rules.view import CANCELLED, Timed
from tourplanner.scheduling.snapshot import ItemRec, PlanSnapshot
from tourplanner.scheduling.text import occasion_of

MEAL = "meal"
_ORDER = {tag.value: n for n, tag in enumerate(DietaryTag)}


def meal_diet_without_menu(snap: PlanSnapshot, item: ItemRec, guests: Iterable[int]) -> list[Timed]:
    """The meal's finding, if its guests (the people attending) have tags and it has no menu."""
    if item.kind != MEAL or item.status == CANCELLED or item.menu_note.strip():
        return []
    counts: Counter[str] = Counter()
    tagged = []
    people = snap.people
    for person_id in guests:
        person = people.get(person_id)
        if person is not None and person.dietary_tags:
            tagged.append(person_id)
            counts.update(t for t in person.dietary_tags.split(",") if t)
    if not tagged:
        return []
    per_tag = tuple(sorted(counts.items(), key=lambda c: (_ORDER.get(c[0], len(_ORDER)), c[0])))
    message = Sentence(
        _no_menu, item.title, item.zone, item.start, item.end, len(tagged), per_tag
    )  # written when read, in the reader's language
    return [
        (
            item.start.timestamp(),
            Finding(
                "meal-diet-without-menu",
                WARNING,
                message,
                item_ids=(item.id,),
                person_ids=tuple(sorted(tagged)),
                programme_ids=(item.programme_id,),
            ),
        )
    ]


def _no_menu(
    title: str,
    zone: str,
    start: datetime,
    end: datetime,
    guests: int,
    per_tag: tuple[tuple[str, int], ...],
) -> str:
    tags = ", ".join(f"{n} {label(tag).lower()}" for tag, n in per_tag)
    return ngettext(
        "{occasion} has no menu note, but {count} guest has dietary needs: {tags}.",
        "{occasion} has no menu note, but {count} guests have dietary needs: {tags}.",
        guests,
    ).format(occasion=occasion_of(title, zone, start, end), count=guests, tags=tags)

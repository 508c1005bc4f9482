"""The caterer's view of each meal: counts per dietary tag and the total, allergy warnings, and
(only when asked) who eats what. Never the free-text dietary or medical notes: a caterer reads
tags, and the coordinator keeps the rest in the app."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from tourplanner.enums import ALLERGY_TAGS, DietaryTag, ItemKind, ItemStatus, label
from tourplanner.errors import NotFoundError, ValidationError
from tourplanner.i18n import _, formats
from tourplanner.models import Item, Person
from tourplanner.services.attendance import items_attendance
from tourplanner.services.dietary import tags_of
from tourplanner.services.listings import Listing
from tourplanner.services.protocol import find_item
from tourplanner.timezones import abbreviation, local_day_bounds, to_local


@dataclass(frozen=True)
class Diner:
    name_latin: str
    name_local: str
    tags: tuple[str, ...]
    other: str  # what the 'other' tag means ('no spicy food'): a tag's wording, not a note


@dataclass(frozen=True)
class MealCounts:
    item_id: int
    title: str
    title_local: str
    start: datetime  # local to the meal
    zone: str
    venue: str
    menu_note: str
    total: int
    per_tag: dict[str, int]  # every tag, in the vocabulary's order, zero included
    allergies: dict[str, int]  # the allergy tags present
    diners: tuple[Diner, ...]  # empty unless names were asked for
    tagged: int  # diners with at least one tag

    @property
    def no_restriction(self) -> int:
        """Diners with no tag at all: with the tagged ones, they make up the total."""
        return self.total - self.tagged


def _meals(session: Session, item: str | None, day: date | None) -> list[Item]:
    if item is not None and day is not None:
        raise ValidationError("meal", _("give either a meal or a date, not both"))
    if item is not None:
        found = find_item(session, item)
        if found.kind != ItemKind.MEAL:
            raise ValidationError(
                "meal", _("{title_en!r} is not a meal").format(title_en=found.title_en)
            )
        return [found]
    meals = list(
        session.scalars(
            select(Item)
            .where(Item.kind == ItemKind.MEAL, Item.status != ItemStatus.CANCELLED)
            .options(selectinload(Item.venue))
            .order_by(Item.start_utc, Item.id)
        )
    )
    if day is not None:
        meals = [m for m in meals if _on(m, day)]
        if not meals:
            raise NotFoundError(_("no meal is planned on {day}").format(day=day.isoformat()))
    return meals


def _on(meal: Item, day: date) -> bool:
    start, end = local_day_bounds(day, meal.timezone)
    return start <= meal.start_utc < end


def meal_counts(
    session: Session,
    *,
    item: str | None = None,
    day: date | None = None,
    names: bool = False,
) -> list[MealCounts]:
    """Each meal (one, those of a day, or all) with its counts."""
    out = []
    meals = _meals(session, item, day)
    # Every meal's diners and their tags in a few queries, not a handful per meal.
    attendance = items_attendance(session, meals)
    ids = {a.person_id for who in attendance.values() for a in who.attendees}
    rows = {
        pid: (tags, other)
        for pid, tags, other in session.execute(
            select(Person.id, Person.dietary_tags, Person.dietary_other).where(Person.id.in_(ids))
        )
    }
    for meal in meals:
        attending = attendance[meal.id].attendees
        counter: Counter[str] = Counter()
        tagged = 0
        diners = []
        for a in attending:
            stored, other = rows.get(a.person_id, ("", ""))
            tags = tags_of(stored)
            counter.update(tags)
            tagged += bool(tags)
            if names:
                diners.append(
                    Diner(a.name_latin, a.name_local, tags, other if "other" in tags else "")
                )
        per_tag = {t.value: counter.get(t.value, 0) for t in DietaryTag}
        counts = MealCounts(
            meal.id,
            meal.title_en,
            meal.title_local,
            to_local(meal.start_utc, meal.timezone),
            meal.timezone,
            meal.venue.name_en if meal.venue else "",
            meal.menu_note,
            len(attending),
            per_tag,
            {t: n for t, n in per_tag.items() if t in ALLERGY_TAGS and n},
            tuple(diners),
            tagged,
        )
        out.append(counts)
    return out


def meals_listing(session: Session) -> Listing:
    """The Meals page: each meal (its item's id first) with its menu, its diners and a count per
    dietary tag that any meal has (the tags no meal has would be columns of zeros)."""
    meals = meal_counts(session)
    tags = [t.value for t in DietaryTag if any(m.per_tag[t.value] for m in meals)]
    rows = [
        (
            m.item_id,
            f"{formats.day_and_clock(m.start)} {abbreviation(m.start, m.zone)}",
            m.title,
            m.menu_note,
            str(m.total),
            str(m.no_restriction),
            *(str(m.per_tag[t]) for t in tags),
            m.venue,
        )
        for m in meals
    ]
    columns = ("When (local)", "Meal", "Menu", "Diners", "No restriction")
    return Listing((*columns, *(label(t) for t in tags), "Venue"), rows, time_column=0)

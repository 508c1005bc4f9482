"""What the checks find wrong in a person's itinerary, said before it is exported or printed."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy.orm import Session

from tourplanner.i18n import ngettext
from tourplanner.models import Person
from tourplanner.scheduling.findings import ERROR, Finding
from tourplanner.services.common import fetch
from tourplanner.services.conflicts import check_plan


def itinerary_errors(session: Session, person_id: int) -> list[Finding]:
    """The errors the checks find that concern one person, in the order they are listed."""
    fetch(session, Person, person_id, "person")
    return [f for f in check_plan(session) if f.severity == ERROR and person_id in f.person_ids]


def itinerary_problems(session: Session, person_id: int) -> str:
    """What to tell the user before exporting or printing a person's itinerary ('' if clean)."""
    person = fetch(session, Person, person_id, "person")
    return problems_text(person.display_name, itinerary_errors(session, person_id))


def errors_by_person(session: Session) -> dict[int, list[Finding]]:
    """Every person's errors (only people with some), from one check of the whole plan."""
    found: dict[int, list[Finding]] = defaultdict(list)
    for finding in check_plan(session):
        if finding.severity == ERROR:
            for person_id in finding.person_ids:
                found[person_id].append(finding)
    return dict(found)


def problems_text(name: str, errors: Iterable[Finding]) -> str:
    """'The itinerary of Ann Lee has 2 errors: …' with each finding's sentence, or ''."""
    sentences = [f.message for f in errors]
    if not sentences:
        return ""
    text = ngettext(
        "The itinerary of {name} has {n} error: {sentences}",
        "The itinerary of {name} has {n} errors: {sentences}",
        len(sentences),
    )
    return text.format(name=name, n=len(sentences), sentences=" ".join(sentences))

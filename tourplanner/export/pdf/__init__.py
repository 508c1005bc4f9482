"""PDF documents: personal itineraries (one or in batch), programme booklets, tour sheets."""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from tourplanner.db import PlanFile
from tourplanner.enums import TravelKind
from tourplanner.export.pdf.batch import export_itineraries
from tourplanner.export.pdf.blocks import PlanInfo
from tourplanner.export.pdf.itinerary import itinerary_story
from tourplanner.export.pdf.language import reader_language
from tourplanner.export.pdf.page import build
from tourplanner.export.pdf.programme_docs import booklet_story, tour_story
from tourplanner.export.pdf.styles import MARGIN, make_styles, paper_size
from tourplanner.files import atomic_path
from tourplanner.i18n import use_language
from tourplanner.services import (
    item_places,
    itinerary,
    participations,
    plans,
    programmes,
    travel,
)
from tourplanner.services.revision import plan_revision
from tourplanner.services.views import ProgrammeView
from tourplanner.timezones import to_local

__all__ = ["export_itineraries", "export_itinerary", "export_programme_booklet", "export_tour"]


def plan_info(session) -> PlanInfo:  # noqa: ANN001
    plan = plans.get_plan(session)
    return PlanInfo(
        plan.title,
        plan.organization,
        plan.emergency_contacts,
        plan.home_timezone,
        plan_revision(session),
        datetime.now(UTC),
    )


def text_width(paper: str) -> float:
    return paper_size(paper)[0] - 2 * MARGIN


@contextmanager
def atomic_output(out: Path | BinaryIO) -> Iterator[str | BinaryIO]:
    """Write to a temporary file beside `out` and rename it at the end: never a half-written PDF
    (flushed and fsynced first; on failure the old file stays and the temporary goes)."""
    if not isinstance(out, (str, Path)):
        yield out
        return
    with atomic_path(out) as tmp:
        yield str(tmp)


def write_document(
    out: Path | BinaryIO, story: list, *, paper: str, title: str, info: PlanInfo
) -> None:
    """Lay out a story as a finished PDF at `out` in the current language, with the plan's
    header and metadata."""
    with atomic_output(out) as target:
        build(
            target,
            story,
            paper=paper,
            title=title,
            author=info.organization,
            subject=info.title,
            plan_title=info.title,
            stamp=info.stamp,
        )


def export_itinerary(
    plan: PlanFile,
    person_id: int,
    out: Path | BinaryIO,
    *,
    paper: str = "a4",
    include_cancelled: bool = False,
    include_sensitive: bool = False,
) -> None:
    """One person's itinerary as a PDF."""
    width = text_width(paper)
    with plan.reading() as session:
        info = plan_info(session)
        itin = itinerary.person_itinerary(
            session,
            person_id,
            include_cancelled=include_cancelled,
            include_sensitive=include_sensitive,
        )
    # In the reader's language: a Chinese-preferring person gets a Chinese document.
    with use_language(reader_language(itin.person.preferred_language)):
        story = itinerary_story(itin, info, width, make_styles())
        write_document(
            out, story, paper=paper, title=f"Itinerary — {itin.person.name_latin}", info=info
        )


def export_programme_booklet(
    plan: PlanFile, programme_id: int, out: Path | BinaryIO, *, paper: str = "a4"
) -> None:
    """A programme (conference) booklet: each day's items, rooms and speakers; a speaker index."""
    width = text_width(paper)
    with plan.reading() as session:
        info = plan_info(session)
        prog = ProgrammeView.of(programmes.get_programme(session, programme_id))
        views = item_places.for_print(session, itinerary.programme_items(session, programme_id))
        first_day = itinerary.event_first_day(session, [programme_id])
    styles = make_styles()
    # Laid out twice: the first pass finds each item's page for the speaker index.
    pages: dict = {}
    title = f"Programme — {prog.title_en}"
    first = booklet_story(prog, views, info, width, styles, first_day, pages)
    write_document(io.BytesIO(), first, paper=paper, title=title, info=info)
    story = booklet_story(prog, views, info, width, styles, first_day, dict(pages))
    write_document(out, story, paper=paper, title=title, info=info)


def export_tour(
    plan: PlanFile, programme_id: int, out: Path | BinaryIO, *, paper: str = "a4"
) -> None:
    """A study tour: roster with seats, hotels, and the day-by-day stops, meals and transfers."""
    width = text_width(paper)
    with plan.reading() as session:
        info = plan_info(session)
        roster = itinerary.tour_roster(session, programme_id)
        views = item_places.for_print(session, itinerary.programme_items(session, programme_id))
        hotels = tour_hotels(session, programme_id)
        first_day = itinerary.event_first_day(session, [programme_id])
    story = tour_story(roster, views, hotels, info, width, make_styles(), first_day)
    write_document(out, story, paper=paper, title=f"Tour — {roster.programme.title_en}", info=info)


def tour_hotels(session, programme_id: int) -> list[tuple[str, str, str]]:  # noqa: ANN001
    """Hotels the tour's confirmed people stay in during the tour: name, local name, nights."""
    prog = programmes.get_programme(session, programme_id)
    stays: dict[tuple[str, str], set] = {}
    for part in participations.participants(session, programme_id=programme_id):
        if part.status != "confirmed":
            continue
        for seg in travel.travel_of_person(session, part.person_id):
            if seg.kind != TravelKind.HOTEL or seg.venue is None:
                continue
            start = to_local(seg.start_utc, seg.start_timezone).date()
            end = to_local(seg.end_utc, seg.end_timezone).date()
            nights = {d for d in _dates(start, end) if prog.start_date <= d <= prog.end_date}
            if nights:
                stays.setdefault((seg.venue.name_en, seg.venue.name_local), set()).update(nights)
    return [
        (name, local, f"nights of {', '.join(f'{d:%d %b}' for d in sorted(nights))}")
        for (name, local), nights in sorted(stays.items(), key=lambda kv: min(kv[1]))
    ]


def _dates(start, end):  # noqa: ANN001, ANN202
    day = start
    while day < end:
        yield day
        day = day.fromordinal(day.toordinal() + 1)

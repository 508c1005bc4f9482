"""Bare reportlab baseline: the same item rows, fonts and table style as the itineraries.

`rows_of(plan)` extracts every person's rows as plain strings beforehand (not timed); `render`
lays them out with reportlab alone (no database, no models, no cover page, zone cues or QR
codes), one document with a page break between people, in this one process.
"""

from __future__ import annotations

import time
from pathlib import Path

from reportlab.platypus import PageBreak, Paragraph

from tourplanner.db import PlanFile
from tourplanner.export.pdf.blocks import entry_row, line, para
from tourplanner.export.pdf.page import Section, build
from tourplanner.export.pdf.styles import MARGIN, make_styles, paper_size
from tourplanner.services import itinerary, people
from tourplanner.timezones import abbreviation, to_local

Row = tuple[str, str, list[str]]  # time, zone, the lines of the details (title first)


def rows_of(plan: PlanFile) -> list[tuple[str, list[Row]]]:
    """Each person's name and item rows as plain text."""
    result = []
    with plan.reading() as session:
        for person in people.list_people(session):
            itin = itinerary.person_itinerary(session, person.id)
            rows = [
                (
                    f"{to_local(v.start_utc, v.timezone):%H:%M}–{to_local(v.end_utc, v.timezone):%H:%M}",
                    abbreviation(v.start_utc, v.timezone),
                    [v.title_en, v.title_local, v.kind]
                    + (
                        [
                            v.venue.name_en,
                            v.venue.name_local,
                            v.venue.address_en,
                            v.venue.address_local,
                        ]
                        if v.venue
                        else []
                    ),
                )
                for v in itin.items
            ]
            result.append((person.display_name, rows))
    return result


def render(data: list[tuple[str, list[Row]]], out: Path) -> float:
    """Lay out all rows with bare reportlab; returns the seconds it took."""
    start = time.perf_counter()
    s = make_styles()
    width = paper_size("a4")[0] - 2 * MARGIN
    story = []
    for n, (name, rows) in enumerate(data):
        if n:
            story.append(PageBreak())
        story += [Section(n, name), para(name, s.title)]
        for when, zone, lines in rows:
            time_cell = [Paragraph(when, s.time), Paragraph(zone, s.time_zone)]
            details = [line(lines[0], s.entry_title), *(line(text, s.body) for text in lines[1:])]
            story.append(entry_row(time_cell, details, width))
    build(
        str(out), story, paper="a4", title="baseline", author="", subject="", plan_title="Baseline"
    )
    return time.perf_counter() - start

"""The floor an itinerary is measured against: the same rows in plain reportlab.

What it is: the most straightforward reportlab document of a person's item rows, written as a
reportlab user would write it without TourPlanner's blocks. A `SimpleDocTemplate` with the
itinerary's margins, the person's name as a `Paragraph`, then one two-column `Table` per row
(the time and zone `Paragraph`s | one `Paragraph` per line of details: titles, kind, venue
names and addresses), top-aligned with a rule under it, and a page number drawn on each page.
The fonts, sizes and colours are the app's registered ones (`fonts.register_fonts`,
`styles.make_styles`), and user text goes through the same escaping into per-font runs
(`fonts.markup`: reportlab does not fall back to the CJK face by itself). It uses nothing of
`tourplanner.export.pdf.blocks` or `page`, so speeding those up does not move the floor.

What it leaves out: the cover page, zone cues, QR codes, taxi cards, the running head's day,
"Page N of M", bookmarks and the revision stamp.

`rows_of(plan)` extracts every person's rows as plain strings beforehand (not timed);
`render` lays them out, one document with a page break between people, in this one process.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

from tourplanner.db import PlanFile
from tourplanner.export.pdf.fonts import SANS, markup
from tourplanner.export.pdf.styles import MARGIN, RULE, make_styles, paper_size
from tourplanner.services import itinerary, people
from tourplanner.timezones import abbreviation, to_local

Row = tuple[str, str, list[str]]  # time, zone, the lines of the details (title first)

TIME_WIDTH = 27 * mm
ROW_STYLE = TableStyle(
    [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
    ]
)


def rows_of(plan: PlanFile, limit: int | None = None) -> list[tuple[int, str, list[Row]]]:
    """Each person's id, name and item rows as plain text (the first `limit` people)."""
    result = []
    with plan.reading() as session:
        for person in people.list_people(session)[:limit]:
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
            result.append((person.id, person.display_name, rows))
    return result


def _page_number(canv: Any, doc: Any) -> None:
    canv.setFont(SANS, 7)
    canv.drawRightString(doc.pagesize[0] - MARGIN, MARGIN - 8 * mm, f"Page {doc.page}")


def render(data: list[tuple[int, str, list[Row]]], out: Path | BinaryIO) -> float:
    """Lay out all rows with plain reportlab; returns the CPU seconds it took."""
    start = time.process_time()
    s = make_styles()
    size = paper_size("a4")
    width = size[0] - 2 * MARGIN
    story: list[Any] = []
    for n, (_, name, rows) in enumerate(data):
        if n:
            story.append(PageBreak())
        story.append(Paragraph(markup(name), s.title))
        for when, zone, lines in rows:
            times = [Paragraph(when, s.time), Paragraph(zone, s.time_zone)]
            details = [Paragraph(markup(lines[0]), s.entry_title)]
            details += [Paragraph(markup(text), s.body) for text in lines[1:] if text]
            story.append(
                Table(
                    [[times, details]], colWidths=[TIME_WIDTH, width - TIME_WIDTH], style=ROW_STYLE
                )
            )
    doc = SimpleDocTemplate(
        str(out) if isinstance(out, Path) else out,
        pagesize=size,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + 8 * mm,
        bottomMargin=MARGIN,
        title="baseline",
    )
    doc.build(story, onFirstPage=_page_number, onLaterPages=_page_number)
    return time.process_time() - start

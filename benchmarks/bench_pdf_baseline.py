"""The floors an itinerary is measured against: the same content in plain reportlab.

Both are the most straightforward reportlab documents of a person's itinerary, written as a
reportlab user would write them without TourPlanner's blocks: a `SimpleDocTemplate` with the
itinerary's margins and a page number drawn on each page, a `Paragraph` per line, a `Table`
per row. The fonts, sizes and colours are the app's registered ones (`fonts.register_fonts`,
`styles.make_styles`), and user text goes through the same escaping into per-font runs
(`fonts.markup`: reportlab does not fall back to the CJK face by itself), timed. They use
nothing of `tourplanner.export.pdf.blocks` or `page`, so speeding those up does not move them.

The full floor (`render_full`, the one the target is about) draws everything the itinerary
draws, with the strings the itinerary prints (taken from its story beforehand, not timed):
  - the cover: kicker, names, organisation, the label | value table, "your days at a glance",
    "your hotels" and the contacts, each table a plain `Table` (a `Paragraph` per cell) with
    the itinerary's paddings, rules and background;
  - the reading note and "Day by day";
  - each day's heading as a two-cell `Table` band, kept with the day's first entry
    (`KeepTogether`, after a `CondPageBreak`, as the itinerary keeps them);
  - each entry as a one-row `Table`: time and zone `Paragraph`s | a `Paragraph` per line of
    its details (titles, badges, venues, both scripts' addresses, phones, notes, people) | the
    place's QR code where the itinerary prints one, as reportlab's own `QrCodeWidget` drawn
    into a `Drawing` once per link and person (the itinerary, too, encodes each place once)
    with the map app's name under it;
  - the zone-change cues as bordered `Paragraph`s;
  - the taxi cards: their page, the `Paragraph`s of each card, in a dashed-grid `Table`.
It leaves out: the running head (the day, the person), "Page N of M" (a bare page number
instead), the revision stamp's footer, bookmarks, the PDF's metadata and language.

The rows floor (`render_rows`, the floor of earlier rounds) draws the person's name and one
two-column `Table` per item row (time and zone | title, local title, kind, venue names and
addresses), nothing else: no cover, zone cues, QR codes, taxi cards, travel or hotels.

`rows_of(plan)` extracts every person's content as plain strings beforehand (not timed);
`render_full` and `render_rows` lay them out, one document with a page break between people,
in this one process, and return the CPU seconds they took.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from tourplanner.db import PlanFile
from tourplanner.export.pdf.fonts import CJK, SANS, markup
from tourplanner.export.pdf.styles import MARGIN, MUTED, RULE, Styles, make_styles, paper_size
from tourplanner.services import itinerary, people
from tourplanner.timezones import abbreviation, to_local

Row = tuple[str, str, list[str]]  # time, zone, the lines of the details (title first)
# The full content, as plain values: ("p", text, style, prefix), ("space", height),
# ("break",), ("cond", height), ("keep", [parts]), ("table", TableLook, [[[parts]]], widths),
# ("entry", [(text, style)], [(text, style, prefix)], (link, caption) or None).
Part = tuple[Any, ...]

TIME_WIDTH = 27 * mm
QR_SIZE = 17 * mm
CAPTION = 2.6 * mm
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


@dataclass(frozen=True)
class Person:
    """One person's content for the floors: the rows (rows floor) and the parts (full floor)."""

    id: int
    name: str
    rows: list[Row]
    parts: list[Part] = field(default_factory=list)

    def __iter__(self):  # noqa: ANN204 - (id, name, rows), as the floor of earlier rounds
        return iter((self.id, self.name, self.rows))


@dataclass(frozen=True)
class TableLook:
    """What a table of the itinerary looks like, in numbers a TableStyle takes."""

    top: float
    bottom: float
    left: float
    right: float
    valign: str
    background: Any = None
    grid: bool = False
    rules: bool = False


# ---- extraction (not timed) -------------------------------------------------------------

CJK_OPEN = f'<font name="{CJK}">'
PREFIX = re.compile(r"^(<b>.*?</b>)")


def plain(text: str) -> tuple[str, str]:
    """The user text behind a line's markup, and the trusted markup put before it."""
    match = PREFIX.match(text)
    prefix = match[1] if match else ""
    body = text[len(prefix) :].replace(CJK_OPEN, "").replace("</font>", "")
    return unescape(body.replace("<br/>", "\n")), prefix


def _style_names(s: Styles) -> dict[str, str]:
    return {getattr(s, name).name: name for name in s.__dataclass_fields__}


def _style(style: Any, names: dict[str, str]) -> str:
    return names[style.name.removesuffix("-cjk")]


def _look(table: Table) -> TableLook:
    cell = table._cellStyles[0][0]
    return TableLook(
        cell.topPadding,
        cell.bottomPadding,
        cell.leftPadding,
        cell.rightPadding,
        cell.valign,
        background=table._bkgrndcmds[0][3] if table._bkgrndcmds else None,
        grid=any(cmd[0] == "GRID" for cmd in table._linecmds),
        rules=any(cmd[0] == "LINEBELOW" for cmd in table._linecmds),
    )


def _parts(flowables: list[Any], names: dict[str, str]) -> list[Part]:
    """The itinerary story's flowables as plain values (its own markers left out)."""
    from tourplanner.export.pdf.blocks import Entry, Label

    out: list[Part] = []
    for f in flowables:
        kind = type(f).__name__
        if isinstance(f, Entry):
            times = [(t.text, _style(t.style, names)) for t in f.time]
            lines = [(*plain(ln.markup), _style(ln.style, names)) for ln in f.lines]
            qr = (f.qr.payload, f.qr.caption) if f.qr is not None else None
            out.append(("entry", times, [(t, st, pre) for t, pre, st in lines], qr))
        elif isinstance(f, Paragraph | Label):
            text, prefix = plain(f.text)
            out.append(("p", text, _style(f.style, names), prefix))
        elif isinstance(f, Table):
            cells = [
                [_parts(c if isinstance(c, list) else [c], names) for c in r] for r in f._cellvalues
            ]
            out.append(("table", _look(f), cells, list(f._colWidths)))
        elif kind == "KeepTogether":
            out.append(("keep", _parts(f._content, names)))
        elif kind == "CondPageBreak":
            out.append(("cond", f.height))
        elif kind == "PageBreak":
            out.append(("break",))
        elif kind == "Spacer":
            out.append(("space", f.height))
        elif kind not in ("Section", "DayMark", "Unnumbered"):
            raise TypeError(f"the floor does not draw a {kind}")
    return out


def full_parts(plan: PlanFile, person_id: int, paper: str = "a4") -> list[Part]:
    """What the person's itinerary prints, taken from the story `export_itinerary` lays out."""
    from tourplanner.export.pdf import plan_info, text_width
    from tourplanner.export.pdf.itinerary import itinerary_story
    from tourplanner.export.pdf.language import reader_language
    from tourplanner.i18n import use_language

    with plan.reading() as session:
        info = plan_info(session)
        itin = itinerary.person_itinerary(session, person_id)
    with use_language(reader_language(itin.person.preferred_language)):
        s = make_styles()
        story = itinerary_story(itin, info, text_width(paper), s)
        return _parts(story, _style_names(s))


def rows_of(plan: PlanFile, limit: int | None = None, *, full: bool = True) -> list[Person]:
    """Each person's id, name, item rows and (`full`) whole content as plain text (the first
    `limit` people)."""
    result = []
    with plan.reading() as session:
        everyone = people.list_people(session)[:limit]
        for person in everyone:
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
            result.append(Person(person.id, person.display_name, rows))
    if full:
        result = [Person(p.id, p.name, p.rows, full_parts(plan, p.id)) for p in result]
    return result


# ---- the floors (timed) -----------------------------------------------------------------


def _page_number(canv: Any, doc: Any) -> None:
    canv.setFont(SANS, 7)
    canv.drawRightString(doc.pagesize[0] - MARGIN, MARGIN - 8 * mm, f"Page {doc.page}")


def _document(out: Path | BinaryIO, story: list[Any]) -> None:
    doc = SimpleDocTemplate(
        str(out) if isinstance(out, Path) else out,
        pagesize=paper_size("a4"),
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + 8 * mm,
        bottomMargin=MARGIN,
        title="baseline",
    )
    doc.build(story, onFirstPage=_page_number, onLaterPages=_page_number)


def render_rows(data: list[Person], out: Path | BinaryIO) -> float:
    """The rows floor: the name and a table per item row; returns the CPU seconds it took."""
    start = time.process_time()
    s = make_styles()
    width = paper_size("a4")[0] - 2 * MARGIN
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
    _document(out, story)
    return time.process_time() - start


render = render_rows  # the name of earlier rounds


def _qr(link: str, caption: str, codes: dict[str, Drawing]) -> Drawing:
    """The place's code and caption, encoded once per link in a document (as a careful
    reportlab user would keep it, not once each time it is printed): the widget's own drawing,
    its mask the most legible of eight, as reportlab picks it."""
    if link in codes:
        return codes[link]
    drawing = codes[link] = Drawing(QR_SIZE, QR_SIZE + CAPTION)
    widget = QrCodeWidget(link, barWidth=QR_SIZE, barHeight=QR_SIZE, barBorder=1, y=CAPTION)
    drawing.add(widget.draw())
    drawing.add(
        String(
            QR_SIZE / 2, 1, caption, fontName=CJK, fontSize=6, fillColor=MUTED, textAnchor="middle"
        )
    )
    return drawing


def _table_style(look: TableLook) -> TableStyle:
    commands: list[tuple] = [
        ("FONTNAME", (0, 0), (-1, -1), SANS),
        ("VALIGN", (0, 0), (-1, -1), look.valign),
        ("TOPPADDING", (0, 0), (-1, -1), look.top),
        ("BOTTOMPADDING", (0, 0), (-1, -1), look.bottom),
        ("LEFTPADDING", (0, 0), (-1, -1), look.left),
        ("RIGHTPADDING", (0, 0), (-1, -1), look.right),
    ]
    if look.background is not None:
        commands.append(("BACKGROUND", (0, 0), (-1, -1), look.background))
    if look.grid:
        commands.append(("GRID", (0, 0), (-1, -1), 0.6, RULE, None, (3, 2)))
    if look.rules:
        commands.append(("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE))
    return TableStyle(commands)


def _story(parts: list[Part], s: Styles, width: float, codes: dict[str, Drawing]) -> list[Any]:
    story: list[Any] = []
    details_width = width - TIME_WIDTH - QR_SIZE - 4 * mm
    for part in parts:
        kind = part[0]
        if kind == "p":
            story.append(Paragraph(part[3] + markup(part[1]), getattr(s, part[2])))
        elif kind == "entry":
            times = [Paragraph(text, getattr(s, style)) for text, style in part[1]]
            details = [
                Paragraph(prefix + markup(text), getattr(s, style))
                for text, style, prefix in part[2]
                if text
            ]
            qr = _qr(*part[3], codes) if part[3] else ""
            story.append(
                Table(
                    [[times, details, qr]],
                    colWidths=[TIME_WIDTH, details_width, QR_SIZE + 4 * mm],
                    style=ROW_STYLE,
                )
            )
        elif kind == "table":
            cells = [[_story(cell, s, width, codes) for cell in row] for row in part[2]]
            story.append(Table(cells, colWidths=part[3], style=_table_style(part[1])))
        elif kind == "keep":
            story.append(KeepTogether(_story(part[1], s, width, codes)))
        elif kind == "cond":
            story.append(CondPageBreak(part[1]))
        elif kind == "break":
            story.append(PageBreak())
        elif kind == "space":
            story.append(Spacer(0, part[1]))
    return story


def render_full(data: list[Person], out: Path | BinaryIO) -> float:
    """The full floor: everything the itinerary prints (see above); returns CPU seconds."""
    start = time.process_time()
    s = make_styles()
    width = paper_size("a4")[0] - 2 * MARGIN
    story: list[Any] = []
    codes: dict[str, Drawing] = {}  # one document: each link encoded once
    for n, person in enumerate(data):
        if n:
            story.append(PageBreak())
        story += _story(person.parts, s, width, codes)
    _document(out, story)
    return time.process_time() - start


def links_of(parts: list[Part]) -> set[str]:
    """The links of the QR codes a person's full content prints."""
    found: set[str] = set()
    for part in parts:
        if part[0] == "entry" and part[3]:
            found.add(part[3][0])
        elif part[0] == "keep":
            found |= links_of(part[1])
        elif part[0] == "table":
            for row in part[2]:
                for cell in row:
                    found |= links_of(cell)
    return found


def widget_encoding(link: str) -> float:
    """CPU seconds reportlab's QrCodeWidget takes to encode and draw one link, as the floor
    does it."""
    start = time.process_time()
    QrCodeWidget(link, barWidth=QR_SIZE, barHeight=QR_SIZE, barBorder=1).draw()
    return time.process_time() - start

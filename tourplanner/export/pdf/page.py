"""Pages: header and footer on every page, 'Page N of M' counted per section (per person).

The header names the day a page is about ("Thursday 16 April 2015 (continued)"), so a loose
page still says when; the footer carries the plan's revision and the print time, so a reprint
can be told from the old copy. Sections and days become the PDF's bookmarks.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from functools import lru_cache
from typing import Any, BinaryIO, cast

from reportlab import rl_config
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas
from reportlab.platypus import Flowable, SimpleDocTemplate

from tourplanner.about import made_with
from tourplanner.export.pdf.fonts import SANS, SANS_BOLD, face, runs
from tourplanner.export.pdf.metadata import info
from tourplanner.export.pdf.styles import INK, MARGIN, MUTED, RULE, paper_size
from tourplanner.export.pdf.synthetic_bold import SyntheticBold
from tourplanner.i18n import _, current_language, use_language

HEADER_GAP = 12 * mm
# A day's first mark this close under the top of the text starts the page: no "(continued)".
STARTS_PAGE = 22 * mm


def draw_text(
    c: canvas.Canvas,
    x: float,
    y: float,
    text: str,
    *,
    font: str = SANS,
    size: float = 8,
    right: bool = False,
) -> None:
    """Draw user text on the canvas in per-font runs (header/footer lines)."""
    pieces = _pieces(text, font, size)
    if right:
        x -= sum(width for _, _, width in pieces)
    for f, chunk, width in pieces:
        c.setFont(f, size)
        c.drawString(x, y, chunk)
        x += width


@lru_cache(maxsize=1024)
def _pieces(text: str, font: str, size: float) -> tuple[tuple[str, str, float], ...]:
    """Text's runs as (face, chunk, width), CJK runs in the CJK face: measured once, as the
    same header and footer lines come back on every page."""
    return tuple(
        (face_, chunk, stringWidth(chunk, face_, size))
        for face_, chunk in ((face(is_cjk, font), chunk) for is_cjk, chunk in runs(text))
    )


def text_width(text: str, font: str, size: float) -> float:
    """The width of user text as `draw_text` draws it (CJK runs in the CJK face)."""
    return sum(width for _, _, width in _pieces(text, font, size))


@lru_cache(maxsize=256)
def fit_text(text: str, font: str, size: float, width: float, strip: str = " ") -> str:
    """Shorten text with an ellipsis to one line of `width` (a header line never runs into the
    other one; a cover's summary stays a line a day), dropping `strip` before the ellipsis."""
    if text_width(text, font, size) <= width:
        return text
    while text and text_width(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip(strip) + "…"


class SectionCanvas(SyntheticBold, canvas.Canvas):
    """Keeps every page until the end, then numbers each section's pages 'N of M'."""

    def __init__(
        self,
        *args: Any,
        plan_title: str = "",
        generated: date | None = None,
        stamp: Callable[[], str] | None = None,
        **kwargs: Any,
    ) -> None:
        # Start in the embedded face: the default Helvetica would be listed as an unembedded font.
        super().__init__(*args, **{**kwargs, "initialFontName": SANS})
        self.plan_title = plan_title
        self.generated = generated or date.today()
        self.stamp = stamp
        self.section: tuple[object, str] | None = None
        self.lang = current_language()
        # The day in force when the page began, and the first day mark on it: (title, height).
        self.day: str | None = None
        self.day_at_start: str | None = None
        self.first_mark: tuple[str, float] | None = None
        # Bookmarks met on this page: (key, title, level); added when the page is really shown.
        self.marks: list[tuple[str, str, int]] = []
        self._pages: list[dict[str, Any]] = []

    @property
    def page_count(self) -> int:
        """The number of the page being drawn, from 1 (reportlab's own counter is not moved)."""
        return len(self._pages) + 1

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()  # type: ignore[attr-defined]  # reportlab's; its stubs omit it
        self.day_at_start, self.first_mark, self.marks = self.day, None, []

    def save(self) -> None:
        totals = Counter(p["section"][0] for p in self._pages if p["section"] is not None)
        seen: Counter = Counter()
        for state in self._pages:
            self.__dict__.update(state)
            for mark, title, level in self.marks:
                self.bookmarkPage(mark)
                self.addOutlineEntry(title, mark, level=level)
            if self.section is not None:
                key, subject = self.section
                seen[key] += 1
                with use_language(self.lang):
                    self._decorate(subject, seen[key], totals[key])
            super().showPage()
        if any(state["marks"] for state in self._pages):
            self.showOutline()
        super().save()

    def running_day(self) -> str:
        """The day this page is about: the one it starts with, else the one it carries on."""
        top = self._pagesize[1] - MARGIN - HEADER_GAP  # type: ignore[attr-defined]
        if self.first_mark is not None and (
            self.day_at_start is None or self.first_mark[1] > top - STARTS_PAGE
        ):
            return self.first_mark[0]  # "" where the days have ended
        if self.day_at_start is not None:
            return _("{day} (continued)").format(day=self.day_at_start)
        return ""

    def _decorate(self, subject: str, number: int, total: int) -> None:
        width, height = self._pagesize  # type: ignore[attr-defined]  # set by reportlab's Canvas
        left, right = MARGIN, width - MARGIN
        top = height - MARGIN + 4 * mm
        half = (right - left) / 2 - 4 * mm
        day = self.running_day()
        if day:
            # The day in ink and bold, where a reader looks first; the plan moves to the footer.
            self.setFillColor(INK)
            draw_text(self, left, top, fit_text(day, SANS_BOLD, 9, half), font=SANS_BOLD, size=9)
        else:
            self.setFillColor(MUTED)
            draw_text(self, left, top, fit_text(self.plan_title, SANS, 8, half), font=SANS, size=8)
        self.setFillColor(MUTED)
        draw_text(
            self,
            right,
            top,
            fit_text(subject, SANS_BOLD, 8, half),
            font=SANS_BOLD,
            size=8,
            right=True,
        )
        self.setStrokeColor(RULE)
        self.setLineWidth(0.5)
        self.line(left, top - 2.5 * mm, right, top - 2.5 * mm)
        bottom = MARGIN - 8 * mm
        self.line(left, bottom + 4 * mm, right, bottom + 4 * mm)
        page = _("Page {number} of {total}").format(number=number, total=total)
        room = right - left - text_width(page, SANS, 7) - 6 * mm
        footer = (self.stamp() if self.stamp else "") or _("Generated {day} with {program}").format(
            day=f"{self.generated:%d %b %Y}", program=made_with()
        )
        if day and self.plan_title:
            footer = f"{footer} · {self.plan_title}"  # the stamp first: it must not be cut
        draw_text(self, left, bottom, fit_text(footer, SANS, 7, room), size=7)
        draw_text(self, right, bottom, page, size=7, right=True)


class Section(Flowable):
    """Marks where a section (one person's itinerary) begins; header subject and numbering."""

    def __init__(self, key: object, subject: str, lang: str = "en") -> None:
        super().__init__()
        self.key = key
        self.subject = subject
        self.lang = lang  # the language of this section's header and footer
        self.width = self.height = 0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        canv = cast(SectionCanvas, self.canv)  # `build` draws on it
        canv.section = (self.key, self.subject)
        canv.lang = self.lang
        canv.day = canv.day_at_start = None  # a new person starts with no day carried over
        canv.first_mark = None
        canv.marks.append((f"s{id(self)}", self.subject, 0))


class DayMark(Flowable):
    """Marks where a day begins: the running head's date and the day's bookmark. With
    `running=False` it ends the days (an index, the taxi cards): a bookmark, no date."""

    def __init__(self, title: str, *, level: int = 1, running: bool = True) -> None:
        super().__init__()
        self.title, self.level, self.running = title, level, running
        self.width = self.height = 0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        canv = cast(SectionCanvas, self.canv)
        day = self.title if self.running else ""
        if canv.first_mark is None:
            canv.first_mark = (day, canv.absolutePosition(0, 0)[1])
        canv.day = day or None
        canv.marks.append((f"d{id(self)}", self.title, self.level))


class Unnumbered(Flowable):
    """Marks a page that gets no header or footer (a blank page for duplex printing)."""

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        cast(SectionCanvas, self.canv).section = None


def build(
    out: str | BinaryIO,
    story: list[Flowable],
    *,
    paper: str,
    title: str,
    author: str,
    subject: str,
    plan_title: str,
    stamp: Callable[[], str] | None = None,
    lang: str | None = None,
) -> None:
    """Lay out a story on pages with TourPlanner's header, footer and PDF metadata (`lang`:
    the reader's language of tourplanner.i18n, the current one by default)."""
    size = paper_size(paper)
    doc = SimpleDocTemplate(
        out,
        pagesize=size,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + HEADER_GAP - 4 * mm,
        bottomMargin=MARGIN,
        **info(title=title, subject=subject, author=author, lang=lang),
    )

    def make_canvas(*args: Any, **kwargs: Any) -> SectionCanvas:
        return SectionCanvas(*args, plan_title=plan_title, stamp=stamp, **kwargs)

    with binary_streams():
        doc.build(story, canvasmaker=make_canvas)


@contextmanager
def binary_streams() -> Iterator[None]:
    """Compressed streams written as bytes, not also ASCII85-armoured (reportlab's default,
    for 7-bit channels no PDF travels over now): the pure-Python encoder was an eighth of an
    itinerary's time, and the file is a fifth smaller. Read when the document is saved."""
    before = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = before

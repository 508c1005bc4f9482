"""Pages: header and footer on every page, 'Page N of M' counted per section (per person)."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any, BinaryIO, cast

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas
from reportlab.platypus import Flowable, SimpleDocTemplate

from tourplanner.about import made_with
from tourplanner.export.pdf.fonts import CJK, SANS, SANS_BOLD, runs
from tourplanner.export.pdf.styles import MARGIN, MUTED, RULE, paper_size

HEADER_GAP = 12 * mm


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
    pieces = [(CJK if is_cjk else font, chunk) for is_cjk, chunk in runs(text)]
    if right:
        x -= sum(stringWidth(chunk, f, size) for f, chunk in pieces)
    for f, chunk in pieces:
        c.setFont(f, size)
        c.drawString(x, y, chunk)
        x += stringWidth(chunk, f, size)


def _fit(text: str, font: str, size: float, width: float) -> str:
    """Shorten text with an ellipsis so a header line never runs into the other one."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


class SectionCanvas(canvas.Canvas):
    """Keeps every page until the end, then numbers each section's pages 'N of M'."""

    def __init__(
        self, *args: Any, plan_title: str = "", generated: date | None = None, **kwargs: Any
    ) -> None:
        # Start in the embedded face: the default Helvetica would be listed as an unembedded font.
        super().__init__(*args, **{**kwargs, "initialFontName": SANS})
        self.plan_title = plan_title
        self.generated = generated or date.today()
        self.section: tuple[object, str] | None = None
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()  # type: ignore[attr-defined]  # reportlab's; its stubs omit it

    def save(self) -> None:
        totals = Counter(p["section"][0] for p in self._pages if p["section"] is not None)
        seen: Counter = Counter()
        for state in self._pages:
            self.__dict__.update(state)
            if self.section is not None:
                key, subject = self.section
                seen[key] += 1
                self._decorate(subject, seen[key], totals[key])
            super().showPage()
        super().save()

    def _decorate(self, subject: str, number: int, total: int) -> None:
        width, height = self._pagesize  # type: ignore[attr-defined]  # set by reportlab's Canvas
        left, right = MARGIN, width - MARGIN
        top = height - MARGIN + 4 * mm
        half = (right - left) / 2 - 4 * mm
        self.setFillColor(MUTED)
        draw_text(self, left, top, _fit(self.plan_title, SANS, 8, half), font=SANS, size=8)
        draw_text(
            self, right, top, _fit(subject, SANS_BOLD, 8, half), font=SANS_BOLD, size=8, right=True
        )
        self.setStrokeColor(RULE)
        self.setLineWidth(0.5)
        self.line(left, top - 2.5 * mm, right, top - 2.5 * mm)
        bottom = MARGIN - 8 * mm
        self.line(left, bottom + 4 * mm, right, bottom + 4 * mm)
        draw_text(self, left, bottom, f"Generated {self.generated:%d %b %Y} with {made_with()}")
        draw_text(self, right, bottom, f"Page {number} of {total}", right=True)


class Section(Flowable):
    """Marks where a section (one person's itinerary) begins; header subject and numbering."""

    def __init__(self, key: object, subject: str) -> None:
        super().__init__()
        self.key = key
        self.subject = subject
        self.width = self.height = 0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        cast(SectionCanvas, self.canv).section = (self.key, self.subject)  # `build` draws on it


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
) -> None:
    """Lay out a story on pages with TourPlanner's header, footer and PDF metadata."""
    size = paper_size(paper)
    doc = SimpleDocTemplate(
        out,
        pagesize=size,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + HEADER_GAP - 4 * mm,
        bottomMargin=MARGIN,
        title=title,
        author=author,
        subject=subject,
        creator=made_with(),
    )

    def make_canvas(*args: Any, **kwargs: Any) -> SectionCanvas:
        return SectionCanvas(*args, plan_title=plan_title, **kwargs)

    doc.build(story, canvasmaker=make_canvas)

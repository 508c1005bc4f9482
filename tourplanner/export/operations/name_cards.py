"""Folded table tents (席卡): one A4 sheet per person, folded along the middle to stand.

The name is printed on both halves, the upper half turned upside down, so once folded it reads
from both sides of the table: the guests' side and the chair's. Both scripts, as large as fit.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from tourplanner.errors import ValidationError
from tourplanner.export.operations.drawing import draw_centred, fitted_size
from tourplanner.export.operations.names import name_lines
from tourplanner.export.pdf.fonts import register_fonts
from tourplanner.export.pdf.metadata import bookmark_person, described_canvas
from tourplanner.export.pdf.styles import INK, MUTED, RULE
from tourplanner.files import atomic_path
from tourplanner.i18n import _
from tourplanner.services.badges import BadgeView

PAGE = landscape(A4)  # 297 × 210 mm: each half is a face of 297 × 105 mm
MARGIN = 14 * mm


def export_name_cards(cards: list[BadgeView], out: Path) -> int:
    """Write one folded card per person to `out` (.pdf) atomically; returns the page count."""
    if out.suffix.lower() != ".pdf":
        raise ValidationError("output", _("{name}: choose a .pdf file name").format(name=out.name))
    if not cards:
        raise ValidationError("people", _("There is nobody to make a name card for."))
    register_fonts()
    width, height = PAGE
    with atomic_path(out) as tmp:
        canvas = described_canvas(tmp, PAGE, title=_("Name cards"))
        for n, card in enumerate(cards):
            bookmark_person(canvas, f"card{n}", card.name_latin, card.name_local)
            _fold_line(canvas, width, height)
            _face(canvas, card, width, height / 2)  # the lower half, upright
            canvas.saveState()
            canvas.translate(width, height)  # the upper half, turned half a turn about its centre
            canvas.rotate(180)
            _face(canvas, card, width, height / 2)
            canvas.restoreState()
            canvas.showPage()
        canvas.save()
    return len(cards)


def _fold_line(canvas: Canvas, width: float, height: float) -> None:
    canvas.saveState()
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.setDash(4, 4)
    canvas.line(0, height / 2, width, height / 2)
    canvas.restoreState()


def _face(canvas: Canvas, card: BadgeView, width: float, height: float) -> None:
    """One face, its baseline towards the fold (y = height) read from below: the card stands
    on its edge at y = 0 and the text's top points to the fold."""
    first, second = name_lines(card.name_latin, card.name_local)
    usable = width - 2 * MARGIN
    canvas.saveState()
    canvas.setFillColor(INK)
    if second:
        big = fitted_size(first, usable, 0.42 * height, bold=True)
        small = min(big * 0.5, 0.22 * height)
        gap = (height - big * 0.75 - small * 0.75) / 3
        draw_centred(canvas, second, width / 2, gap, usable, small)
        canvas.setFillColor(INK)
        draw_centred(canvas, first, width / 2, 2 * gap + small * 0.75, usable, big, bold=True)
    else:
        big = fitted_size(first, usable, 0.5 * height, bold=True)
        draw_centred(canvas, first, width / 2, (height - big * 0.75) / 2, usable, big, bold=True)
    canvas.setFillColor(MUTED)
    org = card.organization_local or card.organization_en
    if org:
        draw_centred(canvas, org, width / 2, height - 9 * mm, usable, 10)
    canvas.restoreState()

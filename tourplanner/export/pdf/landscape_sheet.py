"""A working sheet on landscape A4 (the gift register, transfers, rooming lists, manifests,
catering): a story written atomically with narrow margins, for the people who hold it in hand."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, SimpleDocTemplate

from tourplanner.export.pdf.metadata import info
from tourplanner.export.pdf.synthetic_bold import BoldCanvas
from tourplanner.files import atomic_path


def write_landscape_sheet(
    out: Path, story: list[Flowable], *, title: str, subject: str = "", author: str = ""
) -> None:
    """Lay ``story`` out on landscape A4 pages into ``out``; a failure leaves no partial file."""
    with atomic_path(out) as tmp:
        SimpleDocTemplate(
            str(tmp),
            pagesize=landscape(A4),
            leftMargin=12 * mm,
            rightMargin=12 * mm,
            topMargin=12 * mm,
            bottomMargin=12 * mm,
            **info(title=title, subject=subject, author=author),
        ).build(story, canvasmaker=BoldCanvas)

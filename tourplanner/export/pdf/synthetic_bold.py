"""Bold Chinese drawn from the regular face: its outlines filled and stroked in their own colour.

Droid Sans Fallback has no bold face, and the free CJK faces that have one (Noto/Source Han
Sans) ship CFF outlines, which reportlab cannot embed. So the bold CJK font (`fonts.CJK_BOLD`) is
the regular face under another name, and a text object of TourPlanner's canvases draws its runs
in PDF text render mode 2 (fill, then stroke) with a stroke of a thirtieth of the size in the
fill colour: the strokes thicken by that much, as a bold face would. Every canvas that draws
text for TourPlanner is a `BoldCanvas` (or mixes `SyntheticBold` in).
"""

from __future__ import annotations

from typing import Any, cast

from reportlab.lib.colors import toColor
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject

from tourplanner.export.pdf.fonts import CJK_BOLD

STROKE = 1 / 30  # of the font size: about the stem difference between a regular and a bold face


def _rgb(colour: Any) -> str:
    """A colour as the operands of PDF's RG operator."""
    if not (isinstance(colour, (tuple, list)) and len(colour) == 3):
        colour = toColor(colour).rgb()
    return " ".join(_num(float(c)) for c in colour)


def _num(value: float) -> str:
    return f"{value:.4f}".rstrip("0").rstrip(".") or "0"


class BoldTextObject(PDFTextObject):
    """A text object that strokes the runs of the synthetic bold CJK font."""

    def _formatText(self, text: str) -> str:  # noqa: N802 - reportlab's name
        me = cast(Any, self)  # reportlab's private state, which its stubs do not declare
        code: str = cast(Any, super())._formatText(text)
        if me._fontname != CJK_BOLD or not code:
            return code
        canvas = me._canvas
        fill = getattr(self, "_fillColorObj", None) or canvas._fillColorObj
        # The canvas's own stroke colour and width come back after the run, for the lines and
        # boxes drawn next.
        return (
            f"2 Tr {_num(me._fontsize * STROKE)} w {_rgb(fill)} RG {code} "
            f"0 Tr {_num(canvas._lineWidth)} w {_rgb(canvas._strokeColorObj)} RG"
        )


class SyntheticBold:
    """Canvas mix-in: text objects (drawString, paragraphs) that draw bold CJK runs bold."""

    def beginText(self, x: float = 0, y: float = 0, direction: Any = None) -> PDFTextObject:  # noqa: N802
        return BoldTextObject(cast(Canvas, self), x, y, direction=direction)


class BoldCanvas(SyntheticBold, Canvas):
    """reportlab's canvas with TourPlanner's bold CJK."""

"""Text drawn on a reportlab canvas in the bundled fonts, shrunk until it fits its width.

Paragraphs wrap; a badge or a table tent wants one line of a name as large as it fits, so this
measures the Latin and CJK runs (`fonts.runs`) and draws them side by side.
"""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from tourplanner.export.pdf.fonts import SANS, SANS_BOLD, face, runs

MIN_SIZE = 5.0


def _font(use_cjk: bool, bold: bool) -> str:
    return face(use_cjk, SANS_BOLD if bold else SANS)


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    return sum(stringWidth(chunk, _font(cjk, bold), size) for cjk, chunk in runs(text))


def fitted_size(text: str, max_width: float, max_size: float, *, bold: bool = False) -> float:
    """The largest size up to `max_size` at which `text` fits in `max_width`."""
    width = text_width(text, max_size, bold=bold)
    if width <= max_width or width == 0:
        return max_size
    return max(MIN_SIZE, max_size * max_width / width)


def draw_centred(
    canvas: Canvas,
    text: str,
    x_centre: float,
    y: float,
    max_width: float,
    max_size: float,
    *,
    bold: bool = False,
) -> float:
    """Draw one line centred on `x_centre` with its baseline at `y`; returns the size used."""
    size = fitted_size(text, max_width, max_size, bold=bold)
    _draw_runs(canvas, text, x_centre - text_width(text, size, bold=bold) / 2, y, size, bold)
    return size


def draw_left(
    canvas: Canvas,
    text: str,
    x: float,
    y: float,
    max_width: float,
    max_size: float,
    *,
    bold: bool = False,
) -> float:
    """Draw one line from `x` with its baseline at `y`; returns the size used."""
    size = fitted_size(text, max_width, max_size, bold=bold)
    _draw_runs(canvas, text, x, y, size, bold)
    return size


def _draw_runs(canvas: Canvas, text: str, x: float, y: float, size: float, bold: bool) -> None:
    for use_cjk, chunk in runs(text):
        font = _font(use_cjk, bold)
        canvas.setFont(font, size)
        canvas.drawString(x, y, chunk)
        x += stringWidth(chunk, font, size)

"""QR codes drawn straight onto a canvas, fast enough for thousands of badges.

reportlab's QR widget tries all eight mask patterns to pick the most legible (about 0.12 s a code
in pure Python) and encodes twice, once to measure and once to draw: 5,000 badges took over ten
minutes. Any mask is a valid QR code (the code says which it uses), so this encodes once with a
fixed mask through reportlab's own encoder, about ten times faster, and draws the dark runs.
"""

from __future__ import annotations

import itertools

from reportlab.graphics.barcode import qrencoder
from reportlab.pdfgen.canvas import Canvas

QUIET_ZONE = 4  # modules of white around the code, as the standard asks


def qr_modules(text: str, *, level: str = "M", mask: int = 0) -> list[list[bool]]:
    """The code's modules, row by row from the top (True: dark)."""
    code = qrencoder.QRCode(None, getattr(qrencoder.QRErrorCorrectLevel, level))
    code.addData(text)
    code.version = code.calculate_version()
    code.makeImpl(False, mask)
    return [[bool(m) for m in row] for row in code.modules]


def draw_qr(canvas: Canvas, text: str, x: float, y: float, size: float) -> None:
    """Draw the code of `text` in the square of `size` whose bottom-left corner is (x, y)."""
    modules = qr_modules(text)
    box = size / (len(modules) + 2 * QUIET_ZONE)
    canvas.saveState()
    # One path in module units (whole numbers: far fewer digits to write than in points).
    canvas.translate(x + QUIET_ZONE * box, y + size - QUIET_ZONE * box)
    canvas.scale(box, -box)
    canvas.setFillColorRGB(0, 0, 0)
    path = canvas.beginPath()
    for r, row in enumerate(modules):
        column = 0
        for dark, run in itertools.groupby(row):
            count = len(list(run))
            if dark:
                path.rect(column, r, count, 1)
            column += count
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()

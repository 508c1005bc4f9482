"""QR codes as PDF operators: encoded once with a fixed mask, drawn as few whole-number rectangles.

reportlab's QR widget tries all eight mask patterns to pick the most legible (about 20 ms a code
in pure Python, the largest cost of an itinerary with a dozen venues) and encodes twice, once to
measure and once to draw. Any mask gives a valid QR code (the code says which it uses), so this
encodes once with a fixed mask through reportlab's own encoder, several times faster. The dark
modules become one path of rectangles in module units, each row's runs merged with the same run
on the rows below: a few hundred small integers instead of a thousand squares of four formatted
decimals each. Badges (thousands of vCards) and itineraries (each venue's map link) share it.
"""

from __future__ import annotations

from functools import lru_cache

from reportlab.graphics.barcode import qrencoder
from reportlab.pdfgen.canvas import Canvas

Modules = tuple[tuple[bool, ...], ...]


@lru_cache(maxsize=512)
def qr_modules(text: str, *, level: str = "M", mask: int = 0) -> Modules:
    """The code's modules, row by row from the top (True: dark)."""
    code = qrencoder.QRCode(None, getattr(qrencoder.QRErrorCorrectLevel, level))
    code.addData(text)
    code.version = code.calculate_version()
    code.makeImpl(False, mask)
    return tuple(tuple(bool(m) for m in row) for row in code.modules)


def dark_blocks(modules: Modules) -> list[tuple[int, int, int, int]]:
    """The dark modules as rectangles (column, row from the top, width, height), each row's
    runs merged with the same run on the rows under it."""
    open_blocks: dict[tuple[int, int], list[int]] = {}  # (column, width) -> [row, height]
    done: list[tuple[int, int, int, int]] = []
    for r, row in enumerate(modules):
        runs: set[tuple[int, int]] = set()
        c, n = 0, len(row)
        while c < n:
            if row[c]:
                start = c
                while c < n and row[c]:
                    c += 1
                runs.add((start, c - start))
            c += 1
        for key in [k for k in open_blocks if k not in runs]:
            top, height = open_blocks.pop(key)
            done.append((key[0], top, key[1], height))
        for key in runs:
            if key in open_blocks:
                open_blocks[key][1] += 1
            else:
                open_blocks[key] = [r, 1]
    done += [(c, top, width, height) for (c, width), (top, height) in open_blocks.items()]
    done.sort(key=lambda b: (b[1], b[0]))
    return done


@lru_cache(maxsize=512)
def qr_operators(text: str, quiet: int) -> tuple[int, str]:
    """(side, operators): the side of the code with its quiet zone, in modules, and the PDF
    operators that fill its dark modules in a square of that many units with (0, 0) at the
    bottom left. The caller scales the units to its size (`cm`) before adding the operators.

    Each rectangle is a hundredth of a module larger up and right: no hairline gap between
    neighbours in a viewer's anti-aliasing.
    """
    modules = qr_modules(text)
    side = len(modules) + 2 * quiet
    top = side - quiet
    parts = [f"{quiet + c} {top - r - h} {w}.01 {h}.01 re" for c, r, w, h in dark_blocks(modules)]
    parts.append("f")  # filled, non-zero winding: what drawPath(fill=1) writes
    return side, "\n".join(parts)


BADGE_QUIET_ZONE = 4  # modules of white around a badge's code, as the standard asks


def draw_qr(
    canvas: Canvas, text: str, x: float, y: float, size: float, quiet: int = BADGE_QUIET_ZONE
) -> None:
    """Draw the code of `text` in the square of `size` whose bottom-left corner is (x, y)."""
    side, operators = qr_operators(text, quiet)
    box = size / side
    canvas.saveState()
    canvas.setFillColorRGB(0, 0, 0)
    canvas.transform(box, 0, 0, box, x, y)
    canvas.addLiteral(operators)
    canvas.restoreState()

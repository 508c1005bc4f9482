"""Line breaks for narrow cells of mixed Chinese and Latin text, decided before reportlab.

reportlab's word wrap keeps a run of Chinese as one "word" and cuts it (and the Latin word
glued to it, "IC|MA") where the line runs out; its CJK wrap breaks Latin words anywhere. Here
a break may fall between two Chinese characters or at a space, never inside a Latin word,
never before closing punctuation ("，", "。", "）") nor after an opening one ("（", "“").
"""

from __future__ import annotations

import re

from reportlab.pdfbase import pdfmetrics

from tourplanner.export.pdf.fonts import CJK, runs

# A short bracketed name ("(王海洋)", kept whole), a Latin word (with what sticks to it) and the
# spaces after it; any other character alone.
TOKEN = re.compile(
    r"[(（][^()（）\s]{1,8}[)）]\s*"
    r"|[^\s\u2014\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]+\s*|\s+|.",
    re.DOTALL,
)
CLOSING = frozenset("，。、；：！？）》」』】〕”’…—,.;:!?)]}%")
OPENING = frozenset("（《「『【〔“‘([{")


def text_width(text: str, font: str, size: float) -> float:
    """Width of mixed text: the Chinese runs in the CJK face, the rest in `font`."""
    return sum(
        pdfmetrics.stringWidth(chunk, CJK if use_cjk else font, size)
        for use_cjk, chunk in runs(text)
    )


def tokens(text: str) -> list[str]:
    """Unbreakable pieces: closing punctuation joins the piece before, opening the one after."""
    pieces: list[str] = []
    glue_next = False
    for tok in TOKEN.findall(text):
        if pieces and (glue_next or tok[0] in CLOSING):
            pieces[-1] += tok
        else:
            pieces.append(tok)
        glue_next = tok.rstrip()[-1:] in OPENING if tok.strip() else False
    return pieces


def break_lines(text: str, font: str, size: float, width: float) -> str:
    """`text` with a "\\n" wherever a line must end to fit `width` (each paragraph apart)."""
    out = []
    for paragraph in text.split("\n"):
        lines: list[str] = []
        current = ""
        for piece in tokens(paragraph):
            if current and text_width((current + piece).rstrip(), font, size) > width:
                lines.append(current.rstrip())
                current = piece.lstrip()
            else:
                current += piece
        lines.append(current.rstrip())
        out.append("\n".join(lines))
    return "\n".join(out)

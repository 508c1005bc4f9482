"""Bundled fonts, and the one place user text becomes reportlab markup (escaped, per-font runs).

reportlab does not fall back between fonts glyph by glyph, so mixed text is split into runs:
Latin (DejaVu Sans) where that font has the glyph, CJK (Droid Sans Fallback) where it has it.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Literal
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from tourplanner.paths import resource

SANS = "TPSans"
SANS_BOLD = "TPSans-Bold"
SANS_ITALIC = "TPSans-Oblique"
CJK = "TPCJK"
FONT_DIR = resource("fonts")


@lru_cache(maxsize=1)
def register_fonts() -> tuple[frozenset[int], frozenset[int]]:
    """Register the TrueType fonts once per process; returns the code points each covers."""
    faces = {
        SANS: "DejaVuSans.ttf",
        SANS_BOLD: "DejaVuSans-Bold.ttf",
        SANS_ITALIC: "DejaVuSans-Oblique.ttf",
        CJK: "DroidSansFallbackFull.ttf",
    }
    fonts = {name: TTFont(name, str(FONT_DIR / file)) for name, file in faces.items()}
    for font in fonts.values():
        pdfmetrics.registerFont(font)
    faces_by_style: tuple[tuple[Literal[0, 1], Literal[0, 1], str], ...] = (
        (0, 0, SANS),
        (1, 0, SANS_BOLD),
        (0, 1, SANS_ITALIC),
        (1, 1, SANS_BOLD),
    )
    for bold, italic, name in faces_by_style:
        addMapping(SANS, bold, italic, name)
        addMapping(CJK, bold, italic, CJK)  # no bold CJK face: bold text keeps the regular one
    return (
        frozenset(fonts[SANS].face.charToGlyph),
        frozenset(fonts[CJK].face.charToGlyph),
    )


def runs(text: str) -> list[tuple[bool, str]]:
    """NFC text split into (is_cjk, chunk) runs by which bundled font has each character."""
    latin, cjk = register_fonts()
    result: list[tuple[bool, str]] = []
    for char in unicodedata.normalize("NFC", text):
        code = ord(char)
        use_cjk = code not in latin and code in cjk
        if result and result[-1][0] == use_cjk:
            result[-1] = (use_cjk, result[-1][1] + char)
        else:
            result.append((use_cjk, char))
    return result


def markup(text: str | None) -> str:
    """User text as safe Paragraph markup: escaped, CJK runs in the CJK font, line breaks kept."""
    if not text:
        return ""
    return _markup(text)


@lru_cache(maxsize=8192)
def _markup(text: str) -> str:
    """`markup` of non-empty text, remembered: venues, kinds and names recur on many entries."""
    parts = []
    for use_cjk, chunk in runs(text):
        safe = escape(chunk, {'"': "&quot;"}).replace("\n", "<br/>")
        parts.append(f'<font name="{CJK}">{safe}</font>' if use_cjk else safe)
    return "".join(parts)


def has_cjk(text: str) -> bool:
    return any(use_cjk for use_cjk, _ in runs(text))

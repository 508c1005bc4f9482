"""Bundled fonts, and the one place user text becomes reportlab markup (escaped, per-font runs).

reportlab does not fall back between fonts glyph by glyph, so mixed text is split into runs:
Latin (DejaVu Sans) where that font has the glyph, CJK (Droid Sans Fallback) where it has it.
Before that, the text is made what the page shows (`visual`): reportlab neither joins Arabic
letters nor orders right-to-left text, so a line with Arabic or Hebrew is shaped
(arabic-reshaper: the joined presentation forms DejaVu Sans has) and put in visual order
(python-bidi); an emoji that neither font draws is left out rather than printed as a box
(DejaVu Sans draws the emoticons and many symbols, in black).
"""

from __future__ import annotations

import copy
import logging
import unicodedata
from functools import lru_cache
from typing import Literal
from weakref import WeakKeyDictionary
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from tourplanner.paths import resource
from tourplanner.writing_systems import EMOJI, EMOJI_MARKS, has_rtl, is_emoji

log = logging.getLogger(__name__)

SANS = "TPSans"
SANS_BOLD = "TPSans-Bold"
SANS_ITALIC = "TPSans-Oblique"
CJK = "TPCJK"
CJK_BOLD = "TPCJK-Bold"  # the same face, drawn bold by `synthetic_bold` (no bold CJK face)
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
    # The regular CJK face under the bold name: one parse, its own subsets in each document.
    bold_cjk = copy.copy(fonts[CJK])
    bold_cjk.fontName = CJK_BOLD
    bold_cjk.state = WeakKeyDictionary()
    fonts[CJK_BOLD] = bold_cjk
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
        addMapping(CJK, bold, italic, CJK_BOLD if bold else CJK)
    from tourplanner.export.pdf import cjk_layout  # it needs the names above

    cjk_layout.install()
    return (
        frozenset(fonts[SANS].face.charToGlyph),
        frozenset(fonts[CJK].face.charToGlyph),
    )


def visual(text: str) -> str:
    """NFC text as it is drawn: right-to-left lines shaped and in visual order, emoji that no
    bundled font has left out."""
    latin, cjk = register_fonts()
    text = unicodedata.normalize("NFC", text)
    if has_rtl(text):
        text = "\n".join(_right_to_left(line) for line in text.split("\n"))
    if EMOJI_MARKS.search(text):
        text = EMOJI_MARKS.sub("", text)  # joiners and styles of colour emoji: nothing to draw
    if EMOJI.search(text):
        kept = "".join(
            c for c in text if not (is_emoji(c) and ord(c) not in latin and ord(c) not in cjk)
        )
        if kept != text:
            _note_left_out(text)
        text = kept
    return text


@lru_cache(maxsize=256)
def _note_left_out(text: str) -> None:
    """The note that an emoji was left out, in the log, once per text (a coordinator who wonders
    where the 🎉 of a title went finds why)."""
    log.warning("An emoji no bundled font draws was left out of the printed text %r.", text)


def _right_to_left(line: str) -> str:
    if not has_rtl(line):
        return line
    import arabic_reshaper
    from bidi import get_display

    return str(get_display(arabic_reshaper.reshape(line)))


def runs(text: str) -> list[tuple[bool, str]]:
    """Text as drawn (`visual`) split into (is_cjk, chunk) runs by which bundled font has each
    character."""
    latin, cjk = register_fonts()
    result: list[tuple[bool, str]] = []
    for char in visual(text):
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


def face(use_cjk: bool, font: str = SANS) -> str:
    """The font that draws a run: the CJK face (bold where `font` is bold), else `font`."""
    if not use_cjk:
        return font
    return CJK_BOLD if font == SANS_BOLD else CJK


def has_cjk(text: str) -> bool:
    return any(use_cjk for use_cjk, _ in runs(text))

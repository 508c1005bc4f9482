"""One style sheet for every TourPlanner document: a clear hierarchy, quiet colours."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from tourplanner.errors import ValidationError
from tourplanner.export.pdf.fonts import SANS, SANS_BOLD, SANS_ITALIC, register_fonts

ACCENT = colors.HexColor("#1F4E79")
ACCENT_LIGHT = colors.HexColor("#E8EEF5")
INK = colors.HexColor("#1F2328")
MUTED = colors.HexColor("#5F6B7A")
RULE = colors.HexColor("#CBD2DA")
WARN = colors.HexColor("#9A3412")
WARN_LIGHT = colors.HexColor("#FFF4E5")

PAPERS = {"a4": A4, "letter": LETTER}
MARGIN = 18 * mm


def paper_size(name: str) -> tuple[float, float]:
    """The page size for 'a4' or 'letter'."""
    try:
        return PAPERS[name.lower()]
    except (KeyError, AttributeError):
        raise ValidationError("paper", f"{name!r} is not a paper size (a4 or letter)") from None


@dataclass(frozen=True)
class Styles:
    kicker: ParagraphStyle
    title: ParagraphStyle
    title_local: ParagraphStyle
    subtitle: ParagraphStyle
    h2: ParagraphStyle
    day: ParagraphStyle
    day_note: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    entry_title: ParagraphStyle
    time: ParagraphStyle
    time_zone: ParagraphStyle
    cue: ParagraphStyle
    right: ParagraphStyle
    taxi: ParagraphStyle  # the local-script name and address a driver reads: large, in ink
    badge: ParagraphStyle  # the reader's own part (speaking, chairing): never a whisper
    card: ParagraphStyle  # the "please take me to" card: 16 pt and more
    card_small: ParagraphStyle


def make_styles() -> Styles:
    """The paragraph styles (fonts registered first)."""
    register_fonts()

    def style(name: str, **kw: Any) -> ParagraphStyle:  # reportlab's style properties
        base: dict[str, Any] = {"fontName": SANS, "fontSize": 9.5, "leading": 13, "textColor": INK}
        return ParagraphStyle(name, **{**base, **kw})

    return Styles(
        kicker=style(
            "kicker", fontName=SANS_BOLD, fontSize=8.5, textColor=ACCENT, leading=11, spaceAfter=4
        ),
        title=style("title", fontName=SANS_BOLD, fontSize=22, leading=27, spaceAfter=2),
        title_local=style("title_local", fontSize=17, leading=23, textColor=INK, spaceAfter=6),
        subtitle=style("subtitle", fontSize=10.5, leading=14.5, textColor=MUTED, spaceAfter=2),
        h2=style(
            "h2",
            fontName=SANS_BOLD,
            fontSize=11,
            leading=14,
            textColor=ACCENT,
            spaceBefore=10,
            spaceAfter=4,
        ),
        day=style("day", fontName=SANS_BOLD, fontSize=12, leading=15, textColor=ACCENT),
        day_note=style("day_note", fontSize=8.5, leading=11, textColor=MUTED, alignment=TA_RIGHT),
        body=style("body"),
        small=style("small", fontSize=8.5, leading=11.5),
        muted=style("muted", fontSize=8.5, leading=11.5, textColor=MUTED),
        entry_title=style("entry_title", fontName=SANS_BOLD, fontSize=10, leading=13.5),
        time=style("time", fontName=SANS_BOLD, fontSize=9.5, leading=12.5),
        time_zone=style("time_zone", fontSize=7.5, leading=10, textColor=MUTED),
        # Boxed, not only coloured: the cue survives a greyscale printer.
        cue=style(
            "cue",
            fontName=SANS_BOLD,
            fontSize=8.5,
            leading=11.5,
            textColor=WARN,
            borderWidth=0.8,
            borderColor=INK,
            borderPadding=(3, 4, 3, 4),
            spaceBefore=6,
            spaceAfter=6,
        ),
        right=style("right", fontSize=8.5, leading=11, textColor=MUTED, alignment=TA_RIGHT),
        # Chinese breaks between characters, and never before a closing "，" or "。".
        taxi=style("taxi", fontSize=11.5, leading=15, textColor=INK, wordWrap="CJK"),
        badge=style("badge", fontName=SANS_BOLD, fontSize=10, leading=13.5, textColor=INK),
        card=style("card", fontSize=16, leading=21, textColor=INK, wordWrap="CJK"),
        card_small=style("card_small", fontSize=8, leading=10.5, textColor=INK),
    )


ITALIC = SANS_ITALIC

"""The document information every TourPlanner PDF carries: title, author, subject, language.

A screen reader announces the title and reads in the `/Lang` language; a file manager and the
printer queue show the title instead of a temporary name. Every PDF takes it from `info`:
`page.build` (itineraries, booklet, tour sheet, batch) and the sheets drawn on a bare canvas
or a plain document template (badges, name cards, seating, rooming, manifest, catering,
transfers, gifts, invitations).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tourplanner.about import made_with
from tourplanner.export.pdf.fonts import SANS
from tourplanner.export.pdf.language import pdf_language
from tourplanner.export.pdf.synthetic_bold import BoldCanvas
from tourplanner.i18n import current_language

PROGRAM = "TourPlanner"  # the author where the caller has no organisation to name


def info(
    *, title: str, subject: str = "", author: str = "", lang: str | None = None
) -> dict[str, Any]:
    """Keyword arguments for reportlab's Canvas and SimpleDocTemplate: the document's
    information in the current language (or `lang`, one of tourplanner.i18n's)."""
    return {
        "title": title,
        "author": author or PROGRAM,
        "subject": subject or title,
        "creator": made_with(),
        "lang": pdf_language(lang or current_language()),
    }


def described_canvas(
    out: Path | str,
    pagesize: tuple[float, float],
    *,
    title: str,
    subject: str = "",
    author: str = "",
) -> BoldCanvas:
    """A canvas (bold CJK drawn bold) with the document's information set."""
    meta = info(title=title, subject=subject, author=author)
    # Start in the embedded face: the default Helvetica would be listed as an unembedded font.
    options: dict[str, Any] = {"initialFontName": SANS, "lang": meta["lang"]}  # stubs lack them
    canvas = BoldCanvas(str(out), pagesize=pagesize, **options)
    canvas.setTitle(meta["title"])
    canvas.setAuthor(meta["author"])
    canvas.setSubject(meta["subject"])
    canvas.setCreator(meta["creator"])
    return canvas


def bookmark_person(canvas: BoldCanvas, key: str, name_latin: str, name_local: str) -> None:
    """A bookmark to the current page named for a person ('Chen Gang 陈刚'), so one card or
    badge can be found and reprinted; the outline shows when the file opens."""
    canvas.bookmarkPage(key)
    canvas.addOutlineEntry(" ".join(n for n in (name_latin, name_local) if n), key, level=0)
    canvas.showOutline()

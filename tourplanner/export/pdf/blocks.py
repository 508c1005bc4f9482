"""Building blocks shared by the documents: paragraphs, entry rows, day headings, QR codes."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from urllib.parse import quote

from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle
from reportlab.platypus import paragraph as paragraph_module
from reportlab.platypus.paragraph import (  # type: ignore[attr-defined]  # not in the stubs
    cleanBlockQuotedText,
    textTransformFrags,
)

from tourplanner.about import made_with
from tourplanner.china_coordinates import is_mainland_china, wgs84_to_gcj02
from tourplanner.export.pdf.cjk_layout import CJK_TAG, wrapping_style
from tourplanner.export.pdf.fonts import CJK, SANS, markup
from tourplanner.export.pdf.styles import ACCENT_LIGHT, MUTED, RULE, Styles
from tourplanner.export.qr_code import draw_qr
from tourplanner.i18n import _, formats
from tourplanner.services.views import ItemView, VenueView
from tourplanner.timezones import abbreviation, to_local

TIME_WIDTH = 27 * mm
# Lines of different sizes share one paragraph: each line takes the leading its size needs.
DETAILS = ParagraphStyle("details", fontName=SANS, fontSize=9.5, leading=12.5, autoLeading="max")
QR_SIZE = 17 * mm
CAPTION = 2.6 * mm  # the map app's name under a QR code


def table_style(commands: list[tuple]) -> TableStyle:
    """A table style whose empty cells use the embedded face (reportlab's default is Helvetica)."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), SANS), *commands])


@dataclass(frozen=True)
class PlanInfo:
    title: str
    organization: str
    emergency_contacts: str
    home_timezone: str
    # The plan's revision and the print time: "Plan revision 1f6f5b6c · printed ..." on every
    # page's footer, said in the language of the page it is printed on.
    revision: str = ""
    printed: datetime | None = None

    def stamp(self) -> str:
        if self.printed is None:
            return ""
        local = to_local(self.printed, self.home_timezone)
        return _("Plan revision {revision} · printed {time} {zone} · {program}").format(
            revision=self.revision,
            time=formats.day_and_clock(local),
            zone=abbreviation(self.printed, self.home_timezone),
            program=made_with(),
        )


@lru_cache(maxsize=8192)
def parsed(text: str, style: ParagraphStyle) -> tuple:
    """reportlab's fragments of a markup string in a style, parsed once and then reused.

    Parsing (reportlab's HTML parser) was a fifth of a document's time, and the same lines come
    back on many entries and pages (venues, kinds, zones). This is what `Paragraph` does with
    its text, cleaning included; each use takes copies (`fragments`: a CJK wrap marks the
    fragments it lays out). The style is a key by identity (the cache keeps it alive, so its
    id is never reused).
    """
    # The parser Paragraph uses, looked up when called: cjk_layout's corrections of it.
    parser = paragraph_module.ParaParser()  # type: ignore[attr-defined]
    parser.caseSensitive = 1  # as Paragraph sets it
    _, frags, _ = parser.parse(cleanBlockQuotedText(text), style)
    if frags is None:
        raise ValueError(f"xml parser error ({parser.errors[0]}) in paragraph {text[:30]!r}")
    textTransformFrags(frags, style)
    return tuple(frags)


# An opening <font> tag with nothing but attributes in it.
FONT_TAG = re.compile(r"<font [^<>&]*>")


def _plain(text: str) -> bool:
    return "<" not in text and "&" not in text


def fragments(text: str, style: ParagraphStyle) -> list:
    """The fragments `Paragraph(text, style)` would parse, parsing only what it must.

    Most of a document is plain escaped text, perhaps with CJK runs, perhaps in one <font>
    tag: reportlab's parser makes one fragment per run of it, a copy of the tag's fragment
    holding the run's text. Here each run is that copy of the fragment of a one-letter text in
    the same tags and style (parsed once); anything else (bold, an entity) is parsed.
    """
    cleaned = cleanBlockQuotedText(text)
    head = FONT_TAG.match(cleaned) if cleaned.endswith("</font>") else None
    outer = head[0] if head is not None else ""
    body = cleaned[len(outer) : len(cleaned) - 7] if outer else cleaned
    pieces = body.split(CJK_TAG)
    runs: list[tuple[str, str]] = [("", pieces[0])] if pieces[0] else []
    for piece in pieces[1:]:
        cjk, closed, rest = piece.partition("</font>")
        if not closed or not cjk:
            runs = []
            break
        runs += [(CJK_TAG, cjk), *([("", rest)] if rest else [])]
    if (
        not runs
        or style.textTransform
        or not all(_plain(run) for _, run in runs)
        or not any(run.strip() for _, run in runs)
    ):
        return [frag.clone() for frag in parsed(text, style)]  # a wrap may mark its own
    end = "</font>" if outer else ""
    frags = []
    for tag, run in runs:
        (frag,) = parsed(f"{outer}{tag}x{'</font>' if tag else ''}{end}", style)
        frags.append(frag.clone(text=run))
    return frags


def paragraph(text: str, style: ParagraphStyle) -> Paragraph:
    """`Paragraph(text, style)`, without parsing what was parsed before."""
    return Paragraph(text, wrapping_style(text, style), frags=fragments(text, style))


def para(text: str | None, style, *, prefix: str = "") -> Paragraph:  # noqa: ANN001
    """A paragraph of user text (escaped); `prefix` is trusted markup put before it."""
    return paragraph(prefix + markup(text or ""), style)


@dataclass(frozen=True)
class Line:
    """One line of an entry's details: markup and the style it is shown in."""

    markup: str
    style: ParagraphStyle


def line(text: str | None, style: ParagraphStyle, *, prefix: str = "") -> Line:
    """A details line of user text (escaped); `prefix` is trusted markup put before it."""
    return Line(prefix + markup(text or ""), style)


def _hex(color: object) -> str:
    r, g, b = (round(c * 255) for c in color.rgb())  # type: ignore[attr-defined]
    return f"#{r:02x}{g:02x}{b:02x}"


def stack(lines: list[Line], base: ParagraphStyle) -> Paragraph:
    """All of an entry's lines as one paragraph: one layout pass instead of one per line.

    The same paragraph as the lines' markup joined by <br/> and parsed whole, but each line
    and the break are parsed once (`parsed`) and their fragments put end to end.
    """
    parts = [
        f'<font name="{ln.style.fontName}" size="{ln.style.fontSize}" color="{_hex(ln.style.textColor)}">'
        f"{ln.markup}</font>"
        for ln in lines
        if ln.markup
    ]
    if not parts:
        return paragraph("", base)
    frags: list = []
    for n, part in enumerate(parts):
        if n:
            frags += [frag.clone() for frag in parsed("<br/>", base)]
        frags += fragments(part, base)
    text = "<br/>".join(parts)
    return Paragraph(text, wrapping_style(text, base), frags=frags)


def join(*parts: str | None, sep: str = " · ") -> str:
    return sep.join(p for p in parts if p)


def map_link(venue: VenueView) -> str:
    """What a venue's QR code opens: a named place in a map app.

    In mainland China an Amap (高德地图) marker with the GCJ-02 coordinates Chinese maps use
    (a WGS-84 pin would land hundreds of metres off) and the Chinese name; elsewhere a geo: URI
    with the name as its label, which Android and iOS map apps open.
    """
    assert venue.latitude is not None and venue.longitude is not None  # callers check
    name = venue.name_local or venue.name_en
    if is_mainland_china(venue.country):
        lat, lon = wgs84_to_gcj02(venue.latitude, venue.longitude)
        return (
            f"https://uri.amap.com/marker?position={lon:.6f},{lat:.6f}"
            f"&name={quote(name)}&coordinate=gaode&callnative=1"
        )
    lat, lon = venue.latitude, venue.longitude
    return f"geo:{lat:.6f},{lon:.6f}?q={lat:.6f},{lon:.6f}({quote(venue.name_en or name)})"


class MapQr(Flowable):
    """A QR code opening a venue in a map app, with the app's name beneath it.

    Drawn once per document as a form and reused: drawing thousands of little squares per
    entry would dominate the time to print a batch.
    """

    def __init__(self, payload: str, caption: str, size: float = QR_SIZE) -> None:
        super().__init__()
        self.payload, self.caption = payload, caption
        self.width = size
        self.height = size + CAPTION

    def wrap(self, *_: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        name = "qr" + hashlib.blake2b(self.payload.encode(), digest_size=8).hexdigest()
        canv = self.canv
        if not canv.hasForm(name):
            canv.beginForm(name)
            draw_qr(canv, self.payload, 0, CAPTION, self.width, quiet=1)  # room is short
            canv.endForm()
        canv.doForm(name)
        canv.setFillColor(MUTED)
        canv.setFont(CJK, 6)  # Droid Sans Fallback has the Latin letters too
        canv.drawCentredString(self.width / 2, 1, self.caption)


def venue_qr(venue: VenueView | None) -> MapQr | str:
    if venue is None or venue.latitude is None or venue.longitude is None:
        return ""
    caption = "高德地图 Amap" if is_mainland_china(venue.country) else "map"
    return MapQr(map_link(venue), caption)


# "+86 138 1047 2290", "+1 (202) 555-0174": a phone number, kept on one line when printed.
PHONE = re.compile(r"\+?\d[\d ()\-]{5,}\d")


def keep_phones(text: str) -> str:
    """Text whose phone numbers never break across lines (no-break spaces and hyphens)."""
    return PHONE.sub(lambda m: m.group(0).replace(" ", "\u00a0").replace("-", "\u2011"), text)


def venue_lines(
    venue: VenueView | None, room: str, room_local: str, s: Styles, *, full: bool = True
) -> list[Line]:
    """Venue and room in English and the local script. In full (a place's first entry of the
    day) with the local-script address large and in ink, to show a taxi driver, then the
    English address, the venue's phone and its notes (entrances, meeting points)."""
    if venue is None:
        return []
    lines = [line(join(venue.name_en, room), s.body)]
    local = join(venue.name_local, room_local)
    if not full:
        if local:
            lines.append(line(local, s.body))
        return lines
    if local:
        lines.append(line(local, s.taxi))
    if venue.address_local:
        lines.append(line(venue.address_local, s.taxi))
    if venue.address_en:
        lines.append(line(venue.address_en, s.muted))
    if venue.phone:
        lines.append(line(keep_phones(venue.phone), s.small))
    if venue.notes:
        lines.append(line(venue.notes, s.muted))
    return lines


def time_cell(start: datetime, end: datetime | None, zone: str, s: Styles) -> list[Flowable]:
    """'09:15–10:15' over 'CST'."""
    begin = to_local(start, zone)
    text = f"{begin:%H:%M}" + (f"–{to_local(end, zone):%H:%M}" if end is not None else "")
    return [label(text, s.time), label(abbreviation(start, zone), s.time_zone)]


class Label(Flowable):
    """One short line in one face (an entry's time, its zone), drawn where the one-line
    Paragraph it replaces draws it (the baseline one font size under the top) without a
    paragraph's layout: two or three per entry. Too wide for its column, it is that paragraph.
    """

    def __init__(self, text: str, style: ParagraphStyle) -> None:
        super().__init__()
        self.text, self.style = text, style
        self._paragraph: Paragraph | None = None

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        s = self.style
        if (
            self._paragraph is None
            and stringWidth(self.text, s.fontName, s.fontSize) <= avail_width
        ):
            self.width, self.height = avail_width, s.leading
        else:
            self._paragraph = self._paragraph or paragraph(self.text, s)
            self.width, self.height = self._paragraph.wrap(avail_width, avail_height)
        return self.width, self.height

    def draw(self) -> None:
        if self._paragraph is not None:
            self._paragraph.drawOn(self.canv, 0, 0)
            return
        s, canv = self.style, self.canv
        canv.setFillColor(s.textColor)
        canv.setFont(s.fontName, s.fontSize, s.leading)
        canv.drawString(0, self.height - s.fontSize, self.text)


def label(text: str, style: ParagraphStyle) -> Flowable:
    """A `Label` for plain single-spaced text in a plain left-aligned style, else a paragraph."""
    simple = _plain(text) and text == " ".join(text.split()) and text
    plain_style = style.alignment == TA_LEFT and not (
        style.leftIndent or style.firstLineIndent or style.textTransform or style.backColor
    )
    return Label(text, style) if simple and plain_style else paragraph(text, style)


# An entry's paddings, as the one-row table it once was had them: above and below its cells,
# and between a column and the next.
ENTRY_TOP, ENTRY_BOTTOM, ENTRY_GAP = 6, 7, 8
EMPTY_CELL = 12  # the height the table gave an empty cell (one line of its 10 pt default)


class Entry(Flowable):
    """One entry of a day: the time column, the details, the QR code at the right, a rule below.

    It looks exactly like the one-row table it replaces, but lays each paragraph out once per
    width (the table wrapped each ~2.4 times to size and then draw it). Like the table it moves
    to the next page whole; one taller than a whole page splits its details across pages.
    """

    def __init__(
        self, time: list[Flowable], details: Flowable, width: float, qr: Flowable | None = None
    ) -> None:
        super().__init__()
        self.time, self.details, self.qr = time, details, qr
        self.width = width
        self.hAlign = "CENTER"  # as the table: the full text width, centred on the frame
        self._laid_out: float | None = None
        self._heights: list[float] = []
        self.lines: list[Line] = []

    def _columns(self) -> tuple[float, float]:
        """The widths the time and the details are laid out in."""
        details = self.width - TIME_WIDTH - QR_SIZE - 4 * mm
        return TIME_WIDTH - ENTRY_GAP, details - ENTRY_GAP

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self._laid_out != self.width:
            time_width, details_width = self._columns()
            self._heights = [f.wrap(time_width, 72000)[1] for f in self.time]
            self._details_height = self.details.wrap(details_width, 72000)[1]
            qr = self.qr.wrap(QR_SIZE + 4 * mm, 72000)[1] if self.qr is not None else EMPTY_CELL
            content = max(sum(self._heights), self._details_height, qr)
            self.height = content + ENTRY_TOP + ENTRY_BOTTOM
            self._laid_out = self.width
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self.wrap(avail_width, avail_height)
        # The frame's whole height (reportlab's doc template has the frame being filled).
        frame = getattr(getattr(self.canv, "_doctemplate", None), "frame", None)
        if frame is None or self.height <= frame._aH:
            return []  # it fits on a page: the next one takes it whole
        room = avail_height - ENTRY_TOP - ENTRY_BOTTOM
        parts = self.details.split(self._columns()[1], room)
        if len(parts) < 2 or max(sum(self._heights), self.qr.height if self.qr else 0) > room:
            return []
        first = Entry(self.time, parts[0], self.width, self.qr)
        return [first, Entry([], parts[1], self.width)]

    def draw(self) -> None:
        canv = self.canv
        top = self.height - ENTRY_TOP
        y = top
        for flowable, height in zip(self.time, self._heights, strict=True):
            y -= height
            flowable.drawOn(canv, 0, y)
        self.details.drawOn(canv, TIME_WIDTH, top - self._details_height)
        if self.qr is not None:
            self.qr.drawOn(canv, self.width - self.qr.width, top - self.qr.height)
        canv.saveState()
        canv.setLineCap(1)  # round, as a table's rules
        canv.setLineWidth(0.4)
        canv.setStrokeColor(RULE)
        canv.line(0, 0, self.width, 0)
        canv.restoreState()


def entry_row(
    time: list[Flowable], details: list[Line], width: float, venue: VenueView | None = None
) -> Entry:
    """One entry of a day: time | details | QR code; kept on one page unless taller than one."""
    qr = venue_qr(venue)
    entry = Entry(time, stack(details, DETAILS), width, qr if isinstance(qr, MapQr) else None)
    # Kept for benchmarks/bench_pdf_baseline, which draws the same lines in plain reportlab.
    entry.lines = details
    return entry


def day_heading(title: str, note: str, width: float, s: Styles) -> Table:
    """A tinted band with the local date on the left and the cities of the day on the right."""
    table = Table(
        [[para(title, s.day), para(note, s.day_note)]], colWidths=[width * 0.6, width * 0.4]
    )
    table.setStyle(
        table_style(
            [
                ("BACKGROUND", (0, 0), (-1, -1), ACCENT_LIGHT),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 7),
                ("RIGHTPADDING", (0, 0), (-1, -1), 7),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return table


def ruled_table(
    data: list[list],
    widths: list[float],
    *,
    pad: float = 4,
    rule_last: bool = True,
    header: bool = False,
) -> Table:
    """A plain list table: top-aligned cells, no side padding, a thin rule under each row."""
    table = Table(data, colWidths=widths, repeatRows=1 if header else 0)
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), pad),
                ("BOTTOMPADDING", (0, 0), (-1, -1), pad + 1),
                ("LINEBELOW", (0, 0), (-1, -1 if rule_last else -2), 0.4, RULE),
            ]
        )
    )
    return table


def info_table(rows: list[tuple[str, list[Flowable]]], width: float, s: Styles) -> Table:
    """Label | value rows (the itinerary's first page)."""
    # Through para(): a translated label is Chinese, which the Latin face cannot draw.
    data = [[para(label, s.muted), value] for label, value in rows]
    return ruled_table(data, [38 * mm, width - 38 * mm], rule_last=False)


def people_lines(view: ItemView, s: Styles, reader: int | None = None) -> list[Line]:
    """Who guides and who interprets an item, and its languages (stored data a reader needs);
    `reader`'s own interpreting duty as a badge."""
    lines = []
    if view.guides:
        lines.append(line(_("Guide: {names}").format(names=", ".join(view.guides)), s.small))
    if view.interpreters or view.interpreting:
        # Imported here: interpreting.py builds its lines with this module's line().
        from tourplanner.export.pdf.interpreting import interpreting_lines

        lines += interpreting_lines(view, s, reader)
    if view.language:
        from tourplanner.export.pdf.language import languages_named

        named = languages_named(view.language)
        lines.append(line(_("Language: {language}").format(language=named), s.small))
    return lines

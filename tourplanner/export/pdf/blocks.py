"""Building blocks shared by the documents: paragraphs, entry rows, day headings, QR codes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from tourplanner.export.pdf.fonts import markup
from tourplanner.export.pdf.styles import ACCENT_LIGHT, RULE, Styles
from tourplanner.services.views import VenueView
from tourplanner.timezones import abbreviation, to_local

TIME_WIDTH = 27 * mm
QR_SIZE = 17 * mm


@dataclass(frozen=True)
class PlanInfo:
    title: str
    organization: str
    emergency_contacts: str
    home_timezone: str


def para(text: str | None, style, *, prefix: str = "") -> Paragraph:  # noqa: ANN001
    """A paragraph of user text (escaped); `prefix` is trusted markup put before it."""
    return Paragraph(prefix + markup(text or ""), style)


def join(*parts: str | None, sep: str = " · ") -> str:
    return sep.join(p for p in parts if p)


@lru_cache(maxsize=256)
def qr_code(latitude: float, longitude: float) -> Drawing:
    """A QR code of a geo: URI, so a phone can navigate to the venue offline."""
    widget = QrCodeWidget(f"geo:{latitude:.6f},{longitude:.6f}", barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(
        QR_SIZE, QR_SIZE, transform=[QR_SIZE / (x1 - x0), 0, 0, QR_SIZE / (y1 - y0), 0, 0]
    )
    drawing.add(widget)
    return drawing


def venue_lines(venue: VenueView | None, room: str, room_local: str, s: Styles) -> list[Flowable]:
    """Venue and room in English and the local script, with both addresses (for a taxi)."""
    if venue is None:
        return []
    lines = [para(join(venue.name_en, room), s.body)]
    local = join(venue.name_local, room_local)
    if local:
        lines.append(para(local, s.body))
    if venue.address_en:
        lines.append(para(venue.address_en, s.muted))
    if venue.address_local:
        lines.append(para(venue.address_local, s.muted))
    return lines


def time_cell(start: datetime, end: datetime | None, zone: str, s: Styles) -> list[Flowable]:
    """'09:15–10:15' over 'CST'."""
    begin = to_local(start, zone)
    text = f"{begin:%H:%M}" + (f"–{to_local(end, zone):%H:%M}" if end is not None else "")
    return [Paragraph(text, s.time), Paragraph(abbreviation(start, zone), s.time_zone)]


def entry_row(
    time: list[Flowable], details: list[Flowable], width: float, venue: VenueView | None = None
) -> Table:
    """One entry of a day: time | details | QR code; never split across pages."""
    qr = (
        qr_code(venue.latitude, venue.longitude)
        if venue is not None and venue.latitude is not None and venue.longitude is not None
        else ""
    )
    table = Table(
        [[time, details, qr]],
        colWidths=[TIME_WIDTH, width - TIME_WIDTH - QR_SIZE - 4 * mm, QR_SIZE + 4 * mm],
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (1, 0), 8),
                ("RIGHTPADDING", (2, 0), (2, 0), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                ("ALIGN", (2, 0), (2, 0), "RIGHT"),
            ]
        )
    )
    return table


def day_heading(title: str, note: str, width: float, s: Styles) -> Table:
    """A tinted band with the local date on the left and the cities of the day on the right."""
    table = Table(
        [[para(title, s.day), para(note, s.day_note)]], colWidths=[width * 0.6, width * 0.4]
    )
    table.setStyle(
        TableStyle(
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


def info_table(rows: list[tuple[str, list[Flowable]]], width: float, s: Styles) -> Table:
    """Label | value rows (the itinerary's first page)."""
    data = [[Paragraph(label, s.muted), value] for label, value in rows]
    table = Table(data, colWidths=[38 * mm, width - 38 * mm])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ("LINEBELOW", (0, 0), (-1, -2), 0.4, RULE),
            ]
        )
    )
    return table

"""'请带我去 / Please take me to': a card per hotel and venue of the itinerary, to hand a driver.

The local-script name and address at 16 pt in ink, the English beneath, the place's phone;
laid out three to a row at wallet size, to cut out along the dashed lines.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer, Table

from tourplanner.export.pdf.blocks import join, keep_phones, para, table_style
from tourplanner.export.pdf.page import DayMark
from tourplanner.export.pdf.styles import RULE, Styles
from tourplanner.i18n import _
from tourplanner.services.views import Itinerary, TravelView, VenueView

PER_ROW = 3  # about 58 mm wide on A4: a card that fits a wallet


def card_venues(itin: Itinerary) -> list[VenueView]:
    """Hotels first, then every other place with a local-script name or address, once each."""
    hotels = [t.venue for t in itin.travel if t.kind == "hotel" and t.venue is not None]
    others: list[VenueView] = []
    for entry in itin.entries():
        if isinstance(entry, TravelView):
            others += [v for v in (entry.from_venue, entry.to_venue) if v is not None]
        else:
            others += [v for v in (entry.venue, entry.origin, entry.destination) if v is not None]
    seen: set[int] = set()
    chosen = []
    for venue in [*hotels, *others]:
        if venue.id in seen or not (venue.name_local or venue.address_local):
            continue
        seen.add(venue.id)
        chosen.append(venue)
    return chosen


def card(venue: VenueView, s: Styles) -> list[Flowable]:
    parts: list[Flowable] = [para("请带我去 · Please take me to", s.muted)]
    if venue.name_local:
        parts.append(para(venue.name_local, s.card))
    if venue.address_local:
        parts.append(para(venue.address_local, s.card))
    parts.append(Spacer(0, 2 * mm))
    parts.append(para(join(venue.name_en, venue.address_en, sep=", "), s.card_small))
    if venue.phone:
        parts.append(para(keep_phones(venue.phone), s.card_small))
    return parts


def taxi_cards(itin: Itinerary, width: float, s: Styles) -> list[Flowable]:
    """A page (or more) of cards, or nothing when no place has a local-script address."""
    venues = card_venues(itin)
    if not venues:
        return []
    cells = [card(v, s) for v in venues]
    cells += [[] for _ in range(-len(cells) % PER_ROW)]
    rows = [cells[n : n + PER_ROW] for n in range(0, len(cells), PER_ROW)]
    table = Table(rows, colWidths=[width / PER_ROW] * PER_ROW)
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("GRID", (0, 0), (-1, -1), 0.6, RULE, None, (3, 2)),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 10),
            ]
        )
    )
    title = _("FOR THE DRIVER · 给司机看")
    return [
        PageBreak(),
        DayMark(title, running=False),
        para(title, s.kicker),
        para(
            _("Show a card to a taxi driver; cut along the dashed lines to keep one in a wallet."),
            s.muted,
        ),
        Spacer(0, 3 * mm),
        table,
    ]

"""The cover's summaries: each day at a glance, and the hotels with their phones.

A delegate looks here first: which city, the first thing to be at, where they sleep, and the
number of the hotel's front desk, without leafing through the day-by-day pages.
"""

from __future__ import annotations

from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from tourplanner.enums import ItemKind, label
from tourplanner.export.pdf.blocks import join, keep_phones, para, ruled_table
from tourplanner.export.pdf.days import day_label
from tourplanner.export.pdf.fonts import SANS
from tourplanner.export.pdf.page import fit_text
from tourplanner.export.pdf.styles import Styles
from tourplanner.i18n import CHINESE, _, current_language, formats
from tourplanner.services.views import ItemView, Itinerary, TravelView, VenueView
from tourplanner.timezones import to_local

# Not a commitment to be somewhere on time: breakfast at the hotel, an evening at leisure.
NOT_COMMITMENTS = frozenset({ItemKind.MEAL, ItemKind.FREE_TIME})
DAY_WIDTH = 58 * mm  # "Wed 22 Apr · Day 8 · Shenzhen"


def local_date(entry: ItemView | TravelView) -> date:
    zone = entry.timezone if isinstance(entry, ItemView) else entry.start_timezone
    return to_local(entry.start_utc, zone).date()


def place_name(venue: VenueView) -> str:
    """The reader's own script first."""
    if current_language() == CHINESE and venue.name_local:
        return join(venue.name_local, venue.name_en)
    return venue.name_en


def stays(itin: Itinerary) -> list[TravelView]:
    return [t for t in itin.travel if t.kind == "hotel" and t.venue is not None]


def commitment(entry: ItemView | TravelView) -> str:
    """'09:00 Guided visit: the Forbidden City', '12:40 Flight UA 897'."""
    if isinstance(entry, TravelView):
        at = to_local(entry.start_utc, entry.start_timezone)
        what = join(_(label(entry.kind)), entry.carrier, entry.number, sep=" ")
    else:
        at = to_local(entry.start_utc, entry.timezone)
        what = entry.title_en
        if current_language() == CHINESE and entry.title_local:
            what = entry.title_local
    return f"{at:%H:%M} {what}"


def one_line(text: str, size: float, width: float) -> str:
    """The text cut with "…" to fit one line: the summary stays a line a day (the full text
    is on the day's page)."""
    return fit_text(text, SANS, size, width, strip=" ,·:")


def day_at_a_glance(itin: Itinerary, width: float, s: Styles) -> list[Flowable]:
    """One line a day: the date and its number, the city, the first commitment, the night."""
    by_day: dict[date, list[ItemView | TravelView]] = {}
    for entry in itin.entries():  # in time order: each day's list is too
        by_day.setdefault(local_date(entry), []).append(entry)
    if not by_day:
        return []
    hotels = stays(itin)
    rest = width - DAY_WIDTH
    widths = [DAY_WIDTH, rest * 0.6, rest * 0.4]
    fit = [w - 8 for w in widths]  # the cells' right padding (6 pt) and a margin
    size = s.small.fontSize
    data = [[para(text, s.muted) for text in (_("Day"), _("First commitment"), _("Night at"))]]
    for day, today in sorted(by_day.items()):
        first = next(
            (
                e
                for e in today
                if (isinstance(e, TravelView) and e.kind != "hotel")
                or (isinstance(e, ItemView) and e.kind not in NOT_COMMITMENTS)
            ),
            None,
        )
        cities = sorted(
            {
                v.city
                for e in today
                for v in ((e.venue,) if isinstance(e, ItemView) else (e.venue, e.to_venue))
                if v is not None and v.city
            }
        )
        night = next(
            (
                t.venue
                for t in hotels
                if local_date(t) <= day < to_local(t.end_utc, t.end_timezone).date()
            ),
            None,
        )
        when = join(formats.short_day(day), day_label(day, itin.first_day), ", ".join(cities))
        data.append(
            [
                para(one_line(when, size, fit[0]), s.small),
                para(one_line(commitment(first), size, fit[1]) if first else "", s.small),
                para(one_line(place_name(night), size, fit[2]) if night else "", s.small),
            ]
        )
    return [
        para(_("Your days at a glance"), s.h2),
        ruled_table(data, widths, pad=0.8, header=True),
    ]


def your_hotels(itin: Itinerary, width: float, s: Styles) -> list[Flowable]:
    """Each hotel once: its names, the nights, the front desk's phone and the local address."""
    rows = []
    seen: set[int] = set()
    for stay in stays(itin):
        venue = stay.venue
        assert venue is not None  # stays() keeps those with a venue
        if venue.id in seen:
            continue
        seen.add(venue.id)
        nights = formats.date_range(
            local_date(stay), to_local(stay.end_utc, stay.end_timezone).date()
        )
        rows.append(
            [
                para(join(venue.name_en, venue.name_local), s.small),
                para(nights, s.small),
                para(keep_phones(venue.phone), s.small),
            ]
        )
    if not rows:
        return []
    widths = [width * 0.55, width * 0.25, width * 0.2]
    return [para(_("Your hotels"), s.h2), ruled_table(rows, widths, pad=0.8)]

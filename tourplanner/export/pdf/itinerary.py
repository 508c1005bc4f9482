"""The personal itinerary: a first page about the person, then day by day in local time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Paragraph, Spacer

from tourplanner.enums import label
from tourplanner.export.pdf.blocks import (
    Line,
    PlanInfo,
    day_heading,
    entry_row,
    info_table,
    join,
    line,
    para,
    time_cell,
    venue_lines,
)
from tourplanner.export.pdf.page import Section
from tourplanner.export.pdf.styles import Styles
from tourplanner.services.views import ItemView, Itinerary, TravelView
from tourplanner.timezones import abbreviation, to_local, utc_offset_label
from tourplanner.wording import count


@dataclass(frozen=True)
class Row:
    """One line of the day-by-day part, at an instant in a zone."""

    at: datetime
    zone: str
    zone_after: str
    flowable: Flowable
    cities: tuple[str, ...] = ()


def zone_city(zone: str) -> str:
    """'America/New_York' -> 'New York'."""
    return zone.rsplit("/", 1)[-1].replace("_", " ")


def offset_hours(instant: datetime, zone: str) -> float:
    offset = to_local(instant, zone).utcoffset() or timedelta(0)
    return offset.total_seconds() / 3600


def zone_cue(
    instant: datetime, zone: str, previous: str, before: float, s: Styles
) -> Paragraph | None:
    """The line that says the itinerary's clock changes here, or None when it does not.

    `before` is the offset the reader last saw: in the same zone a different offset now means
    a daylight-saving change happened in between.
    """
    if zone != previous:
        before = offset_hours(instant, previous)
    after = offset_hours(instant, zone)
    if before == after:
        return None
    diff = after - before
    amount = f"{abs(diff):g} h {'ahead of' if diff > 0 else 'behind'}"
    abbr, offset = abbreviation(instant, zone), utc_offset_label(instant, zone)
    if zone == previous:
        # Same place, new offset: a daylight-saving change during the stay.
        way = "forward" if diff > 0 else "back"
        text = (
            f"Clocks change: from here, {zone_city(zone)} time is {abbr} ({offset}); "
            f"clocks go {way} {abs(diff):g} h."
        )
    else:
        text = (
            f"From here: {zone_city(zone)} time, {abbr} ({offset}) — {amount} "
            f"{zone_city(previous)} time ({abbreviation(instant, previous)})."
        )
    return Paragraph(text, s.cue)


def item_row(view: ItemView, width: float, s: Styles, seat: str = "") -> Row:
    details: list[Line] = []
    prefix = '<font color="#9A3412">CANCELLED · </font>' if view.status == "cancelled" else ""
    details.append(line(view.title_en, s.entry_title, prefix=prefix))
    if view.title_local:
        details.append(line(view.title_local, s.body))
    kind = join(
        label(view.kind),
        "tentative" if view.status == "tentative" else "",
        f"you are {view.role}" if view.role and view.role != "attending" else "",
    )
    details.append(line(kind, s.muted))
    details += venue_lines(view.venue, view.room, view.room_local, s)
    if seat:
        details.append(line(f"Your seat: {seat}", s.small))
    if view.speakers:
        details.append(line("Speakers: " + ", ".join(view.speakers), s.small))
    if view.chairs:
        details.append(line("Chair: " + ", ".join(view.chairs), s.small))
    if view.description:
        details.append(line(view.description, s.muted))
    flowable = entry_row(
        time_cell(view.start_utc, view.end_utc, view.timezone, s), details, width, view.venue
    )
    city = (view.venue.city,) if view.venue and view.venue.city else ()
    return Row(view.start_utc, view.timezone, view.timezone, flowable, city)


def travel_rows(seg: TravelView, width: float, s: Styles) -> list[Row]:
    if seg.kind == "hotel":
        return hotel_rows(seg, width, s)
    arrive_local = to_local(seg.end_utc, seg.end_timezone)
    days = seg.day_offset
    marker = f" (+{count(days, 'day', 'days')})" if days > 0 else ""
    details = [
        line(join(label(seg.kind), seg.carrier, seg.number), s.entry_title),
        line(
            f"{seg.from_place} → {seg.to_place}" if seg.from_place or seg.to_place else "", s.body
        ),
        line(
            f"Departs {to_local(seg.start_utc, seg.start_timezone):%a %d %b %H:%M} "
            f"{abbreviation(seg.start_utc, seg.start_timezone)} · Arrives {arrive_local:%a %d %b %H:%M} "
            f"{abbreviation(seg.end_utc, seg.end_timezone)}{marker}",
            s.small,
        ),
    ]
    own = [f"Seat {seg.seat}"] * bool(seg.seat)
    own += [f"Confirmation {seg.confirmation_code}"] * bool(seg.confirmation_code)
    own += [label(seg.status)] * (seg.status != "confirmed")
    if own:
        details.append(line(" · ".join(own), s.small))
    if seg.notes:
        details.append(line(seg.notes, s.muted))
    time = time_cell(seg.start_utc, None, seg.start_timezone, s)
    time.append(
        Paragraph(f"→ {arrive_local:%H:%M}{' +' + str(days) if days > 0 else ''}", s.time_zone)
    )
    flowable = entry_row(time, details, width)
    return [Row(seg.start_utc, seg.start_timezone, seg.end_timezone, flowable)]


def hotel_rows(seg: TravelView, width: float, s: Styles) -> list[Row]:
    venue = seg.venue
    name = venue.name_en if venue else seg.to_place
    nights = (
        to_local(seg.end_utc, seg.end_timezone).date()
        - to_local(seg.start_utc, seg.start_timezone).date()
    ).days
    check_out = to_local(seg.end_utc, seg.end_timezone)
    extra = (
        [line(f"Confirmation {seg.confirmation_code}", s.small)] if seg.confirmation_code else []
    )
    check_in = [
        line(f"Hotel check-in · {name}", s.entry_title),
        *venue_lines(venue, "", "", s)[1 if venue else 0 :],
        line(
            f"{count(nights, 'night', 'nights')}, check-out {check_out:%a %d %b %H:%M}",
            s.small,
        ),
        *extra,
    ]
    if seg.notes:
        check_in.append(line(seg.notes, s.muted))
    city = (venue.city,) if venue and venue.city else ()
    rows = [
        Row(
            seg.start_utc,
            seg.start_timezone,
            seg.start_timezone,
            entry_row(
                time_cell(seg.start_utc, None, seg.start_timezone, s), check_in, width, venue
            ),
            city,
        )
    ]
    out = [line(f"Hotel check-out · {name}", s.entry_title), *extra]
    rows.append(
        Row(
            seg.end_utc,
            seg.end_timezone,
            seg.end_timezone,
            entry_row(time_cell(seg.end_utc, None, seg.end_timezone, s), out, width),
            city,
        )
    )
    return rows


def cover(itin: Itinerary, plan: PlanInfo, width: float, s: Styles) -> list[Flowable]:
    """The first page: who, with whom, what, and whom to call."""
    p = itin.person
    story: list[Flowable] = [
        Paragraph("PERSONAL ITINERARY", s.kicker),
        para(join(p.honorific, p.name_latin, sep=" "), s.title),
    ]
    if p.name_local:
        story.append(para(p.name_local, s.title_local))
    story.append(para(join(p.organization, p.organization_local), s.subtitle))
    story.append(Spacer(0, 6 * mm))
    rows: list[tuple[str, list[Flowable]]] = [("Role", [para(label(p.role), s.body)])]
    if p.groups:
        rows.append(("Group", [para(", ".join(p.groups), s.body)]))
    if itin.programmes:
        rows.append(
            (
                "Programmes",
                [
                    para(
                        f"{prog.title_en}  ·  {prog.start_date:%d %b} – {prog.end_date:%d %b %Y}",
                        s.body,
                    )
                    for prog in itin.programmes
                ],
            )
        )
    for title, value in (
        ("Dietary needs", p.dietary_needs),
        ("Accessibility", p.accessibility_needs),
        ("Your emergency contact", p.emergency_contact),
        ("Passport / visa (confidential)", p.passport_visa_notes),
        ("Medical (confidential)", p.medical_notes),
    ):
        if value:
            rows.append((title, [para(value, s.body)]))
    story.append(info_table(rows, width, s))
    if plan.emergency_contacts:
        story += [
            Paragraph("Coordinators and emergency contacts", s.h2),
            para(plan.emergency_contacts, s.body),
        ]
    story += [
        Spacer(0, 5 * mm),
        Paragraph(
            "Every time is the local time where it happens, with its zone beside it. "
            "Addresses are given in English and in the local script, to show a driver; "
            "scan a QR code to open the place in your phone's map.",
            s.muted,
        ),
    ]
    return story


def day_by_day(itin: Itinerary, width: float, s: Styles) -> list[Flowable]:
    rows: list[Row] = []
    for entry in itin.entries():
        if isinstance(entry, TravelView):
            rows += travel_rows(entry, width, s)
        else:
            rows.append(item_row(entry, width, s, itin.seats.get(entry.id, "")))
    rows.sort(key=lambda r: r.at)
    story: list[Flowable] = []
    by_day: dict[date, list[Row]] = {}
    for row in rows:
        by_day.setdefault(to_local(row.at, row.zone).date(), []).append(row)
    if not by_day:
        return story
    current: str | None = None
    current_offset = 0.0
    first_day = min(by_day)
    for day, day_rows in by_day.items():
        cities = sorted({c for r in day_rows for c in r.cities})
        number = (day - first_day).days + 1
        heading = day_heading(
            f"{day:%A} {day.day} {day:%B %Y}", join(", ".join(cities), f"Day {number}"), width, s
        )
        block: list[Flowable] = []
        for row in day_rows:
            if current is not None and (
                cue := zone_cue(row.at, row.zone, current, current_offset, s)
            ):
                block.append(cue)
            block.append(row.flowable)
            current, current_offset = row.zone, offset_hours(row.at, row.zone)
            if row.zone_after != row.zone and (
                cue := zone_cue(row.at, row.zone_after, row.zone, current_offset, s)
            ):
                block.append(cue)
                current, current_offset = row.zone_after, offset_hours(row.at, row.zone_after)
        # The heading never sits alone at the bottom of a page: it travels with the first entry.
        story += [
            CondPageBreak(40 * mm),
            Spacer(0, 4 * mm),
            KeepTogether([heading, Spacer(0, 2 * mm), block[0]]),
            *block[1:],
        ]
    return story


def itinerary_story(itin: Itinerary, plan: PlanInfo, width: float, s: Styles) -> list[Flowable]:
    """The whole document for one person, starting with its Section marker."""
    p = itin.person
    story: list[Flowable] = [Section(p.id, p.display_name), *cover(itin, plan, width, s)]
    days = day_by_day(itin, width, s)
    if days:
        story += [PageBreak(), Paragraph("Day by day", s.kicker), *days]
    else:
        story += [
            Spacer(0, 8 * mm),
            para(f"Nothing is booked for {p.display_name} yet: no items, tours or travel.", s.h2),
        ]
    return story

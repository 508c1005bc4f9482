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
    keep_phones,
    line,
    para,
    people_lines,
    time_cell,
    venue_lines,
)
from tourplanner.export.pdf.days import day_label, days_between, long_day
from tourplanner.export.pdf.glance import day_at_a_glance, local_date, your_hotels
from tourplanner.export.pdf.language import contacts_for
from tourplanner.export.pdf.page import DayMark, Section
from tourplanner.export.pdf.styles import Styles
from tourplanner.export.pdf.taxi_cards import taxi_cards
from tourplanner.i18n import CHINESE, _, current_language, formats, ngettext
from tourplanner.i18n.names import display_name
from tourplanner.services.views import ItemView, Itinerary, ProgrammeView, TravelView, VenueView
from tourplanner.timezones import abbreviation, day_offset, to_local, utc_offset_label


@dataclass(frozen=True)
class Row:
    """One line of the day-by-day part, at an instant in a zone."""

    at: datetime
    zone: str
    zone_after: str
    flowable: Flowable
    cities: tuple[str, ...] = ()
    # A journey that ends on a later local date: the days between are spent in the air.
    lands: date | None = None


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
    abbr, offset = abbreviation(instant, zone), utc_offset_label(instant, zone)
    if zone == previous:
        # Same place, new offset: a daylight-saving change during the stay.
        text = (
            _(
                "Clocks change: from here, {city} time is {abbr} ({offset}); clocks go forward {hours} h."
            )
            if diff > 0
            else _(
                "Clocks change: from here, {city} time is {abbr} ({offset}); clocks go back {hours} h."
            )
        ).format(city=zone_city(zone), abbr=abbr, offset=offset, hours=f"{abs(diff):g}")
    else:
        text = (
            _(
                "From here: {city} time, {abbr} ({offset}) — {hours} h ahead of {other} time ({other_abbr})."
            )
            if diff > 0
            else _(
                "From here: {city} time, {abbr} ({offset}) — {hours} h behind {other} time ({other_abbr})."
            )
        ).format(
            city=zone_city(zone),
            abbr=abbr,
            offset=offset,
            hours=f"{abs(diff):g}",
            other=zone_city(previous),
            other_abbr=abbreviation(instant, previous),
        )
    return para(text, s.cue)


# How long before their slot a speaker or chair is asked to be in the room.
CALL_MINUTES = 30
CANCELLED = "<b>CANCELLED · </b>"  # noqa: S105 - markup, not a secret  # bold words, not colour alone: greyscale printers keep it


def role_badge(view: ItemView, s: Styles) -> Line | None:
    """'YOU ARE SPEAKING · in the room by 08:45' for the reader's own part in an item."""
    if view.role not in ("speaking", "chairing", "moderating", "interpreting"):
        return None
    call = to_local(view.start_utc - timedelta(minutes=CALL_MINUTES), view.timezone)
    text = _("▶ YOU ARE {role} · please be in the room by {time}").format(
        role=_(label(view.role)).upper(), time=f"{call:%H:%M}"
    )
    return line(text, s.badge)


def meeting_line(view: ItemView, s: Styles) -> Line | None:
    """'Meet: 08:00 Hotel lobby, …': where the group gathers before the item."""
    if not view.meeting_point:
        return None
    at = f"{to_local(view.meeting_utc, view.timezone):%H:%M}" if view.meeting_utc else ""
    text = _("Meet: {time} {place}").format(time=at, place=view.meeting_point)
    return line(text.replace("  ", " "), s.badge)


def destination_lines(place: VenueView, s: Styles, *, full: bool) -> list[Line]:
    """'To: Great Wall at Mutianyu · 慕田峪长城', with the first mention of the day its address
    in Chinese, large, for the driver, and in English."""
    lines = [line(_("To: {place}").format(place=join(place.name_en, place.name_local)), s.body)]
    if full:
        if place.address_local:
            lines.append(line(place.address_local, s.taxi))
        if place.address_en:
            lines.append(line(place.address_en, s.muted))
    return lines


# Roles the reader already reads as a badge: no second "you are …" line.
BADGE_ROLES = ("attending", "speaking", "chairing", "moderating", "interpreting")


def item_row(
    view: ItemView,
    width: float,
    s: Styles,
    seat: str = "",
    *,
    full_venue: bool = True,
    reader: int | None = None,
) -> Row:
    if view.flight:
        return group_flight_row(view, width, s)
    details: list[Line] = []
    prefix = CANCELLED if view.status == "cancelled" else ""
    # The reader's own script first: a Chinese reader reads the Chinese title in bold.
    first, second = view.title_en, view.title_local
    if current_language() == CHINESE and view.title_local:
        first, second = view.title_local, view.title_en
    details.append(line(first, s.entry_title, prefix=prefix))
    if second:
        details.append(line(second, s.body))
    if badge := role_badge(view, s):
        details.append(badge)
    if meet := meeting_line(view, s):
        details.append(meet)
    kind = join(
        _(label(view.kind)),
        _("tentative") if view.status == "tentative" else "",
        _("you are {role}").format(role=_(label(view.role)).lower())
        if view.role and view.role not in BADGE_ROLES
        else "",
    )
    details.append(line(kind, s.muted))
    details += venue_lines(view.venue, view.room, view.room_local, s, full=full_venue)
    place = view.venue
    if view.venue is None and view.destination is not None:
        details += destination_lines(view.destination, s, full=full_venue)
        place = view.destination
    if seat:
        details.append(line(_("Your seat: {seat}").format(seat=seat), s.small))
    if view.speakers:
        details.append(line(_("Speakers: {names}").format(names=", ".join(view.speakers)), s.small))
    if view.chairs:
        details.append(line(_("Chair: {names}").format(names=", ".join(view.chairs)), s.small))
    details += people_lines(view, s, reader)
    if view.description:
        details.append(line(view.description, s.muted))
    flowable = entry_row(
        time_cell(view.start_utc, view.end_utc, view.timezone, s),
        details,
        width,
        place if full_venue else None,
    )
    city = (view.venue.city,) if view.venue and view.venue.city else ()
    return Row(view.start_utc, view.timezone, view.timezone, flowable, city)


def group_flight_row(view: ItemView, width: float, s: Styles) -> Row:
    """A programme's group flight printed as a flight: number, both airports (in Chinese
    beside), each end's time in its own zone and the travel time."""
    ends = (view.origin, view.destination)
    zones = tuple(v.timezone if v and v.timezone else view.timezone for v in ends)
    prefix = CANCELLED if view.status == "cancelled" else ""
    details = [line(flight_title(view), s.entry_title, prefix=prefix)]
    if meet := meeting_line(view, s):
        details.append(meet)
    details += journey_lines(
        flight_names(view), ends, view.start_utc, zones[0], view.end_utc, zones[1], s
    )
    details += people_lines(view, s)
    if view.description:
        details.append(line(view.description, s.muted))
    flowable = entry_row(
        arrival_cell(view.start_utc, zones[0], view.end_utc, zones[1], s), details, width
    )
    return Row(view.start_utc, zones[0], zones[1], flowable)


def flight_title(view: ItemView) -> str:
    """'Group flight · CA 1315': the booklet and the itinerary name a group flight so."""
    return _("Group flight · {number}").format(number=view.flight)


def flight_names(view: ItemView) -> list[str]:
    """A group flight's two airports in English ("…" for one the plan does not have)."""
    return [v.name_en if v else "…" for v in (view.origin, view.destination)]


def _programme_title(prog: ProgrammeView) -> str:
    """The programme's name in the reader's language where the plan has it."""
    if current_language() == CHINESE and prog.title_local:
        return prog.title_local
    return prog.title_en


def when(local: datetime) -> str:
    """'Mon 13 Apr 23:55' / '4月13日 星期一 23:55': a departure or arrival in its own zone."""
    if current_language() == CHINESE:
        return formats.day_and_clock(local)
    return f"{local:%a %d %b %H:%M}"


def confirmation(code: str) -> str:
    return _("Confirmation {code}").format(code=code)


def duration_text(start_utc: datetime, end_utc: datetime) -> str:
    minutes = round((end_utc - start_utc).total_seconds() / 60)
    hours, rest = divmod(minutes, 60)
    return _("{hours} h {minutes:02d} min").format(hours=hours, minutes=rest)


def place_lines(venue: VenueView | None, s: Styles) -> list[Line]:
    """An end of a journey in the local script, large, for the driver: name and address."""
    if venue is None or not (venue.name_local or venue.address_local):
        return []
    return [line(join(venue.name_local, venue.address_local, sep="  "), s.taxi)]


def journey_ends(
    places: list[str], ends: tuple[VenueView | None, VenueView | None], s: Styles
) -> list[Line]:
    """'A → B' in English, then the local names large, for the driver (the booklet's group
    flights too)."""
    local_names = [v.name_local if v else "" for v in ends]
    lines = [line(" → ".join(places) if any(places) else "", s.body)]
    if any(local_names):
        lines.append(line(" → ".join(n or "…" for n in local_names), s.taxi))
    return lines


def journey_lines(
    places: list[str],
    ends: tuple[VenueView | None, VenueView | None],
    start_utc: datetime,
    start_zone: str,
    end_utc: datetime,
    end_zone: str,
    s: Styles,
) -> list[Line]:
    """A journey's two ends (the local names large, for the driver), each end's time in its
    own zone and the travel time: the lines shared by booked journeys and group flights."""
    days = day_offset(start_utc, start_zone, end_utc, end_zone)
    marker = ngettext(" (+{n} day)", " (+{n} days)", days).format(n=days) if days > 0 else ""
    lines = journey_ends(places, ends, s)
    lines += [
        line(
            _("Departs {departs} {departs_zone} · Arrives {arrives} {arrives_zone}{marker}").format(
                departs=when(to_local(start_utc, start_zone)),
                departs_zone=abbreviation(start_utc, start_zone),
                arrives=when(to_local(end_utc, end_zone)),
                arrives_zone=abbreviation(end_utc, end_zone),
                marker=marker,
            ),
            s.small,
        ),
        line(
            join(
                _("{zone} time at arrival").format(zone=zone_city(end_zone))
                if end_zone != start_zone
                else "",
                _("travel time {duration}").format(duration=duration_text(start_utc, end_utc)),
            ),
            s.small,
        ),
    ]
    return lines


def arrival_cell(
    start_utc: datetime, start_zone: str, end_utc: datetime, end_zone: str, s: Styles
) -> list[Flowable]:
    """The departure over its zone, then the arrival with its own zone: "→ 17:50 EDT" is not
    read as the departure's zone."""
    days = day_offset(start_utc, start_zone, end_utc, end_zone)
    time = time_cell(start_utc, None, start_zone, s)
    time.append(
        Paragraph(
            f"→ {to_local(end_utc, end_zone):%H:%M} {abbreviation(end_utc, end_zone)}"
            f"{' +' + str(days) if days > 0 else ''}",
            s.time_zone,
        )
    )
    return time


def travel_rows(seg: TravelView, width: float, s: Styles) -> list[Row]:
    if seg.kind == "hotel":
        return hotel_rows(seg, width, s)
    arrive_local = to_local(seg.end_utc, seg.end_timezone)
    days = seg.day_offset
    details = [
        line(join(_(label(seg.kind)), seg.carrier, seg.number), s.entry_title),
        *journey_lines(
            [seg.from_place, seg.to_place],
            (seg.from_venue, seg.to_venue),
            seg.start_utc,
            seg.start_timezone,
            seg.end_utc,
            seg.end_timezone,
            s,
        ),
    ]
    if seg.kind != "flight" and seg.to_venue is not None and seg.to_venue.address_local:
        details.append(line(seg.to_venue.address_local, s.taxi))
    own = [_("Seat {seat}").format(seat=seg.seat)] * bool(seg.seat)
    own += [confirmation(seg.confirmation_code)] * bool(seg.confirmation_code)
    own += [_(label(seg.status))] * (seg.status != "confirmed")
    if own:
        details.append(line(" · ".join(own), s.small))
    if seg.notes:
        details.append(line(seg.notes, s.muted))
    time = arrival_cell(seg.start_utc, seg.start_timezone, seg.end_utc, seg.end_timezone, s)
    flowable = entry_row(time, details, width)
    lands = arrive_local.date() if days > 0 else None
    return [Row(seg.start_utc, seg.start_timezone, seg.end_timezone, flowable, lands=lands)]


def hotel_rows(seg: TravelView, width: float, s: Styles) -> list[Row]:
    venue = seg.venue
    name = venue.name_en if venue else seg.to_place
    nights = (
        to_local(seg.end_utc, seg.end_timezone).date()
        - to_local(seg.start_utc, seg.start_timezone).date()
    ).days
    check_out = to_local(seg.end_utc, seg.end_timezone)
    extra = [line(confirmation(seg.confirmation_code), s.small)] if seg.confirmation_code else []
    check_in = [
        line(_("Hotel check-in · {name}").format(name=name), s.entry_title),
        *venue_lines(venue, "", "", s)[1 if venue else 0 :],
        line(
            ngettext("{n} night, check-out {when}", "{n} nights, check-out {when}", nights).format(
                n=nights, when=when(check_out)
            ),
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
    out = [line(_("Hotel check-out · {name}").format(name=name), s.entry_title), *extra]
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
        para(_("PERSONAL ITINERARY"), s.kicker),
    ]
    if current_language() == CHINESE and p.name_local:
        # A Chinese reader is named as Chinese writes it (聂彪先生), the Latin spelling beneath.
        story.append(para(display_name(p, other_script=False), s.title))
        story.append(para(p.name_latin, s.title_local))
    else:
        story.append(para(join(p.honorific, p.name_latin, sep=" "), s.title))
        if p.name_local:
            story.append(para(p.name_local, s.title_local))
    story.append(para(join(p.organization, p.organization_local), s.subtitle))
    story.append(Spacer(0, 3 * mm))
    rows: list[tuple[str, list[Flowable]]] = [(_("Role"), [para(_(label(p.role)), s.body)])]
    if p.groups:
        rows.append((_("Group"), [para(", ".join(p.groups), s.body)]))
    if itin.programmes:
        rows.append(
            (
                _("Programmes"),
                [
                    para(
                        f"{_programme_title(prog)}  ·  "
                        f"{formats.date_range(prog.start_date, prog.end_date)}",
                        s.body,
                    )
                    for prog in itin.programmes
                ],
            )
        )
    for title, value in (
        (_("Dietary needs"), p.dietary_needs),
        (_("Accessibility"), p.accessibility_needs),
        (_("Your emergency contact"), p.emergency_contact),
        (_("Passport / visa (confidential)"), p.passport_visa_notes),
        (_("Medical (confidential)"), p.medical_notes),
    ):
        if value:
            rows.append((title, [para(value, s.body)]))
    story.append(info_table(rows, width, s))
    story += day_at_a_glance(itin, width, s)
    story += your_hotels(itin, width, s)
    if plan.emergency_contacts:
        story += [
            para(_("Coordinators and emergency contacts"), s.h2),
            para(keep_phones(contacts_for(plan.emergency_contacts, current_language())), s.body),
        ]
    return story


# Up to this many days at a glance, the cover has room for the reading note too.
NOTE_DAYS = 10


def reading_note(s: Styles) -> Paragraph:
    """How to read the day pages."""
    return para(
        _(
            "Every time is the local time where it happens, with its zone beside it. "
            "Addresses are given in English and in the local script, to show a driver; "
            "scan a QR code to open the place in your phone's map."
        ),
        s.muted,
    )


def entry_rows(itin: Itinerary, width: float, s: Styles) -> list[Row]:
    """Every entry as a row in time order; a place's address and QR code are printed with its
    first entry of the day only (not on every tea break)."""
    rows: list[Row] = []
    # A hotel's check-in prints its address: the coach there and dinner there name it only.
    shown: set[tuple[date, int]] = {
        (to_local(t.start_utc, t.start_timezone).date(), t.venue.id)
        for t in itin.travel
        if t.kind == "hotel" and t.venue is not None
    }
    for entry in itin.entries():
        if isinstance(entry, TravelView):
            rows += travel_rows(entry, width, s)
            continue
        place = entry.venue or entry.destination
        key = (to_local(entry.start_utc, entry.timezone).date(), place.id if place else 0)
        full = place is None or key not in shown
        shown.add(key)
        seat = itin.seats.get(entry.id, "")
        rows.append(item_row(entry, width, s, seat, full_venue=full, reader=itin.person.id))
    rows.sort(key=lambda r: r.at)
    return rows


def in_the_air(day: date, first_day: date | None, width: float, s: Styles) -> list[Flowable]:
    """A calendar day that never happens on the ground: crossed over the date line."""
    title = long_day(day)
    heading = day_heading(title, join(_("in the air"), day_label(day, first_day)), width, s)
    note = para(_("You are in the air on this date: the flight crosses the date line."), s.cue)
    return [Spacer(0, 4 * mm), KeepTogether([DayMark(title), heading, note])]


def day_by_day(itin: Itinerary, width: float, s: Styles) -> list[Flowable]:
    story: list[Flowable] = []
    by_day: dict[date, list[Row]] = {}
    for row in entry_rows(itin, width, s):
        by_day.setdefault(to_local(row.at, row.zone).date(), []).append(row)
    if not by_day:
        return story
    current: str | None = None
    current_offset = 0.0
    lands: date | None = None
    previous_day = min(by_day)
    for day, day_rows in by_day.items():
        if lands is not None:
            for lost in days_between(previous_day, min(day, lands)):
                story += in_the_air(lost, itin.first_day, width, s)
        cities = sorted({c for r in day_rows for c in r.cities})
        title = long_day(day)
        heading = day_heading(
            title, join(", ".join(cities), day_label(day, itin.first_day)), width, s
        )
        block: list[Flowable] = []
        lands = None
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
            lands = row.lands or lands
        previous_day = day
        # The heading never sits alone at the bottom of a page: it travels with the first entry.
        story += [
            CondPageBreak(40 * mm),
            Spacer(0, 4 * mm),
            KeepTogether([DayMark(title), heading, Spacer(0, 2 * mm), block[0]]),
            *block[1:],
        ]
    return story


def itinerary_story(itin: Itinerary, plan: PlanInfo, width: float, s: Styles) -> list[Flowable]:
    """The whole document for one person, starting with its Section marker."""
    p = itin.person
    # The running head and bookmarks name the reader as their language writes the name.
    name = display_name(p) if current_language() == CHINESE else p.display_name
    story: list[Flowable] = [
        Section(p.id, name, current_language()),
        *cover(itin, plan, width, s),
    ]
    days = day_by_day(itin, width, s)
    if days:
        # On the cover while it has room (a short stay), else above the day pages.
        if len({local_date(e) for e in itin.entries()}) <= NOTE_DAYS:
            story += [
                Spacer(0, 4 * mm),
                reading_note(s),
                PageBreak(),
                para(_("Day by day"), s.kicker),
            ]
        else:
            story += [PageBreak(), para(_("Day by day"), s.kicker), reading_note(s)]
        story += days
        story += taxi_cards(itin, width, s)
    else:
        story += [
            Spacer(0, 8 * mm),
            para(
                _("Nothing is booked for {name} yet: no items, tours or travel.").format(name=name),
                s.h2,
            ),
        ]
    return story

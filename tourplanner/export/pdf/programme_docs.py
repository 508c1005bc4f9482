"""The programme booklet (a conference, day by day, with a speaker index) and the tour sheet."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
)

from tourplanner.enums import label
from tourplanner.export.pdf.blocks import (
    Line,
    PlanInfo,
    day_heading,
    entry_row,
    join,
    line,
    para,
    ruled_table,
    time_cell,
    venue_lines,
)
from tourplanner.export.pdf.days import day_label, long_day
from tourplanner.export.pdf.page import DayMark, Section
from tourplanner.export.pdf.styles import Styles
from tourplanner.services.views import ItemView, ProgrammeView, Roster
from tourplanner.timezones import to_local


def title_block(prog: ProgrammeView, kicker: str, s: Styles) -> list[Flowable]:
    story: list[Flowable] = [Paragraph(kicker, s.kicker), para(prog.title_en, s.title)]
    if prog.title_local:
        story.append(para(prog.title_local, s.title_local))
    story.append(para(f"{prog.start_date:%A %d %B} – {prog.end_date:%A %d %B %Y}", s.subtitle))
    if prog.description:
        story += [Spacer(0, 3 * mm), para(prog.description, s.body)]
    return story


def item_details(view: ItemView, s: Styles, *, with_venue: bool) -> list[Line]:
    prefix = '<font color="#9A3412">CANCELLED · </font>' if view.status == "cancelled" else ""
    details: list[Line] = [line(view.title_en, s.entry_title, prefix=prefix)]
    if view.title_local:
        details.append(line(view.title_local, s.body))
    details.append(
        line(
            join(label(view.kind), view.track, "tentative" if view.status == "tentative" else ""),
            s.muted,
        )
    )
    if with_venue:
        details += venue_lines(view.venue, view.room, view.room_local, s)
    else:
        details.append(
            line(
                join(view.room, view.room_local) or (view.venue.name_en if view.venue else ""),
                s.small,
            )
        )
    if view.speakers:
        details.append(line("Speakers: " + ", ".join(view.speakers), s.small))
    if view.chairs:
        details.append(line("Chair: " + ", ".join(view.chairs), s.small))
    if view.description:
        details.append(line(view.description, s.muted))
    return details


def days_of(
    views: list[ItemView],
    width: float,
    s: Styles,
    *,
    with_venue: bool,
    first_day: date | None = None,
) -> list[Flowable]:
    """Day by day; days numbered from the event's first day, as in every itinerary."""
    by_day: dict[date, list[ItemView]] = defaultdict(list)
    for view in views:
        by_day[to_local(view.start_utc, view.timezone).date()].append(view)
    story: list[Flowable] = []
    for day, items in sorted(by_day.items()):
        cities = sorted({v.venue.city for v in items if v.venue and v.venue.city})
        title = long_day(day)
        heading = day_heading(title, join(", ".join(cities), day_label(day, first_day)), width, s)
        rows = [
            entry_row(
                time_cell(v.start_utc, v.end_utc, v.timezone, s),
                item_details(v, s, with_venue=with_venue),
                width,
                v.venue if with_venue else None,
            )
            for v in items
        ]
        story += [
            CondPageBreak(40 * mm),
            Spacer(0, 4 * mm),
            KeepTogether([DayMark(title), heading, Spacer(0, 2 * mm), rows[0]]),
            *rows[1:],
        ]
    return story


def speaker_index(views: list[ItemView], width: float, s: Styles) -> list[Flowable]:
    talks: dict[str, list[ItemView]] = defaultdict(list)
    for view in views:
        for name in (*view.speakers, *view.chairs):
            talks[name].append(view)
    if not talks:
        return []
    data = []
    for name in sorted(talks, key=str.casefold):
        entries = [
            para(f"{to_local(v.start_utc, v.timezone):%a %d %b %H:%M} · {v.title_en}", s.small)
            for v in talks[name]
        ]
        data.append([para(name, s.body), entries])
    table = ruled_table(data, [width * 0.38, width * 0.62])
    return [PageBreak(), Paragraph("SPEAKER INDEX", s.kicker), table]


def booklet_story(
    prog: ProgrammeView,
    views: list[ItemView],
    plan: PlanInfo,
    width: float,
    s: Styles,
    first_day: date | None = None,
) -> list[Flowable]:
    """Title, then each day's items by time with room and speakers, then the speaker index."""
    live = [v for v in views if v.status != "cancelled"]
    story: list[Flowable] = [
        Section(("programme", prog.id), prog.title_en),
        *title_block(prog, "PROGRAMME", s),
    ]
    story += [Spacer(0, 4 * mm), *days_of(live, width, s, with_venue=False, first_day=first_day)]
    return story + speaker_index(live, width, s)


def tour_story(
    roster: Roster,
    views: list[ItemView],
    hotels: list[tuple[str, str, str]],
    plan: PlanInfo,
    width: float,
    s: Styles,
    first_day: date | None = None,
) -> list[Flowable]:
    """Title, the roster with seats, hotels, then day by day stops, transfers and meals."""
    prog = roster.programme
    story: list[Flowable] = [
        Section(("tour", prog.id), prog.title_en),
        *title_block(prog, "STUDY TOUR", s),
    ]
    waiting = sum(e.status == "waitlisted" for e in roster.entries)
    seats = (
        f"{roster.confirmed} of {prog.capacity} seats taken"
        if prog.capacity is not None
        else f"{roster.confirmed} confirmed"
    )
    if roster.over_capacity:
        seats += f" — {roster.over_capacity} over capacity"
    story += [
        Paragraph("ON THE BUS", s.h2),
        para(join(seats, f"{waiting} waitlisted" if waiting else ""), s.small),
        Spacer(0, 2 * mm),
    ]
    data = [
        [
            Paragraph("#", s.muted),
            Paragraph("Name", s.muted),
            Paragraph("Organization", s.muted),
            Paragraph("Role", s.muted),
            Paragraph("Status", s.muted),
        ]
    ]
    for n, entry in enumerate(roster.entries, start=1):
        p = entry.person
        data.append(
            [
                Paragraph(str(n), s.small),
                para(p.display_name, s.small),
                para(p.organization, s.small),
                para(label(entry.role), s.small),
                para(label(entry.status), s.small),
            ]
        )
    table = ruled_table(
        data,
        [8 * mm, width * 0.34, width * 0.36, width * 0.12, width * 0.18 - 8 * mm],
        pad=3,
        header=True,
    )
    story.append(table)
    if hotels:
        story.append(Paragraph("HOTELS", s.h2))
        for name, local, nights in hotels:
            story.append(para(join(name, local, nights), s.small))
    return [
        *story,
        PageBreak(),
        Paragraph("DAY BY DAY", s.kicker),
        *days_of(
            [v for v in views if v.status != "cancelled"],
            width,
            s,
            with_venue=True,
            first_day=first_day,
        ),
    ]

"""The programme booklet (a conference, day by day, with a speaker index) and the tour sheet."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime
from typing import cast

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
)

from tourplanner.enums import ItemKind, ProgrammeKind, label
from tourplanner.errors import ValidationError
from tourplanner.export.pdf.blocks import (
    Line,
    PlanInfo,
    day_heading,
    entry_row,
    join,
    keep_phones,
    line,
    para,
    people_lines,
    ruled_table,
    time_cell,
    venue_lines,
)
from tourplanner.export.pdf.day_grid import day_grid, grid_rooms
from tourplanner.export.pdf.days import day_label, long_day
from tourplanner.export.pdf.itinerary import (
    destination_lines,
    flight_names,
    flight_title,
    journey_ends,
)
from tourplanner.export.pdf.page import DayMark, Section, SectionCanvas
from tourplanner.export.pdf.styles import Styles
from tourplanner.family_names import display_sort_key, family_name
from tourplanner.i18n import _
from tourplanner.services.views import ItemView, ProgrammeView, Roster, RosterEntry
from tourplanner.timezones import to_local


def title_block(prog: ProgrammeView, kicker: str, s: Styles) -> list[Flowable]:
    story: list[Flowable] = [Paragraph(kicker, s.kicker), para(prog.title_en, s.title)]
    if prog.title_local:
        story.append(para(prog.title_local, s.title_local))
    story.append(para(f"{prog.start_date:%A %d %B} – {prog.end_date:%A %d %B %Y}", s.subtitle))
    if prog.description:
        story += [Spacer(0, 3 * mm), para(prog.description, s.body)]
    return story


def item_details(
    view: ItemView, s: Styles, *, with_venue: bool, meal_needs: str = ""
) -> list[Line]:
    prefix = "<b>CANCELLED · </b>" if view.status == "cancelled" else ""
    details: list[Line] = [line(view.title_en, s.entry_title, prefix=prefix)]
    if view.title_local:
        details.append(line(view.title_local, s.body))
    details.append(
        line(
            join(label(view.kind), view.track, "tentative" if view.status == "tentative" else ""),
            s.muted,
        )
    )
    if view.flight:
        details += flight_lines(view, s)
    elif view.venue is None and view.destination is not None:
        details += destination_lines(view.destination, s, full=with_venue)
    if with_venue:
        details += venue_lines(view.venue, view.room, view.room_local, s)
    else:
        building = join(view.venue.name_en, view.venue.name_local) if view.venue else ""
        details.append(line(join(view.room, view.room_local, building), s.small))
    if view.speakers:
        details.append(line(_("Speakers: {names}").format(names=", ".join(view.speakers)), s.small))
    if view.chairs:
        details.append(line(_("Chair: {names}").format(names=", ".join(view.chairs)), s.small))
    details += people_lines(view, s)
    if meal_needs and view.kind == ItemKind.MEAL:
        # Where the guide orders the meal: who needs what, not only on the roster page.
        details.append(line(_("Dietary: {needs}").format(needs=meal_needs), s.badge))
    if view.description:
        details.append(line(view.description, s.muted))
    return details


def flight_lines(view: ItemView, s: Styles) -> list[Line]:
    """A group flight: its number and airports, the Chinese names for the driver, as the
    itinerary prints them (one implementation: itinerary.py's)."""
    ends = (view.origin, view.destination)
    return [line(flight_title(view), s.body), *journey_ends(flight_names(view), ends, s)]


def days_of(
    views: list[ItemView],
    width: float,
    s: Styles,
    *,
    with_venue: bool,
    first_day: date | None = None,
    pages: dict[tuple[int, datetime], int] | None = None,
    meal_needs: str = "",
    grid: bool = False,
) -> list[Flowable]:
    """Day by day; days numbered from the event's first day, as in every itinerary. With
    `grid`, a day with parallel sessions is a grid with a column per room (day_grid.py)."""
    by_day: dict[date, list[ItemView]] = defaultdict(list)
    for view in views:
        by_day[to_local(view.start_utc, view.timezone).date()].append(view)
    story: list[Flowable] = []
    for day, items in sorted(by_day.items()):
        cities = sorted({v.venue.city for v in items if v.venue and v.venue.city})
        title = long_day(day)
        heading = day_heading(title, join(", ".join(cities), day_label(day, first_day)), width, s)
        if grid and (rooms := grid_rooms(items)):
            table = day_grid(
                items,
                rooms,
                width,
                s,
                lambda v: item_details(v, s, with_venue=False),
                lambda v: [PageOf((v.id, v.start_utc), pages)] if pages is not None else [],
            )
            story += [
                CondPageBreak(50 * mm),
                Spacer(0, 4 * mm),
                KeepTogether([DayMark(title), heading, Spacer(0, 2 * mm)]),
                table,
            ]
            continue
        rows: list[Flowable] = []
        for v in items:
            if pages is not None:
                rows.append(PageOf((v.id, v.start_utc), pages))
            rows.append(
                entry_row(
                    time_cell(v.start_utc, v.end_utc, v.timezone, s),
                    item_details(v, s, with_venue=with_venue, meal_needs=meal_needs),
                    width,
                    v.venue if with_venue else None,
                )
            )
        story += [
            CondPageBreak(40 * mm),
            Spacer(0, 4 * mm),
            KeepTogether([DayMark(title), heading, Spacer(0, 2 * mm), rows[0]]),
            *rows[1:],
        ]
    return story


class PageOf(Flowable):
    """Notes the page an item is printed on, for the speaker index's page references."""

    def __init__(self, key: tuple[int, datetime], pages: dict[tuple[int, datetime], int]) -> None:
        super().__init__()
        self.key, self.pages = key, pages
        self.width = self.height = 0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.pages.setdefault(self.key, cast(SectionCanvas, self.canv).page_count)


def speaker_index(
    views: list[ItemView],
    width: float,
    s: Styles,
    pages: dict[tuple[int, datetime], int] | None = None,
) -> list[Flowable]:
    """Speakers, then chairs, each by family name, with each appearance's day, time and page."""
    story: list[Flowable] = []
    for title, role in ((_("SPEAKERS"), "speakers"), (_("CHAIRS"), "chairs")):
        talks: dict[str, list[ItemView]] = defaultdict(list)
        for view in views:
            for name in getattr(view, role):
                talks[name].append(view)
        if not talks:
            continue
        data = []
        for name in sorted(talks, key=display_sort_key):
            entries = []
            for v in talks[name]:
                page = (pages or {}).get((v.id, v.start_utc))
                where = _("p.\u00a0{page}").format(page=page) if page else ""
                start = to_local(v.start_utc, v.timezone)
                entries.append(para(join(f"{start:%a %d %b %H:%M}", v.title_en, where), s.small))
            data.append([para(name, s.body), entries])
        story += [para(title, s.h2), ruled_table(data, [width * 0.38, width * 0.62])]
    if not story:
        return []
    title = _("SPEAKER INDEX")
    return [PageBreak(), DayMark(title, level=0, running=False), para(title, s.kicker), *story]


def venue_list(views: list[ItemView], width: float, s: Styles) -> list[Flowable]:
    """The title page's venues: every building the programme uses, with both addresses."""
    venues = {v.venue.id: v.venue for v in views if v.venue is not None}
    if not venues:
        return []
    data = [
        [
            para(join(v.name_en, v.name_local, sep="\n"), s.body),
            [
                para(v.address_local, s.taxi),
                para(v.address_en, s.muted),
                *([para(keep_phones(v.phone), s.small)] if v.phone else []),
            ],
        ]
        for v in sorted(venues.values(), key=lambda v: v.name_en.casefold())
    ]
    return [para(_("VENUES"), s.h2), ruled_table(data, [width * 0.4, width * 0.6])]


def booklet_story(
    prog: ProgrammeView,
    views: list[ItemView],
    plan: PlanInfo,
    width: float,
    s: Styles,
    first_day: date | None = None,
    pages: dict[tuple[int, datetime], int] | None = None,
) -> list[Flowable]:
    """Title, then each day's items by time with room and speakers, then the speaker index.

    `pages` is filled with each item's page as the story is drawn: a second layout with it
    prints the index's page references."""
    live = [v for v in views if v.status != "cancelled"]
    story: list[Flowable] = [
        Section(("programme", prog.id), prog.title_en),
        *title_block(prog, "PROGRAMME", s),
    ]
    story += venue_list(live, width, s)
    story += [
        PageBreak(),
        *days_of(live, width, s, with_venue=False, first_day=first_day, pages=pages, grid=True),
    ]
    return story + speaker_index(live, width, s, pages)


TOURS = frozenset(
    {ProgrammeKind.PRE_TOUR, ProgrammeKind.POST_TOUR, ProgrammeKind.STUDY_TOUR, ProgrammeKind.VISIT}
)
TICK = "☐"  # a box the guide ticks at each head count (DejaVu Sans has it)


def roster_rows(entries: list[RosterEntry], s: Styles) -> list[list]:
    data = [
        [
            para(text, s.muted)
            for text in (
                "#",
                _("Name"),
                _("Organization · role"),
                _("Phone"),
                _("Dietary · access"),
                "✓",
            )
        ]
    ]
    for n, entry in enumerate(entries, start=1):
        p = entry.person
        needs = join(p.dietary_needs, p.accessibility_needs, sep=" · ")
        data.append(
            [
                Paragraph(str(n), s.small),
                para(
                    join(
                        p.display_name, p.name_local if p.name_local not in p.display_name else ""
                    ),
                    s.small,
                ),
                para(join(p.organization, label(entry.role)), s.small),
                para(keep_phones(p.phone), s.small),
                para(needs, s.badge if needs else s.small),
                Paragraph(TICK, s.entry_title),
            ]
        )
    return data


def meal_needs_of(roster: Roster) -> str:
    """'Hassan: Halal; no pork … · Walsh: Vegetarian …': the confirmed people's dietary needs."""
    return " · ".join(
        f"{family_name(e.person.name_latin, e.person.name_local)}: {e.person.dietary_needs}"
        for e in roster.entries
        if e.status == "confirmed" and e.person.dietary_needs
    )


def roster_tables(roster: Roster, width: float, s: Styles) -> list[Flowable]:
    """Who is on the bus, apart from who is waiting for a seat; counts that add up."""
    confirmed = [e for e in roster.entries if e.status == "confirmed"]
    waiting = [e for e in roster.entries if e.status == "waitlisted"]
    others = [e for e in roster.entries if e.status not in ("confirmed", "waitlisted")]
    cap = roster.programme.capacity
    summary = _("{confirmed} confirmed").format(confirmed=len(confirmed))
    if cap is not None:
        summary = _("{confirmed} confirmed of {seats} seats").format(
            confirmed=len(confirmed), seats=cap
        )
        if len(confirmed) > cap:
            summary += " — " + _("{over} over capacity").format(over=len(confirmed) - cap)
    summary = join(
        summary,
        _("{waiting} waitlisted").format(waiting=len(waiting)) if waiting else "",
        _("{others} cancelled or declined").format(others=len(others)) if others else "",
    )
    widths = [7 * mm, width * 0.27, width * 0.22, width * 0.2, width * 0.31 - 14 * mm, 7 * mm]
    story: list[Flowable] = [
        para(_("ON THE BUS"), s.h2),
        para(summary, s.small),
        Spacer(0, 2 * mm),
        ruled_table(roster_rows(confirmed, s), widths, pad=3, header=True),
    ]
    if waiting:
        story += [
            para(_("WAITLISTED (not on the bus)"), s.h2),
            ruled_table(roster_rows(waiting, s), widths, pad=3, header=True),
        ]
    return story


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
    if prog.kind not in TOURS:
        raise ValidationError(
            "programme",
            _("{title} is a {kind}, not a tour: it has no bus and no roster to print").format(
                title=prog.title_en, kind=label(prog.kind).lower()
            ),
        )
    story: list[Flowable] = [
        Section(("tour", prog.id), prog.title_en),
        *title_block(prog, "STUDY TOUR", s),
    ]
    story += roster_tables(roster, width, s)
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
            meal_needs=meal_needs_of(roster),
        ),
    ]

"""The booklet's day as a grid: parallel sessions side by side, one column per room.

As frab, Indico and Sched print a conference day: a row per start time; where sessions run at
the same time each sits in its room's column (a longer one spans the rows it covers), and an
item nothing runs beside (a plenary, a break, lunch) spans every column. A day with no parallel
sessions, or with more rooms than fit across the page, stays a list.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table

from tourplanner.enums import label
from tourplanner.export.pdf.blocks import (
    DETAILS,
    Line,
    join,
    line,
    people_lines,
    stack,
    table_style,
)
from tourplanner.export.pdf.styles import ACCENT_LIGHT, RULE, Styles
from tourplanner.i18n import _
from tourplanner.services.views import ItemView
from tourplanner.timezones import abbreviation, to_local

MAX_ROOMS = 4  # about 37 mm a column on A4: narrower, titles break every word
TIME_COLUMN = 21 * mm  # "12:00–13:30" on one line
PAD = 3  # points inside each cell

RoomKey = tuple[int, str]  # (venue id, room name)


def room_of(view: ItemView) -> RoomKey:
    return (view.venue.id if view.venue else 0, view.room)


def clusters(items: list[ItemView]) -> list[list[ItemView]]:
    """Items that overlap in time, transitively, in start order."""
    groups: list[list[ItemView]] = []
    end: datetime | None = None
    for view in sorted(items, key=lambda v: (v.start_utc, v.end_utc, v.id)):
        if groups and end is not None and view.start_utc < end:
            groups[-1].append(view)
            end = max(end, view.end_utc)
        else:
            groups.append([view])
            end = view.end_utc
    return groups


def grid_rooms(items: list[ItemView]) -> list[RoomKey] | None:
    """The columns of the day's grid (the rooms of its parallel sessions, in name order), or
    None when the day is better printed as a list."""
    parallel = [g for g in clusters(items) if len({room_of(v) for v in g}) > 1]
    rooms = sorted({room_of(v) for g in parallel for v in g}, key=lambda r: (r[1].casefold(), r))
    if not parallel or len(rooms) > MAX_ROOMS or any(map(double_booked, parallel)):
        return None
    return rooms


def double_booked(group: list[ItemView]) -> bool:
    """Two items overlapping in one room: one cell cannot hold both (the list shows them)."""
    for n, a in enumerate(group):
        for b in group[n + 1 :]:
            if room_of(a) == room_of(b) and a.start_utc < b.end_utc and b.start_utc < a.end_utc:
                return True
    return False


def cell_lines(view: ItemView, s: Styles, times: str) -> list[Line]:
    """A parallel session's cell: the room is the column, so title, kind, people."""
    lines = [line(view.title_en, s.entry_title)]
    if view.title_local:
        lines.append(line(view.title_local, s.body))
    lines.append(line(join(times, _(label(view.kind)), view.track), s.muted))
    if view.speakers:
        names = ", ".join(view.speakers)
        lines.append(line(_("Speakers: {names}").format(names=names), s.small))
    if view.chairs:
        names = ", ".join(view.chairs)
        lines.append(line(_("Chair: {names}").format(names=names), s.small))
    for extra in people_lines(view, s):
        lines.append(extra)
    return lines


def room_header(key: RoomKey, items: list[ItemView], s: Styles, *, building: bool) -> Paragraph:
    """The room in both scripts; its building too when the columns are in several."""
    view = next(v for v in items if room_of(v) == key)
    lines = [line(view.room or _("Room not set"), s.entry_title)]
    if view.room_local:
        lines.append(line(view.room_local, s.small))
    if view.venue and building:
        lines.append(line(join(view.venue.name_en, view.venue.name_local), s.muted))
    return stack(lines, DETAILS)


def day_grid(
    items: list[ItemView],
    rooms: list[RoomKey],
    width: float,
    s: Styles,
    spanning: Callable[[ItemView], list[Line]],
    marker: Callable[[ItemView], list[Flowable]],
) -> Table:
    """The grid of one day. `spanning` gives an item's lines when it spans the row (the list's
    own details, with room and building); `marker` the flowables noting its page."""
    column = (width - TIME_COLUMN) / len(rooms)
    several = len({venue for venue, _room in rooms}) > 1
    headers = [room_header(r, items, s, building=several) for r in rooms]
    data: list[list] = [[Paragraph("", s.small), *headers]]
    commands: list[tuple] = [
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT_LIGHT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("LINEBEFORE", (1, 0), (-1, -1), 0.4, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]
    for group in clusters(items):
        parallel = len({room_of(v) for v in group}) > 1
        if not parallel:
            for view in group:
                row = len(data)
                lines = spanning(view)
                data.append(
                    [time_cell(view, view.end_utc, s), [*marker(view), stack(lines, DETAILS)]]
                    + [""] * (len(rooms) - 1)
                )
                commands.append(("SPAN", (1, row), (-1, row)))
            continue
        starts = sorted({v.start_utc for v in group})
        first = len(data)
        for start in starts:
            ends = [v.end_utc for v in group if v.start_utc == start]
            data.append([time_cell(group[0], max(ends), s, start=start)] + [""] * len(rooms))
        for view in group:
            row = first + starts.index(view.start_utc)
            col = 1 + rooms.index(room_of(view))
            ends_at = max(starts.index(t) for t in starts if t < view.end_utc)
            times = ""
            if ends_at > starts.index(view.start_utc) or any(
                v.start_utc == view.start_utc and v.end_utc != view.end_utc for v in group
            ):
                start, end = (to_local(t, view.timezone) for t in (view.start_utc, view.end_utc))
                times = f"{start:%H:%M}–{end:%H:%M}"
            lines = cell_lines(view, s, times)
            data[row][col] = [*marker(view), stack(lines, DETAILS)]
            if first + ends_at > row:
                commands.append(("SPAN", (col, row), (col, first + ends_at)))
    table = Table(data, colWidths=[TIME_COLUMN] + [column] * len(rooms), repeatRows=1)
    table.setStyle(table_style(commands))
    return table


def time_cell(
    view: ItemView, end: datetime, s: Styles, *, start: datetime | None = None
) -> list[Flowable]:
    """'13:30–15:00' over 'CST' (the time column of a grid row)."""
    begin = to_local(start or view.start_utc, view.timezone)
    text = f"{begin:%H:%M}–{to_local(end, view.timezone):%H:%M}"
    return [
        Paragraph(text, s.small),
        Paragraph(abbreviation(start or view.start_utc, view.timezone), s.time_zone),
    ]

"""The transfer sheet: who is met where and when, which vehicle, what the driver's board says."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from tourplanner.errors import ValidationError
from tourplanner.export.pdf.fonts import markup, register_fonts
from tourplanner.export.pdf.landscape_sheet import write_landscape_sheet
from tourplanner.export.pdf.styles import ACCENT_LIGHT, RULE, Styles, make_styles
from tourplanner.files import write_bytes
from tourplanner.i18n import N_, _, formats, ngettext
from tourplanner.interchange.people_export import neutralise, people_xlsx
from tourplanner.operations_planning.transfer_groups import ARRIVAL, TransferGroup
from tourplanner.operations_planning.vehicle_sizes import Vehicle
from tourplanner.services.listings import Listing
from tourplanner.services.transfers import TransferSheet
from tourplanner.timezones import abbreviation, to_local

# Translated when written, in the language of the document.
VEHICLE_NAMES = {"car": N_("car"), "van": N_("van"), "minibus": N_("minibus"), "coach": N_("coach")}


def local_time(instant: datetime, zone: str) -> str:
    """'Wed 15 Apr 2015 02:40 CST (Asia/Shanghai)': the hub's clock, with its zone."""
    return (
        f"{formats.day_and_clock(to_local(instant, zone))} {abbreviation(instant, zone)} ({zone})"
    )


def clock_time(instant: datetime, zone: str) -> str:
    """'02:40 CST'."""
    return f"{formats.clock(to_local(instant, zone))} {abbreviation(instant, zone)}"


def vehicles_text(vehicles: tuple[Vehicle, ...]) -> str:
    """'minibus (15 seats)', 'coach (49 seats) + minibus (11 seats)'."""
    return " + ".join(
        ngettext("{kind} ({n} seat)", "{kind} ({n} seats)", v.seats_needed).format(
            kind=_(VEHICLE_NAMES[v.kind]) if v.kind in VEHICLE_NAMES else v.kind, n=v.seats_needed
        )
        for v in vehicles
    )


def sign_lines(group: TransferGroup, *, most: int = 3) -> list[str]:
    """The board's lines: the most common signs, and how many others a mixed pick-up has."""
    shown = list(group.signs[:most])
    others = len(group.signs) - len(shown)
    if others:
        shown.append(
            ngettext("and {n} other group", "and {n} other groups", others).format(n=others)
        )
    return shown


def road_text(group: TransferGroup) -> str:
    if group.travel_assumed:
        return _("{minutes} min (assumed: the plan stores no time to this hotel)").format(
            minutes=group.travel_minutes
        )
    return _("{minutes} min").format(minutes=group.travel_minutes)


def group_label(group: TransferGroup, number: int) -> str:
    if group.direction == ARRIVAL:
        return _("Arrival {n}").format(n=number)
    return _("Departure {n}").format(n=number)


def numbered(sheet: TransferSheet) -> list[tuple[int, TransferGroup]]:
    """Arrivals and departures each numbered from 1, in pick-up order."""
    counters = {"arrival": 0, "departure": 0}
    result = []
    for group in sheet.groups:
        counters[group.direction] = counters.get(group.direction, 0) + 1
        result.append((counters[group.direction], group))
    return result


HEADERS = [
    N_("Transfer"),
    N_("Airport or station"),
    N_("Terminal"),
    N_("Hotel"),
    N_("Pick-up (local)"),
    N_("Drop-off (local)"),
    N_("Road time"),
    N_("Vehicles"),
    N_("Seats"),
    N_("Sign"),
    N_("Name"),
    N_("Flight or train"),
    N_("Lands or leaves (local)"),
    N_("Phone"),
]


def transfer_rows(sheet: TransferSheet) -> list[list[str]]:
    """One row per person, their transfer's facts repeated (a sheet a supplier can filter)."""
    rows = []
    for number, g in numbered(sheet):
        for m in g.movements:
            rows.append(
                [
                    group_label(g, number),
                    g.hub,
                    g.terminal,
                    g.hotel or _("no stay recorded"),
                    local_time(g.pickup_utc, g.zone),
                    local_time(g.drop_utc, g.zone),
                    road_text(g),
                    vehicles_text(g.vehicles),
                    str(g.seats),
                    " / ".join(sign_lines(g)),
                    m.name,
                    m.journey,
                    local_time(m.at_utc, m.zone),
                    m.phone,
                ]
            )
    return rows


# The Transfers page's columns (one row per group); the UI translates them (ui/records/headers.py).
GROUP_COLUMNS = (
    "Transfer",
    "Pick-up (local)",
    "Airport or station",
    "Terminal",
    "Hotel",
    "Flights or trains",
    "People",
    "Vehicles",
    "Sign",
    "Passengers",
)


def group_listing(sheet: TransferSheet) -> Listing:
    """One row per group, as the sheet numbers them: the Transfers page's table. The row's id
    is its place in the sheet (a group has no record of its own)."""
    rows = []
    for n, (number, g) in enumerate(numbered(sheet)):
        journeys = dict.fromkeys(f"{m.journey} {clock_time(m.at_utc, m.zone)}" for m in g.movements)
        rows.append(
            (
                n,
                group_label(g, number),
                f"{formats.day_and_clock(to_local(g.pickup_utc, g.zone))} "
                f"{abbreviation(g.pickup_utc, g.zone)}",
                g.hub,
                g.terminal,
                g.hotel or _("no stay recorded"),
                ", ".join(journeys),
                str(g.seats),
                vehicles_text(g.vehicles),
                " / ".join(sign_lines(g)),
                ", ".join(m.name for m in g.movements),
            )
        )
    return Listing(GROUP_COLUMNS, rows, time_column=1)


def export_transfers(sheet: TransferSheet, out: Path) -> int:
    """Write the transfers to `out` (.xlsx or .pdf) atomically; returns the number of groups."""
    suffix = out.suffix.lower()
    if suffix == ".xlsx":
        rows = [[neutralise(c) for c in row] for row in transfer_rows(sheet)]
        write_bytes(out, people_xlsx([_(h) for h in HEADERS], rows, title=_("Transfers")))
    elif suffix == ".pdf":
        _pdf(sheet, out)
    else:
        raise ValidationError(
            "output", _("{name}: choose a .xlsx or .pdf file name").format(name=out.name)
        )
    return len(sheet.groups)


def _pdf(sheet: TransferSheet, out: Path) -> None:
    register_fonts()
    s = make_styles()
    width = landscape(A4)[0] - 24 * mm
    story: list = [
        Paragraph(markup(_("TRANSFERS")), s.kicker),
        Paragraph(markup(sheet.title), s.title),
        Paragraph(
            markup(
                _(
                    "Arrivals within {window} minutes at one terminal share a vehicle; pick-up "
                    "once the last flight of the group is out (60 min after an international "
                    "landing, 30 after a domestic one). Departures leave the hotel for check-in "
                    "3 h before an international flight, 2 h before a domestic one, 45 min "
                    "before a train, plus the road. Times are local to the airport or station."
                ).format(window=sheet.rules.window_minutes)
            ),
            s.muted,
        ),
        Spacer(0, 4 * mm),
    ]
    for number, g in numbered(sheet):
        head, facts, people = _group_block(g, number, s, width)
        # The heading stays with its facts; a long list of people runs on, its header repeated.
        story += [KeepTogether([head, facts, Spacer(0, 2 * mm)]), people]
        story.append(Spacer(0, 5 * mm))
    write_landscape_sheet(out, story, title=_("Transfers"))


def _group_block(
    g: TransferGroup, number: int, s: Styles, width: float
) -> tuple[Paragraph, Table, Table]:
    arriving = g.direction == ARRIVAL
    hub = f"{g.hub} {g.terminal}".strip()
    hotel = g.hotel or _("no stay recorded")
    route = f"{hub} → {hotel}" if arriving else f"{hotel} → {hub}"
    day = formats.day(to_local(g.pickup_utc, g.zone).date())
    head = Paragraph(
        f"<b>{markup(group_label(g, number))}</b> · {markup(day)} · {markup(route)}", s.h2
    )
    pickup_where = _("at the terminal") if arriving else _("at the hotel door")
    facts = [
        (_("Pick-up"), f"<b>{markup(local_time(g.pickup_utc, g.zone))}</b> {markup(pickup_where)}"),
        (
            _("At the hotel") if arriving else _("At the airport or station"),
            markup(local_time(g.drop_utc, g.zone)),
        ),
        (_("Road time"), markup(road_text(g))),
        (_("Vehicles"), markup(vehicles_text(g.vehicles))),
        (_("Sign"), "<br/>".join(f"<b>{markup(sign)}</b>" for sign in sign_lines(g))),
    ]
    fact_table = Table(
        [[Paragraph(markup(k), s.muted), Paragraph(v, s.body)] for k, v in facts],
        colWidths=[40 * mm, width - 40 * mm],
    )
    fact_table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    when = _("Lands") if arriving else _("Leaves")
    data = [
        [
            Paragraph(f"<b>{markup(h)}</b>", s.small)
            for h in ("#", _("Name"), _("Flight or train"), when, _("Phone"))
        ]
    ]
    for i, m in enumerate(g.movements, 1):
        data.append(
            [
                Paragraph(str(i), s.small),
                Paragraph(markup(m.name), s.small),
                Paragraph(markup(m.journey), s.small),
                Paragraph(markup(clock_time(m.at_utc, m.zone)), s.small),
                Paragraph(markup(m.phone), s.small),
            ]
        )
    widths = [10 * mm, 100 * mm, 35 * mm, 35 * mm]
    widths.append(width - sum(widths))
    people = Table(data, colWidths=widths, repeatRows=1)
    people.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), ACCENT_LIGHT),
                ("GRID", (0, 0), (-1, -1), 0.4, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return head, fact_table, people

"""`export manifest`: the bus manifest per leg: vehicle, driver, guide, meeting point and time,
phones, then each seat with its person, a tick box, and their dietary and access flags."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from tourplanner.enums import label
from tourplanner.export.operations.document import Block, Document, write_document
from tourplanner.i18n import _
from tourplanner.i18n.formats import clock, day_and_clock
from tourplanner.romanize import pinyin_name
from tourplanner.services.manifest import ManifestLeg, manifest_legs
from tourplanner.timezones import abbreviation

HEADERS = ("Seat", "✓", "Name", "Pinyin", "Local script", "Phone", "Dietary", "Access")
WIDTHS = (0.5, 0.4, 2.0, 1.3, 1.1, 1.5, 1.8, 1.8)
TICK_BOX = "☐"


def leg_block(leg: ManifestLeg) -> Block:
    when = f"{day_and_clock(leg.start)} {abbreviation(leg.start, leg.zone)}"
    lines = [when]
    vehicle = f"{leg.vehicle} ({label(leg.vehicle_kind)}, {leg.seats} seats)"
    details = ", ".join(x for x in (leg.plate, leg.company) if x)
    lines.append(
        _("Vehicle: {vehicle}").format(vehicle=vehicle + (f" — {details}" if details else ""))
    )
    if leg.driver:
        lines.append(
            _("Driver: {driver}").format(driver=f"{leg.driver} {leg.driver_phone}".strip())
        )
    for guide in leg.guides:
        lines.append(_("Guide: {guide}").format(guide=guide))
    if leg.meeting_point or leg.meeting:
        at = clock(leg.meeting) if leg.meeting else ""
        lines.append(
            _("Meet: {time} {place}").format(time=at, place=leg.meeting_point).replace("  ", " ")
        )
    lines.append(
        _("{taken} of {seats} seats taken").format(taken=len(leg.passengers), seats=leg.seats)
    )
    rows = tuple(
        (
            p.seat,
            TICK_BOX,
            p.name_latin,
            pinyin_name(p.name_local),
            p.name_local,
            p.phone,
            ", ".join(label(t) for t in p.dietary),
            p.access,
        )
        for p in leg.passengers
    )
    heading = f"{leg.title}" + (f" ({leg.title_local})" if leg.title_local else "")
    return Block(
        f"{heading} — {leg.vehicle}",
        tuple(lines),
        HEADERS,
        rows,
        WIDTHS,
        sheet=f"{leg.start:%d %b %H%M} {leg.vehicle}",
        warn_rows=frozenset(
            n for n, p in enumerate(leg.passengers) if any(t.endswith("allergy") for t in p.dietary)
        ),
    )


def export_manifest(
    session: Session, out: Path, *, plan_title: str, programme: str, day: date | None = None
) -> int:
    """Write the manifest; returns the number of legs (one per vehicle and item)."""
    legs = manifest_legs(session, programme, day=day)
    write_document(Document("BUS MANIFEST", plan_title, tuple(leg_block(leg) for leg in legs)), out)
    return len(legs)

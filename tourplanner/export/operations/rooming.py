"""`export rooming-list`: per hotel and programme, each room with its occupants and nights,
then the rooms of each type per night with their total (the pre- and post-tour lists apart)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from tourplanner.enums import label
from tourplanner.export.operations.document import Block, Document, write_document
from tourplanner.i18n import _
from tourplanner.i18n.formats import short_day
from tourplanner.romanize import pinyin_name
from tourplanner.services.rooming import RoomingSection, rooming_sections

HEADERS = (
    "Room",
    "Type",
    "Name (passport)",
    "Pinyin",
    "Local script",
    "Arrival",
    "Departure",
    "Nights",
    "Arriving by",
    "Leaving by",
    "Requests",
    "Confirmation",
)
WIDTHS = (0.7, 0.75, 1.6, 1.2, 1.0, 0.9, 0.9, 0.65, 1.2, 1.2, 1.6, 1.1)


def _day(when: datetime) -> str:
    return short_day(when.date())


def room_rows(section: RoomingSection) -> list[tuple[str, ...]]:
    """One row per occupant; a shared room's second occupant repeats neither room nor type."""
    rows: list[tuple[str, ...]] = []
    for room in section.rooms:
        for n, person in enumerate(room.occupants):
            first = n == 0
            rows.append(
                (
                    room.number if first else "",
                    label(room.room_type) if first else "",
                    person.name_latin,
                    pinyin_name(person.name_local),
                    person.name_local,
                    _day(person.check_in),
                    _day(person.check_out),
                    str((person.check_out.date() - person.check_in.date()).days),
                    person.arrival,
                    person.departure,
                    room.requests if first else "",
                    room.confirmation if first else "",
                )
            )
    return rows


def totals_block(section: RoomingSection, heading: str) -> Block:
    """Rooms of each type per night; the last column and the last row are the totals."""
    types = section.room_types
    rows = []
    for night, counts in section.per_night.items():
        cells = [str(counts.get(t, 0)) for t in types]
        rows.append((short_day(night), *cells, str(sum(counts.values()))))
    room_nights = [sum(c.get(t, 0) for c in section.per_night.values()) for t in types]
    rows.append((_("Room nights"), *map(str, room_nights), str(sum(room_nights))))
    return Block(
        heading,
        (),
        ("Night", *(label(t) for t in types), "Rooms"),
        tuple(rows),
        sheet=f"{heading[:20]} totals",
        bold_rows=frozenset({len(rows) - 1}),
    )


def rooming_document(sections: list[RoomingSection], plan_title: str) -> Document:
    blocks: list[Block] = []
    for section in sections:
        where = section.hotel + (f" ({section.hotel_local})" if section.hotel_local else "")
        heading = f"{where} — {section.programme or _('other stays')}"
        lines = []
        if section.hotel_phone:
            lines.append(_("Front desk: {phone}").format(phone=section.hotel_phone))
        if section.programme_kind:
            lines.append(label(section.programme_kind))
        blocks.append(
            Block(heading, tuple(lines), HEADERS, tuple(room_rows(section)), WIDTHS, sheet=heading)
        )
        blocks.append(totals_block(section, _("Rooms per night: {where}").format(where=where)))
    return Document("ROOMING LIST", plan_title, tuple(blocks))


def export_rooming_list(
    session: Session,
    out: Path,
    *,
    plan_title: str,
    hotel: str | None = None,
    programme: str | None = None,
) -> int:
    """Write the rooming list; returns the number of rooms. An unknown hotel or programme is
    refused in a sentence before anything is written."""
    sections = rooming_sections(session, hotel=hotel, programme=programme)
    write_document(rooming_document(sections, plan_title), out)
    return sum(len(s.rooms) for s in sections)

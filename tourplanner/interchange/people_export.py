"""Export people (everyone, or a group's roster) to CSV or XLSX, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from tourplanner.enums import ParticipationStatus, label
from tourplanner.errors import ValidationError
from tourplanner.files import write_bytes
from tourplanner.i18n import _
from tourplanner.models import Group, Person
from tourplanner.services.itinerary import tour_roster
from tourplanner.services.organizations import find_group
from tourplanner.services.programmes import find_programme
from tourplanner.services.views import PersonView

# Headers the people importer recognises, so an export reads back in unchanged.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("Name", "name_latin"),
    ("Local name", "name_local"),
    ("Honorific", "honorific"),
    ("Organization", "organization"),
    ("Organization (local)", "organization_local"),
    ("Role", "role"),
    ("Email", "email"),
    ("Phone", "phone"),
    ("Language", "preferred_language"),
    ("Dietary needs", "dietary_needs"),
    ("Accessibility needs", "accessibility_needs"),
    ("Emergency contact", "emergency_contact"),
    ("Groups", "groups"),
)
SENSITIVE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("Passport / visa", "passport_visa_notes"),
    ("Medical notes", "medical_notes"),
)
# OWASP CSV injection: a cell starting with one of these may be run as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: str) -> str:
    """Prefix a cell that a spreadsheet would read as a formula with an apostrophe."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


# "'+86 138 1047 2290": a guarded phone number. Digits, spaces, "+", "-" and brackets call no
# function, so in a text cell the guard only shows; anything else keeps it (copied out of the
# sheet or saved as CSV, "=HYPERLINK(...)" must stay inert).
GUARDED_PHONE = re.compile(r"^'\+[\d ()\-]+$")


def unguard(value: str) -> str:
    """A guarded phone number without its apostrophe, for a cell stored as text."""
    return value[1:] if GUARDED_PHONE.match(value) else value


def people_table(
    session: Session,
    *,
    group: str | None = None,
    programme: str | None = None,
    include_sensitive: bool = False,
) -> tuple[list[str], list[list[str]]]:
    """Headers and rows (neutralised text) of everyone, a group's members, or a programme's
    roster (who is on the tour, with their booking role and status), by name."""
    if group and programme:
        raise ValidationError("people", _("choose a group or a programme, not both"))
    columns = COLUMNS + (SENSITIVE_COLUMNS if include_sensitive else ())
    bookings: dict[int, tuple[str, str]] = {}
    query = (
        select(Person)
        .options(selectinload(Person.organization), selectinload(Person.groups))
        .order_by(Person.name_latin, Person.id)
    )
    if group:
        found = find_group(session, group)
        query = query.where(Person.groups.any(Group.id == found.id))
    if programme:
        roster = tour_roster(session, find_programme(session, programme).id)
        for entry in roster.entries:
            # One row per person: a confirmed booking wins over a waitlisted or cancelled one.
            current = bookings.get(entry.person.id)
            if current is None or current[1] != ParticipationStatus.CONFIRMED:
                bookings[entry.person.id] = (entry.role, entry.status)
        query = query.where(Person.id.in_(list(bookings) or [-1]))
    rows = []
    for person in session.scalars(query):
        view = PersonView.of(person, include_sensitive=include_sensitive)
        cells = []
        for _label, attr in columns:
            value = getattr(view, attr)
            text = "; ".join(value) if isinstance(value, tuple) else str(value or "")
            cells.append(neutralise(text))
        if programme:
            cells += [label(v) for v in bookings[person.id]]
        rows.append(cells)
    headers = [h for h, _ in columns] + (["Booking", "Booking status"] if programme else [])
    return headers, rows


def export_people(
    session: Session,
    path: Path | str,
    *,
    group: str | None = None,
    programme: str | None = None,
    include_sensitive: bool = False,
) -> int:
    """Write the people to `path` (.csv as UTF-8 with BOM for Excel, or .xlsx); returns rows."""
    path = Path(path)
    headers, rows = people_table(
        session, group=group, programme=programme, include_sensitive=include_sensitive
    )
    suffix = path.suffix.lower()
    if suffix == ".csv":
        data = people_csv(headers, rows)
    elif suffix == ".xlsx":
        title = f"Group {group}" if group else f"Roster {programme}" if programme else "People"
        data = people_xlsx(headers, rows, title=title)
    else:
        raise ValidationError(
            "output", _("{name}: choose a .csv or .xlsx file name").format(name=path.name)
        )
    write_bytes(path, data)  # atomic: a failed write leaves the old file as it was
    return len(rows)


def people_csv(headers: list[str], rows: list[list[str]]) -> bytes:
    """CSV bytes, UTF-8 with a BOM so Excel on any locale reads the Chinese names right."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def print_setup(sheet: Any, *, header_row: int | None) -> None:
    """Print a worksheet as a roster is used: landscape, one page wide, its header row (the
    table's column titles, 1-based) on every page."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    if header_row:
        sheet.print_title_rows = f"{header_row}:{header_row}"


def people_xlsx(headers: list[str], rows: list[list[str]], *, title: str = "People") -> bytes:
    """An .xlsx workbook: bold frozen header, every cell stored as text (never as a formula)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    # Excel refuses these characters and more than 31 characters in a sheet name.
    sheet = book.create_sheet(title=re.sub(r"[:\\/?*\[\]]", "-", title)[:31] or "People")
    sheet.freeze_panes = "A2"
    print_setup(sheet, header_row=1)
    for col, header in enumerate(headers):
        letter = chr(65 + col) if col < 26 else "A" + chr(65 + col - 26)
        sheet.column_dimensions[letter].width = max(12, min(40, len(header) + 6))
    from openpyxl.cell import WriteOnlyCell

    header_cells = []
    for header in headers:
        cell = WriteOnlyCell(sheet, value=header)
        cell.font = Font(bold=True)
        header_cells.append(cell)
    sheet.append(header_cells)
    for row in rows:
        cells = []
        for value in row:
            # A cell stored as text is never a formula: a phone number's guard apostrophe
            # would only show ("'+86 138 1047 2290").
            cell = WriteOnlyCell(sheet, value=unguard(value))
            cell.data_type = "s"  # openpyxl would otherwise store '=...' as a formula
            cells.append(cell)
        sheet.append(cells)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()

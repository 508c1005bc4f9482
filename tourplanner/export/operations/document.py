"""One shape for the operations sheets: titled blocks of tables, written as .xlsx or .pdf.

A rooming list, a manifest and a catering sheet each build a `Document`; this module writes
it atomically, every user string escaped for reportlab and every spreadsheet cell text
(never a formula). A block becomes a worksheet of its own in the workbook.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tourplanner.errors import ValidationError
from tourplanner.export.pdf.landscape_sheet import write_landscape_sheet
from tourplanner.files import write_bytes
from tourplanner.i18n import _
from tourplanner.interchange.people_export import neutralise, print_setup, unguard


@dataclass(frozen=True)
class Block:
    heading: str
    lines: tuple[str, ...]  # under the heading: the hotel's phone, the driver, the meeting point
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...] = ()  # relative column widths in the PDF
    sheet: str = ""  # the worksheet's name (defaults to the heading)
    # Rows drawn bold (totals) and warning rows (allergies), by index in `rows`. A warning row
    # is shaded, and also marked "⚠", bold and boxed in ink: a greyscale print keeps it.
    bold_rows: frozenset[int] = frozenset()
    warn_rows: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Document:
    kicker: str  # 'ROOMING LIST'
    title: str
    blocks: tuple[Block, ...]
    footer: str = ""
    notes: tuple[str, ...] = field(default_factory=tuple)


def suffix_of(out: Path) -> str:
    """'.xlsx' or '.pdf', or a sentence refusing any other name (before anything is read)."""
    suffix = out.suffix.lower()
    if suffix not in (".xlsx", ".pdf"):
        raise ValidationError(
            "output", _("{name}: choose a .xlsx or .pdf file name").format(name=out.name)
        )
    return suffix


def write_document(doc: Document, out: Path) -> None:
    """Write `doc` to `out` (.xlsx or .pdf), atomically."""
    if suffix_of(out) == ".xlsx":
        write_bytes(out, workbook_bytes(doc))
    else:
        _pdf(doc, out)


WARNING = "⚠ "  # before a warning row's first cell: the cue is a sign and words, not a colour


def _marked(row: tuple[str, ...], warn: bool) -> tuple[str, ...]:
    """A row as printed: a warning row's first cell starts with the warning sign."""
    return (WARNING + row[0], *row[1:]) if warn and row else row


def _sheet_name(text: str, taken: set[str]) -> str:
    base = re.sub(r"[:\\/?*\[\]]", "-", text).strip()[:28] or "Sheet"
    name, n = base, 2
    while name.casefold() in taken:
        name, n = f"{base[:25]} ({n})", n + 1
    taken.add(name.casefold())
    return name


def workbook_bytes(doc: Document) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    taken: set[str] = set()
    for block in doc.blocks or (Block(doc.title, doc.notes, (), ()),):
        sheet = book.create_sheet(title=_sheet_name(block.sheet or block.heading, taken))
        # Before the first row (a write-only sheet writes its properties with it). The heading,
        # its lines and a blank row come before the table's column titles.
        print_setup(sheet, header_row=len(block.lines) + 3 if block.headers else None)

        def text_cell(value: str, *, bold: bool = False) -> Any:
            # Stored as text, never as a formula: a phone number shows without its guard.
            cell = WriteOnlyCell(sheet, value=unguard(neutralise(value)))  # noqa: B023
            cell.data_type = "s"
            if bold:
                cell.font = Font(bold=True)
            return cell

        sheet.append([text_cell(block.heading, bold=True)])
        for line in block.lines:
            sheet.append([text_cell(line)])
        sheet.append([])
        if block.headers:
            sheet.append([text_cell(h, bold=True) for h in block.headers])
        for n, row in enumerate(block.rows):
            bold = n in block.bold_rows or n in block.warn_rows
            sheet.append([text_cell(c, bold=bold) for c in _marked(row, n in block.warn_rows)])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _pdf(doc: Document, out: Path) -> None:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        KeepTogether,
        Paragraph,
        Spacer,
        Table,
        TableStyle,
    )

    from tourplanner.export.pdf.fonts import markup, register_fonts
    from tourplanner.export.pdf.styles import ACCENT_LIGHT, INK, RULE, WARN_LIGHT, make_styles

    register_fonts()
    s = make_styles()
    page_w = landscape(A4)[0] - 24 * mm
    story: list = [Paragraph(markup(doc.kicker), s.kicker), Paragraph(markup(doc.title), s.title)]
    for note in doc.notes:
        story.append(Paragraph(markup(note), s.body))
    for block in doc.blocks:
        head = [Spacer(0, 5 * mm), Paragraph(f"<b>{markup(block.heading)}</b>", s.h2)]
        head += [Paragraph(markup(line), s.small) for line in block.lines]
        head.append(Spacer(0, 2 * mm))
        if not block.headers:
            story += head
            continue
        data = [[Paragraph(f"<b>{markup(h)}</b>", s.small) for h in block.headers]]
        for n, row in enumerate(block.rows):
            warn = n in block.warn_rows
            wrap = "<b>{}</b>" if n in block.bold_rows or warn else "{}"
            data.append([Paragraph(wrap.format(markup(c)), s.small) for c in _marked(row, warn)])
        weights = block.widths or tuple(1.0 for _h in block.headers)
        total = sum(weights)
        table = Table(data, colWidths=[page_w * w / total for w in weights], repeatRows=1)
        style: list[Any] = [
            ("BACKGROUND", (0, 0), (-1, 0), ACCENT_LIGHT),
            ("GRID", (0, 0), (-1, -1), 0.4, RULE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]
        for n in block.warn_rows:
            style += [
                ("BACKGROUND", (0, n + 1), (-1, n + 1), WARN_LIGHT),
                ("BOX", (0, n + 1), (-1, n + 1), 1.2, INK),
            ]
        table.setStyle(TableStyle(style))
        story += [KeepTogether(head + [table])] if len(block.rows) < 12 else head + [table]
    if doc.footer:
        story += [Spacer(0, 4 * mm), Paragraph(markup(doc.footer), s.small)]
    write_landscape_sheet(out, story, title=doc.kicker.title(), subject=doc.title)

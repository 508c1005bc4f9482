"""The gift register as the records official-gift rules ask for: a spreadsheet or a PDF.

In the current language, as the other documents: its labels through the same translation
function (`tourplanner.i18n`), its dates as the language writes them (2015年4月20日).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from tourplanner.errors import ValidationError
from tourplanner.export.pdf.fonts import markup, register_fonts
from tourplanner.export.pdf.landscape_sheet import write_landscape_sheet
from tourplanner.export.pdf.styles import ACCENT_LIGHT, RULE, make_styles
from tourplanner.files import write_bytes
from tourplanner.i18n import N_, _, formats
from tourplanner.interchange.people_export import neutralise, people_xlsx

# Marked here, translated where shown (`headers`): the language is the reader's, at export.
HEADERS = [
    N_("Date"),
    N_("Given / received"),
    N_("By"),
    N_("To"),
    N_("Gift"),
    N_("Description"),
    N_("Estimated value"),
    N_("Currency"),
    N_("Occasion"),
    N_("Kept at"),
]
DIRECTIONS = {"given": N_("given"), "received": N_("received")}


def headers() -> list[str]:
    """The column labels in the current language."""
    return [_(h) for h in HEADERS]


def _date(value: object) -> str:
    if isinstance(value, date):
        return formats.date(value)
    return str(value or "")


def gift_rows(gifts: list[dict[str, object]]) -> list[list[str]]:
    """Plain text cells in the current language, one row per gift (from
    `services.protocol_gifts.gift_views`)."""
    rows = []
    for g in gifts:
        value = g["value"]
        rows.append(
            [
                _date(g["given_on"]),
                _(DIRECTIONS[str(g["direction"])])
                if g["direction"] in DIRECTIONS
                else str(g["direction"]),
                str(g["giver"]),
                str(g["recipient"]),
                str(g["name"]),
                str(g["description"]),
                f"{value:,.2f}" if isinstance(value, int | float) else "",
                str(g["currency"]),
                str(g["occasion"]),
                str(g["kept_at"]),
            ]
        )
    return rows


def export_gifts(gifts: list[dict[str, object]], out: Path, *, title: str) -> int:
    """Write the register to `out` (.xlsx or .pdf) atomically; returns the number of gifts."""
    suffix = out.suffix.lower()
    rows = gift_rows(gifts)
    if suffix == ".xlsx":
        cells = [[neutralise(c) for c in row] for row in rows]
        write_bytes(out, people_xlsx(headers(), cells, title=_("Gift register")))
    elif suffix == ".pdf":
        _pdf(rows, out, title)
    else:
        raise ValidationError("output", f"{out.name}: choose a .xlsx or .pdf file name")
    return len(rows)


def _pdf(rows: list[list[str]], out: Path, title: str) -> None:
    register_fonts()
    s = make_styles()
    cell = s.small
    # Through markup: a translated label is Chinese, which the Latin face cannot draw.
    data = [[Paragraph(f"<b>{markup(h)}</b>", cell) for h in headers()]]
    data += [[Paragraph(markup(c), cell) for c in row] for row in rows]
    # The date column holds "2015年4月20日" on one line.
    widths = [27.0, 20, 28, 28, 28, 35, 22, 16, 30]
    widths.append((landscape(A4)[0] - 24 * mm) / mm - sum(widths))  # "Kept at" takes the rest
    table = Table(data, colWidths=[w * mm for w in widths], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), ACCENT_LIGHT),
                ("GRID", (0, 0), (-1, -1), 0.4, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    story = [
        Paragraph(markup(_("GIFT REGISTER")), s.kicker),
        Paragraph(markup(title), s.title),
        Spacer(0, 4 * mm),
        table if rows else Paragraph(markup(_("No gifts are recorded.")), s.body),
    ]
    write_landscape_sheet(out, story, title=_("Gift register"))

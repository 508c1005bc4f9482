"""Name badges on standard label sheets: bilingual name, organisation, role band, vCard QR code.

Every sheet carries the same grid (a badge is never moved to fill a gap), so a sheet of labels
fed twice stays aligned. The role is a coloured band and is also written on it: a badge printed
in greyscale still says who is a speaker. The QR code holds a vCard of the name, organisation and
email only (never passport or medical notes).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import inch, mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from tourplanner.errors import ValidationError
from tourplanner.export.operations.drawing import draw_centred, draw_left, fitted_size
from tourplanner.export.operations.names import name_lines
from tourplanner.export.pdf.fonts import SANS, register_fonts
from tourplanner.export.pdf.metadata import bookmark_person, described_canvas
from tourplanner.export.pdf.styles import INK, MUTED, RULE
from tourplanner.export.qr_code import draw_qr
from tourplanner.files import atomic_path
from tourplanner.i18n import N_, _
from tourplanner.services.badges import BadgeView


@dataclass(frozen=True)
class LabelSheet:
    """A sheet of equal labels in a grid, measured in points from the page's bottom-left."""

    name: str
    page: tuple[float, float]
    columns: int
    rows: int
    width: float
    height: float
    left: float
    top: float
    gap_x: float = 0.0
    gap_y: float = 0.0

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    def origin(self, index: int) -> tuple[float, float]:
        """The bottom-left corner of label `index` (0 is the top-left one, row by row)."""
        row, column = divmod(index % self.per_page, self.columns)
        x = self.left + column * (self.width + self.gap_x)
        y = self.page[1] - self.top - (row + 1) * self.height - row * self.gap_y
        return x, y


SHEETS = {
    # 10 badges of 90 × 54 mm (the credit-card badge size) on A4, as name-badge label sheets
    # cut them; the margins centre the grid.
    "a4": LabelSheet("a4", A4, 2, 5, 90 * mm, 54 * mm, left=15 * mm, top=13.5 * mm),
    # 6 badges of 4 × 3 in on Letter, the grid of the common US badge sheets (Avery 5392).
    "letter": LabelSheet("letter", LETTER, 2, 3, 4 * inch, 3 * inch, left=0.25 * inch, top=inch),
}

ROLE_COLOURS = {  # dark enough for white text; the role is written on the band as well
    "delegate": "#1F4E79",
    "speaker": "#9A3412",
    "official": "#3F3F46",
    "vip": "#6B21A8",
    "staff": "#166534",
    "interpreter": "#92400E",
    "guide": "#0E7490",
}
ROLE_NAMES = {
    "delegate": N_("Delegate"),
    "speaker": N_("Speaker"),
    "official": N_("Official"),
    "vip": N_("VIP"),
    "staff": N_("Staff"),
    "interpreter": N_("Interpreter"),
    "guide": N_("Guide"),
}


def sheet_named(name: str) -> LabelSheet:
    try:
        return SHEETS[name.lower()]
    except KeyError:
        raise ValidationError(
            "sheet", _("{name} is not a label sheet: choose a4 or letter.").format(name=name)
        ) from None


def role_label(role: str) -> str:
    return _(ROLE_NAMES[role]) if role in ROLE_NAMES else role.capitalize()


def _vcard_text(value: str) -> str:
    return value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\n", "\\n")


def vcard(badge: BadgeView) -> str:
    """The person's vCard 3.0: name, organisation and email; nothing private."""
    lines = ["BEGIN:VCARD", "VERSION:3.0"]
    parts = badge.name_latin.split()
    family, given = (parts[-1], " ".join(parts[:-1])) if len(parts) > 1 else (badge.name_latin, "")
    if badge.name_local and badge.name_local.strip() and "·" not in badge.name_local:
        family, given = (parts[0], " ".join(parts[1:])) if len(parts) > 1 else (family, given)
    lines.append(f"N:{_vcard_text(family)};{_vcard_text(given)};;{_vcard_text(badge.honorific)};")
    lines.append(f"FN:{_vcard_text(badge.name_latin)}")
    org = badge.organization_en or badge.organization_local
    if org:
        lines.append(f"ORG:{_vcard_text(org)}")
    if badge.email:
        lines.append(f"EMAIL;TYPE=INTERNET:{_vcard_text(badge.email)}")
    lines.append("END:VCARD")
    return "\r\n".join(lines) + "\r\n"


def export_badges(badges: list[BadgeView], out: Path, *, sheet: str = "a4") -> int:
    """Write the badges to `out` (.pdf) atomically; returns the number of sheets."""
    layout = sheet_named(sheet)
    if out.suffix.lower() != ".pdf":
        raise ValidationError("output", _("{name}: choose a .pdf file name").format(name=out.name))
    if not badges:
        raise ValidationError("people", _("There is nobody to make a badge for."))
    register_fonts()
    pages = -(-len(badges) // layout.per_page)
    with atomic_path(out) as tmp:
        canvas = described_canvas(tmp, layout.page, title=_("Badges"))
        for index, badge in enumerate(badges):
            if index and index % layout.per_page == 0:
                canvas.showPage()
            x, y = layout.origin(index)
            bookmark_person(canvas, f"badge{index}", badge.name_latin, badge.name_local)
            _badge(canvas, badge, x, y, layout.width, layout.height)
        canvas.showPage()
        canvas.save()
    return pages


def _badge(canvas: Canvas, badge: BadgeView, x: float, y: float, w: float, h: float) -> None:
    pad = 0.045 * w
    band = 0.17 * h
    canvas.saveState()
    # A hairline of the label's edge: where to cut on plain paper, a check of alignment on labels.
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.3)
    canvas.rect(x, y, w, h, stroke=1, fill=0)
    canvas.setFillColor(colors.HexColor(ROLE_COLOURS.get(badge.role, "#1F2328")))
    canvas.rect(x, y + h - band, w, band, stroke=0, fill=1)
    canvas.setFillColor(colors.white)
    draw_centred(
        canvas,
        role_label(badge.role).upper(),
        x + w / 2,
        y + h - band * 0.68,
        w - 2 * pad,
        band * 0.55,
        bold=True,
    )
    first, second = name_lines(badge.name_latin, badge.name_local)
    canvas.setFillColor(INK)
    top_of_names = y + h - band - 0.06 * h
    size = fitted_size(first, w - 2 * pad, 0.2 * h, bold=True)
    baseline = top_of_names - size * 0.85
    draw_centred(canvas, first, x + w / 2, baseline, w - 2 * pad, size, bold=True)
    if second:
        small = min(size * 0.6, 0.11 * h)
        baseline -= small * 1.35
        draw_centred(canvas, second, x + w / 2, baseline, w - 2 * pad, small)
    qr = 0.36 * h
    draw_qr(canvas, vcard(badge), x + w - pad - qr, y + pad * 0.8, qr)
    canvas.setFillColor(MUTED)
    org_width = w - 3 * pad - qr
    org_size = 0.065 * h
    org_lines = wrapped(badge.organization_en, org_width, org_size)
    org_lines += [badge.organization_local] if badge.organization_local else []
    org_y = y + pad * 0.8 + qr * 0.55 + (org_size * 1.3 if len(org_lines) > 2 else 0)
    for line in org_lines:
        draw_left(canvas, line, x + pad, org_y, org_width, org_size)
        org_y -= org_size * 1.3
    canvas.restoreState()


def wrapped(text: str, width: float, size: float, *, most: int = 2) -> list[str]:
    """A Latin line broken at spaces into at most `most` lines (the last one then shrinks)."""
    if not text:
        return []
    lines = simpleSplit(text, SANS, size, width)
    return [*lines[: most - 1], " ".join(lines[most - 1 :])] if len(lines) > most else lines

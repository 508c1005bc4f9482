"""Printed seating: the diagram (tables, seats, names in both scripts, flags, the entrance),
the seat list per person, and a name card (席卡) for each seat laid out.

Drawn on the canvas, not through Paragraph markup: user text goes through `draw_text` in
per-font runs and is never parsed. Written atomically (tourplanner.files).
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from tourplanner.export.pdf.fonts import SANS, SANS_BOLD, face, register_fonts, runs
from tourplanner.export.pdf.metadata import described_canvas
from tourplanner.export.pdf.page import draw_text
from tourplanner.export.pdf.styles import ACCENT, ACCENT_LIGHT, INK, MUTED, RULE
from tourplanner.files import atomic_path
from tourplanner.services.protocol import SeatingView, SeatView
from tourplanner.services.protocol import seat_text as where

PAGE = landscape(A4)
HOST_FILL = colors.HexColor("#FDECEC")
GUEST_FILL = colors.HexColor("#E8EEF5")
SEAT_R = 4.2 * mm


def export_seating(view: SeatingView, out: Path) -> None:
    """The diagram, the seat list and the name cards of one item, as one PDF."""
    register_fonts()
    with atomic_path(out) as tmp:
        c = described_canvas(tmp, PAGE, title=f"Seating: {view.item}")
        draw_diagram(c, view)
        c.showPage()
        draw_seat_list(c, view)
        c.showPage()
        draw_name_cards(c, view)
        c.save()


def _width(text: str, size: float, font: str = SANS) -> float:
    return sum(stringWidth(ch, face(cjk, font), size) for cjk, ch in runs(text))


def _fit(text: str, size: float, width: float, font: str = SANS) -> str:
    if _width(text, size, font) <= width:
        return text
    while text and _width(text + "…", size, font) > width:
        text = text[:-1]
    return text + "…"


def _centred(
    c: canvas.Canvas, x: float, y: float, text: str, size: float, font: str = SANS
) -> None:
    draw_text(c, x - _width(text, size, font) / 2, y, text, font=font, size=size)


def _heading(c: canvas.Canvas, view: SeatingView, what: str) -> None:
    w, h = PAGE
    c.setFillColor(ACCENT)
    draw_text(c, 15 * mm, h - 15 * mm, what, font=SANS_BOLD, size=9)
    c.setFillColor(INK)
    title = view.item + (f"  {view.item_local}" if view.item_local else "")
    draw_text(
        c, 15 * mm, h - 22 * mm, _fit(title, 14, w - 30 * mm, SANS_BOLD), font=SANS_BOLD, size=14
    )
    c.setFillColor(MUTED)
    rule = (
        "left is senior (Chinese practice)"
        if view.convention == "chinese"
        else "right is senior (international practice)"
    )
    draw_text(c, 15 * mm, h - 28 * mm, f"{view.layout.capitalize()} · {rule}", size=8.5)
    c.setFillColor(INK)


def _frame(view: SeatingView, box: tuple[float, float, float, float]):  # noqa: ANN202
    """Room metres -> page points, keeping proportions, inside box (x0, y0, x1, y1)."""
    xs = [s.x for s in view.seats] or [0.0]
    ys = [s.y for s in view.seats] or [0.0]
    pad = 1.4
    minx, maxx, miny, maxy = min(xs) - pad, max(xs) + pad, min(ys) - pad, max(ys) + pad
    x0, y0, x1, y1 = box
    scale = min((x1 - x0) / (maxx - minx), (y1 - y0) / (maxy - miny))
    ox = x0 + ((x1 - x0) - (maxx - minx) * scale) / 2
    oy = y0 + ((y1 - y0) - (maxy - miny) * scale) / 2

    def to_page(x: float, y: float) -> tuple[float, float]:
        return ox + (x - minx) * scale, oy + (y - miny) * scale

    return to_page, scale


def draw_diagram(c: canvas.Canvas, view: SeatingView) -> None:
    """Tables, seats with numbers and names, flags, the entrance at the foot of the page."""
    w, h = PAGE
    _heading(c, view, "SEATING PLAN  座次图")
    to_page, scale = _frame(view, (15 * mm, 28 * mm, w - 15 * mm, h - 36 * mm))
    c.setStrokeColor(RULE)
    if view.layout == "banquet":
        _tables(c, view, to_page, scale)
    elif view.layout in ("signing", "rostrum", "meeting"):
        _long_table(c, view, to_page, scale)
    centres = view.table_centres()
    for seat in view.seats:
        centre = centres.get(seat.table) if seat.table is not None else None
        px, py = to_page(seat.x, seat.y)
        _seat(c, seat, px, py, scale, seat.outward(centre))
    c.setFillColor(MUTED)
    c.setStrokeColor(MUTED)
    c.line(w / 2 - 30 * mm, 16 * mm, w / 2 + 30 * mm, 16 * mm)
    _centred(c, w / 2, 11 * mm, "ENTRANCE · 入口 · audience / 观众", 8)
    c.setFillColor(INK)
    _legend(c)


def _legend(c: canvas.Canvas) -> None:
    """Which fill is which side; a heavy ring marks a seat the user locked."""
    x = 15 * mm
    for fill, text in ((HOST_FILL, "host side 主方"), (GUEST_FILL, "guest side 客方")):
        c.setFillColor(fill)
        c.setStrokeColor(RULE)
        c.circle(x + 2 * mm, 13 * mm, 2 * mm, stroke=1, fill=1)
        c.setFillColor(INK)
        draw_text(c, x + 5 * mm, 12 * mm, text, size=7.5)
        x += 32 * mm
    c.setStrokeColor(ACCENT)
    c.setLineWidth(1.2)
    c.circle(x + 2 * mm, 13 * mm, 2 * mm, stroke=1, fill=0)
    c.setLineWidth(0.6)
    draw_text(c, x + 5 * mm, 12 * mm, "locked seat", size=7.5)


def _tables(c: canvas.Canvas, view: SeatingView, to_page, scale: float) -> None:  # noqa: ANN001
    tables: dict[int, list[SeatView]] = {}
    for s in view.seats:
        tables.setdefault(s.table or 0, []).append(s)
    for number, seats in tables.items():
        cx = sum(s.x for s in seats) / len(seats)
        cy = sum(s.y for s in seats) / len(seats)
        px, py = to_page(cx, cy)
        c.setFillColor(ACCENT_LIGHT if number == 1 else colors.white)
        c.circle(px, py, 0.62 * scale, stroke=1, fill=1)
        c.setFillColor(ACCENT)
        _centred(c, px, py + 1, "Host table" if number == 1 else f"Table {number}", 7, SANS_BOLD)
        if number == 1:
            _centred(c, px, py - 7, "主桌", 7)
        c.setFillColor(INK)


def _long_table(c: canvas.Canvas, view: SeatingView, to_page, scale: float) -> None:  # noqa: ANN001
    front = [s for s in view.seats if (s.row or 1) == 1]
    if not front:
        return
    y = min(s.y for s in front) - 0.55
    x0, _ = to_page(min(s.x for s in front) - 0.5, y)
    x1, py = to_page(max(s.x for s in front) + 0.5, y)
    c.setFillColor(colors.HexColor("#F3F4F6"))
    c.rect(x0, py - 3 * mm, x1 - x0, 6 * mm, stroke=1, fill=1)
    if view.layout == "signing":
        for seat in front:
            if seat.label.endswith("-signer"):
                fx, fy = to_page(seat.x, seat.y + 0.7)
                _flag(c, fx, fy, "guest" if seat.label.startswith("G") else "host")
                c.setFillColor(MUTED)
                tx, ty = to_page(seat.x, y)
                _centred(c, tx, ty - 1, "agreed text 文本", 6)
    c.setFillColor(INK)


def _flag(c: canvas.Canvas, x: float, y: float, side: str) -> None:
    c.setFillColor(colors.HexColor("#C8102E") if side == "host" else colors.HexColor("#1F4E79"))
    c.setStrokeColor(MUTED)
    c.line(x - 5 * mm, y - 6 * mm, x - 5 * mm, y + 5 * mm)
    c.rect(x - 5 * mm, y, 9 * mm, 5 * mm, stroke=0, fill=1)
    c.setFillColor(MUTED)
    _centred(c, x, y + 6 * mm, "flag of the guest" if side == "guest" else "flag of the host", 5.5)


def _seat(
    c: canvas.Canvas,
    seat: SeatView,
    x: float,
    y: float,
    scale: float,
    outward: tuple[float, float] | None,
) -> None:
    fill = (
        HOST_FILL if seat.side == "host" else GUEST_FILL if seat.side == "guest" else colors.white
    )
    c.setFillColor(fill)
    c.setStrokeColor(ACCENT if seat.locked else RULE)
    c.setLineWidth(1.2 if seat.locked else 0.6)
    c.circle(x, y, SEAT_R, stroke=1, fill=1)
    c.setLineWidth(0.6)
    c.setFillColor(INK)
    _centred(c, x, y - 2.2, str(seat.position), 6.5, SANS_BOLD)
    found = [(seat.name or "", 6.5), (seat.name_local or "", 7.0)]
    lines = [(text, size) for text, size in found if text] or [("(empty)", 6.0)]
    width = 26 * mm if outward else max(18 * mm, min(0.85 * scale, 32 * mm))
    if not seat.name:
        c.setFillColor(MUTED)
    for n, (text, size) in enumerate(lines):
        text = _fit(text, size, width)
        if outward is None:
            _centred(c, x, y - SEAT_R - 8 - 7 * n, text, size)
            continue
        dx, dy = outward
        ly = y + dy * (SEAT_R + 4) - 7 * n - (7 if dy < -0.5 else 0) + (3 if dy > 0.5 else -2)
        if dx > 0.35:
            draw_text(c, x + SEAT_R + 2, ly, text, size=size)
        elif dx < -0.35:
            draw_text(c, x - SEAT_R - 2 - _width(text, size), ly, text, size=size)
        else:
            _centred(c, x, ly + (6 if dy > 0.5 else 0), text, size)
    c.setFillColor(INK)


def draw_seat_list(c: canvas.Canvas, view: SeatingView) -> None:
    """Everyone seated, by name, with their seat; then who is unseated and why."""
    w, h = PAGE
    _heading(c, view, "SEAT LIST  座位表")
    rows = sorted((s for s in view.seats if s.name), key=lambda s: (s.name or "").casefold())
    y = h - 40 * mm
    col = 0
    for seat in rows:
        x = 15 * mm + col * (w - 30 * mm) / 2
        name = seat.name or ""
        if seat.name_local:
            name += f"  {seat.name_local}"
        draw_text(c, x, y, _fit(name, 9, 80 * mm), size=9)
        draw_text(c, x + 85 * mm, y, where(seat), font=SANS_BOLD, size=9)
        y -= 6 * mm
        if y < 20 * mm:
            y, col = h - 40 * mm, col + 1
            if col == 2:
                c.showPage()
                _heading(c, view, "SEAT LIST  座位表")
                col = 0
    for _pid, name, why in view.unseated:
        c.setFillColor(MUTED)
        draw_text(c, 15 * mm, y, _fit(f"Not seated: {name}: {why}", 8.5, w - 30 * mm), size=8.5)
        y -= 5.5 * mm
    c.setFillColor(INK)


def draw_name_cards(c: canvas.Canvas, view: SeatingView) -> None:
    """One tent card per seat laid out (two a page): fold along the middle line."""
    seats = [s for s in view.seats if s.name]
    w, h = PAGE
    for n, seat in enumerate(seats):
        if n and n % 2 == 0:
            c.showPage()
        top = h - (n % 2) * h / 2
        c.setStrokeColor(RULE)
        c.setDash(2, 2)
        c.line(10 * mm, top - h / 4, w - 10 * mm, top - h / 4)  # the fold
        c.setDash()
        c.rect(10 * mm, top - h / 2 + 5 * mm, w - 20 * mm, h / 2 - 10 * mm)
        c.setFillColor(INK)
        fold = top - h / 4
        _card_face(c, seat, w / 2, fold)
        c.saveState()  # the other face, upside down, reads from across the table
        c.translate(w / 2, fold)
        c.rotate(180)
        _card_face(c, seat, 0, 0)
        c.restoreState()
        c.setFillColor(MUTED)
        _centred(c, w / 2, top - h / 2 + 9 * mm, where(seat), 8)
        c.setFillColor(INK)


def _card_face(c: canvas.Canvas, seat: SeatView, x: float, fold: float) -> None:
    """The name below the fold line: the local script large, the Latin name under it."""
    local, latin = seat.name_local or "", seat.name or ""
    main, sub = (local, latin) if local else (latin, "")
    size = 40 if local else 34
    width = PAGE[0] - 40 * mm
    c.setFillColor(INK)
    _centred(c, x, fold - 22 * mm, _fit(main, size, width, SANS_BOLD), size, SANS_BOLD)
    if sub:
        _centred(c, x, fold - 34 * mm, _fit(sub, 20, width), 20)

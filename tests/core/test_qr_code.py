"""QR codes: reportlab's own code for the mask used, drawn as exactly its dark modules, and the
itinerary's map codes carrying their venue's link."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader
from reportlab.graphics.barcode.qr import QrCodeWidget

from tourplanner.export.pdf import export_itinerary
from tourplanner.export.pdf.blocks import map_link
from tourplanner.export.qr_code import qr_modules, qr_operators
from tourplanner.services import itinerary, people

RECT = re.compile(rb"(\d+) (\d+) (\d+)\.01 (\d+)\.01 re")


def painted(operators: bytes, side: int) -> set[tuple[int, int]]:
    """The (column, row from the top) cells the rectangles of `operators` fill."""
    cells = set()
    for x, y, w, h in (map(int, m) for m in RECT.findall(operators)):
        for column in range(x, x + w):
            for row in range(side - y - h, side - y):
                cells.add((column, row))
    return cells


def dark(text: str, quiet: int) -> set[tuple[int, int]]:
    return {
        (c + quiet, r + quiet)
        for r, row in enumerate(qr_modules(text))
        for c, is_dark in enumerate(row)
        if is_dark
    }


def test_the_fast_qr_code_is_reportlabs_own_code_for_that_mask() -> None:
    text = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Chen Gang 陈刚\r\nEND:VCARD\r\n"
    widget = QrCodeWidget(text, barLevel="M")
    widget.draw()  # reportlab picks the most legible mask
    theirs = tuple(tuple(bool(m) for m in row) for row in widget.qr.modules)
    best = widget.qr.getBestMaskPattern()  # (tries each mask again: read the modules first)
    assert qr_modules(text, mask=best) == theirs
    assert qr_modules(text) != ((False,) * len(theirs),) * len(theirs)


def test_the_operators_fill_the_dark_modules_and_nothing_else() -> None:
    text = "https://uri.amap.com/marker?position=114.060310,22.531377&name=%E6%B7%B1"
    for quiet in (1, 4):
        side, operators = qr_operators(text, quiet)
        assert side == len(qr_modules(text)) + 2 * quiet
        assert operators.endswith("\nf")
        # Far fewer rectangles than dark squares: runs merged across rows.
        assert len(RECT.findall(operators.encode())) < len(dark(text, quiet)) / 2
        assert painted(operators.encode(), side) == dark(text, quiet)


def test_an_itinerarys_map_codes_are_the_codes_of_its_venues_links(demo_read_only) -> None:
    with demo_read_only.reading() as session:
        for person in people.list_people(session):  # the first who goes to three mapped places
            links = {
                map_link(v.venue)
                for v in itinerary.person_itinerary(session, person.id).items
                if v.venue is not None and v.venue.latitude is not None
            }
            if len(links) >= 3:
                person_id = person.id
                break
    assert len(links) >= 3
    out = io.BytesIO()
    export_itinerary(demo_read_only, person_id, out)
    forms: dict[str, bytes] = {}
    for page in PdfReader(out).pages:
        for name, ref in (page["/Resources"].get("/XObject") or {}).items():
            if ref.get_object()["/Subtype"] == "/Form":
                forms[name] = ref.get_object().get_data()
    for link in links:
        side, _ = qr_operators(link, 1)
        expected = dark(link, 1)
        assert any(painted(data, side) == expected for data in forms.values()), link

"""An itinerary's PDF opened by pdfium, rasterised a page at a time for the screen or a printer.

pypdfium2 is imported in the UI and nowhere in the core (which never imports Qt either).
"""

from __future__ import annotations

from tourplanner.ui.itinerary.render import Itinerary
from tourplanner.ui.pdf_pages import OpenPdf


class ItineraryDocument(OpenPdf):
    """The open PDF of one itinerary; `close()` frees it."""

    def __init__(self, itinerary: Itinerary) -> None:
        super().__init__(itinerary.data, itinerary.page_sizes)
        self.itinerary = itinerary

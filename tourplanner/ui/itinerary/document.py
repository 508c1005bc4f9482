"""An itinerary's PDF opened by pdfium, rasterised a page at a time for the screen or a printer.

pypdfium2 is imported in this package and nowhere in the core (which never imports Qt either).
"""

from __future__ import annotations

import pypdfium2 as pdfium
from PySide6.QtGui import QImage

from tourplanner.ui.itinerary.render import Itinerary
from tourplanner.ui.pdf_pages import PDFIUM, open_pdf, page_image


class ItineraryDocument:
    """The open PDF of one itinerary; `close()` frees it (pdfium's memory is not collected)."""

    def __init__(self, itinerary: Itinerary) -> None:
        self.itinerary = itinerary
        with PDFIUM:
            self._pdf: pdfium.PdfDocument | None = open_pdf(itinerary.data)

    def page_image(self, index: int, scale: float) -> QImage:
        """Page `index` rasterised at `scale` pixels per point, as a QImage owning its pixels."""
        assert self._pdf is not None, "the document was closed"
        with PDFIUM:
            page = self._pdf[index]
            try:
                return page_image(page, scale)
            finally:
                page.close()

    def page_image_width(self, index: int, width_px: int) -> QImage:
        """Page `index` rasterised `width_px` device pixels wide."""
        return self.page_image(index, width_px / self.itinerary.page_sizes[index][0])

    @property
    def closed(self) -> bool:
        return self._pdf is None

    def close(self) -> None:
        if self._pdf is not None:
            with PDFIUM:
                self._pdf.close()
            self._pdf = None

"""An itinerary's PDF opened by pdfium, rasterised a page at a time for the screen or a printer.

pypdfium2 is imported in this package and nowhere in the core (which never imports Qt either).
"""

from __future__ import annotations

import pypdfium2 as pdfium
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QImage

from tourplanner.errors import TourPlannerError
from tourplanner.ui.itinerary.render import PDFIUM, Itinerary


class ItineraryDocument:
    """The open PDF of one itinerary; `close()` frees it (pdfium's memory is not collected)."""

    def __init__(self, itinerary: Itinerary) -> None:
        self.itinerary = itinerary
        try:
            with PDFIUM:
                self._pdf: pdfium.PdfDocument | None = pdfium.PdfDocument(itinerary.data)
        except pdfium.PdfiumError as exc:
            raise TourPlannerError(
                QCoreApplication.translate(
                    "ItineraryDocument", "the itinerary's PDF cannot be read ({exc})"
                ).format(exc=exc)
            ) from exc

    def page_image(self, index: int, scale: float) -> QImage:
        """Page `index` rasterised at `scale` pixels per point, as a QImage owning its pixels."""
        assert self._pdf is not None, "the document was closed"
        with PDFIUM:
            page = self._pdf[index]
            try:
                bitmap = page.render(scale=scale, rev_byteorder=True, prefer_bgrx=True)
                try:
                    return QImage(
                        bitmap.buffer,
                        bitmap.width,
                        bitmap.height,
                        bitmap.stride,
                        QImage.Format.Format_RGBX8888,
                    ).copy()  # copy: the bitmap's memory is freed when it is closed
                finally:
                    bitmap.close()
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

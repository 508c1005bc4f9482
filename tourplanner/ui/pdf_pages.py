"""PDF pages as pictures, through pdfium: the itinerary preview and the print preview."""

from __future__ import annotations

import threading

import pypdfium2 as pdfium
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QImage

from tourplanner.errors import TourPlannerError

# PDFium is not thread-safe, not even across documents: one call at a time in the whole
# process, whether it reads page sizes on a worker or paints a page on the GUI thread.
PDFIUM = threading.RLock()


def open_pdf(data: bytes) -> pdfium.PdfDocument:
    """`data` as pdfium reads it (the caller holds PDFIUM); unreadable, a sentence."""
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise TourPlannerError(
            QCoreApplication.translate(
                "pdf_pages", "The document's PDF cannot be read ({exc})."
            ).format(exc=exc)
        ) from exc


def page_image(page: pdfium.PdfPage, scale: float) -> QImage:
    """`page` rasterised at `scale` pixels per point, as a QImage owning its pixels (the
    caller holds PDFIUM; a QImage may be made off the GUI thread)."""
    bitmap = page.render(scale=scale, rev_byteorder=True, prefer_bgrx=True)
    try:
        return QImage(
            bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGBX8888
        ).copy()  # copy: the bitmap's memory is freed when it is closed
    finally:
        bitmap.close()

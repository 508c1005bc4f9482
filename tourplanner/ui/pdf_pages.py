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


def page_sizes(data: bytes) -> tuple[tuple[float, float], ...]:
    """Each page's width and height in points, as pdfium reads them."""
    with PDFIUM:
        pdf = open_pdf(data)
        try:
            return tuple((w, h) for w, h in (pdf.get_page_size(i) for i in range(len(pdf))))
        finally:
            pdf.close()


class OpenPdf:
    """A PDF held open by pdfium, rasterised a page at a time; `close()` frees it (pdfium's
    memory is not collected). Both previews show their pages from one of these."""

    def __init__(self, data: bytes, sizes: tuple[tuple[float, float], ...]) -> None:
        self.page_sizes = sizes  # in PDF points
        with PDFIUM:
            self._pdf: pdfium.PdfDocument | None = open_pdf(data)

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
        return self.page_image(index, width_px / self.page_sizes[index][0])

    @property
    def closed(self) -> bool:
        return self._pdf is None

    def close(self) -> None:
        if self._pdf is not None:
            with PDFIUM:
                self._pdf.close()
            self._pdf = None

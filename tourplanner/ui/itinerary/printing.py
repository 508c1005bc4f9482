"""Printing an itinerary: one PDF page per sheet, at the PDF's true size."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from tourplanner.ui.file_dialogs import EXPORTS, last_folder, remember_folder
from tourplanner.ui.itinerary.document import ItineraryDocument
from tourplanner.ui.itinerary.zoom import POINTS_PER_INCH

PRINT_DPI_CAP = 300  # a 1200 dpi printer gains nothing visible, and each page would be 140 MB


def print_document(
    document: ItineraryDocument, printer: QPrinter | None, parent: QWidget | None
) -> bool:
    """Print the itinerary; asks which printer (and which pages) unless given one. Whether it
    was printed.

    Each page is rasterised by pdfium at the printer's resolution (at most 300 dpi) and
    drawn on the whole sheet: the PDF already has its margins, so it prints at its true size.
    """
    itinerary = document.itinerary
    count = itinerary.page_count
    if printer is None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare(printer, itinerary.name)
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(QCoreApplication.translate("printing", "Print itinerary"))
        dialog.setMinMax(1, count)
        # "Print to file (PDF)" starts in the folder exports were last written to.
        printer.setOutputFileName(str(last_folder(EXPORTS) / f"{itinerary.name}.pdf"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
            remember_folder(EXPORTS, Path(printer.outputFileName()))
    else:
        prepare(printer, itinerary.name)
    first, last = page_range(printer, count)
    painter = QPainter()
    if not painter.begin(printer):
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("printing", "Print itinerary"),
            QCoreApplication.translate("printing", "The printer could not be started."),
        )
        return False
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        sheet = QRectF(printer.pageRect(QPrinter.Unit.DevicePixel))
        dpi = min(printer.resolution(), PRINT_DPI_CAP)
        for index in range(first, last + 1):
            if index > first:
                printer.newPage()
            image = document.page_image(index, dpi / POINTS_PER_INCH)
            painter.drawImage(fitted(sheet, image.width(), image.height()), image)
    finally:
        painter.end()
        QGuiApplication.restoreOverrideCursor()
    return True


def prepare(printer: QPrinter, name: str) -> None:
    """A4 portrait, the whole sheet (the PDF has its own margins), named after the person."""
    printer.setDocName(
        QCoreApplication.translate("printing", "Itinerary — {name}").format(name=name)
    )
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)


def page_range(printer: QPrinter, count: int) -> tuple[int, int]:
    """The first and last page index to print: all, or the range chosen in the dialog."""
    first, last = 0, count - 1
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first = min(max(printer.fromPage(), 1), count) - 1
        last = min(max(printer.toPage(), first + 1), count) - 1
    return first, last


def fitted(area: QRectF, width: float, height: float) -> QRectF:
    """The largest rectangle of that aspect ratio inside `area`, centred in it."""
    scale = min(area.width() / width, area.height() / height)
    w, h = width * scale, height * scale
    return QRectF(area.x() + (area.width() - w) / 2, area.y() + (area.height() - h) / 2, w, h)

"""The Person view: a person's itinerary on screen, exactly as its PDF prints; export and print.

The preview is the PDF itself, rasterised by pdfium, so what the coordinator checks on screen is
what the delegate gets on paper: there is no second layout to keep in step with the export.
pypdfium2 is imported here and nowhere in the core (which never imports Qt either).
"""

from __future__ import annotations

import io
import re
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import (
    QEvent,
    QObject,
    QRect,
    QRectF,
    QSettings,
    QSize,
    Qt,
    QThread,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QColor,
    QGuiApplication,
    QImage,
    QKeySequence,
    QPageLayout,
    QPageSize,
    QPainter,
    QPaintEvent,
    QPalette,
    QPixmap,
    QShowEvent,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from tourplanner.db import PlanFile
from tourplanner.errors import TourPlannerError
from tourplanner.services import people

EMPTY_TEXT = "Select a person to preview their itinerary"
POINTS_PER_INCH = 72.0
SCREEN_DPI = 96.0  # "100 %" is the page at its printed size on a 96 dpi screen
ZOOM_STEPS = (0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0)
MAX_FIT_ZOOM = 2.0  # on a very wide window "fit width" stops at 200 %, not poster size
PAGE_GAP = 18  # logical pixels between pages and around them
SHADOW = 4  # logical pixels of drop shadow to the right and below each page
PRINT_DPI_CAP = 300  # a 1200 dpi printer gains nothing visible, and each page would be 140 MB
CACHED_PEOPLE = 32  # PDFs are ~50 kB each; keep the ones a coordinator flips between
RESIZE_SETTLE_MS = 120  # while the window is being resized pages are stretched, then re-rendered


@dataclass(frozen=True)
class Itinerary:
    """One rendered itinerary: the PDF bytes and what the view says about whose it is."""

    person_id: int
    name: str  # Latin name, with the local one after it when there is one
    file_stem: str  # a safe default file name for Export PDF…
    data: bytes
    page_sizes: tuple[tuple[float, float], ...]  # in PDF points

    @property
    def page_count(self) -> int:
        return len(self.page_sizes)


def safe_file_stem(name: str) -> str:
    """A file name from a person's name: no path separators or characters Windows refuses."""
    stem = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", name).strip(" .")
    return re.sub(r"\s+", " ", stem) or "itinerary"


def render_itinerary(plan: PlanFile, person_id: int) -> Itinerary:
    """The person's itinerary PDF, made in memory by the very function File ▸ Export uses."""
    with plan.reading() as session:
        person = people.get_person(session, person_id)
        latin, local = person.name_latin, person.name_local
    buffer = io.BytesIO()
    from tourplanner.export.pdf import export_itinerary  # reportlab: on first use

    export_itinerary(plan, person_id, buffer)
    data = buffer.getvalue()
    pdf = pdfium.PdfDocument(data)
    try:
        sizes = tuple(tuple(pdf.get_page_size(i)) for i in range(len(pdf)))
    finally:
        pdf.close()
    return Itinerary(
        person_id,
        f"{latin} · {local}" if local else latin,
        safe_file_stem(f"{latin} itinerary"),
        data,
        sizes,  # type: ignore[arg-type]
    )


def render_page(pdf: pdfium.PdfDocument, index: int, scale: float) -> QImage:
    """Page `index` rasterised at `scale` pixels per point, as a QImage that owns its pixels."""
    page = pdf[index]
    try:
        bitmap = page.render(scale=scale, rev_byteorder=True, prefer_bgrx=True)
        try:
            image = QImage(
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
    return image


class PageWidget(QWidget):
    """One page: white paper with a thin border and a soft shadow, drawn from a cached pixmap.

    A page is rasterised only when it is first painted, so a 15-page itinerary costs only the
    pages on screen; while the window is being resized, the old pixmap is stretched and the
    page is rendered again once the size has settled.
    """

    def __init__(self, view: PersonView, index: int) -> None:
        super().__init__()
        self.view, self.index = view, index
        self.pixmap: QPixmap | None = None
        self.paper = QSize(1, 1)  # logical pixels
        self.setAccessibleName(f"Page {index + 1}")
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_paper_size(self, size: QSize) -> None:
        self.paper = size
        self.setFixedSize(size.width() + SHADOW, size.height() + SHADOW)
        self.update()

    def wanted_pixels(self) -> tuple[QSize, float]:
        ratio = self.devicePixelRatioF()
        return QSize(round(self.paper.width() * ratio), round(self.paper.height() * ratio)), ratio

    def ensure_pixmap(self) -> QPixmap | None:
        """The page at its current size and the screen's pixel ratio, rendered if needed."""
        wanted, ratio = self.wanted_pixels()
        stale = self.pixmap is None or self.pixmap.size() != wanted
        if stale and (self.pixmap is None or not self.view.resizing):
            image = self.view.page_image(self.index, wanted.width())
            if image is not None:
                self.pixmap = QPixmap.fromImage(image)
                self.pixmap.setDevicePixelRatio(ratio)
        return self.pixmap

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        paper = QRect(0, 0, self.paper.width(), self.paper.height())
        for step in range(SHADOW, 0, -1):  # a soft shadow: darker nearer the page
            painter.fillRect(
                paper.translated(step, step), QColor(0, 0, 0, 14 + 8 * (SHADOW - step))
            )
        painter.fillRect(paper, Qt.GlobalColor.white)
        pixmap = self.ensure_pixmap()
        if pixmap is not None:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawPixmap(paper, pixmap)
        painter.setPen(QColor(0, 0, 0, 60))
        painter.drawRect(paper.adjusted(0, 0, -1, -1))
        painter.end()


class _Render(QThread):
    """Makes one itinerary off the GUI thread; `made` carries it, or the problem in words."""

    made = Signal(int, object)

    def __init__(self, plan: PlanFile, person_id: int) -> None:
        super().__init__()
        self.plan, self.person_id = plan, person_id

    def run(self) -> None:
        try:
            result: object = render_itinerary(self.plan, self.person_id)
        except (TourPlannerError, pdfium.PdfiumError, OSError) as exc:
            result = str(exc)
        self.made.emit(self.person_id, result)


class PersonView(QWidget):
    """A person's itinerary as it prints, page under page; Export PDF…, Print… and zoom.

    Rendering is synchronous (0.03–0.7 s for the demo's people) and cached by person; the main
    window calls `invalidate()` after every edit, and a hidden view re-renders only when shown.
    """

    status_message = Signal(str)  # "Wrote …", "Sent … to the printer": for the status bar

    def __init__(self, plan: PlanFile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.person_id: int | None = None
        self.itinerary: Itinerary | None = None
        self.pages: list[PageWidget] = []
        self.zoom: float | None = None  # None: fit the width of the view
        self.resizing = False
        self._pdf: pdfium.PdfDocument | None = None
        self._cache: OrderedDict[int, Itinerary] = OrderedDict()
        self._stale = False  # invalidated while hidden: render again when shown
        self._wanted: int | None = None  # the person last asked for (request_person)
        self._keep_position = False
        self._workers: list[_Render] = []

        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.heading.setAccessibleName("Person")
        self.heading.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.page_info = QLabel()
        self.page_info.setAccessibleName("Pages")

        self.zoom_out_button = self._button(
            "−", "Zoom out", "Show the pages smaller (Ctrl+−)", self.zoom_out
        )
        self.fit_button = self._button(
            "Fit width",
            "Fit width",
            "Fit the pages to the width of the view (Ctrl+0)",
            self.fit_width,
        )
        self.fit_button.setCheckable(True)
        self.zoom_in_button = self._button(
            "+", "Zoom in", "Show the pages larger (Ctrl++)", self.zoom_in
        )
        self.zoom_label = QLabel()
        self.zoom_label.setAccessibleName("Zoom")
        self.zoom_label.setToolTip("Zoom: 100 % is the printed size")
        self.zoom_label.setMinimumWidth(
            self.zoom_label.fontMetrics().horizontalAdvance("300 %") + 8
        )
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.export_button = self._button(
            "Export PDF…",
            "Export PDF",
            "Save this itinerary as a PDF file, exactly as shown",
            lambda: self.export_pdf(),
        )
        self.print_button = self._button(
            "Print…",
            "Print",
            "Print this itinerary, one page per sheet",
            lambda: self.print_itinerary(),
        )

        bar = QHBoxLayout()  # the heading has its own line above: names can be long
        bar.addWidget(self.page_info)
        bar.addStretch(1)
        bar.addSpacing(12)
        for widget in (self.zoom_out_button, self.zoom_label, self.zoom_in_button, self.fit_button):
            bar.addWidget(widget)
        bar.addSpacing(12)
        bar.addWidget(self.export_button)
        bar.addWidget(self.print_button)

        self.pages_widget = QWidget()
        self.pages_widget.setBackgroundRole(QPalette.ColorRole.Window)
        self.pages_widget.setAutoFillBackground(True)
        self.pages_layout = QVBoxLayout(self.pages_widget)
        self.pages_layout.setContentsMargins(PAGE_GAP, PAGE_GAP, PAGE_GAP, PAGE_GAP)
        self.pages_layout.setSpacing(PAGE_GAP)
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.pages_widget)
        self.scroll.setWidgetResizable(True)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll.setBackgroundRole(QPalette.ColorRole.Window)
        self.scroll.setAccessibleName("Itinerary pages")
        self.scroll.setToolTip("The itinerary exactly as it prints; Ctrl+wheel zooms")
        self.scroll.installEventFilter(self)
        self.scroll.viewport().installEventFilter(self)

        self.message = QLabel(EMPTY_TEXT)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setAccessibleName("Itinerary preview message")
        self.message.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.message.setContentsMargins(24, 24, 24, 24)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.message)
        self.stack.addWidget(self.scroll)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.heading)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)

        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(RESIZE_SETTLE_MS)
        self._settle.timeout.connect(self._resize_settled)
        self._add_shortcut(
            [*QKeySequence.keyBindings(QKeySequence.StandardKey.ZoomIn), "Ctrl+="], self.zoom_in
        )
        self._add_shortcut(
            QKeySequence.keyBindings(QKeySequence.StandardKey.ZoomOut), self.zoom_out
        )
        self._add_shortcut(["Ctrl+0"], self.fit_width)
        self._show_message(EMPTY_TEXT)
        app = QApplication.instance()
        if app is not None:  # pdfium complains about documents still open at exit
            app.aboutToQuit.connect(self.close_document)

    def _button(self, text: str, name: str, tip: str, slot) -> QToolButton:  # noqa: ANN001
        button = QToolButton()
        button.setText(text)
        button.setAccessibleName(name)
        button.setToolTip(tip)
        button.setAutoRaise(False)
        button.clicked.connect(slot)
        return button

    def _add_shortcut(self, keys: list, slot) -> None:  # noqa: ANN001
        """Shortcuts that work while focus is anywhere in this view, not in the whole window."""
        action = QAction(self)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)

    # -- which person ---------------------------------------------------------------------------

    def set_person(self, person_id: int | None) -> None:
        """Show that person's itinerary (from the cache when nothing changed since), or none."""
        self.person_id = person_id
        self._stale = False
        self._show_current()

    def request_person(self, person_id: int | None, *, keep_position: bool = False) -> None:
        """Show that person's itinerary without blocking: made on a thread unless cached.

        Making a long itinerary takes up to a second; the window stays usable meanwhile and
        only the last person asked for is shown.
        """
        self._wanted = person_id
        if person_id is None or person_id in self._cache:
            self.set_person(person_id)
            return
        self._show_message("Preparing the itinerary…")
        self._keep_position = keep_position
        worker = _Render(self.plan, person_id)
        worker.made.connect(self._made)
        worker.finished.connect(lambda: self._workers.remove(worker))
        self._workers.append(worker)
        worker.start()

    def _made(self, person_id: int, result: object) -> None:
        if person_id != self._wanted:
            return  # another person was chosen meanwhile
        if isinstance(result, Itinerary):
            self._cache[person_id] = result
            while len(self._cache) > CACHED_PEOPLE:
                self._cache.popitem(last=False)
            self.person_id = person_id
            self._stale = False
            self._show_current(keep_position=self._keep_position)
        else:
            self.person_id = person_id
            self._show_message(f"This itinerary cannot be shown: {result}.")

    def wait(self) -> None:
        """Let itineraries being made finish (closing the window, tests)."""
        for worker in list(self._workers):
            worker.wait()

    def invalidate(self) -> None:
        """Forget every rendered itinerary (the plan changed); the shown one is made again
        (on a thread), or when the view is next shown if it is hidden."""
        self._cache.clear()
        if self.person_id is None:
            return
        if self.isVisible():
            self.request_person(self.person_id, keep_position=True)
        else:
            self._stale = True

    def shut_down(self) -> None:
        """Before the window closes: nothing more is shown, and the PDF is freed."""
        self._wanted = None  # an itinerary arriving after this is dropped
        self.wait()
        self.close_document()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.shut_down()  # PDFium documents are freed explicitly, not by the collector
        super().closeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self._show_current(keep_position=True)

    def _itinerary(self, person_id: int) -> Itinerary:
        cached = self._cache.get(person_id)
        if cached is not None:
            self._cache.move_to_end(person_id)
            return cached
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            made = render_itinerary(self.plan, person_id)
        finally:
            QApplication.restoreOverrideCursor()
        self._cache[person_id] = made
        while len(self._cache) > CACHED_PEOPLE:
            self._cache.popitem(last=False)
        return made

    def _show_current(self, *, keep_position: bool = False) -> None:
        bar = self.scroll.verticalScrollBar()
        position = bar.value() / bar.maximum() if keep_position and bar.maximum() else 0.0
        self.close_document()
        if self.person_id is None:
            self._show_message(EMPTY_TEXT)
            return
        try:
            itinerary = self._itinerary(self.person_id)
            self._pdf = pdfium.PdfDocument(itinerary.data)
        except (TourPlannerError, pdfium.PdfiumError, OSError) as exc:
            self._show_message(f"This itinerary cannot be shown: {exc}.")
            return
        self.itinerary = itinerary
        self.heading.setText(f"Itinerary — {itinerary.name}")
        self.heading.setToolTip(itinerary.name)
        count = itinerary.page_count
        self.page_info.setText(f"{count} page{'' if count == 1 else 's'}")
        self._set_buttons_enabled(True)
        self.stack.setCurrentWidget(self.scroll)  # first: a hidden page of the stack has no size
        self._build_pages()
        if position:
            QTimer.singleShot(0, lambda: bar.setValue(round(position * bar.maximum())))
        else:
            bar.setValue(0)

    def _show_message(self, text: str) -> None:
        self.itinerary = None
        self.close_document()
        self._clear_pages()
        self.heading.setText("")
        self.heading.setToolTip("")
        self.page_info.setText("")
        self.message.setText(text)
        self._set_buttons_enabled(False)
        self.stack.setCurrentWidget(self.message)
        self._update_zoom_label()

    def _set_buttons_enabled(self, enabled: bool) -> None:
        for button in (
            self.export_button,
            self.print_button,
            self.zoom_in_button,
            self.zoom_out_button,
            self.fit_button,
        ):
            button.setEnabled(enabled)

    def close_document(self) -> None:
        if self._pdf is not None:
            self._pdf.close()
            self._pdf = None

    # -- pages ----------------------------------------------------------------------------------

    def _clear_pages(self) -> None:
        for page in self.pages:
            self.pages_layout.removeWidget(page)
            page.deleteLater()
        self.pages = []

    def _build_pages(self) -> None:
        self._clear_pages()
        assert self.itinerary is not None
        for index in range(self.itinerary.page_count):
            page = PageWidget(self, index)
            self.pages_layout.addWidget(page, 0, Qt.AlignmentFlag.AlignHCenter)
            self.pages.append(page)
        self._layout_pages()

    def page_count(self) -> int:
        """How many pages are shown (0 in the empty or error state)."""
        return len(self.pages)

    def pixels_per_point(self) -> float:
        """Logical pixels per PDF point at the current zoom, or for "fit width"."""
        if self.zoom is not None:
            return self.zoom * SCREEN_DPI / POINTS_PER_INCH
        widest = (
            max((w for w, _ in self.itinerary.page_sizes), default=595.0)
            if self.itinerary
            else 595.0
        )
        # The scroll bar's width is always set aside, so showing it never changes the fit.
        frame = 2 * self.scroll.frameWidth()
        bar = self.scroll.verticalScrollBar().sizeHint().width()
        room = self.scroll.width() - frame - bar - 2 * PAGE_GAP - SHADOW
        fit = max(room, 120) / widest
        return min(fit, MAX_FIT_ZOOM * SCREEN_DPI / POINTS_PER_INCH)

    def _layout_pages(self) -> None:
        if self.itinerary is None:
            return
        scale = self.pixels_per_point()
        for page, (width, height) in zip(self.pages, self.itinerary.page_sizes, strict=True):
            page.set_paper_size(QSize(round(width * scale), round(height * scale)))
        # Lay out now, not in a later round of posted events: pages must never be painted
        # squeezed into the old height, nor the scroll position restored against it.
        self.pages_layout.activate()
        size = self.scroll.viewport().size().expandedTo(self.pages_widget.minimumSizeHint())
        self.pages_widget.resize(size)
        self._update_zoom_label()

    def page_image(self, index: int, width_px: int | None = None) -> QImage | None:
        """Page `index` rasterised `width_px` device pixels wide (default: as shown now)."""
        if self._pdf is None or self.itinerary is None:
            return None
        if width_px is None:
            width_px = self.pages[index].wanted_pixels()[0].width()
        page_width = self.itinerary.page_sizes[index][0]
        return render_page(self._pdf, index, width_px / page_width)

    def _scroll_resized(self) -> None:
        if self.zoom is None and self.pages:
            self.resizing = True
            self._layout_pages()
            self._settle.start()

    def _resize_settled(self) -> None:
        self.resizing = False
        for page in self.pages:
            page.update()

    # -- zoom -----------------------------------------------------------------------------------

    def current_zoom(self) -> float:
        """The zoom shown, 1.0 being the printed size on a 96 dpi screen."""
        return self.pixels_per_point() * POINTS_PER_INCH / SCREEN_DPI

    def _update_zoom_label(self) -> None:
        self.fit_button.setChecked(self.zoom is None)
        self.zoom_label.setText(
            f"{self.current_zoom():.0%}".replace("%", " %") if self.pages else ""
        )

    def set_zoom(self, zoom: float | None) -> None:
        """Show the pages at `zoom` (1.0 = printed size), or fitted to the width with None."""
        self.zoom = None if zoom is None else min(max(zoom, ZOOM_STEPS[0]), ZOOM_STEPS[-1])
        bar = self.scroll.verticalScrollBar()
        position = bar.value() / bar.maximum() if bar.maximum() else 0.0
        self._layout_pages()
        QTimer.singleShot(0, lambda: bar.setValue(round(position * bar.maximum())))

    def zoom_in(self) -> None:
        now = self.current_zoom()
        self.set_zoom(next((z for z in ZOOM_STEPS if z > now + 0.005), ZOOM_STEPS[-1]))

    def zoom_out(self) -> None:
        now = self.current_zoom()
        self.set_zoom(next((z for z in reversed(ZOOM_STEPS) if z < now - 0.005), ZOOM_STEPS[0]))

    def fit_width(self) -> None:
        self.set_zoom(None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Fit the pages again when the view changes size; Ctrl+wheel zooms, as in every viewer."""
        if watched is self.scroll and event.type() == QEvent.Type.Resize:
            self._scroll_resized()
        elif (
            event.type() == QEvent.Type.Wheel
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
            and self.pages
        ):
            if event.angleDelta().y() > 0:
                self.zoom_in()
            elif event.angleDelta().y() < 0:
                self.zoom_out()
            return True
        return super().eventFilter(watched, event)

    # -- export and print -----------------------------------------------------------------------

    def export_pdf(self, path: Path | None = None) -> Path | None:
        """Write the shown person's itinerary PDF; asks where unless `path` is given."""
        if self.itinerary is None or self.person_id is None:
            return None
        if path is None:
            settings = QSettings()
            folder = Path(str(settings.value("person_view/export_folder", str(Path.home()))))
            name, _ = QFileDialog.getSaveFileName(
                self,
                "Export itinerary",
                str(folder / f"{self.itinerary.file_stem}.pdf"),
                "PDF (*.pdf)",
            )
            if not name:
                return None
            path = Path(name)
            if path.suffix.lower() != ".pdf":
                path = path.with_name(path.name + ".pdf")
            settings.setValue("person_view/export_folder", str(path.parent))
        try:
            from tourplanner.export.pdf import export_itinerary  # reportlab: on first use

            export_itinerary(self.plan, self.person_id, path)
        except (TourPlannerError, OSError) as exc:
            QMessageBox.warning(
                self, "Export itinerary", f"The itinerary was not written.\n\n{exc}"
            )
            return None
        self.status_message.emit(f"Wrote {path}")
        return path

    def print_itinerary(self, printer: QPrinter | None = None) -> bool:
        """Print the shown itinerary, one PDF page per sheet; asks which printer unless given one.

        Each page is rasterised by pdfium at the printer's resolution (at most 300 dpi) and
        drawn on the whole sheet: the PDF already has its margins, so it prints at its true size.
        """
        itinerary, pdf = self.itinerary, self._pdf
        if itinerary is None or pdf is None:
            return False
        count = itinerary.page_count
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            self._prepare(printer, itinerary)
            dialog = QPrintDialog(printer, self)
            dialog.setWindowTitle("Print itinerary")
            dialog.setMinMax(1, count)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
        else:
            self._prepare(printer, itinerary)
        first, last = 0, count - 1
        if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            first = min(max(printer.fromPage(), 1), count) - 1
            last = min(max(printer.toPage(), first + 1), count) - 1
        painter = QPainter()
        if not painter.begin(printer):
            QMessageBox.warning(self, "Print itinerary", "The printer could not be started.")
            return False
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            sheet = QRectF(printer.pageRect(QPrinter.Unit.DevicePixel))
            dpi = min(printer.resolution(), PRINT_DPI_CAP)
            for index in range(first, last + 1):
                if index > first:
                    printer.newPage()
                image = render_page(pdf, index, dpi / POINTS_PER_INCH)
                painter.drawImage(fitted(sheet, image.width(), image.height()), image)
        finally:
            painter.end()
            QGuiApplication.restoreOverrideCursor()
        self.status_message.emit(f"Sent “{itinerary.name}” to the printer")
        return True

    @staticmethod
    def _prepare(printer: QPrinter, itinerary: Itinerary) -> None:
        printer.setDocName(f"Itinerary — {itinerary.name}")
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setPageOrientation(QPageLayout.Orientation.Portrait)
        printer.setFullPage(True)


def fitted(area: QRectF, width: float, height: float) -> QRectF:
    """The largest rectangle of that aspect ratio inside `area`, centred in it."""
    scale = min(area.width() / width, area.height() / height)
    w, h = width * scale, height * scale
    return QRectF(area.x() + (area.width() - w) / 2, area.y() + (area.height() - h) / 2, w, h)

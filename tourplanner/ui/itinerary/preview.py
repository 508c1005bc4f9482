"""The itinerary preview: a person's itinerary on screen exactly as its PDF prints.

The preview is the PDF itself, rasterised by pdfium, so what the coordinator checks on screen is
what the delegate gets on paper: there is no second layout to keep in step with the export.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QImage,
    QKeySequence,
    QPalette,
    QShowEvent,
    QWheelEvent,
)
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QApplication,
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

from tourplanner.errors import TourPlannerError
from tourplanner.planfile import PlanFile
from tourplanner.ui.file_dialogs import EXPORTS, save_path
from tourplanner.ui.itinerary import zoom as zooming
from tourplanner.ui.itinerary.cache import ItineraryCache
from tourplanner.ui.itinerary.document import ItineraryDocument
from tourplanner.ui.itinerary.pages import SHADOW, PageWidget
from tourplanner.ui.itinerary.printing import print_document
from tourplanner.ui.itinerary.render import Itinerary, render_itinerary
from tourplanner.ui.marks import QT_TRANSLATE_NOOP
from tourplanner.ui.tasks import TaskRunner

EMPTY_TEXT = QT_TRANSLATE_NOOP("ItineraryPreview", "Select a person to preview their itinerary")
PREPARING_TEXT = QT_TRANSLATE_NOOP("ItineraryPreview", "Preparing the itinerary…")
RENDER_KEY = "itinerary-preview"  # a newer person asked for supersedes the one being made
PAGE_GAP = 18  # logical pixels between pages and around them
RESIZE_SETTLE_MS = 120  # while the window is being resized pages are stretched, then re-rendered


class ItineraryPreview(QWidget):
    """A person's itinerary as it prints, page under page; Export PDF…, Print… and zoom.

    Itineraries are cached by person. `request_person` makes one on the task runner (0.03–0.7 s
    for the demo's people) while the window stays usable; `set_person` makes it at once. The
    main window calls `invalidate()` after every edit; a hidden preview renders again only when
    shown.
    """

    status_message = Signal(str)  # "Wrote …", "Sent … to the printer": for the status bar

    def __init__(self, plan: PlanFile, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.tasks = tasks
        self.person_id: int | None = None  # the person shown, or being made
        self.itinerary: Itinerary | None = None  # the one shown
        self.pages: list[PageWidget] = []
        self.zoom: float | None = None  # None: fit the width of the view
        self.resizing = False
        self._document: ItineraryDocument | None = None
        self._cache = ItineraryCache()
        self._stale = False  # invalidated while hidden: render again when shown

        self._build_heading()
        self._build_pages_area()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.heading)
        layout.addLayout(self._build_bar())
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

    # -- building -------------------------------------------------------------------------------

    def _build_heading(self) -> None:
        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.heading.setAccessibleName(self.tr("Person"))
        self.heading.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def _build_bar(self) -> QHBoxLayout:
        """Pages, zoom, Export PDF… and Print… (the heading has its own line: names are long)."""
        self.page_info = QLabel()
        self.page_info.setAccessibleName(self.tr("Pages"))
        self.zoom_out_button = self._button(
            "−", self.tr("Zoom out"), self.tr("Show the pages smaller (Ctrl+−)"), self.zoom_out
        )
        self.fit_button = self._button(
            self.tr("Fit width"),
            self.tr("Fit width"),
            self.tr("Fit the pages to the width of the view (Ctrl+0)"),
            self.fit_width,
        )
        self.fit_button.setCheckable(True)
        self.zoom_in_button = self._button(
            "+", self.tr("Zoom in"), self.tr("Show the pages larger (Ctrl++)"), self.zoom_in
        )
        self.zoom_label = QLabel()
        self.zoom_label.setAccessibleName(self.tr("Zoom"))
        self.zoom_label.setToolTip(self.tr("Zoom: 100 % is the printed size"))
        self.zoom_label.setMinimumWidth(
            self.zoom_label.fontMetrics().horizontalAdvance("300 %") + 8
        )
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.export_button = self._button(
            self.tr("Export PDF…"),
            self.tr("Export PDF"),
            self.tr("Save this itinerary as a PDF file, exactly as shown"),
            lambda: self.export_pdf(),
        )
        self.print_button = self._button(
            self.tr("Print…"),
            self.tr("Print"),
            self.tr("Print this itinerary, one page per sheet"),
            lambda: self.print_itinerary(),
        )
        bar = QHBoxLayout()
        bar.addWidget(self.page_info)
        bar.addStretch(1)
        bar.addSpacing(12)
        for widget in (self.zoom_out_button, self.zoom_label, self.zoom_in_button, self.fit_button):
            bar.addWidget(widget)
        bar.addSpacing(12)
        bar.addWidget(self.export_button)
        bar.addWidget(self.print_button)
        return bar

    def _build_pages_area(self) -> None:
        """The pages in a scroll area, and the message shown instead when there are none."""
        self.pages_widget = QWidget()
        self.pages_widget.setBackgroundRole(QPalette.ColorRole.Window)
        self.pages_widget.setAutoFillBackground(True)
        self.pages_layout = QVBoxLayout(self.pages_widget)
        self.pages_layout.setContentsMargins(PAGE_GAP, PAGE_GAP, PAGE_GAP, PAGE_GAP)
        self.pages_layout.setSpacing(PAGE_GAP)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(self.pages_widget)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll_area.setBackgroundRole(QPalette.ColorRole.Window)
        self.scroll_area.setAccessibleName(self.tr("Itinerary pages"))
        self.scroll_area.setToolTip(self.tr("The itinerary exactly as it prints; Ctrl+wheel zooms"))
        self.scroll_area.installEventFilter(self)
        self.scroll_area.viewport().installEventFilter(self)

        self.message = QLabel(self.tr(EMPTY_TEXT))
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setAccessibleName(self.tr("Itinerary preview message"))
        self.message.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.message.setContentsMargins(24, 24, 24, 24)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.message)
        self.stack.addWidget(self.scroll_area)

    def _button(self, text: str, name: str, tip: str, slot: Callable[[], object]) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setAccessibleName(name)
        button.setToolTip(tip)
        button.setAutoRaise(False)
        button.clicked.connect(slot)
        return button

    def _add_shortcut(self, keys: Sequence[QKeySequence | str], slot: Callable[[], object]) -> None:
        """Shortcuts that work while focus is anywhere in this view, not in the whole window."""
        action = QAction(self)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)

    # -- which person ---------------------------------------------------------------------------

    def set_person(self, person_id: int | None) -> None:
        """Show that person's itinerary now (from the cache when nothing changed since), or
        none; an itinerary still being made for someone else is dropped."""
        self._drop_render()
        self.person_id = person_id
        self._stale = False
        self._show_current()

    def request_person(self, person_id: int | None, *, keep_position: bool = False) -> None:
        """Show that person's itinerary without blocking: made on the task runner unless cached.

        Making a long itinerary takes up to a second; the window stays usable meanwhile and
        only the last person asked for is shown (a newer request supersedes the older).
        """
        if person_id is None or person_id in self._cache:
            self.set_person(person_id)
            return
        self.person_id = person_id
        self._stale = False
        self._show_message(PREPARING_TEXT)
        plan = self.plan
        self.tasks.run(
            lambda state: render_itinerary(plan, person_id, state),
            on_done=lambda made: self._made(made, keep_position=keep_position),
            on_error=lambda problem: self._show_message(cannot_show(problem)),
            key=RENDER_KEY,
        )

    def _made(self, itinerary: Itinerary, *, keep_position: bool) -> None:
        self._cache.put(itinerary)
        self._show_current(keep_position=keep_position)

    def _drop_render(self) -> None:
        self.tasks.cancel(RENDER_KEY)

    def rendering(self) -> bool:
        """Whether an itinerary is being made for the preview."""
        return self.tasks.running(RENDER_KEY) is not None

    def wait(self) -> None:
        """Let the jobs on the task runner finish and be shown (tests, benchmarks)."""
        self.tasks.wait()

    def invalidate(self) -> None:
        """Forget every rendered itinerary (the plan changed); the shown one is made again
        (on the task runner), or when the view is next shown if it is hidden."""
        self._cache.clear()
        if self.person_id is None:
            return
        if self.isVisible():
            self.request_person(self.person_id, keep_position=True)
        else:
            self._drop_render()
            self._stale = True

    def shut_down(self) -> None:
        """Before the window closes: nothing more is shown, and the PDF is freed."""
        self._drop_render()
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
            return cached
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            made = render_itinerary(self.plan, person_id)
        finally:
            QApplication.restoreOverrideCursor()
        self._cache.put(made)
        return made

    def _show_current(self, *, keep_position: bool = False) -> None:
        bar = self.scroll_area.verticalScrollBar()
        position = bar.value() / bar.maximum() if keep_position and bar.maximum() else 0.0
        self.close_document()
        if self.person_id is None:
            self._show_message(EMPTY_TEXT)
            return
        try:
            itinerary = self._itinerary(self.person_id)
            self._document = ItineraryDocument(itinerary)
        except TourPlannerError as exc:
            self._show_message(cannot_show(exc))
            return
        self.itinerary = itinerary
        self.heading.setText(self.tr("Itinerary — {name}").format(name=itinerary.name))
        self.heading.setToolTip(itinerary.name)
        count = itinerary.page_count
        self.page_info.setText(
            (self.tr("{count} page") if count == 1 else self.tr("{count} pages")).format(
                count=count
            )
        )
        self._set_buttons_enabled(True)
        self.stack.setCurrentWidget(
            self.scroll_area
        )  # first: a hidden page of the stack has no size
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
        self.message.setText(
            self.tr(text)
        )  # EMPTY_TEXT, PREPARING_TEXT: marked, not yet translated
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
        if self._document is not None:
            self._document.close()
            self._document = None

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
            return zooming.pixels_per_point(self.zoom)
        sizes = self.itinerary.page_sizes if self.itinerary else ()
        widest = max((w for w, _ in sizes), default=zooming.A4_WIDTH)
        # The scroll bar's width is always set aside, so showing it never changes the fit.
        frame = 2 * self.scroll_area.frameWidth()
        bar = self.scroll_area.verticalScrollBar().sizeHint().width()
        room = self.scroll_area.width() - frame - bar - 2 * PAGE_GAP - SHADOW
        return zooming.fit_width(room, widest)

    def _layout_pages(self) -> None:
        if self.itinerary is None:
            return
        scale = self.pixels_per_point()
        for page, (width, height) in zip(self.pages, self.itinerary.page_sizes, strict=True):
            page.set_paper_size(QSize(round(width * scale), round(height * scale)))
        # Lay out now, not in a later round of posted events: pages must never be painted
        # squeezed into the old height, nor the scroll position restored against it.
        self.pages_layout.activate()
        size = self.scroll_area.viewport().size().expandedTo(self.pages_widget.minimumSizeHint())
        self.pages_widget.resize(size)
        self._update_zoom_label()

    def page_image(self, index: int, width_px: int | None = None) -> QImage | None:
        """Page `index` rasterised `width_px` device pixels wide (default: as shown now)."""
        if self._document is None or self.itinerary is None:
            return None
        if width_px is None:
            width_px = self.pages[index].wanted_pixels()[0].width()
        return self._document.page_image_width(index, width_px)

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
        return zooming.zoom_of(self.pixels_per_point())

    def _update_zoom_label(self) -> None:
        self.fit_button.setChecked(self.zoom is None)
        self.zoom_label.setText(zooming.zoom_text(self.current_zoom()) if self.pages else "")

    def set_zoom(self, zoom: float | None) -> None:
        """Show the pages at `zoom` (1.0 = printed size), or fitted to the width with None."""
        self.zoom = None if zoom is None else zooming.bounded(zoom)
        bar = self.scroll_area.verticalScrollBar()
        position = bar.value() / bar.maximum() if bar.maximum() else 0.0
        self._layout_pages()
        QTimer.singleShot(0, lambda: bar.setValue(round(position * bar.maximum())))

    def zoom_in(self) -> None:
        self.set_zoom(zooming.step_in(self.current_zoom()))

    def zoom_out(self) -> None:
        self.set_zoom(zooming.step_out(self.current_zoom()))

    def fit_width(self) -> None:
        self.set_zoom(None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Fit the pages again when the view changes size; Ctrl+wheel zooms, as in every viewer."""
        if watched is self.scroll_area and event.type() == QEvent.Type.Resize:
            self._scroll_resized()
        elif (
            isinstance(event, QWheelEvent)
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
        if self.itinerary is None:
            return None
        if path is None:
            path = self._ask_export_path(self.itinerary.file_stem)
            if path is None:
                return None
        try:
            from tourplanner.export.pdf import export_itinerary  # reportlab: on first use

            export_itinerary(self.plan, self.itinerary.person_id, path)
        except (TourPlannerError, OSError) as exc:
            QMessageBox.warning(
                self,
                self.tr("Export itinerary"),
                self.tr("The itinerary was not written.\n\n{exc}").format(exc=exc),
            )
            return None
        self.status_message.emit(self.tr("Wrote {path}").format(path=path))
        return path

    def _ask_export_path(self, stem: str) -> Path | None:
        """Where to write, asked in the folder used last; always ending in .pdf."""
        path = save_path(
            self,
            self.tr("Export itinerary"),
            self.tr("{stem}.pdf").format(stem=stem),
            self.tr("PDF (*.pdf)"),
            kind=EXPORTS,
        )
        if path is not None and path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        return path

    def print_itinerary(self, printer: QPrinter | None = None) -> bool:
        """Print the shown itinerary, one PDF page per sheet; asks which printer unless given one."""
        if self._document is None or self.itinerary is None:
            return False
        if not print_document(self._document, printer, self):
            return False
        self.status_message.emit(
            self.tr("Sent “{name}” to the printer").format(name=self.itinerary.name)
        )
        return True


def cannot_show(problem: TourPlannerError) -> str:
    """What the preview says instead of an itinerary it cannot make."""
    return QCoreApplication.translate(
        "preview", "This itinerary cannot be shown: {problem}."
    ).format(problem=problem)
